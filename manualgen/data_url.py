"""``data:`` addresses of images (RFC 2397): a picture written into the page or into an SVG.

Diagram editors (draw.io, Inkscape, Excalidraw) export SVGs whose bitmaps are ``<image
href="data:image/png;base64,…">``, and some pages paste a small picture the same way.  The
picture is inside the file, so printing it reaches nothing outside the site: the fetcher
decodes it (pdf.py) and the images pass checks it first (assemble/resources.py), with the
same rules here, so that ``check`` and ``build`` report the same problems.

Only images are accepted, and only up to :data:`MAX_DATA_BYTES` once decoded: a ``data:``
address of HTML, a script or a font is refused as any address outside the site is.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import io
import re
import warnings
import xml.etree.ElementTree as ET
from urllib.parse import unquote_to_bytes

# Decoded bytes: a diagram's embedded screenshots run to a few hundred kB; past this a page
# (or an SVG) carries a dump, and WeasyPrint would hold it all in memory.
MAX_DATA_BYTES = 10_000_000
IMAGE_TYPES = ("image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp",
               "image/svg+xml", "image/bmp")
_HEAD = re.compile(r"data:([^,]*),", re.IGNORECASE | re.DOTALL)


@dataclasses.dataclass(frozen=True)
class DataImage:
    """A decoded ``data:`` image, or why it cannot be printed (``problem``)."""

    media_type: str
    data: bytes = b""
    width: int = 0
    height: int = 0
    problem: str | None = None


def is_data_url(address: str) -> bool:
    return address.lstrip()[:5].lower() == "data:"


def decode(address: str, limit: int = MAX_DATA_BYTES) -> DataImage:
    """The image a ``data:`` address holds, checked as an image file is (readable, complete,
    a sane size); ``problem`` says what is wrong instead."""
    address = address.strip()
    head = _HEAD.match(address)
    if head is None:
        return DataImage("", problem="a data: address without its comma is not an image")
    params = [p.strip() for p in head.group(1).split(";")]
    media_type = (params[0] or "text/plain").lower()
    if media_type not in IMAGE_TYPES:
        return DataImage(media_type, problem=f"a data: address of {media_type}, not an image")
    payload = address[head.end():]
    if len(payload) > limit * 4 // 3 + 1024:  # checked before decoding it
        return DataImage(media_type, problem=f"a data: image over {limit // 1_000_000} MB; save "
                         "it as a file of the site")
    try:
        if any(p.lower() == "base64" for p in params[1:]):
            data = base64.b64decode(re.sub(r"\s+", "", unquote_to_bytes(payload).decode("ascii")),
                                    validate=True)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return DataImage(media_type, problem="the data: image's base64 text is damaged")
    if len(data) > limit:
        return DataImage(media_type, problem=f"a data: image over {limit // 1_000_000} MB; save it "
                         "as a file of the site")
    return _checked(media_type, data)


def _data_svg_load_problem(root) -> str | None:
    """A data: SVG is no file of the site: what it loads prints only when it is a data:
    image too; anything else (``/etc/passwd``, a file beside no file) the fetcher refuses."""
    from .images import svg_loads

    for name, address in svg_loads(root):
        if not is_data_url(address) or decode(address).problem:
            return (f'the data: SVG\'s {name} loads "{address[:80]}": a data: SVG may load '
                    "data: images only")
    return None


def _checked(media_type: str, data: bytes) -> DataImage:
    """The decoded bytes opened as the image they claim to be."""
    if media_type == "image/svg+xml":
        from .images import svg_problem

        try:
            root = ET.fromstring(data)
        except ET.ParseError as exc:
            return DataImage(media_type, data, problem=f"the data: SVG is not valid XML ({exc})")
        return DataImage(media_type, data, problem=svg_problem(root, "data:image/svg+xml")
                         or _data_svg_load_problem(root))
    from PIL import Image

    from .images import MAX_PIXELS, _strict_decoding

    try:
        with warnings.catch_warnings(), _strict_decoding():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > MAX_PIXELS or width < 1 or height < 1:
                    return DataImage(media_type, data, problem=f"the data: image's {width}×"
                                     f"{height} pixels cannot be printed")
                image.load()  # a truncated picture fails here, not silently in the PDF
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning,
            Image.DecompressionBombError) as exc:
        return DataImage(media_type, data, problem=f"the data: image cannot be read ({exc})")
    return DataImage(media_type, data, width, height)
