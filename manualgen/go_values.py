"""Values as a site's own Go templates see them (go_template.py): how Go prints them, when
``if`` takes them for true, how Hugo compares them, and Go's ``printf``.

A value is a Python value: ``str`` (a Go string), :class:`HTML` (Hugo's template.HTML,
printed as it is), ``bool``, ``int``, ``float``, ``None`` (nil), ``list`` (a slice) or
``dict`` (a map); or one of go_template's objects (the shortcode, its page, the site)."""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re

from .content import go_float_text
from .go_escape import NotSimple

__all__ = ["HTML", "INT64", "Failed", "TooLarge", "check_size", "go_eq", "go_print", "go_sprintf",
           "go_syntax", "go_type", "int64", "truth"]


class HTML(str):
    """Hugo's template.HTML: text that is HTML already (.Inner, markdownify, safeHTML)."""


class Failed(Exception):
    """A function failed as Hugo's does (its message); go_template names the action."""


class TooLarge(NotSimple):
    """A value too large or too deeply nested to walk (a slice of itself a thousand times
    over): Hugo would print it, manualgen does not follow (the caller falls back)."""


INT64 = 2**63
_MOST_ITEMS = 200_000
_DEEPEST = 400


def int64(value: int) -> int:
    """An integer as Go's int64 holds it: past its range it wraps around, as Go's
    arithmetic does (``mul 9223372036854775807 2`` is -2 in Hugo)."""
    return (value + INT64) % (2 * INT64) - INT64


def check_size(value: object) -> None:
    """Raise TooLarge for a slice or map holding more than 200,000 values in all, or
    nested more than 400 deep, counting a value shared twice twice (as printing it
    would): a walk of it could take hours, or Python's stack."""
    if not isinstance(value, (list, tuple, dict)):
        return
    stack, count = [(value, 0)], 0
    while stack:
        item, depth = stack.pop()
        count += 1
        if count > _MOST_ITEMS or depth > _DEEPEST:
            raise TooLarge(f"a value of more than {_MOST_ITEMS} items or nested more than "
                           f"{_DEEPEST} deep")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend((v, depth + 1) for v in item)


def go_print(value: object) -> str:
    """A value as Go's templates print it (``%v``): ``true``, nothing for nil, ``2`` for 2.0,
    a slice as ``[a b]``, a map as ``map[k:v]`` with its keys sorted.  TooLarge for a
    collection too large to walk."""
    check_size(value)
    return _printed(value)


def _printed(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if abs(value) >= 2 * INT64:  # a data file's number past uint64: Go reads a float64
            return _go_float(float(value)) if abs(value) < 10**308 else ("-Inf" if value < 0 else "+Inf")
        return str(value)
    if isinstance(value, float):
        return _go_float(value)
    if isinstance(value, dict):
        pairs = sorted(value.items(), key=lambda kv: str(kv[0]))
        return "map[" + " ".join(f"{_printed(k)}:{_nested(v)}" for k, v in pairs) + "]"
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(_nested(v) for v in value) + "]"
    if isinstance(value, dt.datetime):  # Go's Time.String()
        zone = value.strftime("%z") or "+0000"
        name = "UTC" if zone == "+0000" else zone
        fraction = f".{value.microsecond:06d}".rstrip("0") if value.microsecond else ""
        year = 0 if type(value).__name__ == "YearZero" else value.year  # Go's year 0, held in 4
        return f"{year:04d}-" + value.strftime("%m-%d %H:%M:%S") + f"{fraction} {zone} {name}"
    if isinstance(value, dt.date):  # a YAML date of a data file: as written (hugo 0.149.1)
        return value.isoformat()
    # one of Hugo's objects (a page, the site): Go prints it in ways manualgen does not follow
    raise TypeError(f"printing {go_type(value)}")


def _go_float(value: float) -> str:
    """A float as Go's %v prints it (strconv's shortest 'g'): an exponent below 1e-4 and from
    1e6 on (1.5e+06, 1e-05), the digits as they are between (2 for 2.0, 0.25)."""
    if value == 0 or not math.isfinite(value):
        return go_float_text(value)
    number = decimal.Decimal(repr(value))
    exponent = number.adjusted()
    if -4 <= exponent < 6:
        return go_float_text(value)
    digits = "".join(map(str, number.as_tuple().digits)).rstrip("0") or "0"
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    sign = "-" if value < 0 else ""
    return f"{sign}{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent):02d}"


def _nested(value: object) -> str:
    """A value inside a slice or map: nil is printed ``<nil>`` there, as Go's fmt does."""
    return "<nil>" if value is None else _printed(value)


def go_type(value: object) -> str:
    """The value's type as Go names it (``%T``, and Hugo's errors)."""
    if value is None:
        return "<nil>"
    if isinstance(value, HTML):
        return "template.HTML"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, dt.datetime):
        return "time.Time"
    names = {str: "string", int: "int", float: "float64", list: "[]interface {}",
             dict: "map[string]interface {}"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return getattr(value, "go_type", type(value).__name__)


def truth(value: object) -> bool:
    """Whether Go's ``if`` takes the value for true: not false, 0, nil or empty."""
    if value is None:
        return False
    if isinstance(value, (bool, int, float, str, list, tuple, dict)):
        return bool(value)
    return True


def _number(value: object) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def go_eq(first: object, second: object) -> bool:
    """Hugo's ``eq`` of two values: numbers of one kind by their value (an int never equals
    a float: 1 and 1.0 differ, as in Hugo 0.149), text with text (template.HTML is text),
    anything else when it is the same."""
    a, b = _number(first), _number(second)
    if a is not None or b is not None:
        return a is not None and b is not None and type(a) is type(b) and a == b
    if isinstance(first, str) or isinstance(second, str):
        return isinstance(first, str) and isinstance(second, str) and str(first) == str(second)
    if isinstance(first, bool) or isinstance(second, bool):
        return first is second
    check_size(first)
    check_size(second)
    return first == second


def go_compare(first: object, second: object) -> int:
    """-1, 0 or 1 for Hugo's ``lt``, ``le``, ``gt``, ``ge``: numbers by value, text by its
    bytes; Failed for values of kinds that do not compare."""
    a, b = _number(first), _number(second)
    if a is None and isinstance(first, str) and b is not None:
        a = _float_text(first) or 0  # text that is no number counts 0 ("a" < 1 holds in Hugo)
    if b is None and isinstance(second, str) and a is not None:
        b = _float_text(second) or 0
    if a is not None and b is not None:
        return (a > b) - (a < b)
    if isinstance(first, str) and isinstance(second, str):
        x, y = first.encode(), second.encode()
        return (x > y) - (x < y)
    raise Failed("incompatible types for comparison")


def _float_text(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


# One verb of Go's fmt: flags, an argument index, width, precision, an argument index, the
# verb letter.
_VERB = re.compile(r"%([-+# 0]*)(?:\[([^\]]*)\])?(\d+)?(?:\.(\d*))?(?:\[([^\]]*)\])?([a-zA-Z%])?")


def go_sprintf(form: str, args: list) -> str:
    """Go's fmt.Sprintf for the verbs templates use (v s d q t f e g x X o b c U T and %%),
    with flags, width, precision and argument indexes (``%[2]d``); a wrong verb, count
    or index printed as Go prints it."""
    out: list[str] = []
    used = 0
    reordered = False
    at = 0
    for match in _VERB.finditer(form):
        out.append(form[at:match.start()])
        at = match.end()
        flags, index, width, precision, late_index, verb = match.groups()
        if verb is None or _too_large(width) or _too_large(precision):
            out.append("%!(NOVERB)")
            continue
        if verb == "%":
            out.append("%")
            continue
        chosen = late_index if late_index is not None else index
        if chosen is not None:
            reordered = True
            if not chosen.isdigit() or not 1 <= int(chosen) <= len(args):
                out.append(f"%!{verb}(BADINDEX)")
                continue
            used = int(chosen) - 1
        if used >= len(args):
            out.append(f"%!{verb}(MISSING)")
            continue
        check_size(args[used])
        out.append(_formatted(verb, args[used], flags, int(width) if width else 0, precision))
        used += 1
    out.append(form[at:])
    if not reordered and used < len(args):
        extra = ", ".join(f"{go_type(a)}={go_print(a)}" for a in args[used:])
        out.append(f"%!(EXTRA {extra})")
    return "".join(out)


def _too_large(number: str | None) -> bool:
    """A width or precision Go's fmt refuses (over 10⁶): it prints %!(NOVERB) there and
    keeps the value for the next verb, as hugo 0.149.1 prints ``printf "%.999999999f" 1.5``."""
    return bool(number) and (len(number) > 7 or int(number) > 1_000_000)


def _formatted(verb: str, value: object, flags: str, width: int, precision: str | None,
               nested: bool = False) -> str:
    """One value for one verb, padded to its width; a slice's or map's elements each with
    the verb, as Go's fmt writes them (``%5d`` of [1 2] is ``[    1     2]``; nil inside
    is ``<nil>``)."""
    if verb not in "vT" and isinstance(value, (list, tuple)):
        return "[" + " ".join(_formatted(verb, e, flags, width, precision, True) for e in value) + "]"
    if verb not in "vT" and isinstance(value, dict):
        pairs = sorted(value.items(), key=lambda kv: str(kv[0]))
        return "map[" + " ".join(_formatted(verb, k, flags, width, precision, True) + ":"
                                 + _formatted(verb, v, flags, width, precision, True)
                                 for k, v in pairs) + "]"
    if nested and value is None:
        return "<nil>"
    return _pad(_verb(verb, value, flags, precision), flags, width, verb)


def _pad(text: str, flags: str, width: int, verb: str) -> str:
    width = min(width, 10_000)  # a width Go would honour, bounded: no gigabyte of spaces
    if len(text) >= width:
        return text
    if "-" in flags:
        return text + " " * (width - len(text))
    if "0" in flags and verb in "dfegxXobv" and not text.startswith("%!"):
        sign = text[0] if text[:1] in "+- " else ""
        return sign + text[len(sign):].rjust(width - len(sign), "0")
    return text.rjust(width)


def _verb(verb: str, value: object, flags: str, precision: str | None) -> str:
    if verb == "T":
        return go_type(value)
    if verb == "v" and "#" in flags:
        return go_syntax(value)
    if verb == "v":
        text = _nested(value) if value is None else go_print(value)
        return _signed(text, flags) if _number(value) is not None else text
    if verb == "U":
        return _unicode(value, flags)
    if verb == "s":
        if isinstance(value, str):
            return value if precision is None else value[:int(precision or 0)]
        if isinstance(value, (list, dict)):
            return go_print(value)
        return _bad(verb, value)
    if verb == "q" and isinstance(value, int) and not isinstance(value, bool):
        return _quote_rune(value)
    if verb == "q":
        return _quote(value) if isinstance(value, str) else _bad(verb, value)
    if verb == "t":
        return go_print(value) if isinstance(value, bool) else _bad(verb, value)
    if verb in "dxXobc":
        return _integer(verb, value, flags)
    if verb in "feEgG":
        return _floating(verb, value, flags, precision)
    return _bad(verb, value)


def _bad(verb: str, value: object) -> str:
    if value is None:
        return f"%!{verb}(<nil>)"
    return f"%!{verb}({go_type(value)}={_nested(value)})"


def _quote_rune(code: int) -> str:
    """Go's strconv.QuoteRune: ``'a'``, ``'\\x01'``, ``'\\''``; a number that is no
    character ``'�'``."""
    char = chr(code) if 0 <= code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    body = "\\'" if char == "'" else '"' if char == '"' else _quote(char)[1:-1]
    return f"'{body}'"


def _signed(text: str, flags: str) -> str:
    """A number's text with the sign flags: ``+`` for a plus sign, `` `` for a space in its
    place."""
    if text[:1] == "-":
        return text
    return "+" + text if "+" in flags else " " + text if " " in flags else text


def _integer(verb: str, value: object, flags: str) -> str:
    if isinstance(value, str) and verb in "xX":
        text = value.encode().hex()
        text = " ".join(text[i:i + 2] for i in range(0, len(text), 2)) if " " in flags else text
        return text.upper() if verb == "X" else text
    if isinstance(value, float) and verb in "xX":
        return _signed(_hex_float(value, verb), flags)
    if isinstance(value, bool) or not isinstance(value, int):
        return _bad(verb, value)
    if verb == "c":
        return chr(value) if 0 <= value < 0x110000 and not 0xD800 <= value <= 0xDFFF else "\ufffd"
    return _signed(format(value, {"d": "d", "x": "x", "X": "X", "o": "o", "b": "b"}[verb]), flags)


def _hex_float(value: float, verb: str) -> str:
    """Go's %x of a float: ``0x1.8p+00``, the mantissa's hex digits without trailing zeros,
    an exponent of at least two digits."""
    if not math.isfinite(value):
        return go_float_text(value)
    mantissa, _, exponent = value.hex().partition("p")
    mantissa = mantissa.rstrip("0").rstrip(".") if "." in mantissa else mantissa
    if value == 0:
        mantissa, exponent = ("-" if math.copysign(1, value) < 0 else "") + "0x0", "0"
    text = f"{mantissa}p{int(exponent):+03d}"
    return text.upper() if verb == "X" else text


def _unicode(value: object, flags: str) -> str:
    """Go's %U: ``U+1F600`` (at least four digits; a negative number as its uint64), with
    ``#`` the character after it in quotes."""
    if isinstance(value, bool) or not isinstance(value, int):
        return _bad("U", value)
    code = value % (2 * INT64)
    text = f"U+{code:04X}"
    if "#" in flags and code < 0x110000 and chr(code).isprintable():
        text += f" '{chr(code)}'"
    return text


def _floating(verb: str, value: object, flags: str, precision: str | None) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or isinstance(value, int):
        return _bad(verb, value)
    if verb in "gG" and precision is None:
        text = go_print(value) if verb == "g" else go_print(value).upper()
    else:
        text = format(value, f".{int(precision) if precision else (6 if precision is None else 0)}{verb}")
    return _signed(text, flags)


def go_syntax(value: object) -> str:
    """A value as Go's ``%#v`` prints it: text quoted, a slice as ``[]interface {}{1,
    "a"}``, a map as ``map[string]interface {}{"a":1}`` by sorted key, nil ``<nil>``."""
    check_size(value)
    return _syntax(value)


def _syntax(value: object) -> str:
    if value is None:
        return "<nil>"
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, dict):
        pairs = sorted(value.items(), key=lambda kv: str(kv[0]))
        return go_type(value) + "{" + ", ".join(f"{_syntax(k)}:{_syntax(v)}" for k, v in pairs) + "}"
    if isinstance(value, (list, tuple)):
        return "[]interface {}{" + ", ".join(_syntax(v) for v in value) + "}"
    return _printed(value)


def _quote(text: str) -> str:
    """Go's strconv.Quote: printable characters as they are, others escaped."""
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char in "\a\b\f\n\r\t\v":
            out.append("\\" + "abfnrtv"["\a\b\f\n\r\t\v".index(char)])
        elif char.isprintable() or char == " ":
            out.append(char)
        elif ord(char) < 0x80:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return "".join(out) + '"'
