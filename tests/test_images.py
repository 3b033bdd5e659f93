"""Image preparation: smaller, never upscaled, ≥ 200 ppi where printed, alpha and format right."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from manualgen.assemble import _printed_context
from manualgen.assemble.html import parent_map, parse_fragment
from manualgen.cache import write_file
from manualgen.geometry import PrintGeometry
from manualgen.images import inspect, prepare


def _ui_png(path: Path, size=(1900, 700), rgba=True) -> Path:
    img = Image.new("RGB", size, (246, 247, 249))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, size[0], 50), fill=(29, 79, 145))
    for y in range(80, size[1] - 20, 30):
        d.text((260, y), f"Row {y} value status 12345", fill=(20, 20, 20))
    (img.convert("RGBA") if rgba else img).save(path)
    return path


def _photo_png(path: Path, size=(1200, 900)) -> Path:
    rng = random.Random(3)
    small = Image.new("RGB", (24, 18))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(24 * 18)])
    img = Image.blend(small.resize(size, Image.Resampling.BICUBIC),
                      Image.effect_noise(size, 30).convert("RGB"), 0.2)
    img.save(path)
    return path


def _prepare(tmp_path: Path, source: Path, context: str = "step"):
    geometry = PrintGeometry()  # A4, 200 ppi
    info = inspect(source)
    target = geometry.target_width(context, info.width, info.height)
    return geometry, info, target, prepare(source, "digest-" + source.name + context, target,
                                            tmp_path / "cache", write_file)


def test_screenshot_is_smaller_not_upscaled_and_sharp_enough(tmp_path):
    source = _ui_png(tmp_path / "shot.png")
    geometry, info, target, prepared = _prepare(tmp_path, source)
    assert prepared.path != source
    assert prepared.path.stat().st_size < source.stat().st_size
    with Image.open(prepared.path) as im:
        assert target <= im.width <= 1.25 * target and im.width < info.width
        assert im.mode in ("RGB", "P")  # the opaque alpha channel is gone
        assert "transparency" not in im.info
        assert im.format == "PNG"  # UI-like: no JPEG ringing around text
        printed_inches = geometry.printed_width_mm("step", info.width, info.height) / 25.4
        assert im.width / printed_inches >= 200


def test_step_column_needs_fewer_pixels_than_full_width(tmp_path):
    g = PrintGeometry()
    assert g.target_width("step", 1900, 700) < g.target_width("full", 1900, 700) <= 1900
    assert g.target_width("full", 1900, 700) >= 170 / 25.4 * 200


def test_small_image_is_never_upscaled(tmp_path):
    source = tmp_path / "small.png"
    Image.new("RGB", (300, 200), (200, 30, 30)).save(source)
    _g, _info, target, prepared = _prepare(tmp_path, source, "full")
    assert target == 300
    assert prepared.path == source  # nothing to gain: the original is embedded as it is


def test_photo_like_becomes_jpeg(tmp_path):
    source = _photo_png(tmp_path / "photo.png")
    _g, _info, _target, prepared = _prepare(tmp_path, source, "full")
    assert prepared.format == "JPEG" and prepared.path.suffix == ".jpg"
    with Image.open(prepared.path) as im:
        assert im.format == "JPEG"


def test_real_transparency_is_kept(tmp_path):
    source = tmp_path / "alpha.png"
    img = Image.new("RGBA", (1900, 700), (255, 255, 255, 0))
    ImageDraw.Draw(img).rectangle((100, 100, 1800, 600), fill=(0, 0, 0, 255))
    img.save(source)
    _g, _info, _t, prepared = _prepare(tmp_path, source)
    with Image.open(prepared.path) as im:
        assert im.mode == "RGBA"


def test_prepared_once_then_found_by_name(tmp_path):
    source = _ui_png(tmp_path / "shot.png")
    _g, _i, target, first = _prepare(tmp_path, source)
    calls = []
    again = prepare(source, "digest-shot.pngstep", target, tmp_path / "cache",
                    lambda p, d: calls.append(p))
    assert again.path == first.path and calls == []


@pytest.mark.parametrize("html, expected", [
    ('<div class="step"><div class="step-text">t</div><div class="step-media"><img src="a"></div></div>',
     "step"),
    ('<div class="step step-wide"><div class="step-media"><img src="a"></div></div>', "full"),
    ('<figure class="screenshot-figure"><img src="a"></figure>', "full"),
    ('<div class="step"><div class="step-media"><br><img src="a"/></div></div><p><img src="a"></p>',
     "step,full"),
])
def test_the_document_knows_how_wide_each_image_prints(html, expected):
    root = parse_fragment(html)
    parents = parent_map(root)
    seen = [_printed_context(img, parents) for img in root.iter("img")]
    assert ",".join(seen) == expected


def test_truncated_image_is_reported(tmp_path):
    source = _ui_png(tmp_path / "shot.png")
    data = source.read_bytes()
    broken = tmp_path / "broken.png"
    broken.write_bytes(data[: len(data) // 2])
    assert inspect(broken).problem
    assert inspect(source).problem is None


def test_flat_screenshot_is_prepared_as_a_palette_png_that_goes_into_the_pdf_as_it_is(tmp_path):
    from manualgen import png_embed

    _geometry, _info, _target, prepared = _prepare(tmp_path, _ui_png(tmp_path / "shot.png"))
    with Image.open(prepared.path) as im:
        assert im.mode == "P" and len(im.getpalette()) <= 768
    embedded = png_embed.parse(prepared.path.read_bytes())
    assert embedded is not None and embedded.mode == "P"


def test_a_size_the_page_gives_a_picture_prints_as_a_browser_shows_it(tmp_path):
    """Hugo's and Docsy's figure write width/height as attributes; the print sized every
    screenshot by its pixels, so a figure the page made narrow printed the text's width."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_raw
    from PIL import Image

    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    body = ('{{< figure src="/img/a.png" width="300" alt="A" >}}\n\n'
            '{{< figure src="/img/b.png" width="50%" alt="B" >}}\n\n'
            '{{< figure src="/img/c.png" height="100" alt="C" >}}\n\n'
            '<img src="/img/d.png" width="5000" alt="D">\n\n'
            '<img src="/img/e.png" width="300" style="width: 60%" alt="E">\n\n'
            '{{< figure src="/img/f.png" alt="F" >}}\n')
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body)})
    (site / "static/img").mkdir(parents=True)
    for name in "abcdef":
        Image.new("RGB", (1200, 800), (200, 100, 50)).save(site / f"static/img/{name}.png")
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, no_cache=True, jobs=1))
    assert not result.findings.errors and not result.findings.warnings
    sizes = []
    for sheet in pdfium.PdfDocument(str(next(out.glob("*.pdf")))):
        for obj in sheet.get_objects():
            if obj.type == pdfium_raw.FPDF_PAGEOBJ_IMAGE:
                left, bottom, right, top = obj.get_bounds()
                sizes.append((round((right - left) / 72 * 25.4), round((top - bottom) / 72 * 25.4)))
    text = 170  # mm, A4 with the default margins
    assert sizes == [
        (79, 53),  # 300 CSS pixels (1/96 inch), the height in proportion
        (text // 2, 57),  # half the text width
        (40, 26),  # 100 pixels high, the width in proportion
        (text, 113),  # wider than the text: the text width
        (round(text * 0.6), 68),  # the page's own style wins
        (text, 113)]  # no size given: its pixels, up to the text width
