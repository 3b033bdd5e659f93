"""The print look of the theme shortcodes' own markup (templates/shortcodes/, styles/content.css):
every class a template writes is either styled or printed by a rule it shares, and a small
site using the shortcodes of several themes prints them as a reader of the manual should see
them: link cards framed, a preview set apart, aligned text aligned, a notebook's prompt kept
with its code, and the shortcodes' side rules on the start side of a right-to-left block."""

from __future__ import annotations

import json
import re

import pytest
import tinycss2
from pypdf import PdfReader

from manualgen.build import BuildOptions, build

from .conftest import HUGO_TOML, ROOT, png_bytes, write_site
from .conftest import page as page_md

TEMPLATES = ROOT / "manualgen" / "templates" / "shortcodes"
STYLES = ROOT / "styles"

# Classes that print through another rule or as their element does, each with why.
PRINTED_OTHERWISE = {
    # a kind added to a styled block: .alert, .mg-badge, .code-block, .tabpane, figure
    "pageinfo": "alert",
    "relearn-box": "alert", "relearn-box*": "alert", "mg-attachments": "alert", "alert-note": "alert",
    "alert-heading": "alert-title", "mg-label": "alert-label", "mg-version": "mg-badge",
    "mg-diagram": "code-block", "tabs": "tabpane", "video": "figure",
    "tabset": "tabpane", "code-tabs": "tabpane", "public-preview": "alert",
    "mg-code-toggle": "code-block", "mg-new-in": "alert", "mg-deprecated-in": "alert",
    "mg-gallery-item": "screenshot-figure",
    # a paragraph of a styled card or block (.mg-link-card > p, .card, .mg-profile > p)
    "mg-link-card-title": "mg-link-card", "mg-showcase-title": "mg-showcase",
    "mg-profile-bio": "mg-profile", "card-image": "card", "card-tag": "card",
    "mg-stat-label": "mg-stat",
    # containers: what they hold carries the print form
    "cardpane": "card", "mg-card-grid": "mg-link-card", "mg-accordion": "details",
    "mg-aplayer": "media-link", "mg-gallery-items": "screenshot-figure", "mg-hero": "hero",
    "mg-notebook": "notebook", "mg-table": "table", "mg-swatches": "mg-swatch",
    "mg-stats": "mg-stat", "mg-timeline-body": "mg-timeline", "mg-step-body": "mg-step", "mg-columns": "columns",
    "mg-block": "flow", "mg-align": "flow", "mg-center": "flow", "mg-column": "flow",
    "mg-float": "flow", "mg-float-right": "flow",
    "mg-style": "the web's own styling is left out on purpose",
    "mg-form": "alert",
    # reshaped by assemble (steps.py) into manualgen's columns
    "row": "columns", "row-layout": "columns", "column-layout": "columns",
    "container": "columns", "grid-layout": "columns",
    # the element's own rule says it all
    "mg-spoiler": "details, or words in a sentence", "mg-expand": "details",
    "mg-doks-step": "li", "mg-file": "li", "mg-props": "dl", "mg-section": "dl",
    "mg-toc-tree": "ul", "mg-typeit": "p", "mg-person": "a", "mg-inline-svg": "img",
    "mg-img-filter": "code", "mg-qr": "a",
    "mg-katex-auto-render": "a mark render.py reads and removes before layout",
    "term": "words in a sentence (istio's definition prints as a .gloss-note footnote)",
    "unresolved": "words in a sentence: a link that goes nowhere prints as its text",
    "mg-progress": "its own inline style and bar", "unordered-list": "ul",
    "language-*": "code",
    "release-notes": "release-note", "release-notes-fixed-bugs": "release-note",
    "release-notes-improvements": "release-note", "release-notes-new-features": "release-note",
    "release-notes-next-features": "release-note",
    "landing-lead": "landing-block", "landing-section": "landing-block",
}


def template_classes() -> dict[str, str]:
    """Every class a shortcode template writes (the literal part of class="…" and of
    block_class), with one template that writes it.  A name joined to a printed value
    (alert-{{ kind }}) is a family: "alert-*"."""
    found: dict[str, str] = {}
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        values = re.findall(r'class="([^"]*)"', text)
        for line in re.findall(r"set block_class = (.*)", text):
            values += re.findall(r"'([^']*)'", line)
        for value in values:
            value = re.sub(r"\{%.*?%\}", " ", re.sub(r"\{\{.*?\}\}", "*", value))
            for name in value.split():
                name = name.split("*")[0] + ("*" if "*" in name else "")
                if name != "*":
                    found.setdefault(name, str(path.relative_to(TEMPLATES)))
    return found


def styled_classes() -> set[str]:
    """The classes the selectors of styles/*.css name (.name, or [class~="name"])."""
    names: set[str] = set()

    def visit(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                selector = tinycss2.serialize(rule.prelude)
                names.update(re.findall(r"\.([A-Za-z_][\w-]*)", selector))
                names.update(re.findall(r'class~="([^"]+)"', selector))
            elif rule.type == "at-rule" and rule.content is not None and rule.at_keyword == "media":
                visit(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    for sheet in STYLES.glob("*.css"):
        visit(tinycss2.parse_stylesheet(sheet.read_text(encoding="utf-8"), skip_comments=True,
                                        skip_whitespace=True))
    return names


def is_styled(name: str, styled: set[str]) -> bool:
    if name.endswith("*"):
        return any(s.startswith(name[:-1]) for s in styled)
    return name in styled


def test_every_class_a_template_writes_is_styled_or_printed_by_another_rule():
    styled = styled_classes()
    unstyled = {name: where for name, where in template_classes().items()
                if not is_styled(name, styled) and name not in PRINTED_OTHERWISE}
    assert not unstyled, f"classes without a print rule (style them or say why not): {unstyled}"
    # and the list holds no class a template no longer writes, nor one that is styled now
    stale = set(PRINTED_OTHERWISE) - set(template_classes())
    assert not stale, stale
    assert not [name for name in PRINTED_OTHERWISE if is_styled(name, styled)]


NOTEBOOK = {"metadata": {"language_info": {"name": "python"}}, "cells": [
    {"cell_type": "markdown", "metadata": {}, "source": ["Read **the** data.\n"]},
    {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": ["x = 6 * 7\n", "print(x)"],
     "outputs": [{"output_type": "stream", "name": "stdout", "text": ["NOTEBOOK-OUTPUT 42\n"]}]}]}

PROPERTIES = ("properties:\n  - name: prop1\n    type: string\n    description: The first property.\n"
              "    required: true\n    defaultValue: PROPS-DEFAULT\n")

BODY = """\
{{< card-grid >}}
{{< link-card title="LINKCARD-INTERNAL" href="/docs/other/" description="LINKCARD-DESCRIPTION" >}}
{{< link-card title="LINKCARD-EXTERNAL" href="https://gethugothemes.com/doks" >}}
{{< /card-grid >}}

{{< cardlink "https://fixit.lruihao.cn" "CARDLINK-WORDS" >}}

{{< article link="/docs/other/" >}}

{{< showcase title="SHOWCASE-TITLE" summary="SHOWCASE-SUMMARY" link="https://hugodoit.pages.dev/" >}}

The answer is {{< spoiler >}}SPOILER-INLINE{{< /spoiler >}}.

{{< spoiler text="SPOILER-SUMMARY" >}}
SPOILER-BODY
{{< /spoiler >}}

{{< preview >}}
PREVIEW-CONTENT
{{< /preview >}}

{{% align center %}}ALIGN-CENTER{{% /align %}}

{{< align-right >}}ALIGN-RIGHT{{< /align-right >}}

{{< center-quote >}}
CENTER-QUOTE
{{< /center-quote >}}

{{< hextra/hero-headline >}}HERO-HEADLINE{{< /hextra/hero-headline >}}
{{< hextra/hero-subtitle >}}HERO-SUBTITLE{{< /hextra/hero-subtitle >}}

{{< jupyter src="demo.ipynb" prompts=true >}}

{{< propertylist name=demo >}}

{{< profile >}}

{{< countdown id="launch" date="2026-12-31T00:00:00+01:00" >}}

{{< diagram >}}
graph LR;
  A[DIAGRAM-NODE] --> B[Done];
{{< /diagram >}}

{{< screenshot src="shot" alt="The home page" caption="SCREENSHOT-CAPTION" >}}

{{< stats >}}
{{< stat value="STAT-VALUE" label="STAT-LABEL" >}}
{{< /stats >}}

{{< underline "RULE-LABEL" >}}

{{< rtl >}}
{{< timeline >}}
{{< timelineItem header="RTL-TIMELINE" >}}
نص في الخط الزمني
{{< /timelineItem >}}
{{< /timeline >}}

{{< version 1.0 changed >}}
{{< /rtl >}}
"""

WORDS = ["LINKCARD-INTERNAL", "LINKCARD-DESCRIPTION", "LINKCARD-EXTERNAL", "gethugothemes.com/doks",
         "CARDLINK-WORDS", "fixit.lruihao.cn", "SHOWCASE-TITLE", "SHOWCASE-SUMMARY", "SPOILER-INLINE",
         "SPOILER-SUMMARY", "SPOILER-BODY", "PREVIEW-CONTENT", "ALIGN-CENTER", "ALIGN-RIGHT",
         "CENTER-QUOTE", "HERO-HEADLINE", "HERO-SUBTITLE", "In [3]:", "NOTEBOOK-OUTPUT 42",
         "PROPS-DEFAULT", "PROFILE-NAME", "PROFILE-BIO", "2026-12-31T00:00:00+01:00", "DIAGRAM-NODE",
         "SCREENSHOT-CAPTION", "STAT-VALUE", "STAT-LABEL", "RULE-LABEL", "RTL-TIMELINE"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The site built to a PDF with its merged HTML; the HTML's boxes as WeasyPrint lays them
    out with the manual's stylesheets."""
    import weasyprint

    root = tmp_path_factory.mktemp("styled")
    hugo = HUGO_TOML + ('[languages.de.params.author]\nname = "PROFILE-NAME"\nheadline = "A headline"\n'
                        'bio = "PROFILE-BIO"\n')
    write_site(root / "site", {
        "content/de/_index.md": page_md("Start", body="Welcome.\n"),
        "content/de/shortcodes/index.md": page_md("Shortcodes", 1, BODY),
        "content/de/shortcodes/demo.ipynb": json.dumps(NOTEBOOK),
        "content/de/shortcodes/home-shot.png": png_bytes(200, 120),
        "content/de/other.md": page_md("Other", 2, "Another page.\n"),
        "data/properties/demo.yaml": PROPERTIES,
    }, hugo)
    out = root / "out"
    result = build(root / "site", BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    assert result.ok and not result.findings.warnings, list(result.findings)
    pdf = out / "test-manual-de.pdf"
    text = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(pdf).pages).split())
    document = weasyprint.HTML(filename=str(pdf.with_suffix(".html"))).render()
    boxes = [b for p in document.pages for b in walk(p._page_box)]
    return text, boxes


def walk(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from walk(child)


def box_of(boxes, css_class: str, tag: str | None = None):
    """The first box of the element with ``css_class``."""
    for box in boxes:
        element = box.element
        if (element is not None and css_class in (element.get("class") or "").split()
                and (tag is None or box.element_tag == tag)):
            return box
    raise AssertionError(f"no box of class {css_class}")


def style_of(boxes, css_class: str, tag: str | None = None):
    return box_of(boxes, css_class, tag).style


def framed(style) -> bool:
    return all(style[f"border_{side}_width"] > 0 for side in ("top", "right", "bottom", "left"))


def test_the_pdf_keeps_every_shortcodes_words_and_no_syntax(built):
    text, _ = built
    for words in WORDS:
        assert words in text, words
    assert "{{<" not in text and "{{%" not in text


def test_cards_that_lead_elsewhere_are_framed_and_their_description_grey(built):
    _, boxes = built
    for css_class in ("mg-link-card", "mg-article-link", "mg-showcase"):
        style = style_of(boxes, css_class)
        assert framed(style) and style["border_top_style"] == "solid", css_class
    assert style_of(boxes, "mg-link-card-description")["color"] != style_of(boxes, "mg-link-card")["color"]


def test_a_preview_is_set_apart_by_a_dashed_frame(built):
    _, boxes = built
    style = style_of(boxes, "mg-preview")
    assert framed(style) and style["border_top_style"] == "dashed"


def test_aligned_content_keeps_its_side_and_a_center_quote_its_middle(built):
    _, boxes = built
    assert style_of(boxes, "mg-align-center")["text_align_all"] == "center"
    assert style_of(boxes, "mg-align-right")["text_align_all"] == "right"
    quote = style_of(boxes, "mg-center-quote")
    assert quote["text_align_all"] == "center" and quote["border_left_width"] == 0


def test_a_hero_headline_is_larger_than_the_text_and_the_subtitle_grey(built):
    _, boxes = built
    body = style_of(boxes, "page-body")["font_size"]
    assert style_of(boxes, "mg-hero-headline")["font_size"] > 1.3 * body
    assert style_of(boxes, "mg-hero-subtitle")["color"] != style_of(boxes, "page-body")["color"]


def test_a_notebook_prompt_stays_with_its_code_and_the_output_is_not_shaded(built):
    _, boxes = built
    prompt = style_of(boxes, "mg-notebook-prompt")
    assert prompt["break_after"] == "avoid" and "Manual Mono" in prompt["font_family"]
    output = style_of(boxes, "mg-notebook-output", "pre")
    assert output["background_color"].alpha == 0 and framed(output)


def test_a_propertys_default_and_a_countdowns_date_print_small(built):
    _, boxes = built
    body = style_of(boxes, "page-body")["font_size"]
    assert style_of(boxes, "mg-props-default")["font_size"] < body
    countdown = box_of(boxes, "mg-countdown")
    assert any(b.element_tag == "span" and framed(b.style) for b in walk(countdown))


def test_a_figure_is_framed_and_large_and_a_rules_label_small_and_centred(built):
    _, boxes = built
    assert framed(style_of(boxes, "mg-stat"))
    assert style_of(boxes, "mg-stat-value")["font_size"] > 1.5 * style_of(boxes, "page-body")["font_size"]
    label = style_of(boxes, "mg-rule-label")
    assert label["text_align_all"] == "center" and label["font_size"] < style_of(boxes, "page-body")["font_size"]


def test_rules_stand_on_their_logical_side_in_a_right_to_left_block(built):
    _, boxes = built
    style = style_of(boxes, "mg-timeline")
    assert style["border_right_width"] > 0 and style["border_left_width"] == 0
    assert style["padding_right"].value > 0 and style["padding_left"].value == 0
    # a badge's title is ruled off from its value on its end side.  Here both are Latin
    # ("Changed in 1.0"): one left-to-right run in the right-to-left block, which the bidi
    # pass isolates (assemble/bidi.py) so it reads in its order; its end side is the right,
    # between the title and the value.
    title = box_of(boxes, "mg-badge-title")
    assert title.style["border_right_width"] > 0 and title.style["border_left_width"] == 0
    assert title.style["direction"] == "ltr"
