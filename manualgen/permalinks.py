"""Hugo's web addresses of pages: the path of a content file made into a URL, and the site's
``[permalinks]`` patterns (``posts = "/:year/:month/:slug/"``), as hugo 0.149.1 makes them.

manualgen needs a page's web address to know which page a link names: a writer links to
``/2023/05/first-post/`` because that is where the web site shows it.  Checked against the
binary: a file name's spaces become hyphens one for one and the characters Hugo keeps in a
path stay (``FAQ (old) & more!.md`` → ``faq-old--more``); a title or slug put into a pattern
is made into words joined by one hyphen (``Slug: A & B`` → ``slug-a-b``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

# What Hugo keeps in a path besides letters, digits and marks (and %XX escapes).
_KEPT = frozenset("./\\_#+~-@")
# Go's \w is ASCII: ":é" is no attribute but text, which the path then drops the colon of
_ATTRIBUTE = re.compile(r":\w+(\[[^\]]+?\])?", re.ASCII)
_ZERO_TIME = dt.datetime(1, 1, 1, tzinfo=dt.UTC)  # Go's zero time: no date set
# Hugo's test for a Go date layout: every field differs from Go's reference time, so a
# layout formats this date into something other than itself
_GO_REFERENCE = dt.datetime(2019, 11, 9, 23, 1, 42, 1, tzinfo=dt.UTC)
_KINDS = ("page", "section")  # the kinds manualgen prints that patterns apply to


def _kept(text: str, index: int) -> bool:
    """Whether Hugo keeps the character at ``index`` in a path: a letter, a mark, a decimal
    digit (Go's unicode.IsLetter, IsMark, IsDigit), one of ``_KEPT``, or a %XX escape."""
    char = text[index]
    if char == "%":
        return bool(re.match(r"%[0-9A-Fa-f]{2}", text[index:index + 3]))
    category = unicodedata.category(char)
    return char in _KEPT or category[0] in "LM" or category == "Nd"


@dataclasses.dataclass(frozen=True)
class PathStyle:
    """The site's options for its addresses: ``disablePathToLower``, ``removePathAccents``
    and ``uglyURLs`` (true, or a table of sections: a page at "posts/a.html")."""

    lower: bool = True
    plain_letters: bool = False  # removePathAccents: "über" → "uber"
    ugly: bool = False
    ugly_sections: tuple[str, ...] = ()

    def shaped(self, text: str) -> str:
        """``text`` with the site's letter case and accents."""
        if self.plain_letters:
            text = unicodedata.normalize("NFC", "".join(
                c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"))
        return _go_lower(text) if self.lower else text

    def is_ugly(self, section: str) -> bool:
        """Whether a page of the top-level ``section`` ("" the root) is "name.html"."""
        return self.ugly or section.lower() in self.ugly_sections


def _go_lower(text: str) -> str:
    """``text`` in lower case as Go's strings.ToLower makes it: one letter for one ("İ" is
    "i"; Python's full case mapping gives "i" and a combining dot)."""
    return "".join(char.lower() if len(char.lower()) == 1 else char.lower()[0] for char in text)


HUGO_DEFAULT = PathStyle()  # lower case, accents kept, pages as folders


def read_style(lower_off: object, accents_off: object, ugly: object) -> PathStyle:
    """The PathStyle from the three options as the Hugo config holds them.  ``uglyURLs`` is
    read as hugo 0.149.1 decodes it: true, or the text "true" exactly (``uglyURLs = 1`` or
    "yes" leaves pages as folders); a table's values as Go's cast.ToBool reads them
    (``posts = 1`` or "t" is true, as is any number but 0)."""
    sections: tuple[str, ...] = ()
    if isinstance(ugly, dict):
        sections = tuple(str(k).strip(" /").lower() for k, v in ugly.items() if _go_bool(v))
    return PathStyle(lower=lower_off is not True, plain_letters=accents_off is True,
                     ugly=ugly is True or ugly == "true", ugly_sections=sections)


def _go_bool(value: object) -> bool:
    """``value`` as Go's cast.ToBool reads it: a boolean, a number other than 0, a text
    strconv.ParseBool reads as true ("1", "t", "TRUE" …); anything else false."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    return isinstance(value, str) and value in ("1", "t", "T", "TRUE", "true", "True")


def path_segment(name: str, style: PathStyle = HUGO_DEFAULT) -> str:
    """A folder or file name as Hugo puts it into a page's path: lower case, each space a
    hyphen, and only what Hugo keeps in a path."""
    text = style.shaped(name.replace(" ", "-"))  # "trail .md": "trail-", as Hugo makes it
    return "".join(char for i, char in enumerate(text) if _kept(text, i))


def urlize(text: str, in_pattern: bool = True, style: PathStyle = HUGO_DEFAULT) -> str:
    """A title or slug as Hugo makes it into a path: the characters a path keeps, a run of
    spaces (and what was dropped among them) one hyphen, lower case.  Put into a permalink
    pattern (``in_pattern``), a plus sign counts as a space ("C++ Tips": "c-tips"); as a
    page's own slug it is kept ("c++-tips")."""
    out: list[str] = []
    hyphen_next = was_hyphen = False
    for i, char in enumerate(text):
        if not (in_pattern and char == "+") and _kept(text, i):
            was_hyphen = char == "-"
            if hyphen_next and not was_hyphen:
                out.append("-")
            hyphen_next = False
            out.append(char)
        elif out and not was_hyphen and (char.isspace() or char == "+"):
            hyphen_next = True
    return style.shaped("".join(out))


@dataclasses.dataclass(frozen=True)
class Rule:
    """One permalink pattern: for pages of ``kind`` in the section ``key`` ("" the root)."""

    kind: str
    key: str
    pattern: str


def read_rules(value: object) -> tuple[Rule, ...]:
    """The ``[permalinks]`` table: ``section = "pattern"`` (regular pages) and
    ``[permalinks.page]`` / ``[permalinks.section]`` tables.  Other kinds (taxonomies,
    terms) print no page of the manual; values that are no text are left out."""
    if not isinstance(value, dict):
        return ()
    rules = []
    for key, pattern in value.items():
        if isinstance(pattern, str):
            rules.append(Rule("page", str(key).strip(" /").lower(), pattern))
        elif isinstance(pattern, dict) and str(key).lower() in _KINDS:
            rules += [Rule(str(key).lower(), str(k).strip(" /").lower(), p)
                      for k, p in pattern.items() if isinstance(p, str)]
    return tuple(sorted(rules, key=lambda r: (r.kind, r.key)))


@dataclasses.dataclass(frozen=True)
class PageFacts:
    """What a pattern may name of a page."""

    kind: str  # "page" or "section"
    path: str  # Hugo's path of the page: "posts/sub/b" ("posts/sub" for a section)
    sections: tuple[str, ...]  # its section's path parts: ("posts", "sub")
    title: str
    slug: str
    file_name: str  # the file's name without language and extension ("index" in a bundle)
    base_name: str  # the bundle's folder for index and _index files, else file_name
    date: dt.datetime | None
    section_slugs: tuple[str, ...] = ()  # each of those sections' slug, else its title


def rule_for(rules: tuple[Rule, ...], facts: PageFacts) -> Rule | None:
    """The rule for the page's top-level section ("posts" for posts and every page below
    it; "" for a page at the top of the content).  As in hugo 0.149.1, a key naming a
    deeper section ("posts/news") is never applied."""
    top = facts.path.split("/")[0] if "/" in facts.path or facts.kind == "section" else ""
    for rule in rules:
        if rule.kind == facts.kind and rule.key == top and "/" not in rule.key:
            return rule
    return None


def unknown_attribute(pattern: str) -> str | None:
    """The first ``:name`` of ``pattern`` Hugo does not know (it stops the build with
    "permalink attribute not recognised"), or None: one :func:`expand` cannot fill."""
    from .go_time import go_format

    sample = PageFacts("page", "a/b", ("a",), "T", "", "b", "b", None)
    for match in _ATTRIBUTE.finditer(pattern.replace("\\:", "\0")):
        name = match.group(0)[1:]
        if _attribute(name, sample, _ZERO_TIME, go_format, HUGO_DEFAULT) is None:
            return name
    return None


def expand(pattern: str, facts: PageFacts, style: PathStyle = HUGO_DEFAULT) -> str | None:
    """The page's path from ``pattern`` ("/2023/05/first-post/"), or None when it names an
    attribute manualgen does not know (the page keeps the address of its file)."""
    from .go_time import go_format

    pattern = pattern.replace("\\:", "\0")
    date = facts.date or _ZERO_TIME
    out, last = [], 0
    for match in _ATTRIBUTE.finditer(pattern):
        value = _attribute(match.group(0)[1:], facts, date, go_format, style)
        if value is None:
            return None
        out += [pattern[last:match.start()], value]
        last = match.end()
    path = ("".join(out) + pattern[last:]).replace("\0", ":")
    path = re.sub(r"/{2,}", "/", "/" + path.strip("/"))
    # nothing at all: the page keeps its file's address; else always a folder, a dot in
    # it or not ("/releases/v1.2/", "/q/c.html/"), as Hugo makes it.  The pattern's own
    # words are made a path as a title is ("/My Posts/:slug/" → "/my-posts/…", a colon
    # Hugo does not read as an attribute dropped: "/:é/" → "/é/")
    return None if path == "/" else urlize(path, True, style).rstrip("/") + "/"


def _attribute(name: str, facts: PageFacts, date: dt.datetime, go_format,
               style: PathStyle) -> str | None:
    if name.startswith("sections["):
        return "/".join(_sliced(list(facts.sections), name[len("sections"):]))
    if name.startswith("sectionslugs["):
        slugs = [urlize(s, style=style) for s in facts.section_slugs]
        return "/".join(_sliced(slugs, name[len("sectionslugs"):]))
    named = {
        "year": lambda: str(date.year), "month": lambda: f"{date.month:02d}",
        "monthname": lambda: _MONTHS[date.month - 1],
        "day": lambda: f"{date.day:02d}", "weekday": lambda: str((date.weekday() + 1) % 7),
        "weekdayname": lambda: _WEEKDAYS[(date.weekday() + 1) % 7],
        "yearday": lambda: str(date.timetuple().tm_yday),
        "section": lambda: facts.sections[0] if facts.sections else "",
        "sections": lambda: "/".join(facts.sections),
        "sectionslug": lambda: urlize(facts.section_slugs[0], style=style) if facts.section_slugs else "",
        "sectionslugs": lambda: "/".join(urlize(s, style=style) for s in facts.section_slugs),
        "title": lambda: urlize(facts.title, style=style),
        "slug": lambda: urlize(facts.slug or facts.title, style=style),
        "filename": lambda: urlize(facts.base_name, style=style) if facts.file_name != "_index" else "",
        "slugorfilename": lambda: urlize(facts.slug, style=style) if facts.slug else (
            urlize(facts.base_name, style=style) if facts.file_name != "_index" else ""),
        "contentbasename": lambda: urlize(facts.base_name, style=style),
        "slugorcontentbasename": lambda: urlize(facts.slug or facts.base_name, style=style),
    }
    if name in named:
        return named[name]()
    if go_format(name, _GO_REFERENCE) != name:  # a Go date layout (":2006", ":Jan")
        return go_format(name, date)
    return None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def _sliced(parts: list[str], cut: str) -> list[str]:
    """Hugo's ``sections[low:high]`` (either may be left out, ``last`` the last part; one
    index names one part), lenient where the page has fewer sections."""
    cut = cut.strip().lower()
    if len(cut) < 3 or cut[0] != "[" or cut[-1] != "]" or not parts:
        return [] if cut else parts
    inner = cut[1:-1]

    def index(text: str, low: bool) -> int:
        if text == "":
            return 0 if low else len(parts)
        if text == "last":
            return len(parts) - 1
        n = max(0, int(text)) if re.fullmatch(r"-?\d+", text) else 0
        return (-1 if low else len(parts)) if n >= len(parts) else n

    if ":" not in inner:
        n = index(inner, True)
        return [] if n < 0 or not parts[n] else [parts[n]]
    low_text, high_text = inner.split(":", 1)
    low, high = index(low_text, True), index(high_text, False)
    return [] if low < 0 or high < 0 else parts[low:high]
