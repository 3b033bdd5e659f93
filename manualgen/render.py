"""Render: a language's page tree → its rendered pages (shortcodes and Markdown, as Hugo).

Each page is rendered once per build; the translation check and the assembler both read the
:class:`RenderedLanguage` this returns, and nothing is written back onto the pages.
"""

from __future__ import annotations

import dataclasses
import functools
import html as html_module
import posixpath
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from .compiled_templates import CompiledTemplates
from .config import Settings, goldmark_of
from .content import Page, list_policy, sort_pages, urlize
from .convert import PageConverter
from .cover import cover_html, page_cover
from .errors import ContentError, Findings
from .goldmark import SCRIPT_MATH_DELIMITERS, auto_render_math
from .i18n import Fallback, Translator, load_labels
from .languages import language_name
from .permalinks import urlize as hugo_urlize
from .remarshal import read_data, to_toml
from .shortcodes import ShortcodeRenderer, layout_partial, marked_region, placeholders_as_img


@dataclasses.dataclass(frozen=True)
class RenderedPage:
    """One page as HTML, with what messages about it need."""

    page: Page
    html: str
    # src and href values written by shortcodes → the shortcode's line
    output_lines: dict[str, int] = dataclasses.field(default_factory=dict)
    # i18n strings printed from the default language's file (its own file lacks them)
    fallbacks: tuple[Fallback, ...] = ()
    failed: bool = False  # the page could not be rendered (reported); printed empty
    description: str = ""  # the front matter's description through markdownify, as Docsy shows it


@dataclasses.dataclass(frozen=True)
class RenderedLanguage:
    """Every page of one language, rendered, in manual order (home first)."""

    lang: str
    home: Page
    pages: tuple[RenderedPage, ...]
    labels: dict[str, str]  # manualgen's print labels in the language, as the pages used them
    failed: bool = False  # the language's i18n file does not parse: nothing was rendered


def render_language(settings: Settings, lang: str, home: Page, findings: Findings,
                    labels: dict[str, str] | None = None,
                    templates: CompiledTemplates | None = None) -> RenderedLanguage:
    """Render every page below ``home``; problems go to ``findings`` (with ``lang``).
    ``templates``: the shortcode templates compiled by earlier languages and builds."""
    pages = list(home.walk())
    if labels is None:
        labels = language_labels(settings, lang)
    try:
        converter = page_converter(settings, lang, findings, labels, templates)
    except ContentError as exc:  # an i18n file that does not parse: this language stops here
        findings.add(dataclasses.replace(exc.finding(), lang=lang))
        return RenderedLanguage(lang, home, tuple(RenderedPage(p, "", failed=True) for p in pages),
                                labels, failed=True)
    rendered = tuple(render_page(converter, page, lang, findings) for page in pages)
    converter.finish()  # unknown shortcodes: one warning per name, with its count
    return RenderedLanguage(lang, home, rendered, labels)


_RAW_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)\b[^<>]*?(/?)>")
# Tags that need no closing tag (void, or closed by the next one): they do not nest.
_NOT_NESTING = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody",
                "tfoot", "colgroup"}
# Tags left open past this cost Markdown's and the HTML parser's time by its square (77,000
# unclosed <b>s: 50 s); the layout takes about 80 levels (assemble/html.py MAX_NESTING).
MAX_OPEN_TAGS = 5000


def line_nested_past(page: Page, limit: int) -> int | None:
    """The line of the page's source where its HTML tags, as written, are left open more
    than ``limit`` levels deep (an estimate: no parse), or None."""
    depth = 0
    for number, text in enumerate(page.body.split("\n"), page.body_line):
        for tag in _RAW_TAG.finditer(text):
            if tag.group(3) or tag.group(2).lower() in _NOT_NESTING:
                continue
            depth = max(0, depth - 1) if tag.group(1) else depth + 1
            if depth > limit:
                return number
    return None


# Quotes and lists nested past the layout's limit (assemble/html.py MAX_NESTING, which
# clean.parse applies to the HTML) are refused before Markdown reads them: 1,000 quotes deep
# took Markdown and the HTML parser 30 s to reach that verdict.  The estimate never exceeds
# the HTML's depth, so no page the layout takes is refused here.
MAX_BLOCK_NESTING = 80
_QUOTE_MARKS = re.compile(r"(?: {0,3}>)+")
_LIST_ITEM = re.compile(r"( *)([-*+]|\d{1,9}[.)])( {1,4}|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def line_blocks_nested_past(page: Page, limit: int) -> tuple[int, int] | None:
    """The line of the page's source, outside fenced code, where its Markdown quotes and
    lists (a list level counts two: the list and its item) nest more than ``limit`` deep,
    and that depth (an estimate read off each line's marks, never above the real one), or
    None."""
    fence = ""
    items: list[int] = []  # the text column of each list item open around the line
    for number, text in enumerate(page.body.split("\n"), page.body_line):
        opening = _FENCE.match(text)
        if fence or opening:
            mark = opening.group(1) if opening else ""
            fence = "" if fence and mark.startswith(fence[0]) and len(mark) >= len(fence) else (
                fence or mark)
            continue
        quotes = _QUOTE_MARKS.match(text)
        rest = text[quotes.end():].removeprefix(" ") if quotes else text
        item = _LIST_ITEM.match(rest.expandtabs(4))
        if item:
            indent = len(item.group(1))
            while items and indent < items[-1]:
                items.pop()
            items.append(indent + len(item.group(2)) + max(1, len(item.group(3))))
        elif rest.strip():
            indent = len(rest.expandtabs(4)) - len(rest.expandtabs(4).lstrip())
            while items and indent < items[-1]:
                items.pop()
        depth = (quotes.group().count(">") if quotes else 0) + 2 * len(items)
        if depth > limit:
            return number, depth
    return None


# Python-Markdown takes these two out of any text it reads (they mark its own placeholders);
# Hugo passes them to the web page.  The other control characters reach the printed text,
# where fonts.control_characters finds them.
_MARKDOWN_STRIPS = re.compile(r"[\x02\x03]")


def stripped_controls(page: Page, findings: Findings, lang: str) -> None:
    """A warning at the first line of a Markdown page (or its description) that holds
    U+0002 or U+0003: no font draws them, and the PDF leaves them out."""
    where = [(page.body, False)] if getattr(page, "markup", "markdown") != "html" else []
    where.append((page.description if isinstance(page.description, str) else "", True))
    for text, front in where:
        found = sorted(set(_MARKDOWN_STRIPS.findall(text)))
        if not found:
            continue
        shown = " and ".join(f"U+{ord(c):04X}" for c in found)
        line = (page.line_of_key("description") if front
                else page.find_line(found[0]) or page.find_line(found[-1]))
        them = "them" if len(found) > 1 else "it"
        findings.warning("missing-glyphs", f"the text holds the control character"
                         f"{'s' if len(found) > 1 else ''} {shown}, which no font can print: the "
                         f"PDF leaves {them} out (the web page passes {them} on); delete {them}",
                         page.path, line, lang=lang)
        return


# Python-Markdown rewrites a paragraph's whole text for each inline mark it replaces (an
# entity, a tag, an emphasis, a code span …) and searches it again from the start: its time
# grows with the paragraph's length times its marks.  100,000 "&amp;" in one paragraph took
# minutes; past this product (about 6 s) the page is refused before it is read.
MAX_PARAGRAPH_WORK = 5_000_000_000
# Marks Python-Markdown surely replaces one by one: entities, escapes, tags, « and ».
_INLINE_MARKS = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"
                           r"|\\[!-/:-@\[-`{-~]|<[A-Za-z/!?]|<<|>>")
# Marks that come in pairs or open a link (an emphasis, a code span, [text](address)): each
# counts half, one replacement for two marks.  A line of 20,000 '"a" *b* [c](d) `e`' took
# 7.6 s, one of 100,000 (1.9 MB, under the file limit) more than two minutes.
_PAIRED_MARKS = re.compile(r"`+|[*_]+|!?\[")
_NOT_PARAGRAPH_LINE = re.compile(r" {0,3}(?:[|#>*+-]|\d{1,9}[.)]|<[A-Za-z/!?]|$)| {4}|\t")


def line_paragraph_past(page: Page, limit: int) -> tuple[int, int, int] | None:
    """The first line of a paragraph of the page's source, outside fenced code, whose
    length times its inline marks exceeds ``limit``, with that length and mark count; or
    None.  Lists, tables, quotes, headings, code and HTML blocks are left out: their lines
    are read one by one."""
    fence, first, length, marks = "", 0, 0, 0
    for number, text in enumerate(page.body.split("\n") + [""], page.body_line):
        opening = _FENCE.match(text)
        if fence or opening:
            mark = opening.group(1) if opening else ""
            fence = "" if fence and mark.startswith(fence[0]) and len(mark) >= len(fence) else (
                fence or mark)
            text = ""
        if (not length and _NOT_PARAGRAPH_LINE.match(text)) or not text.strip():
            if length * marks > limit:
                return first, length, marks
            length = marks = 0
            continue
        first = first if length else number
        length += len(text) + 1
        marks += len(_INLINE_MARKS.findall(text)) + len(_PAIRED_MARKS.findall(text)) // 2
    return None


def render_page(converter: PageConverter, page: Page, lang: str,
                findings: Findings) -> RenderedPage:
    """One page; a page that trips the renderer is reported and printed empty, so that the
    problems of all the others are found in the same run."""
    deep = line_nested_past(page, MAX_OPEN_TAGS)
    if deep is not None:  # refused before Markdown and the HTML parser spend minutes on it
        findings.error("page-failed", f"this page leaves more than {MAX_OPEN_TAGS} HTML tags "
                       "open; a PDF can be laid out to about 80 levels: close its tags sooner",
                       page.path, deep, lang=lang)
        return RenderedPage(page, "", failed=True)
    nested = line_blocks_nested_past(page, MAX_BLOCK_NESTING)
    if nested is not None:  # the same, for quotes ("> > >") and lists inside lists
        line, depth = nested
        findings.error("page-failed", f"this line nests quotes or lists {depth} levels deep; a "
                       "PDF can be laid out to about 80: end the quotes or lists sooner",
                       page.path, line, lang=lang)
        return RenderedPage(page, "", failed=True)
    costly = line_paragraph_past(page, MAX_PARAGRAPH_WORK)
    if costly is not None:
        line, length, marks = costly
        findings.error("page-failed", f"this paragraph is {length:,} characters long with "
                       f"{marks:,} entities, escapes, tags, emphases, links and code spans: "
                       "Markdown's time grows with the two multiplied, to minutes here; split it "
                       "into paragraphs",
                       page.path, line, lang=lang)
        return RenderedPage(page, "", failed=True)
    stripped_controls(page, findings, lang)
    used = converter.translator.used_fallbacks
    used.clear()
    try:
        html, lines = converter.convert_with_lines(page)
    except ContentError as exc:
        findings.add(dataclasses.replace(exc.finding(), lang=lang))
        return RenderedPage(page, "", failed=True)
    except RecursionError:
        findings.error("page-failed", "this page is nested too deeply to render (lists, quotes "
                       "or emphasis hundreds of levels deep); simplify its markup",
                       page.path, page.body_line, lang=lang)
        return RenderedPage(page, "", failed=True)
    except (MemoryError, ValueError, TypeError, KeyError, IndexError) as exc:
        findings.error("page-failed", f"this page could not be rendered ({type(exc).__name__}: "
                       f"{exc}); simplify its markup, and report the page to manualgen",
                       page.path, page.body_line, lang=lang)
        return RenderedPage(page, "", failed=True)
    description = _description(converter, page, lang, findings)
    html = _katex_typeset(html, loads_math_script(converter.renderer.env.globals.get("site"), lang, page.meta))
    html, lines = _with_cover(converter, page, html, dict(lines))
    return RenderedPage(page, html, lines, tuple(used.values()), description=description)


_KATEX_MARK = re.compile(r'(<p>\s*)?<span class="mg-katex-auto-render"></span>(\s*</p>)?')


_MATH_PAGE_KEYS = frozenset({"math", "katex", "mathjax"})
_MATH_SITE_KEYS = _MATH_PAGE_KEYS | {"enablekatex", "enablemathjax", "enablemath"}


def loads_math_script(settings: Settings | None, lang: str, meta: dict) -> bool:
    """Whether the theme loads KaTeX or MathJax for the page, as themes decide it: the
    page's ``math``, ``katex`` or ``mathjax`` set to true (MemE, PaperMod, Hugo's own math
    partial), else the site's (or the language's) params of those names or MemE's
    ``enableKaTeX``/``enableMathJax``.  The script then typesets the page's delimited
    formulas in the reader's browser."""
    if any(str(k).lower() in _MATH_PAGE_KEYS and v is True for k, v in (meta or {}).items()):
        return True
    if settings is None or lang not in settings.languages:
        return False
    return any(str(k).lower() in _MATH_SITE_KEYS and v is True
               for table in (settings.languages[lang].params, settings.params)
               for k, v in (table or {}).items())


def _katex_typeset(html: str, math_script: bool = False) -> str:
    """A page that loads KaTeX's auto-render ({{< katex >}}, katex.html leaves its mark),
    or whose theme loads KaTeX or MathJax for it (``math_script``), has its delimited
    formulas printed as math passthrough prints them, as the web shows them typeset; other
    pages keep ``\\(`` as written, as their web page does."""
    if not math_script and 'class="mg-katex-auto-render"' not in html:
        return html
    html = _KATEX_MARK.sub(
        lambda m: "" if bool(m.group(1)) == bool(m.group(2)) else (m.group(1) or m.group(2)), html)
    return auto_render_math(html, SCRIPT_MATH_DELIMITERS) if math_script else auto_render_math(html)


def _with_cover(converter: PageConverter, page: Page, html: str,
                lines: dict[str, int]) -> tuple[str, dict[str, int]]:
    """The page's body with the cover picture its front matter sets (cover.py) on top, and
    the picture's line for messages: that of its front matter key."""
    bundle = page.path.parent if page.path.stem.split(".")[0] == "index" else None
    cover = page_cover(page.meta, page.title, bundle)
    if cover is None:
        return html, lines
    lines.setdefault(cover.src, page.line_of_key(cover.key) or 1)
    return cover_html(cover, converter.markdownify) + html, lines


def _description(converter: PageConverter, page: Page, lang: str, findings: Findings) -> str:
    if not page.description:
        return ""
    try:
        return converter.markdownify(page.description)
    except (ContentError, RecursionError, ValueError, TypeError, KeyError, IndexError):
        line = page.line_of_key("description")
        findings.warning("page-failed", "the description could not be rendered as Markdown; it "
                         "prints as written", page.path, line, lang=lang)
        return html_module.escape(page.description)


def page_converter(settings: Settings, lang: str, findings: Findings,
                   labels: dict[str, str] | None = None,
                   templates: CompiledTemplates | None = None) -> PageConverter:
    """The Markdown and shortcode converter of one language, as the build uses it.

    One place builds it so that the fidelity tests render pages exactly as a build does.
    """
    if labels is None:
        labels = language_labels(settings, lang)
    translator = Translator(lang, settings.i18n_dirs, fallback=settings.default_language)
    renderer = ShortcodeRenderer(settings.shortcode_dirs, findings,
                                 helpers=template_helpers(settings, lang, labels),
                                 compiled=templates)
    return PageConverter(goldmark_of(settings, lang), renderer, translator, lang,
                         emoji=settings.enable_emoji)


def language_labels(settings: Settings, lang: str) -> dict[str, str]:
    """manualgen's print labels in ``lang``: the built-in table, then the site's own."""
    return load_labels(lang, settings.labels.get(lang), settings.languages[lang].locale)


def template_helpers(settings: Settings, lang: str, labels: dict[str, str]) -> dict:
    """What every shortcode template may call: addresses, ``param``, ``label``, the site."""

    def site_path(rel: str) -> str:
        return settings.base_path + rel.lstrip("/")

    def media_library(src) -> str:
        """The site address of a picture of Academic's or Wowchemy's media library (their
        figure's ``library="1"``): Wowchemy keeps it in assets/media/, Academic in
        static/img/."""
        rel = str(src or "").lstrip("/")
        in_assets = posixpath.normpath("media/" + rel)
        if in_assets.startswith("media/") and any((folder / in_assets).is_file()
                                                  for folder in settings.assets_dirs):
            return site_path(in_assets)
        return site_path("img/" + rel)

    def link_url(url: str) -> str:
        if url.startswith("/") and not url.startswith(settings.base_path):
            prefix = settings.base_path
            if lang != settings.default_language or settings.default_in_subdir:
                prefix += lang + "/"
            return prefix + url.lstrip("/")
        return url

    def param(name: str, page_meta: dict | None = None) -> str:
        return page_param(settings, lang, name, page_meta)

    def raw_param(name: str, page_meta: dict | None = None, site: bool = True) -> object:
        return param_value(settings, lang, name, page_meta, site)

    indexes: dict[int, dict[str, list[Page]]] = {}  # the pages by logical path, per home page

    def ref_url(path, page: Page | None = None) -> str:
        return hugo_ref(str(path or ""), page, indexes)

    def web_url(url) -> str:
        """The web address of a site path (Hugo's absURL of a page's address): the baseURL's
        scheme and host before it; the path alone when the baseURL names no host."""
        site = urlsplit(settings.base_url)
        host = f"{site.scheme}://{site.netloc}" if site.scheme and site.netloc else ""
        return host + str(url) if host and str(url).startswith("/") else str(url)

    def ref_found(path, page: Page | None = None) -> bool:
        return ref_target(str(path or ""), page, indexes) is not None

    every_ref: dict[int, dict[str, list[Page]]] = {}  # every page, printed or not, by path

    def page_named(path, page: Page | None = None) -> Page | None:
        """The page of the language (printed or not) a ref path names, also by a name no
        other page has: istio.io's ``GetPage "section" "glossary"``."""
        return ref_target(str(path or ""), page, every_ref, _every_logical_path)

    def ref_known(path, page: Page | None = None) -> bool:
        """Whether some page of the site (printed or not) has the ref's path; True without
        a page to look from (the link pass then judges the address)."""
        return not isinstance(page, Page) or page_named(path, page) is not None

    def ref_elsewhere(path, code) -> tuple[str, str] | None:
        return ref_in_language(settings, str(path or ""), str(code or ""))

    addresses: dict[int, dict[str, Page]] = {}  # the pages by address, per home page

    def site_page(url, page: Page | None = None) -> Page | None:
        return page_at_url(str(url or ""), page, addresses)

    every: dict[int, dict[str, list[Page]]] = {}  # every page Hugo builds, by logical path

    def get_page(path, page: Page | None = None, as_hugo: bool = False) -> Page | None:
        return hugo_get_page(str(path or ""), page, every, as_hugo)

    return {
        # Bootstrap's partial, js-docs and scss-docs, example
        "partial_file": lambda name: layout_partial(settings.layout_dirs, str(name or "")),
        "marked_region": marked_region,
        "placeholders_as_img": placeholders_as_img,
        "site_path": site_path,
        "media_library": media_library,  # Academic's and Wowchemy's figure library="1"
        "link_url": link_url,
        "ref_url": ref_url,
        "web_url": web_url,
        "ref_found": ref_found,
        "ref_known": ref_known,
        "page_named": page_named,
        "ref_elsewhere": ref_elsewhere,
        "site_page": site_page,
        "get_page": get_page,
        "pages_of": functools.partial(section_pages, indexes=every),  # a section's .Pages
        "site_pages": functools.partial(every_page_of_site, indexes=every),  # .Site.RegularPages
        "read_data": read_data,  # hugoDocs' code-toggle: TOML, YAML or JSON
        "to_toml": to_toml,  # … printed as Hugo's transform.Remarshal "toml" writes it
        "hugo_urlize": lambda text: hugo_urlize(str(text), in_pattern=False),  # Hugo's urlize
        "param": param,
        "param_value": raw_param,  # the value as written, for a site's own Go templates
        "label": lambda key: labels.get(key, key),
        "site": settings,
    }


_EXTENSION = re.compile(r"(\.[A-Za-z]{2,3}(-[A-Za-z0-9]+)*)?\.(md|markdown|mdown|html?)$",
                        re.IGNORECASE)


def page_at_url(url: str, page: Page | None, addresses: dict[int, dict[str, Page]]) -> Page | None:
    """The page of ``page``'s manual whose address (Hugo's RelPermalink) is ``url``, as a
    theme finds one with ``where .Site.Pages "RelPermalink" url``; None when no page has it.
    The trailing slash is optional, as an address written by hand may lack it."""
    if not isinstance(page, Page) or not url.strip():
        return None
    index = _manual_index(page, addresses,
                          lambda home: {each.url.rstrip("/"): each for each in home.walk()})
    return index.get(url.strip().split("#")[0].rstrip("/"))


def _manual_index(page: Page, indexes: dict[int, dict], make: Callable[[Page], dict]) -> dict:
    """``make(home)`` for the manual ``page`` belongs to, made once per manual (``indexes``
    keeps them by its home page)."""
    home = page
    while home.parent is not None:
        home = home.parent
    if id(home) not in indexes:
        indexes[id(home)] = make(home)
    return indexes[id(home)]


def hugo_ref(path: str, page: Page | None, indexes: dict[int, dict[str, list[Page]]]) -> str:
    """Hugo's ``ref``/``relref``: the address of the page that ``path`` names as a content
    path ("docs/install", "/docs/install.md", "../guide/", "install#setup"), looked up as
    Hugo does: a leading "/" from the content folder; otherwise beside the page, then from
    the content folder, then by a file or folder name no other page has.  A path that names
    no page of the manual is returned as written (the link pass then says what it is)."""
    found = ref_target(path, page, indexes)
    if found is None:
        return path
    _target, hash_, fragment = path.partition("#")
    return found.url + (f"#{fragment}" if hash_ else "")


def ref_in_language(settings: Settings, path: str, code: str) -> tuple[str, str, str] | None:
    """(the language's name, the address, the web address) Hugo gives the page of a ``ref``
    whose ``lang`` names another of the site's languages: that page is on the other
    language's site, not in this manual.  The address is the content path below the
    language's prefix (a page's own ``url`` or ``slug`` there is not known); the web address
    is "" when the baseURL names no host.  None when the site has no such language."""
    found = next((c for c in settings.languages if c.lower() == code.strip().lower()), None)
    if found is None:
        return None
    target, hash_, fragment = path.partition("#")
    prefix = found + "/" if found != settings.default_language or settings.default_in_subdir else ""
    logical = "/".join(urlize(part) for part in _EXTENSION.sub("", target.strip()).strip("/").split("/")
                       if part and part not in (".", ".."))
    address = (settings.base_path + prefix + (logical + "/" if logical else "")
               + (f"#{fragment}" if hash_ else ""))
    site = urlsplit(settings.base_url)
    host = f"{site.scheme}://{site.netloc}" if site.scheme and site.netloc else ""
    return language_name(found), address, host + address if host else ""


def ref_target(path: str, page: Page | None, indexes: dict[int, dict[str, list[Page]]],
               make: Callable[[Page], dict[str, list[Page]]] | None = None) -> Page | None:
    """The page of the manual that the ``ref`` path ``path`` names (see :func:`hugo_ref`),
    or None.  ``make`` indexes the pages to look among (default: the printed ones; with
    :func:`_every_logical_path`, every page Hugo builds in the language)."""
    target = path.partition("#")[0]
    if not isinstance(page, Page) or not target.strip():
        return None
    index = _manual_index(page, indexes, make or _logical_paths)
    wanted = _EXTENSION.sub("", target.strip()).strip("/").lower()
    folder, bundle = _logical(page.rel), _is_bundle(page.rel)  # a bundle is named by its folder
    beside = [folder, posixpath.dirname(folder)] if bundle else [posixpath.dirname(folder)]
    tries = [wanted] if target.startswith("/") else [
        *(posixpath.normpath(posixpath.join(f, wanted)).lstrip("./") for f in beside), wanted]
    found = next((index[t] for t in tries if len(index.get(t, ())) == 1), None)
    if found is None and not target.startswith("/") and "/" not in wanted:
        named = [p for key, pages in index.items() if key.rsplit("/", 1)[-1] == wanted
                 for p in pages]
        found = named if len(named) == 1 else None
    return found[0] if found else None


def hugo_get_page(path: str, page: Page | None, indexes: dict[int, dict[str, list[Page]]],
                  as_hugo: bool = False) -> Page | None:
    """Hugo's ``GetPage``: the page a logical path names ("/quick-reference/glossary/weight",
    "/_common/install.md", "strings/truncate" from the page's section), among every page Hugo
    builds in the page's language, printed or not (headless snippets, glossary terms);
    case and the file extension do not matter.  None when no page, or more than one, has
    that path.  ``as_hugo`` (a site's own template, run as Hugo runs it): an empty path is
    the home page, and a name without a folder a page no other page shares it with (its
    file's or folder's name); manualgen's print templates ask for paths only (an include's
    file name must not find a page of that name)."""
    if not isinstance(page, Page) or not (path.strip() or as_hugo):
        return None
    index = _manual_index(page, indexes, _every_logical_path)
    wanted = _EXTENSION.sub("", path.strip().split("#")[0]).strip("/").lower()
    if wanted and not path.strip().startswith("/"):
        here = _logical(page.rel) if page.is_section else posixpath.dirname(_logical(page.rel))
        beside = posixpath.normpath(posixpath.join(here, wanted)).lstrip("./")
        if len(index.get(beside, ())) == 1:
            return index[beside][0]
    found = list(index.get(wanted, ()))
    if not found and as_hugo and wanted and "/" not in wanted:  # by a page's own name
        found = [each for key, pages in index.items() if key.rsplit("/", 1)[-1] == wanted
                 for each in pages]
        if len(found) > 1:
            raise AmbiguousPage(f'page reference "{path.strip().lstrip("/")}" is ambiguous')
    return found[0] if len(found) == 1 else None


class AmbiguousPage(LookupError):
    """A name that several pages of the site have (``GetPage "leaf"`` with a/leaf.md and
    b/leaf.md): Hugo's site-wide GetPage stops the build there."""


def section_pages(section: Page | None, indexes: dict[int, dict[str, list[Page]]], *,
                  regular: bool = False, sections: bool = False) -> list[Page]:
    """Hugo's ``.Pages`` of a section in Hugo's default order: the pages and sections right
    below it, those its build options list only locally included (a glossary's terms), those
    never listed left out; ``regular``: its ``.RegularPages``, ``sections``: its
    ``.Sections``."""
    if not isinstance(section, Page) or not section.is_section:
        return []
    index = _manual_index(section, indexes, _every_logical_path)
    here = _logical(section.rel)
    found = [each for pages in index.values() for each in pages
             if each is not section and each.kind != "home"
             and posixpath.dirname(_logical(each.rel)) == here and _listed_somewhere(each)]
    if regular:
        found = [each for each in found if not each.is_section]
    if sections:
        found = [each for each in found if each.is_section]
    return sort_pages(found)


def every_page_of_site(page: Page | None, indexes: dict[int, dict[str, list[Page]]],
                       what: str) -> list[Page]:
    """Hugo's ``.Site.RegularPages`` (every page of the language that is no section) or
    ``.Site.Sections`` (the sections right below the home page), in Hugo's default order;
    pages whose build options never list them, or list them only locally, left out."""
    if not isinstance(page, Page):
        return []
    index = _manual_index(page, indexes, _every_logical_path)
    found = [each for pages in index.values() for each in pages if _listed_everywhere(each)]
    if what == "RegularPages":
        found = [each for each in found if each.kind == "page"]
    else:
        found = [each for each in found if each.kind == "section"
                 and "/" not in _logical(each.rel).strip("/")]
    return sort_pages(found)


def _listed_everywhere(page: Page) -> bool:
    """Whether Hugo lists the page in the site's lists too (``build.list`` "always")."""
    return list_policy(page.meta) == "always"


def _listed_somewhere(page: Page) -> bool:
    """Whether Hugo lists the page at all (``build.list`` not "never")."""
    return list_policy(page.meta) != "never"


def _every_logical_path(root: Page) -> dict[str, list[Page]]:
    """Every page of the manual's language by logical path: the printed ones, those the
    manual leaves out, and those Hugo never lists."""
    index: dict[str, list[Page]] = {}
    for each in (*root.walk(), *root.left_out, *root.unlisted):
        index.setdefault(_logical(each.rel), []).append(each)
    return index


def _logical(rel: str) -> str:
    """A content file's path as Hugo names its page: no extension nor language suffix, a
    section's or bundle's by its folder ("docs/_index.md" → "docs")."""
    stem = _EXTENSION.sub("", rel)
    parent, _, name = stem.rpartition("/")
    return (parent if name in ("_index", "index") else stem).lower()


def _is_bundle(rel: str) -> bool:
    return _logical(rel) != _EXTENSION.sub("", rel).lower()


def _logical_paths(home: Page) -> dict[str, list[Page]]:
    index: dict[str, list[Page]] = {}
    for each in home.walk():
        index.setdefault(_logical(each.rel), []).append(each)
    return index


def page_param(settings: Settings, lang: str, name: str, page_meta: dict | None = None) -> str:
    """Hugo's ``.Param`` as text ("" when absent): see :func:`param_value`."""
    value = param_value(settings, lang, name, page_meta)
    return "" if value is None else str(value)


def param_value(settings: Settings, lang: str, name: str, page_meta: dict | None = None,
                site: bool = True) -> object:
    """Hugo's ``.Param``: the page's front matter (its own keys and its ``params`` table,
    cascaded values included), then (with ``site``) the language's and the site's params;
    keys are case-insensitive, "a.b" looks inside tables.  The value as written (a
    boolean, a number, a list), None when absent."""
    page_meta = page_meta or {}
    own = next((v for k, v in page_meta.items() if str(k).lower() == "params"), None)
    tables = [page_meta, own if isinstance(own, dict) else {}]
    if site:
        tables += [settings.languages[lang].params, settings.params]
    for table in tables:
        value: object = table
        for part in name.split("."):
            value = next((v for k, v in value.items() if str(k).lower() == part.lower()),
                         None) if isinstance(value, dict) else None
        if value is not None:
            return value
    return None
