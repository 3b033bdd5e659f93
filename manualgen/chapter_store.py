"""A chapter's laid-out pages written to the cache and read back, for the next run's layout.

A ``build`` after an edit runs in a new process, so it finds the chapter layouts of the last
build here, in the cache folder (only ``--watch --no-cache`` keeps them in memory instead,
chapters.py).  WeasyPrint's laid-out boxes are plain
Python objects once layout is over (it frees each line's Pango layout and makes it again
when the page is drawn), except for a few references that belong to the document that made
them.  Those are written as references, not values, and taken from the document being laid
out when the chapter is read back:

- the font configuration (its fonts, loaded again from the same stylesheets);
- the HTML elements, by their place in the chapter (the chapter has the same content, so
  the same elements in the same places) or as the root, head, body or main;
- the images, by their address (every image of the new document is loaded before layout);
- the computed styles of those elements (and the anonymous boxes' styles made from them),
  by element and pseudo-element, with the values the chapter's pages read from them: read
  back, the new document's style stands in when it holds the same values, so that the
  chapters read back share the styles of the document instead of each bringing its own
  (issue 11: a 1,200-page manual's memory after an edit).

A chapter that cannot be written or read back this way (an element from elsewhere, an image
not loaded, a file from another version) is simply laid out again.
"""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

FORMAT = 1
_PACKAGES = frozenset({"weasyprint", "tinycss2", "cssselect2", "pydyf"})
_ALLOWED = frozenset({("functools", "partial"), ("collections", "OrderedDict"),
                      ("collections", "defaultdict"), ("manualgen.chapters", "ChapterLayout"),
                      ("manualgen.chapters", "BarePage"), ("manualgen.chapter_store", "_Cells"),
                      ("manualgen.chapter_store", "_placeholder"),
                      ("manualgen.leaders", "LeaderDot")})
_STACK = 256 * 1024 * 1024  # box trees nest deeply: pickle recurses once per level


class Unstorable(Exception):
    """Something in the pages that cannot be written as a reference."""


class _Cells:
    """A table column's cells, as WeasyPrint's closure (``get_cells``) would give them."""

    def __init__(self, cells: list) -> None:
        self.cells = cells

    def __call__(self) -> list:
        return self.cells


def _placeholder(box, layout_done: bool):
    """WeasyPrint's placeholder of a positioned box, made again around ``box``."""
    from weasyprint.layout.absolute import AbsolutePlaceholder

    made = AbsolutePlaceholder.__new__(AbsolutePlaceholder)
    object.__setattr__(made, "_box", box)
    object.__setattr__(made, "_layout_done", layout_done)
    return made


def _ref(*pid):
    """Stands, in a written chapter, for an object of the document (see ``_Unpickler``)."""
    raise Unstorable(f"no document to find {pid!r} in")


def _pickler(file, references: dict[int, tuple], kinds: set[type]) -> pickle.Pickler:
    """A pickler that writes the document's objects (``references``, of the types ``kinds``
    plus elements) as ``_ref(...)`` calls.  Reducers by type (a ``dispatch_table``) keep the
    pickler in C for everything else: a hook called for every object would double its time."""
    import copyreg

    from weasyprint.css import AnonymousStyle, ComputedStyle
    from weasyprint.formatting_structure.boxes import TableColumnBox, TableColumnGroupBox
    from weasyprint.layout.absolute import AbsolutePlaceholder

    def reference(obj):
        found = references.get(id(obj))
        if found is None:
            raise Unstorable(f"a {type(obj).__name__} of another document")
        return _ref, found

    def column(obj):  # table layout leaves a closure on each column: its cells, as a value
        reduced = obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
        state = dict(reduced[2] or {})
        if callable(state.get("get_cells")):
            state["get_cells"] = _Cells(state["get_cells"]())
        return (reduced[0], reduced[1], state, *reduced[3:])

    def style(obj):  # the document's own: a reference with its values; else a value
        found = references.get(id(obj))
        if found is None:
            return obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
        return _ref, (*found, dict(obj))

    def placeholder(obj):  # it answers every attribute for its box
        return _placeholder, (object.__getattribute__(obj, "_box"),
                              object.__getattribute__(obj, "_layout_done"))

    pickler = pickle.Pickler(file, protocol=pickle.HIGHEST_PROTOCOL)
    table = dict(copyreg.dispatch_table)
    table.update({kind: reference for kind in kinds | {ET.Element}})
    table[TableColumnBox] = table[TableColumnGroupBox] = column
    table[AbsolutePlaceholder] = placeholder
    table[ComputedStyle] = table[AnonymousStyle] = style
    pickler.dispatch_table = table
    return pickler


class _Unpickler(pickle.Unpickler):
    """Reads back only WeasyPrint's (and its CSS parser's) classes, the functions of its CSS
    module (shorthand expanders, kept in computed styles) and manualgen's own: a file planted
    in the cache folder cannot name anything else to call."""

    def __init__(self, file, resolve) -> None:
        super().__init__(file)
        # Not a method of this unpickler: its memo keeps what find_class returns, and a
        # method would make a cycle (unpickler → memo → method → unpickler) that kept the
        # memo, with a copy of every box's attributes, until a collection, which the layout
        # does not make (pdf.frozen_collector): 1,200 pages read back held 240 MiB more.
        self.reference = functools.partial(_resolved, resolve)

    def find_class(self, module: str, name: str):
        if (module, name) == ("manualgen.chapter_store", "_ref"):
            return self.reference  # resolved against the document being laid out
        if (module, name) in _ALLOWED or (
                "." not in name and module.split(".")[0] in _PACKAGES):
            found = super().find_class(module, name)
            origin = getattr(found, "__module__", "") or ""
            if (module, name) in _ALLOWED or (
                    isinstance(found, type) and origin.split(".")[0] in _PACKAGES) or (
                    callable(found) and origin.startswith("weasyprint.css.")):  # expanders
                return found
        raise Unstorable(f"{module}.{name} is not read from the cache")



def _resolved(resolve, *pid):
    found = resolve(pid)
    if found is None:
        raise Unstorable(f"no {pid[0]} for {pid[1:]!r}")
    return found


def references(font_config, images: dict, roots: dict[str, object], members: list,
               styles: dict[int, list] | None = None) -> tuple[dict[int, tuple], set[type]]:
    """The objects to write as references: ``roots`` by name (html, head, body, main), the
    elements of the chapter (``members``: its top-level elements) by place, the images by
    address, the font configuration, the computed styles of those elements (``styles``:
    :func:`styles_by_element` of WeasyPrint's); and the types of those that are neither
    elements nor styles."""
    found: dict[int, tuple] = {id(font_config): ("fonts",)}
    for url, image in images.items():
        found.setdefault(id(image), ("image", url))
    for name, element in roots.items():
        found[id(element)] = ("root", name)
    for number, element in enumerate(members):
        _place(element, ("element", number), found)
    found.update(_style_places(styles or {}, found))
    return found, {type(font_config)} | {type(image) for image in images.values()}


def styles_by_element(computed: dict) -> dict[int, list[tuple]]:
    """WeasyPrint's computed styles (by element and pseudo-element) grouped by the element's
    id, as (pseudo-element, style): made once a layout, for all the chapters it writes, so
    that each looks up its own elements instead of going through the whole document's."""
    grouped: dict[int, list[tuple]] = {}
    for (element, pseudo), style in computed.items():
        if style is not None:
            grouped.setdefault(id(element), []).append((pseudo, style))
    return grouped


def _style_places(styles: dict[int, list[tuple]], found: dict[int, tuple]) -> dict[int, tuple]:
    """Each style of an element in ``found`` (the first of them that has it, when elements
    share one), and the anonymous boxes' style made from it, by the element's place."""
    places: dict[int, tuple] = {}
    for key, where in found.items():
        if where[0] not in ("element", "root"):
            continue
        for pseudo, style in styles.get(key, ()):
            places.setdefault(id(style), ("style", where, pseudo))
            anonymous = vars(style).get("anonymous_style")  # made once asked for (cached)
            if anonymous is not None:
                places.setdefault(id(anonymous), ("anonymous", where, pseudo))
    return places


def _place(element, path: tuple, found: dict[int, tuple]) -> None:
    stack = [(element, path)]
    while stack:
        node, where = stack.pop()
        found[id(node)] = where
        stack.extend((child, (*where, index)) for index, child in enumerate(node))


def resolver(font_config, images: dict, roots: dict[str, object], members: list,
             computed: dict | None = None):
    """The reverse of :func:`references`, against the document being laid out."""

    def element(pid: tuple):
        if pid[0] == "root":
            return roots.get(pid[1])
        if pid[0] != "element" or pid[1] >= len(members):
            return None
        node = members[pid[1]]
        for index in pid[2:]:
            if index >= len(node):
                return None
            node = node[index]
        return node

    def resolve(pid: tuple):
        kind = pid[0]
        if kind == "fonts":
            return font_config
        if kind == "image":
            return images.get(pid[1])
        if kind in ("style", "anonymous") and computed is not None:
            _kind, where, pseudo, values = pid
            owner = element(where)
            style = None if owner is None else computed.get((owner, pseudo))
            if style is not None and kind == "anonymous":
                style = style.anonymous_style
            return style if style is not None and _holds(style, values) else None
        return element(pid)

    return resolve


def _holds(style, values: dict) -> bool:
    """Whether ``style`` (the new document's) has ``values`` (what the written chapter's
    style held), computing the ones it has not been asked for yet as WeasyPrint would.  A
    style WeasyPrint changed in place during the layout (a note's anchor, a first
    letter's position) differs, and the chapter is laid out again."""
    try:
        return all(_same(style[name], value) for name, value in values.items())
    except Exception:  # noqa: BLE001  (a value this style cannot compute: not the same)
        return False


def _same(new, old) -> bool:
    """Equal values; the CSS parser's tokens (custom properties keep them), which compare
    by identity, by their text."""
    if new == old:
        return True
    if type(new) is not type(old):
        return False
    if isinstance(new, (tuple, list)):
        return len(new) == len(old) and all(map(_same, new, old))
    serialize = getattr(new, "serialize", None)
    return serialize is not None and serialize() == old.serialize()


def dump(value, refs: dict[int, tuple], kinds: set[type]) -> bytes | None:
    """``value`` pickled with ``refs`` (objects of the types ``kinds``, and elements) as
    references; None when it cannot be."""
    buffer = io.BytesIO()
    try:
        _deep(lambda: _pickler(buffer, refs, kinds).dump((FORMAT, value)))
    except (Unstorable, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return buffer.getvalue()


def load(data: bytes, resolve):
    """The value :func:`dump` wrote, its references resolved; None when it cannot be."""
    try:
        version, value = _deep(lambda: _Unpickler(io.BytesIO(data), resolve).load())
    except (Unstorable, pickle.UnpicklingError, EOFError, TypeError, AttributeError,
            ValueError, IndexError, KeyError, ImportError, RecursionError):
        return None
    return value if version == FORMAT else None


def _deep(work):
    """``work()`` in a thread with a large stack and a high recursion limit: pickling a box
    tree recurses once per level of boxes and styles."""
    result: list = []
    failure: list = []

    def run() -> None:
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, 200_000))
        try:
            result.append(work())
        except BaseException as exc:  # noqa: BLE001  (handed to the caller's thread)
            failure.append(exc)
        finally:
            sys.setrecursionlimit(old)

    size = threading.stack_size()
    threading.stack_size(_STACK)
    try:
        thread = threading.Thread(target=run)
        thread.start()
    finally:
        threading.stack_size(size)
    thread.join()
    if failure:
        raise failure[0]
    return result[0]


class Store:
    """The chapters of one language in the cache: a file per chapter, named by its key and
    ``salt`` (manualgen's and WeasyPrint's versions, the settings: what every key assumes).
    Only the chapters of the last layout are kept (:meth:`keep_only`).

    Each file opens with a digest of its key and its bytes (:meth:`_seal`): a file damaged
    on disk, or one chapter's file under another's name, reads as absent, never as the
    pages of another chapter.  A chapter laid out afresh is always written: a file found
    for it was damaged, or made where the chapter started on another side."""

    def __init__(self, folder: Path, salt: str, write: Callable[[Path, bytes], None]) -> None:
        self.folder = folder
        self.salt = salt
        self.write = write

    def path(self, key: str) -> Path:
        name = hashlib.sha256(f"{self.salt}\0{key}".encode()).hexdigest()[:40]
        return self.folder / f"{name}.pickle"

    def _seal(self, key: str, data: bytes) -> bytes:
        return hashlib.sha256(f"{self.salt}\0{key}\0".encode() + data).digest()

    def load(self, key: str, resolve):
        try:
            sealed = self.path(key).read_bytes()
        except OSError:
            return None
        seal, data = sealed[:32], sealed[32:]
        return load(data, resolve) if seal == self._seal(key, data) else None

    def save(self, key: str, value, refs: dict[int, tuple], kinds: set[type]) -> bool:
        target = self.path(key)  # written even where a file is: it was not usable, or stale
        data = dump(value, refs, kinds)
        if data is None:
            return False
        try:
            self.write(target, self._seal(key, data) + data)
        except OSError:
            return False  # a cache that cannot be written only costs time
        return True

    def keep_only(self, keys: list[str]) -> None:
        wanted = {self.path(key).name for key in keys}
        try:
            found = list(self.folder.glob("*.pickle"))
        except OSError:
            return
        for path in found:
            if path.name not in wanted:
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    pass  # a folder of that name, say: left there, it only costs room
