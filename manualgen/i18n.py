"""The site's translation strings (Hugo's ``i18n/<lang>.toml|yaml|json``) and manualgen's labels.

Hugo's ``T "key"`` looks a key up in the language's file; entries are either plain strings or
tables with plural forms (``one``, ``other`` …).  manualgen's own print labels (Contents, Page,
Answer, …) live in ``labels.toml`` for de, fr, it, rm and en; a site overrides them in
``manualgen.toml`` under ``[labels.<lang>]``.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

from .content import _YamlLoader
from .errors import ContentError

LABELS_FILE = Path(__file__).resolve().parent / "labels.toml"


def _load(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix in (".yaml", ".yml"):
            data = yaml.load(text, Loader=_YamlLoader) or {}  # a SafeLoader
        else:
            data = json.loads(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError, json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            line = mark.line + 1
        # One line, without PyYAML's excerpt of the file or TOML's "(at line …)".
        problem = getattr(exc, "problem", None) or getattr(exc, "msg", None) or str(exc)
        found = re.search(r"\(at line (\d+), column \d+\)", problem)
        if found:
            line, problem = int(found.group(1)), problem[:found.start()].strip()
        elif "(at end of document)" in problem:
            line = len(text.rstrip().split("\n"))
        if isinstance(exc, RecursionError):
            problem = "nested too deeply to read"
        raise ContentError(f"invalid translation file: {problem}", path, line,
                           code="bad-i18n") from None
    if isinstance(data, list):  # the older list form: [{id: key, translation: text}]
        data = {str(item.get("id")): item.get("translation") for item in data if isinstance(item, dict)}
    return data if isinstance(data, dict) else {}


class Translator:
    """``T(key, count=None)`` for one language, falling back to the default language."""

    def __init__(self, lang: str, i18n_dirs: list[Path], fallback: str | None = None) -> None:
        self.lang = lang
        self.strings: dict = {}
        self.files: list[Path] = []
        for code in [c for c in (fallback, lang) if c]:
            for folder in i18n_dirs:
                for suffix in (".toml", ".yaml", ".yml", ".json"):
                    path = folder / f"{code}{suffix}"
                    if path.is_file():
                        self.strings.update(_load(path))
                        self.files.append(path)
        self.missing: set[str] = set()

    def translate(self, key: str, count=None) -> str:
        entry = self.strings.get(key)
        if entry is None:
            self.missing.add(key)
            return ""
        if isinstance(entry, dict):
            if count is not None and int(count) == 1 and "one" in entry:
                return str(entry["one"])
            return str(entry.get("other", entry.get("one", "")))
        return str(entry)


def load_labels(lang: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Print labels for a language: built-in (English as the last resort), then the site's."""
    table = tomllib.loads(LABELS_FILE.read_text(encoding="utf-8"))
    base = lang.split("-")[0].lower()
    labels = dict(table["en"])
    labels.update(table.get(base, {}))
    labels.update(overrides or {})
    return labels
