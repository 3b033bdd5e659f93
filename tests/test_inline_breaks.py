"""Inline code that opens with "/" or "." after a space (a path, a file name): the paragraph's
lines break where a reader expects, never after its first word (WeasyPrint 70 went back
to the first place a line could end when the word before the code had to move down)."""

from __future__ import annotations

import re

from manualgen.build import BuildOptions, build

from .conftest import page, printed_pages, write_site


def _paragraphs(code: str) -> str:
    # the same sentence with a word a letter longer each time, so that the code meets the end
    # of the line at every place of its width
    return "\n\n".join(
        f"Melde dich erneut am Verwaltungswerkzeug an. Rufe danach die Adresse{'e' * n} mit dem "
        f"Anhang \n`{code}` auf und gib deine Zugangsdaten wie zuvor ein." for n in range(36))


def test_a_line_does_not_end_after_the_first_word_before_a_path_in_code(tmp_path):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Einleitung."),
        "content/de/pfade.md": page("Pfade", 1, body=_paragraphs("/werkzeug-verwaltung.phar.php")
                                    + "\n\n" + _paragraphs(".werkzeug-verwaltung.env")),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True,
                                      jobs=1))
    lines = [line.strip() for _w, _h, text, _chars in printed_pages(result.results[0].pdf)
             for line in text.splitlines()]
    assert not [line for line in lines if line == "Melde"], lines
    # every paragraph is printed whole, the code unbroken where the line allows it
    assert sum("Melde dich erneut am Verwaltungswerkzeug an." in line for line in lines) == 72
    html = result.results[0].html.read_text(encoding="utf-8")
    assert len(re.findall(r"<wbr\s*/?>\s*<code>[/.]werkzeug", html)) == 72, html
