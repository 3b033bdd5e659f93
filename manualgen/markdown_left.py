"""Markdown a shortcode printed as written: the writer's mistake, found in its output.

Some shortcode templates print their inner text as it is (the team's ``listItem``); Hugo
does the same, so ``**Validierung**`` shows its asterisks on the web and on paper.  The fix
is the writer's (``{{< markdown >}}`` around the text, or the ``{{% %}}`` form), so manualgen
only says where.  The search is conservative: only text outside tags and outside code, and
only shapes that are Markdown beyond doubt.
"""

from __future__ import annotations

import html as html_module
import re

# Elements whose text is meant as written: code, keys, sample output, scripts, diagrams, math.
_VERBATIM = {"pre", "code", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
_VERBATIM_CLASS = re.compile(r"""\bclass\s*=\s*["'][^"']*\b(?:mermaid|math|katex|language-)""", re.IGNORECASE)
# A tag, or the start of a comment; "[^<>]*" stops at the next "<", so a scan is linear.
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^<>]*>|<!--")

# Each shape: (what it is, its pattern).  Emphasis markers must touch a word on the inside
# and stand apart from words on the outside (``__init__`` inside a name is no Markdown).
_INLINE = (
    ("bold", re.compile(r"(?<![\w*\\])\*\*(?=[^\s*])[^*\n]{1,200}?(?<=[^\s*\\])\*\*(?![\w*])")),
    ("bold", re.compile(r"(?<![\w\\])__(?=[^\s_])[^_\n]{1,200}?(?<=[^\s_\\])__(?!\w)")),
    ("link", re.compile(r"(?<![\\!])\[[^\[\]\n]{1,200}\]\((?:https?://|/|\.{0,2}/|#)[^\s()]{0,500}\)")),
    ("code", re.compile(r"(?<![`\\])`(?=[^\s`])[^`\n]{1,200}?(?<=[^\s`])`(?!`)")),
)
# How a finding names each shape
MARKDOWN_KINDS = {"bold": "bold text", "link": "a link", "code": "a code span",
                  "heading": "a heading", "list": "a list"}
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S")
_LIST_ITEM = re.compile(r"^[ \t]{0,3}[-*+][ \t]+\S")


def markdown_left(html: str) -> list[tuple[str, str]]:
    """(what, the text as written) for each piece of Markdown left in ``html``'s text,
    outside tags, attributes and code, in order; at most one a piece of text."""
    return [found for chunk in _text_chunks(html) if (found := _inline(chunk) or _block(chunk))]


def _text_chunks(html: str) -> list[str]:
    """The text between tags, code and the like left out; entities read as characters.
    One pass from left to right: an element or comment left open hides the rest."""
    chunks, pos, inside, depth = [], 0, None, 0
    while (m := _TAG.search(html, pos)) is not None:
        if inside is None:
            chunks.append(html[pos:m.start()])
        if m.group(0) == "<!--":
            end = html.find("-->", m.end())
            if end < 0:
                return _readable(chunks)
            pos = end + 3
            continue
        closing, name = m.group(1), m.group(2).lower()
        if inside is None and not closing and not m.group(0).endswith("/>") and (
                name in _VERBATIM or _VERBATIM_CLASS.search(m.group(0))):
            inside, depth = name, 1
        elif name == inside and not m.group(0).endswith("/>"):
            depth += -1 if closing else 1
            inside = None if depth == 0 else inside
        pos = m.end()
    if inside is None:
        chunks.append(html[pos:])
    return _readable(chunks)


def _readable(chunks: list[str]) -> list[str]:
    return [html_module.unescape(chunk) for chunk in chunks if chunk.strip()]


def _inline(chunk: str) -> tuple[str, str] | None:
    for what, pattern in _INLINE:
        m = pattern.search(chunk)
        if m:
            return what, m.group(0)
    return None


def _block(chunk: str) -> tuple[str, str] | None:
    """A heading line, or two list items one after the other (one "- " line may be a dash)."""
    lines = chunk.split("\n")
    for i, line in enumerate(lines):
        if _HEADING.match(line):
            return "heading", line.strip()
        if _LIST_ITEM.match(line) and i + 1 < len(lines) and _LIST_ITEM.match(lines[i + 1]):
            return "list", line.strip()
    return None
