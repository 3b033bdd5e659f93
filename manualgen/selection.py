"""What a manual prints: the sections chosen, without the pages only a web site needs.

Sections.  Docsy prints one section at a time (``/docs/_print/``): the section page's title,
description and text open the document, then every page and sub-section below it follows in
Hugo's order.  ``[manual] sections = ["docs"]`` (or ``--section docs``) does the same: the
section's page becomes the manual's introduction and its children its chapters.  With
several sections, each is a chapter of its own under the site's cover, and the home page's
text (a landing page, made for the web) is left out.  Names are folders below content/
(``docs``, ``docs/guides``), compared without regard to case, since translations may spell
a folder differently (``Benutzer_Verwaltung``, ``benutzer_verwaltung``).

Web-only pages.  A site has pages whose whole purpose is on the web: the search page
(Docsy's ``layout: search``), taxonomy and term lists (``/tags/``), redirect stubs (a
``redirect``/``redirect_to`` key, a redirect layout or type, or a body that is only a
``<meta http-equiv="refresh">``), pages with no HTML output, and sections left with no text
and nothing below them (Docsy's community page, an archive section).  Each is left out, with a note
(``not-printed``, severity info) that ``check`` prints: never silently.  Pages Hugo does not
list (``_build``) and Docsy's ``no_print`` were already left out by discovery; their notes
are given here too.

Blogs are printed when no section is chosen (Docsy's print view is per section: choose
``docs`` to leave the blog out); a note says so, once per blog section.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import Findings, UsageError

# content.Page: content imports this module (discovery ends by choosing what is printed), so
# the page type is named here, not imported.
Page = Any

CODE = "not-printed"
_REDIRECT_KEYS = ("redirect", "redirect_to", "redirectto", "redirect_url", "redirecturl",
                  "redirecturi")
_COMMENTS = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
_META_REFRESH = re.compile(r"""<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>""", re.IGNORECASE)
_REDIRECT_SCRIPT = re.compile(r"<script\b[^>]*>[^<]*location[^<]*</script>", re.IGNORECASE)
_BLOG_TYPES = ("blog", "posts", "post", "news")


@dataclasses.dataclass(frozen=True)
class LeftOut:
    """A page not printed, why, and the line that says so."""

    path: Path
    rel: str
    reason: str
    line: int | None = None
    below: int = 0  # pages below it that go with it


def _ci(meta: dict, key: str, default=None):
    return next((v for k, v in meta.items() if isinstance(k, str) and k.lower() == key.lower()),
                default)


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def has_text(body: str) -> bool:
    """Whether a body holds anything but white space and HTML comments."""
    return bool(_COMMENTS.sub("", body).strip())


def redirect_reason(meta: dict, body: str) -> tuple[str, str | None] | None:
    """(why, key) when the page only sends the reader elsewhere, else None."""
    for key in ("layout", "type"):
        value = _text(_ci(meta, key))
        if "redirect" in value.lower():
            return f"a redirect ({key}: {value})", key
    for key in _REDIRECT_KEYS:
        value = _ci(meta, key)
        if (isinstance(value, str) and value.strip()) or value is True:
            target = f" to {value.strip()}" if isinstance(value, str) else ""
            return f"a redirect{target} ({key})", key
    rest = _REDIRECT_SCRIPT.sub("", _META_REFRESH.sub("", _COMMENTS.sub("", body)))
    if _META_REFRESH.search(body) and not rest.strip():
        return 'a redirect (its text is only a <meta http-equiv="refresh">)', None
    if _fallback_only(body, rest):
        return ('a redirect (a <meta http-equiv="refresh">, and a line that links to the same '
                "address for a browser that does not follow it)"), None
    return None


_SKELETON = re.compile(r"<!DOCTYPE[^>]*>|<title\b[^>]*>.*?</title\s*>|</?(?:html|head|body)\b[^>]*>",
                       re.IGNORECASE | re.DOTALL)
_REFRESH_URL = re.compile(r"""content\s*=\s*["']?\s*\d*\s*[;,]?\s*url\s*=\s*['"]?([^"'>\s]+)""",
                          re.IGNORECASE)
_HREF = re.compile(r"""<a\b[^>]*\bhref\s*=\s*["']?([^"'>\s]+)""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def _fallback_only(body: str, rest: str) -> bool:
    """A page written as a web document that sends the browser on at once, and offers the
    reader who is left behind one short line with a link to the same address ("If you are
    not redirected automatically, follow this link"): nothing of it is for print."""
    refresh = _META_REFRESH.search(body)
    target = _REFRESH_URL.search(refresh.group(0)) if refresh else None
    if target is None:
        return False
    rest = _SKELETON.sub("", rest)
    words = " ".join(_TAG.sub(" ", rest).split())
    return (len(words) <= 200 and target.group(1) in _HREF.findall(rest))


def is_spacer(meta: dict, body: str) -> bool:
    """Whether a page is an empty entry of the web site's menu: its title is written empty
    (``title: ""``, no ``linkTitle``) and it has no text.  Docsy sites add such pages
    (``spacer1.md``) to put a gap in the sidebar; on paper it would be a chapter of nothing."""
    title = _ci(meta, "title")
    return (isinstance(title, str) and not title.strip()
            and not _text(_ci(meta, "linkTitle")) and not has_text(body))


def web_only(page: Page, settings: Settings) -> tuple[str, str | None] | None:
    """(why, key) when a page exists for the web site only, else None."""
    found = redirect_reason(page.meta, page.body)
    if found:
        return found
    if page.kind == "page" and is_spacer(page.meta, page.body):
        return "an empty entry of the web site's menu (its title is empty, and it has no text)", "title"
    for key in ("layout", "type"):
        if _text(_ci(page.meta, key)).lower() == "search":
            return f"the web site's search page ({key}: search)", key
    top = page.rel.split("/")[0].lower()
    if "/" in page.rel and top in settings.taxonomies:
        return f'a list of the site\'s "{top}" (a taxonomy page, made for the web)', None
    return _no_web_page(page)


def _no_web_page(page: Page) -> tuple[str, str] | None:
    outputs = _ci(page.meta, "outputs")
    if isinstance(outputs, list) and outputs and not any(
            str(o).lower() in ("html", "print") for o in outputs):
        return f"it has no web page of its own (outputs: {', '.join(map(str, outputs))})", "outputs"
    return None


def _pages_stay_below(page: Page) -> bool:
    """A section whose own page only redirects (Linkerd's docs home: ``layout: redirect``)
    or has no web page: Hugo still publishes the pages below it, and lists them under it."""
    return (page.is_section and bool(page.children)
            and (redirect_reason(page.meta, page.body) or _no_web_page(page)) is not None)


def drop_web_only(node: Page, settings: Settings) -> list[LeftOut]:
    """Take the web-only pages (and what is below them) out of the tree below ``node``; a
    web-only section whose pages Hugo publishes keeps them, under its title alone."""
    gone: list[LeftOut] = []
    for child in list(node.children):
        found = web_only(child, settings)
        if found is None:
            gone += drop_web_only(child, settings)
            continue
        reason, key = found
        if _pages_stay_below(child):
            child.body, child.description = "", ""
            gone.append(LeftOut(child.path, child.rel, f"{reason}: only its title is printed, "
                                "over the pages below it", child.line_of_key(key) if key else None))
            gone += drop_web_only(child, settings)
            continue
        node.children.remove(child)
        gone.append(LeftOut(child.path, child.rel, reason, child.line_of_key(key) if key else None,
                            sum(1 for _ in child.walk()) - 1))
    return gone


def drop_empty(node: Page) -> list[LeftOut]:
    """Take out the sections below ``node`` with no text, no description and nothing below
    them (once their own empty sections are gone): on paper a chapter title over nothing,
    where the web page showed what its theme lists (Docsy's community links, an archive).
    A page without text is printed: its title may be all it has to say."""
    gone: list[LeftOut] = []
    for child in list(node.children):
        gone += drop_empty(child)
        if (child.kind == "section" and not child.children and not has_text(child.body)
                and not child.description.strip()):
            node.children.remove(child)
            if child.path.is_file():  # a section no file describes has nothing to fix
                gone.append(LeftOut(child.path, child.rel, "it has no text and no pages below it"))
    return gone


def _folder(page: Page) -> str:
    parent = Path(page.rel).parent.as_posix()
    return "" if parent == "." else parent


def _sections(home: Page) -> list[Page]:
    return [p for p in home.walk() if p.is_section and p is not home]


def choose_sections(home: Page, names: tuple[str, ...], lang: str) -> Page:
    """The tree the manual prints: ``home`` itself without names; the one section named as
    the root (its page the introduction, its children the chapters); with several, each
    section a chapter below a home page whose own text is left out.  An unknown name is a
    usage error naming the top-level sections there are."""
    if not names:
        return home
    by_folder = {_folder(p).lower(): p for p in _sections(home)}
    chosen = []
    for name in names:
        section = by_folder.get(name.strip("/").lower())
        if section is None:
            top = sorted(_folder(p) for p in home.children if p.is_section)
            raise UsageError(f'no section "{name}" in the {lang} content; its top-level sections '
                             f"are: {', '.join(top) or '(none)'}. Choose with --section or "
                             "[manual] sections")
        chosen.append(section)
    # A section inside another chosen one is printed there, once.
    chosen = [s for s in dict.fromkeys(chosen) if not any(
        o is not s and _folder(s).lower().startswith(_folder(o).lower() + "/") for o in chosen)]
    if len(chosen) == 1:
        root = chosen[0]
        root.parent = None
        return root
    root = dataclasses.replace(home, body="", description="", children=[], parent=None)
    for section in chosen:
        section.parent = root
        root.children.append(section)
    return root


def _inside(rel: str, folders: list[str] | None) -> bool:
    return folders is None or any(rel.lower().startswith(f.lower() + "/") for f in folders)


def _home_redirect(root: Page) -> list[LeftOut]:
    """The home page's own text when it only sends the browser on (an ``_index.html`` that
    is a whole web document with a ``<meta http-equiv="refresh">`` to the docs): the manual
    opens with its chapters, as the reader of the web site is taken straight to them."""
    found = redirect_reason(root.meta, root.body) if root.kind == "home" else None
    if found is None or not has_text(root.body):
        return []
    reason, key = found
    root.body, root.description = "", ""
    return [LeftOut(root.path, root.rel, f"{reason}: the manual opens with the pages below it",
                    root.line_of_key(key) if key else None)]


def select(home: Page, settings: Settings, lang: str, findings: Findings,
           unlisted: list[LeftOut]) -> Page:
    """The tree to print (see the module's docstring), with a note for each page left out
    inside it.  ``unlisted``: the pages discovery left out (``_build``, ``no_print``)."""
    everything = list(home.walk())
    root = choose_sections(home, settings.sections, lang)
    folders = None if root is home else [_folder(p) for p in (
        [root] if root.kind != "home" else root.children)]
    gone = [g for g in unlisted if _inside(g.rel, folders)]
    gone += _home_redirect(root)
    gone += drop_web_only(root, settings)
    gone += drop_empty(root)
    for item in sorted(gone, key=lambda g: g.rel):
        _note(item, findings, lang)
    if not settings.sections:
        _blog_notes(root, findings, lang)
    _layout_warnings(root, settings, findings, lang)
    kept = set(root.walk())
    root.left_out = tuple(p for p in everything if p not in kept)
    return root


def _note(item: LeftOut, findings: Findings, lang: str) -> None:
    below = f"; nor are the {item.below} pages below it" if item.below > 1 else (
        "; nor is the page below it" if item.below == 1 else "")
    findings.info(CODE, f"not printed: {item.reason}{below}", item.path, item.line, lang=lang)


# Hugo's own kinds of template: a page's ``layout`` naming one of them wraps its text, it does
# not make it.
_GENERIC_LAYOUTS = {"baseof", "single", "list", "section", "home", "page", "index", "taxonomy",
                    "term", "default", "docs", "doc"}
_NOT_PAGE_LAYOUTS = {"shortcodes", "_shortcodes", "partials", "_partials", "_markup"}


def site_layout(root: Path, name: str) -> str | None:
    """The site's own template named ``name`` (``layouts/docs/glossary.html``,
    ``layouts/glossary.en.html``), as a path from the site's root; None when the site has
    none (shortcodes and partials are not page layouts)."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    layouts = root / "layouts"
    try:
        found = sorted(path for path in layouts.rglob("*.html")
                       if path.name.split(".")[0] == name and path.is_file()
                       and not _NOT_PAGE_LAYOUTS & set(path.relative_to(layouts).parts[:-1]))
    except OSError:
        return None
    return found[0].relative_to(root).as_posix() if found else None


def _layout_warnings(root: Page, settings: Settings, findings: Findings, lang: str) -> None:
    """A page with no text of its own whose ``layout`` is one of the site's own templates
    (Kubernetes' glossary, a list of releases): that template makes what the web page shows,
    and manualgen does not run Hugo's templates, so the page prints its title only."""
    templates: dict[str, str | None] = {}  # by layout name: the layouts folder walked once
    for page in root.walk():
        name = _text(_ci(page.meta, "layout"))
        if not name or name.lower() in _GENERIC_LAYOUTS or has_text(page.body):
            continue
        if name not in templates:
            templates[name] = site_layout(Path(settings.site_root), name)
        template = templates[name]
        if template is None:
            continue
        findings.warning("layout-not-run", f'this page has no text of its own: its web page is '
                         f'made by the site\'s layout "{name}" ({template}), which manualgen '
                         "does not run, so the PDF prints its title only; write its text into "
                         "the page, or leave it out of the manual with no_print: true",
                         page.path, page.line_of_key("layout"), lang=lang)


def is_blog(section: Page) -> bool:
    """Whether a top-level section is a blog: its ``type``, else its folder's name, is one
    of the names themes give their blogs (blog, posts, post, news)."""
    kind = (_text(_ci(section.meta, "type")) or _folder(section).rsplit("/", 1)[-1]).lower()
    return section.is_section and kind in _BLOG_TYPES


def blog_posts(root: Page) -> list[Page]:
    """The posts of the blogs among the top-level sections: their pages, at any depth."""
    return [page for child in root.children if is_blog(child)
            for page in child.walk() if page.kind == "page"]


def _blog_notes(root: Page, findings: Findings, lang: str) -> None:
    """A blog printed with the documentation is said once: it may be what the writer wants,
    or not (Docsy's print view leaves it out by printing one section)."""
    for child in root.children:
        if is_blog(child):
            count = sum(1 for _ in child.walk()) - 1
            findings.info("blog-printed", f'the blog "{child.title}" ({count} posts) is '
                          "printed with the rest of the site; to print the documentation only, "
                          'choose its section: [manual] sections = ["docs"] or --section docs',
                          child.path if child.path.is_file() else None, lang=lang)
