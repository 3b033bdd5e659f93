"""Hyphenation dictionaries kept parsed in the cache folder, so that a warm build does not
parse them again.

WeasyPrint hyphenates through pyphen, which reads a language's ``hyph_*.dic`` file and
turns its patterns into a dictionary the first time the language is asked for.  For German
that takes about half a second, in every run, because pyphen keeps the result only in the
memory of the process (``pyphen.hdcache``, keyed by the file's path).  Here the parsed
patterns are written to the cache folder with :mod:`marshal` (plain data: loading them runs
no code, unlike a pickle) and, on the next run, put into ``pyphen.hdcache`` under the same
path before WeasyPrint asks for them: about 15 ms instead of 450.

An entry is found by the hash of the dictionary file's bytes, pyphen's version and the
Python version (marshal's format may change between them).  Its payload carries a checksum:
an entry that is damaged, foreign or from another version is ignored and written again, so
the worst a bad entry costs is the parse it was meant to save.  A pyphen whose dictionary
object holds other fields than the ones known here is simply not cached.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Iterable
from pathlib import Path

from .cache import write_file

FORMAT = b"manualgen-hyphenation 1\n"
FOLDER = "hyphenation"
_FIELDS = {"patterns", "cache", "maxlen"}  # what pyphen.HyphDict holds (pyphen 0.9 to 0.18)


def load_dictionaries(language_tags: Iterable[str], cache_folder: Path | None) -> None:
    """Put the parsed dictionary of each language tag into ``pyphen.hdcache``, where
    ``pyphen.Pyphen`` (and so WeasyPrint) looks first; from ``cache_folder`` when an entry
    there is sound, else parsed (and written there for the next run).  ``None``: no cache
    folder (``--no-cache``), nothing is read or written; pyphen parses as it always does."""
    import pyphen

    for tag in language_tags:
        name = pyphen.language_fallback(tag)
        if not name:
            continue  # no dictionary for the language: WeasyPrint does not hyphenate it
        path = pyphen.LANGUAGES[name]
        if path not in pyphen.hdcache:
            pyphen.hdcache[path] = dictionary(path, cache_folder)


def dictionary(path, cache_folder: Path | None):
    """The ``pyphen.HyphDict`` of the dictionary file ``path`` (a ``Path`` or an
    importlib resource), from the cache when it holds a sound entry."""
    import pyphen

    if cache_folder is None:
        return pyphen.HyphDict(path)
    try:
        source = path.read_bytes()
    except OSError:
        return pyphen.HyphDict(path)  # pyphen's own error, as without the cache
    key = entry_key(source, pyphen.__version__)
    entry = cache_folder / FOLDER / f"{Path(path.name).stem}-{key[:32]}.marshal"
    try:
        found = decode(entry.read_bytes(), key)
    except OSError:
        found = None
    if found is not None:
        return found
    parsed = pyphen.HyphDict(path)
    data = encode(parsed, key)
    if data is not None:
        _store(entry, data)
    return parsed


def entry_key(source: bytes, pyphen_version: str) -> str:
    """What a parsed dictionary depends on: the file's bytes, the parser's version, and
    the Python that wrote the marshal data."""
    h = hashlib.sha256(FORMAT)
    h.update(f"pyphen {pyphen_version}\n{sys.implementation.cache_tag} {marshal.version}\n".encode())
    h.update(source)
    return h.hexdigest()


def encode(parsed, key: str) -> bytes | None:
    """The entry's bytes: a header, the payload's sha256, then the marshalled payload
    ``(key, maxlen, patterns, alternatives)``.  ``patterns`` is pyphen's own mapping with
    plain integers (equal values shared, which halves the size); the few values that are
    pyphen's ``DataInt`` (non-standard hyphenation such as Hungarian ``ssz=sz``) keep their
    data in ``alternatives``.  None when the dictionary holds something this format does
    not know."""
    if set(vars(parsed)) != _FIELDS or not isinstance(parsed.patterns, dict):
        return None
    shared: dict[tuple, tuple] = {}
    patterns: dict[str, tuple] = {}
    alternatives: dict[str, tuple] = {}
    for pattern, (start, values) in parsed.patterns.items():
        if all(type(v) is int for v in values):  # nearly every pattern: no DataInt
            item = (start, tuple(values))
        else:
            item = (start, tuple(int(v) for v in values))
            alternatives[pattern] = tuple(getattr(v, "data", None) for v in values)
        patterns[pattern] = shared.setdefault(item, item)
    try:
        payload = marshal.dumps((key, parsed.maxlen, patterns, alternatives))
    except ValueError:  # a value marshal cannot hold
        return None
    return FORMAT + hashlib.sha256(payload).digest() + payload


def decode(data: bytes, key: str):
    """The ``pyphen.HyphDict`` an entry holds, or None when the entry is damaged, from
    another format, or made for another file, pyphen or Python (its key differs)."""
    import pyphen

    head = len(FORMAT)
    payload = data[head + 32:]
    if not data.startswith(FORMAT) or hashlib.sha256(payload).digest() != data[head:head + 32]:
        return None
    try:
        stored, maxlen, patterns, alternatives = marshal.loads(payload)
        if stored != key or not isinstance(maxlen, int) or not isinstance(patterns, dict):
            return None
        for pattern, extra in alternatives.items():
            start, numbers = patterns[pattern]
            patterns[pattern] = start, tuple(
                n if d is None else pyphen.DataInt(n, d) for n, d in zip(numbers, extra, strict=True))
    except (ValueError, EOFError, TypeError, KeyError, AttributeError):
        return None
    parsed = pyphen.HyphDict.__new__(pyphen.HyphDict)  # filled as HyphDict.__init__ fills it
    parsed.patterns, parsed.cache, parsed.maxlen = patterns, {}, maxlen
    return parsed


def _store(entry: Path, data: bytes) -> None:
    """Write the entry, and remove the entries of the same dictionary made for other keys
    (an older pyphen or Python): they would never be read again.  A cache that cannot be
    written only costs time."""
    try:
        write_file(entry, data)
    except OSError:
        return
    prefix = entry.name.rsplit("-", 1)[0] + "-"
    for old in entry.parent.glob(f"{prefix}*.marshal"):
        if old != entry and old.name.rsplit("-", 1)[0] + "-" == prefix:
            old.unlink(missing_ok=True)
