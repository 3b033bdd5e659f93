"""Markdown to HTML for one page, configured to match Hugo's Goldmark.

The steps, in order (``PageConverter.convert``):

1. shortcodes are expanded (``{{< >}}`` output stashed as tokens, ``{{% %}}`` output inlined);
2. the text is adjusted where Goldmark and Python-Markdown read the same source differently
   (raw HTML blocks end at a blank line, lists and tables may follow a paragraph line directly,
   lists nest by two spaces);
3. Python-Markdown renders it with GFM-like extensions and the typographer;
4. stashed raw HTML and shortcode output are put back.
"""

from __future__ import annotations

import re
import unicodedata

import markdown
from markdown.preprocessors import Preprocessor

from .i18n import Translator
from .shortcodes import ShortcodeRenderer, Stash

# --- Goldmark's raw HTML blocks -------------------------------------------------------------

_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|"
    "h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|"
    "option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
_START_1 = re.compile(r"^ {0,3}<(script|pre|style|textarea)(\s|>|$)", re.I)
_END_1 = re.compile(r"</(script|pre|style|textarea)>", re.I)
_START_6 = re.compile(rf"^ {{0,3}}</?({_BLOCK_TAGS})(\s|/?>|$)", re.I)
_ATTR = r"""(?:\s+[a-zA-Z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_START_7 = re.compile(rf"^ {{0,3}}(?:<[a-zA-Z][\w-]*{_ATTR}*\s*/?>|</[a-zA-Z][\w-]*\s*>)\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")
_TABLE_DELIM = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
RAW_TOKEN = "mgraw{}x"
RAW_TOKEN_RE = re.compile(r"(?:<p>)?mgraw(\d+)x(?:</p>)?")


def _expand_tabs(line: str) -> str:
    return line.expandtabs(4) if "\t" in line[: len(line) - len(line.lstrip())] else line


class GoldmarkBlocks(Preprocessor):
    """Reads the page as Goldmark would where Python-Markdown differs.

    - A raw HTML block runs to its end condition (for most tags: the next blank line) and is
      passed through untouched; after a blank line Markdown resumes, even inside an open <div>.
    - A list or a table may start straight after a paragraph line.
    - Nested lists may be indented by two spaces (Python-Markdown wants four).
    """

    def __init__(self, md, raw_blocks: list[str]):
        super().__init__(md)
        self.raw_blocks = raw_blocks

    def run(self, lines: list[str]) -> list[str]:
        lines = self._raw_html(lines)
        lines = self._blank_before_blocks(lines)
        return _renest_lists(lines)

    def _raw_html(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        fence: str | None = None
        in_paragraph = False
        while i < len(lines):
            line = lines[i]
            if fence:
                out.append(line)
                if re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$", line):
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
            end: re.Pattern | None | str = None
            if _START_1.match(line):
                end = _END_1
            elif re.match(r"^ {0,3}<!--", line):
                end = "-->"
            elif re.match(r"^ {0,3}<\?", line):
                end = "?>"
            elif re.match(r"^ {0,3}<![A-Za-z]", line):
                end = ">"
            elif re.match(r"^ {0,3}<!\[CDATA\[", line):
                end = "]]>"
            elif _START_6.match(line) or (_START_7.match(line) and not in_paragraph):
                end = "blank"
            if end is None:
                out.append(line)
                in_paragraph = bool(line.strip()) and not re.match(r"^ {0,3}(#{1,6}\s|#{1,6}$)", line)
                i += 1
                continue
            block: list[str] = []
            while i < len(lines):
                current = lines[i]
                if end == "blank":
                    if not current.strip():
                        break
                    block.append(current)
                    i += 1
                    continue
                block.append(current)
                i += 1
                done = end.search(current) if isinstance(end, re.Pattern) else (end in current)
                if done:
                    # The end marker on the block's first line only counts after the start.
                    if len(block) > 1 or not isinstance(end, str) or current.count(end) and (
                        end != "-->" or current.find("-->") > current.find("<!--")):
                        break
            self.raw_blocks.append("\n".join(block))
            if out and out[-1].strip():
                out.append("")
            out.append(RAW_TOKEN.format(len(self.raw_blocks) - 1))
            out.append("")
            in_paragraph = False
        return out

    def _blank_before_blocks(self, lines: list[str]) -> list[str]:
        """Goldmark lets a list (bullet, or ordered from 1) or a table interrupt a paragraph."""
        out: list[str] = []
        fence: str | None = None
        prev_kind = "blank"  # blank, para, list, table, other
        for index, line in enumerate(lines):
            if fence:
                out.append(line)
                if re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$", line):
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
                continue
            item = _LIST_ITEM.match(line)
            nxt = lines[index + 1] if index + 1 < len(lines) else ""
            if item and prev_kind == "para" and len(item.group(1)) <= 3 and item.group(3):
                marker = item.group(2)
                if not marker[0].isdigit() or int(marker[:-1]) == 1:
                    out.append("")
            elif "|" in line and _TABLE_DELIM.match(nxt) and "-" in nxt and prev_kind == "para":
                out.append("")
            if item:
                prev_kind = "list"
            elif re.match(r"^ {0,3}(#{1,6}(\s|$)|>|[-*_]( *[-*_]){2,}\s*$)", line):
                prev_kind = "other"
            elif prev_kind in ("list",) and line.startswith(" "):
                prev_kind = "list"
            else:
                prev_kind = "para" if prev_kind in ("blank", "para", "other") else prev_kind
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
    for line in lines:
        if fence:
            out.append(_shift(line, stack))
            if re.match(rf"^\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$", line):
                fence = None
            continue
        if not line.strip():
            out.append(line)
            continue
        line = _expand_tabs(line)
        indent = len(line) - len(line.lstrip(" "))
        item = _LIST_ITEM.match(line)
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
            out.append(" " * new_marker + marker + (pad + rest if rest else ""))
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


def _shift(line: str, stack) -> str:
    if not stack or not line.strip():
        return line
    indent = len(line) - len(line.lstrip(" "))
    for orig_marker, orig_content, new_content in reversed(stack):
        if indent >= orig_content:
            return " " * (new_content + indent - orig_content) + line.lstrip(" ")
    return line


# --- heading ids as Hugo makes them (autoHeadingIDType = "github") --------------------------


def hugo_anchor(text: str, separator: str = "-") -> str:
    text = unicodedata.normalize("NFC", text).strip().lower()
    out = []
    for ch in text:
        if ch.isalnum() or ch in "_-":
            out.append(ch)
        elif ch.isspace():
            out.append("-")
        else:
            cat = unicodedata.category(ch)
            if cat.startswith("M"):
                out.append(ch)
    return "".join(out)


# --- the converter -------------------------------------------------------------------------


class PageConverter:
    """Converts page bodies; one per language and build (Markdown instances are reused)."""

    def __init__(self, goldmark: dict, renderer: ShortcodeRenderer, translator: Translator, lang: str):
        self.renderer = renderer
        self.translator = translator
        self.lang = lang
        self.raw_blocks: list[str] = []
        parser = goldmark.get("parser", {}) if isinstance(goldmark, dict) else {}
        renderer_opts = goldmark.get("renderer", {}) if isinstance(goldmark, dict) else {}
        extensions_opts = goldmark.get("extensions", {}) if isinstance(goldmark, dict) else {}
        self.unsafe = bool(renderer_opts.get("unsafe", False))
        self.hard_wraps = bool(renderer_opts.get("hardWraps", False))
        attribute = parser.get("attribute", {}) if isinstance(parser, dict) else {}
        typographer = extensions_opts.get("typographer", True)
        typographer_on = typographer is not False and (
            not isinstance(typographer, dict) or typographer.get("disable") is not True)
        exts: list = [
            "tables",
            "fenced_code",
            "def_list",
            "footnotes",
            "pymdownx.tilde",
            "pymdownx.tasklist",
            "pymdownx.magiclink",
            "toc",
        ]
        if typographer_on:
            exts.append("smarty")
        if attribute.get("block", False) or attribute.get("title", True):
            exts.append("attr_list")
        if self.hard_wraps:
            exts.append("nl2br")
        config = {
            "toc": {"slugify": hugo_anchor, "permalink": False},
            "smarty": {"smart_angled_quotes": True},
            "pymdownx.tilde": {"subscript": False},
            "footnotes": {"BACKLINK_TEXT": "↩"},
        }
        self.md = markdown.Markdown(extensions=exts, extension_configs=config, output_format="html")
        self.md.preprocessors.deregister("html_block")
        self.md.preprocessors.register(GoldmarkBlocks(self.md, self.raw_blocks), "goldmark_blocks", 20)
        self.inline_md = markdown.Markdown(extensions=[e for e in exts if e != "toc"],
                                           extension_configs={k: v for k, v in config.items() if k != "toc"},
                                           output_format="html")
        self.inline_md.preprocessors.deregister("html_block")
        self.inline_md.preprocessors.register(GoldmarkBlocks(self.inline_md, self.raw_blocks),
                                              "goldmark_blocks", 20)

    def _render(self, md: markdown.Markdown, text: str) -> str:
        md.reset()
        html = md.convert(text)
        return RAW_TOKEN_RE.sub(lambda m: self.raw_blocks[int(m.group(1))], html) if "mgraw" in html else html

    def markdownify(self, text: str, block: bool = False) -> str:
        """Hugo's markdownify: Markdown to HTML; a lone paragraph loses its <p> unless block."""
        html = self._render(self.inline_md, text).strip()
        if not block and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return html

    def convert(self, page) -> str:
        """The page body as HTML, shortcodes and Markdown rendered as Hugo would."""
        stash = Stash()
        text = self.renderer.expand(
            page.body,
            page=page,
            lang=self.lang,
            translator=self.translator,
            markdownify=self.markdownify,
            stash=stash,
            line_offset=page.body_line - 1,
        )
        html = self._render(self.md, text)
        return stash.resolve(html)
