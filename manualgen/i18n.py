"""The site's translation strings (Hugo's ``i18n/<lang>.toml|yaml|json``) and manualgen's labels.

Hugo's ``T "key"`` looks a key up in the language's file; entries are either plain strings or
tables with plural forms (``one``, ``other`` …).  manualgen's own print labels (Contents, Page,
Answer, …) live in ``labels.toml`` for some sixty languages; a language tag falls back one
subtag at a time to the nearest table (``de-CH`` → ``de``, ``zh-Hant-TW`` → ``zh-tw``), a key
a table lacks prints in English (with a warning), and a site overrides any label in
``manualgen.toml`` under ``[labels.<lang>]``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import functools
import json
import math
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import yaml

from .content import _YamlLoader, yaml_problem
from .errors import ContentError, not_utf8

# Characters no TOML, YAML or JSON file may hold (tab, line ends and text are fine).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LABELS_FILE = Path(__file__).resolve().parent / "labels.toml"
# Tags that mean a table under another name: old or macro codes, and Chinese by script or region.
LABEL_ALIASES = {
    "no": "nb", "iw": "he", "in": "id", "pt-pt": "pt", "sr-cyrl": "sr",
    "zh": "zh-cn", "zh-hans": "zh-cn", "zh-sg": "zh-cn", "zh-my": "zh-cn",
    "zh-hant": "zh-tw", "zh-hk": "zh-tw", "zh-mo": "zh-tw",
}
# Label keys whose English value is no English word (empty suffixes, the date pattern): a
# language lacking them prints nothing in English.
NEUTRAL_LABELS = ("page_end", "see_page_end", "date_format", "language_name")


def _linked_out(path: Path) -> bool:
    """A symbolic link that leads out of its i18n folder (a loop is left to the read)."""
    try:
        return not path.resolve().is_relative_to(path.parent.resolve())
    except (OSError, RuntimeError):
        return False


def _load(path: Path) -> dict:
    if _linked_out(path):  # nothing beyond the site
        raise ContentError(f'the translation file is a symbolic link to "{path.resolve()}", out '
                           "of its i18n folder; a build reads nothing outside the site: copy "
                           "the file in instead", path, code="bad-i18n")
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a byte-order mark: Windows editors
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac line ends, as in pages
    except OSError as exc:
        raise ContentError(f"cannot read the translation file: {exc.strerror}", path,
                           code="bad-i18n") from None
    except UnicodeDecodeError as exc:
        raise ContentError(f"invalid translation file: {not_utf8(raw, exc.start)}; "
                           "save it as UTF-8", path, raw[:exc.start].count(b"\n") + 1,
                           code="bad-i18n") from None
    if control := CONTROL_CHARACTER.search(text):  # TOML's message would be "Expected ']'"
        raise ContentError(f"invalid translation file: the control character U+{ord(control.group()):04X} "
                           "is not allowed (a damaged file?)", path,
                           text.count("\n", 0, control.start()) + 1, code="bad-i18n")
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
        if isinstance(exc, yaml.reader.ReaderError):  # a control character: no mark, no line
            line, problem = yaml_problem(exc, text)
            line += 1
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
        data = _from_list_form(data, path)
    if not isinstance(data, dict):
        raise ContentError("invalid translation file: it holds a single value, not keys and "
                           "their texts (Hugo stops there too)", path, 1, code="bad-i18n")
    return {key: _text_or_forms(str(key), value, path) for key, value in data.items()}


def _from_list_form(items: list, path: Path) -> dict:
    """The older list form, ``[{id: key, translation: text}]``, as a table; an item that is
    not such a pair stops Hugo, and is an error here."""
    table = {}
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise ContentError(f"invalid translation file: item {number} of the list is not an "
                               '"id:" with its "translation:" (Hugo stops there too)', path,
                               None, code="bad-i18n")
        table[item["id"]] = item.get("translation")
    return table


def _text_or_forms(key: str, value: object, path: Path) -> object:
    """A key's text, or its table of plural forms (``one``, ``other``, …), as ``T`` prints
    it.  Hugo stops at a number, a true/false or an empty value ("unsupported file format"):
    an error here, at the key's line (they printed as Python writes them: 5, True, None).
    A list or a table where a text belongs prints nothing, as in Hugo."""
    forms = value.items() if isinstance(value, dict) else [("", value)]
    for form, text in forms:
        if isinstance(text, (str, list, dict)):
            continue
        what = ("nothing" if text is None else "true or false" if isinstance(text, bool)
                else "a number" if isinstance(text, (int, float)) else type(text).__name__)
        where = f'"{key}"' + (f' (its "{form}")' if form else "")
        fix = "write its text" if text is None else "write it in quotes"
        raise ContentError(f"invalid translation file: the text of {where} is {what}, not "
                           f"text; Hugo stops there too: {fix}", path, _line_naming(path, key),
                           code="bad-i18n")
    if isinstance(value, dict):
        return {form: text for form, text in value.items() if isinstance(text, str)}
    return value if isinstance(value, str) else {}


@dataclasses.dataclass(frozen=True)
class Fallback:
    """A string the language's file lacks, printed in the default language instead."""

    key: str
    text: str  # what was printed
    file: Path  # the language's own file, where the key belongs (it may not exist yet)
    line: int | None  # a line of that file naming the key (commented out, say), if any
    source: Path  # the default language's file the text comes from
    source_line: int | None


TRANSLATION_SUFFIXES = (".toml", ".yaml", ".yml", ".json")


# CLDR's cardinal plural rules, as go-i18n (Hugo's T) applies them to a count's operands:
# n its absolute value, i its whole part, v how many digits its fraction shows, f those
# digits as a number, t the same without trailing zeros.  A float count is written as Go
# writes it with ".0" added ("3.0": v = 1), so in English and German it is "other", in
# French 1.5 is "one", in Czech "many".  Languages not named follow English.
@dataclasses.dataclass(frozen=True)
class _Operands:
    n: float
    i: int
    v: int
    f: int
    t: int


class CountText(str):
    """A count ``T`` was given as a float or a text, in the digits Hugo hands go-i18n for
    it ("1.5", "3.0", "21"): it picks the plural form, but the translation's ``{{ .Count }}``
    cannot read it (Hugo's template fails there, and T prints nothing)."""


def count_text(value: float | str) -> CountText:
    """``value`` as Hugo writes a count for go-i18n: a float's shortest digits with ".0"
    added when it has no fraction; a text as it is."""
    if isinstance(value, float) and math.isfinite(value):
        text = format(decimal.Decimal(repr(value)), "f")
        return CountText(text if "." in text else text + ".0")
    return CountText(value)


def _operands(count: object) -> _Operands | None:
    """The operands of a count as Hugo hands it to go-i18n: an integer, a float (its
    shortest decimal, ".0" added), or a text of digits ("21", "1.50"); None for anything
    else (the "other" form)."""
    if isinstance(count, bool):
        return None
    if isinstance(count, int):
        text = str(abs(count))
    elif isinstance(count, float):
        if not math.isfinite(count):
            return None
        text = format(decimal.Decimal(repr(abs(count))), "f")
        text = text if "." in text else text + ".0"
    elif isinstance(count, str) and re.fullmatch(r"[-+]?\d+(\.\d+)?", count):
        text = count.lstrip("-+")
    else:
        return None
    whole, _, fraction = text.partition(".")
    shown = fraction.rstrip("0")
    if not math.isfinite(value := float(text)):  # digits past a float's range: no count Go has
        return None
    return _Operands(value, int(whole), len(fraction), int(fraction or 0), int(shown or 0))


def _slavic(o: _Operands, many: bool) -> str:
    """Russian, Ukrainian (many) and Croatian, Serbian, Bosnian (none): by the last digits."""
    tens, hundreds = o.i % 10, o.i % 100
    if o.v == 0 and tens == 1 and hundreds != 11:
        return "one"
    if o.v == 0 and 2 <= tens <= 4 and not 12 <= hundreds <= 14:
        return "few"
    if not many:
        return ("one" if o.f % 10 == 1 and o.f % 100 != 11 else
                "few" if 2 <= o.f % 10 <= 4 and not 12 <= o.f % 100 <= 14 else "other")
    return "many" if o.v == 0 else "other"


def _polish(o: _Operands) -> str:
    tens, hundreds = o.i % 10, o.i % 100
    if o.i == 1 and o.v == 0:
        return "one"
    if o.v == 0 and 2 <= tens <= 4 and not 12 <= hundreds <= 14:
        return "few"
    return "many" if o.v == 0 else "other"


def _arabic(o: _Operands) -> str:
    whole = o.n == int(o.n)  # CLDR's ranges hold whole numbers only
    hundreds = int(o.n) % 100
    return ("zero" if o.n == 0 else "one" if o.n == 1 else "two" if o.n == 2 else
            "few" if whole and 3 <= hundreds <= 10 else "many" if whole and 11 <= hundreds <= 99
            else "other")


def _latvian(o: _Operands) -> str:
    whole = o.n == int(o.n)
    tens, hundreds = int(o.n) % 10, int(o.n) % 100
    if (whole and (tens == 0 or 11 <= hundreds <= 19)) or (o.v == 2 and 11 <= o.f % 100 <= 19):
        return "zero"
    if ((whole and tens == 1 and hundreds != 11) or (o.v == 2 and o.f % 10 == 1 and o.f % 100 != 11)
            or (o.v != 2 and o.f % 10 == 1)):
        return "one"
    return "other"


def _lithuanian(o: _Operands) -> str:
    whole = o.n == int(o.n)
    tens, hundreds = int(o.n) % 10, int(o.n) % 100
    if whole and tens == 1 and not 11 <= hundreds <= 19:
        return "one"
    if whole and 2 <= tens <= 9 and not 11 <= hundreds <= 19:
        return "few"
    return "many" if o.f != 0 else "other"


def _by_whole_number(table: dict[int, str], o: _Operands) -> str:
    """Welsh and Irish: forms for whole values only ("3.0" is "few" in Welsh)."""
    return table.get(int(o.n), "other") if o.n == int(o.n) else "other"


_IRISH = {1: "one", 2: "two", **dict.fromkeys(range(3, 7), "few"), **dict.fromkeys(range(7, 11), "many")}
_RULES: dict[str, Callable[[_Operands], str]] = {
    **dict.fromkeys(("ja", "ko", "zh", "th", "vi", "id", "ms", "lo", "my", "km", "jv", "yo", "ig"),
                    lambda o: "other"),
    **dict.fromkeys(("ru", "uk"), lambda o: _slavic(o, many=True)),
    **dict.fromkeys(("hr", "sr", "bs", "sh"), lambda o: _slavic(o, many=False)),
    # Belarusian by the value ("3.0" is "few"), Russian by the whole part
    "be": lambda o: _slavic(_operands(int(o.n)), many=True) if o.n == int(o.n) else "other",
    "pl": _polish,
    **dict.fromkeys(("cs", "sk"), lambda o: ("one" if o.i == 1 and o.v == 0 else "few" if 2 <= o.i <= 4
                                            and o.v == 0 else "many" if o.v != 0 else "other")),
    "ar": _arabic,
    "he": lambda o: ("one" if o.i == 1 and o.v == 0 else "two" if o.i == 2 and o.v == 0 else
                     "many" if o.v == 0 and o.n > 10 and o.i % 10 == 0 else "other"),
    "lt": _lithuanian,
    "lv": _latvian,
    "ro": lambda o: ("one" if o.i == 1 and o.v == 0 else
                     "few" if o.v != 0 or o.n == 0 or 2 <= o.i % 100 <= 19 else "other"),
    "sl": lambda o: ("one" if o.v == 0 and o.i % 100 == 1 else "two" if o.v == 0 and o.i % 100 == 2
                     else "few" if o.v != 0 or 3 <= o.i % 100 <= 4 else "other"),
    "cy": lambda o: _by_whole_number({0: "zero", 1: "one", 2: "two", 3: "few", 6: "many"}, o),
    "ga": lambda o: _by_whole_number(_IRISH, o),
    "mk": lambda o: ("one" if (o.v == 0 and o.i % 10 == 1 and o.i % 100 != 11)
                     or (o.f % 10 == 1 and o.f % 100 != 11) else "other"),
    "is": lambda o: "one" if (o.t == 0 and o.i % 10 == 1 and o.i % 100 != 11) or o.t != 0 else "other",
    **dict.fromkeys(("fr", "pt", "hy"), lambda o: "one" if o.i in (0, 1) else "other"),
    **dict.fromkeys(("hi", "bn", "fa", "gu", "kn", "mr", "zu", "am"),
                    lambda o: "one" if o.i == 0 or o.n == 1 else "other"),
    # "n = 1": a float 1.0 is "one" too (Spanish, checked with hugo 0.149.1)
    **dict.fromkeys(("es", "el", "bg", "hu", "tr", "nb", "no", "nn", "sq", "ka", "kk", "ky", "ta",
                     "te", "ml", "ne", "uz", "az", "eu", "mn", "ps", "so", "eo", "fo", "lb"),
                    lambda o: "one" if o.n == 1 else "other"),
}


def plural_category(lang: str, count: object) -> str:
    """The plural form (``zero``, ``one``, ``two``, ``few``, ``many``, ``other``) CLDR gives
    ``count`` in ``lang`` (its key or locale: "uk", "pt-br", "zh-tw"): Ukrainian 3 is "few",
    Korean has "other" only; unknown languages follow English.  A count that is no number
    (a word, infinity) is "other"."""
    operands = _operands(count)
    if operands is None:
        return "other"
    tag = lang.lower().replace("_", "-")
    code = tag.split("-")[0]
    if tag.startswith("pt-pt") or code not in _RULES:
        return "one" if operands.i == 1 and operands.v == 0 else "other"
    return _RULES[code](operands)


def translation_files(folder: Path) -> list[Path]:
    """The translation files in an i18n folder and the folders below it, as Hugo walks it:
    a file's language is its name (the Kubernetes site keeps ``i18n/de/de.toml``).  The
    folder's own files come first, then each subfolder's, in name order."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.rglob("*") if p.suffix in TRANSLATION_SUFFIXES and p.is_file()]
    return sorted(found, key=lambda p: (len(p.relative_to(folder).parts), p.as_posix()))


def file_beside(other: Path, lang: str) -> Path:
    """Where language ``lang``'s file belongs, laid out as ``other`` is: beside it
    (i18n/fr.toml), or in a folder of its own when ``other`` has one (i18n/fr/fr.toml)."""
    if other.parent.name == other.stem:
        return other.parent.parent / lang / (lang + other.suffix)
    return other.with_name(lang + other.suffix)


class Translator:
    """``T(key, count=None)`` for one language, falling back to the default language.

    Each key printed from the default language's file is recorded in ``used_fallbacks``
    (key → :class:`Fallback`): the translation check names the file that lacks it.
    """

    def __init__(self, lang: str, i18n_dirs: list[Path], fallback: str | None = None) -> None:
        self.lang = lang
        self.strings: dict = {}
        self.files: list[Path] = []
        self.origin: dict[str, Path] = {}  # the file each string comes from
        own: list[Path] = []
        for code in [c for c in (fallback, lang) if c]:
            for folder in i18n_dirs:
                for path in translation_files(folder):
                    if path.stem == code:
                        data = _load(path)
                        self.strings.update(data)
                        self.origin.update(dict.fromkeys(data, path))
                        self.files.append(path)
                        if code == lang:
                            own.append(path)
        self.own_files = own
        self.missing: set[str] = set()
        self.used_fallbacks: dict[str, Fallback] = {}
        self._dirs = i18n_dirs
        self._others: dict[Path, dict] | None = None  # the other languages' files, when needed
        self._reported: set[str] = set()
        self._template_reported: set[str] = set()
        self._texts: dict[Path, str] = {}  # the files' texts in lower case, for the lines of fallbacks

    def translate(self, key: str, count=None) -> str:
        entry = self.strings.get(key)
        if entry is None or entry == {}:  # a "[key]" whose "other = …" line is gone: no text
            self.missing.add(key)
            return ""
        if isinstance(entry, dict):
            # go-i18n: the count's form, else "other" (hugo 0.149.1 prints nothing when a
            # table lacks both, "one" or not)
            form = plural_category(self.lang, count) if count is not None else "other"
            text = str(entry.get(form, entry.get("other", "")))
        else:
            text = str(entry)
        source = self.origin.get(key)
        if source is not None and source not in self.own_files and key not in self.used_fallbacks:
            self.used_fallbacks[key] = self._fallback(key, text, source)
        return text

    def first_template_use(self, key: str) -> Path | None:
        """The file of ``key``'s text, the first time its template code is left out (None
        after that, or when no file has the key)."""
        if key in self._template_reported:
            return None
        self._template_reported.add(key)
        return self.origin.get(key)

    def defined_elsewhere(self, key: str) -> Path | None:
        """Another language's i18n file that has ``key``: then the site means to print it, and
        this language (and the default one) lacks it by mistake."""
        if self._others is None:
            self._others = {}
            for folder in self._dirs:
                for path in translation_files(folder):
                    if path not in self.files:
                        try:
                            self._others[path] = _load(path)
                        except ContentError:
                            pass  # reported for its own language
        return next((path for path, data in self._others.items() if data.get(key)), None)

    def missing_here(self, key: str) -> tuple[Path, Path] | None:
        """Once per key: (the file that should have it, another language's file that has it),
        when ``T`` found no text for ``key`` but another language has one."""
        if key not in self.missing or key in self._reported:
            return None
        self._reported.add(key)
        elsewhere = self.defined_elsewhere(key)
        if elsewhere is None:
            return None
        return (self.own_files[0] if self.own_files else
                file_beside(elsewhere, self.lang)), elsewhere

    def _fallback(self, key: str, text: str, source: Path) -> Fallback:
        # The language's file, or the one to create beside the default language's, same kind.
        file = self.own_files[0] if self.own_files else file_beside(source, self.lang)
        return Fallback(key, text, file, self._line_of(file, key), source, self._line_of(source, key))

    def _line_of(self, path: Path, key: str) -> int | None:
        """:func:`_line_naming`, each file read once for all the keys it is asked about."""
        if path not in self._texts:
            try:
                self._texts[path] = path.read_text(encoding="utf-8").lower()
            except (OSError, UnicodeDecodeError):
                self._texts[path] = ""
        return _line_in(self._texts[path], key)


def _line_naming(path: Path, key: str, text: str | None = None) -> int | None:
    """The first line of an i18n file (its ``text``, when read already) that names ``key``
    (as a table, a key or an id), in any case.  A search of the whole text rather than a
    pattern per line: a template using thousands of keys the file lacks took minutes."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    return _line_in(text.lower(), key)


def _line_in(low: str, key: str) -> int | None:
    """The first line of the lower-cased text ``low`` naming ``key`` (see _line_naming)."""
    if not key:
        return None
    wanted = key.lower()
    at = low.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        before = low[at - 1] if at else "\n"
        after = low[end] if end < len(low) else "\n"
        if (before.isspace() or before in "[{\"'#:-") and (after.isspace() or after in "]}\"'.=:"):
            return low.count("\n", 0, at) + 1
        at = low.find(wanted, at + 1)
    return None


@functools.cache
def _label_tables() -> dict[str, dict[str, str]]:
    return tomllib.loads(LABELS_FILE.read_text(encoding="utf-8"))


def label_table(*tags: str) -> str | None:
    """The built-in table for the first of ``tags`` (Hugo's language key, then its
    ``languageCode``) that has one, trying each tag whole and then without its last subtag:
    ``de-CH`` → ``de``, ``pt-BR`` → ``pt-br``, ``zh-Hant-TW`` → ``zh-hant`` → ``zh-tw``."""
    tables = _label_tables()
    for tag in tags:
        parts = (tag or "").replace("_", "-").lower().split("-")
        while parts and parts[0]:
            candidate = "-".join(parts)
            candidate = LABEL_ALIASES.get(candidate, candidate)
            if candidate in tables:
                return candidate
            parts.pop()
    return None


def labels_in_english(lang: str, overrides: dict[str, str] | None = None, locale: str = "") -> list[str]:
    """The label keys that would print in English for ``lang``: those its built-in table
    lacks (all of them for a language with no table, ``tl``; a few for one whose table holds
    only the words a native source gave, ``gl``) and the site gives none of under
    ``[labels.<lang>]``."""
    tables = _label_tables()
    table = label_table(lang, locale)
    own = tables[table] if table else {}
    return sorted(key for key in tables["en"]
                  if key not in own and key not in (overrides or {}) and key not in NEUTRAL_LABELS)


def load_labels(lang: str, overrides: dict[str, str] | None = None, locale: str = "") -> dict[str, str]:
    """Print labels for a language: built-in (English as the last resort), then the site's.

    ``lang`` is Hugo's language key and ``locale`` its ``languageCode``: a key that names no
    language (``jp``, ``english``) still finds its words through the code."""
    tables = _label_tables()
    labels = dict(tables["en"])
    table = label_table(lang, locale)
    if table:
        labels.update(tables[table])
    else:
        labels["language_name"] = lang  # not "English" for a language manualgen has no words for
    labels.update(overrides or {})
    return labels


def format_date(date: dt.datetime | dt.date, labels: dict[str, str]) -> str:
    """A date in the language's way (labels' ``date_format``, a strftime pattern): the
    cover's, and a blog post's under its title."""
    try:
        return date.strftime(labels.get("date_format") or "%Y-%m-%d")
    except ValueError:  # a pattern the platform's strftime refuses
        return date.strftime("%Y-%m-%d")
