"""A site's ``[markup.goldmark]`` settings beyond Hugo's defaults.  Each expected HTML is
what the hugo binaries 0.149.1 and 0.168.0 give for the same source and settings (ids,
the classes of task lists and the footnotes' own markup aside, which manualgen prints its
own way for paper)."""

from __future__ import annotations

import pytest

from .conftest import HUGO_TOML
from .test_convert import Site, squeeze


def renders(tmp_path, settings: str, source: str) -> str:
    return squeeze(Site(tmp_path, hugo=HUGO_TOML + settings).render(source))


EVERY_EXTENSION = """\
| a | b |
|---|---|
| 1 | 2 |

~~gone~~ and ~one~

- [x] done

Term
: Definition

Text[^1].

[^1]: The note.
"""


def test_goldmarks_extensions_switched_off_leave_their_syntax_as_text(tmp_path):
    settings = ("[markup.goldmark.extensions]\ntable = false\nstrikethrough = false\n"
                "taskList = false\ndefinitionList = false\nfootnote = false\n")
    assert renders(tmp_path, settings, EVERY_EXTENSION) == (
        "<p>| a | b |\n|\u2014|\u2014|\n| 1 | 2 |</p><p>~~gone~~ and ~one~</p>"
        "<ul><li>[x] done</li></ul><p>Term\n: Definition</p><p>Text[^1].</p><p>[^1]: The note.</p>")


@pytest.mark.parametrize("settings", [
    "[markup.goldmark.extensions]\nfootnote = false\n",  # Hugo up to 0.150
    "[markup.goldmark.extensions.footnote]\nenable = false\n",  # Hugo 0.151 and later
])
def test_footnotes_switched_off_print_as_written(tmp_path, settings):
    assert renders(tmp_path, settings, "Text[^1].\n\n[^1]: The note.\n") == (
        "<p>Text[^1].</p><p>[^1]: The note.</p>")


def test_a_footnote_table_without_enable_leaves_footnotes_on(tmp_path):
    settings = '[markup.goldmark.extensions.footnote]\nbacklinkHTML = "^"\n'
    assert 'class="footnote-ref"' in renders(tmp_path, settings, "Text[^1].\n\n[^1]: Note.\n")


def test_one_extension_off_leaves_the_others_on(tmp_path):
    html = renders(tmp_path, "[markup.goldmark.extensions]\ntable = false\n", EVERY_EXTENSION)
    assert "<table>" not in html and "<del>gone</del>" in html and "<dl>" in html
