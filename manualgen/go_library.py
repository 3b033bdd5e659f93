"""More of Hugo's template functions that need nothing but their arguments: the strings,
math, collections, path and encoding namespaces that sites' shortcodes call (``substr``,
``truncate``, ``humanize``, ``math.Round``, ``uniq``, ``path.Base`` …).

Each follows what Hugo 0.149–0.168 print for it (checked with the binaries), takes Python
values as go_values.py holds them, and returns one; a call Hugo's build stops at raises
Failed.  go_functions.py adds them to its table, so the template compiler knows their
argument counts."""

from __future__ import annotations

import base64
import binascii
import functools
import math
import re
import unicodedata

from .go_escape import plainified
from .go_values import HTML, Failed, go_eq, go_print, go_type

__all__ = ["LIBRARY"]


# Strings ---------------------------------------------------------------------------------


def _int_argument(name: str, value: object, what: str) -> int:
    """cast.ToInt of a position or a length: a number truncated, integer text."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
        return int(value)
    raise Failed(f"error calling {name}: {what} argument must be integer")


def _substr(text: object, *numbers: object) -> str:
    """Hugo's substr: a start (from the end when negative) and a length (that many dropped
    from the end when negative), in characters; a start past the end gives nothing."""
    if not numbers or len(numbers) > 2:
        raise Failed("error calling substr: " + ("too few arguments" if not numbers else "too many arguments"))
    runes = go_print(text)
    size = len(runes)
    start = _int_argument("substr", numbers[0], "start")
    if start < -size:
        start = 0
    if start > size:
        return ""
    begin = start if start >= 0 else size + start
    if len(numbers) == 1:  # to the end
        return runes[begin:]
    length = _int_argument("substr", numbers[1], "length")
    end = begin + length if length >= 0 else size + length
    if begin > end:
        raise Failed(f"error calling substr: calculated start position greater than end position: "
                     f"{begin} > {end}")
    return runes[max(begin, 0):min(end, size)]


def _slicestr(text: object, *bounds: object) -> str:
    """Hugo's slicestr: the characters from a start to before an end; out of range fails."""
    if len(bounds) > 2:
        raise Failed("error calling slicestr: too many arguments")
    runes = go_print(text)
    start = _int_argument("slicestr", bounds[0], "start") if bounds else 0
    end = _int_argument("slicestr", bounds[1], "end") if len(bounds) == 2 else len(runes)
    if (bounds and not 0 <= start < len(runes)) or not start <= end <= len(runes):
        raise Failed("error calling slicestr: slice bounds out of range")
    return runes[start:end]


def go_html_escape(text: str) -> str:
    """Go's html.EscapeString: the five characters, quotes as numeric references."""
    return (text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&#34;"))


# an HTML tag at the start of the rest of the text: its closing slash, name, self-closing slash
_TRUNCATE_TAG = re.compile(r"<(/)?([^ ]+?)(?:(\s*/)| .*?)?>", re.DOTALL)
_SINGLETS = {"br", "col", "link", "base", "img", "param", "area", "hr", "input"}
_WORD_SCRIPTS = ("CJK UNIFIED", "HANGUL", "HIRAGANA", "KATAKANA", "CJK COMPATIBILITY IDEOGRAPH")


def _cut_anywhere(char: str) -> bool:
    """A character of a script written without spaces (Han, Hangul, kana): a word of its own."""
    return unicodedata.name(char, "").startswith(_WORD_SCRIPTS)


def _truncate(length: object, *options: object) -> HTML:
    """Hugo's truncate LENGTH [ELLIPSIS] TEXT: at most LENGTH characters, cut after the last
    whole word, then the ellipsis (" …"); text that is not HTML is escaped, HTML keeps its
    tags out of the count and has the tags left open closed."""
    size = _int_argument("truncate", length, "length")
    if not options or len(options) > 2:
        raise Failed("error calling truncate: " + ("truncate requires a length and a string"
                                                   if not options else "too many arguments passed to truncate"))
    raw = options[-1]
    ellipsis = " …" if len(options) == 1 else go_print(options[0])
    if len(options) == 2 and not isinstance(options[0], HTML):
        ellipsis = go_html_escape(ellipsis)
    text, is_html = go_print(raw), isinstance(raw, HTML)
    if len(text) <= size:
        return HTML(text if is_html else go_html_escape(text))
    cut, tags = _truncation_point(text, size, is_html)
    if cut is None:
        return HTML(text if is_html else go_html_escape(text))
    if not is_html:
        return HTML(go_html_escape(text[:cut]) + ellipsis)
    return HTML(text[:cut] + ellipsis + _closing_tags(tags, cut))


def _truncation_point(text: str, size: int, is_html: bool) -> tuple[int | None, list]:
    """Where the text is cut (None: it fits), and the tags met before, as (name, at, opens)."""
    tags: list[tuple[str, int, bool]] = []
    last_word = last_letter = counted = 0
    skip_to = 0
    for at, char in enumerate(text):
        if at < skip_to:
            continue
        if is_html and char == "<":
            tag = _TRUNCATE_TAG.match(text, at)
            if tag:
                skip_to, last_word = tag.end(), last_letter
                if tag.group(2) not in _SINGLETS and tag.group(3) is None:
                    tags.append((tag.group(2), at, tag.group(1) is None))
                continue
        counted += 1
        if char.isspace():
            last_word = last_letter
        elif _cut_anywhere(char):
            last_word = at
        else:
            last_letter = at + 1
        if counted > size:
            return (at if last_word == 0 else last_word), tags
    return None, tags


def _closing_tags(tags: list[tuple[str, int, bool]], cut: int) -> str:
    """The end tags of the elements open at ``cut``, innermost first (a closed element's
    opening tag is passed over)."""
    out, closed = [], None
    for name, at, opens in reversed(tags):
        if at >= cut or closed is not None:
            if closed is not None and closed == name:
                closed = None
            continue
        if opens:
            out.append(f"</{name}>")
        else:
            closed = name
    return "".join(out)


# Go's \p{Han}, \p{Hangul}, \p{Hiragana} and \p{Katakana} (Unicode's Scripts.txt)
_CJK_SCRIPTS = re.compile(
    "[\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00020000-\U0002a6df"
    "\U0002a700-\U0002ebef\U0002f800-\U0002fa1f\U00030000-\U000323af"  # Han
    "\u1100-\u11ff\u302e\u302f\u3131-\u318e\u3200-\u321e\u3260-\u327e\ua960-\ua97c"
    "\uac00-\ud7a3\ud7b0-\ud7c6\ud7cb-\ud7fb\uffa0-\uffbe\uffc2-\uffdc"  # Hangul
    "\u3041-\u3096\u309d-\u309f\U0001b001-\U0001b11f\U0001f200"  # Hiragana
    "\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff\u32d0-\u32fe\u3300-\u3357\uff66-\uff6f"
    "\uff71-\uff9d\U0001b000]")  # Katakana


def _count_words(text: object) -> int:
    """Hugo's countwords: the words between spaces of the text without its tags.  When the
    text holds Chinese, Japanese or Korean, a word with characters beyond ASCII counts each
    of them; otherwise every word counts one ("Привет мир", "café au lait")."""
    printed = go_print(text)
    words = plainified(printed).split()
    if not _CJK_SCRIPTS.search(printed):
        return len(words)
    return sum(1 if word.isascii() else len(word) for word in words)


def _count_runes(text: object) -> int:
    return sum(1 for char in plainified(go_print(text)) if not char.isspace())


def _go_count(sub: object, text: object) -> int:
    """Go's strings.Count: the non-overlapping SUB in TEXT; an empty SUB counts the gaps."""
    needle, haystack = go_print(sub), go_print(text)
    return len(haystack) + 1 if not needle else haystack.count(needle)


def _repeat(count: object, text: object) -> str:
    times = _int_argument("strings.Repeat", count, "count")
    if times < 0:
        raise Failed("error calling Repeat: strings: negative Repeat count")
    result = go_print(text)
    if len(result) * times > 1_000_000:
        raise Failed("error calling Repeat: the result would be too large")
    return result * times


def _first_upper(text: object) -> str:
    word = go_print(text)
    return word[:1].upper() + word[1:] if word else ""


def _trim_chars(side: str):
    """Go's strings.TrimLeft / TrimRight / Trim: the characters of a set taken off one side
    or both; an empty set takes nothing (Python's strip would take the spaces)."""
    def trim(first: object, second: object) -> str:
        cutset, text = ((first, second) if side != "both" else (second, first))
        chars, word = go_print(cutset), go_print(text)
        if not chars:
            return word
        return {"left": word.lstrip, "right": word.rstrip, "both": word.strip}[side](chars)
    return trim


_SEPARATORS = "_ :-/"


def _humanize(value: object) -> str:
    """Hugo's humanize: a whole number (or its text) with its English ordinal ("52nd");
    other text as the words of a sentence, split where a capital follows a small letter and
    at spaces, hyphens, underscores, colons, slashes and symbols, then in lower case with its
    first letter capitalised ("myCamelPost" → "My camel post")."""
    word = go_print(value)
    if not word:
        return ""
    if (isinstance(value, int) and not isinstance(value, bool)) or re.fullmatch(r"[+-]?\d+", word):
        return _ordinal(word)
    once = _sentence(_words(word))
    return _sentence(_words(once.lower()))


def _words(text: str) -> list[str]:
    words, current, before = [], "", ""
    for char in text.strip():
        kept = char.isalnum() or unicodedata.category(char).startswith("P") or char == "`"
        if char in _SEPARATORS or char.isspace() or (char.isupper() and not before.isupper()):
            words.append(current)
            current = char
        elif kept:
            current += char
        else:
            words.append(current)
            current = ""
        before = char
    words.append(current)
    return [w for w in (word.strip().strip(_SEPARATORS) for word in words) if w]


def _sentence(words: list[str]) -> str:
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def _ordinal(number: str) -> str:
    digits = number.lstrip("+-")
    last_two = int(digits[-2:])
    suffix = "th" if 11 <= last_two <= 13 else {"1": "st", "2": "nd", "3": "rd"}.get(digits[-1], "th")
    return number + suffix


@functools.cache
def _emoji_index() -> dict[str, str]:
    """GitHub's emoji codes, as pymdownx (the Markdown side's emoji) knows them: name →
    the emoji's characters."""
    from pymdownx.emoji import gemoji

    index = gemoji({}, None)
    emoji = index["emoji"]
    found = {name: "".join(chr(int(part, 16)) for part in
                           (entry.get("unicode_alt") or entry["unicode"]).split("-"))
             for name, entry in emoji.items() if entry.get("unicode")}
    for alias, name in index["aliases"].items():
        if name in found:
            found[alias] = found[name]
    return found


def _emojify(text: object) -> HTML:
    """Hugo's emojify: each ``:code:`` GitHub knows as its emoji; others stay as written."""
    table = _emoji_index()
    return HTML(re.sub(r":[\w+-]+:", lambda m: table.get(m.group(), m.group()), go_print(text)))


# Math ------------------------------------------------------------------------------------


def _float(value: object, name: str = "float") -> float:
    """cast.ToFloat64: a number, a boolean, or the text of a number."""
    if isinstance(value, (bool, int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace("_", "") if re.fullmatch(r"[\d_.eE+-]+", value) else value)
        except ValueError:
            pass
    if value is None:
        return 0.0
    raise Failed(f"error calling {name}: unable to cast {go_print(value)!r} of type "
                 f"{go_type(value)} to float64")


def _round(value: object) -> float:
    """Go's math.Round: halves away from zero (Python's round takes them to even)."""
    number = _float(value, "Round")
    if not math.isfinite(number):
        return number
    return math.copysign(math.floor(abs(number) + 0.5), number)


def _numbers(name: str, values: tuple) -> list[float]:
    """The numbers of math.Max/Min: each argument, or each item of a slice argument."""
    flat = [item for value in values
            for item in (value if isinstance(value, (list, tuple)) else [value])]
    if not flat:
        raise Failed(f"error calling {name}: must provide at least one number")
    return [_float(item, name) for item in flat]


def _one_float(name: str, function):
    """math.Floor, Ceil or Abs: a float64, infinities and NaN kept as they are."""
    def run(value: object) -> float:
        number = _float(value, name)
        return float(function(number)) if math.isfinite(number) else abs(number) if name == "Abs" else number
    return run


def _pow(base: object, exponent: object) -> float:
    try:
        return math.pow(_float(base, "Pow"), _float(exponent, "Pow"))
    except (ValueError, OverflowError):
        return math.inf


def _sqrt(value: object) -> float:
    number = _float(value, "Sqrt")
    return math.sqrt(number) if number >= 0 else math.nan


def _log(value: object) -> float:
    number = _float(value, "Log")
    return math.log(number) if number > 0 else (-math.inf if number == 0 else math.nan)


# Collections -----------------------------------------------------------------------------


def _items(name: str, value: object) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    raise Failed(f"error calling {name}: can't iterate over {go_print(value)}")


def _holds(items: list, item: object) -> bool:
    return any(go_eq(item, other) for other in items)


def _unique(items: list) -> list:
    kept: list = []
    for item in items:
        if not _holds(kept, item):
            kept.append(item)
    return kept


def _uniq(value: object) -> list:
    return _unique(_items("uniq", value))


def _complement(*collections: object) -> list:
    """Hugo's complement: the items of the last collection that none of the others hold."""
    if len(collections) < 2:
        raise Failed("error calling complement: missing argument(s)")
    others = [item for value in collections[:-1] for item in _items("complement", value)]
    return [item for item in _items("complement", collections[-1]) if not _holds(others, item)]


def _union(first: object, second: object) -> list:
    return _unique(_items("union", first) + _items("union", second))


def _intersect(first: object, second: object) -> list:
    theirs = _items("intersect", second)
    return _unique([item for item in _items("intersect", first) if _holds(theirs, item)])


def _symdiff(first: object, second: object) -> list:
    """Hugo's symdiff A B: the items of B not in A, then those of A not in B."""
    a, b = _items("symdiff", first), _items("symdiff", second)
    return _unique([x for x in b if not _holds(a, x)] + [x for x in a if not _holds(b, x)])


def _reverse(value: object) -> list:
    return list(reversed(_items("collections.Reverse", value)))


# Paths -----------------------------------------------------------------------------------


def go_clean(path: str) -> str:
    """Go's path.Clean: one slash between names, no "." and no "name/.." left, no trailing
    slash; "." for nothing."""
    rooted = path.startswith("/")
    parts: list[str] = []
    for name in path.split("/"):
        if name in ("", "."):
            continue
        if name == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            elif not rooted:
                parts.append("..")
            continue
        parts.append(name)
    cleaned = "/".join(parts)
    return ("/" + cleaned) if rooted else (cleaned or ".")


def _slashed(value: object) -> str:
    return go_print(value).replace("\\", "/")  # Hugo's path functions: filepath.ToSlash


def _base(value: object) -> str:
    path = _slashed(value).rstrip("/")
    if not path:
        return "/" if _slashed(value) else "."
    return path.rsplit("/", 1)[-1]


def _dir(value: object) -> str:
    path = _slashed(value)
    return go_clean(path[: path.rfind("/") + 1])


def _ext(value: object) -> str:
    path = _slashed(value)
    for at in range(len(path) - 1, -1, -1):
        if path[at] == "/":
            break
        if path[at] == ".":
            return path[at:]
    return ""


def _base_name(value: object) -> str:
    base = _base(value)
    return base[: len(base) - len(_ext(base))] if base not in (".", "/") else base


def _join(*values: object) -> str:
    names = [_slashed(item) for value in values
             for item in (value if isinstance(value, (list, tuple)) else [value])]
    joined = "/".join(name for name in names if name)
    return go_clean(joined) if joined else ""


# Encoding --------------------------------------------------------------------------------


def _base64_encode(value: object) -> str:
    return base64.b64encode(go_print(value).encode()).decode()


def _base64_decode(value: object) -> str:
    try:
        return base64.b64decode(go_print(value), validate=True).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError) as exc:
        raise Failed(f"error calling base64Decode: illegal base64 data ({exc})") from None


# name: (function, fewest arguments, most arguments)
LIBRARY: dict[str, tuple] = {
    "substr": (_substr, 1, 3),
    "slicestr": (_slicestr, 1, 3),
    "truncate": (_truncate, 2, 3),
    "countwords": (_count_words, 1, 1),
    "countrunes": (_count_runes, 1, 1),
    "strings.RuneCount": (lambda text: len(go_print(text)), 1, 1),
    "strings.Count": (_go_count, 2, 2),
    "strings.Repeat": (_repeat, 2, 2),
    "strings.FirstUpper": (_first_upper, 1, 1),
    "strings.TrimLeft": (_trim_chars("left"), 2, 2),
    "strings.TrimRight": (_trim_chars("right"), 2, 2),
    "strings.Trim": (_trim_chars("both"), 2, 2),
    "strings.ContainsAny": (lambda text, chars: any(c in go_print(text) for c in go_print(chars)), 2, 2),
    "strings.ContainsNonSpace": (lambda text: any(not c.isspace() for c in go_print(text)), 1, 1),
    "humanize": (_humanize, 1, 1),
    "emojify": (_emojify, 1, 1),
    "float": (_float, 1, 1),
    "math.Round": (_round, 1, 1),
    "math.Floor": (_one_float("Floor", math.floor), 1, 1),
    "math.Ceil": (_one_float("Ceil", math.ceil), 1, 1),
    "math.Abs": (_one_float("Abs", abs), 1, 1),
    "math.Sqrt": (_sqrt, 1, 1),
    "math.Log": (_log, 1, 1),
    "math.Pow": (_pow, 2, 2),
    "math.Max": (lambda *values: max(_numbers("Max", values)), 1, 99),
    "math.Min": (lambda *values: min(_numbers("Min", values)), 1, 99),
    "uniq": (_uniq, 1, 1),
    "complement": (_complement, 1, 99),
    "union": (_union, 2, 2),
    "intersect": (_intersect, 2, 2),
    "symdiff": (_symdiff, 2, 2),
    "collections.Reverse": (_reverse, 1, 1),
    "path.Base": (_base, 1, 1),
    "path.Dir": (_dir, 1, 1),
    "path.Ext": (_ext, 1, 1),
    "path.BaseName": (_base_name, 1, 1),
    "path.Clean": (lambda value: go_clean(_slashed(value)), 1, 1),
    "path.Join": (_join, 0, 99),
    "base64Encode": (_base64_encode, 1, 1),
    "base64Decode": (_base64_decode, 1, 1),
}
for _alias, _name in (("strings.Substr", "substr"), ("strings.SliceString", "slicestr"),
                      ("strings.Truncate", "truncate"), ("strings.CountWords", "countwords"),
                      ("strings.CountRunes", "countrunes"), ("inflect.Humanize", "humanize"),
                      ("transform.Emojify", "emojify"),
                      ("cast.ToFloat", "float"), ("collections.Uniq", "uniq"),
                      ("collections.Complement", "complement"), ("collections.Union", "union"),
                      ("collections.Intersect", "intersect"), ("collections.SymDiff", "symdiff"),
                      ("encoding.Base64Encode", "base64Encode"),
                      ("encoding.Base64Decode", "base64Decode")):
    LIBRARY[_alias] = LIBRARY[_name]
