"""Print forms of the shortcodes of LoveIt and its forks DoIt and FixIt, each on a small page
of its own written as the themes' documentation writes them: an admonition keeps its kind and
title, a link its address, a map, song or video where to find it, and nothing of the
shortcode syntax is left in a built PDF."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from manualgen.cli import main
from manualgen.shortcodes import inline_data, sort_by

from .conftest import page as page_md
from .conftest import png_bytes, write_site
from .test_convert import Site, squeeze
from .theme_calls import prints_cleanly, shortcode_call

LOVEIT_TEMPLATES = ["admonition", "style", "link", "image", "version", "mapbox", "music",
                    "bilibili", "echarts", "typeit", "person", "spoiler", "raw", "align",
                    "align-center", "float-right", "center-quote", "fa", "script", "details",
                    "timeline", "friend", "showcase", "aplayer", "audio", "code", "cardlink",
                    "reward", "fixit-encryptor", "gallery", "countdown", "diagram", "x_simple", "env",
                    "auto-dark", "spotify", "bluesky", "douyin", "file-tree"]


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def no_unknown(site: Site) -> None:
    assert not [f for f in site.findings if f.code == "unknown-shortcode"], list(site.findings)


def test_an_admonition_keeps_its_kind_and_title_named_or_positional(site):
    named = squeeze(site.render('{{< admonition type=tip title="Tip *title*" open=false >}}\n'
                                "A **tip** banner\n\n```bash\nhugo server\n```\n{{< /admonition >}}"))
    assert named.startswith('<aside class="alert alert-success admonition" role="note">'
                            '<p class="alert-title">Tip <em>title</em></p><div class="alert-body">'
                            "<p>A <strong>tip</strong> banner</p>")
    assert "hugo server" in named
    positional = site.render('{{< admonition warning "Be careful" false >}}Mind it{{< /admonition >}}')
    assert 'alert-warning' in positional and ">Be careful<" in positional
    assert "false" not in positional
    markdown = squeeze(site.render("{{% admonition bug %}}\n- one\n- two\n{{% /admonition %}}"))
    assert '<aside class="alert alert-danger admonition"' in markdown
    assert ">Bug<" in markdown and "<li>one</li>" in markdown


def test_an_admonition_without_a_title_prints_the_name_of_its_kind(site):
    assert ">Hinweis<" in site.render("{{< admonition >}}A note{{< /admonition >}}")
    assert ">Achtung<" in site.render('{{< admonition type="warning" >}}x{{< /admonition >}}')
    assert ">Question<" in site.render("{{< admonition question >}}x{{< /admonition >}}")
    no_unknown(site)


def test_links_take_their_address_as_text_unless_given_other_words(site):
    html = site.render('{{< link "https://assemble.io" >}} {{< link "mailto:a@b.org" "mail **me**" '
                       '"A title" >}} {{< link href="https://x.org/" content="X" title="T" >}}')
    assert '<a href="https://assemble.io">https://assemble.io</a>' in html
    assert '<a href="mailto:a@b.org">mail <strong>me</strong></a>' in html
    assert '<a href="https://x.org/">X</a>' in html and "A title" not in html
    assert not site.findings.warnings


def test_the_teams_link_still_takes_its_text_and_says_when_it_is_not_closed(site):
    assert '>here</a' in site.render('{{<link url="https://x.org/">}}here{{</link>}}')
    assert not site.findings.warnings
    site.render('{{<link url="https://y.org/">}} and on')
    (warning,) = site.findings.warnings
    assert warning.code == "unclosed-shortcode" and "/link" in warning.message


def test_an_image_prints_its_caption_named_or_positional(site):
    named = site.render('{{< image src="/images/a.png" caption="Lighthouse (`image`)" '
                        'src_s="/images/s.png" src_l="/images/l.png" >}}')
    assert '<img src="/images/a.png"' in named and "<code>image</code>" in named
    assert "s.png" not in named
    positional = site.render('{{< image "b.png" "Alt words" "The caption" >}}')
    assert 'alt="Alt words"' in positional and "<p>The caption</p>" in positional
    book = site.render('{{< image src="c.png" alt="Alt" title="Book title" >}}')
    assert 'alt="Alt"' in book and "Book title" in book


def test_a_version_prints_as_a_badge_of_its_kind(site):
    assert squeeze(site.render("{{< version 0.2.0 changed >}}")) == (
        '<span class="mg-badge mg-version"><span class="mg-badge-title">Changed</span> 0.2.0</span>')
    assert ">New</span> 1.0" in site.render("{{< version 1.0 >}}")
    assert site.render("{{< version >}}") == ""


def test_maps_songs_and_videos_print_where_to_find_them(site):
    for call in ("{{< mapbox 121.485 31.233 12 >}}", "{{< mapbox lng=121.485 lat=31.233 zoom=12 >}}"):
        html = site.render(call)
        assert "31.233, 121.485" in html
        assert "openstreetmap.org/?mlat=31.233&amp;mlon=121.485#map=12/31.233/121.485" in html
    site.render("{{< mapbox >}}")
    assert [f.code for f in site.findings.warnings] == ["bad-shortcode"]
    song = site.render('{{< music url="https://m.example/w.mp3" name="Wavelength" artist="oldmanyoung" >}}')
    assert "Wavelength – oldmanyoung" in song and 'href="https://m.example/w.mp3"' in song
    assert "(netease song 1868553)" in site.render("{{< music netease song 1868553 >}}")
    assert 'href="https://music.163.com/#/playlist?id=60198"' in site.render(
        '{{< music "https://music.163.com/#/playlist?id=60198" >}}')
    video = site.render("{{< bilibili BV1Sx411T7QQ 3 >}}")
    assert 'href="https://www.bilibili.com/video/BV1Sx411T7QQ?p=3"' in video
    assert "bilibili.com/video/BV1TJ411C7An" in site.render("{{< bilibili id=BV1TJ411C7An >}}")


def test_charts_and_typed_text_keep_their_words(site):
    chart = site.render('{{< echarts >}}\n{"title": {"text": "Sales"}}\n{{< /echarts >}}')
    assert ">ECharts<" in chart and "Sales" in chart and 'class="language-json"' in chart
    typed = site.render("{{< typeit >}}\nA *typed* line\nand **another**\n{{< /typeit >}}")
    assert squeeze(typed) == ('<p class="mg-typeit">A <em>typed</em> line<br />and '
                              "<strong>another</strong></p>")
    code = site.render("{{< typeit code=java >}}\nclass A {}\n{{< /typeit >}}")
    assert 'class="language-java"' in code and "class A {}" in code


def test_styled_placed_and_hidden_content_prints_as_content(site):
    styled = squeeze(site.render('{{< style "text-align:right; strong{color:#00b1ff;}" >}}\n'
                                 "This is **right**.\n{{< /style >}}"))
    assert styled == '<div class="mg-style"><p>This is <strong>right</strong>.</p></div>'
    assert "color" not in styled
    assert "<em>Centered</em>" in site.render("{{% align center %}}*Centered*{{% /align %}}")
    assert "forty-two" in site.render("It is {{< spoiler >}}forty-two{{< /spoiler >}}.")
    person = site.render('{{< person "https://e.org" "Evgeny" "author" "pic.jpg" >}}')
    assert '<a href="https://e.org">Evgeny</a> (author)' in person and "pic.jpg" not in person
    assert site.render('Icon{{< fa "fab fa-github" >}}.') == "<p>Icon.</p>"
    no_unknown(site)


def test_align_keeps_the_side_it_names(site):
    assert '<div class="mg-block mg-align mg-align-center">' in site.render("{{% align center %}}x{{% /align %}}")
    assert '<div class="mg-block mg-align mg-align-right">' in site.render("{{< align-right >}}x{{< /align-right >}}")
    assert '<div class="mg-block mg-align">' in site.render("{{% align middle %}}x{{% /align %}}")


def test_a_countdown_prints_the_moment_it_counts_down_to(site):
    html = squeeze(site.render('{{< countdown id="launch" date="2026-12-31T00:00:00+01:00" class="big" >}}'))
    assert html == ('<p class="mg-countdown"><span class="mg-badge"><time datetime="2026-12-31T00:00:00+01:00">'
                    "2026-12-31T00:00:00+01:00</time></span></p>")
    # LoveIt prints nothing without an id, and an empty clock without a date
    assert site.render('{{< countdown date="2026-12-31" >}}').strip() == ""
    assert site.render('{{< countdown id="x" >}}').strip() == ""
    no_unknown(site)


def test_the_diagram_prints_its_mermaid_source_and_x_simple_the_posts_address(site):
    html = site.render("{{< diagram >}}\ngraph LR;\n  A --> B;\n{{< /diagram >}}")
    assert '<div class="code-block mg-diagram"><div class="code-filename">Mermaid</div>' in html
    assert "graph LR;\n  A --&gt; B;</code>" in html
    post = site.render('{{< x_simple user="gohugoio" id="1315233626070503424" >}}')
    assert 'href="https://x.com/gohugoio/status/1315233626070503424"' in post
    no_unknown(site)


def test_fixits_timeline_prints_its_events_in_timestamp_order(site):
    html = squeeze(site.render("{{< timeline placement=bottom >}}\nevents:\n  - timestamp: 2023-10-10\n"
                               "    content: Second **event**\n  - timestamp: 2023-09-26\n"
                               "    content: First\n  - content: Undated\n    hideTimestamp: true\n"
                               "{{< /timeline >}}"))
    assert html.index("Undated") < html.index(">2023-09-26<") < html.index("First") < html.index(">2023-10-10<")
    assert "<strong>event</strong>" in html and "events:" not in html
    newest = site.render('{{< timeline true >}}\n{"events": [{"timestamp": "a", "content": "A"}, '
                         '{"timestamp": "b", "content": "B"}]}\n{{< /timeline >}}')
    assert newest.index(">b<") < newest.index(">a<")
    blowfish = site.render('{{< timeline >}}\n{{< timelineItem header="Step" >}}\nLorem\n{{< /timelineItem >}}\n'
                           "{{< /timeline >}}")
    assert "<strong>Step</strong>" in blowfish and "Lorem" in blowfish
    assert "just words" in site.render("{{< timeline >}}\njust words\n{{< /timeline >}}")


def test_inline_data_reads_json_yaml_or_toml_and_sort_by_orders_tables_as_text():
    assert inline_data('{"events": [1]}') == {"events": [1]}
    assert inline_data("events:\n  - timestamp: 2023-01-02") == {"events": [{"timestamp": date(2023, 1, 2)}]}
    assert inline_data('[events]\nx = 1') == {"events": {"x": 1}}
    assert inline_data("just words") is None and inline_data("") is None and inline_data("[") is None
    assert sort_by([{"t": 2}, "x", {"t": "10"}, {}], "t") == [{}, {"t": "10"}, {"t": 2}]
    assert sort_by([{"t": date(2023, 9, 2)}, {"t": "2023-10-01"}], "t", reverse=True)[0] == {"t": "2023-10-01"}
    assert sort_by("no list", "t") == []


def test_doit_and_fixit_cards_players_and_code_keep_their_words(site):
    friend = site.render('{{< friend "Dillon" "https://dillonzq.com/" "a.jpg" "LoveIt author" >}}')
    assert '<a href="https://dillonzq.com/">Dillon</a> (LoveIt author)' in friend and "a.jpg" not in friend
    showcase = squeeze(site.render('{{< showcase title="Docs" summary="The *DoIt* theme" image="s.png" '
                                   'link="https://doit.org/" >}}'))
    assert '<img src="s.png" alt="Docs" />' in showcase and '<a href="https://doit.org/">Docs</a>' in showcase
    assert "The <em>DoIt</em> theme" in showcase
    player = site.render('{{< aplayer fixed=false >}}\n{{< audio name="Wave" artist="Old" url="https://m.org/w.mp3" >}}'
                         "\n{{< /aplayer >}}")
    assert "Wave – Old" in player and 'href="https://m.org/w.mp3"' in player
    code = squeeze(site.render('{{< code lang="go" title="main.go" >}}\npackage main\n{{< /code >}}'))
    assert code == ('<div class="code-block"><div class="code-filename">main.go</div><pre><code class="language-go" '
                    'data-lang="go">package main</code></pre></div>')
    card = site.render('{{< cardlink "https://fixit.lruihao.cn" "FixIt *Docs*" "A title" >}}')
    assert '<a href="https://fixit.lruihao.cn">FixIt <em>Docs</em></a>' in card and "A title" not in card
    assert site.render("{{< reward >}}").strip() == ""
    assert not site.findings.warnings


def test_content_behind_a_password_is_not_printed_and_check_says_so(site):
    html = site.render('{{< fixit-encryptor "123456" "Enter the password" >}}\nSECRET\n{{< /fixit-encryptor >}}')
    assert "SECRET" not in html and "Enter the password" in html
    assert [f.code for f in site.findings.warnings] == ["not-printed"]
    assert "OPEN" in site.render("{{< fixit-encryptor >}}\nOPEN\n{{< /fixit-encryptor >}}")


def test_a_spoiler_with_words_folds_its_content_under_them(site):
    html = squeeze(site.render('{{< spoiler text="Click to view" >}}\nHidden **content**\n{{< /spoiler >}}'))
    assert html == ('<details open class="mg-spoiler"><summary>Click to view</summary><p>Hidden '
                    "<strong>content</strong></p></details>")


def test_doits_gallery_shows_the_bundles_pictures_that_match(tmp_path):
    site = Site(tmp_path, {"content/de/trip/index.md": "---\ntitle: Trip\n---\n",
                           "content/de/trip/images/b.png": png_bytes(), "content/de/trip/images/A.jpg": png_bytes(),
                           "content/de/trip/cover.png": png_bytes(), "content/de/trip/notes.txt": "x"})

    def gallery(call: str) -> str:
        page = SimpleNamespace(body=call, body_line=5, path=tmp_path / "content/de/trip/index.md",
                               rel="trip/index.md", lang="de")
        return squeeze(site.converter.convert(page))

    desc = gallery('{{< gallery match="images/*" sortOrder="desc" rowHeight="150" >}}')
    assert desc == ('<figure class="mg-gallery"><img src="images/b.png" class="grid-w33" alt="" />'
                    '<img src="images/A.jpg" class="grid-w33" alt="" /></figure>')
    assert gallery("{{< gallery >}}").count("<img ") == 3
    top = gallery('{{< gallery match="*.PNG" >}}')
    assert "cover.png" in top and "images/" not in top
    assert "notes.txt" not in gallery('{{< gallery match="**" >}}')
    assert gallery('{{< gallery match="none/*" >}}') == ""
    site.converter.finish()
    assert [f.code for f in site.findings.warnings] == ["missing-image"]


def test_fixits_env_prints_what_the_sites_build_environment_shows(site):
    assert "<strong>Live</strong>" in site.render('{{< env "production" >}}\n**Live**\n{{< /env >}}')
    assert site.render('{{< env "development" >}}\nDraft notes\n{{< /env >}}').strip() == ""
    assert "<p>Inverted <em>colours</em></p>" in site.render("{{% auto-dark %}}\nInverted *colours*\n{{% /auto-dark %}}")
    no_unknown(site)


def test_fixits_players_and_posts_print_where_to_find_them(site):
    for call, kind, url in (
            ('{{< spotify type="album" id="4RuzGKLG99XctuBMBkFFOC" >}}', "Spotify",
             "https://open.spotify.com/album/4RuzGKLG99XctuBMBkFFOC"),
            ('{{< spotify track 5lZ4wVQ2wLxFxsUSIHmv1M >}}', "Spotify",
             "https://open.spotify.com/track/5lZ4wVQ2wLxFxsUSIHmv1M"),
            ('{{< bluesky link="https://bsky.app/profile/a.b/post/3l" >}}', "Bluesky",
             "https://bsky.app/profile/a.b/post/3l"),
            ("{{< douyin 7349052432592964914 >}}", "Douyin",
             "https://open.douyin.com/player/video?vid=7349052432592964914")):
        html = site.render(call)
        assert f'<span class="media-kind">{kind}</span> <a href="{url.replace("&", "&amp;")}">' in html, call
    assert site.render("{{< spotify >}}").strip() == "" and site.render("{{< bluesky >}}").strip() == ""
    no_unknown(site)

def test_fixits_file_tree_prints_the_folders_and_files_written_or_in_the_bundle(tmp_path):
    site = Site(tmp_path, {"content/de/tree/index.md": "---\ntitle: Tree\n---\n",
                           "content/de/tree/tree.toml": '[[filetree]]\nname = "src"\ntype = "dir"\n'
                                                        '[[filetree.children]]\nname = "main.ts"\ntype = "file"\n'})
    written = squeeze(site.render('{{< file-tree ignoreList="dist" >}}\n- name: app\n  type: dir\n  children:\n'
                                  "    - name: dist\n      type: dir\n    - name: .DS_Store\n"
                                  "    - name: package.json\n      type: file\n{{< /file-tree >}}"))
    assert written == ('<div class="mg-filetree"><ul><li><span class="mg-folder">app</span><ul><li>'
                       '<span class="mg-file">package.json</span></li></ul></li></ul></div>')
    page = SimpleNamespace(body='{{< file-tree file="tree.toml" level=0 >}}', body_line=5,
                           path=tmp_path / "content/de/tree/index.md", rel="tree/index.md", lang="de")
    bundled = squeeze(site.converter.convert(page))
    assert bundled == ('<div class="mg-filetree"><ul><li><span class="mg-folder">src</span><ul><li>'
                       '<span class="mg-file">main.ts</span></li></ul></li></ul></div>')
    assert not site.findings.warnings
    # a tree of the project's folders or of data/ is not read: said, not guessed
    assert site.render('{{< file-tree "content" 2 />}}').strip() == ""
    assert site.render("{{< file-tree >}}\njust words\n{{< /file-tree >}}").strip() == ""
    assert [f.code for f in site.findings.warnings] == ["not-printed", "bad-shortcode"]


@pytest.fixture(scope="module")
def loveit_pdf(tmp_path_factory):
    """A LoveIt blog with the theme's documented uses of its shortcodes, built to a PDF."""
    root = tmp_path_factory.mktemp("loveit")
    body = """\
        {{< admonition info "Custom info title" >}}
        An **info** banner
        {{< /admonition >}}

        {{< admonition type=danger open=false >}}
        DANGER-BODY
        {{< /admonition >}}

        See {{< link "https://github.com/upstage/" Upstage "Visit Upstage!" >}}.

        {{< image src="/images/light.png" caption="LIGHTHOUSE-CAPTION" >}}

        {{< mapbox 121.485 31.233 12 >}}

        {{< version 0.2.0 deleted >}}

        {{% align right %}}ALIGNED-TEXT{{% /align %}}
        """
    write_site(root, {
        "content/_index.md": page_md("Home", body="Welcome.\n"),
        "content/posts/shortcodes.md": page_md("Extended Shortcodes", 1, body),
        "static/images/light.png": png_bytes(),
    }, 'baseURL = "https://example.org/"\ntitle = "LoveIt"\ntheme = "LoveIt"\n'
       "[markup.goldmark.renderer]\nunsafe = true\n")
    out = root / "out"
    assert main(["build", "--site", str(root), "--all", "--out", str(out), "--quiet"]) == 0
    (pdf,) = out.glob("*.pdf")
    return root, " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())


def test_the_built_pdf_keeps_every_shortcodes_words_and_no_syntax(loveit_pdf):
    _root, text = loveit_pdf
    for words in ("Custom info title", "An info banner", "DANGER-BODY", "Upstage",
                  "github.com/upstage", "LIGHTHOUSE-CAPTION", "31.233, 121.485",
                  "Deleted 0.2.0", "ALIGNED-TEXT"):
        assert words in text, words
    for stray in ("{{<", "{{%", "<div", "Visit Upstage"):
        assert stray not in text, stray


def test_check_finds_no_unknown_shortcode_in_the_loveit_site(loveit_pdf, capsys):
    root, _ = loveit_pdf
    capsys.readouterr()
    assert main(["check", "--site", str(root), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"unknown-shortcode"' not in out and '"shortcode-template"' not in out


_KEYS = ["type", "title", "open", "details", "href", "content", "rel", "class", "src", "alt",
         "caption", "src_s", "description", "lng", "lat", "zoom", "url", "name", "artist",
         "server", "id", "auto", "aid", "p", "code", "raw", "tag", "text", "picture", "avatar", "bio",
         "summary", "image", "link", "lang", "source", "password", "message", "reverse", "match",
         "sortOrder", "unknown"]
_VALUES = st.one_of(st.sampled_from(["", " ", "true", "false", "-1", "0.2.0", "note", "bug",
                                     "https://x.org", "mailto:x", "span", "{}", "[", "..", "/",
                                     "events:", "../x.cpp"]),
                    st.text(max_size=12))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(LOVEIT_TEMPLATES),
       named=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4),
       positional=st.lists(_VALUES, max_size=5),
       inner=st.one_of(st.none(), st.text(max_size=30)), markdown=st.booleans())
def test_odd_parameters_never_break_a_template(site, name, named, positional, inner, markdown):
    prints_cleanly(site, shortcode_call(name, named, positional, inner, markdown))


@pytest.mark.parametrize("call", ["{{< code >}}{{< /code >}}", '{{< code source="" >}}{{< /code >}}',
                                  '{{< code title="x" >}}\n{{< /code >}}'])
def test_a_code_shortcode_with_no_code_and_no_file_prints_nothing_without_failing(site, call):
    # The template took the missing source (None) for code: "'None' has no attribute 'strip'"
    prints_cleanly(site, call)
