"""A site whose top-level contentDir names one language's folder (Apache HugeGraph's docs:
``contentDir = "content/cn"`` beside ``[languages.cn] contentDir = "content/cn"``).  Hugo
0.149 reads that folder as the default language's too: the pictures kept only there are
published at the default language's addresses, and the other language publishes no page."""

from .conftest import check_findings, png_bytes, write_site

CONFIG = """\
baseURL = "https://example.org/"
contentDir = "content/zh"
defaultContentLanguage = "en"
[languages.zh]
contentDir = "content/zh"
weight = 1
[languages.en]
contentDir = "content/en"
[markup.goldmark.renderer]
unsafe = true
"""


def shared_site(root):
    return write_site(root, {
        "hugo.toml": CONFIG,
        "content/en/_index.md": "---\ntitle: Home\n---\n",
        "content/en/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/en/docs/guide.md": (
            "---\ntitle: Guide\n---\nClick Create.\n\n"
            '<center>\n  <img src="/docs/pics/create.png" alt="image">\n</center>\n\n'
            "Then fill in the form.\n\n![form](/docs/pics/form.png)\n"),
        "content/zh/docs/_index.md": "---\ntitle: 文档\n---\n",
        "content/zh/docs/pics/create.png": png_bytes(),
        "content/zh/docs/pics/form.png": png_bytes(),
    }, hugo=None)


def test_a_sections_picture_kept_in_the_other_mounted_folder_is_found(tmp_path):
    findings = check_findings(shared_site(tmp_path))
    assert not [f for f in findings if f["code"] == "missing-image"], findings


def test_the_language_whose_folder_is_taken_is_told_why_it_has_no_pages(tmp_path):
    findings = check_findings(shared_site(tmp_path))
    told = [f for f in findings if f["code"] == "no-content"]
    assert len(told) == 1 and told[0]["lang"] == "zh", findings
    assert 'also a content folder of "en"' in told[0]["message"]
    assert "top-level contentDir" in told[0]["message"]


def test_a_language_without_pages_named_for_it_is_not_told_of_a_top_level_content_dir(tmp_path):
    """Every language reads the one content folder (translation by file name, no contentDir
    anywhere) and no page is named for "fr": Hugo builds an empty French site.  The finding
    says no page is named for the language; the site has no top-level contentDir to remove."""
    site = write_site(tmp_path, {
        "hugo.toml": ('baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
                      "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
                      "[languages.de]\nweight = 3\n"),
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/guide.md": "---\ntitle: Guide\n---\nText.\n",
        "content/guide.de.md": "---\ntitle: Anleitung\n---\nText.\n",
    }, hugo=None)
    findings = check_findings(site)
    told = [f for f in findings if f["code"] == "no-content"]
    assert [f["lang"] for f in told] == ["fr"], findings
    assert "top-level contentDir" not in told[0]["message"]
    assert "guide.fr.md" in told[0]["message"] or ".fr.md" in told[0]["message"]
