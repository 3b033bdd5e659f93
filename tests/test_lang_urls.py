"""Azuriom's ``url`` shortcode is ``{{ absLangURL (.Get 0) }}``, written into a Markdown link:
``[notre site]({{< url "/download" >}})``.  Hugo 0.149 gives "/fr/download" on a French
page (relLangURL the same, once: "/fr/x" stays), a web address unchanged.  manualgen ran
no template that calls absLangURL, and a finding about the link had no line; an alert's
icon the shortcode draws was counted as a screenshot the translation lacks."""

from .conftest import check_findings, without_name_spans, write_site

CONFIG = """\
baseURL = "https://azuriom.example/"
defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
weight = 1
[languages.fr]
contentDir = "content/fr"
weight = 2
[markup.goldmark.renderer]
unsafe = true
"""

WARN = ('<blockquote class="alert"><div><img alt="warning" src="{{ absURL "assets/alert.svg" }}">'
        "</div><div>{{- .Inner | markdownify -}}</div></blockquote>\n")


def site(root):
    return write_site(root, {
        "hugo.toml": CONFIG,
        "layouts/shortcodes/url.html": "{{ absLangURL (.Get 0) }}",
        "layouts/shortcodes/rel.html": ('{{ relLangURL (.Get 0) }}|{{ relLangURL "/fr/x" }}|'
                                        '{{ relLangURL "https://x.example/a" }}'),
        "layouts/shortcodes/warn.html": WARN,
        "static/assets/alert.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"/>',
        "content/en/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/en/docs/faq.md": "---\ntitle: FAQ\n---\nRestart PHP.\n",
        "content/fr/_index.md": "---\ntitle: Accueil\n---\nBienvenue.\n",
        "content/fr/docs/faq.md": ("---\ntitle: FAQ\n---\nRedémarrez PHP.\n\n"
                                   "{{< warn >}}\nAttention aux images.\n{{< /warn >}}\n"),
        "content/fr/docs/install.md": ("---\ntitle: Installation\n---\n"
                                       'Prenez-le sur [notre site]({{< url "/download" >}}).\n\n'
                                       'Voir {{< rel "/docs/faq" >}}.\n'),
    }, hugo=None)


def test_lang_urls_take_the_pages_language_and_a_finding_its_line(tmp_path):
    findings = check_findings(site(tmp_path))
    broken = [f for f in findings if f["code"] == "broken-link"]
    assert [(f["file"], f["line"]) for f in broken] == [("content/fr/docs/install.md", 4)], findings
    assert '"/fr/download"' in broken[0]["message"]
    assert not [f for f in findings if f["code"] in ("unknown-shortcode", "shortcode-template")]


def test_an_icon_a_shortcode_draws_is_no_screenshot_of_the_page(tmp_path):
    findings = check_findings(site(tmp_path))
    assert not [f for f in findings if f["code"] == "drift-screenshots"], findings


def test_rel_lang_url_adds_the_prefix_once_and_leaves_web_addresses(tmp_path):
    from .conftest import build_all

    status, said = build_all(site(tmp_path / "site"), tmp_path / "out")
    assert status == 0, said
    html = (tmp_path / "out").glob("*fr*.html")
    text = without_name_spans(next(html).read_text(encoding="utf-8"))
    assert "Voir /fr/docs/faq|/fr/x|https://x.example/a." in text
