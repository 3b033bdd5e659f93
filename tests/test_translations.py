"""The translation matrix and drift: pairing as Hugo pairs, counts, language, screenshots.

Tiny German/French sites show each finding with its file and line; the corpus shows the check
on a real site, where it must pair folders that differ in case and raise no false alarm.
"""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from manualgen.cli import main
from manualgen.translations import identify, image_language, translation_key

from .conftest import page, png_bytes, write_site

HOMES = {"content/de/_index.md": page("Start"), "content/fr/_index.md": page("Accueil")}


def check(capsys, site: Path, *args: str) -> tuple[int, list[dict]]:
    status = main(["check", "--site", str(site), "--format", "json", *(args or ("--all",))])
    return status, json.loads(capsys.readouterr().out)["findings"]


def with_code(findings: list[dict], code: str) -> list[dict]:
    return [f for f in findings if f["code"] == code]


def step(text: str, image: str) -> str:
    return (f'<div class="two_column">\n<div class="left_col">\n{text}\n</div>\n'
            f'<div class="right_col">\n\n![shot](/img/{image})\n\n</div>\n</div>\n\n')


# --- pairing and the matrix -----------------------------------------------------------------


def test_pages_pair_by_path_compared_in_lower_case(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOMES,
        "content/de/Benutzer_Verwaltung/_index.md": page("Benutzer"),
        "content/de/Benutzer_Verwaltung/help.md": page("Hilfe", 1, "Text.\n"),
        "content/fr/benutzer_verwaltung/_index.md": page("Utilisateurs"),
        "content/fr/benutzer_verwaltung/help.md": page("Aide", 1, "Texte.\n"),
    })
    status, findings = check(capsys, site)
    assert with_code(findings, "missing-translation") == []
    assert status == 0


def test_translation_key_pairs_pages_of_different_names(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOMES,
        "content/de/anmelden.md": page("Anmelden", 1, "Text.\n", translationKey="login"),
        "content/fr/connexion.md": page("Connexion", 1, "Texte.\n", translationKey="login"),
    })
    _, findings = check(capsys, site)
    assert with_code(findings, "missing-translation") == []


def test_a_page_in_one_language_only_is_a_missing_translation(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOMES,
        "content/de/nur.md": page("Nur Deutsch", 1, "Text.\n"),
    })
    status, findings = check(capsys, site)
    [f] = with_code(findings, "missing-translation")
    assert (f["file"], f["line"], f["lang"], f["severity"]) == ("content/de/nur.md", 2, "fr", "warning")
    assert "content/fr/nur.md" in f["message"]
    assert status == 0  # a warning


def test_only_the_chosen_languages_findings_are_reported(tmp_path, capsys):
    site = write_site(tmp_path, {**HOMES, "content/de/nur.md": page("Nur Deutsch", 1, "Text.\n")})
    _, findings = check(capsys, site, "--lang", "de")
    assert with_code(findings, "missing-translation") == []
    _, findings = check(capsys, site, "--lang", "fr")
    assert len(with_code(findings, "missing-translation")) == 1


def test_translation_key_normalises_like_hugo():
    from manualgen.content import Page

    def key(rel, kind="page", tk=""):
        return translation_key(Page("de", Path(rel), rel, kind, {}, "", 1, translation_key=tk))

    assert key("Benutzer_Verwaltung/3_help.md") == key("benutzer_verwaltung/3_help.md")
    assert key("foo/index.md") == key("foo.md")
    assert key("foo/_index.md", "section") != key("foo.md")
    assert key("a.md", tk="x") == key("b.md", tk="x")


# --- drift ----------------------------------------------------------------------------------


def support_pages(de_heading: str, de_steps: int) -> dict:
    """A support page as in the corpus: two headings, four step blocks with screenshots."""
    de_texts = ["Klicken Sie auf Weiter.", "Geben Sie eine Nachricht ein.",
                "Senden Sie die E-Mail.", "Sie können den Code erneut senden."]
    fr_texts = ["Cliquez sur continuer.", "Mettez un message de traçabilité.",
                "Envoyez le courriel.", "Vous pouvez renvoyer le code à l'utilisateur."]
    names = ["continuer", "enreg", "onboarding", "global"]
    de = f"## {de_heading}\n\nEinleitung.\n\n" + "".join(
        step(t, f"{n}_de.png") for t, n in zip(de_texts[:de_steps], names)) + "## eIAM\n\nEnde.\n"
    fr = "## Renvoi du code d'onboarding\n\nIntroduction.\n\n" + "".join(
        step(t, f"{n}_fr.png") for t, n in zip(fr_texts, names)) + "## eIAM\n\nFin.\n"
    images = {f"static/img/{n}_{lang}.png": png_bytes() for n in names for lang in ("de", "fr")}
    return {
        **HOMES, **images,
        "content/de/help.md": page("Unterstützung der Benutzer", 1, de),
        "content/fr/help.md": page("Support aux utilisateurs", 1, fr),
    }


def test_french_heading_and_missing_last_step_on_a_german_page(tmp_path, capsys):
    site = write_site(tmp_path, support_pages("Renvoi du code d'onboarding", 3))
    status, findings = check(capsys, site)
    [heading] = with_code(findings, "untranslated-text")
    assert (heading["file"], heading["line"], heading["lang"]) == ("content/de/help.md", 5, "de")
    assert "French" in heading["message"] and "content/fr/help.md" in heading["message"]
    [steps] = with_code(findings, "drift-steps")
    assert steps["file"] == "content/de/help.md" and steps["lang"] == "de"
    # the missing step belongs after the German page's third step (its text is on line 33)
    assert steps["line"] == 33
    assert "3 steps" in steps["message"] and "has 4" in steps["message"]
    # the screenshot of the missing step is not reported a second time
    assert with_code(findings, "drift-screenshots") == []
    assert status == 0


def test_identical_structure_in_both_languages_is_no_drift(tmp_path, capsys):
    site = write_site(tmp_path, support_pages("Zurücksendung des Onboarding-Codes", 4))
    status, findings = check(capsys, site)
    assert findings == []
    assert status == 0


@pytest.mark.parametrize("de_body, fr_body, code, line", [
    ("## Eins\n\nText.\n", "## Un\n\nTexte.\n\n## Deux\n\nTexte.\n", "drift-headings", 5),
    ("Intro.\n\n![a](/img/a.png)\n", "Intro.\n\n![a](/img/a.png)\n\n![b](/img/b.png)\n",
     "drift-screenshots", 7),
    ("So geht es:\n\n1. Öffnen\n2. Klicken\n", "Voici :\n\n1. Ouvrir\n2. Cliquer\n3. Fermer\n",
     "drift-procedure", 8),
])
def test_fewer_elements_than_the_other_language(tmp_path, capsys, de_body, fr_body, code, line):
    site = write_site(tmp_path, {
        **HOMES, "static/img/a.png": png_bytes(), "static/img/b.png": png_bytes(),
        "content/de/p.md": page("Seite", 1, de_body),
        "content/fr/p.md": page("Page", 1, fr_body),
    })
    _, findings = check(capsys, site)
    [f] = with_code(findings, code)
    assert (f["file"], f["line"], f["lang"]) == ("content/de/p.md", line, "de")
    assert "content/fr/p.md" in f["message"]


def test_a_missing_procedure_item_is_quoted_with_its_inline_code(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOMES,
        "content/de/p.md": page("Seite", 1, "So geht es:\n\n1. Öffnen\n"),
        "content/fr/p.md": page("Page", 1, "Voici :\n\n1. Ouvrir\n"
                                "2. Lancez `mkdir -p data` dans le dossier\n"),
    })
    _, findings = check(capsys, site)
    [f] = with_code(findings, "drift-procedure")
    assert '("Lancez mkdir -p data dans le dossier", line 8)' in f["message"]


def test_footnotes_are_no_numbered_procedure(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOMES,
        "content/de/p.md": page("Seite", 1, "So geht es:\n\n1. Öffnen\n2. Klicken\n\n"
                                "Die Verordnung[^v] gilt.\n\n[^v]: Verordnung über Erhebungen.\n"),
        "content/fr/p.md": page("Page", 1, "Voici :\n\n1. Ouvrir\n2. Cliquer\n\n"
                                "L'ordonnance[^o] et la directive[^d] s'appliquent.\n\n"
                                "[^o]: Ordonnance sur les relevés.\n[^d]: Directive annuelle.\n"),
    })
    _, findings = check(capsys, site)
    assert with_code(findings, "drift-procedure") == []


def faq(questions: list[str]) -> str:
    items = "".join(
        "{{< listItem >}}\n" + q + "\n{{< collapsibleBlock >}}\nAnswer.\n{{< /collapsibleBlock >}}\n"
        "{{< /listItem >}}\n" for q in questions)
    return "{{< faqBlock >}}\n{{< numberedList >}}\n" + items + "{{< /numberedList >}}\n{{< /faqBlock >}}\n"


def test_fewer_faq_questions(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOMES,
        "content/de/faq.md": page("FAQ", 1, faq(["Wie melde ich mich an?"])),
        "content/fr/faq.md": page("FAQ", 1, faq(["Comment me connecter ?", "Où est le code ?"])),
    })
    _, findings = check(capsys, site)
    [f] = with_code(findings, "drift-faq")
    assert (f["file"], f["line"], f["lang"]) == ("content/de/faq.md", 8, "de")


def test_a_paragraph_left_in_french_on_a_german_page(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOMES,
        "content/de/p.md": page("Seite", 1, "Das ist der deutsche Text für die Seite.\n\n"
                                "Vous pouvez également modifier les autorisations de l'utilisateur.\n"),
        "content/fr/p.md": page("Page", 1, "Voici le texte de la page en français.\n\n"
                                "Vous pouvez également modifier les autorisations.\n"),
    })
    _, findings = check(capsys, site)
    [f] = with_code(findings, "untranslated-text")
    assert (f["file"], f["line"]) == ("content/de/p.md", 7)


def i18n_site(fr_toml: str | None) -> dict:
    """A shortcode printing T "release_intro"; the German i18n file has it (line 3)."""
    files = {
        **HOMES,
        "i18n/de.toml": '[thanks]\nother = "Danke"\n[release_intro]\nother = "Ein neuer Release '
                        'wurde für Sie freigeschaltet und ist ab heute verfügbar."\n',
        "manualgen/shortcodes/intro.html": "<p>{{ T('release_intro') }}</p>\n",
        "content/de/news.md": page("Neuigkeiten", 1, "{{< intro >}}\n\nDer Text der Seite.\n"),
        "content/fr/news.md": page("Nouveautés", 1, "{{< intro >}}\n\nLe texte de la page.\n"),
        "content/fr/more.md": page("Encore", 2, "Le texte.\n\n{{< intro >}}\n"),
        "content/de/more.md": page("Mehr", 2, "Der Text.\n\n{{< intro >}}\n"),
    }
    if fr_toml is not None:
        files["i18n/fr.toml"] = fr_toml
    return files


def test_text_printed_from_the_default_languages_i18n_file_names_the_missing_key(tmp_path, capsys):
    fr_toml = '[thanks]\nother = "Merci"\n# [release_intro] to translate\n'
    _, findings = check(capsys, write_site(tmp_path, i18n_site(fr_toml)))
    [f] = with_code(findings, "untranslated-text")  # one for the key, not one per page
    assert (f["file"], f["line"], f["lang"]) == ("i18n/fr.toml", 3, "fr")  # the key's line
    assert 'the key "release_intro" is missing from i18n/fr.toml' in f["message"]
    assert "i18n/de.toml:3" in f["message"] and "German" in f["message"]
    assert "on 2 pages, first content/fr/news.md" in f["message"]


def test_a_language_without_an_i18n_file_is_pointed_to_the_file_to_create(tmp_path, capsys):
    _, findings = check(capsys, write_site(tmp_path, i18n_site(None)))
    [f] = with_code(findings, "untranslated-text")
    assert (f["file"], f["line"], f["lang"]) == ("i18n/fr.toml", None, "fr")
    assert "i18n/fr.toml (create it)" in f["message"] and '"release_intro"' in f["message"]


def test_product_names_code_and_short_labels_raise_no_alarm(tmp_path, capsys):
    body_de = ("## eIAM\n\n## CH-LOGIN\n\nSpiGes Plattform\n\n`le code de la page`\n\n"
               "https://www.bfs.admin.ch/bfs/fr/home/statistiques/sante.html\n\n"
               "Klicken Sie auf « Aperçu de l'enquête » und dann auf Weiter.\n")
    body_fr = ("## eIAM\n\n## CH-LOGIN\n\nPlateforme SpiGes\n\n`le code de la page`\n\n"
               "https://www.bfs.admin.ch/bfs/fr/home/statistiques/sante.html\n\n"
               "Cliquez sur « Aperçu de l'enquête » puis sur continuer.\n")
    site = write_site(tmp_path, {
        **HOMES,
        "content/de/p.md": page("Seite", 1, body_de),
        "content/fr/p.md": page("Page", 1, body_fr),
    })
    _, findings = check(capsys, site)
    assert findings == []


def test_screenshot_marked_with_another_language(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOMES,
        "static/img/menu_de.png": png_bytes(), "static/img/menu_fr.png": png_bytes(),
        "static/img/liste_d.png": png_bytes(), "static/img/liste_f.png": png_bytes(),
        "static/img/plan_d.png": png_bytes(),
        "content/de/p.md": page("Seite", 1, "Menü:\n\n![m](/img/menu_fr.png)\n\n"
                                "Liste:\n\n![l](/img/liste_f.png)\n\nPlan:\n\n![p](/img/plan_d.png)\n"),
        "content/fr/p.md": page("Page", 1, "Menu :\n\n![m](/img/menu_fr.png)\n\n"
                                "Liste :\n\n![l](/img/liste_f.png)\n\nPlan :\n\n![p](/img/plan_d.png)\n"),
    })
    _, findings = check(capsys, site)
    got = sorted((f["file"], f["line"]) for f in with_code(findings, "screenshot-language"))
    # menu_fr and liste_f on the German page; plan_d has no sibling, so "_d" is no language mark
    assert got == [("content/de/p.md", 7), ("content/de/p.md", 11)]
    messages = " ".join(f["message"] for f in with_code(findings, "screenshot-language"))
    assert '"menu_de.png"' in messages and '"liste_d.png"' in messages
    assert "but the page is German" in messages  # no article: "a Italian page" read wrong


def test_translations_table(tmp_path, capsys):
    site = write_site(tmp_path, {**support_pages("Renvoi du code d'onboarding", 3),
                                 "content/de/nur.md": page("Nur Deutsch", 9, "Text.\n")})
    status = main(["check", "--site", str(site), "--all", "--translations"])
    out = capsys.readouterr().out
    assert status == 0
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()
            if line.startswith(("help.md", "nur.md", "_index.md"))}
    assert rows == {"_index.md": ["ok", "ok"], "help.md": ["drift", "ok"], "nur.md": ["ok", "missing"]}
    assert "content/de/help.md:5" in out and "untranslated-text" in out
    assert "content/de/nur.md:2" in out and "missing-translation" in out
    assert out.rstrip().splitlines()[-1].startswith("0 errors, 3 warnings")


# --- the language identifier ----------------------------------------------------------------


@pytest.mark.parametrize("text, lang", [
    ("Sie können einen Benutzer auch über das Menü deaktivieren.", "de"),
    ("Vous pouvez également renvoyer le code d'onboarding à un utilisateur.", "fr"),
    ("È possibile inviare di nuovo il codice all'utente con il menu.", "it"),
    ("Renvoi du code d'onboarding", "fr"),
    ("eIAM", None),
    ("CH-LOGIN", None),
    ("E-Mail-Adresse (geschäftliche E-Mail-Adresse einsetzen)", None),
    ("https://www.bfs.admin.ch/bfs/fr/home/statistiques/sante.html", None),
])
def test_identify(text, lang):
    assert identify(text, ["de", "fr", "it"]).lang == lang


def test_image_language_marks():
    assert image_language("continuer_fr.png") == ("fr", "_fr")
    assert image_language("profile_FR.png") == ("fr", "_FR")
    assert image_language("bug_liste_hop_d.png") == ("de", "_d")
    assert image_language("tf12.png") == (None, "")


# --- the corpus -----------------------------------------------------------------------------


def test_corpus_pairs_every_page_across_folder_case(corpus, capsys):
    status, findings = check(capsys, corpus)
    assert with_code(findings, "missing-translation") == []
    assert status == 0


def test_corpus_drift_on_the_german_support_page(corpus, tmp_path, capsys):
    """The corpus README's case: the German 3_help.md keeps the French heading and lacks the
    French page's last step.  Made here from the corpus pages so the check is run on the real
    markup (two_column blocks, shortcodes, comments) without knowing the page."""
    site = tmp_path / "corpus"
    shutil.copytree(corpus, site)
    for path in [site, *site.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    german = site / "content/de/Benutzer_Verwaltung/3_help.md"
    lines = german.read_text(encoding="utf-8").split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("## "))
    french = (site / "content/fr/benutzer_verwaltung/3_help.md").read_text(encoding="utf-8")
    lines[heading] = next(line for line in french.split("\n") if line.startswith("## "))
    starts = [i for i, line in enumerate(lines) if line.strip() == '<div class="two_column">']
    end = next(i for i in range(starts[-1], len(lines)) if lines[i].startswith("## "))
    del lines[starts[-1]:end]
    german.write_text("\n".join(lines), encoding="utf-8")

    status, findings = check(capsys, site)
    ours = [f for f in findings if f["file"] == "content/de/Benutzer_Verwaltung/3_help.md"]
    assert {f["code"] for f in ours} == {"untranslated-text", "drift-steps"}
    [text] = with_code(ours, "untranslated-text")
    assert text["line"] == heading + 1
    [steps] = with_code(ours, "drift-steps")
    assert steps["line"] is not None and steps["line"] < starts[-1] + 1
    assert "content/fr/benutzer_verwaltung/3_help.md" in steps["message"]
    assert status == 0


def test_a_partial_translation_is_one_line_per_language_and_check_translations_lists_each(
        tmp_path, capsys):
    pages = {f"content/de/seite{n}.md": page(f"Seite {n}", n, "Text.\n") for n in range(1, 6)}
    site = write_site(tmp_path, {**HOMES, **pages, "content/fr/seite1.md": page("Page 1", 1,
                                                                                   "Texte.\n")})
    _, findings = check(capsys, site)
    assert with_code(findings, "missing-translation") == []
    [summary] = with_code(findings, "missing-translations")
    assert summary["lang"] == "fr" and summary["severity"] == "warning"
    assert summary["message"].startswith("fr: 4 of 6 pages have no French translation")
    assert "(the first: content/de/seite2.md)" in summary["message"]  # named as findings name files
    main(["check", "--site", str(site), "--all", "--translations"])
    out = capsys.readouterr().out
    assert out.count("missing-translation ") == 4 and "missing-translations" not in out


def test_a_missing_heading_is_placed_by_the_pictures_of_the_sections(tmp_path, capsys):
    """The German page lacks the second of three headings, whose screenshot now sits under
    the first: the warning says the second is missing, after the first, not the third at
    the end (headings are told apart by their sections' first pictures)."""
    de = ("## Anmelden\n\n![a](/img/a.png)\n\nText.\n\n![b](/img/b.png)\n\n"
          "## Abmelden\n\n![c](/img/c.png)\n")
    fr = ("## Connexion\n\n![a](/img/a.png)\n\n## Mot de passe\n\n![b](/img/b.png)\n\n"
          "## Déconnexion\n\n![c](/img/c.png)\n")
    site = write_site(tmp_path, {
        **HOMES, **{f"static/img/{n}.png": png_bytes() for n in "abc"},
        "content/de/p.md": page("Seite", 1, de), "content/fr/p.md": page("Page", 1, fr),
    })
    _, findings = check(capsys, site)
    [f] = with_code(findings, "drift-headings")
    assert (f["file"], f["line"]) == ("content/de/p.md", 5)
    assert 'heading 2 ("Mot de passe"' in f["message"]


def test_a_missing_heading_is_placed_by_levels_when_the_pictures_have_other_names(tmp_path, capsys):
    """Each language names its screenshots its own way: no section's picture matches, and
    the headings are aligned by their levels, the missing one reported at the end, as
    before the pictures counted."""
    de = ("## Anmelden\n\n![a](/img/anmelden.png)\n\n## Speichern\n\n![b](/img/speichern.png)\n\n"
          "## Drucken\n\n![c](/img/drucken.png)\n")
    fr = ("## Connexion\n\n![a](/img/connexion.png)\n\n"
          "## Enregistrer\n\n![b](/img/enregistrer.png)\n")
    site = write_site(tmp_path, {
        **HOMES, **{f"static/img/{n}.png": png_bytes() for n in
                    ("anmelden", "speichern", "drucken", "connexion", "enregistrer")},
        "content/de/p.md": page("Seite", 1, de), "content/fr/p.md": page("Page", 1, fr),
    })
    _, findings = check(capsys, site)
    [f] = with_code(findings, "drift-headings")
    assert f["file"] == "content/fr/p.md" and 'heading 3 ("Drucken"' in f["message"]


def test_a_title_the_page_does_not_write_is_not_its_untranslated_text(tmp_path, capsys):
    """gobuffalo.io: the French home page has no title, so it prints under the site's title
    from the config, the same words as the English home's ("The Buffalo Framework"): no text
    of the French file is left untranslated. A title the page writes itself still is."""
    site = write_site(tmp_path, {
        "content/en/_index.md": "---\ntagline: A tool for the web\n---\n",
        "content/fr/_index.md": "---\ntagline: Un outil pour le web\n---\n",
        "content/en/p.md": page("The settings of the application", 1, "The English text of the page.\n"),
        "content/fr/p.md": page("The settings of the application", 1,
                                "Le texte de la page en français.\n"),
    }, 'title = "The Web Framework for the whole team"\ndefaultContentLanguage = "en"\n'
       '[languages.en]\ncontentDir = "content/en"\nweight = 1\n'
       '[languages.fr]\ncontentDir = "content/fr"\nweight = 2\n')
    _, findings = check(capsys, site)
    assert [(f["file"], f["line"]) for f in with_code(findings, "untranslated-text")] == [
        ("content/fr/p.md", 2)], findings
