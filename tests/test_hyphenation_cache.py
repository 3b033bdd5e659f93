"""The parsed hyphenation dictionaries kept in the cache folder (hyphenation.py): a warm
run takes them from there, and hyphenates exactly as pyphen does after parsing the file;
a damaged, foreign or stale entry is parsed again, never a crash."""

from __future__ import annotations

import functools

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen import hyphenation
from manualgen.build import BuildOptions, build
from tests.conftest import page, write_site

GERMAN = ["Donaudampfschifffahrtsgesellschaftskapitän", "Benutzerverwaltung",
          "Delegationsplattform", "Datenlieferungsschnittstelle", "Plausibilisierungsregeln"]
FRENCH = ["anticonstitutionnellement", "administration", "délégation", "plausibilisation"]
HUNGARIAN = ["asszonnyal", "Eszterházy", "hosszú", "kiskutyával", "megszentségteleníthetetlenség"]


@pytest.fixture(autouse=True)
def empty_pyphen_cache(monkeypatch):
    """Each test starts as a new process would: pyphen has parsed nothing yet."""
    monkeypatch.setattr(pyphen, "hdcache", {})


def fresh(lang: str) -> pyphen.Pyphen:
    """pyphen's own result: the file parsed now, no cache of any kind (pyphen still puts
    what it parsed into its cache: taken out again, so the test starts from nothing)."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    made = pyphen.Pyphen(filename=path, cache=False)
    pyphen.hdcache.pop(path)
    return made


@functools.cache
def expected(lang: str, words: tuple[str, ...]) -> tuple[list[str], list[list]]:
    """Each word with its hyphens, and each way to split it, as pyphen gives them (parsed
    once for the whole module: German takes half a second)."""
    reference = fresh(lang)
    return [reference.inserted(w) for w in words], [list(reference.iterate(w)) for w in words]


def entries(folder):
    return sorted((folder / hyphenation.FOLDER).glob("*.marshal"))


def no_parsing(monkeypatch):
    """Any parse, pyphen's or hyphenation's own, fails the test."""
    def refuse(path):
        raise AssertionError(f"{path} parsed although its cache entry is sound")
    monkeypatch.setattr(pyphen.HyphDict, "__init__", lambda self, path: refuse(path))
    monkeypatch.setattr(hyphenation, "parse_dictionary", refuse)


@pytest.mark.parametrize(("lang", "words"), [("de-CH", GERMAN), ("hu", HUNGARIAN)])
def test_a_warm_run_reads_the_entry_and_hyphenates_as_pyphen(tmp_path, monkeypatch, lang, words):
    inserted, splits = expected(lang, tuple(words))
    hyphenation.load_dictionaries([lang], tmp_path)  # cold: parsed, then written
    assert len(entries(tmp_path)) == 1
    monkeypatch.setattr(pyphen, "hdcache", {})  # the next run
    no_parsing(monkeypatch)
    hyphenation.load_dictionaries([lang], tmp_path)
    warm = pyphen.Pyphen(lang=lang)  # as WeasyPrint asks for it
    assert [warm.inserted(w) for w in words] == inserted
    assert [list(warm.iterate(w)) for w in words] == splits
    assert "-" in inserted[0]  # the words do hyphenate: the comparison means something


def test_hungarian_keeps_its_non_standard_hyphenation(tmp_path, monkeypatch):
    """Hungarian patterns carry data ("ssz=sz"); the entry must keep it, not just the numbers."""
    path = pyphen.LANGUAGES[pyphen.language_fallback("hu")]
    parsed = pyphen.HyphDict(path)
    key = hyphenation.entry_key(path.read_bytes(), pyphen.__version__)
    loaded = hyphenation.decode(hyphenation.encode(parsed, key), key)
    with_data = {p: [v.data for v in values if getattr(v, "data", None)]
                 for p, (_, values) in parsed.patterns.items()}
    with_data = {p: d for p, d in with_data.items() if d}
    assert with_data  # Hungarian has such patterns
    for pattern, data in with_data.items():
        assert [v.data for v in loaded.patterns[pattern][1] if getattr(v, "data", None)] == data
    assert loaded.patterns == parsed.patterns and loaded.maxlen == parsed.maxlen


@pytest.mark.parametrize("damage", ["empty", "truncated", "flipped", "garbage", "other-key"])
def test_a_damaged_entry_is_parsed_again_and_rewritten(tmp_path, monkeypatch, damage):
    inserted, _ = expected("fr", tuple(FRENCH))
    hyphenation.load_dictionaries(["fr"], tmp_path)
    [entry] = entries(tmp_path)
    data = entry.read_bytes()
    if damage == "empty":
        data = b""
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped":
        middle = len(data) // 2
        data = data[:middle] + bytes([data[middle] ^ 0x55]) + data[middle + 1:]
    elif damage == "garbage":
        data = b"\x00\xff" * 1000
    else:  # a sound entry, made for another dictionary, copied under this name
        path = pyphen.LANGUAGES["it"]
        data = hyphenation.encode(pyphen.HyphDict(path),
                                  hyphenation.entry_key(path.read_bytes(), pyphen.__version__))
    entry.write_bytes(data)
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation.load_dictionaries(["fr"], tmp_path)
    assert [pyphen.Pyphen(lang="fr").inserted(w) for w in FRENCH] == inserted
    monkeypatch.setattr(pyphen, "hdcache", {})
    no_parsing(monkeypatch)  # rewritten: the run after reads it again
    hyphenation.load_dictionaries(["fr"], tmp_path)
    assert [pyphen.Pyphen(lang="fr").inserted(w) for w in FRENCH] == inserted


def test_an_entry_of_another_pyphen_is_not_read_and_is_removed(tmp_path, monkeypatch):
    path = pyphen.LANGUAGES[pyphen.language_fallback("fr")]
    old_key = hyphenation.entry_key(path.read_bytes(), "0.0.1")
    stale = tmp_path / hyphenation.FOLDER / f"{path.stem}-{old_key[:32]}.marshal"
    stale.parent.mkdir()
    stale.write_bytes(hyphenation.encode(pyphen.HyphDict(path), old_key))
    parsed = []
    original = hyphenation.parse_dictionary
    monkeypatch.setattr(hyphenation, "parse_dictionary", lambda p: parsed.append(p) or original(p))
    hyphenation.load_dictionaries(["fr"], tmp_path)
    assert parsed == [path]  # the stale entry was not used
    assert [e.name for e in entries(tmp_path)] != [stale.name] and not stale.exists()


def test_without_a_cache_folder_nothing_is_read_or_written(tmp_path):
    hyphenation.load_dictionaries(["de", "fr", "xx-unknown"], None)
    assert pyphen.LANGUAGES[pyphen.language_fallback("de")] in pyphen.hdcache
    assert not list(tmp_path.iterdir())


def test_a_cache_folder_that_cannot_be_written_costs_only_the_parse(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    hyphenation.load_dictionaries(["de"], blocked)
    assert [pyphen.Pyphen(lang="de").inserted(w) for w in GERMAN] == expected("de", tuple(GERMAN))[0]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.integers(min_value=0, max_value=400))
def test_decode_never_raises(noise, cut):
    path = pyphen.LANGUAGES["fr"]
    key = hyphenation.entry_key(path.read_bytes(), pyphen.__version__)
    sound = hyphenation.FORMAT + b"\x00" * 32
    for data in (noise, hyphenation.FORMAT + noise, sound[:cut] + noise):
        assert hyphenation.decode(data, key) is None


def test_a_build_keeps_the_dictionary_only_in_its_cache_folder(tmp_path):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Die Benutzerverwaltungsschnittstelle.\n"),
        "content/fr/_index.md": page("Accueil", body="L'interface d'administration.\n"),
    })
    cached = build(site, BuildOptions(langs=["de"], out=tmp_path / "out",
                                      cache_dir=tmp_path / "cache"))
    assert cached.ok, list(cached.findings)
    assert [e.name.split("-")[0] for e in entries(tmp_path / "cache")] == ["hyph_de_AT"]
    uncached = build(site, BuildOptions(langs=["de"], out=tmp_path / "out2",
                                        cache_dir=tmp_path / "cache2", no_cache=True))
    assert uncached.ok and not (tmp_path / "cache2").exists()
