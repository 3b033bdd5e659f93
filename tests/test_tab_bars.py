"""A web page's own tab bar (Bootstrap's or ARIA's buttons naming the panels they open):
on paper every panel prints under its button's words, and the bar of buttons goes."""

from __future__ import annotations

import re

from manualgen.assemble.html import parse_fragment, serialize_children
from manualgen.assemble.tab_bars import name_panels
from manualgen.build import BuildOptions, build

from .conftest import HUGO_TOML, page, write_site


def named(html: str) -> str:
    root = parse_fragment(html)
    name_panels(root)
    return serialize_children(root)


def titles(html: str) -> list[str]:
    return re.findall(r'<p class="tab-title">([^<]*)</p>', html)


ARIA = ('<div role="tablist"><button role="tab" aria-controls="a">Windows</button>'
        '<button role="tab" aria-controls="b" aria-selected="false">Linux</button></div>'
        '<div role="tabpanel" id="a"><p>Run the installer.</p></div>'
        '<div role="tabpanel" id="b" hidden><p>Use apt.</p></div>')


def test_each_panel_prints_under_its_buttons_words_and_the_bar_goes():
    out = named(ARIA)
    assert titles(out) == ["Windows", "Linux"]
    assert "<button" not in out and "tablist" not in out
    assert out.index("Windows") < out.index("Run the installer") < out.index("Linux") \
        < out.index("Use apt")
    assert "hidden" not in out  # the second panel, hidden on the web until clicked, prints


def test_bootstrap_links_without_aria_name_their_panels_by_href():
    out = named('<ul class="nav nav-tabs"><li><a data-toggle="tab" href="#one">Erste</a></li>'
                '<li><a data-toggle="tab" href="#two">Zweite</a></li></ul>'
                '<div class="tab-content"><div class="tab-pane" id="one">Eins.</div>'
                '<div class="tab-pane" id="two">Zwei.</div></div>')
    assert titles(out) == ["Erste", "Zweite"]
    assert "<ul" not in out and "<a" not in out


def test_bootstrap_5_buttons_name_their_panels_by_data_bs_target():
    out = named('<nav><div class="nav nav-pills">'
                '<button data-bs-toggle="pill" data-bs-target="#p1" type="button">Kurz</button>'
                '<button data-bs-toggle="pill" data-bs-target="#p2" type="button">Lang</button>'
                '</div></nav><div id="p1">k</div><div id="p2">l</div>')
    assert titles(out) == ["Kurz", "Lang"]
    assert "<button" not in out and "<nav" not in out


def test_a_bar_with_other_words_or_a_panel_not_found_stays():
    """Nothing is lost: a bar holding words that are not its buttons', or whose buttons
    do not all find their panels, stays (the panels found are still named)."""
    extra = named(ARIA.replace('<div role="tablist">', '<div role="tablist"><span>Mode:</span>'))
    assert "Mode:" in extra and titles(extra) == ["Windows", "Linux"]
    missing = named(ARIA.replace('id="b"', 'id="c"'))
    assert "<button" in missing and titles(missing) == ["Windows"]


def test_a_panel_that_starts_with_its_name_is_not_named_twice():
    out = named(ARIA.replace("<p>Run the installer.</p>", "<h4>Windows</h4><p>Run it.</p>"))
    assert titles(out) == ["Linux"]
    assert out.count("Windows") == 1


def test_buttons_alone_without_panels_are_left_as_they_are():
    html = '<p>Press <button data-bs-toggle="tab">Save</button> now.</p>'
    assert named(html) == html


def test_a_sites_own_bootstrap_tabs_print_each_panel_under_its_name(tmp_path):
    """A site's shortcode writes Bootstrap 5's tab bar and panels (ids made from
    .Ordinal): the PDF's HTML has the names above the panels, no button bar."""
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Start."),
        "layouts/shortcodes/tabs.html": (
            '{{- $id := printf "tabs-%d" .Ordinal -}}\n'
            '<ul class="nav nav-tabs" role="tablist">\n'
            '{{- range $i, $name := split (.Get "names") "," }}\n'
            '<li class="nav-item" role="presentation"><button class="nav-link" type="button" '
            'role="tab" data-bs-toggle="tab" data-bs-target="#{{ $id }}-{{ $i }}" '
            'aria-controls="{{ $id }}-{{ $i }}">{{ $name }}</button></li>\n'
            '{{- end }}\n</ul>\n<div class="tab-content">\n'
            '{{- range $i, $body := split .Inner "----" }}\n'
            '<div class="tab-pane fade" id="{{ $id }}-{{ $i }}" role="tabpanel">'
            '{{ $body | markdownify }}</div>\n{{- end }}\n</div>\n'),
        "content/de/install.md": page("Installieren", 1, body=(
            'System:\n\n{{< tabs names="Windows,Linux" >}}\nDen **Installer** starten.\n'
            '----\n`apt install tool` eingeben.\n{{< /tabs >}}\n\nDanach starten.\n')),
    }, HUGO_TOML)
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    body = html.split('id="p-install"')[1]
    assert titles(body) == ["Windows", "Linux"], body
    assert "<button" not in body and "nav-tabs" not in body
    assert body.index("Windows") < body.index("Installer") < body.index("Linux") \
        < body.index("apt install tool") < body.index("Danach starten")
    assert not [f for f in result.findings if f.code == "unknown-shortcode"]


def test_a_tab_pointing_at_a_heading_does_not_put_a_name_into_it():
    html = ('<ul role="tablist"><li><a role="tab" href="#setup">Setup</a></li></ul>'
            '<h2 id="setup">Setup steps</h2><p>Text.</p>')
    assert named(html) == html


def test_two_buttons_naming_one_panel_keep_their_bar():
    """Only one name prints above a panel: a second button naming it would lose its words
    with the bar, so the bar stays."""
    out = named('<div role="tablist"><button role="tab" aria-controls="a">Kurz</button>'
                '<button role="tab" aria-controls="a">Lang</button></div>'
                '<div id="a">Text.</div>')
    assert "Kurz" in out and "Lang" in out and "<button" in out


def test_every_panel_a_tab_opens_prints_whatever_its_name():
    """Found by review: a hidden panel stayed hidden when its text began with its tab's
    name, when it had a name already, or when its tab was an icon alone."""
    out = named('<div role="tablist"><button role="tab" aria-controls="a">Windows</button>'
                '<button role="tab" aria-controls="b">Linux</button>'
                '<button role="tab" aria-controls="c"><svg><path d="M0 0"/></svg></button></div>'
                '<div id="a" hidden><p>Windows users run the installer.</p></div>'
                '<div id="b" style="display: none"><p class="tab-title">Linux</p><p>apt.</p></div>'
                '<div id="c" hidden><p>Icon panel.</p></div>')
    assert "hidden" not in out and "display" not in out, out
    assert out.count("Windows") == 1 and out.count("Linux") == 1 and "Icon panel." in out


def test_two_widgets_with_the_same_ids_name_their_own_panels():
    widget = ('<div role="tablist"><button role="tab" aria-controls="t-0">{a}</button>'
              '<button role="tab" aria-controls="t-1">{b}</button></div>'
              '<div id="t-0" hidden>{a} text.</div><div id="t-1" hidden>{b} words.</div>')
    out = named(widget.format(a="Eins", b="Zwei") + widget.format(a="Drei", b="Vier"))
    assert "hidden" not in out and "<button" not in out, out
    assert out.index("Zwei words.") < out.index("Drei text.")


def test_a_bar_of_thousands_of_tabs_is_named_in_linear_time():
    """Found by fuzzing: each button was looked for inside every other one, and each panel
    inside every bar (6,000 tabs: 6 s of CPU, now 0.2 s)."""
    import time

    count = 6000
    html = ('<ul role="tablist">' + "".join(
        f'<li><button role="tab" aria-controls="p{i}">Tab {i}</button></li>' for i in range(count))
        + "</ul>" + "".join(f'<div id="p{i}" hidden><p>Text {i}</p></div>' for i in range(count)))
    root = parse_fragment(html)
    start = time.process_time()
    name_panels(root)
    assert time.process_time() - start < 2
    out = serialize_children(root)
    assert titles(out) == [f"Tab {i}" for i in range(count)]
    assert 'role="tab"' not in out and "hidden" not in out
