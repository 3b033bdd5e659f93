"""Markdown to HTML for one page, configured to match Hugo's Goldmark.

The steps, in order (``PageConverter.convert``):

1. shortcodes are expanded (``{{< >}}`` output stashed as tokens, ``{{% %}}`` output inlined);
2. the text is adjusted where Goldmark and Python-Markdown read the same source differently
   (raw HTML blocks end at a blank line, lists and tables may follow a paragraph line directly,
   lists nest by two spaces);
3. Python-Markdown renders it with GFM-like extensions, Goldmark's autolinks (linkify) and
   Goldmark's typographer;
4. stashed raw HTML and shortcode output are put back.

Hugo's ``.Content`` is the standard: ``tests/test_fidelity.py`` compares the output with
Hugo's own rendering of a real site, page by page.
"""

from __future__ import annotations

import bisect
import dataclasses
import html as html_module
import re
import string
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

import markdown
from markdown import util as md_util
from markdown.blockprocessors import ReferenceProcessor, SetextHeaderProcessor
from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor
from markdown.inlinepatterns import (
    HTML_RE,
    AutomailInlineProcessor,
    HtmlInlineProcessor,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    InlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
)
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.emoji import gemoji, to_alt

from . import cjk, org
from .goldmark import (
    ALERT_LABEL_KEYS,
    DEFINITION_MARK,
    NO_PASSTHROUGH,
    RAW_TEXT_END,
    RAW_TEXT_START,
    GoldmarkBlockQuote,
    Passthrough,
    apply_attributes,
    attribute_lines,
    extract_fences,
    extract_math,
    fence_html,
    parse_attributes,
    passthrough_config,
)
from .heading_ids import GITHUB, HeadingIds
from .i18n import Translator
from .inline_text import plain_description
from .markdown_left import MARKDOWN_KINDS, markdown_left
from .shortcodes import (
    ShortcodeRenderer,
    Stash,
    code_block,
    highlight_defaults,
    highlight_problem,
    hooked_image,
    with_defaults,
)

# --- Goldmark's raw HTML blocks -------------------------------------------------------------

_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|"
    "h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|"
    "option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
_START_1, _END_1 = RAW_TEXT_START, RAW_TEXT_END  # kind 1 (goldmark.py skips its fences too)
_START_6 = re.compile(rf"^ {{0,3}}</?({_BLOCK_TAGS})(\s|/?>|$)", re.IGNORECASE)
_ATTR = r"""(?:\s+[a-zA-Z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_START_7 = re.compile(rf"^ {{0,3}}(?:<[a-zA-Z][\w-]*{_ATTR}*\s*/?>|</[a-zA-Z][\w-]*\s*>)\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")
_ENDS_LIST = re.compile(r"^(>|([-*_])( *\2){2,}\s*$)")
_ENDS_TABLE = re.compile(r"^ {0,3}(#{1,6}(\s|$)|>|([-*_])( *\3){2,}\s*$)")
_TABLE_DELIM = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
RAW_TOKEN = "mgraw{}x"
# The page's own "mgsc"/"mgraw" while it is rendered: a word joiner keeps it from reading as
# a placeholder and is taken out again at the end.
_GUARD_SC, _GUARD_RAW = "mg\u2060sc", "mg\u2060raw"
RAW_TOKEN_RE = re.compile(r"(?:<p>)?mgraw(\d+)x(?:</p>)?")


def _expand_tabs(line: str) -> str:
    return line.expandtabs(4) if "\t" in line[: len(line) - len(line.lstrip())] else line


class BlockAttributes(Treeprocessor):
    """Applies the attribute lines that :class:`GoldmarkBlocks` marked (before the inline
    patterns, which would read the marks as text)."""

    def __init__(self, md, blocks: GoldmarkBlocks) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, root: ET.Element) -> None:
        if self.blocks.attributes:
            placeholder = re.compile(r"^(?:mgraw\d+x|\x02wzxhzdk:\d+\x03)$")
            apply_attributes(root, self.blocks.attributes, lambda text: bool(placeholder.match(text)))


class GoldmarkFences(Preprocessor):
    """Fenced code as Goldmark reads it (see :func:`goldmark.extract_fences`): in list items
    too, closed only by a fence of its own kind, Hugo's attributes in the info string."""

    def __init__(self, md) -> None:
        super().__init__(md)
        self.placeholders: set[str] = set()  # this page's, for FenceParagraphs

    def run(self, lines: list[str]) -> list[str]:
        self.placeholders = set()
        return extract_fences(lines, self.store)

    def store(self, fence) -> str:
        """The placeholder of one fence's printed HTML (block quotes store theirs here too).
        A highlight option Hugo refuses, or a fence never closed, is noted with its first line in
        ``md.fence_problems`` for the converter to report at its line."""
        problem = highlight_problem({str(k).lower(): str(v) for k, v in fence.attrs.items()})
        if problem:
            self.md.fence_problems.append((fence.opening.strip(), "bad-highlight", problem))
        if not fence.closed:
            marker = fence.opening.strip()[:1] * 3
            self.md.fence_problems.append((fence.opening.strip(), "unclosed-fence", (
                f"the code block opened with {marker} is never closed: the rest of the text prints "
                f"as code (as on the web); close it with a line of {marker}")))
        site_defaults = getattr(self.md, "code_defaults", None)
        placeholder = self.md.htmlStash.store(fence_html(
            fence, code_block, lambda options, lang: with_defaults(options, lang, site_defaults)))
        self.placeholders.add(placeholder)
        return placeholder


class FenceParagraphs(Postprocessor):
    """A fence in a loose list item shares a paragraph with the item's text in
    Python-Markdown ("<p>Step\nCODE</p>"); Goldmark ends the paragraph before the code."""

    def __init__(self, md, fences: GoldmarkFences) -> None:
        super().__init__(md)
        self.fences = fences

    def run(self, text: str) -> str:
        if not self.fences.placeholders:
            return text
        marks = "|".join(re.escape(p) for p in self.fences.placeholders)
        split = re.compile(rf"\n?[ \t]*({marks})[ \t]*\n?")
        return re.sub(r"(<p(?:\s[^>]*)?>)(.*?)</p>",
                      lambda m: _split_paragraph(m.group(1), m.group(2), split), text,
                      flags=re.DOTALL)


def _split_paragraph(opening: str, content: str, split: re.Pattern) -> str:
    parts = split.split(content)
    if len(parts) == 1:
        return f"{opening}{content}</p>"
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(part)
        elif out and _BACK_LINK_ONLY.fullmatch(part):
            out[-1] += part.strip()  # a note's back link after its code, as Goldmark puts it
        elif part.strip():
            out.append(f"{opening if not out else '<p>'}{part}</p>")
    return "\n".join(out)


# What Python-Markdown adds at the end of a footnote: a no-break space and the back link.
# (Its no-break space and arrow are still placeholders when FenceParagraphs runs.)
_BACK_LINK_ONLY = re.compile(r'\s*(?:&#160;|\xa0|\x02\w+\x03)?<a class="footnote-backref"[^>]*>[^<]*</a>\s*')


class GoldmarkBlocks(Preprocessor):
    """Reads the page as Goldmark would where Python-Markdown differs.

    - A raw HTML block runs to its end condition (for most tags: the next blank line) and is
      passed through untouched; after a blank line Markdown resumes, even inside an open <div>.
    - A heading's own attributes (``## Title {#id .class}``) are taken from its line
      (:class:`HeadingAttributes` puts them on it; :class:`HeadingIds` makes the other ids).
    - A backslash at the end of a line is a hard line break.
    - A list or a table may start straight after a paragraph line.
    - Nested lists may be indented by two spaces (Python-Markdown wants four).
    """

    def __init__(self, md, raw_blocks: list[str], block_attributes: bool = True,
                 passthrough: Passthrough = NO_PASSTHROUGH, title_attributes: bool = True,
                 definitions: bool = True):
        super().__init__(md)
        self.definitions = definitions  # Hugo's extensions.definitionList
        self.raw_blocks = raw_blocks
        self.block_attributes = block_attributes
        self.title_attributes = title_attributes  # Hugo's markup.goldmark.parser.attribute.title
        self.passthrough = passthrough
        self.attributes: list[dict[str, str]] = []  # this page's attribute lines, in order
        self.headings: list[dict[str, str]] = []  # this page's heading attributes, in order
        self.math: set[int] = set()  # the stash entries that hold math (no text of a heading)
        self.given_ids: set[ET.Element] = set()  # headings whose line gave their id

    def run(self, lines: list[str]) -> list[str]:
        lines = self._raw_html(lines)
        self.math.clear()
        if self.passthrough.block or self.passthrough.inline:
            text = extract_math("\n".join(lines), self.passthrough, self._store_math)
            lines = text.split("\n")
        self.attributes = []
        if self.block_attributes:
            lines = attribute_lines(lines, self.attributes)
        self.headings = []
        lines = _source_lines(_atx_at_margin(lines), self.block_attributes, self.title_attributes,
                              self.headings)
        lines = _mark_tight_lists(self._definitions(lines))
        lines = self._blank_before_blocks(lines)
        return _loosen_lists(_renest_lists(lines), self._separator)

    def quote_lines(self, lines: list[str]) -> list[str]:
        """The steps of :meth:`run` a block quote's own lines need once its ``>`` are gone
        (Python-Markdown reads them apart): indented headings, lists or tables right after a
        paragraph line, nested lists indented as Goldmark nests them, tight and loose lists,
        definitions' blocks and looseness, and raw HTML blocks, passed through as they are
        outside a quote."""
        lines = self._raw_html(lines)
        while lines and not lines[-1].strip():  # a raw block's token ends the quote: no blank
            lines.pop()  # line after it, or Python-Markdown keeps the line break in its <p>
        lines = _mark_tight_lists(self._definitions(_atx_at_margin(lines)))
        return _loosen_lists(_renest_lists(self._blank_before_blocks(lines)), self._separator)

    def _definitions(self, lines: list[str]) -> list[str]:
        """Definitions' blocks set apart as Goldmark reads them; with the site's definition
        lists off, a ": " line is text like any other."""
        return _indent_definitions(lines) if self.definitions else lines

    def _store_math(self, html: str) -> str:
        self.math.add(self.md.htmlStash.html_counter)
        return self.md.htmlStash.store(html)

    def _separator(self) -> str:
        """A line that prints nothing (an empty raw block) but ends a list for Python-Markdown."""
        self.raw_blocks.append("")
        return RAW_TOKEN.format(len(self.raw_blocks) - 1)

    def _raw_html(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        fence: str | None = None
        in_paragraph = False
        item_indent = 0  # the content column of the list item the lines are in (0: none)
        while i < len(lines):
            line = lines[i]
            if fence:
                out.append(line)
                if _closes_fence(line, fence):
                    fence = None
                i += 1
                continue
            m = _FENCE.match(line)
            if m:
                fence = m.group(1)
                out.append(line)
                in_paragraph = False
                i += 1
                continue
            indent = len(line) - len(line.lstrip(" "))
            item_indent = _item_indent(line, indent, item_indent, bool(out) and not out[-1].strip())
            inside = indent - item_indent if item_indent and indent >= item_indent else indent
            end = _html_block_end(line[indent - inside:], in_paragraph)
            if end is None:
                out.append(line)
                in_paragraph = bool(line.strip()) and not re.match(r"^ {0,3}(#{1,6}\s|#{1,6}$)", line)
                i += 1
                continue
            block: list[str] = []
            in_item = bool(item_indent) and indent >= item_indent
            while i < len(lines):
                current = lines[i]
                if block and in_item and current.strip() and (
                        len(current) - len(current.lstrip(" ")) < item_indent):
                    break  # a line left of the item's text ends the item, and the block in it
                if end == "blank":
                    if not current.strip():
                        break
                    block.append(current)
                    i += 1
                    continue
                block.append(current)
                i += 1
                done = end.search(current) if isinstance(end, re.Pattern) else (end in current)
                # The end marker on the block's first line only counts after the start.
                if done and (len(block) > 1 or not isinstance(end, str) or current.count(end) and (
                        end != "-->" or current.find("-->") > current.find("<!--"))):
                    break
            self.raw_blocks.append("\n".join(block))
            # In a list item (Goldmark reads the block there), the token stays in the item,
            # with no blank line around it yet: whether the list is tight is read first
            # (_mark_tight_lists); _blank_before_blocks then sets it apart.
            if out and out[-1].strip() and not in_item:
                out.append("")
            margin = " " * item_indent if in_item else ""
            out.append(margin + RAW_TOKEN.format(len(self.raw_blocks) - 1))
            if not in_item:
                out.append("")
            in_paragraph = False
        return out

    @staticmethod
    def _blank_before_blocks(lines: list[str]) -> list[str]:
        """Goldmark lets a list (bullet, or ordered from 1) or a table interrupt a paragraph."""
        out: list[str] = []
        fence: str | None = None
        prev_kind = "blank"  # blank, para, list, table, other
        note = False  # whether the paragraph above is a footnote's
        columns = _item_columns(lines)
        for index, line in enumerate(lines):
            if fence:
                out.append(line)
                if _closes_fence(line, fence):
                    fence = None
                continue
            m = _FENCE.match(line)
            if m:
                fence = m.group(1)
                if prev_kind == "para":
                    out.append("")
                out.append(line)
                prev_kind = "other"
                continue
            if not line.strip():
                out.append(line)
                prev_kind = "blank"
                note = False
                continue
            note = note or bool(_NOTE_START.match(line))  # in a footnote's first paragraph
            item = _list_item(line)
            nxt = lines[index + 1] if index + 1 < len(lines) else ""
            if RAW_TOKEN_RE.fullmatch(line.strip()) and line.startswith(" "):
                # a raw HTML block in a list item: a block of its own for Python-Markdown
                if out and out[-1].strip():
                    out.append("")
                out += [line, ""] if nxt.strip() else [line]
                prev_kind = "blank" if nxt.strip() else "list"
                continue
            if prev_kind == "table" and (_ENDS_TABLE.match(line) or _interrupting_item(item)
                                         or _ENDS_TABLE_TOO.match(line)):
                out.append("")  # a heading, quote, rule, list … ends a table (Python-Markdown: a row)
                prev_kind = "blank"
            elif prev_kind == "list" and _ENDS_LIST.match(line) and not item:
                out.append("")  # a quote or rule at the margin ends a list (not lazy text)
                prev_kind = "blank"
            elif (prev_kind == "list" and line.startswith("  ") and line.lstrip().startswith(">")
                  and not _opens_quote(out[-1])):
                out.append("")  # a quote in the item: Python-Markdown wants it after a blank line
            elif (prev_kind == "list" and line.startswith(" ") and out and out[-1].strip()
                  and re.match(r"#{1,6}(?:[ \t]|$)", line.lstrip(" "))):
                out.append("")  # a heading under the item's text: so too (else it is text)
            elif (prev_kind == "list" and columns[index] and out and out[-1].strip()
                  and DEFINITION_MARK.match(line) and not _indented_in(line, columns[index])):
                out.append("")  # a definition of the item's text: so too (else it is text)
            elif prev_kind == "list" and out and out[-1].strip() and _under_item_text(line, columns[index]):
                if _item_heading(out, line[columns[index]:]):
                    continue  # "- Title" then "  ---": the item's text is a heading
                if not re.fullmatch(r"-+|=+", line.strip()):
                    out.append("")  # "  ***" under the item's text: a rule in the item
            elif item and out and out[-1].lstrip().startswith(">") and out[-1].startswith("  "):
                out.append("")  # the next item ends the item's quote (Python-Markdown: lazy text)
            elif (item and out and re.match(r" {0,3}>", out[-1]) and item.group(3)
                  and (not item.group(2)[0].isdigit() or int(item.group(2)[:-1]) == 1)):
                out.append("")  # a list that may interrupt a paragraph ends the quote above it
            if item and prev_kind == "para" and _in_item(item, columns[index]) <= 3 and item.group(3):
                marker = item.group(2)
                if not marker[0].isdigit() or int(marker[:-1]) == 1 or note:
                    out.append("")  # (Goldmark lets any list end a footnote's paragraph)
                else:  # "2." cannot interrupt a paragraph: the line is the paragraph's text
                    item = None
            elif "|" in line and _TABLE_DELIM.match(nxt) and "-" in nxt and (
                    prev_kind == "para" or prev_kind == "list" and line.startswith(" ")):
                out.append("")
            if item:
                prev_kind = "list"
            elif ("|" in line and _TABLE_DELIM.match(nxt) and "-" in nxt and prev_kind != "table"
                  and not _LIST_ITEM.match(nxt)):  # "- | -" is a list item, not a delimiter row
                prev_kind = "table"
            elif prev_kind == "table":
                pass
            elif re.match(r"^ {0,3}(#{1,6}(\s|$)|>|[-*_]( *[-*_]){2,}\s*$)", line):
                prev_kind = "other"
            elif prev_kind in ("list",) and line.startswith(" "):
                prev_kind = "list"
            else:
                prev_kind = "para" if prev_kind in ("blank", "para", "other") else prev_kind
            out.append(line)
        return out


_NOTE_START = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:")


def _under_item_text(line: str, column: int) -> bool:
    """Whether ``line`` is a rule or a setext underline (``***``, ``---``, ``===``) at the
    text column of the list item it is in (``column``), where it ends the item's text."""
    indent = len(line) - len(line.lstrip(" "))
    rest = line[column:]
    return bool(column) and column <= indent <= column + 3 and bool(
        _RULE.match(rest) or re.match(r" {0,3}=+[ \t]*$", rest))


def _item_heading(out: list[str], underline: str) -> bool:
    """Make the list item on ``out[-1]`` a heading when ``underline`` (``---``, ``===``)
    is a setext underline of its one line of text, as Goldmark reads it; whether it did."""
    item = _list_item(out[-1])
    mark = underline.strip()[0]
    if item is None or mark not in "-=" or not out[-1][item.end():].strip() or (
            mark == "-" and not re.fullmatch(r" {0,3}-+[ \t]*", underline)):
        return False
    level = "##" if mark == "-" else "#"
    out[-1] = f"{out[-1][:item.end()]}{level} {out[-1][item.end():]}"
    return True


def _item_columns(lines: list[str]) -> list[int]:
    """For each line, the content column of the list item it follows (0: none)."""
    columns, column, blank = [], 0, False
    for line in lines:
        columns.append(column)
        if line.strip():
            column = _item_indent(line, len(line) - len(line.lstrip(" ")), column, blank)
        blank = not line.strip()
    return columns


def _in_item(item: re.Match, column: int) -> int:
    """How far a list marker stands in from the content column of the item it is in."""
    indent = len(item.group(1))
    return indent - column if column and indent >= column else indent


_INDENTED_ATX = re.compile(r"^ {1,3}(?=#{1,6}(?:[ \t]|$))")


def _atx_at_margin(lines: list[str]) -> list[str]:
    """An ATX heading may stand one to three spaces in (Python-Markdown wants its ``#`` at
    the margin): outside list items and fences, those spaces go."""
    out: list[str] = []
    fence: str | None = None
    item_indent = 0
    for line in lines:
        if fence:
            fence = None if _closes_fence(line, fence) else fence
        elif m := _FENCE.match(line):
            fence = m.group(1)
        else:
            indent = len(line) - len(line.lstrip(" "))
            item_indent = _item_indent(line, indent, item_indent, bool(out) and not out[-1].strip())
            if not item_indent:
                line = _INDENTED_ATX.sub("", line)
        out.append(line)
    return out


# Another line that ends a table in Goldmark: a footnote's "[^x]:"
_ENDS_TABLE_TOO = re.compile(r"^ {0,3}\[\^[^\]]+\]:")


def _interrupting_item(item: re.Match | None) -> bool:
    """Whether a list item may interrupt a paragraph (or end a table): a bullet, or a number
    1, at most three spaces in, with text after its marker."""
    if item is None or len(item.group(1)) > 3 or not item.group(3):
        return False
    marker = item.group(2)
    return not marker[0].isdigit() or int(marker[:-1]) == 1


def _opens_quote(line: str) -> bool:
    """Whether ``line`` is a list item whose text opens with a block quote ("- > text")."""
    item = _list_item(line)
    return item is not None and line[item.end():].lstrip().startswith(">")


def _html_block_end(line: str, in_paragraph: bool) -> re.Pattern | str | None:
    """How the raw HTML block that ``line`` opens ends (CommonMark's seven kinds): a pattern
    or a string to find, "blank" for the next blank line; None when it opens none."""
    if _START_1.match(line):
        return _END_1
    for start, end in ((r"^ {0,3}<!--", "-->"), (r"^ {0,3}<\?", "?>"),
                       (r"^ {0,3}<![A-Za-z]", ">"), (r"^ {0,3}<!\[CDATA\[", "]]>")):
        if re.match(start, line):
            return end
    if _START_6.match(line) or (_START_7.match(line) and not in_paragraph):
        return "blank"
    return None


def _item_indent(line: str, indent: int, current: int, after_blank: bool) -> int:
    """The content column of the list item ``line`` is in, given the one before it
    (``current``, 0 for none): a list item opens its own; a line indented less, after a
    blank line, is out of the list (without one it may be the item's lazy text)."""
    item = _list_item(line)
    if item is not None and len(item.group(3)) <= 4:
        return item.end() if item.group(3) else item.end() + 1
    if line.strip() and indent < current and after_blank:
        return 0
    return current


def _list_item(line: str) -> re.Match | None:
    """The marker of a list item that opens ``line``, or None ("- - -" and "* * *" are rules)."""
    return None if _RULE.match(line) else _LIST_ITEM.match(line)




def _indent_definitions(lines: list[str]) -> list[str]:
    """The blocks of a definition after its first paragraph, indented for Python-Markdown
    (four spaces).  Goldmark keeps a block after a blank line in the definition when it is
    indented to the definition's text (": text": two spaces).  A definition right under its
    term ends its first line in :data:`TIGHT`: Goldmark prints that paragraph without <p>;
    one after a blank line in :data:`LOOSE_DEFINITION`: Goldmark prints its text in a <p>."""
    out: list[str] = []
    column: int | None = None  # the text column of the definition being read
    blank = False
    fence: str | None = None
    for index, line in enumerate(lines):
        if fence is None:
            mark = DEFINITION_MARK.match(line)
            if mark:
                tight = bool(out) and bool(out[-1].strip())  # no blank line above: no <p> in Goldmark
                if tight and column is not None:
                    # the next definition of the term: a block of its own for Python-Markdown,
                    # which reads the rest of a block again for each definition in it
                    out.append("")
                column, blank = mark.end(), False
                # the mark before the line's end, so that a hard line break (two spaces
                # at its end, text on the next line) stays one
                more = index + 1 < len(lines) and bool(lines[index + 1].strip())
                end = line[len(line.rstrip()):] if more else ""
                out.append(_marked(line.rstrip(), TIGHT if tight else LOOSE_DEFINITION) + end)
                continue
        if not line.strip():
            blank = True
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" "))
        if column is not None and not blank and indent < column and (
                _opens_table(lines, index) or not _continues_paragraph(line)):
            column = None  # a heading, list, table … ends the definition's text
        if (column is not None and not blank and fence is None and _continues_paragraph(line)):
            # Goldmark: a lazy line, more of the definition's text (the next ": " a definition
            # of the same term); Python-Markdown would take it for a new term, nested a level
            # deeper each time (hundreds deep: a RecursionError)
            out.append("    " + line.lstrip(" "))
            continue
        if column is not None and blank and indent < column and fence is None:
            column = None  # left of the definition's text: the definition has ended
        if column is not None and blank and column < 4:
            opened = _FENCE.match(line.lstrip())
            if fence is not None and _closes_fence(line.lstrip(), fence):
                fence = None
            elif fence is None and opened:
                fence = opened.group(1)
            line = " " * (4 - column) + line
        elif column is not None and not blank and column < 4 and indent >= column and fence is None:
            if _interrupting_item(_list_item(line[column:])) and not _list_item(out[-1].lstrip(" :")):
                out.append("")  # a list right under the definition's text (Goldmark: no blank needed)
            line = " " * (4 - column) + line  # a block right under the text (a list's next item)
        out.append(line)
    return out


def _renest_lists(lines: list[str]) -> list[str]:
    """Re-indent nested list items (and their continuation lines) to Python-Markdown's 4 spaces.

    Goldmark nests an item under another when it starts at or after the parent's content
    column (two spaces after "- ", three after "1. "); Python-Markdown needs four.
    """
    out: list[str] = []
    stack: list[tuple[int, int, int]] = []  # (orig marker col, orig content col, new content col)
    fence = None
    quoted = None  # the content column of an item that opens with a quote ("- > text")
    for line in lines:
        if fence:
            out.append(_shift(line, stack))
            if re.match(rf"^\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$", line):
                fence = None
            continue
        if not line.strip():
            out.append(line)
            quoted = None
            continue
        line = _expand_tabs(line)
        indent = len(line) - len(line.lstrip(" "))
        item = _list_item(line)
        if item and indent >= (stack[-1][1] if stack else 0) + 4:
            item = None  # four spaces past the content column: code (or a paragraph's text)
        elif item and not stack and out and out[-1].strip() and not _interrupting_item(item):
            item = None  # "2. two" under a paragraph line is more of its text
        if item:
            while stack and indent < stack[-1][1]:
                stack.pop()
            new_marker = stack[-1][2] if stack else indent
            marker = item.group(2)
            spaces = len(item.group(3)) if item.group(3) else 1
            if spaces > 4:  # an indented code block in the item: content starts after one space
                spaces = 1
            orig_content = indent + len(marker) + spaces
            new_content = new_marker + 4
            stack.append((indent, orig_content, new_content))
            rest = line[item.end():]
            pad = " " * max(1, new_content - new_marker - len(marker))
            # "1)" is an ordered item in CommonMark; Python-Markdown knows only "1."
            written = marker[:-1] + "." if marker.endswith(")") else marker
            out.append(" " * new_marker + written + (pad + rest if rest else ""))
            quoted = orig_content if rest.lstrip().startswith(">") else None
            continue
        if quoted is not None and stack[-1][1] == quoted and 0 <= indent - quoted < 4 and (
                line.lstrip().startswith(">")):
            # The quote the item opens with goes on: Python-Markdown takes an unindented
            # line for more of the item's first block, an indented one for a new block.
            out.append(line.lstrip())
            continue
        if stack and indent < stack[-1][1] and out and not out[-1].strip():
            # After a blank line, a line left of the item's content column ends the list(s).
            while stack and indent < stack[-1][1]:
                stack.pop()
        if _FENCE.match(line.lstrip()) and len(line) - len(line.lstrip()) >= 0:
            m = _FENCE.match(line.lstrip())
            fence = m.group(1) if m else None
        out.append(_shift(line, stack))
    return out


@dataclasses.dataclass
class _SourceList:
    """A list of the (re-nested) source: the lines of its items, and whether it is loose."""

    items: list[int] = dataclasses.field(default_factory=list)
    kind: str = ""  # "ordered", or the bullet: "-", "*" or "+"
    loose: bool = False
    blank_inside: bool = False  # a nested list of it holds a blank line


def _opens_table(lines: list[str], index: int) -> bool:
    """Whether a table starts at ``lines[index]``: Goldmark makes it of a paragraph, and a
    blank line above it leaves the list item tight (Hugo 0.168.0)."""
    nxt = lines[index + 1] if index + 1 < len(lines) else ""
    return "|" in lines[index] and "-" in nxt and bool(_TABLE_DELIM.match(nxt))


def _lists_of(lines: list[str]) -> tuple[list[_SourceList], dict[int, int]]:
    """The lists of re-nested lines, each with its items' lines and CommonMark's looseness:
    loose when a blank line separates two of its items, or two blocks inside one item; and
    the items that start a new list because their marker is of another kind ("1." after
    "-", "*" after "-"), which Python-Markdown would add to the list before."""
    lists: list[_SourceList] = []
    stack: list[tuple[int, int, int]] = []  # (marker column, content column, list) per open item
    starts: dict[int, int] = {}  # items that start a list of another kind right after one,
    # with the column the separator goes in (the content column of the item they are in)
    blank, fence = False, None
    for index, line in enumerate(lines):
        if fence or _FENCE.match(line.lstrip()):
            fence = None if fence and _closes_fence(line.lstrip(), fence) else (
                fence or _FENCE.match(line.lstrip()).group(1))
            blank = False
            continue
        if not line.strip():
            blank = blank or bool(stack)
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _list_item(line)
        if item and not stack and not blank and index and lines[index - 1].strip() and (
                item.group(2)[0].isdigit() and int(item.group(2)[:-1]) != 1):
            item = None  # "2." cannot interrupt a paragraph
        if not item and not blank:  # the paragraph goes on (a lazy line): so do the lists
            continue
        sibling = bottom = None
        while stack and indent < stack[-1][1]:
            marker_col, _content, bottom = stack.pop()
            if item and marker_col <= indent:
                sibling = bottom
        if item and sibling is None and bottom is not None and not blank:
            sibling = bottom  # "  - a" then "1. b": the item follows the list at its level
        kind = ("ordered" if item.group(2)[0].isdigit() else item.group(2)) if item else ""
        if blank and sibling is not None and lists[sibling].kind == kind:
            lists[sibling].loose = True  # (an item of another kind starts a list of its own)
        elif blank and stack and not _opens_table(lines, index):
            lists[stack[-1][2]].loose = True  # a second block in the item above: loose
        if blank:
            for _m, _c, which in stack:
                lists[which].blank_inside = True
        blank = False
        if item:
            if sibling is not None and lists[sibling].kind != kind:  # CommonMark: a new list
                starts[index] = stack[-1][1] if stack else 0
                sibling = None
            if sibling is None:
                lists.append(_SourceList(kind=kind))
                sibling = len(lists) - 1
            lists[sibling].items.append(index)
            content = indent + len(item.group(2)) + (len(item.group(3)) if item.group(3) else 1)
            stack.append((indent, content, sibling))
    return lists, starts


TIGHT = "\ue0f1"  # ends the first item line of a tight list (private use: no text has it)
LOOSE = "\ue0f2"  # ends the first item line of a loose list
LOOSE_DEFINITION = "\ue0f3"  # ends the first line of a definition after a blank line
_TOKEN_ONLY = re.compile(r"^\s*(?:mg(?:sc|raw)\d+x|\x02wzxhzdk:\d+\x03)\s*$")


def _mark_tight_lists(lines: list[str]) -> list[str]:
    """The source's tight lists, read before any blank line is added for Python-Markdown:
    the first line of each ends in :data:`TIGHT`, so :class:`TightLists` can print their
    items without paragraphs, as Goldmark does, whatever blank lines the later passes add
    (around a quote in an item, after a nested list that holds a blank line)."""
    found, _starts = _lists_of(lines)
    out = list(lines)
    for each in found:
        if not each.items:
            continue
        first = out[each.items[0]]
        item = _list_item(first)
        if (item is None or not first[item.end():].strip() or _TOKEN_ONLY.match(first[item.end():])
                or _RULE.match(first[item.end():])):  # "- ***": the mark would make the rule text
            continue
        body = first.rstrip()
        heading = re.match(r"#{1,6}[ \t]+", first[item.end():])
        if heading:  # the mark must not stand between the heading's text and its closing "#"s
            start = item.end() + heading.end()
            body = body[:start] + _ATX_CLOSING.sub("", body[start:])
        mark = LOOSE if each.loose else TIGHT
        out[each.items[0]] = _marked(body, mark) + first[len(first.rstrip()):]
    return out


def _marked(text: str, mark: str) -> str:
    """``text`` with ``mark`` at its end; after a space when it ends in a tilde, so that a
    closing ``~~`` after punctuation (``~~C++~~``) still closes (pymdownx reads a mark right
    after it as a letter).  :class:`TightLists` takes the space out with the mark."""
    return f"{text} {mark}" if text.endswith("~") else text + mark


def _label_as_written(md: markdown.Markdown, label: str) -> str:
    """A reference label with the code spans the backtick pattern already took out (they run
    first, and leave a placeholder) put back as written, so that ``[`x.scss`]`` finds the
    definition ``[`x.scss`]: …``, as in Goldmark."""
    stash = md.treeprocessors["inline"].stashed_nodes

    def back(match: re.Match) -> str:
        node = stash.get(match.group(1))
        if isinstance(node, ET.Element) and node.tag == "code":
            return "`" + html_module.unescape(node.text or "") + "`"
        return match.group(0)

    return md_util.INLINE_PLACEHOLDER_RE.sub(back, label)


_PAREN_TITLE = re.compile(r"^(?P<href>\S+)[ \t\n]+\((?P<title>[^()]*)\)$")
# A link's "(destination "title")" as CommonMark reads it (one level of parentheses in the
# destination); each alternative starts with its own character, and white space is taken
# possessively, so it never backtracks (a run of spaces after "(" was quadratic).
_LINK_TAIL = re.compile(r"""\(\s*+(?:<(?:[^<>\n\\]|\\.)*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*+)"""
                        r"""(?:\s++(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?+\s*+\)""",
                        re.DOTALL)
# How far Python-Markdown looks for the ")" of what is no CommonMark link: it reads on to the
# end of the paragraph, once for every "](" (3,000 unclosed "[a](b " took 3.5 s).
_LINK_REACH = 1000


def _paren_title(getter):
    """``getLink`` that also reads a title in parentheses, ``[a](/x (Title))``, as
    CommonMark does; Python-Markdown made "/x (Title)" the address.  What CommonMark reads
    as no link is looked at only :data:`_LINK_REACH` characters far."""

    def getLink(self, data: str, index: int):  # Python-Markdown's name
        quoted = _QUOTED_ADDRESS.match(data, index)
        if quoted:  # "(/o'brien)": Python-Markdown took the ' for a title's start
            return quoted.group(1), None, quoted.end(), True
        if not _LINK_TAIL.match(data, index):
            data = data[:index + _LINK_REACH]
        href, title, end, handled = getter(self, data, index)
        m = _PAREN_TITLE.match(href or "") if handled and title is None else None
        if m:
            href, title = m.group("href"), m.group("title")
        return href, title, end, handled

    return getLink


_BRACKET = re.compile(r"[\[\]]")
# A link's address with a quote in it and nothing after it but the ")": CommonMark reads a
# title only after white space, so the quote is part of the address.
_QUOTED_ADDRESS = re.compile(
    r"""\([ \t]*((?:[^\s()<>'"]|\([^\s()<>]*\))*['"](?:[^\s()<>]|\([^\s()<>]*\))*)[ \t]*\)""")


def _closing_brackets(text: str) -> dict[int, int | None]:
    """For each ``[`` of ``text``: the index just past it → the index just past the ``]``
    that closes it (None if none does), both counted from the end of ``text``."""
    closing: dict[int, int | None] = {}
    open_at: list[int] = []
    size = len(text)
    for m in _BRACKET.finditer(text):
        if m.group() == "[":
            open_at.append(size - m.end())
        elif open_at:
            closing[open_at.pop()] = size - m.end()
    closing.update(dict.fromkeys(open_at))
    return closing


def _first_unmatched_close(text: str, index: int) -> int | None:
    """The index just past the first ``]`` from ``index`` on that no ``[`` after ``index``
    opened, or None."""
    depth = 0
    for m in _BRACKET.finditer(text, index):
        if m.group() == "[":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return m.end()
    return None


class TailBrackets:
    """Python-Markdown's ``getText`` (the text of ``[...]``, with nested brackets) in linear
    time for a paragraph of many links.  Python-Markdown 3.11 finds every bracket's end
    for the whole paragraph again each time a link before it has been replaced by its
    placeholder: quadratic (500 links in one paragraph: 5 s; 4,000: over 3 minutes).  Where
    a ``]`` closes depends only on the text after its ``[``, which a replacement before it
    leaves as it was; so the ends are kept counted from the end of the text and reused while
    the text from the asked index on is the same."""

    _tail: tuple[str, dict[int, int | None]] | None = None

    def getText(self, data: str, index: int):  # Python-Markdown's name
        away = len(data) - index
        known = self._tail
        if known is None or len(known[0]) < away or not known[0].endswith(data[index:]):
            known = self._tail = (data, _closing_brackets(data))
        if away in known[1]:
            end = known[1][away]
            end = None if end is None else len(data) - end
        else:  # not just after a "[" (no caller of Python-Markdown's asks that)
            end = _first_unmatched_close(data, index)
        if end is None:
            return data[index:], len(data), False
        return data[index:end - 1], end, True


class ParenTitleLink(TailBrackets, LinkInlineProcessor):
    getLink = _paren_title(LinkInlineProcessor.getLink)


class ParenTitleImage(TailBrackets, ImageInlineProcessor):
    getLink = _paren_title(ImageInlineProcessor.getLink)


class TailImageReference(TailBrackets, ImageReferenceInlineProcessor):
    """``![alt][id]``, many in a paragraph in linear time."""


class TailShortImageReference(TailBrackets, ShortImageReferenceInlineProcessor):
    """``![alt]``, many in a paragraph in linear time."""


class WrittenAutomail(AutomailInlineProcessor):
    """``<mailto:a@b.org>`` prints "mailto:a@b.org", as Goldmark prints a URI autolink;
    Python-Markdown left "mailto:" out of the text."""

    def handleMatch(self, m: re.Match, data: str):  # type: ignore[override]
        el, start, end = super().handleMatch(m, data)
        written = self.unescape(m.group(1))
        if written[:7].lower() == "mailto:":
            el.text = md_util.AtomicString(written)
            el.set("href", written)
        return el, start, end


class CodeLabelReference(TailBrackets, ReferenceInlineProcessor):
    """``[text][]`` and ``[text][id]`` whose label holds a code span."""

    def evalId(self, data: str, index: int, text: str):  # Python-Markdown's name
        label, end, handled = super().evalId(data, index, text)
        if label and md_util.STX in label:
            label = _label_as_written(self.md, label).lower()
        return label, end, handled


class CodeLabelShortReference(CodeLabelReference):
    """``[text]`` whose text holds a code span."""

    def evalId(self, data: str, index: int, text: str):  # Python-Markdown's name
        label = text.lower()
        if md_util.STX in label:
            label = _label_as_written(self.md, label).lower()
        return label, index, True


class PlainAlt(Treeprocessor):
    """Gives images the plain text of their description as alt, after the heading ids (which
    read the description as written)."""

    def run(self, root: ET.Element) -> None:
        for img in root.iter("img"):
            alt = img.get("alt")
            if alt:
                img.set("alt", plain_description(alt))


class ImageHooks(Treeprocessor):
    """Each image the Markdown wrote, as the site's own image render hook prints it
    (``md.image_hook``, set for the page being converted: a function of the hook's fields
    that returns HTML, or None to keep the image).  An image alone in its paragraph is a
    block (``IsBlock``) when Goldmark's ``wrapStandAloneImageWithinParagraph`` is off, and
    the hook's output takes the paragraph's place."""

    def __init__(self, md: markdown.Markdown, unwrapped: bool) -> None:
        super().__init__(md)
        self.unwrapped = unwrapped

    def run(self, root: ET.Element) -> None:
        hook = getattr(self.md, "image_hook", None)
        if hook is None:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        for ordinal, img in enumerate(list(root.iter("img"))):
            parent = parents.get(img)
            block = (self.unwrapped and parent is not None and parent.tag == "p" and len(parent) == 1
                     and not (parent.text or "").strip() and not (img.tail or "").strip())
            alt = img.get("alt") or ""
            printed = hook({"Destination": img.get("src") or "", "Text": alt, "PlainText": alt,
                            "Title": img.get("title") or "", "IsBlock": block, "Attributes": {},
                            "Ordinal": ordinal})
            if printed is None or parent is None:
                continue
            token = self.md.htmlStash.store(printed)
            if block:
                parent.text, parent[:] = token, []
            else:
                _replace_by_text(parent, img, token)


def _replace_by_text(parent: ET.Element, el: ET.Element, text: str) -> None:
    """``el`` replaced in ``parent`` by ``text`` (its tail kept after it)."""
    index = list(parent).index(el)
    joined = text + (el.tail or "")
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(el)


class TightLists(Treeprocessor):
    """Items of the lists :func:`_mark_tight_lists` marked tight print without paragraphs, and
    so does the first paragraph of a definition :func:`_indent_definitions` marked tight.
    Each item of a list marked loose, and a definition marked loose, has its text in a
    paragraph, as Goldmark prints it (Python-Markdown leaves "- item", a blank line and an
    indented code block without one, and a second definition after a blank line)."""

    def run(self, root: ET.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        lists, definitions, loose, loose_definitions = [], [], [], []
        for el in list(root.iter()):
            for attr in ("text", "tail"):
                value = getattr(el, attr)
                for mark, found in ((TIGHT, lists), (LOOSE, loose), (LOOSE_DEFINITION, None)):
                    if value and mark in value:
                        value = value.replace(" " + mark, "").replace(mark, "")
                        setattr(el, attr, value)
                        holder = el if attr == "text" else parents.get(el)
                        while holder is not None and holder.tag not in ("li", "dd"):
                            holder = parents.get(holder)
                        if holder is not None and holder.tag == "dd":
                            (definitions if mark == TIGHT else loose_definitions).append(holder)
                        elif holder is not None and parents.get(holder) is not None and found is not None:
                            found.append(parents[holder])
        for dd in definitions:  # its first paragraph only, as Goldmark prints it
            if len(dd) and dd[0].tag == "p" and not (dd.text or "").strip():
                _unwrap(dd, dd[0])
        for found in lists:
            for li in found:
                for p in [child for child in li if child.tag == "p"]:
                    _unwrap(li, p)
        for found in loose:
            for li in found:
                _wrap_leading_text(li)
        for dd in loose_definitions:
            _wrap_leading_text(dd)


# What may stand in a list item beside its paragraphs: the elements that are no inline text.
_ITEM_BLOCKS = {"p", "pre", "ul", "ol", "dl", "div", "blockquote", "table", "hr", "h1", "h2", "h3",
                "h4", "h5", "h6", "figure", "details"}


def _wrap_leading_text(li: ET.Element) -> None:
    """The text at the start of a loose list's item (and the inline elements in it) put in a
    paragraph of its own, when Python-Markdown left it bare."""
    count = 0
    while count < len(li) and li[count].tag not in _ITEM_BLOCKS:
        count += 1
    text = li.text or ""
    if not text.strip() and not count or _TOKEN_ONLY.match(text) and not count:
        return
    p = ET.Element("p")
    p.text, li.text = text.strip("\n") if not count else text.lstrip("\n"), "\n"
    for child in list(li)[:count]:
        li.remove(child)
        p.append(child)
    if count:
        p[-1].tail = (p[-1].tail or "").rstrip("\n")
    p.tail = "\n"
    li.insert(0, p)


def _unwrap(li: ET.Element, p: ET.Element) -> None:
    """Put a paragraph's content in its place in the list item."""
    index = list(li).index(p)
    li.remove(p)
    text, children = p.text or "", list(p)
    tail = (p.tail or "") + ("\n" if index < len(li) else "")
    if index == 0:
        li.text = (li.text or "") + text
    else:
        li[index - 1].tail = (li[index - 1].tail or "") + text
    for offset, child in enumerate(children):
        li.insert(index + offset, child)
    last = index + len(children) - 1
    if last >= 0 and (children or index > 0):
        li[last].tail = (li[last].tail or "") + tail
    else:
        li.text = (li.text or "") + tail


def _loosen_lists(lines: list[str], separator) -> list[str]:
    """A blank line before every item of a loose list: Goldmark wraps each item of a loose
    list in a paragraph, Python-Markdown only those next to a blank line.  An item after a
    nested list that holds a blank line gets one too, or Python-Markdown would put the item
    into that nested list.  Between two lists of different kinds goes a ``separator()`` line
    (it prints nothing), or Python-Markdown would make one list of them."""
    before: set[int] = set()
    found_lists, starts = _lists_of(lines)
    for found in found_lists:
        for previous, index in zip(found.items, found.items[1:]):
            nested_blank = any(not lines[i].strip() for i in range(previous + 1, index))
            if found.loose or (found.blank_inside and nested_blank):
                before.add(index)
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in starts:
            out += ["", " " * starts[index] + separator(), ""]
        elif index in before and out and out[-1].strip():
            out.append("")
        out.append(line)
    return out


def _shift(line: str, stack) -> str:
    if not stack or not line.strip():
        return line
    indent = len(line) - len(line.lstrip(" "))
    for orig_marker, orig_content, new_content in reversed(stack):
        if indent >= orig_content:
            return " " * (new_content + indent - orig_content) + line.lstrip(" ")
    return line



# --- headings, hard line breaks and attribute lines, read from the source -------------------

_ATX = re.compile(r"^( {0,3})(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ATX_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
# An ATX heading that opens a block quote's line or a list item ("> ## Title", "1. ## Step").
_CONTAINED_ATX = re.compile(r"^( {0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)+)(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ATTRIBUTES = re.compile(r"[ \t]*\{([^{}\n]*)\}[ \t]*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s#.{}]+)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# A line (or a list item or quote) that starts with "#" but is no ATX heading in CommonMark:
# "#tag", "#5", seven hashes.  Python-Markdown would make a heading of it.
_HASH_TEXT = re.compile(r"^( {0,3}(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*)(#{7,}|#+(?=[^#\s]))")
_ATTRIBUTE_LINE = re.compile(r"^ {0,3}\{[ \t]*[#.:]?[^{}\n]*\}[ \t]*$")
_NOT_PARAGRAPH = re.compile(r"^ {0,3}(#{1,6}(\s|$)|>|[-*+]\s|\d{1,9}[.)]\s|\||```|~~~|<)|^\s*$|^ {4}")
# A line that ends the paragraph above it rather than continuing it (a rule too: _RULE).
_INTERRUPTS = re.compile(r"^ {0,3}(#{1,6}(\s|$)|>|[-*+][ \t]+\S|1[.)][ \t]+\S|```|~~~|:[ \t])|^\s*$")


def _with_attributes(text: str, headings: list[dict[str, str]], title_attributes: bool) -> str:
    """Heading text ending in a mark for the attributes it gives itself (``{#id .class}``,
    read only with Hugo's ``attribute.title``, on by default).  The attributes travel beside
    the text, so nothing of them (an id with "_", a quoted value) is read as Markdown;
    :class:`HeadingAttributes` puts them on the heading."""
    attrs: dict[str, str] = {}
    m = _ATTRIBUTES.search(text) if title_attributes else None
    if m and m.start() > 0:
        parsed = parse_attributes("{" + m.group(1) + "}")
        if parsed is not None:  # else Goldmark prints the braces as part of the heading
            attrs, text = parsed, text[: m.start()]
    headings.append(attrs)
    return f"{text.rstrip()}\x02mgh{len(headings) - 1}\x03"


_HEADING_MARK = re.compile("\x02mgh(\\d+)\x03")


class HeadingAttributes(Treeprocessor):
    """Puts the attributes :func:`_with_attributes` took from each heading's line on the
    heading, after the inline patterns and before the typographer (which would see the
    mark), and notes the headings whose id the writer gave (:class:`HeadingIds` keeps those)."""

    def __init__(self, md, blocks: GoldmarkBlocks) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, root: ET.Element) -> None:
        headings = self.blocks.headings
        self.blocks.given_ids.clear()
        if not headings:
            return
        for el in root.iter():
            if el.tag not in ("h1", "h2", "h3", "h4", "h5", "h6"):
                _drop_marks(el)  # a line read as a heading that became no heading
                continue
            found: list[int] = []
            for node in el.iter():
                for attr in ("text", "tail"):
                    value = getattr(node, attr) if node is not el or attr == "text" else None
                    if value and "\x02mgh" in value:
                        found += [int(n) for n in _HEADING_MARK.findall(value)]
                        setattr(node, attr, type(value)(_HEADING_MARK.sub("", value)))
            for index in found[-1:]:
                for key, value in headings[index].items():
                    el.set(key, value)
                if "id" in headings[index]:
                    self.blocks.given_ids.add(el)


def _drop_marks(el: ET.Element) -> None:
    """Remove heading marks from an element's own text and tail: an indented "  ### x"
    that Python-Markdown kept in a paragraph printed "mgh0" after its words."""
    for attr in ("text", "tail"):
        value = getattr(el, attr)
        if value and "\x02mgh" in value:
            setattr(el, attr, type(value)(_HEADING_MARK.sub("", value)))


_DEFINITION = re.compile(r"^ {0,3}:[ \t]")
_RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,}[ \t]*$")


def _no_term_before(out: list[str]) -> bool:
    """Whether a ": definition" line has no paragraph above it to be the term of: it opens
    the page or follows a heading or a rule (a blank line between may be)."""
    above = next((line for line in reversed(out) if line.strip()), None)
    return above is None or bool(_ATX.match(above) or _RULE.match(above) or _SETEXT.match(above))


def _indent_in(line: str, column: int) -> int:
    """How far ``line`` stands right of the left edge of its block: the content column of
    the list item it is in (``column``), or the page's margin."""
    indent = len(line) - len(line.lstrip(" "))
    return indent - column if column and indent >= column else indent


def _indented_in(line: str, column: int) -> bool:
    """Whether ``line`` stands right of the left edge of its block (:func:`_indent_in`)."""
    return _indent_in(line, column) > 0


def _lazy_in_block(above: str, line: str) -> bool:
    """Whether a ": definition" line right under a quote's line, or under a list item's line
    and left of its text, is that block's lazy text, as Goldmark reads it ("> a" then
    ": b" is the quote's paragraph "a : b"): no term is above it in the page's own flow."""
    if not above.strip() or not line.strip():
        return False
    if _QUOTE_MARKS.match(above):
        return True
    item = _list_item(above)
    if item is None:
        return False
    column = len(item.group(1)) + len(item.group(2)) + max(1, len(item.group(3)))
    return len(line) - len(line.lstrip(" ")) < column


def _continues_paragraph(line: str) -> bool:
    """Whether a line under a paragraph line is more of that paragraph's text in Goldmark:
    no blank line, heading, quote, fence, rule, definition or list item that may interrupt a
    paragraph ("2." may not)."""
    return not (_INTERRUPTS.match(line) or _RULE.match(line) or RAW_TOKEN_RE.fullmatch(line.strip()))


_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")


def _definitions_before(lines: list[str]) -> int:
    """How many link reference definitions open a block: Goldmark takes them out of the
    paragraph, so the lines after them may still be a heading's text."""
    count = 0
    while count < len(lines) and _LINK_DEFINITION.match(lines[count]):
        count += 1
    return count


def _setext_end(block: str) -> int | None:
    """The index of the underline ("===" or "---") of a setext heading that opens ``block``
    (its text may run over several lines), or None when the block opens with none.  Only
    the lines up to the answer are read: a block of thousands of lines is asked once per
    heading or rule in it."""
    start = None
    for index, line in enumerate(_lines_of(block)):
        if start is None:
            if _LINK_DEFINITION.match(line):
                continue
            start = index
            if _NOT_PARAGRAPH.match(line) or RAW_TOKEN_RE.fullmatch(line.strip()):
                return None
        elif _SETEXT.match(line):
            return index
        elif not _continues_paragraph(line):
            return None
    return None


def _lines_of(text: str) -> Iterator[str]:
    """``text.split("\n")``, one line at a time."""
    at = 0
    while (end := text.find("\n", at)) >= 0:
        yield text[at:end]
        at = end + 1
    yield text[at:]


class SetextHeading(SetextHeaderProcessor):
    """A setext heading as Goldmark reads it: the text is all the paragraph's lines above
    the underline (Python-Markdown: one line), a soft or hard line break between them, and
    the underline may be a single "-" or "=" indented up to three spaces; a quote or list
    line above it is no heading text."""

    def test(self, parent: ET.Element, block: str) -> bool:
        return _setext_end(block) is not None

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        end = _setext_end(block)
        lines, rest = _first_lines(block, end + 1)  # the rest of a long block as it is
        start = _definitions_before(lines)
        if start:  # the definitions first, for the reference processor; then the heading
            blocks[:0] = ["\n".join(lines[:start]),
                          "\n".join(lines[start:]) + ("" if rest is None else "\n" + rest)]
            return
        level = 1 if lines[end].strip().startswith("=") else 2
        heading = ET.SubElement(parent, f"h{level}")
        heading.text = "\n".join(line.lstrip() for line in lines[:end]).strip()
        if rest is not None:
            blocks.insert(0, rest)


def _first_lines(text: str, count: int) -> tuple[list[str], str | None]:
    """The first ``count`` lines of ``text``, and the text after them (None when there is
    no line after them)."""
    parts = text.split("\n", count)
    return parts[:count], (parts[count] if len(parts) > count else None)


def _closes_fence(line: str, fence: str) -> bool:
    """Whether ``line`` ends the code block that ``fence`` (``` or ~~~, 3 or more) opened."""
    return bool(re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$", line))


def _source_lines(lines: list[str], block_attributes: bool, title_attributes: bool,
                  headings: list[dict[str, str]]) -> list[str]:
    """Heading attributes, backslash line breaks and attribute lines, outside code blocks."""
    out: list[str] = []
    fence: str | None = None
    quoted: tuple[int, str] | None = None  # a code block in a quote: the quote's depth, fence
    paragraph = False  # whether the line above is a paragraph's (one that may become a heading)
    columns = _item_columns(lines)
    code = False  # whether the line is in an indented code block
    for index, line in enumerate(lines):
        if fence:
            out.append(line)
            if _closes_fence(line, fence):
                fence = None
            continue
        quoted, inside = _quoted_fence(line, quoted)
        if inside:  # code: as written ("docker run \\" keeps its backslash)
            out.append(line)
            paragraph = False
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)
            out.append(line)
            paragraph = False
            continue
        nxt = lines[index + 1] if index + 1 < len(lines) else ""
        prev = out[-1] if out else ""
        hashes = _HASH_TEXT.match(line)
        if hashes:  # text, as Goldmark reads it: the escape keeps it from being a heading
            line = f"{hashes.group(1)}\\{line[hashes.end(1):]}"
        atx = _ATX.match(line) or _CONTAINED_ATX.match(line)
        if atx:
            content = _ATX_CLOSING.sub("", atx.group(3) or "")
            heading = _with_attributes(content.strip(), headings, title_attributes)
            out.append(f"{atx.group(1)}{atx.group(2)} {heading}")
            paragraph = False
            continue
        if line.strip():  # an indented code block: opened after a blank line or a heading
            code = _indent_in(line, columns[index]) >= 4 and (
                code or not prev.strip() or bool(_ATX.match(prev)))
        starts = (not _NOT_PARAGRAPH.match(line) and (not prev.strip() or bool(_ATX.match(prev)))
                  and not RAW_TOKEN_RE.fullmatch(line.strip()))
        paragraph = starts or (paragraph and _continues_paragraph(line))
        if paragraph and _SETEXT.match(nxt) and not (nxt.strip().startswith("-") and "|" in line):
            out.append(_with_attributes(line.rstrip(), headings, title_attributes))
            paragraph = False  # the heading ends it; its underline starts nothing
            continue
        if _DEFINITION.match(line) and (_no_term_before(out) or _indented_in(line, columns[index])
                                        or _lazy_in_block(prev, line)):
            # Goldmark: no term above, the ":" not at its block's left edge, or the line is
            # the lazy text of the quote or item above: no definition
            line = line.replace(":", "\\:", 1)
        if not block_attributes and _ATTRIBUTE_LINE.match(line):
            line = line.replace("{", "\\{", 1)  # Goldmark prints it as text
        trailing = len(line) - len(line.rstrip("\\"))
        if trailing % 2 == 1 and not code and _goes_on(line, nxt):
            line = line[:-1] + "  "  # "\\" at the end of a line: a hard line break
        out.append(line)
    return out


def _quoted_fence(line: str, quoted: tuple[int, str] | None
                  ) -> tuple[tuple[int, str] | None, bool]:
    """The code block in a quote that ``line`` opens, goes on with or closes (``> ```sh``):
    the state for the next line, and whether ``line`` is part of the block.  The block ends
    with its closing fence, or with the quote."""
    marks = _QUOTE_MARKS.match(line)
    depth = marks.group(0).count(">") if marks else 0
    if quoted is not None:
        if depth >= quoted[0]:
            rest = line[marks.end():]
            return (None if _closes_fence(rest, quoted[1]) else quoted), True
        quoted = None  # the quote has ended, and its code block with it
    opened = _FENCE.match(line[marks.end():]) if marks else None
    return ((depth, opened.group(1)), True) if opened else (None, False)


_QUOTE_MARKS = re.compile(r"^(?: {0,3}>[ \t]?)+")


def _goes_on(line: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the paragraph of ``line``: text that starts no other block
    (nor a definition), inside as many quote marks as ``line`` is (``> a\\`` then ``> b``), or
    fewer (lazy text, as Goldmark reads it)."""
    marks = _QUOTE_MARKS.match(line)
    ahead = _QUOTE_MARKS.match(nxt)
    if marks and ahead and ahead.group(0).count(">") <= marks.group(0).count(">"):
        nxt = nxt[ahead.end():]
    # a definition's marker (": ") ends a term and a definition: "Term\\" keeps its backslash
    return bool(nxt.strip()) and not _NOT_PARAGRAPH.match(nxt) and not _DEFINITION.match(nxt)


# --- Goldmark's linkify: bare URLs, www. addresses and e-mail addresses ----------------------

_URL_PATH = r"""(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}\[\]`]*)?"""
_LINKIFY = re.compile(
    r"(?:(?P<url>(?:https?|ftp)://[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?" + _URL_PATH + ")"
    r"|(?P<www>www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+" + _URL_PATH + ")"
    # An address starts where a run of its characters starts (the leftmost match anyway): a
    # long run without "@" is then read once, not once from each of its characters.
    r"|(?P<email>(?<![a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-])[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9._-]+))"
)
_LINKIFY_AFTER = set(" \t\n*_~(") | {md_util.ETX}


class Linkify(InlineProcessor):
    """Bare URLs and e-mail addresses become links, as Goldmark's linkify extension reads them.

    A candidate starts a line, follows white space, ``*_~(``, or the end of another inline
    element (a quote the typographer replaced, an emphasis, a code span).  The URL runs over
    quotes and brackets; a trailing ``.``, unbalanced ``)``, entity-like ``&x;`` and final
    ``?!.,:*_~`` are left out.  Python-Markdown's magiclink stops at quotes, Goldmark does not.
    None is read after a "[" still open: Goldmark reads no address inside what may be a
    link's words, and "[DELETE https://x.org/a]" stays text as it is no link either.
    """

    ANCESTOR_EXCLUDES = ("a",)

    def __init__(self, pattern: str, md=None, protocol: str = "https") -> None:
        super().__init__(pattern, md)
        self.protocol = protocol  # for www. addresses: Hugo's linkifyProtocol, "https" by default

    def handleMatch(self, m: re.Match, data: str):  # type: ignore[override]
        start = m.start()
        if start > 0:
            before = data[start - 1]
            quote_opened = before in "\"'" and (start < 2 or not data[start - 2].isalnum())
            if before not in _LINKIFY_AFTER and not quote_opened:
                return None, None, None
            if _bracket_open(data[:start]):
                return None, None, None
        text = m.group(0)
        if m.group("email"):
            domain = text.split("@", 1)[1]
            if text[0] in "!#$%&'*+/=?^`{|}~-." or "." not in domain:
                return None, None, None
            text = text.removesuffix(".")
            end = start + len(text)
            if end < len(data) and data[end] in "-_":
                return None, None, None
            text = text.rstrip("?!.,:*_~")
        else:
            text = _url_end(text)
        if not text:
            return None, None, None
        if m.group("email"):
            href = "mailto:" + text
        elif m.group("www"):
            href = f"{self.protocol}://{text}"
        else:
            href = text
        el = ET.Element("a", {"href": _encode_url(href)})
        el.text = md_util.AtomicString(text)
        return el, start, start + len(text)


def _bracket_open(text: str) -> bool:
    """Whether ``text`` leaves a "[" open (a "]" closes the last one; one with none open is
    text).  Escaped brackets and code spans are placeholders by then."""
    depth = 0
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
    return depth > 0


def _url_end(text: str) -> str:
    """A bare URL without what ends it in the prose around it, as Goldmark cuts it: final
    ``?!.,:*_~``, then an unbalanced ")" or an entity-like "&x;" ("(see https://x.org/a)."
    links https://x.org/a; "https://x.org/a.)" keeps its ".")."""
    text = text.rstrip("?!.,:*_~")
    if text.endswith(")"):
        surplus = text.count(")") - text.count("(")
        return text[:-surplus] if surplus > 0 else text
    amp = re.search(r"&[a-zA-Z0-9]+;$", text)
    return text[: amp.start()] if amp else text


def _encode_url(url: str) -> str:
    """Percent-encode what Goldmark encodes in a link target (quotes, spaces, non-ASCII)."""
    from urllib.parse import quote

    return quote(url, safe="-_.~!*'();:@&=+$,/?#[]%")


# --- Goldmark's typographer ----------------------------------------------------------------

_EDGE = "\ue000"  # an element boundary: in the source it is markup, i.e. punctuation
_RUN_BREAKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "blockquote", "div",
    "ul", "ol", "dl", "table", "thead", "tbody", "tr", "figure", "figcaption", "caption", "hr",
    "section", "aside", "details", "summary",
}
_NO_TYPOGRAPHY = {"code", "pre", "kbd", "samp", "script", "style", "math", "svg"}


def _is_space(ch: str) -> bool:
    return ch.isspace()


def _is_punct(ch: str) -> bool:
    """Goldmark's IsPunctRune: Unicode punctuation or symbol (element edges count as markup)."""
    if ch == _EDGE:
        return True
    return unicodedata.category(ch)[0] in "PS"


def _is_go_punct(ch: str) -> bool:
    """Go's unicode.IsPunct: punctuation only, no symbols."""
    return ch == _EDGE or unicodedata.category(ch)[0] == "P"


def _is_ascii_punct(ch: str) -> bool:
    return ch == _EDGE or (ch.isascii() and not ch.isalnum() and ch.isprintable() and ch != " ")


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark's left- and right-flanking rules for a delimiter run."""
    left = not _is_space(after) and (not _is_punct(after) or _is_space(before) or _is_punct(before))
    right = not _is_space(before) and (not _is_punct(before) or _is_space(after) or _is_punct(after))
    return left, right


# Goldmark's typographer sequences, longest first where one starts another ("---" before "--").
_TYPO_START = re.compile(r"""[-.<>'"]""")  # the first characters of every rule below
_TYPO_SEQUENCES = {"---": "emDash", "...": "ellipsis", "<<": "leftAngleQuote",
                   ">>": "rightAngleQuote", "--": "enDash"}
# What each substitution prints, as Goldmark's defaults; Hugo's
# [markup.goldmark.extensions.typographer] may set any of them (see typographer_marks).
GOLDMARK_MARKS = {
    "leftSingleQuote": "\u2018", "rightSingleQuote": "\u2019", "leftDoubleQuote": "\u201c",
    "rightDoubleQuote": "\u201d", "apostrophe": "\u2019", "enDash": "\u2013",
    "emDash": "\u2014", "ellipsis": "\u2026", "leftAngleQuote": "\u00ab",
    "rightAngleQuote": "\u00bb",
}


def typographer_marks(settings: object) -> dict[str, str]:
    """Goldmark's marks with the site's own (HTML entities such as ``&laquo;&nbsp;``)."""
    marks = dict(GOLDMARK_MARKS)
    if isinstance(settings, dict):
        for name in marks:
            value = _option(settings, name)
            if isinstance(value, str):
                marks[name] = html_module.unescape(value)
    return marks


def typographer_replacements(text: str, protected: list[tuple[int, int]] | None = None,
                             marks: dict[str, str] = GOLDMARK_MARKS
                             ) -> list[tuple[int, int, str]]:
    """Where Goldmark's typographer changes ``text`` (one inline block): (start, length, new).

    ``--`` en dash, ``---`` em dash, ``...`` ellipsis, ``<<`` ``>>`` angle quotes, and straight
    quotes turned into curly ones or apostrophes by the rules of Goldmark's typographer (which
    differ from SmartyPants: ``="2"`` opens with “, a quote between two letters is ’, a
    quote it cannot place stays straight).  Its counters of open quotes are per block.
    ``protected`` ranges (autolinks) are skipped but still give the characters around them.
    """
    out: list[tuple[int, int, str]] = []
    skips = dict(protected or [])
    single = double = 0
    i, n = 0, len(text)
    eol = run_end = -1
    while i < n:
        if i in skips:
            i = max(skips[i], i + 1)
            continue
        if not skips:  # straight to the next character a rule starts with (a table's cells)
            found = _TYPO_START.search(text, i)
            if found is None:
                break
            i = found.start()
        c = text[i]
        if eol < i:  # found once per line: a paragraph on one long line stays linear
            eol = text.find("\n", i)
            eol = n if eol < 0 else eol
        # The rest of the line as Goldmark peeks it; the rules look at most 5 characters ahead.
        line = text[i: min(eol + 1, i + 8)]
        sequence = next((s for s in _TYPO_SEQUENCES if line.startswith(s)), None)
        if sequence:
            out.append((i, len(sequence), marks[_TYPO_SEQUENCES[sequence]]))
            i += len(sequence)
            continue
        if c not in "'\"":
            i += 1
            continue
        before = text[i - 1] if i > 0 else "\n"
        if run_end <= i or text[i - 1] != c:  # a new run of quotes: found once, so 40,000 stay linear
            run_end = i
            while run_end < n and text[run_end] == c:
                run_end += 1
        after = text[run_end] if run_end < n else " "  # a line's end is white space too
        can_open, can_close = _flanking(before, after)
        new: str | None = None
        nxt = line[1] if len(line) > 1 else ""
        if not (can_open or can_close):
            i += 1
            continue
        if c == "'":
            if (can_open and not can_close and len(line) > 3 and line[1:3].isdigit()
                    and line[1:3].isascii() and line[3] == "s"
                    and (len(line) == 4 or _is_space(line[4]) or _is_punct(line[4]))):
                new = "apostrophe"  # '90s
            elif len(line) > 1 and (_is_go_punct(before) or _is_space(before)) and nxt in "tenl":
                new = "apostrophe"  # 'twas, 'em, 'net
            elif len(line) > 1 and (before.isalpha() or unicodedata.category(before) == "Nd") and nxt.isalpha():
                new = "apostrophe"  # between letters
            elif can_open and not can_close:
                # Goldmark gives Alice's, I'm, I've (and a plural's Smiths') its right single
                # quote, not its apostrophe: they differ where a site sets them apart ("‘")
                new = "leftSingleQuote"
                if nxt in "smtd" and (len(line) < 3 or _is_ascii_punct(line[2]) or _is_space(line[2])):
                    new = "rightSingleQuote"
                if len(line) > 2 and line[1:3] in ("ve", "ll", "re") and (
                        len(line) < 4 or _is_ascii_punct(line[3]) or _is_space(line[3])):
                    new = "rightSingleQuote"
                if new == "leftSingleQuote":
                    single += 1
            elif len(line) > 2 and unicodedata.category(nxt) != "Nd":
                new = "rightSingleQuote"  # plural possessive, abbreviations: Smiths', doin'
            elif single > 0 and _closes(can_open, can_close, line):
                new = "rightSingleQuote"
                single -= 1
        else:
            if can_open and not can_close:
                new = "leftDoubleQuote"
                double += 1
            elif (double > 0 and _closes(can_open, can_close, line)
                  and not (nxt == '"' and unicodedata.category(before) == "Nd")):  # "Monitor 21""
                new = "rightDoubleQuote"
                double -= 1
        if new is not None:
            out.append((i, 1, marks[new]))
        i += 1
    return out


def _closes(can_open: bool, can_close: bool, line: str) -> bool:
    if can_close and not can_open:
        return True
    return (can_close and can_open and len(line) > 1 and _is_go_punct(line[1])
            and (len(line) == 2 or (len(line) > 2 and _is_ascii_punct(line[2])) or _is_space(line[2])))


class Typographer(Treeprocessor):
    """Applies :func:`typographer_replacements` to each block's inline text.

    Runs after the inline patterns, so code spans, autolinks and raw HTML are already out of
    the way (code elements and atomic text are skipped, stashed HTML counts as markup).  The
    text of one block is read as one string, element edges standing for the markup
    characters around them, so quotes across ``*emphasis*`` pair up as in Goldmark.
    """

    def run(self, root: ET.Element) -> None:
        # Where marks went, (element, "text"/"tail") → [(start, end)]: each is a piece of
        # text of its own in Goldmark, which heading ids see (heading_ids.py).
        self.placed: dict[tuple[ET.Element, str], list[tuple[int, int]]] = {}
        self._block(root)

    def _block(self, el: ET.Element) -> None:
        pieces: list[tuple[ET.Element, str] | str] = []
        self._collect(el, pieces, top=True)
        self._apply(pieces)

    def _collect(self, el: ET.Element, pieces: list, top: bool = False) -> None:
        """Text holders of el's inline content; block children start their own run."""
        if el.text and not isinstance(el.text, md_util.AtomicString):
            pieces.append((el, "text"))
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _RUN_BREAKS:
                self._block(child)
                pieces.append("\n")
            elif tag in _NO_TYPOGRAPHY or not tag:
                pieces.append(_EDGE)
            elif tag == "a" and isinstance(child.text, md_util.AtomicString) and len(child) == 0:
                # An autolink: Goldmark's typographer saw its first and last characters.
                pieces.append(("protected", str(child.text)))
            elif tag == "br":
                pieces.append("\n")
            else:
                pieces.append(_EDGE)
                self._collect(child, pieces)
                pieces.append(_EDGE)
            if child.tail and not isinstance(child.tail, md_util.AtomicString):
                pieces.append((child, "tail"))
            elif child.tail:
                pieces.append(_EDGE)

    def _apply(self, pieces: list) -> None:
        parts: list[str] = []
        spans: list[tuple[int, int, ET.Element, str]] = []
        pos = 0
        protected: list[tuple[int, int]] = []
        for piece in pieces:
            if isinstance(piece, str):
                parts.append(piece)
                pos += len(piece)
                continue
            if piece[0] == "protected":
                protected.append((pos, pos + len(piece[1])))
                parts.append(piece[1])
                pos += len(piece[1])
                continue
            holder, attr = piece
            value = getattr(holder, attr)
            spans.append((pos, pos + len(value), holder, attr))
            parts.append(value)
            pos += len(value)
        text = "".join(parts)
        if not text.strip():
            return
        # Stashed inline HTML and escapes (STX…ETX) are markup, not letters.
        view = re.sub(f"{md_util.STX}[^{md_util.ETX}]*{md_util.ETX}",
                      lambda m: _EDGE * len(m.group(0)), text)
        changes = typographer_replacements(view, protected, self.md.typographer_marks)
        if not changes:
            return
        starts = [change[0] for change in changes]  # in order: each span's are found by bisection
        for start, end, holder, attr in spans:
            first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            if first == last:
                continue
            local = [(s - start, length, new) for s, length, new in changes[first:last]]
            setattr(holder, attr, _replaced(getattr(holder, attr), local))
            self.placed[(holder, attr)] = _new_spans(local)


def _replaced(value: str, changes: list[tuple[int, int, str]]) -> str:
    """``value`` with each replacement (start, length, new), in order, made in one pass: one
    slice per change made a block with 100,000 quotes take minutes."""
    out, at = [], 0
    for start, length, new in changes:
        out += [value[at:start], new]
        at = start + length
    out.append(value[at:])
    return "".join(out)


def _new_spans(changes: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Where replacements (start, length, new), in order, stand once made."""
    spans, shift = [], 0
    for start, length, new in changes:
        spans.append((start + shift, start + shift + len(new)))
        shift += len(new) - length
    return spans


class AngleQuotes(InlineProcessor):
    """``<<`` and ``>>`` become « and » (the typographer's), before Python-Markdown reads tags."""

    def handleMatch(self, m: re.Match, data: str):  # type: ignore[override]
        marks = self.md.typographer_marks
        return marks["leftAngleQuote" if m.group(0) == "<<" else "rightAngleQuote"], m.start(), m.end()


class SingleTilde(InlineProcessor):
    """``~text~`` is struck through in Goldmark (one or two tildes); pymdownx handles ``~~``."""

    def handleMatch(self, m: re.Match, data: str):  # type: ignore[override]
        el = ET.Element("del")
        el.text = m.group(1)
        return el, m.start(), m.end()


class EastAsianLineBreaks(Treeprocessor):
    """Goldmark's CJK ``eastAsianLineBreaks``: a line break inside a paragraph between two
    characters the style joins (two Chinese characters, say) is removed, so the text prints
    with no space there.  Goldmark reads a break only where plain text follows it: before an
    element (``**x**``, a link, code, raw HTML) or a mark of the typographer it removes every
    break, and after a mark of the typographer it keeps every one, as Hugo prints them.  Runs after the typographer, which reads the text as written."""

    def __init__(self, md: markdown.Markdown, style: str, marks: tuple[str, ...]) -> None:
        super().__init__(md)
        self.style = style
        # The typographer's marks: no plain text after a break, and a break after one stays.
        self.firsts = frozenset(mark[:1] for mark in marks)
        self.lasts = frozenset(mark[-1:] for mark in marks)

    def run(self, root: ET.Element) -> None:
        for el in root.iter():
            if el.tag in ("pre", "code"):
                continue
            children = list(el)
            if el.text and "\n" in el.text:
                el.text = self._joined(el.text, bool(children))
            for index, child in enumerate(children):
                if child.tail and "\n" in child.tail:
                    child.tail = self._joined(child.tail, index + 1 < len(children))

    def _joined(self, text: str, element_after: bool) -> str:
        """``text`` without the breaks the style removes; ``element_after``: an element
        follows the text (a break at its end goes)."""
        if element_after and text.endswith("\n") and text[:-1].strip(" ") and text[-2] not in self.lasts:
            text = text[:-1]
        return re.sub(r"(?<=[^\s])\n(?=[^\s])", lambda m: self._break(text, m.start()), text)

    def _break(self, text: str, at: int) -> str:
        """The line break at ``text[at]``: kept ("\n") or removed ("")."""
        after = text[at + 1]
        if text[at - 1] in self.lasts:
            return "\n"
        if after == md_util.STX:  # a backslash escape or an entity is text; raw HTML is not
            after = self._stashed_text(text[at + 1:])
            if not after:
                return ""
        elif after in self.firsts:
            return ""
        return "\n" if cjk.keeps_break(self.style, text[at - 1], after) else ""


    def _stashed_text(self, text: str) -> str:
        """The character Goldmark sees at the escape (``\\*``: "*") or entity (``&copy;``:
        "&", it reads the source) whose placeholder opens ``text``; "" for any other."""
        found = re.match(r"\x02(?:(\d+)|wzxhzdk:(\d+))\x03", text)
        if found is None:
            return ""
        if found.group(1):
            return chr(int(found.group(1)))
        stashed = self.md.htmlStash.rawHtmlBlocks[int(found.group(2))]
        return "&" if _ENTITY.fullmatch(str(stashed)) else ""


class EscapedSpace(InlineProcessor):
    """Goldmark's CJK ``escapedSpace``: ``\\ `` prints nothing (it ends an emphasis
    between words written without spaces: ``**強調**\\ の``)."""

    def handleMatch(self, m: re.Match, data: str):  # type: ignore[override]
        return "", m.start(), m.end()


class GoldmarkReference(ReferenceProcessor):
    """Link reference definitions as CommonMark reads them: one cannot interrupt a
    paragraph, so ``[x]: https://…`` under a paragraph's line is more of its text (and
    ``[x]`` elsewhere finds no definition in it).  Python-Markdown took it anywhere in a
    block, and the line's text was lost."""

    def run(self, parent: ET.Element, blocks: list[str]) -> bool:
        found = self.RE.search(blocks[0])
        if found is None or blocks[0][:found.start()].strip():
            return False
        return super().run(parent, blocks)


class ExtraSpan(InlineProcessor):
    """A span of Hugo's Goldmark ``extras`` (``++inserted++``, ``==marked==``, ``H~2~O``,
    ``x^2^``, ``~~deleted~~``): an opening run of ``mark`` of an accepted length that can
    open (CommonMark's left-flanking rule), the first run after it that can close
    (right-flanking), and text between them, which is read on as Markdown.  Of two runs
    of different lengths the shorter's length is taken (``~a~~`` is ``<sub>a</sub>~``)."""

    def __init__(self, mark: str, lengths: tuple[int, ...], tag: str, md: markdown.Markdown) -> None:
        super().__init__(f"(?<!{re.escape(mark)}){re.escape(mark)}+", md)
        self.mark, self.lengths, self.tag = mark, lengths, tag

    def handleMatch(self, m: re.Match, data: str):  # type: ignore[override]
        run = m.group(0)
        if len(run) not in self.lengths or not self._can(data, m.start(), m.end())[0]:
            return None, None, None
        for end in self.compiled_re.finditer(data, m.end() + 1):
            taken = min(len(run), len(end.group(0)))  # the longer run's rest stays text
            if taken in self.lengths and self._can(data, end.start(), end.end())[1]:
                el = ET.Element(self.tag)
                el.text = data[m.end():end.start()]
                return el, m.end() - taken, end.start() + taken
        return None, None, None

    @staticmethod
    def _can(data: str, start: int, end: int) -> tuple[bool, bool]:
        """Whether the run ``data[start:end]`` can open and can close a span."""
        before = data[start - 1] if start else " "
        after = data[end] if end < len(data) else " "
        return _flanking(before, after)


# Hugo's [markup.goldmark.extensions.extras]: each one's mark, the run lengths it takes
# (as Hugo 0.149 and 0.168 read them: "^^x^^" is a superscript too, "===x===" is text) and
# the element it prints; the subscript takes "~~x~~" only where "delete" does not.
EXTRAS = {"insert": ("+", (2,), "ins"), "mark": ("=", (2,), "mark"),
          "superscript": ("^", (1, 2), "sup"), "delete": ("~", (2,), "del"),
          "subscript": ("~", (1, 2), "sub")}


def extras_of(goldmark: dict, strikethrough: bool) -> tuple[str, ...]:
    """The extras the site enables, in the order they are tried.  Strikethrough, when on,
    reads every tilde (Hugo prints ``~x~`` struck through then, whatever the extras say)."""
    names = [name for name in EXTRAS if _option(goldmark, "extensions", "extras", name, "enable",
                                                 default=False) is True]
    return tuple(name for name in names if not (strikethrough and EXTRAS[name][0] == "~"))


def _register_extras(md: markdown.Markdown, extras: tuple[str, ...]) -> None:
    for priority, name in enumerate(extras):
        mark, lengths, tag = EXTRAS[name]
        if name == "subscript" and "delete" in extras:
            lengths = (1,)
        # Before emphasis (60), so that "==*a*==" and "**a ==b==**" both nest.
        md.inlinePatterns.register(ExtraSpan(mark, lengths, tag, md), f"goldmark_{name}", 69 - priority)


OMITTED = "<!-- raw HTML omitted -->"  # what Goldmark writes for raw HTML without `unsafe`


class OmittedInlineHtml(HtmlInlineProcessor):
    """Inline raw HTML (``<span>``, ``<br>``) as Goldmark renders it without ``unsafe``: each
    tag the writer wrote becomes a comment, the text between tags stays.  ``omit`` says
    whether a tag is the writer's (HTML comments and the print templates' output stay)."""

    def __init__(self, pattern: str, md, omit) -> None:
        super().__init__(pattern, md)
        self.omit = omit

    def handleMatch(self, m: re.Match, data: str):  # type: ignore[override]
        if self.omit(m.group(1)):
            return self.md.htmlStash.store(OMITTED), m.start(0), m.end(0)
        return super().handleMatch(m, data)


class UnusedFootnotes(Treeprocessor):
    """Goldmark prints only the footnotes the text refers to; Python-Markdown prints every
    footnote defined.  Runs after the inline patterns, which make the references.  A note
    that ends in a block other than a paragraph (code, a list) has its back link after that
    block, as Goldmark puts it, not in a paragraph of its own."""

    def run(self, root: ET.Element) -> None:
        notes = next((el for el in root.iter("div") if el.get("class") == "footnote"), None)
        if notes is None:
            return
        used = {a.get("href", "")[1:] for a in root.iter("a") if a.get("class") == "footnote-ref"}
        for ol in notes.iter("ol"):
            for li in [li for li in ol if li.tag == "li" and li.get("id") not in used]:
                ol.remove(li)
            for li in ol:
                _back_link_after_block(li)
            if not len(ol) and notes in list(root):
                root.remove(notes)
            break


def _back_link_after_block(li: ET.Element) -> None:
    """The back link Python-Markdown put in a paragraph of its own at the end of a note,
    taken out of it, right after the note's last block.  (Goldmark writes a no-break space
    before it; Python-Markdown's prettifier would turn one in a tail into a line break.)"""
    if len(li) < 2 or li[-1].tag != "p" or len(li[-1]) != 1 or (li[-1].text or "").strip():
        return
    p, link = li[-1], li[-1][0]
    if "footnote-backref" not in (link.get("class") or "").split():
        return
    li.remove(p)
    link.tail = "\n"
    li.append(link)


class GoldmarkTable(TableProcessor):
    """GFM's table rows: a row is cut at every pipe not escaped, also inside a code span, and
    an escaped pipe (``\\|``) is a pipe in the cell, also in code.  Python-Markdown keeps
    pipes inside backticks and prints the backslash in code."""

    def _split(self, row: str) -> list[str]:
        cells: list[str] = []
        cell: list[str] = []
        i = 0
        while i < len(row):
            pair = row[i:i + 2]
            if pair[0] == "\\" and len(pair) == 2:
                cell.append("|" if pair == "\\|" else pair)
                i += 2
                continue
            if pair[0] == "|":
                cells.append("".join(cell))
                cell = []
            else:
                cell.append(pair[0])
            i += 1
        cells.append("".join(cell))
        return cells

    def test(self, parent, block: str) -> bool:
        """GFM: a header row and a delimiter row make a table; every line after them up to a
        blank line is a row, with or without a pipe (Python-Markdown wants one in every row of
        a one-column table, and printed none of the table without it)."""
        return super().test(parent, "\n".join(block.split("\n", 2)[:2]))

    def _build_empty_row(self, parent, align) -> None:
        """A table of a header alone has an empty body in Goldmark, not an empty row."""


@dataclasses.dataclass(frozen=True)
class IdSettings:
    """Hugo's ``[markup.goldmark.parser]`` keys for ids: ``autoHeadingID``, ``autoIDType``
    (or its older name ``autoHeadingIDType``, which wins where both are set, as in Hugo
    0.149 and 0.168), ``autoDefinitionTermID`` and ``attribute.title``."""

    headings: bool = True
    kind: str = GITHUB
    terms: bool = False
    title_attributes: bool = True

    @classmethod
    def from_goldmark(cls, goldmark: dict) -> IdSettings:
        kind = _option(goldmark, "parser", "autoHeadingIDType",
                       default=_option(goldmark, "parser", "autoIDType", default=GITHUB))
        return cls(headings=_option(goldmark, "parser", "autoHeadingID", default=True) is not False,
                   kind=kind if isinstance(kind, str) else GITHUB,
                   terms=_option(goldmark, "parser", "autoDefinitionTermID", default=False) is True,
                   title_attributes=_option(goldmark, "parser", "attribute", "title",
                                            default=True) is not False)


class GoldmarkExtension(Extension):
    """Goldmark's block reading, linkify and typographer for one Markdown instance."""

    def __init__(self, raw_blocks: list[str], typographer: bool, linkify: bool,
                 block_attributes: bool, marks: dict[str, str] = GOLDMARK_MARKS,
                 alert_label=lambda kind: kind.title(), passthrough: Passthrough = NO_PASSTHROUGH,
                 linkify_protocol: str = "https", omit=None, ids: IdSettings | None = None,
                 unwrapped_images: bool = False, switches: dict[str, bool] | None = None,
                 extras: tuple[str, ...] = (), cjk_options: tuple[str | None, bool] = (None, False)) -> None:
        super().__init__()
        switches = switches or {}
        self.cjk = cjk_options  # (eastAsianLineBreaks style or None, escapedSpace): cjk_options
        self.extras = extras  # Hugo's extras the site enables (see extras_of)
        self.strikethrough = switches.get("strikethrough", True)  # ~x~ and ~~x~~ (pymdownx: ~~x~~)
        self.definitions = switches.get("definitionList", True)  # "Term" then ": text"
        self.ids = ids or IdSettings()
        # Goldmark's wrapStandAloneImageWithinParagraph = false: an image alone is a block
        self.unwrapped_images = unwrapped_images
        self.linkify_protocol = linkify_protocol
        self.omit = omit  # without `unsafe`: whether a piece of raw HTML is left out
        self.passthrough = passthrough
        self.alert_label = alert_label
        self.raw_blocks = raw_blocks
        self.typographer = typographer
        self.marks = marks
        self.linkify = linkify
        self.block_attributes = block_attributes

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        _strong_inside(md)
        # CommonMark: a backslash escapes any ASCII punctuation (Python-Markdown: a few only).
        md.ESCAPED_CHARS = list(dict.fromkeys([*md.ESCAPED_CHARS, *string.punctuation]))
        if self.omit is not None:
            md.inlinePatterns.register(OmittedInlineHtml(HTML_RE, md, self.omit), "html", 90)
        if "table" in md.parser.blockprocessors:
            tables = md.parser.blockprocessors["table"]
            md.parser.blockprocessors.register(GoldmarkTable(md.parser, tables.config), "table", 75)
        md.parser.blockprocessors.register(SetextHeading(md.parser), "setextheader", 60)
        md.parser.blockprocessors.register(GoldmarkReference(md.parser), "reference", 15)
        fences = GoldmarkFences(md)
        blocks = GoldmarkBlocks(md, self.raw_blocks, self.block_attributes, self.passthrough,
                                self.ids.title_attributes, self.definitions)
        md.parser.blockprocessors.register(GoldmarkBlockQuote(md.parser, self.alert_label, fences.store,
                                                              blocks.quote_lines),
                                           "quote", 20)
        md.preprocessors.register(fences, "goldmark_fences", 25)
        md.postprocessors.register(FenceParagraphs(md, fences), "goldmark_fence_paragraphs", 35)
        md.preprocessors.register(blocks, "goldmark_blocks", 20)
        md.treeprocessors.register(BlockAttributes(md, blocks), "goldmark_block_attributes", 30)
        md.treeprocessors.register(UnusedFootnotes(md), "goldmark_unused_footnotes", 14)
        md.treeprocessors.register(TightLists(md), "goldmark_tight_lists", 16)
        md.treeprocessors.register(HeadingAttributes(md, blocks), "goldmark_heading_attributes", 9)
        md.treeprocessors.register(PlainAlt(md), "goldmark_plain_alt", 5)  # after the ids (6)
        md.treeprocessors.register(ImageHooks(md, self.unwrapped_images), "goldmark_image_hooks", 4)
        md.emoji_names = {}  # type: ignore[attr-defined]  # stash index → name (_emoji_character)
        md.fence_problems = []  # type: ignore[attr-defined]  # (opening line, code, problem): GoldmarkFences
        # After the typographer (7), whose marks are pieces of a heading's text in Goldmark.
        md.treeprocessors.register(
            HeadingIds(md, blocks.given_ids, blocks.math, self.ids.kind, self.ids.headings,
                       self.ids.terms), "goldmark_heading_ids", 6)
        if self.linkify:
            md.inlinePatterns.register(Linkify(_LINKIFY.pattern, md, self.linkify_protocol),
                                       "goldmark_linkify", 85)
        for name, kind, priority in (("reference", CodeLabelReference, 170),
                                     ("short_reference", CodeLabelShortReference, 130)):
            if name in md.inlinePatterns:  # a label with a code span finds its definition
                md.inlinePatterns.register(kind(md.inlinePatterns[name].pattern, md), name,
                                           priority)
        for name, kind, priority in (("link", ParenTitleLink, 160), ("image_link", ParenTitleImage, 150),
                                     ("image_reference", TailImageReference, 140),
                                     ("short_image_ref", TailShortImageReference, 125),
                                     ("automail", WrittenAutomail, 110)):
            if name in md.inlinePatterns:
                md.inlinePatterns.register(kind(md.inlinePatterns[name].pattern, md), name, priority)
        _register_extras(md, self.extras)
        if self.cjk[0] is not None:
            marks = tuple(mark for mark in self.marks.values() if mark) if self.typographer else ()
            md.treeprocessors.register(EastAsianLineBreaks(md, self.cjk[0], marks), "goldmark_cjk_breaks", 2)
        if self.cjk[1]:  # after code spans (190), before backslash escapes (180)
            md.inlinePatterns.register(EscapedSpace(r"\\ ", md), "goldmark_escaped_space", 185)
        if self.strikethrough:
            md.inlinePatterns.register(SingleTilde(r"(?<!~)~(?!~)(\S(?:[^~\n]*?\S)?)~(?!~)", md),
                                       "goldmark_single_tilde", 64)
        if self.typographer:
            md.typographer_marks = self.marks  # type: ignore[attr-defined]
            # << and >> before raw inline HTML reads "<<x>>" as a tag, as Goldmark does not.
            md.inlinePatterns.register(AngleQuotes(r"<<|>>", md), "goldmark_angle_quotes", 95)
            # After the inline patterns (20): attribute text is not prose.
            md.treeprocessors.register(Typographer(md), "goldmark_typographer", 7)


def _strong_inside(md: markdown.Markdown) -> None:
    """Where a run of three ``*`` or ``_`` pairs with another, CommonMark's strong is inside.

    ``***x***`` is ``<em><strong>x</strong></em>`` in Goldmark (CommonMark: two of a run go
    to strong while both runs still have two).  Python-Markdown 3.11's delimiter pairing
    takes one (em) first from a run of three when its delimiter has two tags; a delimiter
    counted as having one pairs two at a time, as CommonMark does, and keeps its tags.
    Older Python-Markdown (no ``md.delimiters``) is left as it is.
    """
    processor = getattr(md, "delimiters", None)
    for delimiter in getattr(processor, "delimiters", {}).values():
        if getattr(delimiter, "max_size", None) == 2 and getattr(delimiter, "tag_count", None) == 2:
            delimiter.tag_count = 1


# --- the converter -------------------------------------------------------------------------


def _option(table: object, *keys: str, default=None):
    for key in keys:
        if not isinstance(table, dict):
            return default
        # Hugo's configuration keys are case-insensitive.
        table = next((v for k, v in table.items() if k.lower() == key.lower()), None)
        if table is None:
            return default
    return table


# Goldmark's extensions Hugo turns off with ``[markup.goldmark.extensions] name = false``
# (the footnote's also with ``footnote.enable = false``, as Hugo 0.168 reads it; 0.149 takes only true or false).
SWITCHED_EXTENSIONS = ("table", "strikethrough", "taskList", "definitionList", "footnote")


def cjk_options(goldmark: dict) -> tuple[str | None, bool]:
    """Of Hugo's ``[markup.goldmark.extensions.cjk]`` (read only with ``enable = true``): the
    style of ``eastAsianLineBreaks`` (None when off) and whether ``escapedSpace`` is on."""
    table = _option(goldmark, "extensions", "cjk", default={})
    if _option(table, "enable", default=False) is not True:
        return None, False
    style = str(_option(table, "eastAsianLineBreaksStyle", default="simple") or "simple").lower()
    breaks = _option(table, "eastAsianLineBreaks", default=False) is True
    return (style if breaks else None), _option(table, "escapedSpace", default=False) is True


def extension_switches(goldmark: dict) -> dict[str, bool]:
    """Which of :data:`SWITCHED_EXTENSIONS` the site leaves on (all of them by default)."""
    switches = {}
    for name in SWITCHED_EXTENSIONS:
        value = _option(goldmark, "extensions", name, default=True)
        if isinstance(value, dict):
            value = _option(value, "enable", default=True)
        switches[name] = value is not False
    return switches


def _emoji_character(index, shortname, alias, uc, alt, title, category, options, md):
    """The emoji's character, as Hugo prints it (pymdownx's ``to_alt``), its short name kept
    beside it: Hugo's heading ids spell an emoji by its name (``:smile:`` is "smile")."""
    md.emoji_names[md.htmlStash.html_counter] = shortname.strip(":")
    return to_alt(index, shortname, alias, uc, alt, title, category, options, md)


class PageConverter:
    """Converts page bodies; one per language and build (Markdown instances are reused)."""

    def __init__(self, goldmark: dict, renderer: ShortcodeRenderer, translator: Translator, lang: str,
                 emoji: bool = False):
        self.renderer = renderer
        self.translator = translator
        self.lang = lang
        self.raw_blocks: list[str] = []
        self.emoji = emoji  # Hugo's enableEmoji: GitHub's ":smile:" codes become the emoji
        # Without `unsafe`: the text of the page being converted (raw HTML found in it is the
        # writer's, and left out) and what was left out, for one warning per page.
        self.source = ""
        self.omitted: list[str] = []
        self.unsafe = bool(_option(goldmark, "renderer", "unsafe", default=False))
        self.hard_wraps = bool(_option(goldmark, "renderer", "hardWraps", default=False))
        typographer = _option(goldmark, "extensions", "typographer", default=True)
        typographer_on = typographer is not False and _option(
            {"t": typographer}, "t", "disable", default=False) is not True
        linkify = _option(goldmark, "extensions", "linkify", default=True) is not False
        protocol = str(_option(goldmark, "extensions", "linkifyProtocol", default="https") or "https")
        self.linkify_protocol = protocol if protocol in ("http", "https") else "https"
        block_attributes = bool(_option(goldmark, "parser", "attribute", "block", default=False))
        self.marks = typographer_marks(typographer)
        self.passthrough = passthrough_config(_option(goldmark, "extensions", "passthrough"))
        self.ids = IdSettings.from_goldmark(goldmark)
        self.unwrapped_images = _option(goldmark, "parser", "wrapStandAloneImageWithinParagraph",
                                        default=True) is False
        self.switches = extension_switches(goldmark)
        self.cjk = cjk_options(goldmark)
        self.goldmark = goldmark
        self.md = self._markdown(typographer_on, linkify, block_attributes)
        self.inline_md = self._markdown(typographer_on, linkify, block_attributes)
        # the site's [markup.highlight] defaults, for each fence (GoldmarkFences)
        defaults = highlight_defaults(getattr(renderer.env.globals.get("site"), "highlight", None))
        self.md.code_defaults = self.inline_md.code_defaults = defaults  # type: ignore[attr-defined]

    def _markdown(self, typographer: bool, linkify: bool, block_attributes: bool) -> markdown.Markdown:
        # No attr_list: Goldmark has no attributes on inline elements ("![](a.png){.x}" is text).
        exts: list = [name for name, on in (
            ("tables", self.switches["table"]), ("def_list", self.switches["definitionList"]),
            ("footnotes", self.switches["footnote"]), ("pymdownx.tilde", self.switches["strikethrough"]),
            ("pymdownx.tasklist", self.switches["taskList"])) if on] + [
            GoldmarkExtension(self.raw_blocks, typographer, linkify, block_attributes, self.marks,
                              self.alert_label, self.passthrough, self.linkify_protocol,
                              None if self.unsafe else self._omits, self.ids,
                              self.unwrapped_images, self.switches,
                              extras_of(self.goldmark, self.switches["strikethrough"]), self.cjk),
        ]
        if self.hard_wraps:
            exts.append("nl2br")
        if self.emoji:
            exts.append("pymdownx.emoji")
        config = {
            "pymdownx.tilde": {"subscript": False},
            # The character itself, as Hugo prints it (not an image or a span).
            "pymdownx.emoji": {"emoji_index": gemoji, "emoji_generator": _emoji_character},
            "footnotes": {"BACKLINK_TEXT": "\u21a9\ufe0e", "SUPERSCRIPT_TEXT": "{}"},
        }
        md = markdown.Markdown(extensions=exts, extension_configs=config, output_format="html")
        # "3. item" starts an <ol start="3">, as in CommonMark.
        md.parser.blockprocessors["olist"].LAZY_OL = False
        return md

    def alert_label(self, kind: str) -> str:
        """The label of a GitHub alert without a title: manualgen's print label in the page's
        language, else the site's i18n string for the kind (as Docsy's hook reads it), else
        the kind's name."""
        key = ALERT_LABEL_KEYS.get(kind, kind)
        label = self.renderer.env.globals.get("label")
        text = label(key) if label is not None else key
        if text != key:
            return text
        if kind in self.translator.strings:
            return self.translator.translate(kind)
        return kind.title()

    def _render(self, md: markdown.Markdown, text: str) -> str:
        md.reset()
        html = md.convert(text)
        if '<div class="footnote">' in html:  # Goldmark's names for the footnote list
            html = html.replace('<div class="footnote">', '<div class="footnotes" role="doc-endnotes">')
        return RAW_TOKEN_RE.sub(lambda m: self._raw_block(int(m.group(1))), html) if "mgraw" in html else html

    def _omits(self, raw: str) -> bool:
        """Whether raw HTML is left out, as Goldmark leaves it out without ``unsafe``: HTML the
        writer wrote in the page.  HTML comments print nothing anyway, and the HTML of
        manualgen's print templates (shortcode output) is not the page's: both stay.  A block
        that opens with a comment and has text after it (``<!-- x --> words``) is a raw HTML
        block in Goldmark, words and all: it is left out."""
        raw = raw.strip()
        if self.unsafe or not raw or _COMMENTS_ONLY.fullmatch(raw) or raw not in self.source:
            return False
        self.omitted.append(raw)
        return True

    def _raw_block(self, index: int) -> str:
        block = self.raw_blocks[index]
        return OMITTED if self._omits(block) else block

    def markdownify(self, text: str, block: bool = False) -> str:
        """Hugo's markdownify: Markdown to HTML; a lone paragraph loses its <p> unless block.

        As in Goldmark, entities (``&mdash;``, ``&#8212;``) come out as their characters,
        raw HTML is kept (left out without ``unsafe``, as in the page), and a description or title
        run through it (Docsy does so for ``description``) prints what the web shows.
        """
        html = self._render(self.inline_md, text).strip()
        if not block and html.count("<p>") == 1 and html.startswith("<p>") and html.endswith("</p>"):
            html = html[3:-4].strip()
        return _ENTITY.sub(_decode_entity, html) if "&" in html else html

    def convert(self, page) -> str:
        """The page body as HTML, shortcodes and Markdown rendered as Hugo would."""
        return self.convert_with_lines(page)[0]

    def convert_with_lines(self, page) -> tuple[str, dict[str, int]]:
        """The page body as HTML, and the line of the shortcode that wrote each src or href
        in it (images and links are reported at those lines)."""
        self.raw_blocks.clear()
        self.source, self.omitted = page.body, []
        self.md.fence_problems.clear()
        self.inline_md.fence_problems.clear()
        stash = Stash()
        # A page that writes a placeholder's text (mgsc0x, mgraw0x) must not be read as one.
        guarded = "mgsc" in page.body or "mgraw" in page.body
        body = page.body
        if guarded:
            body = body.replace("mgsc", _GUARD_SC).replace("mgraw", _GUARD_RAW)
        hook = self._image_hook(page)  # in the page's Markdown and its shortcodes' markdownify
        self.md.image_hook = self.inline_md.image_hook = hook  # type: ignore[attr-defined]
        try:
            text = self.renderer.expand(
                body,
                page=page,
                lang=self.lang,
                translator=self.translator,
                markdownify=self.markdownify,
                stash=stash,
                line_offset=page.body_line - 1,
            )
            own_from = len(self.raw_blocks)  # the page's own raw HTML (not its shortcodes')
            # An HTML content file is printed as written: Hugo expands its shortcodes, no Markdown.
            html = stash.resolve(self._body_html(getattr(page, "markup", "markdown"), text))
        finally:
            self.md.image_hook = self.inline_md.image_hook = None  # type: ignore[attr-defined]
        if guarded:
            html = html.replace(_GUARD_SC, "mgsc").replace(_GUARD_RAW, "mgraw")
        self._check_split_tags(page, html)
        self._report_omitted(page)
        self._report_fence_problems(page)
        self._report_markdown_in_html(page, self.raw_blocks[own_from:])
        return html, stash.output_lines

    def _report_markdown_in_html(self, page, blocks: list[str]) -> None:
        """Markdown the writer put inside a raw HTML block (``<div>`` and ``**Schritt 1**`` on
        the next line, no blank line between): Goldmark passes the block on as it is, so the
        asterisks show on the web and on paper.  Once a block, at the line of the text."""
        if not self.unsafe:
            return  # the block is left out altogether (raw-html-omitted says so)
        body = getattr(page, "body", "")
        for block in blocks:
            found = next(((what, text) for what, text in markdown_left(block) if text in body), None)
            if found is None:
                continue
            what, text = found
            shown = text if len(text) <= 60 else text[:59] + "…"
            tag = block.lstrip().split(None, 1)[0].split(">")[0] + ">"
            self.renderer.findings.warning(
                "markdown-as-text",
                f'"{shown}" ({MARKDOWN_KINDS[what]}) prints as written: it is inside the HTML '
                f"block that {tag} opens, where Markdown is not read (on the web too); leave a "
                "blank line between the HTML tag's line and the Markdown",
                page.path, page.find_line(text) if hasattr(page, "find_line") else None,
                lang=self.lang)

    def _image_hook(self, page) -> Callable[[dict], str | None] | None:
        """How the site's own image render hook prints an image of ``page`` (None: it has
        none that manualgen runs)."""
        if self.renderer.image_hook() is None:
            return None
        return lambda fields: hooked_image(self.renderer, page, self.lang, self.translator,
                                           self.markdownify, fields)

    def _body_html(self, markup: str, text: str) -> str:
        """The page's text, its shortcodes expanded to tokens, as HTML in its format."""
        if markup == "html":
            return text
        if markup == "org":
            return org.to_html(text)
        return self._render(self.md, text)

    def finish(self) -> None:
        """Report what is known only once every page is converted (unknown shortcodes, once
        per name with their count).  Call it after the last page of the language."""
        self.renderer.finish(self.lang)

    def _report_fence_problems(self, page) -> None:
        """An error for each code fence whose highlight options Hugo refuses, and a warning
        for each never closed, at its line."""
        after = 0
        for opening, code, problem in self.md.fence_problems + self.inline_md.fence_problems:
            line = page.find_line(opening, after) if hasattr(page, "find_line") else None
            after = line or after
            report = self.renderer.findings.error if code == "bad-highlight" else \
                self.renderer.findings.warning
            report(code, problem, page.path, line, lang=self.lang)

    def _report_omitted(self, page) -> None:
        """One warning per page whose raw HTML was left out (Hugo warns so too)."""
        if not self.omitted:
            return
        first = self.omitted[0].split("\n")[0]
        self.renderer.findings.warning(
            "raw-html-omitted",
            f"raw HTML ({first[:60]}{'…' if len(first) > 60 else ''}; {len(self.omitted)} in all on "
            "this page) is left out, as Hugo leaves it out of the web page: the site does not set "
            "markup.goldmark.renderer.unsafe = true", page.path, page.find_line(first)
            if hasattr(page, "find_line") else _body_line(page, first), lang=self.lang)

    def _check_split_tags(self, page, html: str) -> None:
        """Warn when an HTML tag ends up printed as text.

        That happens when Markdown splits a shortcode's multi-line output, e.g. a link inside
        a ``{{<markdown>}}`` block.  Hugo does the same on the web, so manualgen prints what
        Hugo shows, but the writer should hear about it.
        """
        prose = re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.DOTALL)
        prose = prose.replace("&lt;no value&gt;", "")  # Go's word for a value a template lacks
        body = getattr(page, "body", "")
        m = next((m for m in re.finditer(r"&lt;(/?[a-zA-Z][\w-]*)(?=[\s>]|&gt;|$)", prose)
                  if not _escaped_by_writer(body, m.group(1))), None)
        if m:
            self.renderer.findings.warning(
                "tag-as-text",
                f'the HTML tag "<{m.group(1)}" is printed as text: Markdown split some HTML, often '
                "a shortcode's output inside a {{<markdown>}} block (Hugo shows the same); move "
                "the shortcode out of the block", page.path, _tag_line(page, prose, m.start()),
                lang=self.lang)


# Comments only (the last may be left open: it runs to the end of the page's block).
_COMMENTS_ONLY = re.compile(r"(?:<!--(?:(?!-->).)*-->\s*)*(?:<!--(?:(?!-->).)*)?", re.DOTALL)
_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")


def _decode_entity(m: re.Match) -> str:
    """An entity as its character, unless that character is markup (& < > " ')."""
    char = html_module.unescape(m.group(0))
    return m.group(0) if char in "&<>\"'" or char == m.group(0) else char


def _body_line(page, needle: str) -> int | None:
    """The line of the file that holds ``needle``, counted from the page's body."""
    for number, line in enumerate(page.body.split("\n"), page.body_line):
        if needle in line:
            return number
    return None


def _escaped_by_writer(source: str, name: str) -> bool:
    """Whether the page's source writes the tag ``<name`` only as text (``\\<name``,
    ``&lt;name``, ``&#60;name``): the writer meant the angle bracket to show, as Gitea's
    ``"\\<empty>"`` for an empty default value does."""
    end = r"(?![\w-])"
    escaped = re.search(r"(?:\\<|&lt;|&#0*60;|&#x0*3c;)" + re.escape(name) + end, source, re.IGNORECASE)
    raw = re.search(r"(?<!\\)<" + re.escape(name) + end, source)
    return bool(escaped) and not raw


def _tag_line(page, prose: str, start: int) -> int | None:
    """The source line a tag printed as text came from: the first of its attribute values
    (a link's address, an image's file) that the page's source mentions, else the words just
    before it."""
    tag = prose[start:start + 600].split("&gt;", 1)[0]
    tag = html_module.unescape(re.sub(r"<[^>]*>", "", tag))  # linkify may have marked it up
    before = re.sub(r"<[^>]*>", " ", prose[max(0, start - 200):start])
    words = html_module.unescape(before).split()[-4:]
    # The typographer may have curled the quotes around the attribute values.
    values = re.findall(r'["\u201c\u201d\u201e\u00ab\u00bb]\s*([^"\u201c\u201d\u201e\u00ab\u00bb<>]{6,}?)\s*'
                        r'["\u201c\u201d\u201e\u00ab\u00bb]', tag)
    # The tag as written, when the page's own text holds it (not a shortcode's output).
    head = re.sub(r"[\u201c\u201d\u201e\u00ab\u00bb]", '"', tag.split("\n")[0][:40]).strip()
    needles = values + ([head] if len(head) >= 8 else []) + ([" ".join(words)] if words else [])
    lines = page.body.split("\n")  # splitlines() also breaks at U+2028, form feeds…
    for needle in needles:
        for number, line in enumerate(lines, page.body_line):
            if needle in line:
                return number
    return None
