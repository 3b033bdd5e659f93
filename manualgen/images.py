"""Screenshots: check each image before WeasyPrint sees it, then prepare it for paper.

Checking: WeasyPrint draws truncated PNGs without a word and loads almost anything as an
image, so each file is opened and verified here (readable, complete, a sane pixel size).

Preparing: WeasyPrint 70 re-encodes every PNG with Pillow (decode, convert, deflate; an RGBA
image twice, colour and alpha) and passes JPEGs through untouched; png_embed.py makes it pass
simple PNGs (8-bit grey or RGB, or a palette, without alpha) through untouched as well.
Measured on 24 of the corpus' 1900-pixel RGBA screenshots printed 100 mm wide, the render
took 3.5 s as they are, 1.5 s as RGB, 0.54 s as RGB scaled to 200 ppi, 0.18 s as JPEG.  So
each image is prepared once for the size it is printed at:

- scaled down (never up) to ``print.image_ppi`` at its printed width: by averaging blocks
  of pixels when a whole factor lands within a quarter above that, else with a bicubic
  filter (a JPEG four or more times too wide is first decoded at a fraction of its size);
- an alpha channel that is opaque (to within 2 %) is dropped (half of WeasyPrint's work on
  RGBA);
- a palette PNG or a JPEG that is small enough already is used as it is, not even decoded;
  an image of at most 256 colours that is not scaled becomes a palette PNG of exactly its
  colours;
- photo-like images become JPEG (quality 88, no chroma subsampling); UI-like ones stay PNG,
  because JPEG rings around small text.  "Photo-like" is measured, not guessed: the image
  becomes JPEG only when its PNG would be more than ``PHOTO_RATIO`` times larger.

Prepared files live in the cache folder under a name made of the hash of the source bytes
and the options, so they are made once, shared by all languages and processes, and their
virtual URL (``cache/img/<hash>.png``) is the same in every folder: WeasyPrint names image
objects after the URL, so the PDF bytes stay the same too.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import math
import re
import warnings
from collections.abc import Callable
from pathlib import Path

from .xml_names import local_name

MAX_PIXELS = 40_000_000  # about 6300 × 6300: far beyond any screenshot

PREPARE_VERSION = "6"  # part of every prepared file's name: bump it when the recipe changes
INSPECT_VERSION = "3"  # part of every kept inspection's name: bump it when inspect() learns more
JPEG_QUALITY = 88
# PNGs go into the PDF byte for byte (png_embed.py), so their zlib level is the PDF's: on
# the French corpus level 1 gave a 2.23 MB PDF, 6 gave 2.05 MB, 9 gave 2.01 MB for 0.3 s more.
# Level 4: the corpus' prepared images 1.8 % larger than at 6, 2.7 % less CPU for the whole
# preparation (level 3: 11 % larger for 6 %).
PNG_LEVEL = 4
# PNG bytes (at zlib level 1) / JPEG bytes above which an image counts as photo-like.
PHOTO_RATIO = 2.15
REDUCED_MAX = 1.25  # a whole-factor reduction may leave this much more than the target width
OPAQUE_ALPHA = 250  # an alpha channel with no value below this is dropped (see _normalise_mode)
QUANTIZE_PSNR = 32.0  # dB: corpus UI shots map at 34–44 dB, no visible change at 2× zoom
PREPARED_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff"}



@dataclasses.dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    format: str
    problem: str | None = None  # why the image cannot be printed, or None

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 0.0


def inspect(path: Path, full: bool = False) -> ImageInfo:
    """Open the image once and report what is wrong with it, if anything.

    A PNG's chunks and checksums are read; ``full`` also decodes its pixels (``check``
    does, as it prepares nothing; a build decodes them when it prepares the image).
    Nothing is remembered here: a language's state remembers what it inspected
    (reuse.LanguageState.inspect)."""
    if path.suffix.lower() == ".svg":
        data = path.read_bytes()
        if b"<svg" not in data[:4096].lower():
            return ImageInfo(0, 0, "SVG", "not an SVG file")
        from xml.etree import ElementTree

        try:  # WeasyPrint would leave it out with no reason given
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError as exc:
            return ImageInfo(0, 0, "SVG", f"the SVG is not valid XML ({exc})")
        return ImageInfo(0, 0, "SVG", svg_problem(root, path.as_uri()))
    with _strict_decoding():
        return _decode(path, full)


def svg_problem(root, url: str) -> str | None:
    """Why WeasyPrint cannot size or draw a parsed SVG (from a file, or a ``data:``
    address: ``url``), or None."""
    return (svg_size_problem(root) or _svg_no_size(root) or _svg_drawing_problem(root)
            or _svg_trial(root, url))


XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)""")  # group 2: the address
_SVG_LOADS = ("image", "feImage", "use")  # the elements whose href WeasyPrint fetches


# A font an SVG's own stylesheet loads: WeasyPrint fetches each @font-face's src
_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.IGNORECASE)


def svg_loads(tree) -> list[tuple[str, str]]:
    """What an SVG loads from elsewhere as (what loads it, "<image>" or "@font-face", the
    address): the hrefs of its images and uses, and the fonts of its stylesheets; a part of
    the drawing itself ("#id") is no load."""
    loads = []
    for el in tree.iter():
        name = local_name(el.tag)
        if name in _SVG_LOADS:
            address = (el.get(XLINK_HREF) or el.get("href") or "").strip()
            if address and not address.startswith("#"):
                loads.append((f"<{name}>", address))
        elif name == "style":
            loads += [("@font-face", address.strip()) for block in _FONT_FACE.findall(
                "".join(el.itertext())) for _, address in CSS_URL.findall(block) if address.strip()]
    return loads


def _svg_no_size(root) -> str | None:
    """A picture whose width or height is 0 prints as nothing, without a word.  (An
    ``<svg width="0">`` written into a page is a web page's hidden sprite sheet: not this.)"""
    for name in ("width", "height"):
        written = (root.get(name) or "").strip()
        number = _SVG_NUMBER.fullmatch(written.removesuffix("px").removesuffix("%"))
        if number and float(number.group()) == 0:
            return f'the SVG\'s {name} is "{written}": it prints as nothing; give it a size'
    return None


def inline_svg_problem(element, page: Path) -> str | None:
    """What WeasyPrint cannot draw in an ``<svg>`` written into a page (drawn on a copy:
    WeasyPrint's SVG code may change what it is given)."""
    import copy

    copied = copy.deepcopy(element)
    return _svg_drawing_problem(copied) or _svg_trial(copied, page.as_uri())


def _svg_trial(root, url: str) -> str | None:
    from .svg_trial import draw_problem

    problem = draw_problem(root, url)
    return f"the SVG cannot be drawn: {problem}" if problem else None


_SVG_NUMBER = re.compile(r"\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def svg_size_problem(root) -> str | None:
    """A width or height too large for a number (height="1e999"): WeasyPrint's layout
    divides by it and stops with a ZeroDivisionError."""
    for name in ("width", "height"):
        number = _SVG_NUMBER.match(root.get(name) or "")
        if number and not math.isfinite(float(number.group())):
            return (f'the SVG\'s {name} "{root.get(name)[:40]}" is too large to be a length; '
                    "give it a size in pixels")
    return None


MAX_SVG_DEPTH = 500  # WeasyPrint draws an SVG's elements recursively: 1,000 levels fail
MAX_SVG_DRAWN = 200_000  # elements an SVG may draw, its <use>s expanded (WeasyPrint: ~20 s)


def _svg_drawing_problem(root) -> str | None:
    """What WeasyPrint fails to draw, with only "Failed to render SVG image" for a reason:
    elements nested too deeply, or a <use> that draws itself (directly or through others)."""
    depth, stack = 0, [(root, 1)]
    while stack and depth <= MAX_SVG_DEPTH:
        element, level = stack.pop()
        depth = max(depth, level)
        stack.extend((child, level + 1) for child in element)
    if depth > MAX_SVG_DEPTH:
        return f"the SVG is nested more than {MAX_SVG_DEPTH} levels deep, too deep to draw"
    cycle = _use_cycle(root)
    if cycle:
        return f'the SVG\'s <use> of "#{cycle}" draws itself, endlessly'
    if _drawn_through_uses(root) > MAX_SVG_DRAWN:
        return (f"the SVG's <use>s repeat its parts into more than {MAX_SVG_DRAWN:,} elements, "
                "too many to draw")
    return None


def _use_target(element) -> str:
    """The id a <use> draws ("#a" → "a"), or "" for any other element."""
    href = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href") or ""
    return href[1:] if local_name(element.tag) == "use" and href.startswith("#") else ""


def _drawn_through_uses(root) -> int:
    """How many elements drawing the SVG makes (at most a little past MAX_SVG_DRAWN), each
    <use> a copy of what it names: a chain of groups that each use the one before twice
    doubles at every step (2**30 elements from a file of 2 KB, drawn for hours).  The <use>s
    must draw no circle (_use_cycle)."""
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    parts = {name: [_use_target(inner) for inner in element.iter()] for name, element in by_id.items()}
    totals: dict[str, int] = {}
    for start in parts:  # depth first, each id's total once all it uses have theirs
        stack = [start]
        while stack:
            name = stack[-1]
            waiting = [t for t in parts[name] if t in parts and t not in totals and t != name]
            if waiting and name not in totals:
                stack.extend(waiting)
                continue
            stack.pop()  # counted no further than past the limit: 2**2000 is a long number
            totals.setdefault(name, min(MAX_SVG_DRAWN + 1, sum(1 + totals.get(t, 0) for t in parts[name])))
    return sum(1 + totals.get(_use_target(element), 0) for element in root.iter())


def _use_cycle(root) -> str | None:
    """The id of an element that a <use> inside it (or inside what it uses) draws again."""
    target = _use_target
    used = {target(element) for element in root.iter()} - {""}
    by_id = {element.get("id"): element for element in root.iter() if element.get("id") in used}
    draws = {name: {target(inner) for inner in element.iter()} - {""}
             for name, element in by_id.items()}
    for start, first in draws.items():  # a walk along the <use>s from each used element
        seen, todo = set(), list(first)
        while todo:
            name = todo.pop()
            if name == start:
                return start
            if name not in seen:
                seen.add(name)
                todo.extend(draws.get(name, ()))
    return None


@contextlib.contextmanager
def _strict_decoding():
    """WeasyPrint sets LOAD_TRUNCATED_IMAGES for the whole process once imported (it draws
    truncated or damaged PNGs in part, silently): checks and preparation must see the damage
    regardless."""
    from PIL import ImageFile

    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def _decode(path: Path, full: bool) -> ImageInfo:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                width, height = im.size
                fmt = im.format or "?"
                if width * height > MAX_PIXELS:
                    return ImageInfo(width, height, fmt,
                                     f"{width}×{height} pixels is too large to print; scale it down")
                if fmt == "PNG":
                    # Every chunk read and its checksum checked (a truncated or damaged file
                    # fails), without inflating the pixels: 1/100 of the time of a decode,
                    # which the preparation for print does anyway (png_embed.py checks the
                    # pixel data of the PNGs it copies into the PDF).  Decoding alone
                    # accepts a file cut after its pixel data, which verify() refuses:
                    # check (full) runs both, so that it says what build says.
                    im.verify()
                    if full:
                        with Image.open(path) as again:  # verify() leaves it unusable
                            again.load()
                else:
                    im.load()  # decodes everything: a truncated file fails here
    except UnidentifiedImageError:
        return ImageInfo(0, 0, "?", "not an image file Pillow can read")
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return ImageInfo(0, 0, "?", "image is too large (decompression bomb limit); scale it down")
    except (OSError, SyntaxError, ValueError) as exc:
        return ImageInfo(0, 0, "?", f"image is damaged or truncated ({exc})")
    if width < 1 or height < 1:
        return ImageInfo(width, height, fmt, "image has no pixels")
    if fmt == "PNG":
        missing = png_rows_missing(path.read_bytes())
        if missing:
            return ImageInfo(width, height, fmt, f"image is damaged: its pixel data ends "
                             f"{missing} bytes early, so rows would print empty")
    return ImageInfo(width, height, fmt)


_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # PNG colour type → samples per pixel
# Adam7: (x step, y step, x start, y start) of each of the seven passes
_ADAM7 = ((8, 8, 0, 0), (8, 8, 4, 0), (4, 8, 0, 4), (4, 4, 2, 0), (2, 4, 0, 2), (2, 2, 1, 0),
          (1, 2, 0, 1))


def png_rows_missing(data: bytes) -> int:
    """How many bytes of pixel data a PNG lacks (0: none, or not a PNG this can judge).

    A PNG whose compressed data ends properly but holds too few rows passes every chunk
    checksum, and Pillow draws the missing rows empty without a word; this inflates the
    data (about 7 ms for a 1900-pixel screenshot, once per file: inspections are kept in
    the cache) and compares its length with what the header promises."""
    import struct

    from .inflate import error, inflated_length

    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return 0
    pos, header, stream = 8, None, []
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR" and length == 13:
            header = struct.unpack(">IIBBBBB", data[pos + 8:pos + 21])
        elif kind == b"IDAT":
            stream.append(data[pos + 8:pos + 8 + length])
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None or header[3] not in _CHANNELS:
        return 0
    width, height, bits, colour, _, _, interlace = header
    expected = _png_data_size(width, height, bits * _CHANNELS[colour], interlace)
    try:
        found = inflated_length(b"".join(stream), expected)
    except error:
        return 0  # a damaged stream: Pillow says so itself
    return max(0, expected - found)


def _png_data_size(width: int, height: int, bits_per_pixel: int, interlace: int) -> int:
    def rows(w: int, h: int) -> int:
        return 0 if w <= 0 or h <= 0 else h * (1 + (w * bits_per_pixel + 7) // 8)

    if not interlace:
        return rows(width, height)
    return sum(rows(-(-(width - x0) // dx), -(-(height - y0) // dy))
               for dx, dy, x0, y0 in _ADAM7)


# --- printed size ------------------------------------------------------------------------


# --- preparation -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Prepared:
    path: Path  # the file to embed: the source itself when nothing would be gained
    width: int
    height: int
    format: str  # "PNG", "JPEG" or the source's own


def prepared_name(source_digest: str, target_width: int) -> str:
    """The cache file name (without suffix) for one source at one width."""
    key = (f"{PREPARE_VERSION}:{source_digest}:{target_width}:{JPEG_QUALITY}:{PHOTO_RATIO}:"
           f"{QUANTIZE_PSNR}:{PNG_LEVEL}:{OPAQUE_ALPHA}:{REDUCED_MAX}")
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def prepare(source: Path, source_digest: str, target_width: int, folder: Path,
            write: Callable[[Path, bytes], None]) -> Prepared:
    """The file WeasyPrint should embed for ``source`` printed ``target_width`` pixels wide.

    ``folder`` holds prepared files; ``write`` stores one atomically (other processes may be
    preparing the same image at the same moment: the last rename wins, with the same bytes).
    """
    name = prepared_name(source_digest, target_width)
    for suffix, fmt in ((".png", "PNG"), (".jpg", "JPEG")):
        found = folder / (name + suffix)
        if found.is_file():
            return Prepared(found, 0, 0, fmt)
    if source.suffix.lower() not in PREPARED_SUFFIXES:
        return Prepared(source, 0, 0, "")  # SVG and the like: vector, nothing to gain
    from PIL import Image, ImageOps

    with _strict_decoding(), Image.open(source) as opened:
        fmt = opened.format or ""
        if opened.width <= target_width and _embedded_as_is(opened, source):
            return Prepared(source, opened.width, opened.height, fmt)  # not even decoded
        rotated = opened.getexif().get(0x0112, 1) not in (None, 1)  # a PNG's decodes it
        if fmt == "JPEG" and not rotated:
            _draft(opened, target_width)
        im = ImageOps.exif_transpose(opened) if rotated else opened  # as WeasyPrint would
        im.load()
    drawn = im.mode in _DRAWN_MODES
    im, dropped_alpha = _normalise_mode(im)
    resized = im.width > target_width
    if resized:
        im = _scaled(im, target_width)
    changed = rotated or resized or not drawn
    rewritten = changed or dropped_alpha or fmt != "PNG"  # the source cannot be used as it is
    data, suffix, out_fmt = _encoded(im, changed, exact=rewritten and not resized)
    if not data:
        if not rewritten:
            return Prepared(source, im.width, im.height, fmt)
        data = _png(im)
    target = folder / (name + suffix)
    write(target, data)
    return Prepared(target, im.width, im.height, out_fmt)


def _embedded_as_is(opened, source: Path) -> bool:
    """True when the undecoded source, already small enough, needs no work at all: a JPEG
    that WeasyPrint passes through (RGB or grey, not turned by EXIF), or a palette PNG that
    png_embed copies into the PDF (no orientation or transparency, pixel data whole; a
    palette is never photo-like, so no JPEG is tried).  Neither is decoded: a PNG's EXIF
    is not even asked for, as Pillow decodes the whole image to look for it."""
    if opened.format == "JPEG":
        return opened.mode in ("RGB", "L") and opened.getexif().get(0x0112, 1) in (None, 1)
    if opened.format == "PNG" and opened.mode == "P":
        from .png_embed import parse

        return parse(source.read_bytes()) is not None
    return False


def _draft(opened, target_width: int) -> None:
    """Let a JPEG much larger than needed decode at 1/2, 1/4 or 1/8 of its size (the JPEG
    decoder scales in the frequency domain, at that fraction of the cost), keeping at least
    twice the pixels that are printed, which the bicubic filter then scales the rest of the
    way: Pillow's own thumbnail() does the same (its ``reducing_gap`` of 2)."""
    height = max(1, round(opened.height * target_width / opened.width))
    if opened.width >= 4 * target_width:
        opened.draft(None, (2 * target_width, 2 * height))


def _scaled(im, target_width: int):
    """``im`` at least ``target_width`` pixels wide, and at most a quarter more.

    When a whole factor k (2, 3, …) brings the image within a quarter above the target, each
    k × k block of pixels is averaged (``Image.reduce``): a UI screenshot's lines and text
    stay crisp, the few more pixels print at up to 250 ppi, and deflate packs them as small
    as a bicubic image of exactly the target (the corpus: 1900-pixel screenshots in the step
    column, 2.4 × too wide, became 950 pixels wide instead of 804 for the same bytes and
    5 % less CPU for the whole preparation).  Otherwise a bicubic filter, not Lanczos: on the
    corpus' screenshots the two differ by 38–45 dB (PSNR; no visible difference at 3× zoom)
    and bicubic takes about 0.7 of the time, on the largest single cost of a cold build's
    image stage; bilinear is faster still but visibly softens text.  ``reducing_gap``: a
    box reduction by a whole factor first when the image shrinks more than 6×, which Pillow
    documents as indistinguishable from a full pass."""
    from PIL import Image

    factor = im.width // target_width
    if factor >= 2 and -(-im.width // factor) <= REDUCED_MAX * target_width:
        return im.reduce(factor)
    height = max(1, round(im.height * target_width / im.width))
    return im.resize((target_width, height), Image.Resampling.BICUBIC, reducing_gap=3.0)


def _encoded(im, changed: bool, exact: bool) -> tuple[bytes, str, str]:
    """The image as a palette PNG, or JPEG when it is photo-like: (data, suffix, format);
    no data when it is best kept in its own mode (RGB, grey or RGBA: see :func:`_png`).

    ``changed`` (scaled, rotated or converted): mapped onto 256 colours when nobody could
    tell (:func:`_fewer_colours`).  ``exact``: a new file is written from pixels that were
    not resampled, so an image of at most 256 colours becomes a palette PNG of exactly its
    own colours: lossless, one byte a pixel, and no trial encodes to tell photo from UI."""
    if im.mode == "RGB":
        mapped = _own_palette(im) if exact else None
        if mapped is None and changed:
            mapped = _fewer_colours(im)
        if mapped is not None and mapped is not im:
            return _png(mapped), ".png", "PNG"
    if im.mode in ("RGB", "L"):  # no 256-colour version: a photo, or busy UI?
        # The PNG is tried at zlib level 1 (fast; PHOTO_RATIO is measured against it): a
        # level-6 PNG of a photo costs four times as long, only to be thrown away.
        trial, jpeg = io.BytesIO(), io.BytesIO()
        im.save(trial, format="PNG", compress_level=1)
        im.save(jpeg, format="JPEG", quality=JPEG_QUALITY, subsampling=0, optimize=False)
        if trial.tell() > PHOTO_RATIO * jpeg.tell():
            return jpeg.getvalue(), ".jpg", "JPEG"
    return b"", ".png", "PNG"


def _png(im) -> bytes:
    out = io.BytesIO()
    im.save(out, format="PNG", compress_level=PNG_LEVEL)
    return out.getvalue()


def _own_palette(im):
    """``im`` (RGB) as a palette image of exactly its own colours, or None when it has more
    than 256.  Pillow's mapping onto a given palette is approximate (a cache of 5–6 bits a
    channel) and its octree merges colours; a maximum-coverage split of at most 256
    colours gives each its own entry, and the result is checked pixel for pixel."""
    from PIL import Image, ImageChops

    counted = im.getcolors(256)  # stops counting at the 257th colour
    if counted is None:
        return None
    mapped = im.quantize(len(counted), method=Image.Quantize.MAXCOVERAGE,
                         dither=Image.Dither.NONE)
    if ImageChops.difference(im, mapped.convert("RGB")).getbbox() is not None:
        return None
    return mapped


def _fewer_colours(im):
    """The scaled image as a palette of at most 256 colours, when nobody could tell.

    Resampling a flat UI screenshot blends every edge into new colours, and deflate then
    compresses it worse than the larger original (1.7× the bytes for the corpus at full
    width).  Mapping it back onto 256 colours restores the flat runs, and the palette PNG is
    embedded as it is (one byte per pixel, ``/Indexed``): the French corpus PDF went from
    3.0 MB to 2.05 MB.  Only when the mapping is visually lossless (PSNR ≥ ``QUANTIZE_PSNR``)
    is it used; photo-like images fail that test and go on to the JPEG comparison untouched.
    """
    from PIL import Image, ImageChops, ImageStat

    mapped = im.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    diff = ImageChops.difference(im, mapped.convert("RGB"))
    mse = sum(v * v for v in ImageStat.Stat(diff).rms) / 3
    psnr = 99.0 if mse == 0 else 10 * math.log10(255 * 255 / mse)
    return mapped if psnr >= QUANTIZE_PSNR else im


# The modes WeasyPrint draws as they are (it converts 1 and P itself); others, such as a
# 16-bit grey PNG (I;16), it would print as noise or clipped to white.
_DRAWN_MODES = {"1", "L", "LA", "P", "RGB", "RGBA", "CMYK"}


def _normalise_mode(im):
    """RGB, L or (when transparency is really used) RGBA; True when an alpha was dropped.

    An alpha channel that is nowhere below ``OPAQUE_ALPHA`` is dropped too: such an image
    looks opaque (each pixel within 2 % of its colour over any background), and WeasyPrint
    would otherwise decode it, split off the alpha and deflate both again when it writes the
    PDF (four corpus screenshots with a few pixels at 254)."""
    had_alpha = im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info
    if im.mode == "I" or im.mode.startswith("I;16"):  # 16 bits of grey: keep the top 8
        im = im.convert("I").point(lambda v: v / 256).convert("L")
    if im.mode not in ("RGB", "L", "RGBA"):
        im = im.convert("RGBA" if had_alpha else "RGB")
    if im.mode == "RGBA":
        low, _high = im.getchannel("A").getextrema()
        if low >= OPAQUE_ALPHA:
            return im.convert("RGB"), True
    return im, False
