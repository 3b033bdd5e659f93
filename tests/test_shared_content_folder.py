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
