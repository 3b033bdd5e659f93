"""Docsy's and Hugo's constructs printed as a reader of the binder expects, and as Docsy says.

Tabs (``tabpane``/``tab``) print every tab under its header, with Docsy's rules for code and
text; an ``alert`` prints its title instead of its kind's label; ``<details>`` prints open
under a bold summary; a video (shortcode or raw ``<video>``) prints a framed note with its
title, caption, address and poster.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from manualgen.build import BuildOptions, build

from .conftest import page, png_bytes, without_name_spans, write_site
from .test_convert import Site, squeeze


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def tabs_of(html: str) -> list[tuple[str, str]]:
    """(header, body) of each printed tab, white space squeezed."""
    found = re.findall(r'<p class="tab-title">(.*?)</p>\s*<div class="tab-body">(.*?)</div>\s*</div>',
                       html, re.DOTALL)
    return [(h, squeeze(b)) for h, b in found]


# --- tabpane / tab -------------------------------------------------------------------------

def test_tab_content_is_code_unless_the_tab_or_its_pane_says_text(site):
    # Docsy highlights a tab's content as code by default: Markdown and HTML print as written.
    html = site.render('{{< tabpane >}}\n{{< tab header="Shell" >}}\n*md* <b>x</b>\n'
                       "{{< /tab >}}\n{{< /tabpane >}}")
    assert tabs_of(html) == [("Shell", "<pre><code>*md* &lt;b&gt;x&lt;/b&gt;</code></pre>")]


def test_text_tabs_render_markdown_with_percent_and_keep_angle_content_as_written(site):
    # {{% tab %}}: Hugo renders the Markdown of a nested %-shortcode; {{< tab >}}: as written.
    html = site.render("{{< tabpane text=true >}}\n{{% tab header=\"Windows\" %}}\n"
                       "Start **setup**.\n\n- one\n{{% /tab %}}\n"
                       '{{< tab header="Raw" >}}<em>as</em> **is**{{< /tab >}}\n{{< /tabpane >}}\n\n'
                       '{{< tabpane >}}{{< tab header="Own" text=true >}}<i>x</i>{{< /tab >}}'
                       "{{< /tabpane >}}")
    assert tabs_of(html) == [
        ("Windows", "<p>Start <strong>setup</strong>.</p><ul><li>one</li></ul>"),
        ("Raw", "<em>as</em> **is**"),
        ("Own", "<i>x</i>"),
    ]


def test_a_tabs_text_false_does_not_undo_its_panes_text_true(site):
    html = site.render('{{< tabpane text=true >}}{{< tab header="A" text=false >}}<i>x</i>'
                       "{{< /tab >}}{{< /tabpane >}}")
    assert tabs_of(html) == [("A", "<i>x</i>")]


def test_code_language_and_highlight_options_come_from_the_tab_else_its_pane(site):
    html = site.render(
        '{{< tabpane lang="sh" highlight="linenos=table,hl_lines=2" >}}\n'
        '{{< tab header="Bash" >}}\necho "<x>"\nls\n{{< /tab >}}\n'
        '{{< tab header="JSON" lang="json" highlight="" >}}{"a": 1}{{< /tab >}}\n'
        "{{< /tabpane >}}\n\n"
        "{{< tabpane langEqualsHeader=true >}}{{< tab yaml >}}a: 1{{< /tab >}}{{< /tabpane >}}")
    bash = ('<pre class="lines numbered"><code class="language-sh" data-lang="sh">'
            '<span class="line"><span class="ln">1</span>echo &#34;&lt;x&gt;&#34;</span>'
            '<span class="line hl"><span class="ln">2</span>ls</span></code></pre>')
    json = ('<pre class="lines numbered"><code class="language-json" data-lang="json">'
            '<span class="line"><span class="ln">1</span>{&#34;a&#34;: 1}</span></code></pre>')
    yaml = '<pre><code class="language-yaml" data-lang="yaml">a: 1</code></pre>'
    assert tabs_of(html) == [("Bash", bash), ("JSON", json), ("yaml", yaml)]


def test_tab_headers_positional_named_markdown_or_numbered(site):
    html = site.render('{{< tabpane text=true >}}{{< tab "Erster" >}}a{{< /tab >}}'
                       '{{< tab header="**Zweiter**" >}}b{{< /tab >}}{{< tab >}}c{{< /tab >}}'
                       "{{< /tabpane >}}")
    # Docsy's default header counts the tabs from 0, as Hugo's .Ordinal does.
    assert [h for h, _ in tabs_of(html)] == ["Erster", "<strong>Zweiter</strong>", "Tab 2"]


def test_a_disabled_tab_prints_its_header_only_and_stray_text_is_left_out(site):
    html = site.render('{{< tabpane text=true >}}\n{{< tab header="**Modus**:" disabled=true >}}'
                       "Never shown{{< /tab >}}\nStray words between tabs.\n"
                       '{{% tab header="Cluster" %}}Im Cluster{{% /tab %}}\n{{< /tabpane >}}')
    assert '<p class="tab-title tab-disabled"><strong>Modus</strong>:</p>' in html
    assert "Never shown" not in html and "Stray" not in html  # Docsy shows neither
    assert tabs_of(html) == [("Cluster", "Im Cluster")]
    assert html.index("Modus") < html.index("Cluster")


def test_right_and_persist_only_matter_on_screen(tmp_path):
    body = '{{% tab header="A" %}}x{{% /tab %}}{{% tab header="B" %}}y{{% /tab %}}{{< /tabpane >}}'
    plain = Site(tmp_path / "a")
    placed = Site(tmp_path / "b")
    assert (placed.render("{{< tabpane text=true right=true persist=lang persistLang=false >}}" + body)
            == plain.render("{{< tabpane text=true >}}" + body))
    assert not placed.findings.warnings


def test_a_tab_outside_a_tabpane_prints_alone_with_a_warning(site):
    html = site.render('{{< tab header="Allein" >}}x{{< /tab >}}')
    assert tabs_of(html) == [("Allein", "<pre><code>x</code></pre>")]
    (warning,) = site.findings.warnings
    assert warning.code == "bad-shortcode" and warning.line == 5


def test_highlight_shortcode_numbers_and_marks_lines(site):
    html = site.render('{{< highlight go "linenos=inline,hl_lines=1,linenostart=7" >}}\n'
                       "a := 1\nb := 2\n{{< /highlight >}}")
    assert squeeze(html) == (
        '<pre class="lines numbered"><code class="language-go" data-lang="go">'
        '<span class="line hl"><span class="ln">7</span>a := 1</span>'
        '<span class="line"><span class="ln">8</span>b := 2</span></code></pre>')


# --- alert ---------------------------------------------------------------------------------

def test_alert_prints_its_title_instead_of_the_label(site):
    html = site.render('{{< alert title="Vor dem Start" color="warning" >}}Text{{< /alert >}}')
    assert '<h4 class="alert-title alert-heading">Vor dem Start</h4>' in html
    assert "alert-label" not in html and "Achtung" not in html  # "Achtung" was printed above it
    assert 'class="alert alert-warning"' in html


def test_alert_without_title_keeps_its_kind_label(site):
    html = site.render('{{< alert color="danger" >}}Text{{< /alert >}}')
    assert '<p class="alert-label mg-label">Vorsicht</p>' in html and "alert-title" not in html
    assert 'class="alert alert-danger"' in html


# --- details -------------------------------------------------------------------------------

def test_hugo_details_shortcode_prints_a_details_element_open(site):
    html = site.render('{{< details summary="Mehr *dazu*" >}}Der **Rest**.{{< /details >}}\n\n'
                       "{{< details >}}x{{< /details >}}")
    assert squeeze(html) == (
        "<details open><summary>Mehr <em>dazu</em></summary><p>Der <strong>Rest</strong>.</p>"
        "</details><details open><summary>Details</summary><p>x</p></details>")


# --- whole builds: details and videos on paper ---------------------------------------------

MEDIA_PAGE = """\
<details>
<summary>Warum muss ich mich anmelden?</summary>

Die Anmeldung schützt Ihre Daten.

</details>

{{< video src="/videos/anmelden.mp4" title="Anmelden in drei Schritten" caption="Dauer: *2 Minuten*" poster="/img/poster.png" >}}

{{< video "https://media.example.com/kurs/intro.webm" >}}

<video controls poster="/docs/img/poster.png" title="Rohes Video">
  <source src="/docs/videos/raw.mp4" type="video/mp4">
  Ihr Browser kann dieses Video nicht abspielen.
</video>

<figure>
<video src="clip.mp4" poster="fehlt.png"></video>
<figcaption>Ein Clip der Seite</figcaption>
</figure>

Ende.
"""

SITE_CSS = "details:not([open]) > :not(summary) { display: none }\n"  # as web styles often do


@pytest.fixture(scope="module")
def media_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("media")
    site = write_site(root / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/medien/index.md": page("Medien", 1, MEDIA_PAGE),
        "static/img/poster.png": png_bytes(320, 180, (40, 70, 110)),
        "print/site.css": SITE_CSS,
        "manualgen.toml": '[print]\nstylesheets = ["print/site.css"]\n',
    })
    out = root / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    assert result.ok
    html = without_name_spans((out / "test-manual-de.html").read_text(encoding="utf-8"))
    return result, html, out / "test-manual-de.pdf"


def notes_of(html: str) -> list[str]:
    return re.findall(r'<div class="media-note video-note">(.*?)</div>', html, re.DOTALL)


def test_videos_print_a_framed_note_with_title_address_caption_and_poster(media_build):
    result, html, _pdf = media_build
    assert "<video" not in html and "nicht abspielen" not in html  # nor the fallback text
    notes = notes_of(html)
    assert len(notes) == 4
    kind = '<span class="media-kind mg-label">Video</span> '
    shortcode, remote, raw, bundle = notes
    assert re.fullmatch(
        r'<figure class="video-poster"><img src="[^"]+" alt="Video: Anmelden in drei Schritten"[^>]*>'
        r"</figure>" + re.escape(
            f'<p class="media-link">{kind}<a href="https://example.org/docs/videos/anmelden.mp4" '
            'class="external media-address">Anmelden in drei Schritten</a></p>'
            '<p class="media-caption">Dauer: <em>2 Minuten</em></p>'), shortcode)
    assert remote == (f'<p class="media-link">{kind}<a href="https://media.example.com/kurs/intro.webm" '
                      'class="external media-address bare">https://media.example.com/kurs/intro.webm</a></p>')
    assert '<img src="' in raw and "https://example.org/docs/videos/raw.mp4" in raw and "Rohes Video" in raw
    # A page bundle's own file: the page's address; its poster is not there, so none.
    assert bundle == (f'<p class="media-link">{kind}<a href="https://example.org/docs/medien/clip.mp4" '
                      'class="external media-address bare">https://example.org/docs/medien/clip.mp4'
                      '</a></p><p class="media-caption">Ein Clip der Seite</p>')
    problems = [(f.code, f.line) for f in result.findings]
    assert problems == [("missing-image", 22)]  # fehlt.png; a video address is no link to check


def test_details_print_open_under_a_bold_summary(media_build):
    import weasyprint

    _result, html, pdf = media_build
    assert "<details open" in html
    text = "".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "Die Anmeldung schützt Ihre Daten." in text  # the site's web CSS would hide it
    assert "https://example.org/docs/videos/anmelden.mp4" in text
    # The summary is a bold block of its own, the body follows it.
    html_file = pdf.with_suffix(".html")
    document = weasyprint.HTML(filename=str(html_file)).render()

    def walk(box):
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    boxes = [b for p in document.pages for b in walk(p._page_box)]
    summary = next(b for b in boxes if b.element_tag == "summary")
    assert summary.style["font_weight"] == 700 and summary.style["display"] == ("block", "flow")


def test_a_recording_prints_a_framed_audio_note(tmp_path):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body=(
            'Hören Sie die Anleitung:\n\n<audio controls src="/audio/anleitung.mp3" '
            'title="Anleitung zum Hochladen">Ihr Browser spielt kein Audio ab.</audio>\n')),
    })
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    assert result.ok
    html = (out / "test-manual-de.html").read_text(encoding="utf-8")
    assert "<audio" not in html and "kein Audio" not in html
    assert ('<div class="media-note audio-note"><p class="media-link"><span class="media-kind '
            'mg-label">Audio</span> <a href="https://example.org/audio/anleitung.mp3" '
            'class="external media-address">Anleitung zum Hochladen</a></p></div>') in html


# --- Hugo's own figure ----------------------------------------------------------------------

def test_a_figure_prints_its_attribution_after_its_caption_as_hugo_does(site):
    # Hugo 0.168.0's figure: the caption and the attribution in one <p>, the attribution
    # linked when attrlink is given
    html = site.render(
        '{{< figure src="/shot.png" title="Form" caption="The *form*" attr="Photo: Ann" '
        'attrlink="https://photos.example.com/ann" >}}\n\n'
        '{{< figure src="/shot.png" attr="Only **credit**" >}}\n')
    assert re.search(r'<figcaption><h4>Form</h4><p>The <em>form</em> <a href="https://photos'
                     r'\.example\.com/ann"[^>]*>Photo: Ann</a></p></figcaption>', html), html
    assert 'alt="The form"' in html  # the caption as plain text, as Hugo makes it
    html = squeeze(html)
    assert "<figcaption><p>Only <strong>credit</strong></p></figcaption>" in html
