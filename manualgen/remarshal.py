"""Hugo's ``transform.Remarshal "toml"``: configuration data written out as TOML the way Hugo
writes it, which is what a reader of a ``code-toggle`` block sees (Hugo's own documentation
shows its settings so).  Keys are sorted, each table follows the values of the one above it
after a blank line and is indented two spaces per level, strings are single-quoted unless
they hold a quote or a control character; TOML's dates print as dates, YAML's as the
strings Hugo reads them as."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import tomllib

import yaml

from .front_matter import AliasGuard, timestamp_or_text

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


def read_data(text: str) -> object | None:
    """The data of a block of configuration written as TOML, YAML or JSON (tried in that
    order, as Hugo's Remarshal guesses the format); None when it is none of them, or
    nested too deep for Python's readers."""
    data = _read(str(text or ""))
    return None if data is None or _deeper_than(data, _DEEPEST) else data


class _Loader(AliasGuard):
    """PyYAML's safe loader; a date it cannot make (``0000-00-00``) stays text."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp_or_text)
_DEEPEST = 100  # levels of tables and lists written out (each costs Python's stack)


def _read(text: str) -> object | None:
    try:
        return tomllib.loads(text)
    except (ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        pass
    stripped = text.strip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(stripped)
        except (ValueError, RecursionError):
            pass
    try:
        data = yaml.load(text, Loader=_Loader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):  # a date of year 0, month 13
        return None
    return _dates_as_strings(data) if isinstance(data, (dict, list)) else None


def _deeper_than(data: object, levels: int) -> bool:
    """Whether tables and lists nest more than ``levels`` deep in ``data``."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > levels:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return False


def _dates_as_strings(value: object) -> object:
    """YAML's dates as the strings Hugo reads them as (quoted when written out again)."""
    if isinstance(value, dict):
        return {k: _dates_as_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_strings(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def to_toml(data: object) -> str:
    """``data`` (a table) as Hugo's Remarshal writes TOML; a table under the name
    ``key`` when ``data`` is not a table.  Blank lines between tables are kept out, as
    Hugo's code-toggle takes them out."""
    if not isinstance(data, dict):
        data = {"key": data}
    lines: list[str] = []
    _table(data, [], lines)
    return "\n".join(line for line in lines if line.strip()) + "\n"


def _table(table: dict, path: list[str], lines: list[str]) -> None:
    inner = "  " * len(path)
    values = sorted(((k, v) for k, v in table.items() if not _is_table(v) and not _is_tables(v)),
                    key=lambda item: str(item[0]))
    for key, value in values:
        lines.append(f"{inner if path else ''}{_key(str(key))} = {_value(value)}")
    for key in sorted(str(k) for k, v in table.items() if _is_table(v) or _is_tables(v)):
        value = table[key] if key in table else next(v for k, v in table.items() if str(k) == key)
        name = ".".join(_key(p) for p in [*path, key])
        if _is_table(value):
            lines.append("")
            lines.append(f"{inner}[{name}]")
            _table(value, [*path, key], lines)
        else:
            for item in value:
                lines.append("")
                lines.append(f"{inner}[[{name}]]")
                _table(item, [*path, key], lines)


def _is_table(value: object) -> bool:
    return isinstance(value, dict)


def _is_tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):  # TOML's own dates: unquoted
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = sorted(value.items(), key=lambda item: str(item[0]))  # YAML's keys: 1 and "b"
        return "{" + ", ".join(f"{_key(str(k))} = {_value(v)}" for k, v in pairs) + "}"
    if value is None:
        return "''"
    return _string(str(value))


def _string(text: str) -> str:
    if "'" not in text and not any(ord(c) < 32 or ord(c) == 127 for c in text):
        return f"'{text}'"
    return '"' + "".join(_ESCAPES.get(c, c if ord(c) >= 32 and ord(c) != 127 else f"\\u{ord(c):04x}")
                         for c in text) + '"'


class UnmarshalFailed(ValueError):
    """A text ``transform.Unmarshal`` cannot read: Hugo's build stops there."""


class UnmarshalNotRun(ValueError):
    """A text whose data Hugo's versions read differently (YAML), or in a format manualgen
    does not read (XML): not guessed at."""


def unmarshal(text: str) -> object:
    """Hugo's ``transform.Unmarshal`` of a text: its format found as Hugo finds it (the
    first of ``,`` CSV, ``{`` JSON, ``<`` XML, ``:`` YAML, ``=`` TOML), its data as
    Go holds it: JSON's numbers are float64, CSV a list of rows of texts, nothing for an
    empty text."""
    if not text.strip():
        return None
    kind = _format_of(text)
    if kind in ("yaml", "xml"):
        raise UnmarshalNotRun(f"unmarshal of {kind.upper()}, which hugo 0.149.1 and 0.168.0 read "
                              "differently" if kind == "yaml" else "unmarshal of XML")
    try:
        if kind == "json":
            return json.loads(text, parse_int=float)
        if kind == "toml":
            return tomllib.loads(text)
    except (ValueError, RecursionError) as exc:
        raise UnmarshalFailed(_failure(kind, exc)) from None
    if kind == "csv":
        return _csv_rows(text)
    raise UnmarshalFailed("failed to detect format from content")


def _failure(kind: str, exc: Exception) -> str:
    """Hugo's words for data that does not read, at its line and column (Python's reason)."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)", str(exc))
    reason = getattr(exc, "msg", None) or str(exc)
    if found:
        line, column = int(found.group(1)), int(found.group(2))
        reason = str(exc)[:found.start()] + str(exc)[found.end():]
    place = f"_stream.{kind}:{line}:{column}" if line else f"_stream.{kind}"
    return f'"{place}": unmarshal failed: {kind}: {reason[:1].lower() + reason[1:]}'


def _format_of(text: str) -> str:
    """Hugo's FormatFromContentString: the format whose mark comes first (checked with
    hugo 0.149.1 and 0.168.0: "x,y:z" and "x,<b>" are CSV)."""
    marks = {name: text.find(char) for name, char in
             (("csv", ","), ("json", "{"), ("xml", "<"), ("yaml", ":"), ("toml", "="))}
    names = list(marks)
    for at, name in enumerate(names[:-1]):
        if marks[name] != -1 and all(marks[o] == -1 or marks[name] < marks[o] for o in names[at + 1:]):
            return name
    return "toml" if marks["toml"] != -1 else ""


def _csv_rows(text: str) -> list[list[str]]:
    """Go's encoding/csv: rows of the same length (blank lines skipped), a quote only at a
    field's start."""
    import csv
    import io

    rows = [row for row in csv.reader(io.StringIO(text), strict=True) if row]
    if any(len(row) != len(rows[0]) for row in rows):
        raise UnmarshalFailed("CSV: wrong number of fields")
    if any('"' in field for line in text.splitlines() for field in line.split(",")
           if '"' in field and not field.startswith('"')):
        raise UnmarshalFailed('CSV: bare " in non-quoted field')
    return rows
