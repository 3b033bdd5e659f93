"""Goldmark syntax that Python-Markdown lacks or reads otherwise, for ``convert.py``.

The readers take the page's lines (or text) and replace each construct by a placeholder for
finished HTML (Python-Markdown's own HTML stash), so the Markdown pass never sees it:

- fenced code anywhere a block may start (list items, block quotes), with Hugo's info
  string ``go {linenos=table,hl_lines=[2] filename="main.go"}``;
- math passthrough (``$$…$$``, ``\\[…\\]`` as blocks; ``\\(…\\)``, ``$…$`` inline), whose
  TeX must reach paper untouched;
- block attribute lines (``{.class #id}`` under a block), turned into marks that
  :func:`apply_attributes` gives to the block before them.

:class:`GoldmarkBlockQuote` reads block quotes as Goldmark does and prints GitHub alerts
(``> [!NOTE]``) as alerts; :func:`parse_attributes` reads Goldmark's ``{…}`` attributes for
all of them.
"""

from __future__ import annotations

import dataclasses
import html as html_module
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from markdown import util as md_util
from markdown.blockprocessors import BlockQuoteProcessor

from .tex_text import tex_as_text

# --- attribute blocks: {#id .class key=value key="a b" list=[1, "2-3"]} ---------------------

_ATTR_NAME = re.compile(r"[A-Za-z_:][\w.:-]*")
_BARE_VALUE = re.compile(r"[^\s{}\[\]\"',=]+")


def parse_attributes(text: str) -> dict[str, str] | None:
    """The attributes of one ``{…}`` block as strings, or None when Goldmark would not read
    it as attributes (then it is text).  Classes add up; an array's items are joined by
    spaces ("hl_lines=[2, "4-6"]" gives "2 4-6", which Hugo's highlighter reads so)."""
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        return None
    body, pos, attrs = text[1:-1], 0, {}
    classes: list[str] = []
    while True:
        while pos < len(body) and body[pos] in " \t,":
            pos += 1
        if pos >= len(body):
            break
        if body[pos] in "#.":
            m = re.compile(r"[^\s#.{}\"']+").match(body, pos + 1)
            if m is None:
                return None
            if body[pos] == "#":
                attrs["id"] = m.group()
            else:
                classes.append(m.group())
            pos = m.end()
            continue
        m = _ATTR_NAME.match(body, pos)
        if m is None:
            return None
        name, pos = m.group(), m.end()
        if not body.startswith("=", pos):
            attrs[name] = ""  # a bare name: Goldmark keeps it with no value
            continue
        value, pos = _attribute_value(body, pos + 1)
        if value is None:
            return None
        if name == "class":
            classes.extend(value.split())
        else:
            attrs[name] = value
    if classes:
        attrs["class"] = " ".join(classes)
    return attrs


def _attribute_value(body: str, pos: int) -> tuple[str | None, int]:
    """One value at ``pos``: quoted, an array, or a bare word; (None, pos) when malformed."""
    if pos >= len(body):
        return None, pos
    if body[pos] in "\"'":
        end = body.find(body[pos], pos + 1)
        while end > 0 and body[end - 1] == "\\" and body[pos] == '"':
            end = body.find(body[pos], end + 1)
        if end < 0:
            return None, pos
        return body[pos + 1:end].replace('\\"', '"'), end + 1
    if body[pos] == "[":
        end = body.find("]", pos)
        if end < 0:
            return None, pos
        items = [item.strip().strip("\"'") for item in body[pos + 1:end].split(",")]
        return " ".join(item for item in items if item), end + 1
    m = _BARE_VALUE.match(body, pos)
    if m is None:
        return None, pos
    return m.group(), m.end()


# --- fenced code ---------------------------------------------------------------------------

_FENCE_OPEN = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_LIST_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")
# A definition's first line (": text", Goldmark's definition list): its text column holds
# the definition's blocks, as a list item's does.
DEFINITION_MARK = re.compile(r"^( {0,3})(:)([ \t]{1,4})(?=\S)")


@dataclasses.dataclass
class Fence:
    """One fenced code block as read: its info string, its code, its source lines."""

    lang: str
    attrs: dict[str, str]
    code: str
    opening: str = ""  # the opening fence line as written, to find it in the page
    closed: bool = True  # False: no closing fence before the end of the text (a writer's slip)


def fence_info(info: str) -> tuple[str, dict[str, str]]:
    """Hugo's reading of an info string: the language is the first word, a ``{…}`` at the
    end holds the attributes (``go {linenos=table}``, ``{filename="a.yaml"}``)."""
    info = html_module.unescape(info.strip())
    attrs: dict[str, str] = {}
    brace = info.find("{")
    if brace >= 0 and info.rstrip().endswith("}"):
        parsed = parse_attributes(info[brace:])
        if parsed is not None:
            attrs, info = parsed, info[:brace]
    words = info.split()
    return (words[0] if words else ""), attrs


def _leading(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _expand_leading(line: str) -> str:
    """Tabs in the indentation as spaces (to the next multiple of 4), the rest as written."""
    body = line.lstrip(" \t")
    return line[: len(line) - len(body)].expandtabs(4) + body


def _strip_columns(line: str, columns: int) -> str:
    """``line`` without up to ``columns`` columns of indentation; tabs in code stay tabs
    unless indentation has to be taken from them."""
    if columns <= 0:
        return line
    line = _expand_leading(line) if "\t" in line else line
    return line[min(columns, _leading(line)):]


_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:")


class _ListContext:
    """The content columns of the list items a line may belong to (CommonMark's containers:
    list items, definitions and footnotes, enough to tell whether a fence sits in one and
    where its text starts)."""

    def __init__(self) -> None:
        self.columns: list[int] = []
        self.blank_before = True

    def base(self) -> int:
        return self.columns[-1] if self.columns else 0

    def read(self, line: str) -> None:
        """Move the context past one line outside code."""
        if not line.strip():
            self.blank_before = True
            return
        indent = _leading(line)
        item = _LIST_ITEM.match(line) or DEFINITION_MARK.match(line)
        if item is None and _FOOTNOTE.match(line):
            self.close_before(indent)  # a footnote's blocks are indented four spaces
            self.columns.append(indent + 4)
        elif item:
            self.close_before(indent)
            spaces = len(item.group(3)) if item.group(3) else 1
            spaces = 1 if spaces > 4 else spaces
            self.columns.append(indent + len(item.group(2)) + spaces)
        elif self.blank_before:  # after a blank line, only indented text stays in the item
            self.close_before(indent)
        self.blank_before = False

    def close_before(self, indent: int) -> None:
        while self.columns and self.columns[-1] > indent:
            self.columns.pop()


def extract_fences(lines: list[str], store: Callable[[Fence], str]) -> list[str]:
    """Replace every fenced code block by ``store(fence)`` (a placeholder line).

    A fence at the top of the page gets blank lines around its placeholder; in a list item
    the placeholder takes the fence's indentation, so the item (and the list's numbering)
    goes on, and a line after it that is not indented for the item ends the list, as a fence
    is never continued lazily.
    """
    out: list[str] = []
    context = _ListContext()
    i, n = 0, len(lines)
    while i < n:
        line = _expand_leading(lines[i]) if "\t" in lines[i] else lines[i]
        raw_end = _raw_block_end(lines, i, context.base())
        if raw_end is not None:  # a raw HTML block to its end: a fence in it is no fence
            for kept in lines[i:raw_end]:
                context.read(_expand_leading(kept) if "\t" in kept else kept)
                out.append(kept)
            i = raw_end
            continue
        opened = _FENCE_OPEN.match(line)
        if opened and opened.group("fence")[0] == "`" and "`" in opened.group("info"):
            opened = None  # ``` with a backtick after it is inline code, not a fence
        if opened:
            indent = len(opened.group("indent"))
            outer = [c for c in context.columns if c <= indent]
            if indent - (outer[-1] if outer else 0) > 3:
                opened = None  # indented code inside its item, not a fence
            else:
                context.close_before(indent)
        base = context.base()
        if opened is None:
            context.read(line)
            out.append(lines[i])
            i += 1
            continue
        fence, end = _read_fence(lines, i, base, len(opened.group("indent")) - base, opened)
        token = store(fence)
        if base == 0:
            if out and out[-1].strip():
                out.append("")
            out += [token, ""]
        else:
            out.append(" " * base + token)
            following = lines[end] if end < n else ""
            if following.strip() and _leading(following) < base and not _LIST_ITEM.match(following):
                out.append("")
                context.close_before(_leading(following))
        context.blank_before = False
        i = end
    return out


# CommonMark's raw HTML block of kind 1: from <pre>, <script>, <style> or <textarea> to the
# line holding its end tag, passed on as it is (a fence in it is no fence)
RAW_TEXT_START = re.compile(r"^ {0,3}<(script|pre|style|textarea)(\s|>|$)", re.IGNORECASE)
RAW_TEXT_END = re.compile(r"</(script|pre|style|textarea)>", re.IGNORECASE)


def _raw_block_end(lines: list[str], start: int, base: int) -> int | None:
    """The index of the line after the raw HTML block that ``lines[start]`` opens, at most
    3 spaces into its list item: an HTML comment to the line holding ``-->`` (kind 2), or a
    ``<pre>``, ``<script>``, ``<style>`` or ``<textarea>`` to the line holding its end tag
    (kind 1), which Goldmark passes on as they are, a fenced example inside them too; None
    when the line opens none or the block ends on it."""
    line = lines[start]
    indent = _leading(_expand_leading(line)) if line.strip() else 0
    if not 0 <= indent - base <= 3:
        return None
    own = line.lstrip()
    if own.startswith("<!--"):
        end_mark = re.compile("-->")
        rest = line[line.find("<!--") + 4:]
    elif RAW_TEXT_START.match(own):
        end_mark = RAW_TEXT_END
        rest = own
    else:
        return None
    if end_mark.search(rest):
        return None
    for end in range(start + 1, len(lines)):
        if end_mark.search(lines[end]):
            return end + 1
    return len(lines)


def _read_fence(lines: list[str], start: int, base: int, relative: int,
                opened: re.Match) -> tuple[Fence, int]:
    """The fence opened at ``lines[start]`` and the index of the line after it."""
    marker = opened.group("fence")
    closing = re.compile(rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$")
    code: list[str] = []
    i = start + 1
    closed = False
    while i < len(lines):
        line = lines[i]
        if base and line.strip() and _leading(_expand_leading(line)) < base:
            break  # the list item ends, and the code block with it
        inner = _strip_columns(line, base)
        i += 1
        if closing.match(_expand_leading(inner)):
            closed = True
            break
        code.append(_strip_columns(inner, relative))
    while not closed and code and not code[-1].strip():
        code.pop()  # the blank lines Python-Markdown adds at the end of the page
    lang, attrs = fence_info(opened.group("info"))
    return Fence(lang, attrs, "".join(c + "\n" for c in code), lines[start],
                 closed or i < len(lines)), i


def fence_html(fence: Fence, highlight: Callable[[str, str, dict], str],
               defaults: Callable[[dict, str], dict] | None = None) -> str:
    """A fence as printed: Python-Markdown's markup for plain code (what the corpus prints),
    Hugo's highlight options through ``highlight`` (line numbers, marked lines), the site's
    own (``defaults`` puts them under the fence's: ``[markup.highlight] lineNos = true``),
    and a ``filename`` attribute (hugoDocs' ``file``, a ``title``) as a caption above, as
    Hextra, Docsy and Hugo's own documentation show it."""
    attrs = fence.attrs
    if fence.lang == "math":  # Docsy's and Hextra's math code blocks: a formula on the web
        return math_html(fence.code, display=True)
    options = {k.lower(): v for k, v in attrs.items()}
    if defaults is not None:
        options = defaults(options, fence.lang)
    numbered = options.get("linenos", "false").lower() not in ("", "false")
    if numbered or options.get("hl_lines"):
        body = str(highlight(fence.code, fence.lang, options))
    else:
        id_attr = f' id="{html_module.escape(attrs["id"])}"' if attrs.get("id") else ""
        cls = f' class="{html_module.escape(attrs["class"])}"' if attrs.get("class") else ""
        lang = f' class="language-{html_module.escape(fence.lang)}"' if fence.lang else ""
        code = html_module.escape(fence.code, quote=False)
        body = f"<pre{id_attr}{cls}><code{lang}>{code}</code></pre>"
    name = attrs.get("filename") or attrs.get("file") or attrs.get("title")
    if not name:
        return body
    caption = f'<div class="code-filename">{html_module.escape(name)}</div>'
    return f'<div class="code-block">{caption}\n{body}</div>'


# --- block quotes and GitHub alerts ----------------------------------------------------------

_ALERT = re.compile(r"^\[!([A-Za-z]+)\]([-+]?)(?:[ \t]+(.*))?[ \t]*$")
# The class of an alert's title: a heading printed for a quote, no Markdown heading (no id).
ALERT_TITLE_CLASS = "alert-title alert-heading"
# GitHub's five kinds, as the print styles tell them apart (manual.css, "Alerts").
ALERT_KINDS = {"note": "info", "tip": "success", "important": "primary", "warning": "warning",
               "caution": "danger"}
# The print label of each kind: manualgen's label keys (labels.toml).
ALERT_LABEL_KEYS = {"note": "note", "tip": "tip", "important": "important", "warning": "warning",
                    "caution": "danger"}


def alert_head(block: str) -> tuple[str, str, str] | None:
    """(kind, title, body) when a block quote's text starts as a GitHub alert (Hugo's
    ``[!TYPE]``, an optional ``+``/``-`` fold sign and title on the same line), else None."""
    first, _, rest = block.partition("\n")
    m = _ALERT.match(first)
    if m is None:
        return None
    return m.group(1).lower(), (m.group(3) or "").strip(), rest


class GoldmarkBlockQuote(BlockQuoteProcessor):
    """Block quotes as Goldmark reads them, and GitHub alerts printed as alerts.

    A blank line ends a block quote, so two quotes in a row stay two (Python-Markdown joins
    them).  Fenced code inside it is read once the ``>`` are gone.  A quote whose first line is ``[!NOTE]`` (or TIP, IMPORTANT, WARNING, CAUTION,
    or any other word, as Hugo reads it) becomes the same framed alert the ``alert``
    shortcode prints: its title, or else the kind's label in the page's language.
    """

    def __init__(self, parser, alert_label: Callable[[str], str],
                 store_fence: Callable[[Fence], str] | None = None,
                 prepare: Callable[[list[str]], list[str]] | None = None) -> None:
        super().__init__(parser)
        self.alert_label = alert_label
        self.store_fence = store_fence  # fences inside the quote, read once its ">" are gone
        self.prepare = prepare  # the page's line steps, for the quote's lines

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        m = self.RE.search(block)
        if m:
            self.parser.parseBlocks(parent, [block[:m.start()]])
            block = "\n".join(self.clean(line) for line in block[m.start():].split("\n"))
        if self.store_fence is not None and ("```" in block or "~~~" in block):
            block = "\n".join(extract_fences(block.split("\n"), self.store_fence))
        if self.prepare is not None:
            block = "\n".join(self.prepare(block.split("\n")))
        head = alert_head(block)
        if head is None:
            target = ET.SubElement(parent, "blockquote")
        else:
            target = self._alert(parent, *head[:2])
            block = head[2]
        self.parser.state.set("blockquote")
        self.parser.parseChunk(target, block)
        self.parser.state.reset()

    def _alert(self, parent: ET.Element, kind: str, title: str) -> ET.Element:
        """The alert's frame and heading; returns the element its body goes into."""
        aside = ET.SubElement(parent, "aside", {
            "class": f"alert alert-{ALERT_KINDS.get(kind, 'primary')}", "role": "note"})
        if title:
            heading = ET.SubElement(aside, "h4", {"class": ALERT_TITLE_CLASS})
            heading.text = title  # inline Markdown, rendered with the page's
        else:
            label = ET.SubElement(aside, "p", {"class": "alert-label mg-label"})
            label.text = md_util.AtomicString(self.alert_label(kind))
        return ET.SubElement(aside, "div", {"class": "alert-body"})


# --- block attribute lines ({.class #id key=value} under a block) ------------------------------

_ATTRIBUTE_LINE = re.compile(r"^\{[^{}\n]*\}[ \t]*$")
ATTRIBUTE_MARK = re.compile("^\x02mgattr(\\d+)\x03$")


def attribute_lines(lines: list[str], attributes: list[dict[str, str]]) -> list[str]:
    """Goldmark's block attributes (``[markup.goldmark.parser.attribute] block = true``).

    A ``{…}`` line right under a block (paragraph, table, list, quote, heading) gives that
    block its attributes and prints nothing; after a blank line it belongs to no block and
    prints nothing either.  Each becomes a mark paragraph of its own, which
    :class:`BlockAttributes` applies to the element before it; the mark uses control
    characters that Python-Markdown removes from every page, so no page can write one.
    """
    out: list[str] = []
    for line in lines:
        attrs = parse_attributes(line) if _ATTRIBUTE_LINE.match(line) else None
        if attrs is None:
            out.append(line)
            continue
        if out and out[-1].strip():
            attributes.append(attrs)
            out += ["", f"\x02mgattr{len(attributes) - 1}\x03", ""]
    return out


def apply_attributes(root: ET.Element, attributes: list[dict[str, str]],
                     is_placeholder: Callable[[str], bool]) -> None:
    """Give each mark's attributes to the block before it and take the mark out.  As in
    Hugo, attributes the block has (a heading's id) stay; code and raw HTML take none."""
    for parent in list(root.iter()):
        previous = None
        for child in list(parent):
            m = ATTRIBUTE_MARK.match(child.text or "") if child.tag == "p" and len(child) == 0 else None
            if m is None:
                previous = child
                continue
            parent.remove(child)
            if previous is None or int(m.group(1)) >= len(attributes):
                continue
            if previous.tag == "p" and is_placeholder((previous.text or "").strip()):
                continue
            for key, value in attributes[int(m.group(1))].items():
                if key not in previous.attrib:
                    previous.set(key, value)


# --- math passthrough ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Passthrough:
    """Hugo's ``[markup.goldmark.extensions.passthrough]``: pairs of (opening, closing)."""

    block: tuple[tuple[str, str], ...] = ()
    inline: tuple[tuple[str, str], ...] = ()


NO_PASSTHROUGH = Passthrough()


def passthrough_config(table: object) -> Passthrough:
    """The delimiters of an enabled passthrough table; none when it is off or malformed."""
    if not isinstance(table, dict):
        return NO_PASSTHROUGH
    lowered = {str(k).lower(): v for k, v in table.items()}
    if lowered.get("enable") is not True:
        return NO_PASSTHROUGH
    delimiters = lowered.get("delimiters")
    delimiters = {str(k).lower(): v for k, v in delimiters.items()} if isinstance(delimiters, dict) else {}

    def pairs(value: object) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, list):
            return ()
        return tuple((str(p[0]), str(p[1])) for p in value
                     if isinstance(p, list) and len(p) == 2 and str(p[0]) and str(p[1]))

    return Passthrough(pairs(delimiters.get("block")), pairs(delimiters.get("inline")))


def math_html(tex: str, display: bool) -> str:
    """A formula as paper can print it (it cannot run KaTeX): as Unicode text when it is
    simple enough (tex_text.py), else its TeX source in the math style (content.css)."""
    text = tex_as_text(tex.strip())
    kind = "math" if text is None else "math math-text"
    shown = html_module.escape(tex.strip() if text is None else text, quote=False)
    return f'<div class="{kind} display">{shown}</div>' if display else f'<span class="{kind}">{shown}</span>'


def extract_math(text: str, config: Passthrough, store: Callable[[str], str]) -> str:
    """Replace each passthrough span by ``store(html)``, leaving code spans alone.

    A block span alone on its lines becomes a block of its own; inline spans (and block
    delimiters inside a line of prose) stay in their line.  An inline span does not run
    over a blank line; an unclosed delimiter is text.
    """
    delimiters = [(o, c, True) for o, c in config.block] + [(o, c, False) for o, c in config.inline]
    delimiters.sort(key=lambda d: -len(d[0]))  # "$$" before "$"
    out: list[str] = []
    i = start = 0
    while i < len(text):
        if text[i] == "`":
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            close = text.find("`" * run, i + run)
            i = close + run if close >= 0 else i + run
            continue
        found = _math_at(text, i, delimiters)
        if found is None:
            i += 2 if text[i] == "\\" else 1
            continue
        end, tex, display = found
        alone = (i == 0 or text[i - 1] == "\n") and (end == len(text) or text[end] == "\n")
        out.append(text[start:i])
        html = math_html(tex, display)
        out.append(f"\n\n{store(html)}\n\n" if display and alone else store(
            html.replace("<div", "<span").replace("</div>", "</span>")))
        i = start = end
    out.append(text[start:])
    return "".join(out)


def _math_at(text: str, i: int, delimiters: list[tuple[str, str, bool]]) -> tuple[int, str, bool] | None:
    """(end, TeX, display) of a span opening at ``i``, or None."""
    for opening, closing, display in delimiters:
        if not text.startswith(opening, i):
            continue
        close = text.find(closing, i + len(opening))
        if close < 0:
            continue
        tex = text[i + len(opening):close]
        if not tex.strip() or (not display and "\n\n" in tex):
            continue
        return close + len(closing), tex, display
    return None


# KaTeX's auto-render (what Blowfish's and Congo's {{< katex >}} load for the page) typesets
# these spans of the page's text in the reader's browser; code, pre and the like it leaves.
AUTO_RENDER_DELIMITERS = (("$$", "$$", True), ("\\[", "\\]", True), ("\\(", "\\)", False))
# A theme that loads KaTeX or MathJax for a page whose front matter asks for math (MemE's
# ``katex = true``) also takes single dollars: ``$\\varphi$``.  One whose formula starts with
# a digit is a price ("$5 and $10"), left as written.
SCRIPT_MATH_DELIMITERS = AUTO_RENDER_DELIMITERS + (("$", "$", False),)
_AUTO_RENDER_SKIPS = frozenset({"script", "noscript", "style", "textarea", "pre", "code", "option"})
_TAG_OR_COMMENT = re.compile(r"(<!--.*?-->|<[^<>]*>)", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")


def auto_render_math(html: str, delimiters: tuple = AUTO_RENDER_DELIMITERS) -> str:
    """The page's HTML with each formula that KaTeX's auto-render would typeset on the web
    printed as math passthrough prints (``math_html``): ``\\(a^2\\)`` as "a²".  A formula
    lies within one run of text, as auto-render finds it; text inside code, pre, script,
    style, textarea and option stays as written."""
    out: list[str] = []
    skipping = 0
    for part in _TAG_OR_COMMENT.split(html):
        tag = _TAG_NAME.match(part) if part.startswith("<") else None
        if tag is not None or part.startswith("<!--"):
            if tag is not None and tag.group(2).lower() in _AUTO_RENDER_SKIPS \
                    and not part.rstrip().endswith("/>"):
                skipping = max(0, skipping + (-1 if tag.group(1) else 1))
            out.append(part)
        elif skipping or not part:
            out.append(part)
        else:
            out.append(_auto_render_text(part, list(delimiters)))
    return "".join(out)


def _auto_render_text(text: str, delimiters: list[tuple[str, str, bool]]) -> str:
    """One run of HTML text with its delimited formulas as math HTML (unescaped for TeX,
    escaped again by ``math_html``)."""
    out: list[str] = []
    i = start = 0
    while i < len(text):
        found = _math_at(text, i, delimiters)
        if found is not None and not text.startswith("$$", i) and text.startswith("$", i) \
                and found[1][:1].isdigit():
            found = None  # a price, not a formula
        if found is None:
            i += 1
            continue
        end, tex, display = found
        out.append(text[start:i])
        out.append(math_html(html_module.unescape(tex), display)
                   .replace("<div", "<span").replace("</div>", "</span>"))
        i = start = end
    out.append(text[start:])
    return "".join(out)
