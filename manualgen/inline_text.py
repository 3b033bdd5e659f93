"""Inline Markdown as its words: what a reader sees of an image's description or of a
heading, without the marks around them."""

from __future__ import annotations

import html
import re

# A span is looked for within 300 characters of its opening mark: a heading of thousands of
# unclosed marks ("_a _a _a …", 60 KB) took each one to the end of the line, 16 s.
_STRONG_EM = (
    re.compile(r"(\*{1,3})(?=\S)(.{1,300}?)(?<=\S)\1"),
    re.compile(r"(?<![^\W_])(_{1,3})(?=\S)(.{1,300}?)(?<=\S)\1(?![^\W_])"),
    re.compile(r"(~~?)(?=\S)(.{1,300}?)(?<=\S)\1"),
)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.{1,300}?)(?<!`)\1(?!`)")
# A destination with balanced parentheses ("Contraction_(grammar)") and an optional title.
_DESTINATION = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"
_IMAGE = re.compile(r"!\[([^\[\]]*)\]" + _DESTINATION)
_LINK = re.compile(r"\[([^\[\]]*)\](?:" + _DESTINATION + r"|\[[^\[\]]*\])")
_AUTOLINK = re.compile(r"<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}):[^<>\s]*)>")


def plain_description(text: str) -> str:
    """An image's description as Goldmark's alt text: the words without the marks of
    emphasis, strikethrough or raw HTML tags ("alt *with* emphasis" is "alt with
    emphasis")."""
    text = _TAG.sub("", text)
    for pattern in _STRONG_EM:
        while True:
            plain = pattern.sub(r"\2", text)
            if plain == text:
                break
            text = plain
    return text


def plain_html(text: str) -> str:
    """A line of HTML as the words it prints: tags dropped, entities read, white space
    as one space ("free, by the <a href=…>ISRG</a> &amp; friends" is "free, by the ISRG
    & friends")."""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def plain_inline(text: str) -> str:
    """A line of inline Markdown as the words it prints: a link as its text, an image as
    its description, an autolink as its address, a code span as written; emphasis and raw
    HTML tags without their marks ("Use [`kubectl`](/k/) *now*" is "Use kubectl now")."""
    spans: list[str] = []

    def keep(code: re.Match) -> str:  # set aside: its marks are its text
        spans.append(code.group(2).strip() or code.group(2))
        return f"\ue000{len(spans) - 1}\ue001"

    text = _CODE_SPAN.sub(keep, text.replace("\ue000", "").replace("\ue001", ""))
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _SPAN.sub(lambda m: spans[int(m.group(1))], plain_description(text))
    return " ".join(text.split())


_SPAN = re.compile("\ue000(\\d+)\ue001")
