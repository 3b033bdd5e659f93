"""Hugo's contextual escaping (Go's html/template) for the site's simple shortcode templates
that go_template.py runs: a value is escaped by where the template prints it, as Hugo does.

Handled as Hugo 0.149.1 prints them (checked with the binary): HTML text, and quoted
attribute values, plain (``title="…"``) or addresses (``href``, ``src``, ``data-src``, any
name with "url", "uri" or "src"; a ``javascript:`` or ``data:`` address at the start becomes
``#ZgotmplZ``, the rest is percent-encoded as Go's normalizer and escaper do), and
attributes ``safeHTMLAttr`` prints among a tag's own.  HTML
comments in the template's text are left out, as Go leaves them out.  A value printed
anywhere else (``<script>``, ``<style>``, ``on…`` and ``style`` attributes, ``srcset``, an
unquoted value, ``<title>``/``<textarea>``) is refused: such a
template is not run at all."""

from __future__ import annotations

import dataclasses
import re


class NotSimple(Exception):
    """The template uses something this reader does not run; the message says what."""


@dataclasses.dataclass(frozen=True)
class Context:
    state: str = "text"  # text, tag, attr, after-attr, before-value, value, unquoted, comment, raw
    element: str = ""  # the tag being written, or the raw-text element (script, style, …)
    attr: str = ""  # the attribute's kind: plain, url, js, css, srcset
    quote: str = ""
    url_part: str = ""  # in an address: start, path, query, or unknown after branches


_RAW = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
        "noscript", "plaintext")
_URL_ATTRS = {"action", "archive", "background", "cite", "classid", "codebase", "data",
              "formaction", "href", "icon", "longdesc", "manifest", "poster", "profile", "src",
              "usemap", "xmlns"}
_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_ATTR_NAME = re.compile(r"[^\s/>=]+")
_SPACE = re.compile(r"[\s/]*")


def attr_kind(name: str) -> str:
    """Go's type of an attribute's value, from its name."""
    name = name.lower()
    name = name.removeprefix("data-")
    prefix, colon, local = name.partition(":")
    if colon:
        if prefix == "xmlns":
            return "url"
        name = local
    if name == "style":
        return "css"
    if name == "srcset":
        return "srcset"
    if name in _URL_ATTRS:
        return "url"
    if name.startswith("on"):  # before the names with "src" or "url" in them, as in Go
        return "js"
    return "url" if "src" in name or "uri" in name or "url" in name else "plain"


def advance(ctx: Context, text: str) -> tuple[Context, str]:
    """The context after the template's ``text``, and the text as Hugo writes it (its HTML
    comments left out); linear in the text."""
    out: list[str] = []
    at = 0
    while at < len(text):
        ctx, at = _step(ctx, text, at, out)
    return ctx, "".join(out)


def _step(ctx: Context, text: str, at: int, out: list[str]) -> tuple[Context, int]:
    """One move of the scanner from ``at``: to the end of what ``ctx`` covers."""
    state = ctx.state
    if state == "text":
        return _in_text(text, at, out)
    if state == "comment":
        end = text.find("-->", at)
        return (ctx, len(text)) if end < 0 else (Context(), end + 3)
    if state == "raw":
        end = _raw_text_end(ctx.element, text, at)
        stop = len(text) if end is None else end.start()
        out.append(text[at:stop])
        return (ctx, stop) if end is None else (Context("tag", "/"), _emit(text, stop, end.end() - 1, out))
    if state == "value":
        return _in_value(ctx, text, at, out)
    if state == "unquoted":
        end = re.compile(r"[\s>]").search(text, at)
        stop = len(text) if end is None else end.start()
        out.append(text[at:stop])
        return (ctx, stop) if end is None else (Context("tag", ctx.element), stop)
    return _in_tag(ctx, text, at, out)


def _raw_text_end(element: str, text: str, at: int) -> re.Match | None:
    """Where the raw text of ``element`` (script, style, …) ends: its end tag, from ``at``."""
    return re.compile(r"</" + re.escape(element) + r"[\s/>]", re.IGNORECASE).search(text, at)


def _emit(text: str, start: int, stop: int, out: list[str]) -> int:
    out.append(text[start:stop])
    return stop


def _in_text(text: str, at: int, out: list[str]) -> tuple[Context, int]:
    lt = text.find("<", at)
    if lt < 0:
        return Context(), _emit(text, at, len(text), out)
    _emit(text, at, lt, out)
    if text.startswith("<!--", lt):
        end = text.find("-->", lt + 4)
        return (Context("comment"), len(text)) if end < 0 else (Context(), end + 3)
    closing = text.startswith("</", lt)
    name = _TAG_NAME.match(text, lt + (2 if closing else 1))
    if name is None:  # a "<" that opens no tag: Go writes it escaped, so no value completes it
        out.append("&lt;")
        return Context(), lt + 1
    element = "/" if closing else name.group().lower()
    return Context("tag", element), _emit(text, lt, name.end(), out)


def _in_tag(ctx: Context, text: str, at: int, out: list[str]) -> tuple[Context, int]:
    """Inside a start or end tag: between attributes, in a name, before a value."""
    state = ctx.state
    if state in ("tag", "after-attr"):
        at = _emit(text, at, _SPACE.match(text, at).end(), out)
        if at >= len(text):
            return ctx, at
        if text[at] == ">":
            raw = ctx.element in _RAW
            return Context("raw", ctx.element) if raw else Context(), _emit(text, at, at + 1, out)
        if state == "after-attr" and text[at] == "=":
            return dataclasses.replace(ctx, state="before-value"), _emit(text, at, at + 1, out)
        name = _ATTR_NAME.match(text, at)
        kind = attr_kind(name.group()) if name else "plain"
        stop = name.end() if name else at + 1
        done = stop < len(text)
        return Context("after-attr" if done else "attr", ctx.element, kind), _emit(text, at, stop, out)
    if state == "attr":  # a name cut by an action's end: its rest
        name = _ATTR_NAME.match(text, at)
        stop = name.end() if name else at
        return dataclasses.replace(ctx, state="after-attr"), _emit(text, at, stop, out)
    # before a value
    at = _emit(text, at, re.compile(r"\s*").match(text, at).end(), out)
    if at >= len(text):
        return ctx, at
    if text[at] in "\"'":
        return (dataclasses.replace(ctx, state="value", quote=text[at], url_part="start"),
                _emit(text, at, at + 1, out))
    if text[at] == ">":
        return Context("tag", ctx.element), at
    return dataclasses.replace(ctx, state="unquoted"), at


def _in_value(ctx: Context, text: str, at: int, out: list[str]) -> tuple[Context, int]:
    end = text.find(ctx.quote, at)
    stop = len(text) if end < 0 else end
    part = text[at:stop]
    url_part = ctx.url_part
    if ctx.attr == "css":
        url_part = _css_after(url_part, part)
    elif ctx.attr == "js":
        url_part = _js_after(url_part, part)
    elif "?" in part or "#" in part:
        url_part = "query"
    elif part.strip() and url_part == "start":
        url_part = "path"
    _emit(text, at, stop, out)
    if end < 0:
        return dataclasses.replace(ctx, url_part=url_part), stop
    return Context("tag", ctx.element), _emit(text, end, end + 1, out)


def join(first: Context, second: Context) -> Context:
    """The context after an if or with whose branches end in ``first`` and ``second``: the
    same, or an address whose part is unknown; raises NotSimple when they differ otherwise
    (Go refuses such a template too)."""
    if first == second:
        return first
    between = ("tag", "attr", "after-attr")  # between attributes, or after a name: the same
    if first.state in between and second.state in between and first.element == second.element:
        return Context("tag", first.element)
    if dataclasses.replace(first, url_part="unknown") == dataclasses.replace(second, url_part="unknown"):
        return dataclasses.replace(first, url_part="unknown")
    raise NotSimple("an if or with whose branches end in different places of the HTML")


class URL(str):
    """Hugo's template.URL (``safeURL``): an address whose scheme is not checked."""


class CSS(str):
    """Hugo's template.CSS (``safeCSS``): a style value printed without Go's CSS filter."""


class HTMLAttr(str):
    """Hugo's template.HTMLAttr (``safeHTMLAttr``): attributes printed among a tag's own."""


def escaper(ctx: Context):
    """How a value printed in ``ctx`` is written: a function of (text, is_html); raises
    NotSimple for a place this reader does not handle."""
    if ctx.state == "text":
        return _text
    if ctx.state == "comment":
        return lambda text, is_html: ""
    if ctx.state == "value" and ctx.attr == "plain":
        return _attribute
    if ctx.state == "value" and ctx.attr == "url" and ctx.url_part != "unknown":
        part = ctx.url_part
        return lambda text, is_html: html_escape(_address(text, "path" if isinstance(text, URL)
                                                          and part == "start" else part))
    if ctx.state in ("before-value", "unquoted") and ctx.attr in ("plain", "url"):
        return _unquoted(ctx)
    if ctx.state == "value" and ctx.attr == "css" and ctx.url_part in ("start", "css"):
        return lambda text, is_html: html_escape(text if isinstance(text, CSS) else css_value(text))
    if ctx.state == "value" and ctx.attr == "js" and ctx.url_part in ("js-str'", 'js-str"'):
        return lambda text, is_html: html_escape(js_string(strip_tags(text) if is_html else text))
    if ctx.state in ("tag", "after-attr"):
        return _attribute_names
    raise NotSimple(_place(ctx))


_JS_STRING = {"\0": "\\u0000", "\t": "\\t", "\n": "\\n", "\v": "\\u000b", "\f": "\\f", "\r": "\\r",
              '"': "\\u0022", "&": "\\u0026", "'": "\\u0027", "+": "\\u002b", "/": "\\/",
              "<": "\\u003c", ">": "\\u003e", "\\": "\\\\", "`": "\\u0060"}


def js_string(text: str) -> str:
    """A value inside an event attribute's script (``onclick="copy('{{ $id }}')"``), escaped
    as Go escapes it inside a JavaScript string.  On paper the attribute does nothing: the
    value only has to leave the HTML around it whole, as it does on the web."""
    return "".join(_JS_STRING.get(char, char) for char in text)


def _attribute_names(text: str, is_html: bool) -> str:
    """A value printed among a tag's attributes, as Go's htmlNameFilter lets it through:
    ``safeHTMLAttr``'s attributes as written; else one plain attribute name (letters and
    digits, not an event, style or address attribute), in lower case, or ``ZgotmplZ``."""
    if isinstance(text, HTMLAttr):
        return str(text)
    name = text.lower()
    if (not name or not name.isascii() or not name.isalnum() or name.startswith("on")
            or name in _URL_ATTRS or name in ("style", "srcset")):
        return "ZgotmplZ"
    return name


_NOSPACE = {"\0": "&#xfffd;", "\t": "&#9;", "\n": "&#10;", "\v": "&#11;", "\f": "&#12;",
            "\r": "&#13;", " ": "&#32;", '"': "&#34;", "&": "&amp;", "'": "&#39;", "+": "&#43;",
            "<": "&lt;", "=": "&#61;", ">": "&gt;", "`": "&#96;"}
_TO_NOSPACE = re.compile("[\0\t\n\v\f\r \"&'+<=>`]")
_TO_NOSPACE_KEEPING = re.compile("[\0\t\n\v\f\r \"'+<=>`]")


def _unquoted(ctx: Context):
    """An unquoted attribute value (``datetime={{ . }}``), as Go's htmlNospaceEscaper writes
    it: every character that could end it escaped, nothing at all refused (``ZgotmplZ``);
    an address checked and normalized first, at its start only."""
    part = "start" if ctx.state == "before-value" else "path"

    def write(text: str, is_html: bool) -> str:
        if ctx.attr == "url":
            text = _address(text, "path" if isinstance(text, URL) else part)
        if text == "":
            return "ZgotmplZ"
        if is_html:
            return _TO_NOSPACE_KEEPING.sub(lambda m: _NOSPACE[m.group()], strip_tags(text))
        return _TO_NOSPACE.sub(lambda m: _NOSPACE[m.group()], text)
    return write


_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\f]?|\\(.)", re.DOTALL)
_CSS_REFUSED = frozenset("\0\"'()/;@[\\]`{}<>")


def css_value(text: str) -> str:
    """A value printed among a style attribute's declarations, as Go's cssValueFilter
    lets it through: its CSS escapes read, and refused (``ZgotmplZ``) when it holds a
    character that could end the declaration or open a string, a comment, a block or an
    address, or the words ``expression`` or ``mozbinding``."""
    decoded = _CSS_ESCAPE.sub(lambda m: chr(min(int(m.group(1), 16), 0x10FFFF) or 0xFFFD)
                              if m.group(1) else m.group(2), text)
    if any(char in _CSS_REFUSED for char in decoded) or "--" in decoded:
        return "ZgotmplZ"
    name = "".join(c for c in decoded.lower() if c.isascii() and (c.isalnum() or c in "-_"))
    return "ZgotmplZ" if "expression" in name or "mozbinding" in name else decoded


def _js_after(state: str, part: str) -> str:
    """Where an event attribute's script stands after ``part``: in code ("start"), inside a
    string quoted with ' or " ("js-str'"), or past what this reader follows ("js-other": a
    template literal, a regular expression or a comment), where no value is run."""
    at = 0
    while at < len(part) and state != "js-other":
        char = part[at]
        if state.startswith("js-str"):
            if char == "\\":
                at += 1
            elif char == state[-1]:
                state = "start"
        elif char in "'\"":
            state = "js-str" + char
        elif char in "`/":
            state = "js-other"
        at += 1
    return state


def _css_after(state: str, part: str) -> str:
    """Where a style attribute's CSS stands after ``part``: among declarations ("css"), or
    inside a string ("css-str" and its quote), a parenthesis ("css-paren") or a comment
    ("css-comment"), where no value is run."""
    state = "css" if state in ("start", "") else state
    at = 0
    while at < len(part):
        if state == "css":
            found = re.compile(r"/\*|[\"'(]").search(part, at)
            if found is None:
                return state
            mark = found.group()
            state = {"/*": "css-comment", "(": "css-paren"}.get(mark, "css-str" + mark)
            at = found.end()
            continue
        closer = {"css-comment": "*/", "css-paren": ")"}.get(state, state[-1:])
        end = part.find(closer, at)
        if end < 0:
            return state
        state, at = "css", end + len(closer)
    return state


def after_value(ctx: Context) -> Context:
    """The place after a value printed in ``ctx``: inside an unquoted attribute value once
    one was printed where it begins (Go reads on to the next space or ``>``)."""
    if ctx.state == "after-attr":  # Go reads on among the tag's attributes
        return Context("tag", ctx.element)
    return dataclasses.replace(ctx, state="unquoted") if ctx.state == "before-value" else ctx


def _place(ctx: Context) -> str:
    if ctx.state == "raw":
        return f"an action inside <{ctx.element}>"
    if ctx.state == "value":
        return {"js": "an action in an event attribute (on…)", "css": "an action in a style attribute",
                "srcset": "an action in a srcset attribute"}.get(
            ctx.attr, "an action in an address after an if or with that may end its path")
    if ctx.state in ("unquoted", "before-value"):
        return "an action in an unquoted attribute value"
    return "an action among a tag's attribute names"


def _text(text: str, is_html: bool) -> str:
    return text if is_html else html_escape(text)


def _attribute(text: str, is_html: bool) -> str:
    """A value in a quoted attribute: HTML loses its tags, its entities kept."""
    if is_html:
        return html_escape(strip_tags(text), keep_entities=True)
    return html_escape(text)


_ESCAPES = {'"': "&#34;", "'": "&#39;", "&": "&amp;", "+": "&#43;", "<": "&lt;", ">": "&gt;",
            "\0": "\ufffd"}
_TO_ESCAPE = re.compile("[\"'&+<>\0]")
_TO_ESCAPE_KEEPING = re.compile("[\"'+<>\0]")


def html_escape(text: str, keep_entities: bool = False) -> str:
    """Text as Go's html/template escapes it (``"`` as ``&#34;``, ``+`` as ``&#43;``)."""
    pattern = _TO_ESCAPE_KEEPING if keep_entities else _TO_ESCAPE
    return pattern.sub(lambda m: _ESCAPES[m.group()], text)


_OPENS = re.compile(r"<(?:!--|/?[A-Za-z])")
_RAW_TEXT = ("script", "style")  # their text is code, never shown
_QUOTE_OR_END = re.compile(r"""["'>]""")


def strip_tags(text: str) -> str:
    """HTML's text without its tags, comments and the code of ``<script>``/``<style>``, as
    Hugo's ``plainify`` and Go's escaper for an attribute strip it (checked with hugo
    0.149.1): a ``<`` that opens no tag stays, a comment left open runs to the end, a
    quoted ``>`` does not end its tag.  One pass over the text."""
    out: list[str] = []
    at = 0
    while True:
        found = _OPENS.search(text, at)
        if found is None:
            out.append(text[at:])
            return "".join(out)
        out.append(text[at:found.start()])
        if found.group() == "<!--":
            end = text.find("-->", found.end())
            at = len(text) if end < 0 else end + 3
            continue
        at = _tag_end(text, found.start())
        name = _TAG_NAME.match(text, found.end() - 1)
        element = name.group().lower() if name and not found.group().startswith("</") else ""
        if element in _RAW_TEXT:
            close = _raw_text_end(element, text, at)
            at = len(text) if close is None else _tag_end(text, close.start())


# Hugo's StripHTML first makes each line end a space and each paragraph end or line break
# a new line, in one pass
_STRIP_PRE = re.compile(r"\n|</p>|<br>|<br />")
_SPACE_RUN = re.compile(r"(\s)\s+")


def plainified(text: str) -> str:
    """Hugo's ``plainify`` (its StripHTML): a text without ``<`` or ``>`` as it is; else its
    line ends as spaces, a paragraph's end and a line break as a new line, the text without
    its tags (:func:`strip_tags`), each run of white space as its first character."""
    if "<" not in text and ">" not in text:
        return text
    pre = _STRIP_PRE.sub(lambda m: " " if m.group() == "\n" else "___hugonl_", text)
    stripped = strip_tags(pre).replace("___hugonl_", "\n")
    return _SPACE_RUN.sub(lambda m: m.group(1), stripped)


def _tag_end(text: str, start: int) -> int:
    """Where the tag opened at ``start`` ends (after its ``>``, quoted ones skipped)."""
    at = start + 1
    while True:
        mark = _QUOTE_OR_END.search(text, at)
        if mark is None:
            return len(text)
        if mark.group() == ">":
            return mark.end()
        close = text.find(mark.group(), mark.end())
        if close < 0:
            return len(text)
        at = close + 1


_SAFE_SCHEMES = ("http", "https", "mailto")
REFUSED_ADDRESS = "#ZgotmplZ"  # what Go prints for an address it refuses
_KEPT = frozenset("!#$&*+,/:;=?@[]")
_UNRESERVED = re.compile(r"[A-Za-z0-9\-._~]")


def _address(text: str, part: str) -> str:
    """An address printed in an address attribute: refused (``#ZgotmplZ``) at its start when
    its scheme is not http(s) or mailto, then percent-encoded as Go does: normalized before
    the query (reserved characters and valid escapes kept), escaped fully in it."""
    if part == "start":
        colon = text.find(":")
        if colon >= 0 and "/" not in text[:colon] and text[:colon].lower() not in _SAFE_SCHEMES:
            return REFUSED_ADDRESS
    normalize = part != "query"
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate (a YAML escape) as its bytes
    return "".join(chr(byte) if _kept(data, index, normalize) else f"%{byte:02x}"
                   for index, byte in enumerate(data))


def _kept(data: bytes, index: int, normalize: bool) -> bool:
    """Whether the byte at ``index`` of an address stays as it is: unreserved, or (when
    normalizing) reserved or the start of a valid escape."""
    char = chr(data[index])
    if data[index] < 128 and _UNRESERVED.match(char):
        return True
    return normalize and (char in _KEPT or char == "%" and _valid_escape(data, index))


def _valid_escape(data: bytes, index: int) -> bool:
    hex_digits = b"0123456789abcdefABCDEF"
    return index + 2 < len(data) and data[index + 1] in hex_digits and data[index + 2] in hex_digits
