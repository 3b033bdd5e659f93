"""Docsy's landing-page shortcodes (blocks/*) and conditional-text print as Docsy means them."""

from manualgen.build import BuildOptions, build

from . import conftest
from .conftest import write_site

HOME = """\
{{< blocks/cover title="Willkommen bei Dataloom" subtitle="Die Datenplattform" height="full" >}}
Laden Sie Ihre **Daten** hoch.
{{< blocks/link-down color="info" >}}
{{< /blocks/cover >}}

{{% blocks/lead color="primary" %}}
Dataloom sammelt die Daten der Spitäler.
{{% /blocks/lead %}}

{{% blocks/section color="dark" type="row" %}}
{{% blocks/feature icon="fa-lightbulb" title="Schnell" url="https://example.org/start" %}}
Hochladen in *Sekunden*.
{{% /blocks/feature %}}
{{% /blocks/section %}}

{{% conditional-text include-if="intern" %}}Nur für das Team.{{% /conditional-text %}}
{{% conditional-text exclude-if="intern" %}}Für alle anderen.{{% /conditional-text %}}
"""


def _html(tmp_path, condition=None):
    hugo = conftest.HUGO_TOML
    if condition is not None:
        hugo = hugo.replace('version = "2.0"', f'version = "2.0"\nbuildCondition = "{condition}"')
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": conftest.page("Start", body=HOME),
        "content/fr/_index.md": conftest.page("Accueil"),
    }, hugo=hugo)
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, check_only=True,
                                      no_cache=True))
    assert not [f for f in result.findings if f.code == "unknown-shortcode"]
    return (out / "test-manual-de.html").read_text(encoding="utf-8")


def test_landing_blocks_print_their_titles_and_text_without_web_furniture(tmp_path):
    html = _html(tmp_path)
    assert "Willkommen bei Dataloom" in html and "Die Datenplattform" in html
    assert "<strong>Daten</strong>" in html and "sammelt die Daten" in html
    assert "Schnell" in html and "<em>Sekunden</em>" in html
    assert 'href="https://example.org/start"' in html
    assert "fa-lightbulb" not in html and "link-down" not in html


def test_conditional_text_follows_the_sites_build_condition(tmp_path):
    assert "Nur für das Team" not in _html(tmp_path / "none") and \
        "Für alle anderen" not in _html(tmp_path / "none2")  # no condition: neither, as Docsy
    team = _html(tmp_path / "team", "INTERN")
    assert "Nur für das Team" in team and "Für alle anderen" not in team
    public = _html(tmp_path / "public", "extern")
    assert "Nur für das Team" not in public and "Für alle anderen" in public
