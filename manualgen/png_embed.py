"""Embed simple PNGs in the PDF as they are, without decoding them.

WeasyPrint 70 decodes every PNG with Pillow and deflates it again when it writes the PDF
(twice for a palette PNG: once to RGB when it loads it, once more when it writes it).  Yet a
PDF image stream with ``/FlateDecode`` and PNG predictors *is* the data of a PNG's IDAT
chunks: for a non-interlaced PNG of 8-bit grey, 8-bit RGB or a palette, the bytes can be
copied across, and a palette image stays one byte per pixel (``/Indexed``) instead of three.

``passthrough()`` swaps WeasyPrint's raster image class for a subclass that does this for
such PNGs and hands every other image (JPEG, alpha, 16-bit, interlaced, rotated by EXIF,
resampled by a ``dpi`` option) to WeasyPrint unchanged.  The class is looked up by
``weasyprint.images.get_image_from_uri`` at call time; the swap is undone afterwards.
"""

from __future__ import annotations

import contextlib
import struct

from .inflate import error as inflate_error
from .inflate import inflated_length
from .patching import patched

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_MODES = {(0, 8): "L", (2, 8): "RGB", (3, 1): "P", (3, 2): "P", (3, 4): "P", (3, 8): "P"}


class SimplePNG:
    """The parts of a PNG a PDF image needs, or ``None`` from :func:`parse` when unsuitable."""

    def __init__(self, width: int, height: int, mode: str, bits: int, palette: bytes,
                 idat: bytes) -> None:
        self.width, self.height, self.mode, self.bits = width, height, mode, bits
        self.palette, self.idat = palette, idat


def parse(data: bytes) -> SimplePNG | None:
    """Split ``data`` into header, palette and image data; None unless it can be copied."""
    if not data.startswith(PNG_SIGNATURE):
        return None
    pos, header, palette, idat = 8, None, b"", []
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length:
            return None  # truncated
        if kind == b"IHDR":
            if length != 13:
                return None
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind in (b"tRNS", b"eXIf", b"acTL"):
            return None  # transparency, an orientation, an animation: WeasyPrint's way
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None or not idat:
        return None
    width, height, bits, colour, compression, filtering, interlace = header
    mode = _MODES.get((colour, bits))
    if mode is None or compression or filtering or interlace or not width or not height:
        return None
    if mode == "P" and (not palette or len(palette) % 3 or len(palette) > 768):
        return None
    stream = b"".join(idat)
    try:  # a corrupt stream would make a PDF that no reader can show: let Pillow judge it
        expected = height * (1 + (width * bits * (3 if mode == "RGB" else 1) + 7) // 8)
        if inflated_length(stream, expected + 1) != expected:
            return None
    except inflate_error:
        return None
    return SimplePNG(width, height, mode, bits, palette, stream)


def _image_class():
    import pydyf
    from weasyprint import images

    class PassThroughImage(images.RasterImage):
        """A RasterImage whose simple PNGs go into the PDF byte for byte."""

        def __init__(self, pillow_image, image_id, image_data, filename=None, cache=None,
                     orientation="none", options=images.DEFAULT_OPTIONS):
            png = parse(image_data) if image_data and pillow_image.format == "PNG" else None
            if (png is not None and orientation not in ("none", None)
                    and images.rotate_pillow_image(pillow_image, orientation) is not pillow_image):
                png = None
            if png is None or options.get("dpi") or options.get("optimize_images"):
                self._png = None
                super().__init__(pillow_image, image_id, image_data, filename, cache,
                                 orientation, options)
                return
            self._png = png
            self.id = image_id
            self._cache = {} if cache is None else cache
            self._jpeg_quality = options.get("jpeg_quality")
            self._dpi = None
            self.mode = "RGB" if png.mode == "P" else png.mode
            self.width, self.height = png.width, png.height
            self.ratio = self.width / self.height
            self.optimize = False
            self.invert_colors = False
            self.format = "PNG"
            self.image_data = self.cache_image_data(png.idat, slot="stream")

        def get_x_object(self, interpolate, dpi_ratio):
            png = self._png
            if png is None:
                return super().get_x_object(interpolate, dpi_ratio)
            if png.mode == "P":
                hival = len(png.palette) // 3 - 1
                colours, space = 1, pydyf.Array(
                    ["/Indexed", "/DeviceRGB", hival, b"<" + png.palette.hex().encode() + b">"])
            elif png.mode == "L":
                colours, space = 1, "/DeviceGray"
            else:
                colours, space = 3, "/DeviceRGB"
            extra = pydyf.Dictionary({
                "Type": "/XObject",
                "Subtype": "/Image",
                "Width": png.width,
                "Height": png.height,
                "ColorSpace": space,
                "BitsPerComponent": png.bits,
                "Interpolate": "true" if interpolate else "false",
                "Filter": "/FlateDecode",
                "DecodeParms": pydyf.Dictionary({
                    "Predictor": 15, "Colors": colours, "BitsPerComponent": png.bits,
                    "Columns": png.width}),
            })
            return pydyf.Stream([self.image_data], extra)

    return PassThroughImage


def passthrough() -> contextlib.AbstractContextManager:
    """Within the block, WeasyPrint embeds simple PNGs without re-encoding them."""
    from weasyprint import images

    return patched(images, "RasterImage", _image_class())
