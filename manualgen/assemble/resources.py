"""Resources: every file a page names (images, video posters, ``<object>``, ``url()``)
resolved to a file of the site as Hugo would serve it, or a placeholder and a finding.

Each image found is checked (``ctx.inspect_image``: readable, complete, its pixel size) and
recorded in the context; the document lists them later with the width they print at.  Paper
cannot play a video or a recording: each becomes a framed note.
"""

from __future__ import annotations

import errno
import functools
import re
import stat
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin

from .. import data_url, remote
from ..content import Page, bundle_folders, left_out_by_mount, named_resource
from ..errors import show
from ..images import CSS_URL, XLINK_HREF, inline_svg_problem, svg_loads, svg_size_problem
from ..pdf import shorten
from ..xml_names import local_name
from .context import FoundImage, PageJob
from .html import add_class, ancestors, own_name, parent_map, remove, split_url


def site_host(settings) -> str:
    """``scheme://host`` of the site's baseURL, or "" when it names no host; a baseURL
    without a scheme (Flink's ``//nightlies.apache.org/flink/…``) is read with https, as a
    browser opens it from the site."""
    site = split_url(settings.base_url)
    return f"{site.scheme or 'https'}://{site.netloc}" if site.netloc else ""


def image_candidates(settings, page: Page, src: str) -> list[Path]:
    """Where Hugo would look for an image: static folders, assets, the page bundle."""
    src = src.strip()
    parts = split_url(src)
    if parts.scheme or parts.netloc:
        return []
    path = unquote(parts.path)
    candidates: list[Path] = []
    base = settings.base_path
    folders = settings.static_dirs + settings.assets_dirs
    if path.startswith("/"):
        rel = path[len(base):] if base != "/" and path.startswith(base) else path.lstrip("/")
        for variant in dict.fromkeys([rel, path.lstrip("/")]):
            published = settings.static_file(variant)  # static mounts, the later one winning
            if published is not None:
                candidates.append(published)
            candidates.extend(folder / variant for folder in folders)
        candidates.extend(_bundle_files(settings, page, path))
    else:  # as the browser resolves it: against the page's address, not its file's folder
        stem = PurePosixPath(page.rel).stem  # index.fr.md and page.fr.md: no language suffix
        if stem in ("index", "_index"):  # a bundle's own files, published beside the page
            candidates.append(page.path.parent / path)
            if named := named_resource(page, path):  # a name from its resources front matter
                candidates.append(named)
        elif page.kind == "page":  # a bundle folder at the page's address (docs/foo/img/…)
            candidates.append(page.path.parent / stem / path)
        page_dir = urljoin(page.url, path)
        rel = page_dir[len(base):] if page_dir.startswith(base) else page_dir.lstrip("/")
        published = settings.static_file(rel)
        if published is not None:
            candidates.append(published)
        candidates.extend(folder / rel for folder in folders)
        # A file of the content folders published at that address ("../img/a.png" from
        # docs/guide/page.md is docs/img/a.png): Hugo publishes the files of a section's
        # folders at their own path below it.
        candidates.extend(_bundle_files(settings, page, page_dir))
        # Last, what a writer's editor shows (the file's folder) and the static root: the web
        # page may show no picture there, the manual at least the one the writer meant.
        if stem not in ("index", "_index"):
            candidates.append(page.path.parent / path)
        candidates.extend(folder / path for folder in folders)
    return candidates


def _bundle_files(settings, page: Page, path: str) -> list[Path]:
    """The files an address below the page's own, or an ancestor's, names in that page's
    bundle: Hugo publishes a bundle's files at its page's address, so a page may show its
    section's picture as "/ko/docs/guide/img/shot.png" (the nearest bundle first), whichever
    of the language's content folders holds the file."""
    found: list[Path] = []
    owner: Page | None = page
    while owner is not None:
        url = owner.url if owner.url.endswith("/") else owner.url + "/"
        bundle = PurePosixPath(owner.rel).stem in ("index", "_index")
        if (bundle and url.startswith("/") and path.lower().startswith(url.lower())
                and ".." not in PurePosixPath(path).parts):
            found.extend(folder / path[len(url):] for folder in bundle_folders(settings, owner))
        owner = owner.parent
    return found


def resolve_image(settings, page: Page, src: str) -> Path | None:
    """The file Hugo would serve for ``src`` on ``page``: the first candidate that is a file
    and not left out of the language by its mount's includeFiles or excludeFiles (Hugo
    publishes no such file: the web page shows no picture)."""
    return _first_file(settings, page, src, left_out=False)


def _first_file(settings, page: Page, src: str, left_out: bool) -> Path | None:
    """The first candidate for ``src`` that is a file and that a mount's includeFiles or
    excludeFiles leave out (``left_out``) or keep."""
    for candidate in image_candidates(settings, page, src):
        try:
            if candidate.is_file() and left_out_by_mount(settings, page.lang, candidate) == left_out:
                return candidate
        except OSError:  # a folder on the way that may not be read: see refusal
            continue
    return None


def refusal(path: Path) -> OSError | None:
    """Why the system will not let the file be read (chmod 000 on it, or on a folder on its
    way), or None: it can be read, or it is simply not there."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            return None
        if not stat.S_ISREG(mode):  # opening a named pipe waits for a writer, forever
            return OSError(errno.EINVAL, "it is not a regular file but a named pipe or a device")
        with open(path, "rb"):
            return None
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return None  # ValueError: a name no file can have (a NUL, from "%00"): not there
    except OSError as exc:
        return exc


# --- images ------------------------------------------------------------------------------


# Where a lazy loader (lazysizes, lozad, jQuery lazyload, WordPress) keeps the picture that
# it puts into src once the reader scrolls to it; src holds a placeholder until then.
_LAZY_SOURCES = ("data-src", "data-original", "data-lazy-src")
_LAZY_SETS = ("data-srcset", "data-lazy-srcset")


def shown_source(img: ET.Element) -> str:
    """The address of the picture a reader of the web page sees: a lazy loader's over its
    placeholder, else ``src``, else the largest candidate of ``srcset`` (paper wants the
    most pixels)."""
    for name in _LAZY_SOURCES:
        if (img.get(name) or "").strip():
            return img.get(name)
    for name in _LAZY_SETS:  # the loader puts one of these where the placeholder src was
        if (img.get(name) or "").strip():
            return largest_candidate(img.get(name))
    if (img.get("src") or "").strip():
        return img.get("src")
    if (img.get("srcset") or "").strip():
        return largest_candidate(img.get("srcset"))
    return img.get("src") or ""


def largest_candidate(srcset: str) -> str:
    """The candidate of a ``srcset`` with the largest width (``800w``), else density
    (``2x``; none written is 1x); the first of equals."""
    best, best_key = "", (-1, -1.0)
    for address, descriptor in srcset_candidates(srcset):
        descriptor = descriptor.lower()
        try:
            value = float(descriptor[:-1])
        except ValueError:
            continue
        key = (1 if descriptor.endswith("w") else 0, value) if descriptor[-1:] in "wx" else (-1, 0.0)
        if key > best_key:
            best, best_key = address, key
    return best


_SPACE = " \t\n\f\r"  # HTML's whitespace


def srcset_candidates(srcset: str) -> list[tuple[str, str]]:
    """Each candidate of a ``srcset``: its address and its first descriptor ("1x" when it
    writes none), split as HTML splits them: an address runs to the next whitespace, so a
    comma inside it (``data:image/png;base64,…``, ``/img/a,b.png``) is part of it, and a
    comma ends a candidate only after its address."""
    found: list[tuple[str, str]] = []
    pos, end = 0, len(srcset)
    while True:
        while pos < end and (srcset[pos] in _SPACE or srcset[pos] == ","):
            pos += 1
        if pos >= end:
            return found
        start = pos
        while pos < end and srcset[pos] not in _SPACE:
            pos += 1
        address, descriptors = srcset[start:pos], ""
        if address.endswith(","):
            address = address.rstrip(",")
        else:
            start, depth = pos, 0
            while pos < end and (srcset[pos] != "," or depth > 0):
                depth += (srcset[pos] == "(") - (srcset[pos] == ")" and depth > 0)
                pos += 1
            descriptors = srcset[start:pos]
        found.append((address, (descriptors.split() or ["1x"])[0]))


def images(root: ET.Element, job: PageJob) -> None:
    """Each ``<img>`` pointed at its file (a virtual URL), or a placeholder and a finding."""
    parents = parent_map(root)
    seen: dict[str, int] = {}  # images come in source order: the next one is further down

    def find(needle: str, after: int = 0) -> int | None:  # not in a code sample that shows it
        found = job.line(needle, max(seen.get(needle, 0), after) + 1, outside_code=True)
        if found:
            seen[needle] = found
        return found

    line = None
    for img in list(root.iter("img")):
        src = shown_source(img)
        for name in (*_LAZY_SETS, "srcset"):  # the choice is made: paper has one picture
            img.attrib.pop(name, None)
        name = Path(unquote(split_url(src.strip()).path)).name
        line = ((job.output_line(src) if src else None) or find(src.strip()) or find(name)
                or find("<img", line or 0) or job.output_line(src.strip()))
        src = _own_site_path(job.ctx.settings, src)
        if data_url.is_data_url(src):
            _data_image(img, parents, job, src, line)
            continue
        if is_web_address(src):
            found = _remote_file(job, src, line)
            if found is None:
                web_placeholder(img, parents, src)
                continue
        else:
            found = _image_file(job, src, line)
        if found is None:
            placeholder(img, parents, src, job.ctx.labels)
            continue
        path, url, info = found
        job.ctx.found_images[img] = FoundImage(path, url, info, job.page.path, line)
        keep_author_size(img)
        if info.width and info.height:
            img.set("data-aspect", f"{info.aspect:.3f}")
            img.set("width", str(info.width))
            img.set("height", str(info.height))
        img.set("src", url)
        img.set("data-source", path.name)
        add_class(img, "screenshot")
    inline_svg_images(root, job)


def inline_svg_images(root: ET.Element, job: PageJob) -> None:
    """A ``data:`` picture inside an ``<svg>`` written into the page is checked as one in an
    SVG file is: what the fetcher would refuse is an error now, not a log line at layout;
    and so is a size WeasyPrint's layout cannot divide by."""
    inner: set[int] = set()  # an <svg> inside another is drawn with it
    for el in root.iter():
        name = local_name(el.tag)
        address = (el.get(XLINK_HREF) or el.get("href") or el.get("xlink:href") or "").strip()
        if name == "svg" and id(el) not in inner:
            inner.update(id(below) for below in el.iter() if below is not el)
            if problem := svg_size_problem(el) or inline_svg_problem(el, job.page.path):
                job.error("image-unreadable", f"an <svg> written in the page: {problem}",
                          job.line("<svg"))
        if name in ("image", "feImage") and data_url.is_data_url(address):
            problem = data_url.decode(address).problem
            if problem:
                job.error("image-unreadable", f'<{name}> "{shorten(address)}" in an <svg>: '
                          f"{problem}", job.line(address[:200]) or job.line("<svg"))


def inline_icons(root: ET.Element, job: PageJob) -> None:
    """An ``<svg>`` written into a sentence with no size of its own (only a viewBox) is an
    icon, which the site's theme sizes for the web: it prints one letter high, in the line.
    WeasyPrint, as a browser without the theme's stylesheet, gave it the whole text width,
    the sentence broken around a picture the size of the page.  An ``<svg>`` standing alone
    keeps its width: a diagram."""
    parents = parent_map(root)
    for svg in [el for el in root.iter() if local_name(el.tag) == "svg"]:
        parent = parents.get(svg)
        if parent is None or local_name(parent.tag) == "svg" or any(
                local_name(a.tag) == "svg" for a in ancestors(svg, parents)):
            continue
        style = svg.get("style") or ""
        if svg.get("width") or svg.get("height") or re.search(r"(?:^|;)\s*(?:width|height)\s*:",
                                                              style):
            continue
        if _in_running_text(svg, parent):
            svg.set("style", "height: 1em; width: auto; vertical-align: -0.125em;" + style)


def _in_running_text(el: ET.Element, parent: ET.Element) -> bool:
    """Whether ``el`` stands among words of its parent (not alone in its block)."""
    if (el.tail or "").strip() or (parent.text or "").strip():
        return True
    return any((sibling.tail or "").strip() or (sibling is not el and
                                                 "".join(sibling.itertext()).strip())
               for sibling in parent)


def _image_file(job: PageJob, src: str, line: int | None):
    """(file, virtual URL, ImageInfo) of an image, or None after reporting why not."""
    settings = job.ctx.settings
    parts = split_url(src.strip())
    if not src.strip() or src.strip().endswith("/"):
        job.warning("missing-image", f'image without a file name (src "{src}"); the PDF shows '
                    "a placeholder", line)
        return None
    if parts.scheme.lower() in ("http", "https") or (parts.netloc and not parts.scheme):
        return None  # on the web: the images pass prints its address instead (web_placeholder)
    # Any other address (javascript:, file:, ftp: …) but a drive letter (C:/…).
    if len(parts.scheme) > 1 or parts.netloc:
        job.error("image-address", f'image "{shorten(src)}" is neither a file of the site nor a '
                  "web address; a PDF cannot show it: copy the picture into static/", line)
        return None
    found = resolve_image(settings, job.page, src)
    if found is not None and job.ctx.roots.url_for(found) is None:
        return _usable(job, found, src, line)  # refused as outside the site, never opened
    if found is not None and (refused := refusal(found)):  # there, but refused to us
        job.error("image-unreadable", f'image "{found.name}": cannot read the file '
                  f"({refused.strerror or refused})", line)
        return None
    closed = None if found else next(((c, why) for c in image_candidates(settings, job.page, src)
                                      if job.ctx.roots.url_for(c) is not None
                                      and (why := refusal(c)) is not None), None)
    if closed is not None:  # there, perhaps, but a folder on the way is closed to us
        where, why = closed
        fix = "; allow reading it" if isinstance(why, PermissionError) else ""
        job.error("image-unreadable", f'image "{src}" cannot be read: {why.strerror[:1].lower()}'
                  f"{why.strerror[1:]} ({show(where, settings.site_root)}){fix}", line)
        return None
    if found is None and (kept_out := _first_file(settings, job.page, src, left_out=True)):
        job.warning("missing-image", f'image "{src}" ({show(kept_out, settings.site_root)}) is '
                    "left out by its mount's includeFiles or excludeFiles, so Hugo does not "
                    "publish it and the web page shows no picture; the PDF shows a placeholder: "
                    "mount the file, or show another", line)
        return None
    if found is None:
        twin = case_twin(image_candidates(settings, job.page, src))
        hint = (f': the folder holds "{twin.name}", a name that differs only in case, which a '
                "build on Linux does not find either; write the name as the file has it"
                if twin is not None else "")
        job.warning("missing-image", f'image "{src}" not found in the static folders, the page '
                    f"bundle or assets; the PDF shows a placeholder{hint}", line)
        return None
    return _usable(job, found, src, line)


def case_twin(candidates: list[Path]) -> Path | None:
    """A file beside one of ``candidates`` whose name differs from it only in case
    ("arch_2.PNG" for "arch_2.png"), or None; each folder is listed once."""
    listed: dict[Path, list[str]] = {}
    for candidate in candidates:
        folder = candidate.parent
        if folder not in listed:
            try:
                listed[folder] = [entry.name for entry in folder.iterdir() if entry.is_file()]
            except OSError:
                listed[folder] = []
        wanted = candidate.name.casefold()
        twin = next((name for name in listed[folder]
                     if name.casefold() == wanted and name != candidate.name), None)
        if twin is not None:
            return folder / twin
    return None


def _remote_file(job: PageJob, src: str, line: int | None):
    """(file, virtual URL, ImageInfo) of a picture on the web, fetched into the cache when
    the site says ``remote_images = "fetch"``; else None after a warning (the caller prints
    the address in a frame)."""
    folder = job.ctx.roots.mapping.get("remote")
    if job.ctx.settings.print.remote_images != "fetch" or folder is None:
        job.warning("remote-image", f'image "{shorten(src)}" is on the web, not in the site; the '
                    "PDF prints its address in a frame: copy the picture into static/ (or set "
                    '[print] remote_images = "fetch") to print it', line)
        return None
    fetched = remote.fetch(src.strip(), folder)
    if fetched.path is None:
        job.warning("remote-image", f'image "{shorten(src)}" is on the web and {fetched.problem}; '
                    "the PDF prints its address in a frame", line)
        return None
    return _usable(job, fetched.path, src, line)


def _usable(job: PageJob, found: Path, src: str, line: int | None):
    """(file, virtual URL, ImageInfo) of an image file that the PDF may read and can print,
    or None after an error."""
    url = job.ctx.roots.url_for(found)
    if url is None:
        job.error("refused-resource", f'image "{shorten(src)}" resolves outside the site ({found}); '
                  "refused", line)
        return None
    info = job.ctx.inspect_image(found)
    if info.problem:
        job.error("image-unreadable", f'image "{found.name}": {info.problem}', line)
        return None
    if found.suffix.lower() == ".svg" and not svg_references_print(job, found):
        return None
    return found, url, info


_DIMENSION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(%|px)?\s*$", re.IGNORECASE)
_STYLE_SIZE = re.compile(r"(^|;)\s*(width|height)\s*:", re.IGNORECASE)


def keep_author_size(img: ET.Element) -> None:
    """The size a page gives a picture (``width``/``height`` attributes, as Hugo's and
    Docsy's ``figure`` write them: pixels or a percentage) becomes its style, as a browser
    sizes it: the attributes are about to hold the file's pixel size (which the layout and
    the screenshot preparation read), and the stylesheet sizes screenshots by their pixels.
    Pixels are CSS pixels (1/96 inch); ``max-width: 100%`` keeps a picture within the text
    width, and a style the page wrote wins."""
    style = img.get("style") or ""
    written = {m.group(2).lower() for m in _STYLE_SIZE.finditer(style)}
    given = []
    for name in ("width", "height"):
        match = _DIMENSION.match(img.get(name) or "")
        if match is None or name in written or float(match.group(1)) <= 0:
            continue
        if match.group(2) == "%" and name == "height":
            continue  # a percentage of the height of a block of text: browsers ignore it too
        given.append(f"{name}: {match.group(1)}{match.group(2) or 'px'}")
    if len(given) == 1:  # the other side follows the picture's proportions
        given.append(("height" if given[0].startswith("width") else "width") + ": auto")
    if given:
        img.set("style", "; ".join(given) + (f"; {style}" if style.strip() else ""))


def _data_image(img: ET.Element, parents: dict, job: PageJob, src: str, line: int | None) -> None:
    """A picture written into the page as a ``data:`` address prints as it is (the fetcher
    decodes it); one that holds no image, or a damaged one, is an error and a placeholder,
    here rather than at layout, so that ``check`` says it too."""
    image = data_url.decode(src)
    if image.problem:
        code = "image-address" if not image.media_type.startswith("image/") else "image-unreadable"
        job.error(code, f'image "{shorten(src.strip())}": {image.problem}', line)
        placeholder(img, parents, "data:", job.ctx.labels)
        return
    img.set("src", src.strip())
    if image.width and image.height:
        img.set("data-aspect", f"{image.width / image.height:.3f}")
        img.set("width", str(image.width))
        img.set("height", str(image.height))
    add_class(img, "screenshot")


def svg_references_print(job: PageJob, svg: Path) -> bool:
    """Whether every picture an SVG of the site loads will print: a ``data:`` image inside
    it (what diagram editors export), or a file beside it inside the site.  Anything else
    (an address on the web, a file outside the site, a data: address of no image) the
    fetcher refuses at layout, where WeasyPrint only logs it: it is reported here instead,
    at its line in the SVG, so that ``check`` and ``build`` agree.  Links (``<a href>``)
    load nothing and are not looked at."""
    raw = svg.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    try:
        tree = ET.fromstring(raw)
    except ET.ParseError:  # inspect() reported it already
        return True
    ok = True
    for name, address in svg_loads(tree):
        problem = _svg_reference_problem(job, svg, address)
        if not problem and not data_url.is_data_url(address):
            # drawn from the file at layout: part of what the PDF is made from (document key)
            job.ctx.files.append(svg.parent / unquote(split_url(address).path))
        at = text.find(address[:200])
        line = text.count("\n", 0, at) + 1 if at >= 0 else None
        if problem:
            job.ctx.findings.error("refused-resource", f"resource refused: {shorten(address)} "
                                   f"({problem}), which {name} in {svg.name} loads; the SVG "
                                   "cannot print", svg, line, lang=job.ctx.lang)
            ok = False
        elif name in ("<image>", "<feImage>") and (unusable := _loaded_image_problem(job, svg, address)):
            job.ctx.findings.error("image-unreadable", f'{name} in {svg.name} loads '
                                   f'"{shorten(address)}": {unusable}; the SVG cannot print',
                                   svg, line, lang=job.ctx.lang)
            ok = False
    if ok and (address := _svg_loop(job, svg)):
        at = text.find(address[:200])
        job.ctx.findings.error("image-unreadable", f'{svg.name} loads "{shorten(address)}", which '
                               "leads back to it: WeasyPrint would draw the SVGs inside each "
                               "other endlessly, and prints neither; break the circle",
                               svg, text.count("\n", 0, at) + 1 if at >= 0 else None,
                               lang=job.ctx.lang)
        ok = False
    return ok


def _svg_loop(job: PageJob, svg: Path) -> str | None:
    """The address in ``svg`` through which it ends up loading itself (``<image
    href="b.svg">`` in a.svg, and one of a.svg in b.svg), or None."""
    start = svg.resolve()
    for address, first in _svg_files_loaded(job, svg):
        seen, todo = set(), [first]
        while todo:
            real = todo.pop().resolve()
            if real == start:
                return address
            if real not in seen:
                seen.add(real)
                todo.extend(target for _, target in _svg_files_loaded(job, real))
    return None


def _svg_files_loaded(job: PageJob, svg: Path) -> list[tuple[str, Path]]:
    """(address, file) of each SVG file of the site that an SVG's pictures load."""
    try:
        tree = ET.fromstring(svg.read_bytes())
    except (OSError, ET.ParseError):
        return []  # reported where it is shown
    found = []
    for el in tree.iter():
        name = local_name(el.tag)
        address = (el.get(XLINK_HREF) or el.get("href") or "").strip()
        parts = split_url(address)
        if name not in ("image", "feImage") or parts.scheme or parts.netloc or not parts.path:
            continue
        target = svg.parent / unquote(parts.path)
        if (target.suffix.lower() == ".svg" and job.ctx.roots.url_for(target) is not None
                and target.is_file()):
            found.append((address, target))
    return found


def _loaded_image_problem(job: PageJob, svg: Path, address: str) -> str | None:
    """Why a picture file an SVG loads cannot be drawn (damaged, an SVG WeasyPrint cannot
    draw), or None; build reported these only as "Failed to load image", check not at all."""
    if data_url.is_data_url(address):
        return None  # checked with the SVG's other data: pictures
    return job.ctx.inspect_image(svg.parent / unquote(split_url(address).path)).problem


def _svg_reference_problem(job: PageJob, svg: Path, address: str) -> str | None:
    """Why the fetcher would refuse what an SVG names, or None."""
    if data_url.is_data_url(address):
        return data_url.decode(address).problem
    parts = split_url(address)
    if parts.scheme or parts.netloc:
        return "outside the site: an SVG prints only files of the site and data: images"
    target = svg.parent / unquote(parts.path)
    if "\x00" in str(target):
        return "no such file: a file name cannot hold a NUL character (%00)"
    if not parts.path or job.ctx.roots.url_for(target) is None:
        return "a file outside the site"
    if not target.is_file():
        return "no such file"
    return None


def _own_site_path(settings, src: str) -> str:
    """An address on the site's own host (``https://example.org/docs/img/a.png`` with that
    baseURL) is a file of the site: its path, resolved as the site's other images are."""
    host = site_host(settings)
    address = src.strip()
    if host and address.startswith(host + "/"):
        return address[len(host):]
    return src


def is_web_address(src: str) -> bool:
    parts = split_url(src.strip())
    return parts.scheme.lower() in ("http", "https") or (bool(parts.netloc) and not parts.scheme)


def web_placeholder(img: ET.Element, parents: dict, src: str) -> None:
    """A framed note in place of a picture on the web: its description and its address,
    which a reader can open (the web page shows it from there); inside a link (a badge),
    the address as text, the link being the outer one's."""
    address = src.strip()
    address = "https:" + address if address.startswith("//") else address
    frame = ET.Element("span", {"class": "missing-image remote-image"})
    alt = " ".join((img.get("alt") or img.get("title") or "").split())
    if alt:
        ET.SubElement(frame, "span", {"class": "remote-alt"}).text = alt
        ET.SubElement(frame, "br")
    if _inside_link(img, parents):  # a badge that links elsewhere: no link in a link
        ET.SubElement(frame, "span", {"class": "remote-address"}).text = address
    else:
        ET.SubElement(frame, "a", {"href": address, "class": "external bare"}).text = address
    _put_in_place_of(img, frame, parents)


def _inside_link(el: ET.Element, parents: dict) -> bool:
    """Whether ``el`` is inside an ``<a>``: a link written there would end the outer one
    (HTML has no link in a link), and the frame would break around it."""
    parent = parents.get(el)
    while parent is not None:
        if parent.tag == "a":
            return True
        parent = parents.get(parent)
    return False


def placeholder(img: ET.Element, parents: dict, src: str, labels: dict[str, str]) -> None:
    name = Path(unquote(split_url(src).path)).name or src
    span = ET.Element("span", {"class": "missing-image"})
    span.text = f"{labels['missing_image']}: {name}"
    _put_in_place_of(img, span, parents)


def _put_in_place_of(img: ET.Element, new: ET.Element, parents: dict) -> None:
    """``new`` where the image was, with the text that followed it."""
    new.tail = img.tail
    parent = parents.get(img)
    if parent is not None:
        index = list(parent).index(img)
        parent.remove(img)
        parent.insert(index, new)


# --- videos and recordings ---------------------------------------------------------------


def videos(root: ET.Element, job: PageJob) -> None:
    """Paper cannot play a video: each ``<video>`` (raw, or a theme's video shortcode), each
    ``<audio>`` and each embedded page (``<iframe>``, which printed blank) becomes a framed
    note, as youtube and vimeo print: the label "Video", its title linking to the address
    to watch it at, its caption, and its poster when that is a file of the site.  The
    fallback text inside ("your browser does not support…") goes."""
    parents = parent_map(root)
    for video in [el for el in root.iter() if el.tag in ("video", "audio", "iframe")]:
        parent = parents.get(video)
        if parent is None:
            continue
        note = _media_note(job, video)
        _replace_with_note(root, parents, parent, video, note)


# Hosts whose embedded pages (<iframe src>) play a video.
_VIDEO_HOSTS = re.compile(r"(^|\.)(youtube(-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com"
                          r"|wistia\.(com|net)|loom\.com)$", re.IGNORECASE)


def _media_kind(job: PageJob, element: ET.Element) -> str:
    """"Video", or "Audio" for a recording; an embedded web page (an ``<iframe>``, which a
    PDF cannot show and WeasyPrint left blank) is a video when its host plays videos, else
    it is named by its address alone."""
    if element.tag != "iframe":
        return job.ctx.labels[element.tag]
    host = split_url((element.get("src") or "").strip()).hostname or ""
    return job.ctx.labels["video"] if _VIDEO_HOSTS.search(host) else ""


def _media_note(job: PageJob, video: ET.Element) -> ET.Element:
    kind_label = _media_kind(job, video)
    src = (video.get("src") or next((source.get("src") for source in video.iter("source")
                                     if source.get("src")), None) or "").strip()
    title = own_name(video)
    note = ET.Element("div", {"class": f"media-note {video.tag}-note"})
    what = title or Path(unquote(split_url(src).path)).name
    poster = _poster(job, (video.get("poster") or "").strip(),
                     f"{kind_label}: {what}" if what else kind_label)
    if poster is not None:
        note.append(poster)
    line = ET.SubElement(note, "p", {"class": "media-link"})
    kind = None
    if kind_label:  # an embedded page of no video host is named by its address alone
        kind = ET.SubElement(line, "span", {"class": "media-kind mg-label"})
        kind.text = kind_label
        kind.tail = " "
    address = site_address(job.ctx.settings, job.page, src) if src else ""
    if split_url(address).scheme in ("http", "https"):
        link = ET.SubElement(line, "a", {"href": address, "class": "external media-address"})
        link.text = title or address
        if not title:
            add_class(link, "bare")
    else:  # no host to name (a site without baseURL): the path, as text
        if title and kind is not None:
            kind.tail = f" {title} "
        elif title:
            line.text = f"{title} "
        if address:
            ET.SubElement(line, "span", {"class": "media-address"}).text = (
                f"({address})" if title else address)
    return note


def _replace_with_note(root: ET.Element, parents: dict, parent: ET.Element, video: ET.Element,
                       note: ET.Element) -> None:
    """A figure that only frames the video (and its caption) becomes the note itself; so
    does a paragraph around it (Markdown wraps a one-line <video …></video>)."""
    captions = [c for c in parent if c.tag == "figcaption"]
    alone = all(c is video or c.tag == "figcaption" for c in parent) and not (
        (parent.text or "").strip() or any((c.tail or "").strip() for c in parent))
    if parent.tag in ("figure", "p") and alone and parent is not root:
        for caption in captions:
            caption.tag = "p"
            caption.attrib = {"class": "media-caption"}
            caption.tail = None
            note.append(caption)
        note.tail = parent.tail
        outer = parents[parent]
        index = list(outer).index(parent)
        outer.remove(parent)
        outer.insert(index, note)
    else:
        note.tail = video.tail
        index = list(parent).index(video)
        parent.remove(video)
        parent.insert(index, note)


def site_address(settings, page: Page, src: str) -> str:
    """The web address of a file a page names: as written when it has a host; else the
    page's own file (relative) or the site's (leading "/"), on the site's host."""
    parts = split_url(src)
    if parts.scheme or parts.netloc:  # data:, blob:, javascript: … name nothing to visit
        return ("https:" + src) if src.startswith("//") else (
            src if parts.scheme.lower() in ("http", "https") else "")
    path = src if src.startswith("/") else urljoin(page.url or "/", src)
    return site_host(settings) + path


def _poster(job: PageJob, src: str, alt: str) -> ET.Element | None:
    """The poster image of a video, or None: only a file of the site is printed (the images
    pass resolves it); a missing one is reported, an address is left out."""
    parts = split_url(src)
    if not src or parts.scheme or parts.netloc:
        return None
    if resolve_image(job.ctx.settings, job.page, src) is None:
        job.warning("missing-image", f'video poster "{src}" not found in the static folders, '
                    "the page bundle or assets; the video is printed without it",
                    job.output_line(src) or job.line(src))
        return None
    figure = ET.Element("figure", {"class": "video-poster"})
    ET.SubElement(figure, "img", {"src": src, "alt": alt})
    return figure


# --- other files -------------------------------------------------------------------------


def other_resources(root: ET.Element, job: PageJob) -> None:
    """``<object data>``, ``<embed src>``, ``<link rel="attachment" href>``, what an inline
    ``<svg>`` loads (``<image href>``) and ``url()`` in style attributes name the site's
    files as ``<img>`` does: point them at
    the files, or leave out what is not there (WeasyPrint would refuse the address and stop
    the build, where ``check`` said nothing)."""
    parents = parent_map(root)
    for el in list(root.iter()):
        attr = {"object": "data", "embed": "src"}.get(el.tag if isinstance(el.tag, str) else "")
        if el.tag == "link" and "attachment" in (el.get("rel") or "").lower().split():
            attr = "href"  # WeasyPrint embeds the file in the PDF
        if el.tag in ("image", "use", "feImage"):  # what an inline <svg> loads
            attr = next((a for a in ("href", "xlink:href") if el.get(a)), None)
            address = (el.get(attr) or "").strip() if attr else ""
            if address.startswith("#") or data_url.is_data_url(address):
                attr = None  # a part of the same drawing, or checked by inline_svg_images
        if attr and el.get(attr):
            url = _resource_url(job, el.get(attr) or "", f"<{el.tag}>")
            if url:
                el.set(attr, url)
            elif el.tag == "object":
                del el.attrib[attr]  # its own content is printed instead
            else:
                remove(el, parents)
        style = el.get("style") or ""
        if "url(" in style:
            el.set("style", CSS_URL.sub(functools.partial(_style_url, job, _in_svg(el, parents)),
                                         style))


def _in_svg(el: ET.Element, parents: dict) -> bool:
    while el is not None:
        if el.tag == "svg":
            return True
        el = parents.get(el)
    return False


def _style_url(job: PageJob, in_svg: bool, match: re.Match) -> str:
    """A ``url()`` of a style attribute pointed at the site's file, or ``none``; inside an
    ``<svg>``, one that names a part of the same drawing (``url(#gradient)``) stays."""
    if in_svg and match.group(2).strip().startswith("#"):
        return match.group(0)
    url = _resource_url(job, match.group(2), "url() in a style")
    return f'url("{url}")' if url else "none"


def _resource_url(job: PageJob, src: str, what: str) -> str | None:
    """The virtual URL of a file a page names (a ``data:`` image as it is), or None with a
    finding."""
    line = job.line(src[:200])
    src = _own_site_path(job.ctx.settings, src)
    if data_url.is_data_url(src):
        problem = data_url.decode(src).problem
        if problem is None:
            return src.strip()
        job.warning("missing-image", f'{what}: "{shorten(src.strip())}": {problem}; it is left out',
                    line)
        return None
    parts = split_url(src.strip())
    found = None if (len(parts.scheme) > 1 or parts.netloc) else resolve_image(
        job.ctx.settings, job.page, src)
    url = job.ctx.roots.url_for(found) if found else None
    if url:
        job.ctx.files.append(found)  # for the document key and the attribution of messages
    if found and url is None:
        job.error("refused-resource", f'{what}: "{src}" resolves outside the site ({found}); '
                  "refused", line)
    elif url is None:
        job.warning("missing-image", f'{what}: "{shorten(src)}" is not a file of the site; it is '
                    "left out", line)
    elif found.suffix.lower() == ".svg" and (problem := job.ctx.inspect_image(found).problem):
        job.error("image-unreadable", f'{what}: "{shorten(src)}": {problem}', line)
        return None
    return url
