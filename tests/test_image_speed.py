"""Cheaper image preparation (issue 11) that keeps what preparation is for: the same pixels
where nothing needs changing, sharp text where it is scaled, the same bytes every time."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFile, ImageStat

from manualgen import png_embed
from manualgen.cache import write_file
from manualgen.images import prepare


def _screenshot(size=(1900, 700), colours=None) -> Image.Image:
    """A UI-like RGB image: flat areas, a header bar, rows of text."""
    img = Image.new("RGB", size, (246, 247, 249))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, size[0], 50), fill=(29, 79, 145))
    for y in range(80, size[1] - 20, 30):
        d.text((40, y), f"Row {y}: value, status 12345 Übersicht", fill=(20, 20, 20))
        d.line((20, y + 24, size[0] - 20, y + 24), fill=(200, 204, 210))
    return img if colours is None else img.quantize(colours).convert("RGB")


def _prepare(tmp_path: Path, source: Path, width: int, folder: str = "cache"):
    return prepare(source, "digest-" + source.name, width, tmp_path / folder, write_file)


def _psnr(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    mse = sum(v * v for v in ImageStat.Stat(diff).rms) / 3
    return 99.0 if mse == 0 else 10 * math.log10(255 * 255 / mse)


@pytest.fixture
def no_decoding(monkeypatch):
    """Pixel decoding fails from here on: what still works did not decode."""
    def refuse(self):
        raise AssertionError(f"{self.format} pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def test_small_palette_png_goes_in_as_it_is_without_being_decoded(tmp_path, no_decoding):
    source = tmp_path / "palette.png"
    _screenshot((600, 200), colours=64).quantize(64).save(source)
    prepared = _prepare(tmp_path, source, 600)
    assert prepared.path == source and prepared.format == "PNG"
    assert png_embed.parse(source.read_bytes()) is not None  # copied into the PDF byte for byte


def test_small_jpeg_goes_in_as_it_is_without_being_decoded(tmp_path, no_decoding):
    source = tmp_path / "photo.jpg"
    _screenshot((600, 200)).save(source, quality=90)
    prepared = _prepare(tmp_path, source, 800)
    assert prepared.path == source and prepared.format == "JPEG"


def test_opaque_screenshot_of_few_colours_keeps_every_pixel(tmp_path):
    shot = _screenshot((700, 300), colours=40)
    source = tmp_path / "opaque.png"
    shot.convert("RGBA").save(source)  # an alpha channel, opaque everywhere
    prepared = _prepare(tmp_path, source, 700)
    assert prepared.path != source
    with Image.open(prepared.path) as im:
        assert im.format == "PNG" and im.mode == "P" and "transparency" not in im.info
        assert len(im.getpalette()) // 3 <= 40
        assert ImageChops.difference(im.convert("RGB"), shot).getbbox() is None
    assert png_embed.parse(prepared.path.read_bytes()).mode == "P"


@pytest.mark.parametrize(("lowest_alpha", "kept"), [(254, False), (250, False), (249, True),
                                                    (0, True)])
def test_alpha_that_no_one_could_see_is_dropped(tmp_path, lowest_alpha, kept):
    img = _screenshot((900, 300)).convert("RGBA")
    ImageDraw.Draw(img).rectangle((0, 0, 899, 3), fill=(29, 79, 145, lowest_alpha))
    source = tmp_path / "edge.png"
    img.save(source)
    prepared = _prepare(tmp_path, source, 800)
    with Image.open(prepared.path) as im:
        assert (im.mode == "RGBA") is kept
        if not kept:
            assert png_embed.parse(prepared.path.read_bytes()) is not None


def test_scaled_screenshot_is_as_sharp_as_lanczos(tmp_path):
    """The scaled text differs from the sharpest of Pillow's filters at the same size by no
    more than a viewer could see (35 dB: no visible change at 3× zoom on the corpus'
    screenshots).  2.4 times too wide, the screenshot is halved (blocks of 2 × 2 pixels
    averaged: 236 ppi where 200 were asked)."""
    shot = _screenshot()
    source = tmp_path / "wide.png"
    shot.convert("RGBA").save(source)
    for width, made in ((1339, 1339), (804, 950), (700, 700)):  # bicubic, 2 × 2, bicubic
        prepared = _prepare(tmp_path, source, width)
        with Image.open(prepared.path) as im:
            reference = shot.resize(im.size, Image.Resampling.LANCZOS)
            assert im.width == made and _psnr(im, reference) >= 35


def test_the_same_sources_give_the_same_bytes(tmp_path):
    sources = []
    for name, img in (("wide.png", _screenshot().convert("RGBA")),
                      ("few.png", _screenshot((700, 300), colours=40).convert("RGBA")),
                      ("grey.png", _screenshot((1500, 500)).convert("L"))):
        img.save(tmp_path / name)
        sources.append(tmp_path / name)
    first = [_prepare(tmp_path, s, 800, "one").path.read_bytes() for s in sources]
    again = [_prepare(tmp_path, s, 800, "two").path.read_bytes() for s in sources]
    assert first == again


def test_large_jpeg_is_decoded_smaller_and_prints_as_well(tmp_path, monkeypatch):
    """A photo four times wider than printed is decoded at half its size (cheaper); what is
    prepared from it is as close to the full decode scaled with Lanczos as what is prepared
    from the full decode itself."""
    from manualgen import images

    size = (3300, 2200)
    photo = Image.blend(Image.linear_gradient("L").resize(size).convert("RGB"),
                        Image.effect_noise(size, 40).convert("RGB"), 0.3)
    ImageDraw.Draw(photo).text((200, 200), "Kanton Bern 2025", fill=(0, 0, 0))
    source = tmp_path / "photo.jpg"
    photo.save(source, quality=92)
    with Image.open(source) as opened:
        opened.draft(None, (1608, 1072))
        assert opened.size == (1650, 1100)  # the decoder does scale this JPEG by half
    with Image.open(source) as opened:
        reference = opened.convert("RGB").resize((825, 550), Image.Resampling.LANCZOS)
    scaled_from = []
    real_scaled = images._scaled
    monkeypatch.setattr(images, "_scaled",
                        lambda im, width: scaled_from.append(im.size) or real_scaled(im, width))
    drafted = _prepare(tmp_path, source, 804, "drafted")
    assert scaled_from == [(1650, 1100)]
    monkeypatch.setattr(images, "_draft", lambda opened, width: None)
    full = _prepare(tmp_path, source, 804, "full")
    with Image.open(drafted.path) as im, Image.open(full.path) as whole:
        assert im.size == whole.size == (825, 550)  # a quarter of the size: within 804 + 25 %
        assert _psnr(im, reference) >= _psnr(whole, reference) - 0.5


@pytest.mark.parametrize("mode", ["1", "L", "LA", "P", "P+tRNS", "RGB", "RGBA", "I;16", "CMYK"])
@pytest.mark.parametrize("width", [300, 120])
def test_every_kind_of_source_still_prepares(tmp_path, mode, width):
    """Each source mode, printed at its own size and scaled down, gives an image Pillow
    reads, never wider than asked, with the source's pixels where it was not scaled."""
    shot = _screenshot((300, 100))
    if mode == "P+tRNS":
        img = shot.quantize(16)
        img.info["transparency"] = 0
    elif mode == "I;16":
        img = shot.convert("L").convert("I").point(lambda v: v * 256).convert("I;16")
    else:
        img = shot.convert("P" if mode == "P" else mode)
    source = tmp_path / ("shot.jpg" if mode == "CMYK" else "shot.png")
    img.save(source, **({"transparency": 0} if mode == "P+tRNS" else {}))
    prepared = _prepare(tmp_path, source, width)
    with Image.open(prepared.path) as im:
        im.load()
        assert min(width, 300) <= im.width <= 1.25 * min(width, 300)
        if width == 300 and mode in ("1", "L", "P", "RGB"):
            assert prepared.path == source  # nothing to gain: embedded as it is
        if width == 300 and mode in ("L", "P", "RGB", "RGBA"):
            with Image.open(source) as original:
                assert ImageChops.difference(im.convert("RGB"),
                                             original.convert("RGB")).getbbox() is None
