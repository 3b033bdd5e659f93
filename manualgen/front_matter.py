"""Front matter as Hugo reads it, through python-frontmatter's handler interface.

python-frontmatter finds a page's front matter by asking each handler whether it recognises
the text (``detect``), cuts it off (``split``) and reads it (``load``).  Its own handlers do
not read the way Hugo does: they strip the text (line numbers are lost), need the ``toml``
package, and PyYAML refuses what Hugo accepts.  The handlers here keep Hugo's rules:

- YAML between ``---`` lines, TOML (read with :mod:`tomllib`) between ``+++`` lines, JSON as
  one object starting at the first character, Org Mode's ``#+KEY: value`` lines at the top;
- a tab after ``key:`` (Hugo's YAML reader takes it, PyYAML does not), a closing ``---`` at
  the very end of the file with no line end after it, blank lines before the front matter;
- every problem as a :class:`~manualgen.errors.ContentError` with the file and the line;
- a top-level YAML or JSON key given twice is noted while the front matter is read (PyYAML
  and json would silently keep one of the two), so discovery can warn about it without
  reading the file again.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import tomllib
from pathlib import Path
from typing import ClassVar

import frontmatter
import yaml
from frontmatter.default_handlers import BaseHandler

from .errors import ContentError


class FrontMatterError(ValueError):
    """A problem in the text a handler was given, at a line counted in that text (1-based).

    A ValueError, as python-frontmatter expects from a handler that cannot split its text;
    :func:`parse` turns it into a ContentError at the line of the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclasses.dataclass(frozen=True)
class RepeatedKey:
    """A top-level key the front matter gives twice (a title pasted over another)."""

    key: str  # as written the second time
    first: int  # line of the first one, in the file
    again: int  # line of this one
    used: str  # "first" or "second": which of the two the page gets


@dataclasses.dataclass(frozen=True)
class FrontMatter:
    """What :func:`parse` found: the values, the body after them and where it starts."""

    meta: dict
    body: str
    body_line: int  # line (1-based, in the file) of the body's first line
    format: str = ""  # "yaml", "toml", "json", "org", or "" for a page without front matter
    repeated: tuple[RepeatedKey, ...] = ()
    quote_escapes: tuple[int, ...] = ()  # lines of a ``\'`` in a double-quoted YAML text


# --- YAML ------------------------------------------------------------------------------------


def _alias_counts(root: yaml.Node) -> tuple[int, int]:
    """How many values reading ``root`` makes with every alias (``*name``) expanded, and how
    many of them come from aliases: counted on the composed nodes, whose aliases are shared
    nodes, in time linear in the text.  A node that holds itself counts once more only."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, open_: set[int]) -> int:
        if id(node) in sizes:
            return sizes[id(node)]
        if id(node) in open_:
            return 1
        open_.add(id(node))
        total = 1 + sum(size(child, open_) for child in _children(node))
        open_.discard(id(node))
        sizes[id(node)] = total
        return total

    decoded, aliased, seen = 0, 0, set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:  # a second sight of a node is an alias of it
            grown = size(node, set())
            decoded, aliased = decoded + grown, aliased + grown
            continue
        seen.add(id(node))
        decoded += 1
        stack.extend(reversed(_children(node)))
    return decoded, aliased


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [each for pair in node.value for each in pair]
    return []


def excessive_aliasing(decoded: int, aliased: int) -> bool:
    """Whether Hugo's YAML reader (go-yaml) refuses a document that makes ``decoded`` values,
    ``aliased`` of them from aliases, as "excessive aliasing" (a "billion laughs": a few
    lines whose aliases expand to millions of values).  Its rule: over 100 values from
    aliases, over 1,000 in all, and more of them from aliases than a share that falls from
    99 % (up to 400,000 values) to 10 % (4,000,000 and more)."""
    if aliased <= 100 or decoded <= 1000:
        return False
    low, high = 400_000, 4_000_000
    allowed = 0.99 if decoded <= low else 0.10 if decoded >= high else (
        0.99 - 0.89 * (decoded - low) / (high - low))
    return aliased / decoded > allowed


class AliasGuard(yaml.SafeLoader):
    """A safe loader that refuses a document Hugo refuses for its aliases, before a value is
    built: the tree of a few lines can grow to billions of values as it is walked.

    It reads ``\\'`` in a double-quoted text as a quote, as Hugo 0.149 does (``"C\\'est"``
    is "C'est", in front matter, config and i18n files alike: Azuriom's translations are
    full of them); YAML 1.2 and PyYAML know no such escape and refused the file."""

    ESCAPE_REPLACEMENTS: ClassVar[dict[str, str]] = {
        **yaml.SafeLoader.ESCAPE_REPLACEMENTS, "'": "'"}

    def get_single_node(self):
        node = super().get_single_node()
        if node is not None:
            decoded, aliased = _alias_counts(node)
            if excessive_aliasing(decoded, aliased):
                raise yaml.composer.ComposerError(
                    None, None, f"the document contains excessive aliasing: its aliases (*name) "
                    f"repeat its anchors (&name) into {decoded:,} values; Hugo refuses it too",
                    node.start_mark)
        return node


# Numbers as Hugo ≥ 0.152 reads them (goccy/go-yaml, YAML 1.2 with 1.1's octal ``017`` kept):
# ``0o17`` is 15, and ``1:20`` is the text "1:20", not YAML 1.1's sixty-based 80.
_INT = re.compile(r"""^(?:[-+]?0b[0-1_]+|[-+]?0o[0-7_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)
    |[-+]?0x[0-9a-fA-F_]+)$""", re.VERBOSE)
_FLOAT = re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""", re.VERBOSE)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_REPLACED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


# Go's ParseInt(s, 0, 64) syntax: digits after a prefix, an underscore between two (each
# run of digits one group, so a long number that fails at its end fails in linear time)
GO_INT = re.compile(r"[-+]?(?:0[xX]_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0[bB]_?[01]+(?:_[01]+)*"
                    r"|0[oO]?_?[0-7]+(?:_[0-7]+)*|[1-9][0-9]*(?:_[0-9]+)*|0)")


def go_int(text: str) -> int | None:
    """A whole number as Hugo's option decoder reads it (Go's ``ParseInt(s, 0, 64)``):
    ``-3``, ``0x10``, ``017`` (octal), ``1_000``; empty is 0; None for anything else."""
    if text == "":
        return 0
    if not GO_INT.fullmatch(text):
        return None
    sign, digits = (-1, text[1:]) if text[0] == "-" else (1, text.lstrip("+"))
    digits = digits.replace("_", "")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        digits = "0o" + digits[1:]
    if len(digits) > 40:  # far beyond Go's 64 bits (Python refuses to read 4,300 digits)
        return None
    value = sign * int(digits, 0)
    return value if -(2**63) <= value < 2**63 else None


def _yaml_int(loader, node) -> int:
    """An integer as go-yaml reads one: ``0o17`` and ``017`` octal, ``0x``, ``0b``, ``_``."""
    written = loader.construct_scalar(node)
    text = written.replace("_", "")
    if not text:
        raise ValueError("no digits")
    sign, digits = (-1, text[1:]) if text[0] == "-" else (1, text.lstrip("+"))
    base = {"0b": 2, "0o": 8, "0x": 16}.get(digits[:2].lower())
    if len(digits) > 40:  # past 64 bits, and Python reads no more than 4,300 digits
        return _past_int64(written)
    if base:
        number = sign * int(digits[2:], base)
    else:
        number = sign * int(digits, 8 if len(digits) > 1 and digits[0] == "0" else 10)
    return number if -(2**63) <= number < 2**63 else _past_int64(written)


def _past_int64(written: str) -> float | str:
    """A whole number past Go's 64 bits, as go-yaml reads it: a float while one holds it,
    else the text as written."""
    try:
        number = float(written.replace("_", ""))
    except ValueError:
        return written
    return number if math.isfinite(number) else written


def _yaml_binary(loader, node) -> str:
    """``!!binary`` as Hugo prints it: the bytes it holds, read as UTF-8 text."""
    return yaml.SafeLoader.construct_yaml_binary(loader, node).decode("utf-8", "replace")


def timestamp_or_text(loader, node):
    """A date PyYAML cannot make (``0000-00-00``, ``2024-13-45``) stays text, which the
    date check then names, instead of failing the file with a Python error."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def read_as_hugo(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """Make a PyYAML loader class read scalars as Hugo ≥ 0.152 does (YAML 1.2): only true and
    false are booleans (``title: No`` is the word "No"; ``draft: yes`` still counts as true
    where a switch is read), ``0o17`` is a number, ``1:20`` text, ``!!binary`` its text."""
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
    loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
    loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))
    loader.add_constructor("tag:yaml.org,2002:int", _yaml_int)
    loader.add_constructor("tag:yaml.org,2002:binary", _yaml_binary)
    loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp_or_text)
    return loader


@read_as_hugo
class _YamlLoader(AliasGuard):
    """PyYAML's safe loader, with Hugo's reading of values it cannot make.

    ``date: 2024-02-30`` stays text (the date check then names it) instead of failing the
    file; a value an explicit tag cannot make (``!!int abc``) is a YAML error at its line,
    not a crash.
    """

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.tag.rsplit(':', 1)[-1]} value {node.value!r} cannot be read "
                f"({exc})", node.start_mark) from None



# Characters pasted text may hold that no editor shows: a key that holds one is another key.
INVISIBLE = re.compile(r"[\ufeff\u200b-\u200d\u2060\u00a0]")


def yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
    """Where a YAML error is (0-based line) and what it is, in one line: PyYAML's own text
    quotes an excerpt over several lines, and a control character's carries no line."""
    if isinstance(exc, yaml.reader.ReaderError):
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return text.count("\n", 0, exc.position), f"the control character U+{char:04X} is not allowed"
    mark = getattr(exc, "problem_mark", None)
    line = mark.line if mark else 0
    problem = (getattr(exc, "problem", None) or str(exc)).split("\n")[0]
    lines = text.split("\n")
    # Pasted text may hold characters no editor shows; name them, or the line looks right.
    hidden = sorted(set(INVISIBLE.findall(lines[line] if line < len(lines) else "")))
    if hidden:
        problem += f" (the line holds the invisible {', '.join(f'U+{ord(c):04X}' for c in hidden)})"
    elif problem.startswith("mapping values are not allowed") and line < len(lines):
        problem += _colon_in_value_hint(lines[line])
    return line, problem


def _colon_in_value_hint(line: str) -> str:
    """What to do when a value holds ": " (``title: Login: step 1``), which YAML reads as
    the start of another key: quote the value."""
    key, _, value = line.partition(":")
    value = value.strip()
    if not key.strip() or ": " not in value and not value.endswith(":"):
        return ""
    quoted = "'" + value.replace("'", "''") + "'" if '"' in value else f'"{value}"'
    return (f'; the value holds a colon and a space, which YAML reads as a new key: put it in '
            f"quotes ({key.strip()}: {quoted})")


_AFTER_INDENT = re.compile(r"^([ ]*)(\S.*)$", re.MULTILINE)


def _tabs_as_spaces(text: str) -> str:
    """The YAML with each tab past a line's indentation a space.  Hugo's YAML reader takes a
    tab after "key:", inside a plain value and before a comment or the line's end, where
    PyYAML stops; a tab in the indentation both refuse (it stays)."""
    return _AFTER_INDENT.sub(lambda m: m.group(1) + m.group(2).replace("\t", " "), text)


_TAB_HELD = "\ufdd0"  # a tab inside a plain value, held while PyYAML reads the rest
_TAB_TRIES = 20  # tabs mended one at a time; past these, every one at once


def _load_yaml_with_tabs(text: str) -> tuple[object, list[RepeatedKey]]:
    """The YAML read as Hugo 0.149 reads its tabs: PyYAML stops at each tab past a line's
    indentation outside quotes and block scalars; that tab (and only that one: a tab in a
    quoted value or a block scalar is kept) is read as a space where it separates (after
    "key:", before a comment, at the line's end), else kept in the value ("e<TAB>f")."""
    mended = text
    for _ in range(_TAB_TRIES):
        try:
            data, repeated = _load_yaml(mended)
        except yaml.YAMLError as exc:
            at = _refused_tab(exc, mended)
            if at is None:
                raise
            inside = mended[at - 1] not in " \t:,[{" and mended[at + 1:at + 2] not in ("", " ", "\t", "\n", "\r", "#", ":")
            mended = mended[:at] + (_TAB_HELD if inside else " ") + mended[at + 1:]
            continue
        return _tabs_back(data), repeated
    return _load_yaml(_tabs_as_spaces(text))


def _refused_tab(exc: yaml.YAMLError, text: str) -> int | None:
    """Where in ``text`` the tab PyYAML refused is, when it is past its line's indentation
    (a tab that indents Hugo refuses too)."""
    mark = getattr(exc, "problem_mark", None)
    at = getattr(mark, "index", None)
    if at is None or not 0 < at < len(text) or text[at] != "\t":
        return None
    line_start = text.rfind("\n", 0, at) + 1
    return at if text[line_start:at].strip(" \t") else None


def _tabs_back(data: object) -> object:
    if isinstance(data, str):
        return data.replace(_TAB_HELD, "\t") if _TAB_HELD in data else data
    if isinstance(data, dict):
        return {_tabs_back(k): _tabs_back(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_tabs_back(v) for v in data]
    return data


_MERGE = "tag:yaml.org,2002:merge"


def _repeated_keys(node: yaml.Node | None) -> list[RepeatedKey]:
    """The top-level keys of a composed YAML mapping that come twice, lines counted from 1.

    PyYAML keeps the second of two equal keys; of keys that differ only in case (one key to
    Hugo) both are kept, and the first is the one a case-blind look-up finds."""
    if not isinstance(node, yaml.MappingNode):
        return []
    seen: dict[str, tuple[int, str]] = {}
    out = []
    for key_node, _value in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE:
            continue
        written, line = key_node.value, key_node.start_mark.line + 1
        if written.lower() in seen:
            first, was = seen[written.lower()]
            out.append(RepeatedKey(written, first, line, "second" if was == written else "first"))
        else:
            seen[written.lower()] = (line, written)
    return out


def _load_yaml(text: str) -> tuple[object, list[RepeatedKey]]:
    """Compose the YAML into nodes (where the repeated keys are seen), then build the values."""
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
        repeated = _repeated_keys(node)
        return (loader.construct_document(node) if node is not None else None), repeated
    finally:
        loader.dispose()


def without_surrogates(data: object) -> object:
    """``data`` with escaped UTF-16 surrogates (``"\\ud83d\\ude00"`` in YAML or JSON) read as Go
    reads them: a pair is its character, a lone one U+FFFD.  Python keeps lone surrogates,
    which no file or terminal can take: printing them crashed."""
    if isinstance(data, str):
        if not any("\ud800" <= c <= "\udfff" for c in data):
            return data
        return data.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(data, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in data.items()}
    if isinstance(data, list):
        return [without_surrogates(v) for v in data]
    return data


def read_yaml(text: str) -> tuple[dict, list[RepeatedKey]]:
    """YAML front matter (without its fences) as Hugo reads it, and its repeated keys."""
    try:
        data, repeated = _load_yaml_with_tabs(text)
    except yaml.YAMLError as exc:
        line, problem = yaml_problem(exc, text)
        raise FrontMatterError(f"invalid YAML front matter: {problem}", line + 1) from None
    if data is None:
        return {}, repeated
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a set of key: value pairs", 1)
    return without_surrogates(data), repeated


def read_toml(text: str) -> dict:
    """TOML front matter (without its fences), with the line of a mistake."""
    try:
        return tomllib.loads(text)
    except ValueError as exc:
        if not isinstance(exc, tomllib.TOMLDecodeError):  # Python reads no 4,300 digits
            raise _too_many_digits("TOML", text) from None
        m = re.search(r"line (\d+)", str(exc))
        # "at end of document" carries no line: the last line of the front matter, then
        line = int(m.group(1)) if m else max(1, len(text.rstrip("\n").split("\n")))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        lines = text.split("\n")
        if msg == "Invalid value" and 0 < line <= len(lines):
            msg += _bare_word_hint(lines[line - 1])
        raise FrontMatterError(f"invalid TOML front matter: {msg}", line) from None


def _too_many_digits(kind: str, text: str) -> FrontMatterError:
    """A number far past 64 bits (Hugo stops for it too: "number is too large to fit in a
    64-bit signed integer", "cannot unmarshal number"), at the line it starts on."""
    found = re.search(r"[0-9_]{4300}", text)
    line = text.count("\n", 0, found.start()) + 1 if found else 1
    return FrontMatterError(f"invalid {kind} front matter: a number of thousands of digits, "
                            "far too large for Hugo (64 bits)", line)


_BARE_VALUE = re.compile(r"^(\s*[\w.\"'-]+\s*=\s*)([^\s\"'\[{#][^#]*?)\s*(#.*)?$")


def _bare_word_hint(line: str) -> str:
    """What to do when a TOML value is text written without quotes (``parent =
    getting-started``, which YAML would take): quote it."""
    m = _BARE_VALUE.match(line)
    if not m or re.match(r"[+\d.-]", m.group(2)):
        return ""
    value = m.group(2)
    if value.lower() in ("true", "false"):
        return f"; TOML writes true and false in lower case: {m.group(1).strip()} {value.lower()}"
    quoted = f"'{value}'" if '"' in value or "\\" in value else f'"{value}"'
    return f"; TOML needs text in quotes: {m.group(1).strip()} {quoted}"


# --- the handlers ----------------------------------------------------------------------------


class _FencedHandler(BaseHandler):
    """Front matter between two fence lines (``---`` or ``+++``), trailing spaces allowed.

    Unlike python-frontmatter's own handlers, the closing fence may be the file's last
    characters, and the body is the exact rest of the text (lines still counted right)."""

    FENCE = ""
    FIRST_LINE = 2  # the front matter's first line, below the opening fence

    def __init__(self) -> None:
        super().__init__(re.compile(rf"^{re.escape(self.FENCE)}[ \r]*$", re.MULTILINE),
                         self.FENCE, self.FENCE)

    def detect(self, text: str) -> bool:
        return text.split("\n", 1)[0].rstrip("\r ") == self.FENCE

    def split(self, text: str) -> tuple[str, str]:
        lines = text.split("\n")
        for index in range(1, len(lines)):
            if lines[index].rstrip("\r ") == self.FENCE:
                return "\n".join(lines[1:index]), "\n".join(lines[index + 1:])
        raise FrontMatterError(f'front matter opened with "{self.FENCE}" is never closed', 1)


class YamlHandler(_FencedHandler):
    """YAML front matter, read as Hugo reads it (see :func:`read_yaml`)."""

    FENCE = "---"

    def load(self, fm: str, **kwargs: object) -> dict:
        return read_yaml(fm)[0]

    def read(self, fm: str) -> tuple[dict, list[RepeatedKey]]:
        """The values and the repeated top-level keys (lines counted in ``fm``)."""
        return read_yaml(fm)


class TomlHandler(_FencedHandler):
    """TOML front matter, read with the standard library's tomllib."""

    FENCE = "+++"

    def load(self, fm: str, **kwargs: object) -> dict:
        return read_toml(fm)

    def read(self, fm: str) -> tuple[dict, list[RepeatedKey]]:
        return read_toml(fm), []  # tomllib refuses a repeated key itself


class JsonHandler(BaseHandler):
    """JSON front matter: one object from the first character on; the body follows it (on
    the same line or the next)."""

    FIRST_LINE = 1

    def __init__(self) -> None:
        super().__init__(re.compile(r"\A\{"), "", "")

    def detect(self, text: str) -> bool:
        return text.startswith("{")

    def split(self, text: str) -> tuple[str, str]:
        try:
            _meta, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError as exc:
            raise FrontMatterError(f"invalid JSON front matter: {exc.msg}", exc.lineno) from None
        except ValueError:  # Python reads no number of more than 4,300 digits
            raise _too_many_digits("JSON", text) from None
        return text[:end], text[end:].lstrip(" \t\r").removeprefix("\n")

    def load(self, fm: str, **kwargs: object) -> dict:
        meta = json.loads(fm)
        if not isinstance(meta, dict):
            raise FrontMatterError("JSON front matter must be an object", 1)
        return without_surrogates(meta)

    def read(self, fm: str) -> tuple[dict, list[RepeatedKey]]:
        return self.load(fm), _json_repeated_keys(fm)


def _json_repeated_keys(fm: str) -> list[RepeatedKey]:
    """The top-level keys of a JSON object that come twice: Python's json keeps the second
    without a word (as Go's does).  Lines counted from 1, found by searching each key as
    written after the one before it."""
    objects: list[list[tuple[str, object]]] = []

    def pairs(items: list[tuple[str, object]]) -> dict:
        objects.append(items)  # the outermost object is completed last
        return dict(items)

    try:
        json.loads(fm, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return []  # load() says what is wrong
    seen: dict[str, tuple[int, str]] = {}  # as for YAML: keys that differ in case are one
    out, at, line = [], 0, 1
    for key, _value in objects[-1] if objects else []:
        found = re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:").search(fm, at)
        if found:  # lines counted on from the key before (from the start each time: quadratic)
            line += fm.count("\n", at, found.end())
            at = found.end()
        if key.lower() in seen:
            first, was = seen[key.lower()]
            out.append(RepeatedKey(key, first, line, "second" if was == key else "first"))
        else:
            seen[key.lower()] = (line, key)
    return out


# --- Org ---------------------------------------------------------------------------------------

# the value is the rest of the line without the white space around it (a lazy (.*?)[ \t]*$
# tried the run of spaces again from each of its spaces: seconds for a long run)
_ORG_SETTING = re.compile(r"^#\+([^:\s]+):[ \t]*(.*)$")
_ORG_DATE = re.compile(r"[<\[](\d{4}-\d{2}-\d{2}) .*[>\]]")
_ORG_DATE_KEYS = ("date", "lastmod", "publishdate", "expirydate")


class OrgHandler(BaseHandler):
    """Org Mode's ``#+KEY: value`` lines at the top of a page, as Hugo reads them: keys in
    lower case, values as text; a key ending in ``[]`` gives a list of words, a key given
    twice a list of its values, ``filetags`` the words between colons, and a date key the
    day of an Org timestamp (``<2024-03-01 Fri>``)."""

    FIRST_LINE = 1

    def __init__(self) -> None:
        super().__init__(re.compile(r"^#\+"), "#+", "")

    def detect(self, text: str) -> bool:
        return text.startswith("#+")

    def split(self, text: str) -> tuple[str, str]:
        lines = text.split("\n")
        end = next((n for n, line in enumerate(lines) if not line.startswith("#+")), len(lines))
        return "\n".join(lines[:end]), "\n".join(lines[end:])

    def load(self, fm: str, **kwargs: object) -> dict:
        return self.read(fm)[0]

    def read(self, fm: str) -> tuple[dict, list[RepeatedKey]]:
        settings: dict[str, list[str]] = {}
        for line in fm.split("\n"):
            if found := _ORG_SETTING.match(line):
                settings.setdefault(found.group(1).lower(), []).append(found.group(2).rstrip(" \t"))
        return {_org_key(key): _org_value(key, "\n".join(values))
                for key, values in settings.items()}, []


def _org_key(key: str) -> str:
    return key.removesuffix("[]")


def _org_value(key: str, value: str) -> object:
    if key.endswith("[]"):
        return value.split()
    if "\n" in value:
        return value.split("\n")
    if key == "filetags":
        return value.removeprefix(":").removesuffix(":").split(":")
    # a timestamp closes at a ">" or "]": none opens after the last one (each "<2024-…" was
    # searched to the end again)
    closed = max(value.rfind(">"), value.rfind("]")) + 1
    if key in _ORG_DATE_KEYS and (found := _ORG_DATE.search(value, 0, closed)):
        return found.group(1)
    return value


HANDLERS = (YamlHandler(), TomlHandler(), JsonHandler(), OrgHandler())
_FORMAT = {YamlHandler: "yaml", TomlHandler: "toml", JsonHandler: "json", OrgHandler: "org"}


# --- parsing a page --------------------------------------------------------------------------


def _lines_spanned(text: str) -> int:
    """How many lines ``text`` touches: a last line without a line end counts too."""
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


def _skip_blank_start(text: str) -> tuple[str, int]:
    """Hugo skips blank lines (and spaces) before the front matter: (text, lines skipped)."""
    stripped = text.lstrip(" \t\r\n")
    if stripped != text and stripped.startswith(("---", "+++", "{", "#+")):
        return stripped, text[: len(text) - len(stripped)].count("\n")
    return text, 0


def _parse(text: str) -> FrontMatter:
    """Front matter and body of ``text`` (which starts at the front matter, if any), with
    lines counted in ``text``; FrontMatterError at such a line."""
    handler = frontmatter.detect_format(text, HANDLERS)
    if handler is None:
        return FrontMatter({}, text, 1)
    fm, body = handler.split(text)
    offset = handler.FIRST_LINE - 1
    try:
        meta, repeated = handler.read(fm)
    except FrontMatterError as exc:
        raise FrontMatterError(exc.message, exc.line + offset) from None
    repeated = tuple(dataclasses.replace(r, first=r.first + offset, again=r.again + offset)
                     for r in repeated)
    body_line = _lines_spanned(text[: len(text) - len(body)]) + 1
    escapes = tuple(line + offset for line in quote_escapes(fm)) if "\\'" in fm else ()
    return FrontMatter(meta, body, body_line, _FORMAT[type(handler)], repeated, escapes)


_QUOTE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\'")


def quote_escapes(yaml_text: str) -> list[int]:
    """The lines (1-based) of each double-quoted YAML text that holds ``\'``: hugo 0.149
    reads it as a quote, as manualgen does, but Hugo 0.153 and later stop ("found unknown
    escape character"), as YAML 1.2 knows no such escape."""
    lines = []
    try:
        for token in yaml.scan(yaml_text, Loader=AliasGuard):
            if isinstance(token, yaml.ScalarToken) and token.style == '"':
                raw = yaml_text[token.start_mark.index:token.end_mark.index]
                if _QUOTE_ESCAPE.search(raw):
                    lines.append(token.start_mark.line + 1)
    except yaml.YAMLError:  # a tab PyYAML refuses: the values were read without this scan
        return lines
    return lines


def _shifted(found: FrontMatter, lines: int) -> FrontMatter:
    repeated = tuple(dataclasses.replace(r, first=r.first + lines, again=r.again + lines)
                     for r in found.repeated)
    return dataclasses.replace(found, body_line=found.body_line + lines, repeated=repeated,
                               quote_escapes=tuple(n + lines for n in found.quote_escapes))


def parse(text: str, path: Path) -> FrontMatter:
    """The front matter and body of a page's text (line ends already ``\\n``).

    Every problem is a ContentError naming ``path`` and the line in the file."""
    text, skipped = _skip_blank_start(text.removeprefix("\ufeff"))
    try:
        found = _parse(text)
    except RecursionError:  # every parser recurses per level: [[[[… thousands deep
        raise ContentError("front matter nested too deeply to read; flatten it", path,
                           1 + skipped, code="bad-front-matter") from None
    except FrontMatterError as exc:
        raise ContentError(exc.message, path, exc.line + skipped, code="bad-front-matter") from None
    return _shifted(found, skipped) if skipped else found
