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

A cold run (an empty cache folder, or ``--no-cache``) does not use pyphen's parser either:
:func:`parse_dictionary` gives the same patterns, for German in about 55 ms instead of 430.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
from collections.abc import Iterable, Iterator
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import write_file

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import pyphen

FORMAT = b"manualgen-hyphenation 1\n"
FOLDER = "hyphenation"
_FIELDS = {"patterns", "cache", "maxlen"}  # what pyphen.HyphDict holds (pyphen 0.9 to 0.18)
# The pyphen versions whose HyphDict.__init__ (and parse, parse_hex, ignored and
# AlternativeParser) were read and found to parse as parse_dictionary assumes; another
# version is parsed by pyphen itself.
PARSED_ALIKE = {"0.14.0", "0.15.0", "0.16.0", "0.17.0", "0.17.1", "0.17.2", "0.18.0", "0.18.1"}
_DIGIT = re.compile(r"\d")  # what pyphen's parse takes for a value: any Unicode digit
_LATIN1_DIGITS = b"0123456789"  # the only characters below 256 that \d matches
_LATIN1_SKELETON = bytes(b if b in _LATIN1_DIGITS or b == 10 else 120 for b in range(256))
_PLAIN_VALUE = {"": 0} | {str(value): value for value in range(10)}


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
        return parse_dictionary(path)
    try:
        source = path.read_bytes()
    except OSError:
        return parse_dictionary(path)  # pyphen's own error, as without the cache
    key = entry_key(source, pyphen.__version__)
    entry = cache_folder / FOLDER / f"{Path(path.name).stem}-{key[:32]}.marshal"
    try:
        found = decode(entry.read_bytes(), key)
    except OSError:
        found = None
    if found is not None:
        return found
    parsed = parse_dictionary(path)
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
    return _hyph_dict(patterns, maxlen)


def _hyph_dict(patterns: dict, maxlen: int) -> pyphen.HyphDict:
    """A ``pyphen.HyphDict`` holding ``patterns``, filled as its ``__init__`` fills it, without
    running its parser."""
    import pyphen

    made = object.__new__(pyphen.HyphDict)
    made.patterns, made.cache, made.maxlen = patterns, {}, maxlen
    return made


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


# The parser -------------------------------------------------------------------------------
#
# A hyph_*.dic file names its encoding on its first line; every other line, stripped, is a
# pattern unless it is empty or starts with one of pyphen.ignored (comments, hyphen minima).
# A pattern is letters with at most one digit before each letter and one at the end: "a1b"
# says how much a break between a and b is wanted.  pyphen splits it with the regular
# expression (\d?)(\D?) into (digit, letter) pairs and stores, under the letters alone, the
# digits (0 where none) with the zeros at both ends cut off and the number cut from the
# front; a pattern of zeros only is not stored, and a later pattern replaces an earlier one.
#
# pyphen does that one line at a time (regular expressions and a list per line: half a
# second for German's 78,000 patterns).  Here the whole file is split at once: the letters
# are the file with its digits deleted, and the values depend only on the line's
# "skeleton", the line with every letter replaced by "x".  German has a few thousand
# different skeletons, and each is parsed once, by pyphen's own splitter.  The few lines
# that need more (comments, ^^hh escapes, the non-standard "/" alternatives) are parsed one
# by one exactly as pyphen does, with its own helpers.


def parse_dictionary(path: Path | Traversable) -> pyphen.HyphDict:
    """The ``pyphen.HyphDict`` of the dictionary file ``path`` (a ``Path`` or an importlib
    resource), equal to ``pyphen.HyphDict(path)`` (same patterns in the same order, same
    value types, same ``maxlen``; the same exception for a file pyphen cannot read) and
    three to seven times faster (German: 55-60 ms instead of 430): a cold build waits for it.
    A pyphen whose parser was not read (not in ``PARSED_ALIKE``) parses the file itself."""
    import pyphen

    if pyphen.__version__ not in PARSED_ALIKE:
        return pyphen.HyphDict(path)
    patterns = _patterns(_pattern_lines(path), pyphen)
    return _hyph_dict(patterns, max(map(len, patterns)))


def _pattern_lines(path: Path | Traversable) -> list[str]:
    """The file's lines after the first, stripped, read in the encoding its first line names
    (hunspell's "microsoft-cp1251" is Python's cp1251), with universal newlines, as pyphen
    reads them."""
    with path.open("rb") as file:
        encoding = file.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    return list(map(str.strip, path.read_text(encoding).split("\n")[1:]))


def _patterns(lines: list[str], pyphen) -> dict[str, tuple]:
    """pyphen's ``patterns`` mapping for the stripped ``lines``: every line read as a plain
    pattern first, then the unusual ones (see :func:`_unusual_lines`) read again one by one.
    A line's entry is None when pyphen does not store it; the later of two equal patterns
    wins, and the mapping keeps the order in which each pattern first appears, as pyphen's
    does."""
    text = "\n".join(lines)
    keys, skeletons = _letters_and_skeletons(text)
    stored = {skeleton: _stored_values(skeleton, pyphen) for skeleton in set(skeletons)}
    entries = list(map(stored.__getitem__, skeletons))
    for number in _unusual_lines(text, pyphen):
        keys[number], entries[number] = _unusual_entry(lines[number], pyphen)
    return dict(compress(zip(keys, entries, strict=True), entries))


def _letters_and_skeletons(text: str) -> tuple[list[str], list[str]]:
    """Each line of ``text`` without its digits, and each line with every character that is
    not a digit replaced by "x".  Text that Latin-1 can hold (German, French, English, ...)
    is worked on as bytes, where both are one ``bytes.translate``."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        table = {ord(char): char if _DIGIT.fullmatch(char) or char == "\n" else "x"
                 for char in set(text)}
        skeletons = text.translate(table)
        return _DIGIT.sub("", text).split("\n"), skeletons.split("\n")
    letters = data.translate(None, _LATIN1_DIGITS).decode("latin-1")
    skeletons = data.translate(_LATIN1_SKELETON).decode("ascii")
    return letters.split("\n"), skeletons.split("\n")


def _stored_values(skeleton: str, pyphen) -> tuple[int, tuple[int, ...]] | None:
    """What pyphen stores for a plain pattern with this skeleton (digits where the pattern
    has them, "x" for each letter).  Split at its letters, a skeleton with at most one ASCII
    digit in each gap gives the values at once: pyphen's pairs give the same list, with one
    more 0 at the end when the pattern ends with a digit, which the trimming removes.  Two
    digits in a row, or another script's digit, go through pyphen's own splitter."""
    try:
        values = tuple(map(_PLAIN_VALUE.__getitem__, skeleton.split("x")))
    except KeyError:
        values = tuple(int(digit or "0") for digit, _ in pyphen.parse(skeleton))
    return _trimmed(values)


def _trimmed(values: tuple) -> tuple[int, tuple] | None:
    """``(start, values)`` with the zeros at both ends cut off, ``start`` the number cut from
    the front; None when every value is zero (such a pattern says nothing)."""
    wanted = [place for place, value in enumerate(values) if value]
    if not wanted:
        return None
    return wanted[0], values[wanted[0]:wanted[-1] + 1]


def _unusual_lines(text: str, pyphen) -> list[int]:
    """The numbers of the lines of ``text`` that are not plain patterns: those pyphen skips
    as comments or settings, and those that may hold a ^^hh escape or a "/" alternative (a
    line with a "/" but no "=" is plain, but reading it again costs little).  Found with
    ``str.find``, which is far quicker than a test of each line: such lines are few."""
    text = "\n" + text  # every line now follows a newline
    marks = [f"\n{start}" for start in pyphen.ignored] + ["^^", "/"]
    found = sorted({place for mark in marks for place in _places(text, mark)})
    numbers, line, searched = [], -1, 0
    for place in found:
        line += text.count("\n", searched, place + 1)
        searched = place + 1
        if not numbers or numbers[-1] != line:
            numbers.append(line)
    return numbers


def _places(text: str, mark: str) -> Iterator[int]:
    """Where ``mark`` starts in ``text``, each place once (occurrences may overlap)."""
    place = text.find(mark)
    while place >= 0:
        yield place
        place = text.find(mark, place + 1)


def _unusual_entry(line: str, pyphen) -> tuple[str, tuple | None]:
    """The key and stored values (None: not stored) of one stripped line, read as pyphen reads
    it: ^^hh escapes replaced by their character, then, when the pattern has both "/" and
    "=", the part before the "/" read with pyphen's AlternativeParser (its odd values carry
    the non-standard break in a DataInt)."""
    if line.startswith(pyphen.ignored):
        return line, None
    pattern = pyphen.parse_hex(_escaped_character, line)
    value = int
    if "/" in pattern and "=" in pattern:
        pattern, alternative = pattern.split("/", 1)
        value = pyphen.AlternativeParser(pattern, alternative)
    pairs = pyphen.parse(pattern)
    values = tuple(value(digit or "0") for digit, _ in pairs)  # in order: the parser counts
    return "".join(letter for _, letter in pairs), _trimmed(values)


def _escaped_character(match: re.Match) -> str:
    return chr(int(match.group(1), 16))
