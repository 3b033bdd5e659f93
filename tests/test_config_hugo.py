"""Hugo config read as Hugo ≥ 0.158 reads it: YAML 1.2 booleans, label, locale and direction."""

from __future__ import annotations

from manualgen.cli import main
from manualgen.config import load_settings

from .conftest import page, write_site

NORWEGIAN = """\
title: Goldydocs
defaultContentLanguage: en
buildDrafts: no
languages:
  en:
    weight: 1
    contentDir: content/en
  no:
    weight: 2
    contentDir: content/no
    languageName: Norsk
    params:
      title: Håndbok
      flag: on
      shown: yes
      really: True
"""


def test_the_norwegian_language_key_no_stays_no(tmp_path):
    site = write_site(tmp_path, {"hugo.yaml": NORWEGIAN}, hugo=None)
    settings = load_settings(site)
    assert list(settings.languages) == ["en", "no"]
    norsk = settings.languages["no"]
    assert (norsk.name, norsk.title) == ("Norsk", "Håndbok")
    assert norsk.params == {"title": "Håndbok", "flag": "on", "shown": "yes", "really": True}
    assert settings.output_filename("no") == "goldydocs-no.pdf"
    assert settings.build_drafts is False  # "no" is a string, not a boolean, for Hugo: the default


def test_yes_no_on_off_in_a_config_directory_file(tmp_path, monkeypatch):
    monkeypatch.delenv("HUGO_ENVIRONMENT", raising=False)
    site = write_site(tmp_path, {
        "config/_default/hugo.yaml": "defaultContentLanguage: en\nbuildFuture: true\n",
        "config/_default/languages.yaml": "en: {weight: 1}\nno: {weight: 2, languageName: Norsk}\n",
        "config/_default/params.yml": "on: yes\noff: n\n",
    }, hugo=None)
    settings = load_settings(site)
    assert list(settings.languages) == ["en", "no"]
    assert settings.params == {"on": "yes", "off": "n"}
    assert settings.build_future is True


def test_cli_prints_the_language_no(tmp_path, capsys):
    site = write_site(tmp_path, {
        "hugo.yaml": NORWEGIAN,
        "content/en/_index.md": page("Home", body="Text."),
        "content/no/_index.md": page("Hjem", body="Tekst."),
    }, hugo=None)
    out = tmp_path / "out"
    status = main(["build", "--site", str(site), "--lang", "no", "--out", str(out), "--jobs", "1",
                   "--no-cache", "-q"])
    assert status == 0, capsys.readouterr()
    assert [p.name for p in out.glob("*.pdf")] == ["goldydocs-no.pdf"]


def test_hugo_0_158_language_keys_label_locale_direction(tmp_path):
    hugo = """\
defaultContentLanguage = "en"
disableLanguages = ["fr"]
[languages.en]
weight = 1
label = "English"
languageName = "old name"
locale = "en-GB"
[languages.ar]
weight = 2
languageName = "العربية"
languageCode = "ar-EG"
languageDirection = "RTL"
[languages.he]
weight = 3
label = "עברית"
direction = "rtl"
[languages.de]
weight = 4
direction = "ltr"
[languages.fr]
weight = 5
[languages.it]
weight = 6
disabled = true
"""
    settings = load_settings(write_site(tmp_path, {}, hugo=hugo))
    assert list(settings.languages) == ["en", "ar", "he", "de"]  # fr and it are disabled
    got = {code: (lang.name, lang.locale, lang.direction) for code, lang in settings.languages.items()}
    assert got == {
        "en": ("English", "en-GB", "ltr"),  # label is preferred over the older languageName
        "ar": ("العربية", "ar-EG", "rtl"),
        "he": ("עברית", "he", "rtl"),
        "de": ("de", "de", "ltr"),
    }


def test_blowfish_sets_the_direction_with_params_rtl(tmp_path):
    # Blowfish's languages.<code>.toml: [params] rtl = true, read by its baseof for the
    # page's dir; Hugo's own key wins where a site sets both.
    hugo = """\
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.en.params]
rtl = false
[languages.ar]
weight = 2
[languages.ar.params]
rtl = true
[languages.fa]
weight = 3
languageDirection = "ltr"
[languages.fa.params]
rtl = true
[languages.he]
weight = 4
[languages.he.params]
rtl = "yes"
"""
    settings = load_settings(write_site(tmp_path, {}, hugo=hugo))
    got = {code: lang.direction for code, lang in settings.languages.items()}
    assert got == {"en": "ltr", "ar": "rtl", "fa": "ltr", "he": "rtl"}  # "yes" is true to Go


def test_a_language_value_hugo_refuses_is_reported_at_its_own_line(tmp_path):
    # The site's title, languageName and weight come first; the language's own were reported
    # at those lines (the first "title" of the file), in a config file and a config folder.
    import pytest

    from manualgen.errors import ConfigError

    toml = ('baseURL = "https://example.org/"\ntitle = "Site"\nlanguageName = "x"\n'
            'defaultContentLanguage = "de"\n[languages.de]\nweight = 1\ntitle = "Deutsch"\n'
            'languageName = "Deutsch"\n[languages.fr]\nweight = 2\ntitle = ["Manuel"]\n'
            "languageName = {a = 1}\n")
    yaml_text = ("title: Site\nweight: 3\ndefaultContentLanguage: de\nlanguages:\n  de:\n"
                 "    title: Deutsch\n    weight: 1\n  fr:\n    weight: [2]\n    title:\n"
                 "      - Manuel\n")
    folder = {"config/_default/hugo.toml": 'title = "Site"\ndefaultContentLanguage = "de"\n',
              "config/_default/languages.toml": ('[de]\ntitle = "Deutsch"\nweight = 1\n'
                                                 '[fr]\nweight = 2\ntitle = ["Manuel"]\n')}
    cases = [({"hugo.toml": toml}, {11, 12}), ({"hugo.yaml": yaml_text}, {9, 10}),
             (folder, {6})]
    for n, (files, lines) in enumerate(cases):
        site = write_site(tmp_path / str(n), {**files, "content/_index.md": page("Home")},
                          hugo=None)
        with pytest.raises(ConfigError) as info:
            load_settings(site)
        assert {p.line for p in info.value.problems} == lines, info.value.problems


def test_a_base_url_hugo_cannot_read_is_a_config_error_at_its_line(tmp_path):
    """Found by mutating a site's hugo.yaml: baseURL "https://ot[fn::rg/docs/" stopped the
    check with a traceback (Python's "Invalid IPv6 URL"); hugo 0.149.1 stops with "failed to
    create config from result: parse …: invalid port"."""
    import pytest

    from manualgen.errors import ConfigError

    for address, why in (("https://ot[fn::rg/docs/", 'its host holds a "[" or "]"'),
                         ("https://example.org:abc/", "its port is not a number"),
                         ("https://example.org:99999/", "its port is out of range")):
        site = write_site(tmp_path / why.split()[-1], {"content/_index.md": page("Start")},
                          hugo=f'title = "T"\nbaseURL = "{address}"\n')
        with pytest.raises(ConfigError) as caught:
            load_settings(site)
        [problem] = caught.value.problems
        assert (problem.file, problem.line) == ("hugo.toml", 2), problem
        assert problem.message == f'baseURL "{address}" is not an address ({why}); Hugo stops too'
    site = write_site(tmp_path / "ok", {"content/_index.md": page("Start")},
                      hugo='title = "T"\nbaseURL = "https://[::1]:8080/docs/"\n')
    assert load_settings(site).base_path == "/docs/"


def test_thousands_of_bad_language_values_are_each_named_at_their_line_in_linear_time(tmp_path):
    """Each problem's line was found by reading and searching the whole file again: 2,000
    languages with a bad weight and title took 33 s."""
    import time

    import pytest

    from manualgen.errors import ConfigError

    hugo = 'title = "T"\n' + "".join(f'[languages.l{i}]\nweight = "x"\ntitle = [1]\n' for i in range(3000))
    site = write_site(tmp_path, {"content/_index.md": page("Start")}, hugo=hugo)
    started = time.process_time()
    with pytest.raises(ConfigError) as caught:
        load_settings(site)
    assert time.process_time() - started < 3.0
    lines = {p.message.split(" ")[0]: p.line for p in caught.value.problems}
    assert lines["languages.l0.weight"] == 3 and lines["languages.l0.title"] == 4
    assert lines["languages.l2999.weight"] == 2 + 3 * 2999 + 1


def test_a_language_description_written_in_html_prints_its_words_on_the_cover(tmp_path):
    hugo = '''title = "Harbour"
defaultContentLanguage = "de"
[languages.de]
contentDir = "content/de"
description = """
  Der Hafen, betrieben vom <a href="https://example.org/">Verein für
  Hafenkunde (VfH)</a> &amp; seinen Freunden.
"""
'''
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start"),
                                          "content/de/a.md": page("A", 1, "Text.\n")}, hugo=hugo)
    settings = load_settings(site)
    words = "Der Hafen, betrieben vom Verein für Hafenkunde (VfH) & seinen Freunden."
    assert settings.lang_subtitle("de") == words
    assert main(["build", "--site", str(site), "--lang", "de", "--html", "--no-cache",
                 "--out", str(tmp_path / "out")]) == 0
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert '<p class="cover-subtitle">Der Hafen, betrieben vom Verein für Hafenkunde (VfH) ' \
           '&amp; seinen Freunden.</p>' in html and "&lt;a href" not in html


def test_a_language_written_right_to_left_prints_so_when_the_config_says_nothing(tmp_path):
    """Hebrew, Persian (by its languageCode, whatever its key), a tag naming the Arabic
    script print right to left; an explicit direction, or Blowfish's rtl = false, still
    rules, and a tag naming the Latin script does not."""
    hugo = """\
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.he]
weight = 2
[languages.persian]
weight = 3
languageCode = "fa-IR"
[languages.pa-arab]
weight = 4
[languages.ku]
weight = 5
languageCode = "ku-Latn"
[languages.ar]
weight = 6
[languages.ar.params]
rtl = false
[languages.ur]
weight = 7
direction = "ltr"
[languages.ja]
weight = 8
"""
    settings = load_settings(write_site(tmp_path, {}, hugo=hugo))
    got = {code: lang.direction for code, lang in settings.languages.items()}
    assert got == {"en": "ltr", "he": "rtl", "persian": "rtl", "pa-arab": "rtl", "ku": "ltr",
                   "ar": "ltr", "ur": "ltr", "ja": "ltr"}


def test_a_site_titled_only_per_language_names_its_pdfs_by_the_default_languages_title(tmp_path):
    """No top-level title, one under each language (darktable's user manual): the PDFs are
    named by the default language's title, not by the folder the site was checked out to;
    a language without a title of its own takes the same one on its cover."""
    site = write_site(tmp_path / "checkout", {"hugo.yaml": (
        "defaultContentLanguage: en\nlanguages:\n"
        "  en:\n    title: Lichtkasten 2.1 user manual\n    weight: 1\n"
        "  pt_br:\n    title: manual do Lichtkasten 2.1\n    weight: 2\n"
        "  de:\n    weight: 3\n")}, hugo=None)
    settings = load_settings(site)
    assert settings.output_filename("en") == "lichtkasten-2-1-user-manual-en.pdf"
    assert settings.output_filename("de") == "lichtkasten-2-1-user-manual-de.pdf"
    assert settings.lang_title("pt_br") == "manual do Lichtkasten 2.1"
    assert settings.lang_title("de") == "Lichtkasten 2.1 user manual"
