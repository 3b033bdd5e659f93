"""The functions of Hugo's templates that need nothing but their arguments (``printf``,
``index``, ``split``, ``dict``, ``default``, ``eq`` …), for a site's own templates
(go_template.py).  Each takes its arguments as Python values (go_values.py) and returns one;
a failure Hugo's build stops at raises Failed with Hugo's message."""

from __future__ import annotations

import decimal
import functools
import hashlib
import html
import json
import math
import re
from urllib.parse import quote

from .collation import collation_key
from .go_escape import HTMLAttr, NotSimple
from .go_library import LIBRARY, go_html_escape
from .go_values import (
    HTML,
    INT64,
    Failed,
    check_size,
    go_compare,
    go_eq,
    go_print,
    go_sprintf,
    go_type,
    int64,
    truth,
)
from .permalinks import urlize

__all__ = ["ARITY", "FUNCTIONS", "ExactMap", "exact_maps", "map_get", "ordered_items"]


def ordered_items(collection: object):
    """What ``range`` walks: a slice's (index, element), a map's (key, value) by sorted key
    as Go's range does, an integer's (i, i) for 0…n-1; Failed for anything else."""
    if isinstance(collection, (list, tuple)):
        return list(enumerate(collection))
    if isinstance(collection, dict):
        return sorted(collection.items(), key=lambda kv: _key_order(kv[0]))
    if isinstance(collection, int) and not isinstance(collection, bool):
        return _Count(collection)
    if collection is None:
        return []
    raise Failed(f"range can't iterate over {go_print(collection)}")


class _Count:
    """What ``range N`` walks, made as it is walked: (i, i) for 0…N-1 (a run is stopped
    long before a huge N is reached)."""

    def __init__(self, count: int) -> None:
        self.count = max(count, 0)

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        return ((i, i) for i in range(self.count))


def _key_order(key: object) -> tuple:
    return (0, key, "") if isinstance(key, (int, float)) and not isinstance(key, bool) else (1, 0, str(key))


def _index(collection: object, *keys: object) -> object:
    for key in keys:
        if collection is None:
            return None  # Hugo's index of nil is nil
        if isinstance(collection, dict):
            collection = map_get(collection, key)
        elif isinstance(collection, (list, tuple, str)):
            position = _int_of(key)
            items = collection.encode() if isinstance(collection, str) else collection
            # Hugo 0.149's index of a place past the end is nil, not a failure; of text, a byte
            collection = items[position] if 0 <= position < len(items) else None
        else:
            raise Failed(f"error calling index: can't index item of type {go_type(collection)}")
    return collection


class ExactMap(dict):
    """A map whose keys are read only as written, as Go reads a map: a ``.Site.Data``
    file's tables and what ``dict`` makes (Hugo is case-blind for params only)."""


def exact_maps(value: object) -> object:
    """``value`` with each of its tables (however deep) an ExactMap."""
    if not isinstance(value, (dict, list)):
        return value
    top: list = [value]
    stack = [(value, top, 0)]
    while stack:
        item, holder, at = stack.pop()
        if isinstance(item, dict):
            made: dict | list = ExactMap(item)
            stack.extend((v, made, k) for k, v in item.items() if isinstance(v, (dict, list)))
        else:
            made = list(item)
            stack.extend((v, made, i) for i, v in enumerate(item) if isinstance(v, (dict, list)))
        holder[at] = made
    return top[0]


def map_get(table: dict, key: object) -> object:
    """A map's value at ``key``; a text key found without regard to case when it is not
    there as written (Hugo's params keys are lower case, templates write them as they
    like), but not in an ExactMap."""
    try:
        if key in table:
            return table[key]
    except TypeError:  # a key Go could not have in a map of text (a slice)
        return None
    if isinstance(key, str) and not isinstance(table, ExactMap):  # Hugo's params are read without regard to case
        folded = key.lower()
        return next((v for k, v in table.items() if isinstance(k, str) and k.lower() == folded), None)
    return None


def _int_of(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Failed(f"error calling index: cannot index slice/array with type {go_type(value)}")
    return value


def _to_int(value: object) -> int:
    """Hugo's ``int``: a number truncated; text read as Go's ParseInt reads it with base 0
    ("010" is octal 8, "0x1F" hex; "08" and "1.5" fail, a trailing ".0" dropped)."""
    if value is None or value == "":  # cast.ToInt of nil or of empty text (a missing parameter)
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return int64(value)
    if isinstance(value, float):  # past int64 (or not a number): what Go's conversion gives
        return int(value) if math.isfinite(value) and -INT64 <= value < INT64 else -INT64
    if isinstance(value, str):
        text = re.sub(r"\.0*$", "", value) if re.fullmatch(r"[+-]?\d+\.0*", value) else value
        parsed = _parse_int(text)
        if parsed is not None and not -INT64 <= parsed < INT64:
            raise Failed(f"error calling int: unable to cast {_quoted(value)} of type string to int: "
                         f"strconv.ParseInt: parsing {_quoted(text)}: value out of range")
        if parsed is not None:
            return parsed
        raise Failed(f"error calling int: unable to cast {_quoted(value)} of type string to int: "
                     f"strconv.ParseInt: parsing {_quoted(text)}: invalid syntax")
    raise Failed(f"error calling int: unable to cast {go_print(value)} of type {go_type(value)} to int")


def _parse_int(text: str) -> int | None:
    match = re.fullmatch(r"([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7]*|[1-9]\d*)", text)
    if match is None:
        return None
    sign, digits = match.groups()
    prefix = digits[1:2].lower() if digits.startswith("0") and len(digits) > 1 else ""
    base = {"x": 16, "o": 8, "b": 2}.get(prefix, 8 if prefix else 10)
    body = digits[2:] if prefix in ("x", "o", "b") else digits
    try:
        number = int(body.replace("_", "") or "0", base)
    except ValueError:
        return None
    return -number if sign == "-" else number


def _quoted(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else go_print(value)


def _arith(name: str, a: object, b: object) -> object:
    if name == "add" and isinstance(a, str) and isinstance(b, str):
        return a + b
    x, y = _num(name, a), _num(name, b)
    both_int = isinstance(x, int) and isinstance(y, int)
    if name in ("div", "mod") and y == 0:
        raise Failed(f"error calling {name}: can't divide the value by 0")
    if name == "mod" and not both_int:
        raise Failed("error calling mod: modulo operator can't be used with non integer value")
    if name in ("add", "sub", "mul"):
        result = x + y if name == "add" else x - y if name == "sub" else x * y
        return int64(result) if both_int else result
    if not both_int:
        return x / y
    # Go's int64: division truncated toward zero, % with the dividend's sign
    quotient = abs(x) // abs(y) * (1 if (x < 0) == (y < 0) else -1)
    return int64(quotient if name == "div" else x - y * quotient)


def _num(name: str, value: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if isinstance(value, str):
            try:
                return int(value) if re.fullmatch(r"[+-]?\d+", value) else float(value)
            except ValueError:
                pass
        raise Failed(f"error calling {name}: can't apply the operator to the values")
    return value


def _default(fallback: object, *given: object) -> object:
    """Hugo's ``default``: the given value when it is set (any bool, a non-zero number,
    non-empty text or collection), else the default."""
    if not given:
        return fallback
    value = given[0]
    if value is None:
        return fallback
    if isinstance(value, bool):
        return value
    return value if truth(value) else fallback


def _split(text: object, separator: object) -> list:
    text, separator = go_print(text), go_print(separator)
    return list(text) if separator == "" else text.split(separator)


def _dict(*pairs: object) -> dict:
    if len(pairs) % 2:
        raise Failed("error calling dict: invalid dictionary call")
    table = ExactMap()
    for key, value in zip(pairs[::2], pairs[1::2]):
        if not isinstance(key, str):
            raise Failed(f"error calling dict: dictionary keys must be strings, got {go_type(key)}")
        table[key] = value
    return table


def _length(value: object) -> int:
    if isinstance(value, str):
        return len(value.encode())  # Go counts bytes
    if isinstance(value, (list, tuple, dict)):
        return len(value)
    if value is None:
        return 0
    raise Failed(f"error calling len: len of type {go_type(value)}")


def _take(name: str, count: object, collection: object) -> object:
    count = _to_int(count)
    if count < 0:
        raise Failed(f"error calling {name}: sequence length must be non-negative")
    if collection is None:
        return None
    if not isinstance(collection, (list, tuple, str)):
        raise Failed(f"error calling {name}: can't iterate over {go_print(collection)}")
    if name == "first":
        return collection[:count]
    if name == "last":
        return collection[max(len(collection) - count, 0):]
    return collection[count:]


def _in(collection: object, item: object) -> bool:
    if isinstance(collection, str):
        return go_print(item) in collection
    if isinstance(collection, (list, tuple)):
        return any(go_eq(element, item) for element in collection)
    return False


def _isset(collection: object, key: object) -> bool:
    if isinstance(collection, dict):
        return map_get(collection, key) is not None or key in collection
    if isinstance(collection, (list, tuple)) and isinstance(key, int):
        return 0 <= key < len(collection)
    if isinstance(collection, (list, tuple)) and isinstance(key, str):
        raise Failed("error calling isset: isset unable to use key of type string as index")
    return False


def _sort(collection: object, key: object = None, order: object = "asc") -> list:
    """Hugo's ``sort``: a slice by its values, a map's values by its keys (by their values
    when asked with "value"), or by a field of each (``.a.b``); "desc" reverses."""
    if isinstance(collection, dict):
        items = list(collection.items())
        picked = [(k, v) for k, v in items] if key in (None, "") else [(v, v) for _, v in items]
    else:
        picked = [(v, v) for v in list(collection or [])]
    if key not in ("value", "", None):
        fields = str(key).removeprefix(".").split(".")
        picked = [(_index_path(v, fields), v) for _, v in picked]
    def compare(a, b):
        if isinstance(a[0], str) and isinstance(b[0], str):  # Hugo sorts text by its collator
            first, second = collation_key(a[0]), collation_key(b[0])
            return (first > second) - (first < second)
        try:
            return go_compare(a[0], b[0])
        except Failed:
            return 0
    picked.sort(key=functools.cmp_to_key(compare), reverse=str(order).lower() == "desc")
    return [v for _, v in picked]


def _index_path(value: object, fields: list[str]) -> object:
    """The value at ``.a.b`` of a map, or of one of Hugo's objects (a page's .Section)."""
    for field in fields:
        if isinstance(value, dict):
            value = map_get(value, field)
        elif hasattr(value, "go_field"):
            value = value.go_field(field)
        else:
            value = None
    return value


_WHERE_OPS = {"=": "eq", "==": "eq", "eq": "eq", "!=": "ne", "<>": "ne", "ne": "ne", "<": "lt",
              "lt": "lt", "<=": "le", "le": "le", ">": "gt", "gt": "gt", ">=": "ge", "ge": "ge",
              "in": "in", "not in": "not in"}


# Hugo's operators of where that manualgen does not follow: the template falls back
_WHERE_NOT_RUN = {"intersect", "like", "not like"}


def _where(collection: object, key: object, *rest: object) -> list:
    """Hugo's ``where`` over a slice of maps: the elements whose field ``key`` (``.a.b``
    going down) matches; the operators = != < <= > >= in, "not in"."""
    if len(rest) == 1:
        op, wanted = "eq", rest[0]
    elif len(rest) == 2 and str(rest[0]) in _WHERE_OPS:
        op, wanted = _WHERE_OPS[str(rest[0])], rest[1]
    elif len(rest) == 2 and str(rest[0]) in _WHERE_NOT_RUN:
        raise NotSimple(f'where with the operator "{rest[0]}"')
    else:
        raise Failed("error calling where: invalid number of arguments or operator")
    fields = str(key).removeprefix(".").split(".")
    return [e for e in list(collection or []) if _matches(_index_path(e, fields), op, wanted)]


def _matches(value: object, op: str, wanted: object) -> bool:
    if op in ("in", "not in"):
        return _in(wanted, value) == (op == "in")
    if op in ("eq", "ne"):
        return go_eq(value, wanted) == (op == "eq")
    try:
        order = go_compare(value, wanted)
    except Failed:
        return False
    return {"lt": order < 0, "le": order <= 0, "gt": order > 0, "ge": order >= 0}[op]


def _replace_re(pattern: object, replacement: object, text: object, limit: object = -1) -> str:
    try:
        compiled = re.compile(_go_regex(go_print(pattern)), re.ASCII)  # Go's \d \w \s
    except re.error as exc:
        raise Failed(f"error calling replaceRE: invalid regular expression: {exc}") from None
    template = _go_replacement(go_print(replacement))
    count = _to_int(limit)
    return compiled.sub(template, go_print(text), count=max(count, 0))


def _find_re(pattern: object, text: object, limit: object = -1) -> list[str]:
    """Hugo's findRE: the matches of a pattern, at most ``limit`` of them (all when < 0)."""
    try:
        compiled = re.compile(_go_regex(go_print(pattern)), re.ASCII)
    except re.error as exc:
        raise Failed(f"error calling findRE: invalid regular expression: {exc}") from None
    most = _to_int(limit)
    found = [m.group() for m in compiled.finditer(go_print(text))]
    return found if most < 0 else found[:most]


# RE2 syntax Python reads otherwise or not at all: Unicode classes, \Q…\E, the U flag,
# POSIX classes, {,n} (text in Go)
_RE2_ONLY = re.compile(r"\\[pPQ]|\(\?[a-zA-Z]*U|\[\[:|\{,")


def _go_regex(pattern: str) -> str:
    """Go's RE2 syntax in Python's: named groups ``(?P<name>…)`` are the same; ``\\z`` is
    Python's ``\\Z``.  A pattern Python would read otherwise, or could take exponential
    time on, is not run (the template falls back)."""
    if _RE2_ONLY.search(pattern):
        raise NotSimple(f"the regular expression {pattern!r}, whose RE2 syntax Python reads otherwise")
    if _repeat_in_repeat(pattern):
        raise NotSimple(f"the regular expression {pattern!r}, a repeat inside a repeat")
    return pattern.replace(r"\z", r"\Z")


def _repeat_in_repeat(pattern: str) -> bool:
    """Whether a repeated group holds a repeat or a choice (``(a+)+``, ``((a*)b)*``,
    ``(a|aa)+``): Python's backtracking engine can take exponential time on such a group
    ("aaaa…b"), where Go's RE2 runs in linear time."""
    opened: list[int] = []
    escaped = False
    for at, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            opened.append(at)
        elif char == ")" and opened:
            start = opened.pop()
            body = re.sub(r"\\.", "", pattern[start + 1:at])
            if pattern[at + 1:at + 2] in ("+", "*", "{") and any(c in body for c in "+*{|"):
                return True
    return False


def _go_replacement(template: str) -> str:
    """Go's ``$1``/``${name}`` replacement as Python's ``\\g<1>``; backslashes are text."""
    out = template.replace("\\", "\\\\")
    return re.sub(r"\$(\$|\{(\w+)\}|(\w+))",
                  lambda m: "$" if m.group(1) == "$" else f"\\g<{m.group(2) or m.group(3)}>", out)


def _urlize(value: object) -> str:
    """Hugo's ``urlize`` (permalinks.urlize: a slug as Hugo makes it), escaped as a URL
    ("Café au lait" → ``caf%C3%A9-au-lait``, "x?y=z" → ``xyz``, "a - b" → ``a-b``)."""
    return quote(urlize(go_print(value), in_pattern=False), safe="/#+~-._@%")


def _merge(*maps: object) -> dict:
    """Hugo's ``merge``: the tables from left to right, a later key's value winning (a
    table inside merged the same way)."""
    result: dict = {}
    for each in maps:
        if not isinstance(each, dict):
            raise Failed(f"error calling merge: expected a map, got {go_type(each)}")
        for key, value in each.items():
            old = result.get(key)
            result[key] = _merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
    return result


def _chomp(value: object) -> object:
    """Hugo's ``chomp``: the text without the line ends it ends with; HTML stays HTML."""
    text = go_print(value).rstrip("\r\n")
    return HTML(text) if isinstance(value, HTML) else text


def _append(*args: object) -> list:
    """Hugo's ``append``: the elements before the last argument added to the last, a slice
    (``$classes | append "x"``).  One slice given to a slice of plain values adds its
    elements; to a slice of slices, or as one of several, it is added as one value."""
    *items, collection = args
    if collection is None:
        collection = []
    if not isinstance(collection, list):
        raise Failed(f"error calling append: expected a slice, got {go_type(collection)}")
    if len(items) == 1 and isinstance(items[0], list) and not any(
            isinstance(each, list) for each in collection):
        return [*collection, *items[0]]
    return [*collection, *items]


def _delimit(collection: object, separator: object, last: object = None) -> str:
    """Hugo's ``delimit``: a slice's or map's values (a map's by sorted key), text's bytes
    as numbers; anything else fails, as in Hugo (a number is not counted up to)."""
    if isinstance(collection, str):
        values: list = list(collection.encode())
    elif isinstance(collection, (list, tuple, dict)):
        values = [v for _, v in ordered_items(collection)]
    else:
        raise Failed(f"error calling delimit: can't iterate over {go_type(collection)}")
    for joiner in (separator, last):
        if isinstance(joiner, (list, tuple, dict)):  # cast.ToString refuses a collection
            raise Failed(f"error calling delimit: unable to cast {go_print(joiner)} of type "
                         f"{go_type(joiner)} to string")
    texts = [go_print(v) for v in values]
    if last is not None and len(texts) > 1:
        return go_print(separator).join(texts[:-1]) + go_print(last) + texts[-1]
    return go_print(separator).join(texts)


def _jsonify(value: object) -> HTML:
    """Hugo's ``jsonify``: Go's encoding/json, keys sorted, ``<>&`` escaped, a float as Go
    writes it (1.0 is ``1``, 1e21 ``1e+21``)."""
    check_size(value)
    text = _json(value)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return HTML(text)


def _json(value: object) -> str:
    if isinstance(value, float):
        return _json_float(value)
    if isinstance(value, dict):
        pairs = sorted(((go_print(k), v) for k, v in value.items()), key=lambda kv: kv[0])
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + _json(v) for k, v in pairs) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_json(v) for v in value) + "]"
    if value is None or isinstance(value, (bool, int, str)):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(go_print(value), ensure_ascii=False)


def _json_float(value: float) -> str:
    """A float as Go's encoding/json writes it: its shortest digits, an exponent only below
    1e-6 and from 1e21 on (``1e-7``, ``1e+21``); Inf and NaN fail."""
    if not math.isfinite(value):
        raise Failed(f"error calling jsonify: json: unsupported value: {go_print(value)}")
    if value != 0 and not 1e-6 <= abs(value) < 1e21:
        mantissa, _, exponent = repr(value).partition("e")
        mantissa = mantissa.removesuffix(".0")
        return f"{mantissa}e{int(exponent):+d}"
    text = format(decimal.Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _logic(name: str, *args: object) -> object:
    if name == "or":
        return next((a for a in args if truth(a)), args[-1])
    return next((a for a in args if not truth(a)), args[-1])


def _seq(*args: object) -> list:
    numbers = [_to_int(a) for a in args]
    first, step, last = ((1, 1, numbers[0]) if len(numbers) == 1 else
                         (numbers[0], 1 if numbers[1] >= numbers[0] else -1, numbers[1]) if len(numbers) == 2
                         else tuple(numbers))
    if step == 0 or abs(last - first) // abs(step) > 2000:
        raise Failed("error calling seq: size of result exceeds maximum")
    if len(numbers) == 1 and last < 1:
        return [] if last == 0 else list(range(-1, last - 1, -1))
    return list(range(first, last + (1 if step > 0 else -1), step))


def _print(*args: object) -> str:
    out = []
    for i, arg in enumerate(args):  # Go's Sprint: a space between two operands that are not text
        if i and not isinstance(arg, str) and not isinstance(args[i - 1], str):
            out.append(" ")
        out.append(go_print(arg) if arg is not None else "<nil>")
    return "".join(out)


def _text_function(name: str):
    def run(*args: object) -> object:
        texts = [go_print(a) for a in args]
        return {
            "lower": lambda: texts[0].lower(), "upper": lambda: texts[0].upper(),
            "hasPrefix": lambda: texts[0].startswith(texts[1]),
            "hasSuffix": lambda: texts[0].endswith(texts[1]),
            "strings.Contains": lambda: texts[1] in texts[0],
            "strings.TrimPrefix": lambda: texts[1].removeprefix(texts[0]),
            "strings.TrimSuffix": lambda: texts[1].removesuffix(texts[0]),
            "strings.TrimSpace": lambda: texts[0].strip(" \t\n\r\v\f"),
            "replace": lambda: texts[0].replace(texts[1], texts[2], -1 if len(args) < 4 else _to_int(args[3])),
            "htmlUnescape": lambda: html.unescape(texts[0]),
            "string": lambda: texts[0],
        }[name]()
    return run


# name: (function, fewest arguments, most arguments)
FUNCTIONS: dict[str, tuple] = {
    "printf": (lambda form, *args: go_sprintf(go_print(form), list(args)), 1, 99),
    "print": (_print, 0, 99),
    "index": (_index, 1, 99),
    "len": (_length, 1, 1),
    "split": (_split, 2, 2),
    "dict": (_dict, 0, 198),
    "slice": (lambda *items: list(items), 0, 99),
    "first": (lambda n, c: _take("first", n, c), 2, 2),
    "last": (lambda n, c: _take("last", n, c), 2, 2),
    "after": (lambda n, c: _take("after", n, c), 2, 2),
    "sort": (_sort, 1, 3),
    "where": (_where, 3, 4),
    "default": (_default, 1, 2),
    "in": (_in, 2, 2),
    "isset": (_isset, 2, 2),
    "cond": (lambda c, a, b: a if truth(c) else b, 3, 3),
    "int": (_to_int, 1, 1),
    "seq": (_seq, 1, 3),
    "add": (lambda a, b: _arith("add", a, b), 2, 2),
    "sub": (lambda a, b: _arith("sub", a, b), 2, 2),
    "mul": (lambda a, b: _arith("mul", a, b), 2, 2),
    "div": (lambda a, b: _arith("div", a, b), 2, 2),
    "mod": (lambda a, b: _arith("mod", a, b), 2, 2),
    "replaceRE": (_replace_re, 3, 4),
    "findRE": (_find_re, 2, 3),
    "delimit": (_delimit, 2, 3),
    "append": (_append, 2, 99),
    "chomp": (_chomp, 1, 1),
    "urlize": (_urlize, 1, 1),
    "merge": (_merge, 2, 99),
    "safeHTMLAttr": (lambda v: HTMLAttr(go_print(v)), 1, 1),
    "jsonify": (_jsonify, 1, 1),
    "safeHTML": (lambda v: HTML(go_print(v)), 1, 1),
    "htmlEscape": (lambda v: go_html_escape(go_print(v)), 1, 1),
    "or": (lambda *a: _logic("or", *a), 1, 99),
    "and": (lambda *a: _logic("and", *a), 1, 99),
    "not": (lambda v: not truth(v), 1, 1),
    "eq": (lambda first, *others: any(go_eq(first, o) for o in others), 2, 99),
    "ne": (lambda a, b: not go_eq(a, b), 2, 2),
    "lt": (lambda a, b: go_compare(a, b) < 0, 2, 2),
    "le": (lambda a, b: go_compare(a, b) <= 0, 2, 2),
    "gt": (lambda a, b: go_compare(a, b) > 0, 2, 2),
    "ge": (lambda a, b: go_compare(a, b) >= 0, 2, 2),
}
for _name, _count in (("lower", 1), ("upper", 1), ("hasPrefix", 2), ("hasSuffix", 2),
                      ("strings.Contains", 2), ("strings.TrimPrefix", 2), ("strings.TrimSuffix", 2),
                      ("strings.TrimSpace", 1), ("htmlUnescape", 1), ("string", 1)):
    FUNCTIONS[_name] = (_text_function(_name), _count, _count)
FUNCTIONS["replace"] = (_text_function("replace"), 3, 4)
for _name, _digest in (("md5", "md5"), ("sha1", "sha1"), ("sha256", "sha256"),
                      ("crypto.MD5", "md5"), ("crypto.SHA1", "sha1"), ("crypto.SHA256", "sha256")):
    FUNCTIONS[_name] = (lambda value, _digest=_digest: hashlib.new(_digest, go_print(value).encode()).hexdigest(),
                        1, 1)
FUNCTIONS["strings.HasPrefix"] = FUNCTIONS["hasPrefix"]
FUNCTIONS["strings.HasSuffix"] = FUNCTIONS["hasSuffix"]
FUNCTIONS["strings.ToLower"] = FUNCTIONS["lower"]
FUNCTIONS["strings.ToUpper"] = FUNCTIONS["upper"]
FUNCTIONS["strings.Replace"] = FUNCTIONS["replace"]
FUNCTIONS["strings.Split"] = FUNCTIONS["split"]
FUNCTIONS["collections.Append"] = FUNCTIONS["append"]
FUNCTIONS["strings.Chomp"] = FUNCTIONS["chomp"]
FUNCTIONS["urls.URLize"] = FUNCTIONS["urlize"]
FUNCTIONS["collections.Merge"] = FUNCTIONS["merge"]
FUNCTIONS["strings.FindRE"] = FUNCTIONS["findRE"]
FUNCTIONS["strings.Trim"] = FUNCTIONS["trim"] = LIBRARY["strings.Trim"]
FUNCTIONS.update({name: entry for name, entry in LIBRARY.items() if name not in FUNCTIONS})
ARITY = {name: (fewest, most) for name, (_, fewest, most) in FUNCTIONS.items()}
