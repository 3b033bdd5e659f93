"""Sites with no theme and layouts of their own (Longhorn's, Linkerd's, rclone's kind):
their shortcodes read the page's address, wrap screenshots in links to themselves, and
the print must show what a reader of the web page sees."""

from __future__ import annotations

import re

from manualgen.build import BuildOptions, build

from .conftest import page, png_bytes, write_site


def _html(tmp_path, files: dict) -> tuple[str, list]:
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Home", body="Start."), **files})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    return result.results[0].html.read_text(encoding="utf-8"), list(result.findings)


def test_a_shortcode_reads_the_version_from_its_pages_address(tmp_path):
    """A versioned docs site prints the version a page belongs to by splitting the page's
    .Page.RelPermalink, even inside a code block."""
    html, findings = _html(tmp_path, {
        "layouts/shortcodes/doc-version.html":
            '{{- index (split (replace .Page.RelPermalink "/archives" "") "/") 3 -}}\n',
        "layouts/shortcodes/here.html": "<kbd>{{ .Page.Permalink }}</kbd>",
        "content/de/guide/2.4/_index.md": page("Guide", 1),
        "content/de/guide/2.4/setup.md": page(
            "Setup", 1, body="Get v{{< doc-version >}} from {{< here >}}.\n\n"
                             "```sh\ncurl -O https://get.example/v{{< doc-version >}}/tool\n```\n"),
    })
    assert "Get v2.4 from <kbd>https://example.org/docs/guide/2.4/setup/</kbd>." in html
    assert "https://get.example/v2.4/tool" in html
    assert not [f for f in findings if f.code == "unknown-shortcode"], findings


def test_a_screenshot_linked_to_its_own_file_prints_without_the_files_address(tmp_path):
    """A figure shortcode (and Markdown's [![](x.png)](x.png)) wraps the screenshot in a link
    that opens it full size: the reader of the paper sees the picture, not its address."""
    html, findings = _html(tmp_path, {
        "static/img/dialog.png": png_bytes(),
        "content/de/guide/bundle/index.md": page(
            "Bundle", 1, body="[![Dialog](dialog.png)](dialog.png)\n\n"
                              "[![Dialog](/img/dialog.png)](/img/missing.png)\n"),
        "content/de/guide/bundle/dialog.png": png_bytes(),
        "layouts/shortcodes/shot.html":
            '<figure><a href="{{ .Get "src" | relURL }}" target="_blank">'
            '<img src="{{ .Get "src" | relURL }}"></a></figure>',
        "content/de/guide/steps.md": page("Steps", 2, body='1. Click **OK**.\n\n'
                                          '{{< shot src="/img/dialog.png" >}}\n'),
    })
    assert "dialog.png" not in re.sub(r"<img [^>]*>", "", html.split('id="p-guide-bundle"')[1])\
        .split("missing.png")[0], html
    assert not re.search(r'<a href="[^"]*dialog\.png"', html), html
    # a link to a picture the site does not have is still a broken link, and said so
    assert [f.message for f in findings if f.code == "broken-link"] == [
        ('link "/img/missing.png" points to no page of this manual and no file of the site; '
         "it prints as plain text")]
