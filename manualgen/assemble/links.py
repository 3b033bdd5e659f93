"""Links: a link to a page of the manual becomes a link inside the PDF (with "see page N"),
a link to a file of the site or to another language's page prints its web address, a link
that leads nowhere prints as text with a finding.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote, urljoin

from ..content import CONTENT_SUFFIXES, Page
from ..convert import IdSettings
from ..heading_ids import hugo_anchor, without_shortcode_placeholders
from ..languages import language_name
from .context import PageJob
from .html import add_class, ancestors, classes, parent_map, split_url, text_of
from .outline import Outline
from .resources import site_host
from .word_joins import joined

_UNUSABLE_SCHEMES = ("javascript", "vbscript", "data", "file")


def links(root: ET.Element, job: PageJob) -> None:
    parents = parent_map(root)
    for a in list(root.iter("a")):
        href = (a.get("href") or "").strip()
        for attr in ("target", "rel"):
            a.attrib.pop(attr, None)
        if not href and a.get("href") is not None:
            _no_address(a, job)
            continue
        if not href or "media-address" in classes(a):  # a video's address: as written
            continue
        if _heading_permalink(a, href, parents, job):
            continue
        if _shows_nothing(a):  # "## Title[](https://…/#title)": nothing to click on the web
            a.attrib.pop("href", None)
            continue
        if _enlarges_its_picture(a, href, job):
            a.attrib.pop("href", None)
            continue
        if href == GLOSSARY_DESTINATION:
            entry = _glossary_entry(a, job)
            if entry is None:
                _no_glossary_entry(a, job)
                continue
            href = entry
        if href.startswith(REF_NOT_FOUND):
            href = _ref_not_found(a, href[len(REF_NOT_FOUND):])
            if href is None:
                continue
        if href.startswith("ref:"):
            href = _front_matter_ref(a, href, job)
            if href is None:
                continue
        inside = _outside_link(a, href, job)
        if inside is not None:
            _inside_link(a, inside, job, written=href)


def _no_address(a: ET.Element, job: PageJob) -> None:
    """``[text]()``: a link with an empty address leads nowhere on the web; on paper its
    words print as text.  Said when the page's Markdown wrote it so (a theme's empty
    ``href`` is not the writer's)."""
    a.attrib.pop("href")
    words = " ".join("".join(a.itertext()).split())
    written = f"[{words}]()"
    if words and written in job.page.body:
        job.warning("broken-link", f'link "{written}" has no address; it prints as plain text: '
                    "write the page or web address between the brackets",
                    job.line(written, outside_code=True))


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _heading_permalink(a: ET.Element, href: str, parents: dict, job: PageJob) -> bool:
    """A link inside a heading to that heading (a shortcode's or theme's permalink: Gitea's
    ``<h2 id="x"><a href="#x"><small>#</small></a> Title</h2>``): on paper it leads where
    the reader already is.  A mark beside the heading's words goes with it; a link that
    holds all the words leaves them as text.  True when handled."""
    if not href.startswith("#"):
        return False
    heading = next((el for el in ancestors(a, parents) if el.tag in _HEADINGS), None)
    own = heading.get("id") if heading is not None else None
    fragment = unquote(href[1:])
    if not own or own not in (fragment, f"{job.ctx.outline.anchor(job.page)}--{fragment}"):
        return False
    words_beside = " ".join(text_of(heading).split()) != " ".join(text_of(a).split())
    parent = parents[a]
    if words_beside:
        _remove_keeping_tail(parent, a)
    else:
        a.attrib.pop("href", None)
    return True


def _remove_keeping_tail(parent: ET.Element, el: ET.Element) -> None:
    """Take ``el`` out of ``parent``, the text after it kept in its place."""
    index = list(parent).index(el)
    if el.tail:
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _shows_nothing(a: ET.Element) -> bool:
    """A link with no words and no picture (a heading's empty permalink, an icon font's
    empty <i>): the web shows nothing of it to read, so the PDF prints nothing for it,
    not a bare "(see page N)" or address."""
    return not text_of(a).strip() and not any(el.tag in _PICTURES for el in a.iter())


_PICTURES = {"img", "svg", "picture", "object", "video", "figure"}
_PICTURE_FILES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff")


def _enlarges_its_picture(a: ET.Element, href: str, job: PageJob) -> bool:
    """A picture with no words, linked to a picture file (a figure shortcode's "open the
    screenshot full size", ``[![](shot.png)](shot.png)``): on the web a click shows the
    picture larger; on paper the picture is there, and its file's address below it would
    tell the reader nothing.  A link to a file the site does not have stays a broken link."""
    if text_of(a).strip() or not any(el.tag == "img" for el in a.iter()):
        return False
    parts = split_url(href)
    if not unquote(parts.path).lower().endswith(_PICTURE_FILES):
        return False
    if parts.scheme.lower() in ("http", "https"):
        return True
    return site_file_address(job.ctx.outline, job.ctx.settings, job.page, href) is not None


_PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*>")


# The address a ref/relref to no page writes (the shortcode has reported it), followed by
# the site's refLinksNotFoundURL: templates/shortcodes/_page_ref.html.
REF_NOT_FOUND = "manualgen-ref-not-found:"


def _ref_not_found(a: ET.Element, written: str) -> str | None:
    """A link whose ``ref`` names no page: to refLinksNotFoundURL (``written``) when that is a
    web address, else plain text.  No finding: the ``ref`` made one."""
    if split_url(written.strip()).scheme.lower() in ("http", "https"):
        a.set("href", written.strip())
        return written.strip()
    a.attrib.pop("href", None)
    add_class(a, "unresolved")
    return None


def _front_matter_ref(a: ET.Element, href: str, job: PageJob) -> str | None:
    """Grafana's ``[text](ref:key)``: the address the page's front matter gives under
    ``refs: key:``, a list of ``pattern``/``destination`` pairs from which the website takes
    the one whose pattern its address starts with (one site, many products).  Here: the
    pair whose pattern the site's baseURL path starts with, else the first; a ``<NAME>``
    segment of the destination (``<GRAFANA_VERSION>``) takes the baseURL's segment at its
    place.  None (printed as text, with a warning) when the page names no such key."""
    key = href[len("ref:"):].strip()
    refs = job.page.meta.get("refs") if isinstance(job.page.meta, dict) else None
    pairs = refs.get(key) if isinstance(refs, dict) else None
    pairs = [p for p in pairs if isinstance(p, dict) and p.get("destination")] if isinstance(pairs, list) else []
    if not pairs:
        job.warning("broken-link", f'link "{href[:80]}" names no entry "{key}" under the '
                    "page's refs: front matter, so it leads nowhere; it prints as plain text",
                    job.line(href[:80]))
        a.attrib.pop("href", None)
        add_class(a, "unresolved")
        return None
    base = job.ctx.settings.base_path or "/"
    chosen = next((p for p in pairs if base.startswith(str(p.get("pattern") or "\0"))), pairs[0])
    segments = str(chosen["destination"]).strip().split("/")
    ours = base.split("/")
    filled = [ours[i] if _PLACEHOLDER.fullmatch(seg) and i < len(ours) and ours[i] else seg
              for i, seg in enumerate(segments)]
    return "/".join(filled)


def _outside_link(a: ET.Element, href: str, job: PageJob) -> str | None:
    """Handle a link that leaves the site (mail, phone, the web, a script); else return
    its address as a path below the site, for ``_inside_link``."""
    site_scheme = split_url(job.ctx.settings.base_url).scheme.lower() or "https"
    if href.startswith("//"):  # an address without its scheme: the page's, as a browser reads it
        href = f"{site_scheme}:{href}"
        a.set("href", href)
    scheme = split_url(href).scheme.lower()
    if scheme in ("mailto", "tel"):
        add_class(a, "contact")
        return None
    site_url = job.ctx.settings.base_url.rstrip("/")
    if site_url.startswith("//"):  # Flink's baseURL = "//nightlies.apache.org/flink/…"
        site_url = f"{site_scheme}:{site_url}"
    if scheme in ("http", "https") and not (site_url and href.startswith(site_url + "/")):
        _external(a, href)
        return None
    if scheme in ("http", "https"):
        href = href[len(site_url):] or "/"
        return href if href.startswith("/") else "/" + href
    if scheme in _UNUSABLE_SCHEMES:
        # Script, inline data or a file of the writer's machine: nothing a reader of the PDF
        # could open.
        job.warning("broken-link", f'link "{href[:80]}" cannot work in a PDF; it prints as '
                    "plain text", job.output_line(href) or job.line(href[:80]))
        a.attrib.pop("href", None)
        add_class(a, "unresolved")
        return None
    if scheme:
        _external(a, href)
        return None
    return href


def _external(a: ET.Element, href: str) -> None:
    """A link to the web, printed with its address (once, when its text is the address)."""
    add_class(a, "external")
    shown = readable_address(href)
    if shown != href:
        a.set("data-address", shown)
    if _same_address(text_of(a), href) or _same_address(text_of(a), shown):
        add_class(a, "bare")  # the text is the address: print it once


_ESCAPED_RUN = re.compile(r"(?:%[89a-fA-F][0-9a-fA-F])+")


def readable_address(href: str) -> str:
    """``href`` as a browser's address bar shows it: percent-escapes that spell letters
    beyond ASCII (UTF-8) decoded, ``caf%C3%A9`` as ``café``; escapes of ASCII (a space, a
    slash, ``%``) kept, as they change what the address means."""
    def letters(match: re.Match) -> str:
        try:
            text = unquote(match.group(0), errors="strict")
        except UnicodeDecodeError:
            return match.group(0)
        return text if text.isprintable() else match.group(0)

    return _ESCAPED_RUN.sub(letters, href)


def _inside_link(a: ET.Element, href: str, job: PageJob, written: str = "") -> None:
    """``href``: the address below the site (``written`` is the link's own, which may name
    the site's host)."""
    ctx, page = job.ctx, job.page
    target, fragment = page_for(ctx.outline, ctx.settings, ctx.lang, href, page)

    def line() -> int | None:  # looked for only for a finding: a page of 3,000 footnote
        # links searched its whole text for each (45 s).  Last, the link's words: a
        # shortcode wrote its address ([our site]({{< url "/download" >}}))
        label = " ".join("".join(a.itertext()).split())[:60]
        return (job.output_line(written or href) or job.output_line(href)
                or written_line(job, written or href)
                or job.line(href.split("#")[0] or href) or (job.line(label) if label else None))

    if target is None:
        _web_or_nothing(a, href, job, line)
        return
    anchor = ctx.outline.anchor(target)
    if fragment:
        ids = ctx.ids.get(target, set())
        steady = without_shortcode_placeholders(fragment)
        if fragment in ids:
            anchor = f"{anchor}--{fragment}"
        elif steady != fragment and steady in ids:
            anchor = f"{anchor}--{steady}"
            job.warning("unsteady-anchor", f'link "{href}": Hugo makes this heading\'s id '
                        "from a shortcode's placeholder, whose number changes from build to "
                        "build, so the link breaks on the web; give the heading an id of its "
                        'own ("## Title {#my-id}") and link to that', line())
        elif anchor != fragment and fragment.lower() != "top":
            # "#top" without such an id is the top of the page in HTML (Flink's "Back to top")
            job.warning("missing-anchor", f'link "{href}": no heading or anchor "{fragment}" on '
                        "the target page; it points to the page instead", line())
    a.set("href", "#" + anchor)
    if {"footnote-ref", "footnote-backref"} & set(classes(a)):
        return  # the note's number is its reference: no "(see page N)" after it
    add_class(a, "internal")
    a.set("data-see", joined(ctx.labels["see_page"]))
    if ctx.labels.get("see_page_end"):  # words after the number: "→ 5 ページ", "lásd 5. oldal"
        a.set("data-see-end", joined(ctx.labels["see_page_end"]))


# Hugo's own documentation writes [term](g) for a link to a term of its glossary, whose
# link render hook finds the term's entry (a definition term) on the glossary page: the term
# as written, else its singular.  The print resolves it the same way.
GLOSSARY_DESTINATION = "g"
_GLOSSARY_PAGE = "quick-reference/glossary/_index.md"


def _glossary_entry(a: ET.Element, job: PageJob) -> str | None:
    """The address of the glossary entry that the text of the ``(g)`` link ``a`` names, or
    None when the manual has no glossary page or no such entry on it."""
    glossary = job.ctx.outline.by_rel.get(_GLOSSARY_PAGE)
    if glossary is None:
        return None
    ids = job.ctx.ids.get(glossary, set())
    term = " ".join(text_of(a).split()).lower()
    kind = IdSettings.from_goldmark(job.ctx.settings.goldmark).kind
    for word in (term, _singular(term)):
        anchor = hugo_anchor(word, kind)
        if anchor in ids:
            return f"{glossary.url}#{anchor}"
    return None


def _no_glossary_entry(a: ET.Element, job: PageJob) -> None:
    term = " ".join(text_of(a).split())
    job.warning("broken-link", f'glossary link "[{term}](g)": the manual has no glossary page '
                f"(/{_GLOSSARY_PAGE.removesuffix('/_index.md')}/) with an entry for "
                f'"{term.lower()}" or its singular; it prints as plain text',
                job.line(f"]({GLOSSARY_DESTINATION})"))
    a.attrib.pop("href", None)
    add_class(a, "unresolved")


def _singular(term: str) -> str:
    """An English plural's singular, well enough for glossary terms ("media types",
    "repositories", "caches")."""
    for ending, replacement in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"),
                                ("xes", "x"), ("s", "")):
        if term.endswith(ending) and not term.endswith("ss"):
            return term[: -len(ending)] + replacement
    return term


def written_line(job: PageJob, href: str) -> int | None:
    """The line that writes ``href`` whole as an address (Markdown's ``](href``, ``<href>``,
    a reference's ``]: href``, an attribute's ``"href"``): a bare search for the address
    also stops at a longer address that holds it ("/docs/a/#b" holds "docs/a/")."""
    for needle in (f"]({href}", f"<{href}>", f"]: {href}", f'"{href}"', f"'{href}'"):
        found = job.line(needle)
        if found is not None:
            return found
    return None


def _web_or_nothing(a: ET.Element, href: str, job: PageJob, line: Callable[[], int | None]) -> None:
    """A link to no page of the manual: a file of the site, or another language's page (its
    web address), else plain text with a finding (at ``line()``)."""
    ctx, page = job.ctx, job.page
    address = site_file_address(ctx.outline, ctx.settings, page, href)
    if address is not None:  # a download (a form, a spreadsheet): its web address
        _link_to_web(a, address)
        return
    if ctx.left_out is not None:  # a page of the site this manual does not print
        target, fragment = page_for(ctx.left_out, ctx.settings, ctx.lang, href, page)
        if target is not None:
            host = site_host(ctx.settings)
            _link_to_web(a, host + quote(target.url) + (f"#{quote(fragment)}" if fragment else "")
                         if host else "")
            return
    fallback = _default_language_page(ctx, page, href)
    if fallback is not None:  # only the default language has it: the web shows that page
        name, web = fallback
        job.warning("other-language-link", f'link "{href}" points to a page that has no '
                    f"translation in this language; the web site shows the {name} page, and "
                    "the PDF prints its web address" + (f" {web}" if web else ""), line())
        _link_to_web(a, web)
        return
    other = other_language(ctx.settings, ctx.lang, href)
    if other is not None:  # the web page in another language: its address, with a word
        other_lang, web = other
        job.warning("other-language-link", f'link "{href}" points to the {other_lang} site, '
                    "not to this manual; it prints as its web address" + (f" {web}" if web else ""),
                    line())
        _link_to_web(a, web)
        return
    spaced = ("; the address holds a space: in Markdown Hugo reads no link there, and the web "
              "page shows the brackets and the address; remove the space, or write it %20"
              if any(c.isspace() for c in href.strip()) else "")
    job.warning("broken-link", f'link "{href}" points to no page of this manual and no file of '
                f"the site; it prints as plain text{spaced}", line())
    a.attrib.pop("href", None)
    add_class(a, "unresolved")


def page_for(outline: Outline, settings, lang: str, target: str, page: Page) -> tuple[Page | None, str]:
    """The page (and fragment) an internal link points to, or (None, "")."""
    parts = split_url(target)
    fragment = unquote(parts.fragment)
    path = unquote(parts.path)
    if not path:
        return page, fragment
    if Path(path).suffix.lower() in (".md", ".markdown", ".mdown"):  # the page's file
        base = Path(page.rel).parent
        candidate = (base / path).as_posix() if not path.startswith("/") else path.lstrip("/")
        candidate = _normpath(candidate)
        found = outline.by_rel.get(candidate.lower()) or outline.by_rel.get(
            re.sub(r"\.\w+$", "", candidate).lower())
        return found, fragment
    base = settings.base_path
    # A baseURL without a scheme ("docs.example.org") starts no path: Hugo's permalinks are
    # "docs.example.org/guide/", which a browser reads below the page, and the manual below
    # the site
    below_site = not base.startswith("/") and path.startswith(base)
    absolute = urljoin(page.url, path) if not (path.startswith("/") or below_site) else path
    rel = absolute[len(base):] if absolute.startswith(base) else absolute.lstrip("/")
    # As written, then below the baseURL, then below the language's prefix; each with and
    # without a final "/" (a page's url may name a file: "x.html").
    for candidate in (absolute, base + rel, f"{base}{lang}/{rel}"):
        folder = candidate[:-len("index.html")] if candidate.endswith("/index.html") else candidate
        for key in (candidate, candidate.rstrip("/") + "/", folder):  # "x/index.html" is "x/"
            found = outline.by_url.get(key.lower())
            if found is not None:
                return found, fragment
    return None, fragment


def _default_language_page(ctx, page: Page, href: str) -> tuple[str, str] | None:
    """(language name, web address) of the default language's page that an address without
    a language prefix opens on the web, when this language has no such page."""
    if ctx.fallback is None or not unquote(split_url(href).path).startswith("/"):
        return None
    default = ctx.settings.default_language
    target, fragment = page_for(ctx.fallback, ctx.settings, default, href, page)
    if target is None:
        return None
    host = site_host(ctx.settings)
    web = host + quote(target.url) + (f"#{quote(fragment)}" if fragment else "") if host else ""
    return language_name(default), web


def other_language(settings, lang: str, href: str) -> tuple[str, str] | None:
    """(language name, web address) when a link goes below another language's prefix
    (``/docs/de/…`` from a French page): a page of the German site, which the French
    manual does not hold. The address is "" when the baseURL names no host."""
    path = unquote(split_url(href).path)
    if not path.startswith("/"):
        return None
    base = settings.base_path
    rel = path[len(base):] if path.startswith(base) else path.lstrip("/")
    prefix = rel.split("/", 1)[0].lower()
    code = next((c for c in settings.languages if c != lang and c.lower() == prefix), None)
    if code is None:
        return None
    fragment = split_url(href).fragment
    host = site_host(settings)
    return language_name(code), (
        host + base + rel + (f"#{fragment}" if fragment else "") if host else "")


def site_file_address(outline: Outline, settings, page: Page, href: str) -> str | None:
    """The web address of a file of the site that a link names: a download in a static
    folder (published below the baseURL), or a file of a page bundle (published beside its
    page).  None when the site has no such file; "" when it has, but the baseURL names no
    host to print."""
    path = unquote(split_url(href).path)
    if not path or path.endswith("/"):
        return None
    absolute = posixpath.normpath(path if path.startswith("/") else urljoin(page.url, path))
    base = settings.base_path
    rel = absolute[len(base):] if absolute.startswith(base) else absolute.lstrip("/")
    if settings.static_file(rel) or any(_file_inside(folder, rel) for folder in settings.static_dirs):
        address = base + rel
    else:  # the nearest page above the address owns it, if it is a bundle holding the file
        address, owner_url, name = "", absolute, ""
        while "/" in owner_url:
            owner_url, _, last = owner_url.rpartition("/")
            name = f"{last}/{name}" if name else last
            owner = outline.by_url.get(owner_url.lower() + "/")
            if owner is not None:  # Hugo does not publish a bundle's content files
                if (owner.path.name.split(".")[0] in ("index", "_index")  # index.fr.md too
                        and _file_inside(owner.bundle_dir, name)
                        and Path(name).suffix.lower() not in CONTENT_SUFFIXES):
                    address = absolute
                break
        if not address:
            return None
    host = site_host(settings)
    return host + quote(address) if host else ""


def _same_address(text: str, href: str) -> bool:
    def norm(url: str) -> str:
        url = re.sub(r"^[a-z]+://", "", url.strip().lower())
        return url.removeprefix("www.").rstrip("/")
    return bool(text.strip()) and norm(text) == norm(href)



def _normpath(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return "/".join(parts)


def _file_inside(folder: Path, rel: str) -> bool:
    """Whether ``folder/rel`` is a file that really lies inside ``folder`` (links followed)."""
    try:
        candidate = (folder / rel).resolve()
        return candidate.is_file() and candidate.is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False



def _link_to_web(a: ET.Element, address: str) -> None:
    """A link that leaves the manual for the web site: printed with its address, or as
    plain text when the baseURL names no host ("" here)."""
    if address:
        a.set("href", address)
        _external(a, address)
    else:
        a.attrib.pop("href", None)

