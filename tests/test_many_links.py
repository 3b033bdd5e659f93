"""A paragraph of many links converts in linear time (Python-Markdown 3.11 found every
bracket's end again after each link: 500 links took seconds, 4,000 minutes), with the same
HTML as before."""

from __future__ import annotations

import random

from manualgen import convert

from .test_convert import Site


def naive_text(data: str, index: int):
    """``getText`` by a plain forward scan: the text up to the ``]`` that closes the
    bracket before ``index``."""
    depth = 1
    for at in range(index, len(data)):
        if data[at] == "[":
            depth += 1
        elif data[at] == "]":
            depth -= 1
            if depth == 0:
                return data[index:at], at + 1, True
    return data[index:], len(data), False


def test_bracket_text_matches_a_forward_scan_also_after_a_change_before_it():
    getter = convert.TailBrackets()
    rng = random.Random(7)
    for _ in range(2000):
        data = "".join(rng.choice("[]ab!(") for _ in range(rng.randint(0, 30)))
        for index in range(1, len(data) + 1):
            if data[index - 1] != "[":
                continue
            assert getter.getText(data, index) == naive_text(data, index), (data, index)
            changed = "\x02klzzwxh:7\x03" + data[index - 1:]  # a placeholder before it
            at = len(changed) - (len(data) - index)
            assert getter.getText(changed, at) == naive_text(changed, at), (changed, at)


def test_an_index_not_after_a_bracket_reads_to_the_first_unmatched_close():
    getter = convert.TailBrackets()
    assert getter.getText("ab [c] d] e", 0) == ("ab [c] d", 9, True)
    assert getter.getText("ab [c", 0) == ("ab [c", 5, False)


def test_brackets_are_found_a_bounded_number_of_times_for_a_paragraph_of_links(tmp_path,
                                                                            monkeypatch):
    from markdown.inlinepatterns import LinkInlineProcessor

    calls = []
    real = convert._closing_brackets
    monkeypatch.setattr(convert, "_closing_brackets", lambda text: calls.append(1) or real(text))
    theirs = getattr(LinkInlineProcessor, "_findBracketEnds", None)  # Python-Markdown 3.11
    if theirs is not None:
        monkeypatch.setattr(LinkInlineProcessor, "_findBracketEnds",
                            staticmethod(lambda data: calls.append(1) or theirs(data)))
    links = " ".join(f"[Seite {n}](https://example.org/{n}) ![Bild {n}](/b{n}.png)"
                     for n in range(400))
    html = Site(tmp_path).render(links + "\n")
    assert html.count("<a ") == 400 and html.count("<img ") == 400
    assert len(calls) <= 10  # one per processor and paragraph, not one per link


def test_links_images_and_references_print_as_before(tmp_path):
    source = ("Siehe [die [neue] Seite](/neu \"Titel\"), ![Logo](/l.png), [Ref][r], [r], "
              "![Bild][i], [offen und [zu](/z) und ] [x](/y)\n\n[r]: /ref\n[i]: /i.png\n")
    html = Site(tmp_path).render(source)
    assert '<a href="/neu" title="Titel">die [neue] Seite</a>' in html
    assert '<img alt="Logo" src="/l.png"' in html
    assert html.count('<a href="/ref">') == 2 and '<img alt="Bild" src="/i.png"' in html
    assert '<a href="/z">zu</a>' in html and '<a href="/y">x</a>' in html
