"""Running a compiled site template (go_template.py compiles it): the actions, blocks and
loops in order, each value a Python value (go_values.py), each printed value escaped by its
place in the HTML.  A failure Hugo's build stops at raises TemplateFailed with the
template's line and column; what manualgen cannot do at run time (a field of Hugo's page it
does not know) raises NotSimple, so the caller falls back as for a template it cannot read.

Time is bounded: a run does at most ``MAX_STEPS`` actions and loop turns and goes at most
``MAX_DEPTH`` blocks and partials deep; past that it is not run (NotSimple: the shortcode
falls back with a warning saying why), as Hugo, which would print it, is not followed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import posixpath
import re
import textwrap
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from .collation import collation_key
from .content import glob_regex
from .go_escape import CSS, URL, NotSimple, plainified
from .go_functions import FUNCTIONS, exact_maps, map_get, ordered_items
from .go_library import go_clean, go_html_escape
from .go_time import go_format, go_year, read_time
from .go_values import HTML, Failed, go_print, go_sprintf, go_type, truth
from .heading_ids import hugo_anchor
from .i18n import count_text
from .page_content import SUMMARY_DIVIDER, auto_summary, word_facts
from .remarshal import UnmarshalFailed, UnmarshalNotRun, unmarshal

__all__ = ["Block", "Call", "Sub", "TemplateFailed", "run_template"]

MAX_STEPS = 200_000
MAX_DEPTH = 120
MAX_TEXT = 10_000_000  # characters of one value, and of what one run prints
# characters and items the functions of one run may read and make in all: a text grown a
# little in each turn of a loop costs the square of its length
MAX_WORK = 30_000_000

# where an action stands in the template: its line, the column of the text inside its
# braces (both 1-based), and that text
Where = tuple[int, int, str]


class TemplateFailed(Exception):
    """The template failed as Hugo's fails; ``line`` and ``column`` are the template's,
    1-based."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclasses.dataclass
class Call:
    """What a run needs from the shortcode's call, its page and its site."""

    get: Callable[[object], str]
    inner: str
    markdownify: Callable[[str], str]
    page_title: str = ""
    site_title: str = ""
    named: bool = False  # .IsNamedParams: the call gave its parameters by name
    # the site's params (.Site.Params.x), the page's own (.Page.Params.x), and .Param "x"
    # (the page's, then the site's): the values as written (true, 2, a list), None if absent
    param: Callable[[str], object] = lambda name: None
    page_params: Callable[[str], object] = lambda name: None
    # another page's params (as .Page.Params reads the shortcode's: its front matter's
    # params table too), and with the site's below them (.Param): (page, name, with the site's)
    params_of: Callable[[object, str, bool], object] = \
        lambda page, name, site: map_get(getattr(page, "meta", None) or {}, name)
    page_param: Callable[[str], object] = lambda name: None
    show: Callable[[object], str] = str  # kept for callers; values print as Go prints them
    translate: Callable[..., str] = lambda key, count=None: ""  # T "key" [count]
    params: object = None  # .Params: the positional list, or the named table
    # .Site.Data.a.b: the value at that path of the site's data/ folder (a file's table, or
    # a folder as a table of its files), None when there is none
    data: Callable[[tuple[str, ...]], object] = lambda path: None
    data_names: Callable[[tuple[str, ...]], list] = lambda path: []  # a data folder's entries
    # the file or folder of the site's folder a name gives (readFile, fileExists), None for none
    project_file: Callable[[str], object] = lambda name: None
    # a site's own partial, compiled (None when the site has none; NotSimple when it
    # cannot be run)
    partial: Callable[[str], list | None] = lambda name: None
    warn: Callable[[str], None] = lambda message: None  # Hugo's warnf
    ignored_logs: frozenset[str] = frozenset()  # Hugo's ignoreLogs, in lower case
    name: str = ""  # the shortcode's name (.Name)
    ordinal: int = 0  # its place among the shortcodes beside it, from 0 (.Ordinal)
    position: str = ""  # where the call stands, "file:line:column" (.Position)
    # the page's file (.Page.File): Path, Filename, Ext, Dir, LogicalName, BaseFileName,
    # TranslationBaseName, ContentBaseName; None for a page without a file
    page_file: dict | None = None
    lang: str = ""  # the page's language code (.Site.Language.Lang, .Page.Lang)
    # the fields Hugo's Language has for a language code (Lang, LanguageName, Weight …), None
    # for a code the site does not build
    language: Callable[[str], dict | None] = lambda code: None
    # whether the site's layouts or its themes' have a template of that name (templates.Exists)
    template_exists: Callable[[str], bool] = lambda name: False
    # the page's file relative to its content folder, without its language (.Page.Path);
    # None for a page without a file
    page_rel: str | None = None
    now: dt.datetime = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # the manual's date (now)
    base_url: str = ""  # .Site.BaseURL: the site's baseURL, ending in "/"
    page_date: dt.datetime | None = None  # .Page.Date as Hugo reads it (None: Go's zero time)
    # the site's pages: the page a path names (.Site.GetPage; None for none), a page's
    # .Pages (None: the shortcode's page), and the address relref/ref give a path
    get_page: Callable[[str], object] = lambda path: None
    pages: Callable[[object], list] = lambda page: []
    site_pages: Callable[[str], list] = lambda what: []  # .Site.RegularPages, .Site.Sections
    ref: Callable[[str], str] = lambda path: path
    environment: str = "production"  # Hugo's build environment (hugo.Environment)
    language_prefix: str = ""  # .Site.LanguagePrefix: "" for the default language, "/fr"
    # the page's address as Hugo makes it: .Page.RelPermalink ("/docs/1.7.0/deploy/"), and
    # .Page.Permalink, the same below the baseURL's scheme and host
    page_url: str = ""
    page_permalink: str = ""
    # resources.Get: the file of the site's assets a path names, None when there is none;
    # .Page.Resources.Get: the file of the page's bundle
    asset: Callable[[str], object] = lambda path: None
    page_resource: Callable[[str], object] = lambda name: None
    page_resource_names: Callable[[], list] = list  # the bundle's files, by name
    # Hugo's highlight (transform.Highlight): the code as a highlighted block is printed
    # (its language, its options "linenos=table,hl_lines=2"), as HTML
    highlight: Callable[[str, str, str], str] = lambda code, lang, options: code
    page: object = None  # the shortcode's page (content.Page), for its kind, weight, section …
    # another page's Markdown rendered as its .Content (None when it cannot be), Hugo's
    # summaryLength, and whether hasCJKLanguage asks for CJK word counts
    render_content: Callable[[object, str], str | None] = lambda page, text: None
    summary_length: int = 70
    cjk_words: bool = False
    title_case: Callable[[str], str] = lambda text: _one_word_title(text)  # Hugo's title
    # .Parent: the call of the shortcode around this one (None at the top of the page), and
    # the .Scratch values the two share (a tab leaves itself there for its tabs)
    parent: Call | None = None
    scratch: dict | None = None
    # a theme's shortcode called as its partial, ``partial "shortcodes/expand.html" (dict
    # "title" … "content" …)`` (Relearn's documented way for a site's own shortcodes):
    # what manualgen's print template of that shortcode prints for those values, None
    # when it has none
    theme_shortcode: Callable[[str, dict], str | None] = lambda name, values: None
    # the page's .Store (.Scratch) as this run sees it: what the template set there itself
    page_store: object = dataclasses.field(default_factory=lambda: _Scratch())


@dataclasses.dataclass(frozen=True)
class Sub:
    """A parenthesised pipeline, and the fields read of its value: ``(index $x 0).name``."""

    commands: tuple
    fields: tuple[str, ...] = ()


@dataclasses.dataclass
class Block:
    kind: str  # "if", "with" or "range"
    pipeline: list
    body: list = dataclasses.field(default_factory=list)
    otherwise: list = dataclasses.field(default_factory=list)
    where: Where = (1, 1, "")
    names: tuple[str, ...] = ()  # the variables it declares: with $x := …, range $i, $e := …


class _Loop(Exception):
    """A break or continue, carried to its range."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class _Returned(Exception):
    """A partial's ``{{ return VALUE }}``, carried to the partial call that ran it."""

    def __init__(self, value: object) -> None:
        super().__init__("return")
        self.value = value


class _FieldFailed(Exception):
    """A field asked of a value that has none; ``term`` is where it was asked."""

    def __init__(self, message: str, term: str = "") -> None:
        super().__init__(message)
        self.term = term


@dataclasses.dataclass
class _Run:
    """One run: the call, the step count, how deep it is."""

    call: Call
    steps: int = 0
    depth: int = 0
    partials: tuple[str, ...] = ()
    printed: int = 0  # characters printed so far
    work: int = 0  # characters and items its functions read and made so far


# ---- Hugo's objects: the shortcode, its page, its site, their params and data


class _Object:
    go_type = "object"

    def __init__(self, call: Call) -> None:
        self.call = call

    def go_field(self, name: str) -> object:
        raise NotSimple(f'"{name}" of {self.go_type}')

    def go_method(self, name: str, args: list) -> object:
        raise NotSimple(f'"{name}" of {self.go_type}')


class _Shortcode(_Object):
    go_type = "*hugolib.ShortcodeWithPage"

    def __init__(self, call: Call) -> None:
        super().__init__(call)
        self.scratch = _Scratch(call.scratch)

    def go_field(self, name: str) -> object:
        call = self.call
        fields = {"Inner": lambda: HTML(call.inner),
                  "InnerDeindent": lambda: HTML(textwrap.dedent(call.inner)),
                  "IsNamedParams": lambda: call.named, "Page": lambda: _Page(call),
                  "Site": lambda: _Site(call), "Params": lambda: call.params,
                  "Name": lambda: call.name, "Position": lambda: call.position,
                  "Ordinal": lambda: call.ordinal,
                  "Scratch": lambda: self.scratch, "Store": lambda: self.scratch,
                  "Parent": lambda: _Shortcode(call.parent) if call.parent is not None else None}
        if name in fields:
            return fields[name]()
        return super().go_field(name)

    def go_method(self, name: str, args: list) -> object:
        if name == "Get":
            return _shortcode_get(self.call, args)
        if name == "Param":
            return self.call.page_param(go_print(args[0]) if args else "")
        if name == "RenderString":
            return _Page(self.call).go_method(name, args)
        return super().go_method(name, args)


def _shortcode_get(call: Call, args: list) -> object:
    if len(args) != 1:
        raise Failed(f"wrong number of args for Get: want 1 got {len(args)}")
    key = args[0]
    if isinstance(key, float) and key.is_integer():
        key = int(key)
    if isinstance(key, int) and not isinstance(key, bool) and key < 0:  # Go's slice index
        if isinstance(call.params, list) and call.params:
            raise Failed("error calling Get: reflect: slice index out of range")
        return ""
    return call.get(key if isinstance(key, int) and not isinstance(key, bool) else go_print(key))


class _Page(_Object):
    go_type = "*hugolib.pageState"

    def __eq__(self, other: object) -> bool:  # the shortcode's page, found again in a list
        return self.call.page is not None and self.call.page is _page_of(other)

    def __hash__(self) -> int:
        return id(self.call.page)

    def go_field(self, name: str) -> object:
        if name == "Title":
            return self.call.page_title
        if name == "Params":
            return _Params(self.call.page_params)
        if name == "Site":
            return _Site(self.call)
        if name == "File" and self.call.page_file is not None:
            return _Fields("*source.File", self.call.page_file)
        if name == "Lang":
            return self.call.lang
        if name == "Language":
            return _language(self.call, self.call.lang)
        if name == "Path" and self.call.page_rel is not None:
            return logical_path(self.call.page_rel)
        if name == "Date":
            return self.call.page_date or dt.datetime(1, 1, 1, tzinfo=dt.UTC)
        if name == "RelPermalink":
            return self.call.page_url
        if name == "Permalink":
            return self.call.page_permalink
        if name == "Resources":
            return _Resources(self.call)
        if name in ("Store", "Scratch"):
            return self.call.page_store
        if name in ("Pages", "RegularPages", "Sections"):
            return _listed(self.call, None, name)
        if name in PAGE_FACTS and self.call.page is not None:
            return page_fact(self.call.page, name)
        if name in CONTENT_FACTS:  # the page being rendered: Hugo has no content for it yet
            return _NO_CONTENT[name]() if callable(_NO_CONTENT[name]) else _NO_CONTENT[name]
        if name in PAGE_RELATIVES and self.call.page is not None:
            return _relative(self.call, self.call.page, name)
        return super().go_field(name)

    def go_method(self, name: str, args: list) -> object:
        if name == "Param":
            return self.call.page_param(go_print(args[0]) if args else "")
        if name == "GetPage" and len(args) == 1:
            return _page_at(self.call, args[0])
        if name == "RenderString":
            if not 1 <= len(args) <= 2:
                raise Failed(f"wrong number of args for RenderString: want 1 got {len(args)}")
            return HTML(self.call.markdownify(go_print(args[-1])))
        if not args:
            return self.go_field(name)
        return super().go_method(name, args)


class _Site(_Object):
    go_type = "*hugolib.siteWrapper"

    def go_field(self, name: str) -> object:
        if name == "Title":
            return self.call.site_title
        if name == "Params":
            return _Params(self.call.param)
        if name == "Data":
            return _Data(self.call, ())
        if name == "Language":
            return _language(self.call, self.call.lang)
        if name == "LanguagePrefix":
            return self.call.language_prefix
        if name == "BaseURL":
            return self.call.base_url
        if name in ("RegularPages", "Sections"):
            return _PageList(_OtherPage(self.call, each) for each in self.call.site_pages(name))
        if name == "Home" and self.call.page is not None:  # the top of the page's parents
            top = self.call.page
            while getattr(top, "parent", None) is not None:
                top = top.parent
            return _OtherPage(self.call, top)
        return super().go_field(name)

    def go_method(self, name: str, args: list) -> object:
        if name == "GetPage" and len(args) == 1:  # the site's: from the content's root
            return _page_at(self.call, "/" + go_print(args[0]).lstrip("/"), site=True)
        return super().go_method(name, args)


def _page_of(value: object) -> object:
    """The content page behind one of the template's page objects (None for another value)."""
    if isinstance(value, _OtherPage):
        return value.page
    if isinstance(value, _Page):
        return value.call.page
    return None


def new_page_store() -> object:
    """A page's .Store (.Scratch), which every shortcode of the page shares."""
    return _Scratch()


# What a template may read of any page it holds (its own, or one .Site.GetPage found), as
# Hugo gives it: .Section is the first folder of the page's path, .Type the front matter's
# "type", else that folder, else "page".
PAGE_FACTS = ("Kind", "Weight", "LinkTitle", "Description", "IsSection", "IsPage", "IsHome",
              "Section", "Type", "BundleType")


def page_fact(page, name: str) -> object:
    rel = str(getattr(page, "rel", "") or "")
    section = rel.split("/", 1)[0] if "/" in rel else ""
    kind = getattr(page, "kind", "page")
    facts = {"Kind": lambda: kind, "Weight": lambda: getattr(page, "weight", 0),
             "LinkTitle": lambda: getattr(page, "link_title", "") or getattr(page, "title", ""),
             "Description": lambda: getattr(page, "description", ""),
             "IsSection": lambda: kind == "section", "IsPage": lambda: kind == "page",
             "IsHome": lambda: kind == "home", "Section": lambda: section,
             "Type": lambda: _page_type(page, section), "BundleType": lambda: _bundle_type(page)}
    return facts[name]()


def _bundle_type(page) -> str:
    """Hugo's .BundleType: "branch" for a section's (or the home page's) _index file,
    "leaf" for a bundle's index file, "" for a page of its own file."""
    path = getattr(page, "path", None)
    stem = path.name.split(".")[0] if isinstance(path, Path) else ""
    return {"_index": "branch", "index": "leaf"}.get(stem, "")


# The pages a page's fields lead to: its parent (a section, or the home page), the section
# it is in (itself, for a section) and the top-level section above it.
PAGE_RELATIVES = ("Parent", "CurrentSection", "FirstSection", "Ancestors")


def _relative(call: Call, page, name: str) -> object:
    parent = getattr(page, "parent", None)
    if name == "Ancestors":  # the parent, its parent … up to the home page
        ancestors = []
        while parent is not None:
            ancestors.append(_OtherPage(call, parent))
            parent = getattr(parent, "parent", None)
        return _PageList(ancestors)
    if name == "Parent":
        return _OtherPage(call, parent) if parent is not None else None
    if name == "CurrentSection":
        current = page if getattr(page, "kind", "") in ("home", "section") else parent
        return _OtherPage(call, current) if current is not None else None
    chain = [page]
    while getattr(chain[-1], "parent", None) is not None:
        chain.append(chain[-1].parent)
    first = chain[-2] if len(chain) > 1 else chain[-1]  # the one just below the home page
    if getattr(first, "kind", "") == "page":  # a page at the top: its first section is home
        first = chain[-1]
    return _OtherPage(call, first)


def _language(call: Call, code: str) -> _Fields:
    """Hugo's Language of ``code``: its Lang, and the fields the site's config gives it
    (LanguageName, LanguageCode, LanguageDirection, Weight; Hugo 0.158's Label, Locale,
    Direction)."""
    return _Fields("*langs.Language", call.language(code) or {"Lang": code})


def page_file_fields(page) -> dict | None:
    """Hugo's ``.File`` of a page read from a file: its names and folder; None for a page
    without a file."""
    path, rel = getattr(page, "path", None), getattr(page, "rel", None)
    if not isinstance(path, Path) or not path.is_file() or rel is None:
        return None
    folder = posixpath.dirname(rel)
    plain = path.name.split(".")[0]
    return {"Filename": str(path), "Path": posixpath.join(folder, path.name), "Ext": path.suffix[1:],
            "Dir": folder + "/", "LogicalName": path.name,  # "/" at the top, as Hugo 0.149 has it
            "BaseFileName": path.stem, "TranslationBaseName": plain,
            "ContentBaseName": posixpath.basename(folder) if plain in ("index", "_index") and folder
            else plain}


# What a template reads of a page's rendered content (page_content.py)
CONTENT_FACTS = ("Content", "Summary", "Truncated", "Plain", "PlainWords", "WordCount",
                 "FuzzyWordCount", "ReadingTime", "Len")
# … of the page being rendered, which has none yet (hugo 0.149.1 and 0.168.0 print these)
_NO_CONTENT = {"Content": HTML(""), "Summary": HTML(""), "Truncated": False, "Plain": "",
               "PlainWords": list, "WordCount": 0, "FuzzyWordCount": 0, "ReadingTime": 0, "Len": 0}
# Han, Hangul and kana: Hugo counts their words otherwise when hasCJKLanguage is set
_CJK = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uff9f]")


def _content_fact(call: Call, page, name: str) -> object:
    """A field of another page's content: its HTML, plain text, words and summary."""
    if page is call.page:
        return _NO_CONTENT[name]() if callable(_NO_CONTENT[name]) else _NO_CONTENT[name]
    body = str(getattr(page, "body", "") or "")
    before, divider, after = body.partition(SUMMARY_DIVIDER)
    content = _rendered(call, page, before + after if divider else body)
    if name == "Content":
        return HTML(content)
    if call.cjk_words and _CJK.search(content):
        raise NotSimple(f'"{name}" of a page in a CJK language (hasCJKLanguage)')
    if name not in ("Summary", "Truncated"):
        return word_facts(content)[name]
    written = map_get(getattr(page, "meta", None) or {}, "summary")
    if isinstance(written, str) and written:
        summary, truncated = call.markdownify(written), False
    elif divider:
        summary, truncated = _rendered(call, page, before).strip(), bool(after.strip())
    else:
        summary, truncated = auto_summary(content, call.summary_length)
    return HTML(summary) if name == "Summary" else truncated


def _rendered(call: Call, page, text: str) -> str:
    found = call.render_content(page, text)
    if found is None:
        raise NotSimple(f'the content of the page "{getattr(page, "rel", "")}", which cannot be rendered '
                        "here (it has shortcodes)")
    return found


def _page_type(page, section: str) -> str:
    chosen = map_get(getattr(page, "meta", {}) or {}, "type")
    if isinstance(chosen, str) and chosen:
        return chosen
    return section or "page"


def logical_path(rel: str) -> str:
    """Hugo's ``.Path`` of the page read from ``rel`` (its file within the content folder,
    without a language suffix): no extension, a bundle's or section's folder for its
    ``index``/``_index``, lower case, spaces as hyphens (``/docs/sub/my-page``; ``/``)."""
    folder, name = posixpath.split(rel)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    path = folder if stem in ("index", "_index") else posixpath.join(folder, stem)
    return "/" + path.strip("/").lower().replace(" ", "-")


def _page_at(call: Call, path: object, site: bool = False) -> object:
    """The page ``path`` names; a name several pages have is nothing for a page's GetPage,
    and fails the site's, as in hugo 0.149.1."""
    try:
        found = call.get_page(go_print(path))
    except LookupError as ambiguous:
        if site:
            raise Failed(f"error calling GetPage: {ambiguous}") from None
        return None
    return None if found is None else _OtherPage(call, found)


class _PageList(list):
    """Hugo's Pages: ranged over as a slice, reordered by ByWeight, ByTitle, ByLinkTitle,
    ByDate and Reverse (the others, GroupBy …, are not run)."""


PAGE_ORDERS = ("ByWeight", "ByTitle", "ByLinkTitle", "ByDate", "Reverse")


def _ordered_pages(pages: list, how: str) -> _PageList:
    """The pages in the order ``how`` names, as Hugo's stable sorts give it: ByWeight is
    the order .Pages already has (weight, date, title, path), ByTitle and ByLinkTitle go by
    the language's collation, ByDate from the oldest."""
    if how == "Reverse":
        return _PageList(reversed(pages))
    if how == "ByWeight":
        return _PageList(pages)
    return _PageList(sorted(pages, key=lambda each: _page_sort_value(each, how[2:])))


def _page_sort_value(page: _OtherPage, field: str) -> object:
    value = page.go_field(field)
    if isinstance(value, str):
        return collation_key(value)
    if isinstance(value, dt.datetime):
        return value.timestamp() if value.year > 1 else float("-inf")
    return value


def _sorted_pages(pages: _PageList, key: object = None, order: object = "asc") -> _PageList:
    """``sort`` of a list of pages by one of their fields ("Title", "Weight", "Date"…)."""
    field = go_print(key).removeprefix(".") if key not in (None, "", "value") else ""
    if not field or field not in ("Title", "LinkTitle", "Weight", "Date"):
        raise NotSimple(f'sort of a list of pages by "{field}"')
    return _PageList(sorted(pages, key=lambda each: _page_sort_value(each, field),
                            reverse=go_print(order).lower() == "desc"))  # ties keep their order


class _PageGroup(_Object):
    """One group of ``GroupBy``: its ``Key`` and its ``Pages``, in the order they had."""

    go_type = "page.PageGroup"

    def __init__(self, key: object, pages: _PageList) -> None:
        self.key, self.pages = key, pages

    def go_field(self, name: str) -> object:
        if name == "Key":
            return self.key
        if name == "Pages":
            return self.pages
        return super().go_field(name)


def _grouped(pages: _PageList, how: str, args: list) -> list:
    """Hugo's ``GroupBy FIELD [ORDER]`` and ``GroupByParam PARAM [ORDER]``: the pages in
    groups of one value of the field (a page without the param in none), the groups by
    their value, "asc" by default, each group's pages in the order they had."""
    if not 1 <= len(args) <= 2:
        raise Failed(f"wrong number of args for {how}: want 1 got {len(args)}")
    field, order = go_print(args[0]), go_print(args[1]) if len(args) == 2 else "asc"
    groups: dict = {}
    for each in pages:
        key = (_page_param(each, field) if how == "GroupByParam"
               else each.go_field(field) if isinstance(each, _Object) else None)
        if key is None or isinstance(key, (dict, list, _Object)):
            if how == "GroupByParam":
                continue
            raise NotSimple(f'{how} "{field}", a field that is not a number or a text')
        groups.setdefault(key, _PageList()).append(each)
    keys = sorted(groups, key=_group_order, reverse=order.lower() == "desc")
    return [_PageGroup(key, groups[key]) for key in keys]


def _page_param(page: object, name: str) -> object:
    params = page.go_field("Params") if isinstance(page, _Object) else None
    return params.go_field(name) if isinstance(params, _Params) else None


def _group_order(key: object) -> object:
    if isinstance(key, str):
        return (1, collation_key(key))
    if isinstance(key, dt.datetime):
        return (0, key.timestamp() if key.year > 1 else float("-inf"))
    return (0, key)


def _listed(call: Call, page: object, name: str) -> list:
    """A section's .Pages (.RegularPages, .Sections) as Hugo orders them."""
    found = [_OtherPage(call, each) for each in call.pages(page)]
    if name == "RegularPages":
        found = [each for each in found if not each.page.is_section]
    elif name == "Sections":
        found = [each for each in found if each.page.is_section]
    return _PageList(found)


class _OtherPage(_Object):
    """A page of the site reached by .Site.GetPage or .Pages: its title, address, params."""

    go_type = "*hugolib.pageState"

    def __init__(self, call: Call, page) -> None:
        super().__init__(call)
        self.page = page

    def __eq__(self, other: object) -> bool:  # eq, in, uniq, union …: the same page
        return self.page is _page_of(other) and self.page is not None

    def __hash__(self) -> int:
        return id(self.page)

    def go_field(self, name: str) -> object:
        page = self.page
        fields = {"Title": lambda: page.title, "RelPermalink": lambda: page.url,
                  "Params": lambda: _Params(lambda key: self.call.params_of(page, key, False)),
                  "Path": lambda: logical_path(page.rel),
                  "Date": lambda: page.date or dt.datetime(1, 1, 1, tzinfo=dt.UTC),
                  "Lang": lambda: page.lang, "Language": lambda: _language(self.call, page.lang)}
        if name in fields:
            return fields[name]()
        if name == "File" and page_file_fields(page) is not None:
            return _Fields("*source.File", page_file_fields(page))
        if name in PAGE_FACTS:
            return page_fact(page, name)
        if name in PAGE_RELATIVES:
            return _relative(self.call, page, name)
        if name in ("Pages", "RegularPages", "Sections"):
            return _listed(self.call, page, name)
        if name in CONTENT_FACTS:
            return _content_fact(self.call, page, name)
        return super().go_field(name)

    def go_method(self, name: str, args: list) -> object:
        if name == "Param" and len(args) == 1:
            return self.call.params_of(self.page, go_print(args[0]), True)
        return super().go_method(name, args)


# the text a template may read of an asset (.Content); a picture's bytes are not printed
_TEXT_ASSETS = {".svg": "image", ".css": "text", ".js": "text", ".json": "application",
                ".txt": "text", ".html": "text", ".md": "text", ".xml": "application"}
_IMAGE_ASSETS = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff"}


class _Resource(_Object):
    """A file of the site's assets that ``resources.Get`` found: its text (an icon's SVG,
    a style sheet), its name and type, and the address Hugo publishes it at."""

    go_type = "*resources.genericResource"

    def __init__(self, call: Call, name: str, path, url: str = "") -> None:
        super().__init__(call)
        self.name, self.path, self.url = name, path, url

    def go_field(self, field: str) -> object:
        suffix = self.path.suffix.lower()
        if field == "Content" and suffix in _TEXT_ASSETS:
            return self.path.read_text(encoding="utf-8", errors="replace")
        if field == "Content" and suffix not in _IMAGE_ASSETS:  # a snippet (codes/clone, x.yaml)
            try:
                return self.path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                raise NotSimple(f'the content of "{self.name}", which is no UTF-8 text') from None
        if field == "ResourceType" and (suffix in _TEXT_ASSETS or suffix in _IMAGE_ASSETS):
            return _TEXT_ASSETS.get(suffix, "image")
        if field in ("Name", "Title"):
            return self.name
        if field == "RelPermalink" and self.url:
            return self.url
        return super().go_field(field)


class _Resources(_Object):
    """A page's ``.Resources``: the files of its bundle, found by ``Get``, or by a glob
    (``GetMatch`` the first, ``Match`` all, in name order), as Hugo matches it: the name
    relative to the bundle, without regard to case, ``{a,b}`` for either."""

    go_type = "resource.Resources"

    def go_method(self, name: str, args: list) -> object:
        if name == "Get" and len(args) == 1:
            return self._resource(go_print(args[0]).strip("/"))
        if name in ("GetMatch", "Match") and len(args) == 1:
            pattern = glob_regex(go_print(args[0]).lstrip("/"))  # as a mount's files are matched
            found = [self._resource(n) for n in self.call.page_resource_names()
                     if pattern.fullmatch(n.lower())]
            found = [f for f in found if f is not None]
            return found if name == "Match" else (found[0] if found else None)
        return super().go_method(name, args)

    def _resource(self, wanted: str) -> _Resource | None:
        found = self.call.page_resource(wanted)
        url = self.call.page_url.rstrip("/") + "/" + wanted
        return None if found is None else _Resource(self.call, wanted, found, url)


class _ImageHook(_Object):
    """The ``.`` of an image render hook: the image as the Markdown wrote it."""

    go_type = "*hooks.ImageLinkContext"

    def __init__(self, call: Call, fields: dict) -> None:
        super().__init__(call)
        self.fields = fields

    def go_field(self, name: str) -> object:
        if name == "Page":
            return _Page(self.call)
        if name in self.fields:
            return self.fields[name]
        return super().go_field(name)


def run_image_hook(nodes: list, call: Call, fields: dict) -> str:
    """An image render hook's output for one image of the page ``call`` stands for."""
    root = _ImageHook(call, fields)
    return _run(nodes, _Run(call), [{"$": root}], root)


def _get_asset(state: _Run, args: list) -> object:
    """Hugo's ``resources.Get PATH``: the asset the path names, or nil. Hugo publishes it
    at its path below the baseURL's ("/docs/img/a.png"), its ``RelPermalink``."""
    name = _one(state, args, "resources.Get").strip("/")
    found = state.call.asset(name)
    if found is None:
        return None
    base = urllib.parse.urlsplit(state.call.base_url).path.rstrip("/")
    return _Resource(state.call, name, found, f"{base}/{name}")


def _fingerprint(state: _Run, args: list) -> object:
    """Hugo's ``resources.Fingerprint`` (``fingerprint``): the same file, published under a
    name with its hash in it for the web's caches. The manual shows the file itself, so its
    address stays the file's; nil fails as in Hugo ("<nil> can not be transformed")."""
    if not args or not isinstance(args[-1], _Resource):
        shown = go_type(args[-1]) if args else "<nil>"
        raise Failed(f"error calling Fingerprint: {shown} can not be transformed")
    return args[-1]


class _Fields(_Object):
    """One of Hugo's objects of which manualgen knows some fields (a page's File, the
    site's Language); another is not guessed at."""

    def __init__(self, go_type: str, fields: dict) -> None:
        self.go_type = go_type
        self.fields = fields

    def go_field(self, name: str) -> object:
        if name in self.fields:
            return self.fields[name]
        return super().go_field(name)


class _Scratch(_Object):
    """The shortcode's own ``.Scratch`` (``.Store``): what the template set there itself.
    A key it did not set may have been left by another template (a tab for its tabs),
    which manualgen does not run: NotSimple, so the shortcode falls back."""

    go_type = "*maps.Scratch"

    def __init__(self, values: dict | None = None) -> None:
        self.values: dict = values if values is not None else {}
        self.grown: dict[int, list] = {}  # the lists Add made, by id: grown in place

    def go_method(self, name: str, args: list) -> object:
        if name in ("Set", "Add", "SetInMap", "Delete") and args:
            return self._change(name, args)
        if name == "Get" and len(args) == 1:
            key = go_print(args[0])
            if key not in self.values:
                raise NotSimple(f'.Scratch.Get "{key}", which the template did not set')
            return self.values[key]
        return super().go_method(name, args)

    def _change(self, name: str, args: list) -> str:
        key = go_print(args[0])
        if name == "Delete":
            self.values.pop(key, None)
        elif name == "SetInMap" and len(args) == 3:
            self.values.setdefault(key, {})[go_print(args[1])] = args[2]
        elif name == "Set" and len(args) == 2:
            self.values[key] = args[1]
        elif name == "Add" and len(args) == 2:
            self.values[key] = self._add(self.values.get(key), args[1])
        else:
            raise Failed(f"wrong number of args for {name}")
        return ""


    def _add(self, before: object, value: object) -> object:
        """Hugo's Scratch.Add: numbers summed, text joined, a slice appended to (in place
        when this scratch made it: a slice grown a turn at a time costs its length, not
        its square)."""
        if before is None:
            return value
        if not isinstance(before, list):
            return FUNCTIONS["add"][0](before, value)
        added = value if isinstance(value, list) else [value]
        if len(before) + len(added) > MAX_TEXT:
            raise NotSimple(f".Scratch.Add making a slice of more than {MAX_TEXT} items")
        if id(before) not in self.grown:
            before = list(before)
            self.grown[id(before)] = before
        before.extend(added)
        return before


class _Params(_Object):
    """A page's or the site's params: each key read as written, without regard to case."""

    go_type = "maps.Params"

    def __init__(self, lookup: Callable[[str], object]) -> None:
        self.lookup = lookup

    def go_field(self, name: str) -> object:
        return self.lookup(name)


class _Data(_Object):
    """``.Site.Data`` and its folders: a file is read when a field reaches it."""

    go_type = "map[string]interface {}"

    def __init__(self, call: Call, path: tuple[str, ...]) -> None:
        super().__init__(call)
        self.path = path

    def go_field(self, name: str) -> object:
        found = self.call.data(self.path + (name,))
        return _Data(self.call, self.path + (name,)) if found is _Data else found


def _whole(value: object) -> object:
    """A folder of ``.Site.Data`` read whole, as Hugo hands it to a function or a range:
    a table of its files' contents and its folders, by name."""
    if not isinstance(value, _Data):
        return value
    return {name: _whole(value.go_field(name)) for name in value.call.data_names(value.path)}


def data_folder_marker() -> type:
    """What Call.data returns for a folder of data/ (read further by field)."""
    return _Data


# ---- running


def run_template(nodes: list, call: Call) -> str:
    """The template's output for one call; raises TemplateFailed where Hugo's run fails."""
    root = _Shortcode(call)
    return _run(nodes, _Run(call), [{"$": root}], root)


def _run(nodes: list, state: _Run, scopes: list[dict], dot: object) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        where = node.where if isinstance(node, Block) else node[-1]
        state.steps += 1
        if state.steps > MAX_STEPS:
            raise NotSimple(f"more than {MAX_STEPS} steps (a range over a very large collection?)")
        try:
            out.append(_run_node(node, state, scopes, dot))
            state.printed += len(out[-1])
            if state.printed > MAX_TEXT:
                raise NotSimple(f"printing more than {MAX_TEXT} characters")
        except _FieldFailed as failed:
            raise _failure(failed, where) from None
        except Failed as failed:  # named at the action's first word, as Hugo names it
            raise TemplateFailed(str(failed), where[0],
                                 where[1] + len(where[2]) - len(where[2].lstrip())) from None
    return "".join(out)


def _failure(failed: _FieldFailed, where: Where) -> TemplateFailed:
    """Hugo's message for a field of a value that has none, at the field's place."""
    line, column, action = where
    found = None
    if failed.term:
        found = re.search(r"(?<![\w$.])" + re.escape(failed.term) + r"(?![\w])", action)
    # Hugo names a variable's field where the field begins ($x.a: at ".a")
    within = failed.term.find(".") if failed.term.startswith("$") and found else 0
    return TemplateFailed(str(failed), line, column + (found.start() + within if found else 0))


def _run_node(node, state: _Run, scopes: list[dict], dot: object) -> str:
    if isinstance(node, Block):
        return _run_block(node, state, scopes, dot)
    kind = node[0]
    if kind in ("break", "continue"):
        raise _Loop(kind)
    if kind == "fail":
        raise Failed(node[1])
    if kind == "return":
        raise _Returned(_evaluate(node[1], state, scopes, dot) if node[1] else "")
    if kind == "template":
        return _run_named(node, state, scopes, dot)
    if kind in ("declare", "assign"):
        value = _evaluate(node[2], state, scopes, dot)
        if kind == "declare":
            scopes[-1][node[1]] = value
        else:
            next(s for s in reversed(scopes) if node[1] in s)[node[1]] = value
        return ""
    value = _evaluate(node[1], state, scopes, dot)
    if isinstance(value, _Object) and not isinstance(value, _Data):
        raise NotSimple(f"printing {value.go_type}")
    if isinstance(value, _Data):
        raise NotSimple("printing a folder of .Site.Data")
    try:
        text = go_print(value)
    except TypeError as exc:  # a page among a list's values
        raise NotSimple(str(exc)) from None
    return node[2](text, isinstance(value, HTML))


def _run_named(node: tuple, state: _Run, scopes: list[dict], dot: object) -> str:
    """``{{ template "name" pipeline }}``: the defined template, ``.`` and ``$`` the value."""
    _, name, pipeline, defines, _ = node
    if name not in defines:
        raise Failed(f'html/template: no such template "{name}"')
    value = _evaluate(pipeline, state, scopes, dot)
    state.depth += 1
    try:
        if state.depth > MAX_DEPTH:
            raise NotSimple(f'template "{name}" nested more than {MAX_DEPTH} deep (it calls itself?)')
        return _run(defines[name], state, [{"$": value}], value)
    finally:
        state.depth -= 1


def _run_block(block: Block, state: _Run, scopes: list[dict], dot: object) -> str:
    state.depth += 1
    if state.depth > MAX_DEPTH:
        raise NotSimple(f"blocks and partials nested more than {MAX_DEPTH} deep "
                        "(a partial that calls itself?)")
    try:
        value = _evaluate(block.pipeline, state, scopes, dot)
        if block.kind == "range":
            return _run_range(block, value, state, scopes, dot)
        inner = scopes + [{}]
        if block.names:
            inner[-1][block.names[0]] = value
        if truth(value):
            return _run(block.body, state, inner, value if block.kind == "with" else dot)
        return _run(block.otherwise, state, scopes + [{}], dot)
    finally:
        state.depth -= 1


def _run_range(block: Block, value: object, state: _Run, scopes: list[dict], dot: object) -> str:
    value = _whole(value)
    if isinstance(value, _Object):
        raise NotSimple(f"range over {value.go_type}")
    try:
        if isinstance(value, int) and not isinstance(value, bool) and len(block.names) > 1:
            raise Failed(f"can't use {value} to iterate over more than one variable")
        items = ordered_items(value)
    except Failed as failed:  # at the pipeline, as Hugo names it
        raise TemplateFailed(str(failed), block.where[0], _pipeline_column(block.where)) from None
    if not items:
        return _run(block.otherwise, state, scopes + [{}], dot)
    out: list[str] = []
    for key, element in items:
        state.steps += 1
        if state.steps > MAX_STEPS:
            raise NotSimple(f"a range of more than {MAX_STEPS} steps")
        turn: dict = {}
        if len(block.names) == 1:
            turn[block.names[0]] = element
        elif len(block.names) == 2:
            turn[block.names[0]], turn[block.names[1]] = key, element
        try:
            out.append(_run(block.body, state, scopes + [turn], element))
        except _Loop as loop:
            if loop.kind == "break":
                break
    return "".join(out)


def _pipeline_column(where: Where) -> int:
    """The column of a range's pipeline: after ``range`` and any ``$i, $e :=``."""
    _, column, action = where
    found = re.match(r"\s*range\s+(?:[$\w\s,]*:=\s*)?", action)
    return column + (found.end() if found else 0)


def _evaluate(commands: list, state: _Run, scopes: list[dict], dot: object) -> object:
    value: object = None
    piped = False
    for command in commands:
        value = _command(command, state, scopes, dot, [value] if piped else [])
        piped = True
    return value


def _command(command: list, state: _Run, scopes: list[dict], dot: object, piped: list) -> object:
    head = command[0]
    if isinstance(head, str) and head in _LAZY:
        return _lazy_logic(head, command[1:], state, scopes, dot, piped)
    args = [_term(t, state, scopes, dot) for t in command[1:]] + piped
    if isinstance(head, str) and (head in FUNCTIONS or head in _CALL_FUNCTIONS):
        return _call_function(head, args, state)
    if args and isinstance(head, str) and head.startswith((".", "$", "site.", "now.")) and len(head) > 1:
        return _method(head, args, state, scopes, dot)
    if args and isinstance(head, Sub) and head.fields:  # (time.AsTime $d).Format "2 Jan"
        owner = _term(Sub(head.commands, head.fields[:-1]), state, scopes, dot)
        return _call_method(owner, head.fields[-1], args, "")
    if head == ("lit", None):
        raise Failed("nil is not a command")
    if args:
        raise Failed(f"can't give argument to non-function {head if isinstance(head, str) else '(…)'}")
    return _term(head, state, scopes, dot)


_LAZY = ("and", "or")


def _lazy_logic(name: str, terms: list, state: _Run, scopes: list[dict], dot: object,
                piped: list) -> object:
    """Go's and/or: the arguments read in turn, stopping at the first that decides."""
    value: object = None
    for term in terms:
        value = _term(term, state, scopes, dot)
        if truth(value) == (name == "or"):
            return value
    if piped:
        value = piped[0]
    return value


def _method(head: str, args: list, state: _Run, scopes: list[dict], dot: object) -> object:
    """A method of one of Hugo's objects: ``.Get 0``, ``$.Page.Param "x"``,
    ``.Page.RenderString .Inner``."""
    base, _, name = head.rpartition(".")
    owner = _term(base or ".", state, scopes, dot) if base not in ("", "$") else (
        dot if base == "" else scopes[0]["$"])
    return _call_method(owner, name, args, head)


def _time_field(when: dt.datetime, name: str) -> object:
    """A field of Go's Time: Year, Day, Unix; another (Month is a time.Month) is not run."""
    fields = {"Year": go_year(when), "Day": when.day, "YearDay": when.timetuple().tm_yday,
              "Hour": when.hour, "Minute": when.minute, "Second": when.second,
              "Unix": int(when.timestamp()), "IsZero": when.year == 1 and when.month == 1
              and when.day == 1 and not when.hour and not when.minute and not when.second}
    if name not in fields:
        raise NotSimple(f'"{name}" of a time')
    return fields[name]


def _call_method(owner: object, name: str, args: list, term: str) -> object:
    if isinstance(owner, _PageList) and name in ("GroupBy", "GroupByParam"):
        return _grouped(owner, name, args)
    if isinstance(owner, _PageList):
        raise NotSimple(f'"{name}" of a list of pages')
    if isinstance(owner, dt.datetime) and name == "Format" and len(args) == 1:
        return _format_time(None, [args[0], owner])
    if not isinstance(owner, _Object):
        raise _FieldFailed(f"can't evaluate field {name} in type {go_type(owner)}", term)
    try:
        return owner.go_method(name, args)
    except TypeError:  # one of Hugo's objects given where text goes (.RenderString .Page)
        raise NotSimple(f'"{name}" given {", ".join(go_type(a) for a in args)}') from None


def _term(term, state: _Run, scopes: list[dict], dot: object) -> object:
    if isinstance(term, Sub):
        return _fields(_evaluate(list(term.commands), state, scopes, dot), term.fields, "")
    if isinstance(term, tuple):  # a literal, read when compiled
        return term[1]
    if term in FUNCTIONS or term in _CALL_FUNCTIONS:
        return _call_function(term, [], state)
    if term == ".":
        return dot
    if term.startswith("$"):
        name, _, rest = term.partition(".")
        scope = next((s for s in reversed(scopes) if name in s), None)
        if scope is None:
            raise Failed(f'undefined variable "{name}"')
        return _fields(scope[name], tuple(rest.split(".")) if rest else (), term)
    if term.startswith("site."):
        return _fields(_Site(state.call), tuple(term.split(".")[1:]), term)
    if term.startswith("hugo.Data"):
        return _fields(_Data(state.call, ()), tuple(term.split(".")[2:]), term)
    if term.split(".")[1] in _HUGO_ENVIRONMENT:
        return _fields(_HUGO_ENVIRONMENT[term.split(".")[1]](state.call.environment),
                       tuple(term.split(".")[2:]), term)
    if term.startswith("now."):  # now.Year: the manual's date (see _now)
        return _fields(state.call.now, tuple(term.split(".")[1:]), term)
    if term.startswith("."):
        return _fields(dot, tuple(term[1:].split(".")), term)
    raise NotSimple(f'"{term}"')


def _fields(value: object, fields: tuple[str, ...], term: str) -> object:
    for field in fields:
        if isinstance(value, _PageList) and field in PAGE_ORDERS:
            value = _ordered_pages(value, field)
            continue
        if isinstance(value, _PageList):
            raise NotSimple(f'"{field}" of a list of pages')
        if isinstance(value, dt.datetime):
            value = _time_field(value, field)
            continue
        if isinstance(value, _Object):
            value = value.go_field(field)
        elif isinstance(value, dict):
            value = map_get(value, field)
        elif value is None:
            return None  # Hugo reads a field of nothing as nothing
        else:
            raise _FieldFailed(f"can't evaluate field {field} in type {go_type(value)}", term)
    return value


# What a template reads of the build (hugo.Environment …): the manual is built as Hugo
# builds the site for publishing, never by its server
_HUGO_ENVIRONMENT: dict[str, Callable[[str], object]] = {
    "Environment": lambda env: env, "IsProduction": lambda env: env == "production",
    "IsDevelopment": lambda env: env == "development", "IsServer": lambda env: False}


def _call_function(name: str, args: list, state: _Run) -> object:
    value = _function_value(name, args, state)
    if isinstance(value, str) and len(value) > MAX_TEXT:  # text doubled in a loop
        raise NotSimple(f'the function "{name}" making a text of more than {MAX_TEXT} characters')
    state.work += sum(len(v) for v in (value, *args) if isinstance(v, (str, list, dict)))
    if state.work > MAX_WORK:
        raise NotSimple(f"functions reading and making more than {MAX_WORK} characters and "
                        "items in all (a text or list grown in a loop?)")
    return value


def _function_value(name: str, args: list, state: _Run) -> object:
    if name in _CALL_FUNCTIONS:
        try:
            return _CALL_FUNCTIONS[name](state, args)
        except TypeError:  # one of Hugo's objects (the site, a page) given where text goes
            raise NotSimple(f'the function "{name}" given {", ".join(go_type(a) for a in args)}') from None
    function, fewest, most = FUNCTIONS[name]
    if not fewest <= len(args) <= most:
        raise Failed(f"wrong number of args for {name}: want {fewest} got {len(args)}")
    if name == "sort" and args and isinstance(args[0], _PageList):
        return _sorted_pages(*args)
    if name == "where" and args and isinstance(args[0], _PageList):
        return _PageList(function(*args))  # by a field of each page (.Section, .Params.x)
    try:
        return function(*[_plain(a) for a in args])
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError,
            RecursionError, re.error):  # values of kinds this does not follow Hugo for
        raise NotSimple(f'the function "{name}" given {", ".join(go_type(a) for a in args)}') from None


def _plain(value: object) -> object:
    """A value as a function reads it: Hugo's params tables and data folders as tables."""
    if isinstance(value, _Params):
        raise NotSimple("a whole params table given to a function")
    return _whole(value)


def _one(state: _Run, args: list, name: str) -> str:
    if not args:
        raise Failed(f"wrong number of args for {name}: want 1 got 0")
    return go_print(args[-1])


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
# what Go's url.Parse refuses: a control character, a "%" that starts no escape
_UNPARSED = re.compile(r"[\x00-\x1f\x7f]|%(?![0-9A-Fa-f]{2})")


def _site_url(state: _Run, args: list, name: str) -> str:
    """absURL, relURL, absLangURL and relLangURL as Hugo makes them (the baseURL
    "https://example.org/docs/" here): "x" is below the baseURL ("/docs/x", or the whole
    address), "/x" below its host ("/x"), each below the page's language for the Lang
    variants ("/docs/fr/x", "/fr/x"); another site's address stays as it is, and relURL
    takes the host off an address of this site.  The links of the manual find the page
    either way (an address of this site is read as its path)."""
    value = _one(state, args, name)
    if _UNPARSED.search(value) or (not _SCHEME.match(value) and ":" in value.split("/", 1)[0]):
        return value  # an address Go's url.Parse refuses: Hugo leaves it as it is
    host, base_path = _host_and_path(state.call.base_url)
    absolute, language = name.startswith("abs"), "Lang" in name
    if _SCHEME.match(value):  # below the baseURL: relURL gives its path, else it stays
        if absolute or not host or not value.startswith(host + base_path):
            return value
        path = value[len(host):]
        return path.rstrip("/") if path == base_path and base_path != "/" else path
    prefix = state.call.language_prefix.rstrip("/") if language else ""
    path, _, rest = value.partition("#")
    path, mark, query = path.partition("?")
    tail = (mark + query) + ("#" + rest if "#" in value else "")
    if prefix and not path.startswith("/") and (path == prefix[1:] or path.startswith(prefix[1:] + "/")):
        prefix = ""  # "fr/x" on a French page: already below the language
    if path.startswith("/"):
        joined = path if prefix and (path == prefix or path.startswith(prefix + "/")) else prefix + path
    elif not path and tail:  # only a query or a fragment: relURL keeps the base's "/"
        joined = (base_path + prefix.lstrip("/")).rstrip("/") or "/"
        joined += "/" if not absolute and joined != "/" else ""
    else:
        joined = go_clean(base_path + prefix.lstrip("/") + "/" + path)
        joined += "/" if (not path or path.endswith("/")) and joined != "/" else ""
    if absolute:  # a whole address is written as Go's URL writes it: its path escaped
        return host + _GO_PATH_ESCAPE.sub(lambda m: urllib.parse.quote(m.group(), safe=""), joined) + tail
    return joined + tail


# what Go's url.URL escapes in a path: all but letters, digits, -._~ $&+,/:;=@ and an
# escape that is one already (%20)
_GO_PATH_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~$&+,/:;=@%]+")


def _host_and_path(base_url: str) -> tuple[str, str]:
    """("https://example.org", "/docs/") of a baseURL; no host when it names none."""
    parts = urllib.parse.urlsplit(base_url)
    host = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    path = parts.path if host else ("/" + base_url.lstrip("/") if base_url.startswith("/") else "/")
    return host, "/" + path.strip("/") + "/" if path.strip("/") else "/"


def _index_call(state: _Run, args: list) -> object:
    """Hugo's index, reading Hugo's tables (params, data folders) by key too."""
    if not args:
        raise Failed("wrong number of args for index: want at least 1 got 0")
    value, keys = args[0], args[1:]
    while keys and isinstance(value, _Object):
        value, keys = value.go_field(go_print(keys[0])), keys[1:]
    return FUNCTIONS["index"][0](_plain(value), *keys)


def _partial(state: _Run, args: list) -> object:
    if not 1 <= len(args) <= 2 + 98:
        raise Failed("wrong number of args for partial: want 1 or 2")
    name = go_print(args[0])
    try:
        nodes = state.call.partial(name)
    except NotSimple:  # a theme's partial, or none: a theme's shortcode manualgen prints?
        printed = _theme_shortcode(state, name, args[1] if len(args) > 1 else None)
        if printed is None:
            raise
        return HTML(printed)
    if nodes is None:
        raise Failed(f'error calling partial: partial "{name}" not found')
    if len(state.partials) >= 50:
        raise NotSimple(f'partial "{name}" calling itself more than 50 deep')
    context = args[1] if len(args) > 1 else None
    inner = _Run(state.call, state.steps, state.depth + 1, state.partials + (name,),
                 work=state.work)  # the steps and work of the whole run, partials included
    try:
        printed = _run(nodes, inner, [{"$": context}], context)
    except _Returned as returned:  # a partial that returns a value prints nothing else
        state.steps, state.work = inner.steps, inner.work
        return returned.value
    state.steps, state.work = inner.steps, inner.work
    return "" if _returns(nodes) else HTML(printed)


_SHORTCODE_PARTIAL = re.compile(r"shortcodes/([\w-]+)(?:\.html)?")


def _theme_shortcode(state: _Run, name: str, context: object) -> str | None:
    """A theme's shortcode called as its partial ("shortcodes/expand.html" with a dict of
    its parameters and ``content``) that the site cannot have run here (the theme's partial
    is missing, or uses what manualgen does not run): printed through manualgen's own
    template of that shortcode, its ``content`` as the shortcode's inner text; None when
    manualgen has none."""
    found = _SHORTCODE_PARTIAL.fullmatch(name)
    if found is None or not isinstance(context, dict):
        return None
    values = {str(key): value for key, value in context.items()
              if str(key) not in ("page", "context")}
    return state.call.theme_shortcode(found.group(1), values)


def _returns(nodes: list) -> bool:
    """Whether a partial has a ``return`` anywhere: Hugo then takes its value, not its text
    (nothing, when the run does not reach it)."""
    for node in nodes:
        if isinstance(node, Block):
            if _returns(node.body) or _returns(node.otherwise):
                return True
        elif isinstance(node, tuple) and node[0] == "return":
            return True
    return False


def _format_time(state: _Run | None, args: list) -> str:
    """Hugo's ``time.Format LAYOUT DATE`` (``dateFormat``): Go's layouts.  Hugo writes the
    month and day names in the page's language (CLDR's "Oktober", "Mo."), which manualgen
    knows for English only: such a layout in another language is not run, nor Hugo's own
    localized layouts (``:date_long``).  ``state`` None: the Time's own Format method,
    always in English, as Go writes it."""
    if len(args) != 2:
        raise Failed(f"wrong number of args for Format: want 2 got {len(args)}")
    layout = go_print(args[0])
    if layout.startswith(":"):
        raise NotSimple(f'the localized date layout "{layout}"')
    lang = state.call.lang if state is not None else "en"
    if re.search(r"Jan|Mon", layout) and lang and not lang.lower().startswith("en"):
        raise NotSimple(f'month or day names in the language "{lang}" (time.Format "{layout}")')
    when = read_time(args[1])
    if when is None:
        raise Failed(f"error calling Format: unable to cast {go_print(args[1])!r} of type "
                     f"{go_type(args[1])} to Time")
    return go_format(layout, when)


def _as_time(args: list) -> dt.datetime:
    when = read_time(args[0]) if len(args) == 1 else None
    if when is None and len(args) == 1 and isinstance(args[0], int) and not isinstance(args[0], bool):
        raise NotSimple(f"a time of {args[0]} Unix seconds, past the years Python holds")
    if when is None:
        raise Failed(f"error calling AsTime: unable to parse date: {go_print(args[0] if args else '')}")
    return when


def _ref(state: _Run, args: list) -> str:
    """Hugo's ``relref``/``ref PAGE PATH``: the address of the page the path names."""
    if len(args) != 2:
        raise Failed(f"wrong number of args for relref: want 2 got {len(args)}")
    path = args[1]
    if isinstance(path, dict):
        if set(path) - {"path"}:
            raise NotSimple("relref with a language or output format")
        path = path.get("path")
    return state.call.ref(go_print(path))


def _title(state: _Run, args: list) -> str:
    """Hugo's ``title`` in the site's titleCaseStyle (AP's by default: "The Lord of the
    Rings", each part of "X-Ray" capitalised, the rest as written: "HTML")."""
    text = _one(state, args, "title")
    return state.call.title_case(text)


def _one_word_title(text: str) -> str:
    """A title without the site's style: each part between hyphens capitalised; several
    words (whose small words AP keeps in lower case) are not run."""
    if any(char.isspace() for char in text):
        raise NotSimple(f'title of several words ("{text}")')
    return "-".join(part[:1].upper() + part[1:] for part in text.split("-"))


def _errorf(state: _Run, args: list) -> object:
    if not args:
        raise Failed("wrong number of args for errorf: want at least 1 got 0")
    raise Failed(go_sprintf(go_print(args[0]), args[1:]))


_HOST_PORT = re.compile(r"^(\[[^\]]*\]|[^:]*)(?::(\d*))?$")


def _parse_url(state: _Run, args: list) -> _Fields:
    """Hugo's ``urls.Parse``: the parts of an address Go's ``url.URL`` has (``.Path``
    decoded, ``.Hostname`` and ``.Port`` as methods without arguments)."""
    if len(args) != 1:
        raise Failed(f"wrong number of args for Parse: want 1 got {len(args)}")
    text = go_print(args[0])
    parts = urllib.parse.urlsplit(text)
    host = parts.netloc.rpartition("@")[2]
    hostname, port = (_HOST_PORT.match(host).groups() if _HOST_PORT.match(host) else (host, None))
    return _Fields("*url.URL", {
        "Scheme": parts.scheme, "Host": host, "Hostname": hostname.strip("[]"), "Port": port or "",
        "Path": urllib.parse.unquote(parts.path), "RawQuery": parts.query,
        "Fragment": urllib.parse.unquote(parts.fragment), "String": text})


def _read_file(state: _Run, args: list) -> str:
    """Hugo's ``readFile`` (``os.ReadFile``): the text of a file of the site's folder;
    nothing for a file that is not there (or outside the folder), a failure for a folder."""
    if len(args) != 1:
        raise Failed(f"wrong number of args for readFile: want 1 got {len(args)}")
    name = go_print(args[0])
    if not name:
        raise Failed("error calling readFile: invalid filename")
    found = state.call.project_file(name)
    if found is None:
        return ""
    if found.is_dir():
        raise Failed(f"error calling readFile: read {found}: is a directory")
    if found.stat().st_size > MAX_TEXT:
        raise NotSimple(f'readFile of "{name}", more than {MAX_TEXT} bytes')
    return found.read_bytes().decode("utf-8", errors="replace")


def _file_exists(state: _Run, args: list) -> bool:
    """Hugo's ``fileExists`` (``os.FileExists``): whether the site's folder has that file
    or folder."""
    if len(args) != 1:
        raise Failed(f"wrong number of args for fileExists: want 1 got {len(args)}")
    name = go_print(args[0])
    if not name:
        raise Failed("error calling fileExists: fileExists needs a path to a file")
    return state.call.project_file(name) is not None


def _unmarshal(state: _Run, args: list, name: str = "unmarshal") -> object:
    """Hugo's ``transform.Unmarshal`` (``unmarshal``) of a text, or of a file of the site
    (``.Content`` of a JSON or TOML asset); options (CSV's delimiter) are not run."""
    if len(args) != 1:
        if len(args) == 2:
            raise NotSimple("unmarshal with options")
        raise Failed(f"wrong number of args for Unmarshal: want 1 got {len(args)}")
    value = args[0]
    if isinstance(value, _Resource):
        value = value.go_field("Content")
    if isinstance(value, _Object) or not isinstance(value, str):
        raise Failed(f"error calling {name}: type {go_type(value)} not supported")
    try:
        return exact_maps(unmarshal(value))
    except UnmarshalNotRun as exc:
        raise NotSimple(str(exc)) from None
    except UnmarshalFailed as exc:
        raise Failed(f"error calling {name}: {exc}") from None


def _template_exists(state: _Run, args: list) -> bool:
    """Hugo's ``templates.Exists NAME``: whether the site's layouts or its themes' have the
    template.  A name below _partials/, _shortcodes/ or _markup/ that they do not have may
    be one Hugo has built in, which manualgen does not list: not guessed at."""
    name = _one(state, args, "Exists")
    if state.call.template_exists(name):
        return True
    if name.lstrip("/").split("/", 1)[0] in ("_partials", "_shortcodes", "_markup"):
        raise NotSimple(f'templates.Exists "{name}", which may be one of Hugo\'s built-in templates')
    return False


def _reflect(kind: str) -> Callable:
    """Hugo's ``reflect.IsMap`` and ``reflect.IsSlice``: whether a value is a map (a
    table, params, a data folder) or a slice (a list, a list of pages)."""
    def run(state: _Run, args: list) -> bool:
        if len(args) != 1:
            raise Failed(f"wrong number of args for {kind}: want 1 got {len(args)}")
        value = args[0]
        if kind == "IsMap":
            return isinstance(value, (dict, _Params, _Data))
        return isinstance(value, (list, tuple))
    return run


def _html(state: _Run, args: list) -> str:
    """Go's predefined ``html`` where it is not printed (``$x := .y | html``, ``if``): its
    arguments printed as ``print`` prints them, the five characters escaped, as text (printed
    later, it is escaped again).  Printed, go_template.py writes it as Go's escaping does."""
    return go_html_escape(FUNCTIONS["print"][0](*args))


def _now(state: _Run, args: list) -> dt.datetime:
    """Hugo's ``now``: the manual's date, so that the same site gives the same manual (a
    template that hashes it for an element's id, as Flink's ``artifact`` does)."""
    if args:
        raise Failed(f"wrong number of args for now: want 0 got {len(args)}")
    return state.call.now


def _warnf(state: _Run, args: list) -> str:
    if args:
        state.call.warn(go_sprintf(go_print(args[0]), args[1:]))
    return ""


def _erroridf(state: _Run, args: list) -> str:
    """Hugo's ``erroridf ID FORMAT …``: errorf, unless ``ignoreLogs`` names the id (Hugo
    renders on but its build fails; here the shortcode stops, as errorf stops it)."""
    if len(args) < 2:
        raise Failed(f"wrong number of args for erroridf: want at least 2 got {len(args)}")
    if go_print(args[0]).lower() in state.call.ignored_logs:
        return ""
    raise Failed(go_sprintf(go_print(args[1]), args[2:]))


def _warnidf(state: _Run, args: list) -> str:
    """Hugo's ``warnidf ID FORMAT …``: warnf, unless ``ignoreLogs`` names the id."""
    if len(args) < 2:
        raise Failed(f"wrong number of args for warnidf: want at least 2 got {len(args)}")
    if go_print(args[0]).lower() not in state.call.ignored_logs:
        state.call.warn(go_sprintf(go_print(args[1]), args[2:]))
    return ""


def _translate(state: _Run, args: list) -> str:
    """Hugo's ``T "key"`` and ``T "key" count``: the count (a number, or a table's
    ``Count``) picks the language's plural form and fills ``{{ .Count }}``."""
    if not 1 <= len(args) <= 2:
        raise Failed(f"wrong number of args for T: want 1 got {len(args)}")
    data = args[1] if len(args) == 2 else None
    count = map_get(data, "Count") if isinstance(data, dict) else data
    if isinstance(count, float) and not math.isfinite(count):  # hugo 0.149.1: nothing
        return ""
    if isinstance(data, (float, str)):
        # T "n" 1.5, T "n" "22": Hugo hands go-i18n the count's digits, which pick the
        # form; a text that reads {{ .Count }} of them fails in Hugo, which prints nothing
        return state.call.translate(go_print(args[0]), count_text(data)) or ""
    if isinstance(count, bool) or not isinstance(count, (int, float)):
        text = state.call.translate(go_print(args[0])) or ""
    else:
        text = state.call.translate(go_print(args[0]), count) or ""
    return _FIELD_ACTION.sub(lambda m: _field_text(data, m.group(1)), text)


# A field the translation's text names ("{{ .Minutes }} min read"), which Hugo fills from
# the value T is given (T "reading" (dict "Minutes" 5)).
_FIELD_ACTION = re.compile(r"\{\{-?\s*\.(\w+)\s*-?\}\}")


def _field_text(data: object, name: str) -> str:
    """A field of T's value as Go prints it; "<no value>" where there is none, as Hugo's
    translation prints it (T "files" without a count: "<no value> files")."""
    value = map_get(data, name) if isinstance(data, dict) else None
    return "<no value>" if value is None else go_print(value)


_CALL_FUNCTIONS: dict[str, Callable] = {
    "markdownify": lambda state, args: HTML(state.call.markdownify(_one(state, args, "markdownify"))),
    "plainify": lambda state, args: HTML(plainified(_one(state, args, "plainify"))),
    "safeURL": lambda state, args: URL(_one(state, args, "safeURL")),
    "safeCSS": lambda state, args: CSS(_one(state, args, "safeCSS")),
    "relURL": lambda state, args: _site_url(state, args, "relURL"),
    "absURL": lambda state, args: _site_url(state, args, "absURL"),
    "relLangURL": lambda state, args: _site_url(state, args, "relLangURL"),
    "absLangURL": lambda state, args: _site_url(state, args, "absLangURL"),
    "i18n": _translate, "T": _translate,
    "index": _index_call,
    "partial": _partial, "partialCached": _partial,
    "errorf": _errorf, "warnf": _warnf, "erroridf": _erroridf, "warnidf": _warnidf, "now": lambda state, args: _now(state, args),
    "urls.Parse": _parse_url,
    "templates.Exists": lambda state, args: _template_exists(state, args),
    "unmarshal": _unmarshal,
    "transform.Unmarshal": lambda state, args: _unmarshal(state, args, "Unmarshal"),
    # Go's html at the end of a printed pipeline (go_template.py): nothing prints as Go's
    # evalArgs prints it
    "html-piped": lambda state, args: "<no value>" if not args or args[-1] is None else args[-1],
    "reflect.IsMap": _reflect("IsMap"), "reflect.IsSlice": _reflect("IsSlice"), "html": _html,
    "readFile": _read_file, "os.ReadFile": _read_file,
    "fileExists": _file_exists, "os.FileExists": _file_exists,
    "time.Format": _format_time, "dateFormat": _format_time, "relref": _ref, "ref": _ref,
    "title": _title, "strings.Title": _title,
    "time.AsTime": lambda state, args: _as_time(args), "time": lambda state, args: _as_time(args),
    "anchorize": lambda state, args: hugo_anchor(_one(state, args, "anchorize")),
    "site": lambda state, args: _Site(state.call),
    "resources.Get": _get_asset,
    "resources.Fingerprint": _fingerprint, "fingerprint": _fingerprint,
    "highlight": lambda state, args: _highlight(state, args),
    "transform.Highlight": lambda state, args: _highlight(state, args),
}


def _highlight(state, args: list) -> HTML:
    """Hugo's ``highlight CODE LANG [OPTIONS]``: the code printed as a code block is (line
    numbers and marked lines when the options ask for them)."""
    code, lang, *rest = [go_print(a) if not isinstance(a, str) else a for a in args]
    return HTML(state.call.highlight(code, lang, rest[0] if rest else ""))
FUNCTION_NAMES = frozenset(FUNCTIONS) | frozenset(_CALL_FUNCTIONS)
