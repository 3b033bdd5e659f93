"""A home page written as a whole web document that only forwards the browser (SPL's docs:
``content/de/_index.html`` with a ``<meta http-equiv="refresh">`` to /docs/, and one line
"if you are not redirected, follow this link" to the same address) is for the web only:
the manual opens with its chapters, and ``check`` says why with a note."""

from manualgen.selection import redirect_reason

from .conftest import build_all, check_findings, page, write_site

FORWARD = """\
<!DOCTYPE html>
<html>
<head>
    <meta http-equiv="refresh" content="0; url=/docs/" />
    <title>Forwarding...</title>
</head>
<body>
    <p>If your browser does not forward you, follow this <a href="/docs/">link</a>.</p>
</body>
</html>
"""


def test_a_forwarding_document_is_a_redirect_and_a_page_about_one_is_not():
    assert redirect_reason({}, FORWARD) is not None
    # the same tags, but the page goes on about something else at another address
    other = FORWARD.replace('href="/docs/"', 'href="/blog/"')
    assert redirect_reason({}, other) is None
    told = FORWARD.replace("</body>", "<p>" + "More words. " * 40 + "</p></body>")
    assert redirect_reason({}, told) is None


def test_the_forwarding_home_page_is_left_out_of_the_manual(tmp_path):
    site = write_site(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "Handbook"\n',
        "content/_index.html": FORWARD,
        "content/docs/_index.md": page("Documentation", 1, "The guides."),
    }, hugo=None)
    notes = [f for f in check_findings(site) if f["code"] == "not-printed"]
    assert [n["file"] for n in notes] == ["content/_index.html"], notes
    status, said = build_all(site, tmp_path / "out")
    assert status == 0, said
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "follow this" not in html and "The guides." in html


def test_an_untitled_home_page_is_printed_under_its_languages_title(tmp_path):
    """The site's `title` is Docsy's example's; each language names the manual its own way:
    the home page's introduction takes the language's, as the cover does."""
    import datetime as dt

    from manualgen.config import load_settings
    from manualgen.content import discover
    from manualgen.errors import Findings

    site = write_site(tmp_path / "site", {
        "hugo.yaml": ("baseURL: https://example.org/\ntitle: Goldydocs\ndefaultContentLanguage: de\n"
                      "languages:\n  de:\n    contentDir: content/de\n    title: SPL Dokumentation\n"
                      "  en:\n    contentDir: content/en\n    title: SPL Documentation\n"),
        "content/de/_index.md": "---\ndescription: Start\n---\nWillkommen.\n",
        "content/en/_index.md": "---\ndescription: Start\n---\nWelcome.\n",
    }, hugo=None)
    settings = load_settings(site)
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert discover(settings, "de", Findings(), when).title == "SPL Dokumentation"
    assert discover(settings, "en", Findings(), when).title == "SPL Documentation"
