"""Simple PNGs go into the PDF byte for byte, and still print the same pixels."""

import io

import pypdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from manualgen import png_embed


def _png(mode, size=(40, 30), colours=None, **save):
    im = Image.new("RGB", size, "white")
    for x in range(size[0]):
        for y in range(size[1]):
            im.putpixel((x, y), ((x * 6) % 256, (y * 8) % 256, 120 if x < size[0] // 2 else 30))
    if mode == "P":
        im = im.quantize(colours or 256)
    elif mode != "RGB":
        im = im.convert(mode)
    data = io.BytesIO()
    im.save(data, format="PNG", **save)
    return data.getvalue(), im


@pytest.mark.parametrize(("mode", "colours", "bits"),
                         [("RGB", None, 8), ("L", None, 8), ("P", 256, 8), ("P", 4, 2), ("P", 2, 1)])
def test_simple_pngs_are_taken_apart(mode, colours, bits):
    data, _ = _png(mode, colours=colours, bits=bits) if mode == "P" else _png(mode)
    png = png_embed.parse(data)
    assert png is not None
    assert (png.width, png.height, png.mode, png.bits) == (40, 30, mode, bits)


@pytest.mark.parametrize("variant", ["RGBA", "LA", "I;16", "interlaced", "transparent palette",
                                     "truncated", "corrupt", "jpeg"])
def test_other_images_are_left_to_weasyprint(variant):
    if variant == "interlaced":
        data = bytearray(_png("RGB")[0])
        data[8 + 8 + 12] = 1  # IHDR's interlace method: Adam7 (Pillow cannot write one)
        data = bytes(data)
    elif variant == "transparent palette":
        data, _ = _png("P", colours=16, transparency=0)
    elif variant == "truncated":
        data = _png("RGB")[0][:-40]
    elif variant == "corrupt":
        data = bytearray(_png("RGB")[0])
        start = data.index(b"IDAT") + 4
        data[start + 2:start + 40] = b"\x00" * 38
        data = bytes(data)
    elif variant == "jpeg":
        out = io.BytesIO()
        _png("RGB")[1].save(out, format="JPEG")
        data = out.getvalue()
    else:
        data, _ = _png(variant)
    assert png_embed.parse(data) is None


def _render(tmp_path, images, passthrough=True):
    import contextlib

    import weasyprint

    html = "<style>@page { margin: 0 } body { margin: 0 }</style>" + "".join(
        f'<img src="{name}" style="width:{im.width}px; display:block">' for name, im in images)
    with png_embed.passthrough() if passthrough else contextlib.nullcontext():
        return weasyprint.HTML(string=html, base_url=str(tmp_path) + "/").write_pdf()


def test_the_pdf_shows_the_same_pixels_and_keeps_palettes(tmp_path):
    images = []
    for mode, colours in (("RGB", None), ("L", None), ("P", 256), ("P", 16)):
        data, im = _png(mode, size=(120, 60), colours=colours)
        name = f"{mode}{colours or ''}.png"
        (tmp_path / name).write_bytes(data)
        images.append((name, im))
    pdf = _render(tmp_path, images)
    streams = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for obj in page["/Resources"]["/XObject"].values():
            streams.append(obj.get_object())
    spaces = sorted(str(s["/ColorSpace"][0]) if isinstance(s["/ColorSpace"], list)
                    else str(s["/ColorSpace"]) for s in streams)
    assert spaces == ["/DeviceGray", "/DeviceRGB", "/Indexed", "/Indexed"]
    # The stream is the PNG's own compressed data, not a re-encoding of it.
    raw = {bytes(s._data) for s in streams}
    for name, _ in images:
        assert png_embed.parse((tmp_path / name).read_bytes()).idat in raw

    # The page looks as it does when WeasyPrint decodes and re-encodes the images itself.
    def look(data):
        return pdfium.PdfDocument(data)[0].render(scale=2).to_pil().convert("RGB")

    ours, theirs = look(pdf), look(_render(tmp_path, images, passthrough=False))
    assert ours.getbbox() == theirs.getbbox()
    _low, high = zip(*ImageChops.difference(ours, theirs).getextrema(), strict=True)
    assert max(high) <= 2
    assert len(ours.getcolors(1 << 20)) > 200  # the images were drawn, not a blank page
