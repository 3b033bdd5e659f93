"""A screenshot centred the web's way (``<center><img></center>``, or a ``<div
style="text-align: center">`` around it, as Apache HugeGraph's Hubble guide writes every
one) is a figure like a picture alone in its paragraph: the sentence that introduces it
("Left navigation:") is kept on its page, where it had been left alone at a page's foot."""

import xml.etree.ElementTree as ET
from types import SimpleNamespace

from manualgen.assemble.html import parse_fragment
from manualgen.assemble.steps import keep_text_with_screenshots, standalone_figures
from manualgen.geometry import PrintGeometry

PICTURE = ('<img class="screenshot" src="/docs/img/nav.png" alt="image" width="300" '
           'height="900" data-aspect="0.333">')


def reshaped(html: str) -> ET.Element:
    job = SimpleNamespace(ctx=SimpleNamespace(geometry=PrintGeometry()),
                          page=SimpleNamespace(title=""))
    root = parse_fragment(html)
    standalone_figures(root, job)
    keep_text_with_screenshots(root, job)
    return root


def test_a_centre_element_holding_a_screenshot_becomes_its_figure():
    root = reshaped(f"<p>Left navigation:</p>\n<center>\n  {PICTURE}\n</center>\n")
    intro, figure = list(root)
    assert figure.tag == "figure" and figure.get("class") == "screenshot-figure"
    assert "intro-to-figure" in (intro.get("class") or "")


def test_a_centring_div_keeps_its_id_and_a_classed_div_is_left_as_it_is():
    root = reshaped(f'<p>List mode:</p><div id="shot" style="text-align: center;">{PICTURE}</div>'
                    f'<p>Beside:</p><div class="col-md-6">{PICTURE}</div>')
    intro, figure, _beside, column = list(root)
    assert figure.tag == "figure" and figure.get("id") == "shot"
    assert "intro-to-figure" in (intro.get("class") or "")
    assert column.tag == "div" and column.get("class") == "col-md-6"
    assert column[0].tag == "figure"  # the picture is a figure inside the column, as before


def test_a_div_that_hides_floats_or_sizes_its_picture_keeps_its_style():
    # the web hides the first picture and floats the second beside the text: neither is a
    # centred figure, and the style that does so stays
    for style in ("display: none", "float: right; width: 30%", "text-align: left"):
        root = reshaped(f'<p>Before:</p><div style="{style}">{PICTURE}</div>')
        box = list(root)[1]
        assert box.tag == "div" and box.get("style") == style, style
    root = reshaped(f'<p>Before:</p><div align="right">{PICTURE}</div>')
    assert list(root)[1].tag == "div"
    root = reshaped(f'<p>Before:</p><div style="margin: 0 auto; display: block">{PICTURE}</div>')
    assert list(root)[1].tag == "figure"


# CloudWeGo's Eino guides: every screenshot is a link to its own file, and a step is often a
# list of one item ("1. Complete the input.") between two pictures.

LINKED = (f'<a href="/img/eino/run_code.png" target="_blank">{PICTURE}</a>')


def test_a_picture_alone_in_a_link_in_its_paragraph_is_a_figure():
    root = reshaped(f"<p>Click Allow.</p>\n<p>{LINKED}</p>")
    intro, figure = list(root)
    assert figure.tag == "figure" and figure[0].tag == "a" and figure[0][0].tag == "img"
    assert "intro-to-figure" in (intro.get("class") or "")


def test_a_one_step_list_and_its_screenshot_are_held_in_one_block():
    root = reshaped(f"<ol><li>Complete the input in the <code>_value</code> field.</li></ol>\n"
                    f"<p>{LINKED}</p>\n")
    (pair,) = list(root)
    assert pair.get("class") == "intro-with-figure"
    assert [child.tag for child in pair] == ["ol", "figure"]


def test_a_lists_last_step_goes_with_the_screenshot_after_it_numbered_on():
    """A list too long to share a page with its screenshot: its last step goes with it."""
    opening = "".join(f"<li>Open part {n}.</li>" for n in range(30))
    root = reshaped(f'<ol start="4" id="steps">{opening}<li>Type a space in the braces.</li></ol>\n'
                    f"<p>{LINKED}</p>\n<ul><li><p>A step</p><pre>with code</pre></li></ul>"
                    f"<p>{LINKED}</p>")
    first, pair, kept, figure = list(root)
    assert [li.text for li in first] == [f"Open part {n}." for n in range(30)]
    # one anchor for the list (its start), and no list's gap before the step moved apart
    assert first.get("id") == "steps" and "list-goes-on" in first.get("class")
    assert pair[0].get("id") is None
    steps, picture = list(pair)
    assert pair.get("class") == "intro-with-figure" and picture.tag == "figure"
    assert steps.get("start") == "34" and [li.text for li in steps] == ["Type a space in the braces."]
    assert kept.tag == "ul" and len(kept) == 1 and figure.tag == "figure"  # a step of blocks


def test_a_short_list_and_the_paragraph_announcing_it_are_held_whole_with_the_screenshot():
    """"Proceed as follows:", three steps and the dialog they fill in fit on one page: all
    of it is one block; the list's first steps stayed at the foot of the page before."""
    steps = "".join(f"<li>Step {n}: fill in the field.</li>" for n in range(3))
    root = reshaped(f"<p>Not announcing.</p><p>Proceed as follows:</p><ul>{steps}</ul>\n"
                    f"<p>{LINKED}</p>\n<p>Plain words.</p><ol>{steps}</ol><p>{LINKED}</p>")
    plain, pair, words, second = list(root)
    assert pair.get("class") == "intro-with-figure"
    assert [child.tag for child in pair] == ["p", "ul", "figure"] and len(pair[1]) == 3
    assert "intro-whole" in pair[0].get("class") and "intro-to-figure" in pair[1].get("class")
    assert "intro-to-figure" not in (plain.get("class") or "")
    # a paragraph that does not end in a colon is not the list's: the list alone is held
    assert words.tag == "p" and [child.tag for child in second] == ["ol", "figure"]


def test_a_paragraph_of_words_and_a_screenshot_is_kept_whole():
    """SPL's guides write "Settings are under the gear.<br>![Settings](shot.png)": one
    paragraph, its picture on the next page without this."""
    root = reshaped(f"<p>Open the settings with the gear icon.<br/>\n{PICTURE}</p>"
                    "<p>Only words here.</p>")
    step, words = list(root)
    assert "para-with-media" in (step.get("class") or "")
    assert "para-with-media" not in (words.get("class") or "")


def test_a_loose_lists_last_step_in_its_paragraph_goes_with_the_screenshot():
    root = reshaped(f"<ol><li><p>Write the graph.</p><pre>g := New()</pre></li>"
                    f"<li><p>Type a space in the braces.</p></li></ol><p>{LINKED}</p>")
    first, pair = list(root)
    assert len(first) == 1 and pair.get("class") == "intro-with-figure"
    assert pair[0].get("start") == "2"


def test_a_paragraph_announcing_code_with_a_colon_stays_with_it():
    root = reshaped("<p>Register the type by using the method:</p><pre><code>Init(ctx)</code></pre>"
                    "<p>It ends here.</p><pre><code>more()</code></pre>")
    announce, _code, plain, _more = list(root)
    assert "intro-to-code" in (announce.get("class") or "")
    assert "intro-to-code" not in (plain.get("class") or "")
