"""What a site's own Go templates reach beyond the shortcode (go_run.py's Call): the site's
own partials (layouts/partials/, or layouts/_partials/ since Hugo 0.146), compiled when
simple, and ``.Site.Data`` read from the site's data/ folder a file at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .config import load_site_data, resolves_inside
from .go_escape import NotSimple
from .go_functions import exact_maps
from .go_run import data_folder_marker
from .go_template import compile_template

__all__ = ["data_at", "partial_file", "partial_nodes", "project_file", "template_file"]

_DATA_SUFFIXES = (".yaml", ".yml", ".toml", ".json")


def partial_file(layout_dirs: list[Path], name: str) -> Path | None:
    """The file of partial ``name`` ("callout", "shortcodes/callout.html") in the first of
    ``layout_dirs`` that has it, as Hugo finds it (".html" added when the name has no
    extension); None when none has it, or the file leads out of its layouts folder."""
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    if not parts or ".." in parts or "." in parts:
        return None
    candidates = [parts] if "." in parts[-1] else [parts[:-1] + [parts[-1] + ".html"], parts]
    for layouts in layout_dirs:
        for folder in ("partials", "_partials"):
            for candidate in candidates:
                path = layouts.joinpath(folder, *candidate)
                try:
                    if path.is_file() and resolves_inside(path, layouts.resolve()):
                        return path
                except (OSError, ValueError, RuntimeError):
                    continue
    return None


# Where Hugo 0.146's names find a template: "_partials/x.html" also in the older partials/
# folder, and "_default/x.html" at the layouts' top, and the reverse; "partials/x.html"
# finds the older folder's only (checked with hugo 0.149.1 and 0.168.0)
_ALSO = {"_partials": ["partials"], "_shortcodes": ["shortcodes"], "_default": [""]}


def template_file(layout_dirs: list[Path], name: str) -> Path | None:
    """The template ``name`` ("partials/x.html", "_shortcodes/note.html") names in the
    first of ``layout_dirs`` that has it, as ``templates.Exists`` looks; None when none
    has it, or the name leads out of its folder."""
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    if not parts or ".." in parts or "." in parts:
        return None
    names = [parts] + [[folder, *parts[1:]] if folder else parts[1:] for folder in _ALSO.get(parts[0], [])]
    if len(parts) == 1:
        names.append(["_default", *parts])
    for layouts in layout_dirs:
        for candidate in names:
            path = Path(layouts).joinpath(*candidate)
            if path.is_file() and resolves_inside(path, Path(layouts).resolve()):
                return path
    return None


def project_file(root: Path, name: str) -> Path | None:
    """The file or folder ``name`` names in the site's folder, as Hugo's ``readFile`` and
    ``fileExists`` find it (a leading "/" read from the site's folder too); None when there
    is none, or the name leads out of the folder ("../x": Hugo reads nothing there)."""
    try:
        path = root.joinpath(*[part for part in name.replace("\\", "/").split("/") if part])
        return path if path.exists() and resolves_inside(path, root.resolve()) else None
    except (OSError, ValueError):  # a name the system refuses (a NUL, too long): no such file
        return None


def partial_nodes(own_dirs: list[Path], all_dirs: list[Path], name: str,
                  cache: dict) -> list | None:
    """Partial ``name`` of the site compiled (cached in ``cache``); NotSimple when the site
    does not have it (a theme's, or a module's manualgen does not see: it runs the site's own
    templates only) or it cannot be run."""
    if name not in cache:
        cache[name] = _compiled(own_dirs, all_dirs, name)
    found = cache[name]
    if isinstance(found, NotSimple):
        raise found
    return found


def _compiled(own_dirs: list[Path], all_dirs: list[Path], name: str) -> list | NotSimple | None:
    path = partial_file(own_dirs, name)
    if path is None:
        whose = "a theme's, not the site's" if partial_file(all_dirs, name) else "which the site does not have"
        return NotSimple(f'the partial "{name}", {whose}')
    try:
        return compile_template(path.read_text(encoding="utf-8"), partial=True)
    except (OSError, UnicodeDecodeError):
        return NotSimple(f'the partial "{name}", which cannot be read as UTF-8 text')
    except NotSimple as exc:
        return NotSimple(f'the partial "{name}", which uses {exc}')


def data_at(roots: list[Path], path: tuple[str, ...], report: Callable[[list], None]) -> object:
    """``.Site.Data`` at ``path`` (folder names, then a file's name without its extension,
    then keys inside it): the value there, the folder marker for a folder (read further by
    field), or None.  ``roots`` are the site's folder, then its themes': the site's file
    wins, as Hugo merges them.  A file that does not parse is reported and read as nothing."""
    for root in roots:
        found = _data_in(root, path, report)
        if found is not None:
            return found
    return None


def data_names(roots: list[Path], path: tuple[str, ...]) -> list[str]:
    """The names in the folder of ``.Site.Data`` at ``path`` (its files without their
    extension, and its folders), in the site's folder and its themes', sorted."""
    names: set[str] = set()
    for root in roots:
        if any(not part or part in ("..", ".") or "/" in part or "\\" in part for part in path):
            return []
        folder = root.joinpath("data", *path)
        if not folder.is_dir() or not resolves_inside(folder, root.resolve()):
            continue
        for entry in folder.iterdir():
            if entry.is_dir():
                names.add(entry.name)
            elif entry.suffix.lower() in _DATA_SUFFIXES:
                names.add(entry.stem)
    return sorted(names)


def _data_in(root: Path, path: tuple[str, ...], report: Callable[[list], None]) -> object:
    try:
        return _data_under(root, path, report)
    except (OSError, ValueError):  # a name the system refuses (too long): no such file
        return None


def _data_under(root: Path, path: tuple[str, ...], report: Callable[[list], None]) -> object:
    base = root / "data"
    for depth, part in enumerate(path):
        if not part or part in ("..", ".") or "/" in part or "\\" in part:
            return None
        for suffix in _DATA_SUFFIXES:
            file = base / (part + suffix)
            if file.is_file() and resolves_inside(file, root.resolve()):
                problems: list = []
                value = load_site_data(file, problems)
                report(problems)
                return None if problems else _inside(exact_maps(value), path[depth + 1:])
        base = base / part
        if not base.is_dir():
            return None
    return data_folder_marker()


def _inside(value: object, keys: tuple[str, ...]) -> object:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value
