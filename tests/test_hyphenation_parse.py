"""hyphenation.parse_dictionary, the quick reading of a hyph_*.dic file: it must give what
``pyphen.HyphDict`` gives (the same patterns, in the same order, with the same value types,
pyphen's DataInt and its data included, and the same maxlen), for every dictionary pyphen
ships, for hand-written files with each odd case of the format, and for random files; and a
word must hyphenate the same with either."""

from __future__ import annotations

import random

import pyphen
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manualgen import hyphenation

DICTIONARIES = sorted(set(pyphen.LANGUAGES.values()), key=lambda path: path.name)


@pytest.fixture(autouse=True)
def empty_pyphen_cache(monkeypatch):
    monkeypatch.setattr(pyphen, "hdcache", {})


def ours(path, monkeypatch):
    """parse_dictionary's result, with pyphen's own parser made unusable: a result that
    came from it would not test the quick reading."""
    def refuse(self, path):
        raise AssertionError("parse_dictionary called pyphen.HyphDict")
    with monkeypatch.context() as patched:
        patched.setattr(pyphen.HyphDict, "__init__", refuse)
        return hyphenation.parse_dictionary(path)


def outcome(parse, path):
    """What reading ``path`` gives: the dictionary, or the exception's type and message."""
    try:
        return parse(path)
    except Exception as error:  # noqa: BLE001  (any error must be pyphen's error)
        return type(error), str(error)


def difference(mine, theirs) -> str | None:
    """The first way in which two HyphDicts (or two errors) differ, or None."""
    if not isinstance(mine, pyphen.HyphDict) or not isinstance(theirs, pyphen.HyphDict):
        return None if mine == theirs else f"{mine!r} != {theirs!r}"
    if vars(mine).keys() != vars(theirs).keys() or mine.cache != {}:
        return f"fields {sorted(vars(mine))} cache {mine.cache!r}"
    if mine.maxlen != theirs.maxlen:
        return f"maxlen {mine.maxlen} != {theirs.maxlen}"
    if list(mine.patterns) != list(theirs.patterns):
        return f"keys differ: {set(mine.patterns) ^ set(theirs.patterns) or 'in order'}"
    for key, (start, values) in theirs.patterns.items():
        got = mine.patterns[key]
        expected = [(type(v), int(v), getattr(v, "data", None)) for v in values]
        found = [(type(v), int(v), getattr(v, "data", None)) for v in got[1]]
        if (type(got[0]), got[0], type(got[1])) != (type(start), start, type(values)) \
                or found != expected:
            return f"{key!r}: {got!r} != {(start, values)!r} ({found} != {expected})"
    return None


def compare(path, monkeypatch):
    theirs = outcome(pyphen.HyphDict, path)
    mine = outcome(lambda p: ours(p, monkeypatch), path)
    assert difference(mine, theirs) is None, difference(mine, theirs)
    return mine


@pytest.mark.parametrize("path", DICTIONARIES, ids=lambda path: path.name)
def test_every_shipped_dictionary_reads_as_pyphen_reads_it(path, monkeypatch):
    parsed = compare(path, monkeypatch)
    assert isinstance(parsed, pyphen.HyphDict) and parsed.patterns


def test_the_installed_pyphen_is_one_whose_parser_was_read():
    """Fails when pyphen moves on: read its HyphDict.__init__ again, then extend
    PARSED_ALIKE (until then every file is parsed by pyphen, correctly but slowly)."""
    assert pyphen.__version__ in hyphenation.PARSED_ALIKE


def test_another_pyphen_parses_the_file_itself(monkeypatch):
    monkeypatch.setattr(pyphen, "__version__", "99.0")
    called = []
    original = pyphen.HyphDict.__init__
    monkeypatch.setattr(pyphen.HyphDict, "__init__",
                        lambda self, p: called.append(p) or original(self, p))
    path = pyphen.LANGUAGES["it"]
    assert hyphenation.parse_dictionary(path).patterns == pyphen.HyphDict(path).patterns
    assert called == [path, path]


def test_hungarian_alternatives_are_kept_as_data_ints(monkeypatch):
    parsed = ours(pyphen.LANGUAGES["hu"], monkeypatch)
    data = [v.data for _, values in parsed.patterns.values() for v in values
            if isinstance(v, pyphen.DataInt)]
    assert len(data) > 1000 and all(isinstance(d, tuple) and "=" in d[0] for d in data)


def write(tmp_path, body: str, encoding: str = "UTF-8", newline: str = "\n",
          name: str = "hyph_test.dic"):
    path = tmp_path / name
    head = encoding if encoding.lower() != "cp1251-named" else "microsoft-cp1251"
    codec = "cp1251" if head == "microsoft-cp1251" else encoding
    path.write_bytes((head + newline + body.replace("\n", newline)).encode(codec))
    return path


ODD_FILES = {
    "plain": "a1b\n.ab2c\n1ab.\n",
    "zeros chopped at both ends": "0a0b1c0d0\n00x1y0\n",
    "zeros only, or no digit": "a0b0c\nabc\nx1y\n",
    "later duplicate wins, order of first sight kept": "x1y\na1b\nx2y\nab3\n",
    "a later duplicate of zeros is skipped": "a1b\na0b\n",
    "blank, blank-ish and comment lines": "\n   \n\t\n% a1b\n# c1d\nLEFTHYPHENMIN 2\n"
                                          "RIGHTHYPHENMIN 3\nCOMPOUNDLEFTHYPHENMIN 2\n"
                                          "COMPOUNDRIGHTHYPHENMIN 2\nLEFTHYPHENMINa1b\ne1f\n",
    "surrounding white space": "  a1b  \n\tc2d\t\n\u00a0e3f\u00a0\n\x1cg1h\x1f\n",
    "white space inside is a letter": "a1 b\nc\u00a01d\n",
    "two digits in a row": "a12b\n1 2 3\na1b23\n99\n",
    "a digit alone": "1\n3\n",
    "a pattern ending with a digit": "ab1\n.ab3\n",
    "hex escapes": "^^e4b1\n^^31a\n^^E4c1\n^^5e^^5e41\n^^^^e41\nx^^4y1\n",
    "an escape that makes a slash": "a1b^^2fc=,1,1\n",
    "alternatives": "c1sc/cs=,2,1\n.sz1sz/sz=sz,2,3\nssz1/sz=,1,2\n1ff/f=f,1,2\n",
    "a slash without an equals sign, and the reverse": "a1/b\nc1=d\n/1x\n",
    "non-ASCII digits": "a\u0663b\nc\uff11d\ne\u00b2f1\n\u0967\u0968\n",
    "letters of other scripts": "\u0436\u04331\u0430\n\u03b11\u03b2\n\u00e41\u00df\n",
}


@pytest.mark.parametrize("body", ODD_FILES.values(), ids=ODD_FILES.keys())
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_odd_cases_read_as_pyphen_reads_them(tmp_path, monkeypatch, body, newline):
    compare(write(tmp_path, body, newline=newline), monkeypatch)


@pytest.mark.parametrize(("encoding", "body"), [
    ("ISO8859-1", "\u00e41b\n\u00df1\u00e9\n\u00b21a\n\u00851x\u0085\n"),
    ("ISO8859-2", "\u01511\u0171\n\u015b2z\n"),
    ("ISO8859-7", "\u03b11\u03b2\n\u03c32\u03c4\n"),
    ("cp1251", "\u04331\u0430\n\u04342\u0435\n"),
    ("cp1251-named", "\u04331\u0430\n\u04342\u0435\n"),
    ("koi8-r", "\u04331\u0430\n"),
])
def test_encodings_read_as_pyphen_reads_them(tmp_path, monkeypatch, encoding, body):
    compare(write(tmp_path, body, encoding=encoding), monkeypatch)


@pytest.mark.parametrize("content", [
    b"microsoft-cp1251",  # no newline: pyphen's "microsoft-cp1251" rule applies, no patterns
    b"UTF-8\n",  # no patterns
    b"UTF-8\n% only a comment\n",
    b"no-such-encoding\na1b\n",
    b"UTF-8\n\xff1a\n",  # not UTF-8
    b"UTF-8\na1b/x=\n",  # an alternative without its numbers
    b"UTF-8\na1b/x=,y,1\n",
])
def test_a_file_pyphen_cannot_read_fails_as_pyphen_fails(tmp_path, monkeypatch, content):
    path = tmp_path / "hyph_bad.dic"
    path.write_bytes(content)
    error = compare(path, monkeypatch)
    assert isinstance(error, tuple) and issubclass(error[0], Exception)


def test_what_the_odd_cases_store(tmp_path, monkeypatch):
    """The format as pyphen reads it, spelled out (compare() checks equality with pyphen;
    this checks that equality means what the cases claim)."""
    body = "0a0b1c0d0\na0b0c\nx1y\nx2y\na1b\na0b\n% q1r\n^^e41s\nc1sc/cs=,2,1\na12b\n"
    patterns = ours(write(tmp_path, body), monkeypatch).patterns
    assert list(patterns) == ["abcd", "xy", "ab", "äs", "csc"]  # in the order first seen
    assert patterns["abcd"] == (2, (1,))  # zeros cut from both ends, two from the front
    assert patterns["xy"] == (1, (2,))  # the later pattern wins
    assert patterns["ab"] == (1, (1, 2))  # "a0b" (zeros only) skipped, "a12b" replaced "a1b"
    assert patterns["äs"] == (1, (1,))  # ^^e4 is ä
    [value] = patterns["csc"][1]
    assert type(value) is pyphen.DataInt and value == 1 and value.data == ("cs=", 0, 1)


def hyphenations(path, parsed, words):
    """Each word with its hyphens and each of its splits, hyphenated with ``parsed``."""
    pyphen.hdcache[path] = parsed
    hyphenator = pyphen.Pyphen(filename=path)
    assert hyphenator.hd is parsed
    return [(hyphenator.inserted(word), list(hyphenator.iterate(word))) for word in words]


def words_for(parsed, count: int, seed: int) -> list[str]:
    """Words made of the dictionary's own patterns (dots removed), two to four each, so that
    many patterns take part."""
    chooser = random.Random(seed)
    keys = sorted(key.strip(".") for key in parsed.patterns if key.strip(".")) or ["ab"]
    return ["".join(chooser.choice(keys) for _ in range(chooser.randint(2, 4)))
            for _ in range(count)]


@pytest.mark.parametrize("lang", ["de", "fr", "it", "en", "hu", "ru", "nl"])
def test_words_hyphenate_the_same_with_either(monkeypatch, lang):
    path = pyphen.LANGUAGES[lang]
    mine, theirs = ours(path, monkeypatch), pyphen.HyphDict(path)
    words = words_for(theirs, 300, seed=len(lang))
    words += ["Donaudampfschifffahrtsgesellschaft", "anticonstitutionnellement",
              "precipitevolissimevolmente", "hyphenation", "asszonnyal", "hosszú",
              "megszentségteleníthetetlenség"]
    assert hyphenations(path, mine, words) == hyphenations(path, theirs, words)
    assert sum("-" in inserted for inserted, _ in hyphenations(path, mine, words)) > 100


# Random files ------------------------------------------------------------------------------

PIECES = st.one_of(
    st.sampled_from(list("abcxyzäßжα.' ")),  # letters
    st.sampled_from(["\t", "\r", "\x0c", "\x1c", "\x85", "\u00a0", "\u2028"]),  # white space
    st.sampled_from(list("0123456789") + ["\u0663", "\uff11", "\u00b2"]),  # digits and near ones
    st.builds(lambda pair: "^^" + pair,
              st.text(alphabet="0123456789abcdefABCDEF^/=", min_size=0, max_size=2)),
    st.sampled_from(["/", "=", ",", "%", "#", "LEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN"]),
)
ALTERNATIVE = st.builds(
    lambda pattern, change, index, cut: f"{pattern}/{change},{index},{cut}",
    st.text(alphabet="abc.123", min_size=1, max_size=6),
    st.sampled_from(["ff=f", "cs=", "=sz", "sz=sz", "x"]),
    st.integers(-1, 4), st.integers(-1, 4))
LINES = st.lists(st.one_of(st.lists(PIECES, max_size=8).map("".join), ALTERNATIVE), max_size=25)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES, newline=st.sampled_from(["\n", "\r\n"]),
       encoding=st.sampled_from(["UTF-8", "ISO8859-1"]), seed=st.integers(0, 1000))
def test_random_files_read_and_hyphenate_as_with_pyphen(tmp_path, monkeypatch, lines, newline,
                                                         encoding, seed):
    body = "\n".join(lines)
    if encoding != "UTF-8":
        body = body.encode("latin-1", "replace").decode("latin-1")
    path = write(tmp_path, body, encoding=encoding, newline=newline)
    parsed = compare(path, monkeypatch)
    if isinstance(parsed, pyphen.HyphDict):
        words = words_for(parsed, 20, seed) + ["abcxyz", "äßжα"]
        theirs = pyphen.HyphDict(path)
        assert hyphenations(path, parsed, words) == hyphenations(path, theirs, words)
