"""The validator's verdict: the example manual and the corpus pass PDF/UA-1 (and PDF/A-3a when
asked) with no failed rule; build --validate and check --pdf report failed rules as findings."""

from __future__ import annotations

import sys

import pytest

from manualgen import tagging, validate
from manualgen.cli import main
from manualgen.errors import Findings

from .conftest import CORPUS, ROOT, write_site
from .conftest import page as page_md

page = pytest.importorskip("page", reason="page-validation is not installed (pip install -e '.[test]')")


def build_all(site, out, *extra: str) -> dict[str, object]:
    code = main(["build", "--site", str(site), "--all", "--out", str(out), "--no-cache",
                 "--quiet", *extra])
    assert code == 0
    return {p.stem.rsplit("-", 1)[-1]: p for p in sorted(out.glob("*.pdf"))}


def failures(pdf, profile: str) -> list[str]:
    return [f"{f.rule_id}: {f.message}" for f in page.validate_pdf(pdf, profile=profile).failures]


@pytest.fixture(scope="module")
def example_ua(tmp_path_factory):
    return build_all(ROOT, tmp_path_factory.mktemp("example-ua"))


@pytest.fixture(scope="module")
def example_3a(tmp_path_factory):
    return build_all(ROOT, tmp_path_factory.mktemp("example-3a"), "--pdf-variant", "pdf/a-3a")


@pytest.fixture(scope="module")
def corpus_ua(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"the SpiGes corpus is not beside the project ({CORPUS} is absent)")
    return build_all(CORPUS, tmp_path_factory.mktemp("corpus-ua"))


@pytest.fixture(scope="module")
def corpus_3a(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"the SpiGes corpus is not beside the project ({CORPUS} is absent)")
    out = tmp_path_factory.mktemp("corpus-3a")
    code = main(["build", "--site", str(CORPUS), "--lang", "de", "--out", str(out), "--no-cache",
                 "--quiet", "--pdf-variant", "pdf/a-3a"])
    assert code == 0
    return sorted(out.glob("*.pdf"))


def test_every_language_of_the_example_manual_passes_pdf_ua_1(example_ua):
    assert sorted(example_ua) == ["de", "fr", "it"]
    for lang, pdf in example_ua.items():
        assert failures(pdf, "ua1") == [], lang


def test_every_language_of_the_example_manual_as_pdf_a_3a_passes_both(example_3a):
    assert sorted(example_3a) == ["de", "fr", "it"]
    for lang, pdf in example_3a.items():
        assert failures(pdf, "3a") == [], lang
        assert failures(pdf, "ua1") == [], lang


def test_every_language_of_the_corpus_passes_pdf_ua_1(corpus_ua):
    assert len(corpus_ua) >= 2
    for lang, pdf in corpus_ua.items():
        assert failures(pdf, "ua1") == [], lang


def test_the_corpus_as_pdf_a_3a_passes_both(corpus_3a):
    [pdf] = corpus_3a  # one language: the others differ from PDF/UA only in their text
    assert failures(pdf, "3a") == []
    assert failures(pdf, "ua1") == []


def small_site(tmp_path, body: str):
    return write_site(tmp_path / "site", {
        "content/de/_index.md": page_md("Start", body="Willkommen."),
        "content/de/a.md": page_md("Erfassen", 1, body=body),
        "content/fr/_index.md": page_md("Accueil", body="Bienvenue."),
    })


def test_a_page_that_skips_a_heading_level_passes_heading_nesting(tmp_path):
    # "##" then "####": WeasyPrint alone tags H2 then H4 (rule PDFUA1-HEADING-NESTING-001)
    site = small_site(tmp_path, "## Vorbereiten\n\nText.\n\n#### Im Detail\n\nMehr Text.\n")
    pdfs = build_all(site, tmp_path / "out", "--html")
    html = next((tmp_path / "out").glob("*-de.html")).read_text(encoding="utf-8")
    assert "<h3" in html and ">Im Detail</h3>" in html and "<h5" not in html
    assert failures(pdfs["de"], "ua1") == []


def test_build_validate_reports_failed_rules_and_strict_fails_on_them(tmp_path, monkeypatch,
                                                                     capsys):
    site = small_site(tmp_path, "Siehe [die Statusseite](https://example.org/status).\n\n- Eins\n- Zwei\n")
    args = ["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
            "--no-cache", "--validate"]
    assert main(args + ["--strict"]) == 0
    assert "pdfua" not in capsys.readouterr().err
    # Without the repair, WeasyPrint's own tree fails PDF/UA-1: the findings say so.
    monkeypatch.setattr(tagging, "finisher", lambda variant: lambda document, pdf: None)
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "PDF/UA-1 rule PDFUA1-LINK-LINK-TAG-001 fails" in err and "[pdfua; de]" in err
    assert main(args + ["--strict"]) == 1


def test_check_pdf_validates_what_an_earlier_build_wrote(tmp_path, capsys):
    site = small_site(tmp_path, "Text.\n")
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(out), "--no-cache",
                 "--quiet", "--pdf-variant", "pdf/a-3b"]) == 0
    capsys.readouterr()
    # pdf/a-3b is not tagged: checked as the site's own variant (pdf/ua-1), it fails.
    assert main(["check", "--site", str(site), "--lang", "de", "--pdf", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "PDFUA1-STRUCT-TREE-ROOT-001" in text and "[pdfua; de]" in text
    assert main(["check", "--site", str(site), "--lang", "de", "--pdf", "--out", str(out),
                 "--pdf-variant", "pdf/a-3b"]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out  # as what it was built as: valid
    assert main(["check", "--site", str(site), "--lang", "fr", "--pdf", "--out", str(out)]) == 0
    assert "no PDF to validate" in capsys.readouterr().out


def test_without_the_validator_the_message_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "page", None)  # import page raises ImportError
    site = small_site(tmp_path, "Text.\n")
    code = main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                 "--validate"])
    assert code == 2
    assert "pip install 'manualgen[validate]'" in capsys.readouterr().err
    assert not (tmp_path / "out" / "test-manual-de.pdf").exists()


def test_each_failed_rule_is_one_finding_with_its_page():
    class Failure:
        def __init__(self, rule, message):
            self.rule_id, self.message = rule, message

    class Report:
        def __init__(self):
            self.failures = [
                Failure("PDFUA1-LINK-LINK-TAG-001", "annotation 1 on page 3 is not nested"),
                Failure("PDFUA1-ID-PART-001", "XMP declares no part")]

    class Validator:
        PageError = Exception

        @staticmethod
        def validate_pdf(path, profile):
            return Report()

    findings = Findings()
    assert validate.validate_pdf("x.pdf", ("ua1",), findings, "de", Validator) == 2
    messages = [(f.code, f.message) for f in findings]
    assert messages == [
        ("pdfua", ("page 3: PDF/UA-1 rule PDFUA1-LINK-LINK-TAG-001 fails: annotation 1 on "
                   "page 3 is not nested")),
        ("pdfua", "PDF/UA-1 rule PDFUA1-ID-PART-001 fails: XMP declares no part"),
    ]


def test_profiles_follow_the_variant():
    assert validate.profiles_for("pdf/ua-1") == ("ua1",)
    assert validate.profiles_for("pdf/a-3a") == ("3a", "ua1")
    assert validate.profiles_for("none") == ()
