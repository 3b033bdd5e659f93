"""What a site's Go template reads of another page's rendered content, as Hugo derives it
(checked with hugo 0.149.1 and 0.168.0): its plain text and words, their counts, and its
summary.  Pure functions of the content's HTML; go_run.py hands them the page's content."""

from __future__ import annotations

import re

from .go_escape import plainified

__all__ = ["SUMMARY_DIVIDER", "auto_summary", "word_facts"]

SUMMARY_DIVIDER = "<!--more-->"


def word_facts(content: str) -> dict:
    """.Plain, .PlainWords, .WordCount, .FuzzyWordCount (up to the next hundred),
    .ReadingTime (minutes at 213 words a minute) and .Len (bytes) of a content."""
    plain = plainified(content)
    words = plain.split()
    count = len(words)
    return {"Plain": plain, "PlainWords": words, "WordCount": count,
            "FuzzyWordCount": (count + 100) // 100 * 100, "ReadingTime": (count + 212) // 213,
            "Len": len(content.encode())}


def auto_summary(content: str, length: int) -> tuple[str, bool]:
    """Hugo's automatic .Summary and .Truncated: the content up to the end of the paragraph
    (``</p>``) in which its count of words reaches ``length``, a word ending at each white
    space character and at a paragraph's last character, tags' text counted too; the whole
    content without the white space around it, not truncated, when it never does."""
    if length <= 0:
        return content.strip(), False
    count, at = 0, 0
    while at < len(content):
        close = content.find("</p>", at)
        if close < 0:
            break
        count += _words_in(content[at:close])
        if count >= length:  # truncated when text follows, as hugo 0.168.0 has it (0.149.1:
            end = close + 4   # when anything does, a line end too)
            return content[:end], bool(content[end:].strip())
        at = close + 3  # Hugo goes on from the ">" of the "</p>"
    return content.strip(), False


def _words_in(chunk: str) -> int:
    """Hugo's count of one paragraph's words: each white space character, and its last
    character when that is none."""
    spaces = len(re.findall(r"\s", chunk))
    return spaces + (1 if chunk and not chunk[-1].isspace() else 0)
