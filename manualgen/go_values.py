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

__all__ = ["HTML", "Failed", "go_eq", "go_print", "go_sprintf", "go_type", "truth"]


class HTML(str):
    """Hugo's template.HTML: text that is HTML already (.Inner, markdownify, safeHTML)."""


class Failed(Exception):
    """A function failed as Hugo's does (its message); go_template names the action."""


def go_print(value: object) -> str:
    """A value as Go's templates print it (``%v``): ``true``, nothing for nil, ``2`` for 2.0,
    a slice as ``[a b]``, a map as ``map[k:v]`` with its keys sorted."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _go_float(value)
    if isinstance(value, dict):
        pairs = sorted(value.items(), key=lambda kv: str(kv[0]))
        return "map[" + " ".join(f"{go_print(k)}:{_nested(v)}" for k, v in pairs) + "]"
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(_nested(v) for v in value) + "]"
    if isinstance(value, dt.datetime):  # Go's Time.String()
        zone = value.strftime("%z") or "+0000"
        name = "UTC" if zone == "+0000" else zone
        fraction = f".{value.microsecond:06d}".rstrip("0") if value.microsecond else ""
        return f"{value.year:04d}-" + value.strftime("%m-%d %H:%M:%S") + f"{fraction} {zone} {name}"
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
    return "<nil>" if value is None else go_print(value)


def go_type(value: object) -> str:
    """The value's type as Go names it (``%T``, and Hugo's errors)."""
    if value is None:
        return "<nil>"
    if isinstance(value, HTML):
        return "template.HTML"
    if isinstance(value, bool):
        return "bool"
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


# One verb of Go's fmt: flags, width, precision, the verb letter.
_VERB = re.compile(r"%([-+# 0]*)(\d+)?(?:\.(\d*))?([a-zA-Z%])?")


def go_sprintf(form: str, args: list) -> str:
    """Go's fmt.Sprintf for the verbs templates use (v s d q t f e g x X o b c T and %%),
    with flags, width and precision; a wrong verb or count printed as Go prints it."""
    out: list[str] = []
    used = 0
    at = 0
    for match in _VERB.finditer(form):
        out.append(form[at:match.start()])
        at = match.end()
        flags, width, precision, verb = match.groups()
        if verb is None or _too_large(width) or _too_large(precision):
            out.append("%!(NOVERB)")
            continue
        if verb == "%":
            out.append("%")
            continue
        if used >= len(args):
            out.append(f"%!{verb}(MISSING)")
            continue
        text = _verb(verb, args[used], flags, precision)
        used += 1
        out.append(_pad(text, flags, int(width) if width else 0, verb))
    out.append(form[at:])
    if used < len(args):
        extra = ", ".join(f"{go_type(a)}={go_print(a)}" for a in args[used:])
        out.append(f"%!(EXTRA {extra})")
    return "".join(out)


def _too_large(number: str | None) -> bool:
    """A width or precision Go's fmt refuses (over 10⁶): it prints %!(NOVERB) there and
    keeps the value for the next verb, as hugo 0.149.1 prints ``printf "%.999999999f" 1.5``."""
    return bool(number) and (len(number) > 7 or int(number) > 1_000_000)


def _pad(text: str, flags: str, width: int, verb: str) -> str:
    width = min(width, 10_000)  # a width Go would honour, bounded: no gigabyte of spaces
    if len(text) >= width:
        return text
    if "-" in flags:
        return text + " " * (width - len(text))
    if "0" in flags and verb in "dfegxXobv" and not text.startswith("%!"):
        sign = text[0] if text[:1] in "+-" else ""
        return sign + text[len(sign):].rjust(width - len(sign), "0")
    return text.rjust(width)


def _verb(verb: str, value: object, flags: str, precision: str | None) -> str:
    if verb == "T":
        return go_type(value)
    if verb == "v":
        return _nested(value) if value is None else go_print(value)
    if verb == "s":
        if isinstance(value, str):
            return value if precision is None else value[:int(precision or 0)]
        if isinstance(value, (list, dict)):
            return go_print(value)
        return _bad(verb, value)
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
    return f"%!{verb}({go_type(value)}={_nested(value)})"


def _integer(verb: str, value: object, flags: str) -> str:
    if isinstance(value, str) and verb in "xX":
        return value.encode().hex() if verb == "x" else value.encode().hex().upper()
    if isinstance(value, bool) or not isinstance(value, int):
        return _bad(verb, value)
    if verb == "c":
        return chr(value) if 0 <= value < 0x110000 else "\ufffd"
    text = format(value, {"d": "d", "x": "x", "X": "X", "o": "o", "b": "b"}[verb])
    return ("+" + text) if "+" in flags and value >= 0 else text


def _floating(verb: str, value: object, flags: str, precision: str | None) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or isinstance(value, int):
        return _bad(verb, value)
    if verb in "gG" and precision is None:
        text = go_print(value) if verb == "g" else go_print(value).upper()
    else:
        text = format(value, f".{int(precision) if precision else (6 if precision is None else 0)}{verb}")
    return ("+" + text) if "+" in flags and value >= 0 else text


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
