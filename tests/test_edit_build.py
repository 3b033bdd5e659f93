"""One page edited, then ``build --all`` (issue 11): the language whose PDF is reused is read
again only for the translation check, and its pages are taken as its last build rendered
them, with the same findings as a build that renders everything."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyphen
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen import build as build_module
from manualgen import translations
from manualgen.build import BuildOptions, build
from manualgen.cache import Cache
from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings
from manualgen.render import render_language
from manualgen.reuse import record_rendering, recorded_rendering, rendered_record_name
from manualgen.translations import page_structure

from .conftest import page, png_bytes, write_site


def step(text: str, image: str) -> str:
    return (f'<div class="two_column">\n<div class="left_col">\n{text}\n</div>\n'
            f'<div class="right_col">\n\n![shot](/img/{image})\n\n</div>\n</div>\n\n')


# Long German compounds: the body text is hyphenated (manual.css), with pyphen's patterns.
SENTENCE = ("Die Datenlieferungsschnittstellenbeschreibung und die "
            "Benutzerverwaltungsberechtigungen der Plausibilisierungsregeln.")
COMPOUNDS = " ".join([SENTENCE] * 12)


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return "\n".join(page_.get_textpage().get_text_range() for page_ in pdf)
    finally:
        pdf.close()


def drifting_site(root: Path) -> Path:
    """German lacks a step of the French page, and French prints an i18n string from the
    German file: findings that come from each language's rendered pages."""
    names = ["continuer", "enreg", "global"]
    de = "## Hilfe\n\n" + "".join(step(f"Schritt {n} klicken.", f"{n}_de.png") for n in names[:2])
    fr = "## Aide\n\n" + "".join(step(f"Cliquez sur {n}.", f"{n}_fr.png") for n in names)
    return write_site(root, {
        "content/de/_index.md": page("Start", body="Willkommen.\n"),
        "content/fr/_index.md": page("Accueil", body="Bienvenue.\n"),
        "content/de/help.md": page("Hilfe", 1, de),
        "content/fr/help.md": page("Aide", 1, fr),
        "content/de/news.md": page("Neuigkeiten", 2, "{{< intro >}}\n\nDer Text der Seite.\n\n"
                                   + COMPOUNDS),
        "content/fr/news.md": page("Nouveautés", 2, "{{< intro >}}\n\nLe texte de la page.\n"),
        "i18n/de.toml": '[intro]\nother = "Ein neuer Release wurde für Sie freigeschaltet."\n',
        "i18n/fr.toml": '[thanks]\nother = "Merci"\n',
        "manualgen/shortcodes/intro.html": "<p>{{ T('intro') }}</p>\n",
        **{f"static/img/{n}_{lang}.png": png_bytes() for n in names for lang in ("de", "fr")},
    })


def fixed_date(monkeypatch) -> None:
    """Otherwise the manual's date is the newest page's: an edit would change every
    language's inputs."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def spy_rendering(monkeypatch) -> list[str]:
    rendered: list[str] = []

    def spy(settings, lang, *args, **kwargs):
        rendered.append(lang)
        return render_language(settings, lang, *args, **kwargs)

    monkeypatch.setattr(build_module, "render_language", spy)
    return rendered


def spy_structures(monkeypatch) -> list[str]:
    parsed: list[str] = []

    def spy(rendered):
        parsed.append(rendered.page.path.name)
        return page_structure(rendered)

    monkeypatch.setattr(translations, "page_structure", spy)
    return parsed


def translation_findings(result) -> list[str]:
    return sorted(f.format() for f in result.findings
                  if f.code.startswith(("drift", "untranslated", "missing")))


def test_after_an_edit_the_reused_language_is_not_rendered_and_the_findings_stay(
        tmp_path, monkeypatch):
    fixed_date(monkeypatch)
    site = drifting_site(tmp_path / "site")
    options = BuildOptions(all=True, out=tmp_path / "out", cache_dir=tmp_path / "cache", jobs=1)
    assert build(site, options).ok
    help_de = site / "content/de/help.md"
    help_de.write_text(help_de.read_text(encoding="utf-8") + "\nEin neuer Satz.\n", encoding="utf-8")
    rendered, parsed = spy_rendering(monkeypatch), spy_structures(monkeypatch)
    monkeypatch.setattr(pyphen, "hdcache", {})  # a new process: patterns from the cache folder
    edited = build(site, options)
    assert rendered == ["de"]  # French was read for the check, its pages from the cache
    assert parsed == ["help.md"]  # only the edited page's structure is found again
    assert {r.lang: r.reused for r in edited.results} == {"de": False, "fr": True}
    monkeypatch.setattr(pyphen, "hdcache", {})  # and here parsed from pyphen's file
    fresh = build(site, BuildOptions(all=True, out=tmp_path / "out2", no_cache=True, jobs=1))
    assert rendered == ["de", "de", "fr"]
    expected = translation_findings(fresh)
    assert any("drift-steps" in f for f in expected) and any("untranslated-text" in f for f in expected)
    assert translation_findings(edited) == expected
    for lang in ("de", "fr"):  # the same PDFs, German hyphenated as pyphen does it
        name = f"{edited.settings.output_filename(lang)}"
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()
    german = pdf_text(tmp_path / "out" / edited.settings.output_filename("de"))
    splits = re.findall(r"(\w+)\u2010\r?\n(\w+)", german)  # WeasyPrint's hyphen, a line end
    assert splits
    hyphenator = pyphen.Pyphen(lang="de")
    for head, tail in splits:
        assert len(head) in hyphenator.positions(head + tail), (head, tail)


def test_damaged_records_are_made_again(tmp_path, monkeypatch):
    fixed_date(monkeypatch)
    site = drifting_site(tmp_path / "site")
    options = BuildOptions(all=True, out=tmp_path / "out", cache_dir=tmp_path / "cache", jobs=1)
    first = translation_findings(build(site, options))
    settings = load_settings(site)
    record = tmp_path / "cache" / "builds" / f"{rendered_record_name(settings, 'fr')}.json"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace('"pages": [', '"pages": [["nonsense"], ', 1), encoding="utf-8")
    [structures] = (tmp_path / "cache" / "builds").glob("structures-*.json")
    kept = json.loads(structures.read_text(encoding="utf-8"))
    wrong = [["x"], [[["one", "h2", "text", None]]] * 7, 5, None, [[]] * 6 + [[["a", "b", "3"]]]]
    kept["pages"] = {key: wrong[i % len(wrong)] for i, key in enumerate(kept["pages"])}
    structures.write_text(json.dumps(kept), encoding="utf-8")
    help_de = site / "content/de/help.md"
    help_de.write_text(help_de.read_text(encoding="utf-8") + "\nEin neuer Satz.\n", encoding="utf-8")
    rendered = spy_rendering(monkeypatch)
    assert translation_findings(build(site, options)) == first
    assert rendered == ["de", "fr"]


def test_the_record_gives_back_the_pages_as_rendered_and_only_for_its_key(tmp_path):
    site = drifting_site(tmp_path / "site")
    settings = load_settings(site)
    home = discover(settings, "fr", Findings(), None)
    made = render_language(settings, "fr", home, Findings())
    assert any(r.fallbacks for r in made.pages)  # the i18n string from the German file
    cache = Cache(tmp_path / "cache")
    record_rendering(cache, settings, "key-1", made)
    again = recorded_rendering(cache, settings, "fr", "key-1", home, made.labels)
    assert again == made
    assert recorded_rendering(cache, settings, "fr", "key-2", home, made.labels) is None
    assert recorded_rendering(cache, settings, "fr", "", home, made.labels) is None
    assert recorded_rendering(Cache(None), settings, "fr", "key-1", home, made.labels) is None


def test_a_kept_structure_is_the_structure(tmp_path):
    """What the cache keeps of a page's structure (JSON) gives back an equal structure."""
    from manualgen.translations import _known_structure, structure_data, structure_key

    site = drifting_site(tmp_path / "site")
    settings = load_settings(site)
    keys = set()
    for lang in ("de", "fr"):
        home = discover(settings, lang, Findings(), None)
        for item in render_language(settings, lang, home, Findings()).pages:
            structure = page_structure(item)
            kept = json.loads(json.dumps(structure_data(structure)))
            assert _known_structure(item.page, kept) == structure
            keys.add(structure_key(item))
    assert len(keys) == 6  # one per page: no two pages share a key
    assert any(page_structure(item).steps for item in render_language(
        settings, "fr", discover(settings, "fr", Findings(), None), Findings()).pages)


def scores_by_asking_each_language(text: str, langs: list[str]) -> dict[str, float]:
    """identify's scores as it first computed them, every language asked about every word
    and letter: the reference for its lookup tables."""
    from manualgen.translations import _ELISION, _LETTERS, _NOISE, _TOKEN, _WORDS

    text = _NOISE.sub(" ", text)
    scores = dict.fromkeys(langs, 0.0)
    for token in (t.lower() for t in _TOKEN.findall(text)):
        words = [token]
        if "'" in token or "’" in token:
            head, _, tail = re.split(r"(['’])", token, maxsplit=1)[0:3]
            words = [tail]
            owners = [lang for lang in langs if head in _ELISION.get(lang, ())]
            for lang in owners:
                scores[lang] += 1.0 / len(owners)
        for word in words:
            owners = [lang for lang in langs if word in _WORDS[lang]]
            for lang in owners:
                scores[lang] += 1.0 / len(owners)
    letters = dict.fromkeys(langs, 0.0)
    for ch in text.lower():
        owners = [lang for lang in langs if ch in _LETTERS.get(lang, "")]
        for lang in owners:
            letters[lang] += 0.5 / len(owners)
    return {lang: scores[lang] + min(1.5, letters[lang]) for lang in langs}


WORDY = st.text(alphabet="abcdeéèêçàùäöüßœëîïâôìò' ’-İ.", max_size=12) | st.sampled_from(
    ["der", "die", "le", "la", "il", "the", "d'accord", "dell'utente", "qu'il", "für", "où"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDY, max_size=12).map(" ".join), st.permutations(["de", "fr", "it", "en"]))
def test_identify_with_its_lookup_tables_scores_exactly_as_before(text, order):
    """identify looks words and letters up in tables (speed, issue 11): the same shares,
    added in the same order, give the very same scores (floats compared exactly)."""
    from manualgen.translations import identify

    for langs in (list(order), list(order)[:2]):
        assert identify(text, langs).scores == scores_by_asking_each_language(text, langs)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=7)
                    | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=30)


def mostly(valid, other=JSON):
    """Values that are mostly of the right shape, sometimes anything."""
    return st.one_of(valid, valid, valid, other)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), structure=JSON)
def test_records_of_any_shape_are_read_without_an_error(tmp_path_factory, data, structure):
    """A damaged or foreign record is no record (the pages are rendered and parsed again),
    never an exception; a sound one gives back the pages of the tree."""
    from manualgen.translations import _known_structure

    tmp = tmp_path_factory.mktemp("records")
    site = write_site(tmp / "site", {"content/de/_index.md": page("Start", body="Text.\n"),
                                     "content/de/a.md": page("A", 1, "Mehr.\n")})
    settings_ = load_settings(site)
    home = discover(settings_, "de", Findings(), None)
    paths = [str(p.path) for p in home.walk()]
    line = mostly(st.none() | st.integers(min_value=1, max_value=99))
    fallback = st.tuples(JSON, JSON, st.text(max_size=4), line, st.text(max_size=4), line)

    def shaped(path: str):
        return st.tuples(mostly(st.just(path)), mostly(st.text(max_size=9)),
                         mostly(st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)),
                         mostly(st.lists(fallback.map(list), max_size=2)), JSON,
                         mostly(st.text(max_size=5))).map(list)

    pages = data.draw(st.one_of(JSON, st.tuples(*map(shaped, paths)).map(list)))
    cache = Cache(tmp / "cache")
    cache.write_record(rendered_record_name(settings_, "de"), {"key": "k", "pages": pages})
    found = recorded_rendering(cache, settings_, "de", "k", home, {})
    assert found is None or [r.page for r in found.pages] == list(home.walk())
    assert _known_structure(home, structure) is None or isinstance(structure, list)
