"""Render Hugo shortcodes through Jinja2 templates.

The parser (:mod:`manualgen.shortcode_parser`) turns a page into a tree of text and shortcode
nodes.  Here each shortcode is rendered by a template found by its name, the site's own folder
first, then manualgen's built-ins (``templates/shortcodes/<name>.html``).  As in Hugo, the
output of a ``{{< >}}`` shortcode is HTML that Markdown does not touch: it is put back into the
page as a placeholder token and swapped in after the Markdown pass.  The output of a
``{{% %}}`` shortcode is Markdown and becomes part of the page's text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import fnmatch
import functools
import html as html_module
import json
import os
import posixpath
import re
import textwrap
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
import yaml
from markupsafe import Markup, escape

from .cache import SHARED_FOLDERS
from .config import BUILTIN_TEMPLATES, HugoYamlLoader, load_site_data, resolves_inside
from .content import content_roots, glob_regex, permalink, title_cased
from .errors import ContentError, Findings, ManualgenError, readable_path, show, utf8_name
from .front_matter import GO_INT, go_int
from .front_matter import parse as parse_front_matter
from .go_escape import REFUSED_ADDRESS, NotSimple, plainified
from .go_values import go_print
from .i18n import CountText, Translator, _line_naming
from .markdown_left import MARKDOWN_KINDS, markdown_left
from .notebook import notebook
from .shortcode_parser import Shortcode, ShortcodeSyntaxError, Text, iter_shortcodes, parse

if TYPE_CHECKING:  # the runner of a site's own templates is loaded only by a site that has one
    from .go_template import Call as TemplateCall

# Shortcodes whose template uses the inner content: an opening tag without its closing tag is
# an error.  Those that never take inner content: a closing tag is an error.
NEEDS_CLOSING = {
    "markdown", "alert", "faqBlock", "numberedList", "unorderedList", "listItem",
    "collapsibleBlock", "layouts/grid", "layouts/row", "layouts/column", "releaseNotes",
    "releaseNotes/newFeatures", "releaseNotes/improvements", "releaseNotes/fixedBugs",
    "releaseNotes/nextFeatures", "highlight", "details", "tabpane", "tab", "pageinfo",
}
NO_INNER = {
    "insertImage", "lineBreak", "collapsibleGroupCommand", "ref", "relref", "param", "figure",
    "table_of_contents", "youtube", "vimeo",
}
# Theme shortcodes (Hextra's tabs, steps, callout…) are left out of both: their names are
# common, and a site's own shortcode of the same name may be used either way.

MAX_INCLUDE_DEPTH = 8  # pages included in included pages (a page that includes itself)
_SRC_OR_HREF = re.compile(r'\b(?:src|href)\s*=\s*"([^"]*)"')
TOKEN_RE = re.compile(r"mgsc(\d+)x")
_COUNT = re.compile(r"""\{\{-?\s*(?:printf\s+["`]%[dv]["`]\s+)?\.(?:Count)?\s*-?\}\}""")
_ACTION = re.compile(r"\{\{.*?\}\}", re.DOTALL)  # a Go template action in a translation
_FIELD = re.compile(r"\{\{-?\s*\.[A-Za-z_]\w*\s*-?\}\}")  # {{ .enabled }}: a value given to T


@dataclasses.dataclass
class ShortcodeCall:
    """One shortcode call as the templates inside it see it: Hugo's ``.Parent``.

    ``scratch`` is the call's own ``.Scratch``: the shortcodes inside it are rendered first
    and may leave things there for it (Docsy's tabs hand themselves to their tabpane so).
    """

    name: str
    params: dict[str, str]
    positional: list[str]
    markdown: bool
    scratch: dict = dataclasses.field(default_factory=dict)
    bare: frozenset = frozenset()  # the parameters written without quotes (see typed)

    def typed(self, key: str | int) -> object:
        """A parameter as Hugo hands it to a Go template: written without quotes, a whole
        number is an int, a decimal (2.5) a float and true/false a boolean; else text.
        None (Go's nil) when the call has no parameters, or is asked for a name when its
        parameters are positional (or a position when they are named)."""
        named = bool(self.params)
        if not self.params and not self.positional or named != isinstance(key, str):
            return None  # no parameters at all, or a name asked of a positional call …
        value = self.get(key)  # … else a missing one is empty text, as in Hugo
        if key not in self.bare or not isinstance(value, str):
            return value
        if value in ("true", "false"):
            return value == "true"
        if re.fullmatch(r"[-+]?[0-9]+", value):
            number = int(value)
            return number if -2**63 <= number < 2**63 else value  # Go's Atoi
        if re.fullmatch(r"[-+]?[0-9]*\.[0-9]+", value):
            return float(value)
        return value

    def get(self, key: str | int, default: str = "") -> str:
        """Hugo's .Get: a missing parameter is empty."""
        if isinstance(key, int):
            return self.positional[key] if key < len(self.positional) else default
        return self.params.get(key, default)

    def flag(self, key: str | int) -> bool:
        """A boolean parameter (``text=true``): true only when it says so."""
        return str(self.get(key)).strip().lower() == "true"


def highlight_options(options: str | dict | None) -> dict[str, str]:
    """Hugo's highlight options, "linenos=table,hl_lines=2 4-6,linenostart=10", as a dict."""
    if isinstance(options, dict):
        return {str(k).lower(): str(v) for k, v in options.items()}
    result = {}
    for part in str(options or "").split(","):
        key, _, value = part.partition("=")
        if key.strip():
            result[key.strip().lower()] = value.strip().strip("\"'")
    return result


# The site's highlight settings that show on paper, and whether a block without a language
# is highlighted at all (Chroma's guessSyntax; without it such a block is plain code).
_PRINTED_DEFAULTS = ("linenos", "linenostart", "guesssyntax")


def highlight_defaults(table: object) -> dict[str, str]:
    """Of the site's ``[markup.highlight]``, the options every highlighted block takes unless
    it says otherwise (``lineNos = true`` numbers every block's lines, as on the web)."""
    if not isinstance(table, dict):
        return {}
    return {str(k).lower(): str(v).lower() if isinstance(v, bool) else str(v)
            for k, v in table.items() if str(k).lower() in _PRINTED_DEFAULTS}


def with_defaults(options: dict[str, str], lang: str, defaults: dict[str, str] | None) -> dict[str, str]:
    """A block's highlight ``options`` over the site's ``defaults``; a block with no language
    takes them only when the site guesses one (Hugo prints it as plain code otherwise)."""
    if not defaults or not (lang or defaults.get("guesssyntax") == "true"):
        return options
    return {**{k: v for k, v in defaults.items() if k != "guesssyntax"}, **options}


def _number(text: str) -> bool:
    return text.isascii() and text.isdigit()  # "²".isdigit() holds, but int("²") fails


# Chroma's options that Hugo reads as a whole number or as true/false (its option decoder:
# Go's ParseInt with the base from a prefix, ParseBool); any other value stops Hugo's build
# ("1 error(s) decoding: 'linenostart' expected type 'int'").
_INT_OPTIONS = ("linenostart", "tabwidth")
_BOOL_OPTIONS = ("anchorlinenos", "noclasses", "hl_inline", "guesssyntax", "linenumbersintable",
                 "codefences")
_GO_BOOL = {"", "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"}
def highlight_problem(opts: dict[str, str]) -> str | None:
    """Why Hugo refuses these highlight options (a number or switch it cannot read), or None."""
    for key in _INT_OPTIONS:
        if key in opts and go_int(opts[key]) is None:
            what = "too large" if GO_INT.fullmatch(opts[key]) else "not a whole number"
            return (f'highlight option {key}="{opts[key][:40]}" is {what} (write {key}=10); '
                    "Hugo stops with an error for it")
    for key in _BOOL_OPTIONS:
        if key in opts and opts[key] not in _GO_BOOL:
            return (f'highlight option {key}="{opts[key]}" is neither true nor false; Hugo stops '
                    "with an error for it")
    return None


def _line_set(spec: str, count: int) -> set[int]:
    """ "2 4-6" -> {2, 4, 5, 6}, only lines 1 to ``count`` (the block's lines: a typo such
    as 1-300000000 must not build a set of millions); what is no number is ignored."""
    lines: set[int] = set()
    for item in spec.replace(",", " ").split():
        first, _, last = item.partition("-")
        if _number(first) and (not last or _number(last)):
            lines.update(range(max(1, int(first)), min(int(last or first), count) + 1))
    return lines


_BLANK_LINE = re.compile(r"^[ \t]*$", re.MULTILINE)


def _no_blank_lines(code: str) -> str:
    """Code whose blank lines hold an empty element, which prints nothing: the HTML of a
    {{% %}} shortcode goes through Markdown, and a blank line would end its raw block in the
    middle of the code (Markdown then read the rest as headings and lists).  Hugo's Chroma
    never writes a blank line either: each line is in a span of its own."""
    return _BLANK_LINE.sub(lambda m: m.group(0) + "<span></span>", code)


def code_block(text: str, lang: str = "", options: str | dict | None = "",
               report: Callable[[str], object] | None = None,
               defaults: dict[str, str] | None = None) -> Markup:
    """Hugo's ``highlight``: the code as written (escaped), in its language, and of Chroma's
    options those that show on paper: line numbers (``linenos``, ``linenostart``) and
    emphasised lines (``hl_lines``, counted from the block's first line), the site's
    ``defaults`` (``highlight_defaults``) under the block's own.  An option Hugo cannot read
    is given to ``report``; the code is printed as if it were not there."""
    code = str(text or "").strip("\r\n")  # plain text: a Markup is escaped like any other
    opts = highlight_options(options)
    if report is not None and (problem := highlight_problem(opts)):
        report(problem)
    opts = with_defaults(opts, str(lang or ""), defaults)
    numbers = opts.get("linenos", "false").lower() not in ("false", "", "0")
    marked = _line_set(opts.get("hl_lines", ""), code.count("\n") + 1)
    attrs = f' class="language-{escape(lang)}" data-lang="{escape(lang)}"' if lang else ""
    if not numbers and not marked:
        return Markup(f"<pre><code{attrs}>{_no_blank_lines(escape(code))}</code></pre>")
    start = go_int(opts.get("linenostart", "1"))
    start = 1 if start is None else start
    rows = []
    for i, line in enumerate(code.split("\n"), start=1):
        cls = "line hl" if i in marked else "line"
        number = f'<span class="ln">{start + i - 1}</span>' if numbers else ""
        rows.append(f'<span class="{cls}">{number}{escape(line)}</span>')
    kind = " numbered" if numbers else ""
    return Markup(f'<pre class="lines{kind}"><code{attrs}>{"".join(rows)}</code></pre>')


def replace_re(text: str, pattern: str, replacement: str) -> str:
    """Hugo's ``replaceRE``: every match of the regular expression ``pattern`` in ``text``
    replaced (``\\1``… name its groups); the text unchanged for a pattern that is no regular
    expression, so a site's template cannot stop the page."""
    try:
        return re.sub(pattern, replacement, str(text or ""))
    except (re.error, IndexError):
        return str(text or "")


def layout_partial(layout_dirs: list[Path], name: str) -> tuple[str | None, str]:
    """(the text, "") of the partial ``name`` in the site's or its themes' layouts
    (``partials/`` or, since Hugo 0.146, ``_partials/``), the first that has it, as Hugo's
    ``partial`` finds it; or (None, why not).  Bootstrap keeps Markdown snippets there
    (``partials/callouts/*.md``).  Nothing outside a layouts folder is read."""
    if not name:
        return None, "no partial is named"
    for layouts in layout_dirs:
        for sub in ("partials", "_partials"):
            base = (Path(layouts) / sub).resolve()
            try:
                candidate = (base / str(name).lstrip("/")).resolve()
            except (OSError, ValueError):  # a NUL byte, a loop of links
                return None, "it cannot be a file name"
            if not candidate.is_relative_to(base):
                return None, "it is outside the layouts folder"
            if candidate.is_file():
                text = _read_text(candidate)
                return (text, "") if text is not None else (None, "it is not UTF-8 text")
    return None, "is in no partials folder of the site's layouts"


_PLACEHOLDER_SVG = re.compile(
    r'<svg class="bd-placeholder-img(?:-lg)?(?: *?bd-placeholder-img-lg)? ?(.*?)".*?</svg>')


def placeholders_as_img(html: str) -> str:
    """Bootstrap's example shows its code with each placeholder picture (an inline
    ``<svg class="bd-placeholder-img …">``) as the ``<img src="..." class="…" alt="...">`` a
    reader would write, and an empty ``class=""`` left out."""
    html = _PLACEHOLDER_SVG.sub(r'<img src="..." class="\1" alt="...">', str(html or ""))
    return re.sub(r' class=" *"', "", html)


def marked_region(text: str, kind: str, name: str, strip_default: bool = False) -> str | None:
    """Bootstrap's js-docs and scss-docs: the lines of ``text`` between the comments
    ``// <kind>-docs-start <name>`` and the last ``// <kind>-docs-end <name>``, without the
    markers of regions inside it, the indentation of its first line taken off every line
    (and Sass's `` !default`` with ``strip_default``); None when the file has no such region."""
    text = str(text or "").replace("\r\n", "\n")
    start, end = f"// {kind}-docs-start {name}\n", f"// {kind}-docs-end {name}\n"
    begin = text.find(start)
    finish = text.rfind(end)
    if not name or begin < 0 or finish < begin + len(start):
        return None
    region = re.sub(rf"[ \t]*// {re.escape(kind)}-docs-.*\n", "", text[begin + len(start):finish])
    if strip_default:
        region = region.replace(" !default", "")
    lines = region.split("\n")
    indent = len(lines[0]) - len(lines[0].lstrip(" "))
    return "\n".join(line[indent:] if line.startswith(" " * indent) else line
                     for line in lines).rstrip("\n")


_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)\n(?P<code>.*?)^(?P=fence)[ \t]*$",
                    re.MULTILINE | re.DOTALL)


def fenced_blocks(text: str) -> list[tuple[str, str]] | None:
    """The fenced code blocks that ``text`` is made of, each (its language, its code), in
    order (Grafana's code shortcode shows each as a tab of its language); None when
    anything but blank lines stands between or around them."""
    source = textwrap.dedent(str(text or "")).strip("\n") + "\n"
    blocks, at = [], 0
    for m in _FENCE.finditer(source):
        if source[at:m.start()].strip():
            return None
        info = m.group("info").strip()
        lang = info.split()[0].strip("{}").split(",")[0] if info else ""
        blocks.append((lang, m.group("code").rstrip("\n")))
        at = m.end()
    if source[at:].strip() or not blocks:
        return None
    return blocks


_LIST_ITEM = re.compile(r"([-*+]|\d{1,9}[.)])( +|$)")


def list_items(text: str) -> list[str] | None:
    """The items of the Markdown list that ``text`` is (Hugo Book's ``columns`` prints each
    as a column), each without its marker and the indentation its lines share; None when
    ``text`` is not one list from its first line (then it prints as written)."""
    items: list[list[str]] = []
    for line in textwrap.dedent(str(text or "")).strip("\n").split("\n"):
        m = _LIST_ITEM.match(line)
        if m:
            items.append([" " * m.end() + line[m.end():]])
        elif items:
            items[-1].append(line)
        elif line.strip():
            return None
    return [textwrap.dedent("\n".join(item)).strip("\n") for item in items] or None


MAX_INLINE_DATA = 100_000  # characters of data between a shortcode's tags


def inline_data(text: str) -> object:
    """Data written between a shortcode's tags (FixIt's timeline events), read as Hugo's
    transform.Unmarshal reads it: JSON, YAML or TOML, whichever parses to a table or list;
    None when none does (the template then prints the text as it is)."""
    text = str(text or "").strip()
    if not text or len(text) > MAX_INLINE_DATA:
        return None
    readers = (json.loads, lambda t: yaml.load(t, Loader=HugoYamlLoader), tomllib.loads)
    for read in readers:
        try:
            data = read(text)
        except (ValueError, yaml.YAMLError, RecursionError):  # JSON and TOML errors are ValueErrors
            continue
        if isinstance(data, (dict, list)):
            return data
    return None


def page_fields(text: str) -> dict:
    """The front matter of a content file's text as a table ({} when it has none or it
    does not parse): a glossary term's title, a feature gate's stages."""
    try:
        return parse_front_matter(str(text or ""), Path("included.md")).meta
    except ContentError:
        return {}


def sort_by(items: object, key: str, reverse: bool = False) -> list[dict]:
    """The tables of ``items`` ordered by their ``key`` read as text (dates, numbers and
    strings mixed, as a writer's list may be); what is no table is left out."""
    tables = [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    return sorted(tables, key=lambda item: str(item.get(key, "")), reverse=reverse)


_NEEDS_CLOSING_FOLDED = {name.lower() for name in NEEDS_CLOSING}
_NO_INNER_FOLDED = {name.lower() for name in NO_INNER}


def needs_closing(name: str) -> bool | None:
    """Whether shortcode ``name`` must be closed (True), must not be (False), or may be
    either (None); whatever the letter case, as Hugo finds the template (``{{< Alert >}}``)."""
    folded = name.lower()
    if folded in _NEEDS_CLOSING_FOLDED:
        return True
    if folded in _NO_INNER_FOLDED:
        return False
    return None


_FRONT_MATTER = re.compile(r"\A(?:---[ \t]*\n.*?^---[ \t]*$|\+\+\+[ \t]*\n.*?^\+\+\+[ \t]*$)\n?",
                           re.DOTALL | re.MULTILINE)
_INCLUDE_ARG = re.compile(r"\{\{\s*\$([\w.-]+)\s*\}\}")


# .Inner in a Go template action ({{ … }}), not in a comment, a string or .Params.Inner
_GO_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_GO_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`')
_USES_INNER = re.compile(r"(?<![\w.])\.Inner(?:Deindent)?\b")
# Hugo's own output formats: a shortcode template may be named for one (alert.rss.xml)
OUTPUT_FORMATS = frozenset({"html", "amp", "rss", "json", "calendar", "css", "csv", "markdown",
                            "robots", "sitemap", "webappmanifest"})


def reads_inner(template: str) -> bool:
    """Whether a Hugo template reads its shortcode's inner content (``.Inner``,
    ``.InnerDeindent``) in one of its actions."""
    from .go_template import actions as template_actions  # a site's own templates only

    try:
        for _start, action, _end in template_actions(template):  # one pass, "}}" in strings kept
            code = _GO_STRING.sub('""', _GO_COMMENT.sub("", action))
            if _USES_INNER.search(code):
                return True
    except NotSimple:  # a comment Go refuses (not closed, or not at its }}): no more actions
        pass
    return False


def hugo_shortcode_file(layout_dirs: list[Path], name: str,
                        variants: frozenset[str] = frozenset()) -> Path | None:
    """The Hugo template of shortcode ``name`` in the first of ``layout_dirs`` that has one
    (its shortcodes/ folder, or _shortcodes/ since Hugo 0.146): ``name.html`` first, else
    ``name.<format or language>….<extension>`` (``alert.md``, ``alert.en.html``), where
    ``variants`` are the site's language codes; the file name's letter case does not
    matter, as in Hugo.  ``img.caption.html`` is another shortcode's, not ``img``'s.  None
    when none has one.  A file that leads out of its layouts folder (a link) is not read:
    a build reads nothing outside the site."""
    if not name or ".." in name.split("/"):
        return None
    folder_part, _, stem = name.rpartition("/")
    stem = stem.lower()
    allowed = OUTPUT_FORMATS | {v.lower() for v in variants}
    for layouts in layout_dirs:
        for folder in ("shortcodes", "_shortcodes"):
            base = layouts / folder / folder_part if folder_part else layouts / folder
            try:
                inside = layouts.resolve()
                files = sorted(p for p in base.iterdir() if p.is_file() and resolves_inside(p, inside))
            except (OSError, ValueError, RuntimeError):  # RuntimeError: a loop of links
                continue
            ranked = []
            for path in files:
                parts = path.name.lower().split(".")
                if len(parts) < 2 or ".".join(parts[:-1]) != stem and not (
                        parts[0] == stem and all(p in allowed for p in parts[1:-1])):
                    continue
                ranked.append((path.name.lower() != stem + ".html", len(parts), path.name, path))
            if ranked:
                return min(ranked)[-1]
    return None


def without_front_matter(text: str) -> str:
    """A content file's text without its YAML or TOML front matter."""
    return _FRONT_MATTER.sub("", str(text), count=1)


_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p(?:\s[^>]*)?>")
_BLOCK_TAG = re.compile(r"<(?:ul|ol|dl|div|pre|table|blockquote|h[1-6]|figure|hr)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def inline_html(html: str) -> Markup:
    """Rendered Markdown made fit to stand inside a sentence (a footnote's text): its
    paragraphs run on, one space between; what holds other blocks (a list, code) keeps
    only its words."""
    text = str(html).strip()
    if _BLOCK_TAG.search(text):
        return Markup(" ".join(_TAG.sub(" ", text).split()))
    text = _PARAGRAPH_BREAK.sub(" ", text)
    text = re.sub(r"^<p(?:\s[^>]*)?>|</p>$", "", text)
    return Markup(text.strip())


def fill_include_args(text: str, args: dict[str, str]) -> tuple[str, list[str]]:
    """opentelemetry.io's include: each ``{{ $key }}`` of the snippet becomes the call's
    argument ``key`` (positional ones are ``0``, ``1``, …), and a block from a line
    ``{{ if $key }}`` (or ``{{ if not $key }}``) to a line ``{{ end }}`` stays only when the
    argument is set (not set).  Set means not empty and not "false": Hugo's unquoted
    ``key=false`` is a false boolean, and the parser keeps no quotes to tell it from the
    string.  Returns the text and the keys of the ``{{ $key }}`` left as written, as Hugo
    leaves them, for want of an argument."""
    for key, value in args.items():
        if key.startswith("_"):
            continue
        value = str(value)
        name = re.escape(key)
        text = re.sub(r"\{\{\s*\$" + name + r"\s*\}\}", lambda _m, v=value: v, text)
        block = r"(?ms)^\{\{\s*if%s\s+\$" + name + r"\s*\}\}(.+?)^\{\{\s*end\s*\}\}"
        keep, drop = (block % "", block % " not") if value and value.lower() != "false" else (
            block % " not", block % "")
        text = re.sub(keep, r"\1", text)
        text = re.sub(drop, "", text)
    return text, sorted({m.group(1) for m in _INCLUDE_ARG.finditer(text)})


def _read_text(path: Path) -> str | None:
    """A file's UTF-8 text; None when it cannot be read as such."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


@dataclasses.dataclass
class UnknownUse:
    """Where a shortcode without a template is first used, and how often it is used."""

    path: object
    line: int
    column: int
    count: int
    inner: bool = False  # whether any use has content between its tags


class Stash:
    """Rendered HTML of ``{{< >}}`` shortcodes, addressed by placeholder tokens."""

    def __init__(self) -> None:
        self.items: list[str] = []
        # src and href values the shortcodes wrote → the shortcode's line, for messages
        self.output_lines: dict[str, int] = {}

    def put(self, html: str) -> str:
        self.items.append(html)
        return f"mgsc{len(self.items) - 1}x"

    def resolve(self, html: str) -> str:
        """Swap every token for its HTML; a token alone in a paragraph loses the <p>, as in Hugo."""
        for _ in range(64):  # nested shortcodes put tokens inside stashed HTML
            if "mgsc" not in html:
                break
            html = re.sub(r"<p>\s*(mgsc\d+x)\s*</p>", r"\1", html)
            html = TOKEN_RE.sub(lambda m: self.items[int(m.group(1))], html)
        return html


class SiteTemplateLoader(jinja2.FileSystemLoader):
    """The site's own templates, none that is a symbolic link out of its folder: a build
    reads nothing outside the site (Jinja's loader stops "../" in names, not links)."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(Path(folder).resolve()) for folder in self.searchpath):
            raise jinja2.TemplateSyntaxError(
                f'the file is a symbolic link to "{real}", outside the site; a build reads '
                "nothing outside the site: copy the template in instead", None, template,
                filename)
        return source, filename, uptodate


def go_text(value: object) -> object:
    """A value as Hugo's templates print it (``{{ . }}``, Go's ``%v``), for every ``{{ }}`` of
    a shortcode template: ``true`` (not Python's "True"), nothing for a missing value (not
    "None"), ``2`` for 2.0, a list as ``[a b]``, a table as ``map[k:v]`` (keys sorted, as Go
    prints them).  Text and what Jinja made (Markup, Undefined) pass unchanged."""
    if isinstance(value, (str, jinja2.Undefined)) or (
            isinstance(value, int) and not isinstance(value, bool)):
        return value
    try:
        return go_print(value)
    except TypeError:  # one of manualgen's objects (a page): Jinja prints it
        return value


class ShortcodeRenderer:
    """Renders the shortcodes of one page; holds the Jinja environment for the whole build."""

    def __init__(self, site_dirs: list[Path], findings: Findings, helpers: dict,
                 compiled: jinja2.BytecodeCache | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = [SiteTemplateLoader(str(d)) for d in site_dirs if d.is_dir()]
        loaders.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES / "shortcodes")))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            extensions=["jinja2.ext.do"],  # {% do parent.scratch... %}: Hugo's .Scratch
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.ChainableUndefined,
            keep_trailing_newline=False,
            bytecode_cache=compiled,
            finalize=go_text,
        )
        self.env.filters["go_text"] = go_text
        self.env.globals.update(helpers)
        self._loaders = loaders  # searched in order when a name matches only without case
        self.findings = findings
        self._cache: dict[str, jinja2.Template | None] = {}
        self.broken: dict[str, jinja2.TemplateSyntaxError] = {}  # templates that do not compile
        self.unknown: dict[str, UnknownUse] = {}  # shortcodes without a template, by name
        self._closing: dict[str, bool | None] = {}  # closing_rule's answers, by folded name
        self._closed: set[str] = set()  # shortcodes the language closes somewhere (folded)
        self._left_open: dict[str, list] = {}  # calls left open where the rule is unknown
        self._own: dict[str, tuple[list | None, str]] = {}  # site_hugo_template's, by folded name
        self._collapsing: set[str] = set()  # the site's templates that hide their content (folded)
        self._handing: set[str] = set()  # the site's tabs and steps that hand themselves to their container
        self.own_reached: dict[str, dict] = {"partials": {}, "data": {}}  # what they read, cached
        self._image_hook: list | None | bool = False  # the site's image render hook: not read yet

    def unknown_used(self, name: str, path, line: int, column: int, inner: bool = False) -> None:
        """Count one use of a shortcode that has no template (reported by :meth:`finish`)."""
        use = self.unknown.get(name)
        if use is None:
            self.unknown[name] = UnknownUse(path, line, column, 1, inner)
        else:
            use.count += 1
            use.inner = use.inner or inner

    def finish(self, lang: str) -> None:
        """Report what only all pages together tell: each unknown shortcode once, at its
        first use, with how often the language uses it (one site had 749 uses of a few)."""
        for name, use in self.unknown.items():
            times = "once" if use.count == 1 else f"{use.count} times"
            own = self.hugo_template(name)
            reason = self.site_hugo_template(name)[1]
            why = (f"the site's {own} is a Hugo template, which manualgen does not run"
                   f"{' (' + reason + ')' if reason else ''}; " if own else "")
            printed = ("its content is printed without it" if use.inner
                       else "nothing is printed in its place")
            self.findings.warning(
                "unknown-shortcode",
                f'unknown shortcode "{name}" (used {times} in this language, first here): '
                f"{why}{printed}; add a print template manualgen/shortcodes/{name}.html to the "
                "site to print it properly", use.path, use.line, use.column, lang=lang)
        self.unknown.clear()
        self._report_left_open(lang)

    def image_hook(self) -> tuple[list, str] | None:
        """The site's own image render hook (``layouts/_markup/render-image.html``, or below
        ``_default``) compiled, with its path from the site's root; None when the site has
        none, or it is not simple enough to run (images then print as Goldmark writes them)."""
        if self._image_hook is False:
            self._image_hook = None
            settings = self.env.globals.get("site")
            root = Path(settings.site_root) if settings is not None else None
            for folder in (list(settings.own_layout_dirs) or [root / "layouts"]) if root else []:
                for rel in ("_markup/render-image.html", "_default/_markup/render-image.html"):
                    found = Path(folder) / rel
                    source = _read_text(found) if found.is_file() else None
                    if source is None:
                        continue
                    from .go_template import IMAGE_HOOK_FIELDS, compile_template

                    try:
                        self._image_hook = (compile_template(source, fields=IMAGE_HOOK_FIELDS),
                                            found.relative_to(root).as_posix())
                    except NotSimple:
                        pass
                    return self._image_hook
        return self._image_hook

    def hugo_template(self, name: str) -> str | None:
        """The site's own Hugo template of shortcode ``name`` (layouts/shortcodes/, or
        layouts/_shortcodes/ since Hugo 0.146), as a path from the site's root; else, for a
        shortcode manualgen has no print template of, its themes' (the first theme's
        winning, as in Hugo); None when there is none.  A theme's shortcode that manualgen
        knows prints through manualgen's template, made for paper."""
        settings = self.env.globals.get("site")
        if settings is None:
            return None
        root = Path(settings.site_root)
        own = list(settings.own_layout_dirs) or [root / "layouts"]
        found = hugo_shortcode_file(own, name)
        if found is None and self.template(name) is None:
            found = hugo_shortcode_file([d for d in settings.layout_dirs if d not in own], name)
        return found.relative_to(root).as_posix() if found else None

    def site_hugo_template(self, name: str) -> tuple[list | None, str]:
        """The site's own Hugo template of shortcode ``name`` compiled when it is simple
        (go_template.py), or (None, why it is not run: "" when the site has none)."""
        folded = name.lower()
        if folded not in self._own:
            found = self.hugo_template(name)
            settings = self.env.globals.get("site")
            source = _read_text(Path(settings.site_root) / found) if found else None
            if source is None:
                self._own[folded] = (None, "")
            else:
                if hides_until_clicked(source):
                    self._collapsing.add(folded)
                if folded in _HANDED_TO and ".Parent" in source:
                    self._handing.add(folded)
                from .go_template import compile_template  # loaded by sites that have their own

                try:
                    self._own[folded] = (compile_template(shown_open(source)), "")
                except NotSimple as exc:
                    self._own[folded] = (None, f"it uses {exc}")
        return self._own[folded]

    def site_template_collapses(self, name: str) -> bool:
        """Whether the site's own template of ``name`` hides what it is given until the
        reader clicks (a ``display: none`` box holding an action, or a closed ``<details>``):
        a collapsible of the site's own.  Told when the template is read, once."""
        self.site_hugo_template(name)
        return name.lower() in self._collapsing

    def site_part_hands_itself(self, name: str) -> bool:
        """Whether the site's own template of a part (a tab, a step) hands itself to its
        container through ``.Parent`` (its ``.Scratch``), as manualgen's own part does."""
        self.site_hugo_template(name)
        return name.lower() in self._handing

    def note_not_run(self, name: str, why: str) -> None:
        """Say why the site's own template of ``name`` was not run for a call (what it
        reached at run time that manualgen cannot run); it is still tried for the others."""
        folded = name.lower()
        self._own[folded] = (self._own[folded][0], why)

    def is_builtin(self, template: jinja2.Template) -> bool:
        """Whether ``template`` is one of manualgen's own print templates (a theme's
        shortcode, not the site's)."""
        return Path(template.filename or "").resolve().is_relative_to(BUILTIN_TEMPLATES.resolve())

    def closing_rule(self, name: str) -> bool | None:
        """Whether shortcode ``name`` must be closed (True), must not be (False), or may be
        either (None).  Where the site or one of its theme folders has the shortcode's Hugo
        template, as Hugo decides it: a template that reads ``.Inner`` (or
        ``.InnerDeindent``) must be closed or self-closed, any other must not be closed;
        else manualgen's own list of known shortcodes."""
        folded = name.lower()
        if folded not in self._closing:
            settings = self.env.globals.get("site")
            dirs = list(getattr(settings, "layout_dirs", None) or [])
            variants = frozenset(getattr(settings, "languages", None) or ())
            found = hugo_shortcode_file(dirs, name, variants) if dirs else None
            source = _read_text(found) if found else None
            self._closing[folded] = needs_closing(name) if source is None else reads_inner(source)
        return self._closing[folded]

    def _note_closing(self, nodes: list, page) -> None:
        """Which shortcodes of the page are closed, and which are left open where the
        closing rule is not known (no Hugo template to read: a theme that is a Hugo
        module), for :meth:`_report_left_open`."""
        for node in iter_shortcodes(nodes):
            folded = node.name.lower()
            if node.children is not None:
                self._closed.add(folded)
            elif not node.self_closing and self.closing_rule(node.name) is None:
                self._left_open.setdefault(folded, []).append((node, page.path))

    def _report_left_open(self, lang: str) -> None:
        """A shortcode left open that the language closes elsewhere: in Hugo a template
        either reads ``.Inner``, and then every call must be closed or self-closed ("must
        be closed or self-closed"), or does not, and then no call may be closed; here the
        open one would print without its content, the content after it."""
        for folded, calls in self._left_open.items():
            if folded not in self._closed:
                continue
            for node, path in calls:
                mark, end = ("%", "%") if node.markdown else ("<", ">")
                self.findings.warning(
                    "unclosed-shortcode",
                    f'shortcode "{node.name}" has no closing tag here, but is closed elsewhere '
                    "in this language: its template takes content, and Hugo stops for a call "
                    "left open (\"must be closed or self-closed\"); close it "
                    f"({{{{{mark} /{node.name} {end}}}}}) or self-close it "
                    f"({{{{{mark} {node.name} /{end}}}}})", path, node.line, node.column, lang=lang)
        self._left_open.clear()
        self._closed.clear()

    def template(self, name: str) -> jinja2.Template | None:
        if name not in self._cache:
            try:
                self._cache[name] = self._load(name)
            except jinja2.TemplateNotFound:
                self._cache[name] = None
            except jinja2.TemplateSyntaxError as exc:  # reported where it is used
                self._cache[name] = None
                self.broken[name] = exc
        return self._cache[name]

    def _load(self, name: str) -> jinja2.Template:
        """The template of shortcode ``name``, found as Hugo finds it: whatever the letter case
        of the call (Hextra's own pages write ``{{% relRef "icon" %}}``; Hugo's shortcode
        lookup is case-insensitive, gohugoio/hugo#15057).  The exact file name first; else
        the first file, site folders before the built-ins, whose name differs only in case."""
        try:
            return self.env.get_template(name + ".html")
        except jinja2.TemplateNotFound:
            wanted = (name + ".html").lower()
            for loader in self._loaders:
                found = next((n for n in loader.list_templates() if n.lower() == wanted), None)
                if found is not None:
                    return self.env.get_template(found)
            raise

    def expand(
        self,
        source: str,
        *,
        page,
        lang: str,
        translator: Translator,
        markdownify: Callable[[str], str],
        stash: Stash,
        line_offset: int = 0,
    ) -> str:
        """Return the page text with every shortcode replaced (tokens for HTML output)."""
        crossed: list[ShortcodeSyntaxError] = []
        try:
            nodes = parse(source, line_offset=line_offset, needs_closing=self.closing_rule,
                          warnings=crossed)
        except ShortcodeSyntaxError as exc:
            message = str(getattr(exc, "message", exc))
            code = ("unclosed-shortcode" if "unclosed" in message or "without opening" in message
                    else "bad-shortcode")
            raise ContentError(message, page.path, exc.line, code=code) from None
        for problem in crossed:
            self.findings.warning(problem.code or "crossed-shortcode", problem.message, page.path,
                                  problem.line, problem.column, lang=lang)
        self._note_closing(nodes, page)
        context = _PageContext(self, page, lang, translator, markdownify, stash)
        return context.render_nodes(nodes, parent=None)


def template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line where an error was raised (innermost), or (None, None)."""
    where: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".html"):  # Jinja names its frames after the template file
            where = (name, tb.tb_lineno)
        tb = tb.tb_next
    return where


def _template_line(exc: BaseException) -> str:
    """" (at file:line)" of the innermost template frame of an error, or ""."""
    name, line = template_frame(exc)
    return f" (at {Path(name).name}:{line})" if name else ""


def _call_around(node: Shortcode, text: str) -> Shortcode | None:
    """The innermost shortcode below ``node`` (or ``node``) whose own text holds ``text``."""
    for child in node.children or []:
        if isinstance(child, Shortcode):
            found = _call_around(child, text)
            if found is not None:
                return found
        elif text in child.text:
            return node
    return None


def resource_meta(meta, name: str) -> dict:
    """What the ``resources`` of a page's front matter ``meta`` say of its bundle file
    ``name`` (Hugo's resource metadata: each entry whose ``src`` glob matches the file's path
    in the bundle gives its ``name``, ``title`` and ``params``, the first entry to set a key
    winning): {"title": …, "name": …, "params": {…}}, empty where nothing matches."""
    entries = next((value for key, value in meta.items() if str(key).lower() == "resources"),
                   None) if isinstance(meta, dict) else None
    found: dict = {"params": {}}
    if not (name and isinstance(entries, list)):
        return found
    for entry in entries:
        if not (isinstance(entry, dict) and isinstance(entry.get("src"), str)
                and glob_regex(entry["src"]).match(name)):
            continue
        for key in ("name", "title"):
            if key not in found and isinstance(entry.get(key), str):
                found[key] = entry[key]
        params = entry.get("params")
        for key, value in params.items() if isinstance(params, dict) else ():
            found["params"].setdefault(str(key).lower(), value)
    return found


def without_template_code(key: str, text: str, translator, findings: Findings, lang: str) -> str:
    """A translation's text without the Go template actions Hugo would run in it
    (``{{ if gt .Count 1 }}``): manualgen runs none but ``{{ .Count }}``, and leaves a
    field (``{{ .enabled }}``) to the template that asked; they printed as written.  A
    warning once per key, at its file and line."""
    code = [action for action in _ACTION.findall(text) if not _FIELD.fullmatch(action)]
    file = translator.first_template_use(key) if code else None
    if file is not None:
        findings.warning(
            "bad-i18n", f'the text of "{key}" holds Go template code ({code[0][:60]}) that '
            "manualgen does not run (Hugo does): it prints without it; write the text for "
            "each count under one, other, … instead", file, _line_naming(file, key), lang=lang)
    # a field ({{ .enabled }}) stays: the template that asked may fill it, as Hugo's
    # T "key" (dict "enabled" …) does
    return _ACTION.sub(lambda m: m.group() if _FIELD.fullmatch(m.group()) else "", text)


# The end of the text before a shortcode whose output Markdown or HTML reads as an address:
# a link's or image's destination "](", a link definition "[id]: ", an autolink "<", a
# quoted attribute value (href=", src='), an unquoted href= or src=.
_ADDRESS_BEFORE = re.compile(r"""(?:\]\(\s*<?|^\s*\[[^\]\n]+\]:[ \t]*<?|<|[\w:-]\s*=\s*["']"""
                             r"""|\b(?:href|src)\s*=\s*)\Z""", re.MULTILINE | re.IGNORECASE)


def in_address(before: str) -> bool:
    """Whether a shortcode written right after ``before`` stands where an address is read."""
    return bool(_ADDRESS_BEFORE.search(before[-300:]))


# Shortcodes manualgen prints as an open collapsible (templates/shortcodes: a titled, framed
# <details open>): a site's own template of the name that hides its content until clicked is
# the same kind of box, and prints as manualgen's, not as its web markup without the click.
_COLLAPSIBLES = frozenset({"expand", "details", "collapse", "spoiler", "accordionitem"})

# Shortcodes whose built-in print template hands its printed form to the container around
# it (Hugo's .Parent.Scratch), which prints only what its parts handed it: a tab to its tabs,
# tabpane or tabset, a codetab to its tabs, a step to its steps.
_HANDED_TO = {"tab": frozenset({"tabs", "tabpane", "tabset"}), "codetab": frozenset({"tabs"}),
              "step": frozenset({"steps"})}


def _inline_or_site_template(ctx: _PageContext, node: Shortcode, inner: str | None,
                             call: ShortcodeCall, template: jinja2.Template | None,
                             parent: ShortcodeCall | None = None, ordinal: int = 0) -> str | None:
    """What an inline shortcode, or one the site's own simple Hugo template defines, prints
    (None for any other): the site's definition wins over a theme's of the same name that
    manualgen has a template for, as in Hugo; but not for a part whose container prints
    through manualgen's own template (the site's tab was written for its theme's tabs,
    which manualgen's replace: its output would be lost in them)."""
    where = ctx.included_from[0] if ctx.included_from else node
    if node.name.lower().endswith(".inline"):
        return _inline_shortcode(ctx, node, inner, where)
    own = ctx.renderer.site_hugo_template(node.name)[0]
    if own is None or (template is not None and not ctx.renderer.is_builtin(template)):
        return None
    if template is not None and (_in_builtin_container(ctx, node.name, parent)
                                 or _holds_builtin_parts(ctx, node)
                                 or ctx.renderer.site_part_hands_itself(node.name)):
        return None
    if template is not None and node.name.lower() in _COLLAPSIBLES \
            and ctx.renderer.site_template_collapses(node.name):
        return None  # a collapsible of the site's own prints as manualgen's: framed, titled, open
    from .go_template import TemplateFailed, run_template  # compiled above: loaded already

    try:
        printed = run_template(own, _template_call(ctx, call, inner, where, ordinal, parent))
    except NotSimple as exc:  # a field of Hugo's page manualgen does not know, a theme's partial
        ctx.renderer.note_not_run(node.name, f"it uses {exc}")
        return None
    except TemplateFailed as failed:  # as Hugo's build stops: at the shortcode, naming the template's line
        ctx.renderer.findings.error(
            "shortcode-template", f'shortcode "{node.name}" failed in its template '
            f"{ctx.renderer.hugo_template(node.name)}:{failed.line}:{failed.column}: {failed}",
            ctx.page.path, where.line, where.column, lang=ctx.lang)
        return ""
    printed = _TEMPLATE_STYLE.sub("", printed)  # the web widget's own look, not the paper's
    kept = _REFUSED_ATTRIBUTE.sub("", _REFUSED_PICTURE.sub("", printed))
    if kept != printed:
        ctx.renderer.findings.warning(
            "broken-link", f'shortcode "{node.name}" was given an address that Hugo\'s template '
            f"escaping refuses (its scheme is not http, https or mailto): on the web it points "
            f'to "{REFUSED_ADDRESS}", nowhere; the PDF leaves the address out (a link prints '
            "its words alone)", ctx.page.path, where.line, where.column, lang=ctx.lang)
    return kept


# A style sheet a site's shortcode template writes for its widget (a code box's colours and
# copy button): the manual's styles print the widget, and the sheet would style every page.
_TEMPLATE_STYLE = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.DOTALL | re.IGNORECASE)
# A picture, or else an attribute, whose address Go's escaping refused, in either quotes:
# left out of the print (on the web the picture is broken, the link goes nowhere).
_REFUSED_PICTURE = re.compile(r"""<img\b[^<>]*?\ssrc\s*=\s*(["'])""" + re.escape(REFUSED_ADDRESS)
                              + r"""\1[^<>]*>""", re.IGNORECASE)
_REFUSED_ATTRIBUTE = re.compile(r"""\s+[^\s=<>"'/]+\s*=\s*(["'])""" + re.escape(REFUSED_ADDRESS)
                                + r"\1")


def _template_call(ctx: _PageContext, call: ShortcodeCall, inner: str | None,
                   where: Shortcode, ordinal: int = 0,
                   parent: ShortcodeCall | None = None) -> TemplateCall:
    """What a site's own simple template reads of the shortcode's call and its page."""
    from .go_run import page_file_fields
    from .go_template import Call as TemplateCall
    from .own_templates import partial_nodes, project_file, template_file

    settings = ctx.renderer.env.globals.get("site")
    meta = getattr(ctx.page, "meta", None) or {}
    value = ctx.renderer.env.globals.get("param_value") or (lambda *_args, **_kw: None)

    def helper(name: str):
        found = ctx.renderer.env.globals.get(name)
        if found is None:
            raise NotSimple(f"the site's pages (no {name} in this build)")
        return found
    return TemplateCall(
        get=call.typed, inner=inner or "", markdownify=lambda text: ctx.markdownify(text),
        named=bool(call.params),
        page_title=str(getattr(ctx.page, "title", "") or ""),
        site_title=str(getattr(settings, "title", "") or ""),
        param=lambda name: value(name, {}),
        page_params=lambda name: value(name, meta, site=False),
        page_param=lambda name: value(name, meta),
        params_of=lambda other, name, site: value(name, getattr(other, "meta", None) or {}, site=site),
        render_content=lambda other, text: _content_of(ctx, text),
        summary_length=getattr(settings, "summary_length", 70),
        environment=str(getattr(settings, "environment", "production")),
        cjk_words=getattr(settings, "has_cjk_language", False),
        show=lambda raw: str(go_text(raw)),
        translate=lambda key, count=None: ctx.translate(key, count),
        params=({key: call.typed(key) for key in call.params} if call.params
                else [call.typed(i) for i in range(len(call.positional))]),
        data=lambda path: _site_data(ctx, path),
        language=lambda code: _language_fields(settings, code),
        template_exists=lambda name: template_file(list(settings.layout_dirs), name) is not None,
        project_file=lambda name: project_file(Path(settings.site_root), name),
        data_names=lambda path: _site_data_names(ctx, path),
        partial=lambda name: partial_nodes(
            list(settings.own_layout_dirs) or [Path(settings.site_root) / "layouts"],
            list(getattr(settings, "layout_dirs", None) or []), name,
            ctx.renderer.own_reached["partials"]),
        name=call.name, ordinal=ordinal, position=f'"{ctx.page.path}:{where.line}:{where.column}"',
        page_file=page_file_fields(ctx.page), lang=ctx.lang, page_date=getattr(ctx.page, "date", None),
        page_rel=getattr(ctx.page, "rel", None) if isinstance(getattr(ctx.page, "path", None), Path) else None,
        now=_manual_date(),
        base_url=str(getattr(settings, "base_url", "") or "").rstrip("/") + "/",
        get_page=lambda path: helper("get_page")(path, ctx.page, as_hugo=True),
        pages=lambda page: helper("pages_of")(page or ctx.page),
        site_pages=lambda what: helper("site_pages")(ctx.page, what=what),
        ref=lambda path: helper("ref_url")(path, ctx.page),
        language_prefix="" if ctx.lang == settings.default_language and not settings.default_in_subdir
        else f"/{ctx.lang}",
        asset=lambda name: _asset_file(settings, name),
        page_resource=lambda name: _bundle_file(ctx.page, name),
        page_resource_names=lambda: _bundle_names(ctx.page),
        page_url=str(getattr(ctx.page, "url", "") or ""),
        page_permalink=permalink(settings.base_url, str(getattr(ctx.page, "url", "") or "")),
        page=ctx.page if isinstance(getattr(ctx.page, "path", None), Path) else None,
        title_case=lambda text: title_cased(text, settings),
        parent=_template_call(ctx, parent, None, where) if parent is not None else None,
        scratch=call.scratch.setdefault("go-template", {}),
        page_store=_page_store(ctx),
        highlight=lambda code, lang, options: str(code_block(
            code, lang, options, defaults=highlight_defaults(getattr(settings, "highlight", None)))),
        theme_shortcode=lambda name, values: ctx.theme_shortcode(name, values, where),
        warn=lambda message: ctx.renderer.findings.warning(
            "shortcode-template", f'shortcode "{call.name}" warns (its template\'s warnf): {message}',
            ctx.page.path, where.line, where.column, lang=ctx.lang),
        ignored_logs=getattr(settings, "ignore_logs", frozenset()))


def _page_store(ctx: _PageContext) -> object:
    """The page's .Store for the site's Go templates: one for all the page's shortcodes, as
    Hugo keeps it (a figure counter goes on from one call to the next)."""
    from .go_run import new_page_store

    if "go-template" not in ctx.page_scratch:
        ctx.page_scratch["go-template"] = new_page_store()
    return ctx.page_scratch["go-template"]


def _manual_date() -> dt.datetime:
    """The manual's date, which a build sets as SOURCE_DATE_EPOCH while it runs (see
    ``build._source_date``): a template's ``now``, the same on every build of the same site."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch) if epoch.isascii() and epoch.isdigit()
                                     and len(epoch) <= 12 else 0, dt.UTC)


def _asset_file(settings, name: str) -> Path | None:
    """The file of the site's assets folders (mounts included) that ``resources.Get``
    names, the first folder first; None when none has it inside it."""
    for folder in settings.assets_dirs:
        candidate = Path(folder) / name
        if candidate.is_file() and resolves_inside(candidate, Path(folder).resolve()):
            return candidate
    return None


@dataclasses.dataclass(frozen=True)
class _HookPlace:
    """Where a render hook's findings are reported: the page's first line of text."""

    line: int
    column: int = 1


def hooked_image(renderer: ShortcodeRenderer, page, lang: str, translator: Translator,
                 markdownify: Callable[[str], str], fields: dict) -> str | None:
    """What the site's own image render hook prints for one image of ``page`` (its
    Destination, Text, Title, IsBlock, … in ``fields``), or None to print the image as
    Goldmark writes it: no hook, or one that uses what manualgen does not run."""
    hook = renderer.image_hook()
    if hook is None:
        return None
    from .go_run import run_image_hook
    from .go_template import TemplateFailed

    nodes, path = hook
    ctx = _PageContext(renderer, page, lang, translator, markdownify, Stash())
    place = _HookPlace(getattr(page, "body_line", 1) or 1)
    call = _template_call(ctx, ShortcodeCall("render-image", {}, [], False), None, place,
                          fields.get("Ordinal", 0))
    try:
        return run_image_hook(nodes, call, fields)
    except NotSimple:
        return None
    except TemplateFailed as failed:  # Hugo's build stops there
        renderer.findings.error("shortcode-template", f'the image render hook {path} failed at '
                                f'{failed.line}:{failed.column} for "{fields.get("Destination")}": '
                                f"{failed}", page.path, page.find_line(str(fields.get("Destination")))
                                if hasattr(page, "find_line") else None, lang=lang)
        return ""


def _bundle_file(page, name: str) -> Path | None:
    """The file ``name`` of the page's bundle (``.Page.Resources.Get``), None for a page
    that is no bundle or has no such file."""
    path = getattr(page, "path", None)
    if not isinstance(path, Path) or path.stem.split(".")[0] not in ("index", "_index") or not name:
        return None
    candidate = path.parent / name
    if candidate.is_file() and resolves_inside(candidate, path.parent.resolve()):
        return candidate
    return None


_CONTENT_SUFFIXES = (".md", ".markdown", ".mdown", ".html", ".htm", ".org", ".adoc", ".pdc", ".rst")


def _bundle_names(page) -> list[str]:
    """The names of the files of the page's bundle (its folder and the folders below it,
    relative to it, the bundle's own index files left out), in name order; [] for a page
    that is no bundle."""
    path = getattr(page, "path", None)
    if not isinstance(path, Path) or path.stem.split(".")[0] not in ("index", "_index"):
        return []
    folder = path.parent
    try:
        files = [f for f in folder.rglob("*") if f.is_file() and not (
            f.stem.split(".")[0] in ("index", "_index") and f.suffix.lower() in _CONTENT_SUFFIXES)]
    except OSError:
        return []
    return sorted(f.relative_to(folder).as_posix() for f in files)


def _bundle_matches(page, pattern: str) -> list[str]:
    """Hugo's ``.Resources.Match PATTERN``: the names of every file of the page's bundle the
    glob matches (``*`` within a folder, ``**`` across), without regard to case, in name
    order; [] for a page that is no bundle."""
    wanted = glob_regex(str(pattern).strip().lstrip("/"))
    return [name for name in _bundle_names(page) if wanted.match(name)]


def _content_of(ctx: _PageContext, text: str) -> str | None:
    """Another page's Markdown as its .Content, for a site's own template; None for one
    with shortcodes (they would be rendered as this page's, not as that one's)."""
    if "{{<" in text or "{{%" in text:
        return None
    html = ctx.markdownify(text, block=True)
    return html + "\n" if html else html  # Goldmark ends its last block with a line end


def _language_fields(settings, code: str) -> dict | None:
    """Hugo's fields of the Language ``code`` as the site's config sets them: the name,
    code and direction as written (empty when not: Hugo guesses none of them), its weight."""
    language = settings.languages.get(code)
    if language is None:
        return None
    written = language.written
    return {"Lang": code, "LanguageName": written.get("label", ""), "Label": written.get("label", ""),
            "LanguageCode": written.get("locale") or code, "Locale": written.get("locale") or code,
            "LanguageDirection": written.get("direction", ""), "Direction": written.get("direction", ""),
            "Weight": language.weight}


def _site_data(ctx: _PageContext, path: tuple[str, ...]) -> object:
    """``.Site.Data`` at ``path`` for a site's own template, each file read once a build."""
    from .own_templates import data_at

    cache = ctx.renderer.own_reached["data"]
    if path not in cache:
        cache[path] = data_at(_data_roots(ctx), path, lambda problems: [
            ctx.renderer.findings.add(dataclasses.replace(p, lang=ctx.lang)) for p in problems])
    return cache[path]


def _data_roots(ctx: _PageContext) -> list[Path]:
    """The folders whose data/ make ``.Site.Data``: the site's, then its themes'."""
    settings = ctx.renderer.env.globals.get("site")
    own = {Path(d) for d in getattr(settings, "own_layout_dirs", None) or []}
    themes = [Path(d).parent for d in getattr(settings, "layout_dirs", None) or [] if Path(d) not in own]
    return [Path(settings.site_root)] + themes


def _site_data_names(ctx: _PageContext, path: tuple[str, ...]) -> list[str]:
    """The entries of the folder of ``.Site.Data`` at ``path`` (a range over a folder)."""
    from .own_templates import data_names

    return data_names(_data_roots(ctx), path)


def _holds_builtin_parts(ctx: _PageContext, node: Shortcode) -> bool:
    """Whether the container ``node`` (tabs, steps) holds parts that print through
    manualgen's own template (a Dapr ``codetab`` of a theme, or a site's own tab that hands
    itself to its container through ``.Parent``, as manualgen's does): they hand their
    printed form, titles and all, to manualgen's container, which the site's own template
    could not read (on paper each tab prints under its title, as the web shows it on a
    click, not the web's buttons above panels that have lost their names)."""
    folded = node.name.lower()
    for child in node.children or []:
        if not isinstance(child, Shortcode) or folded not in _HANDED_TO.get(child.name.lower(), ()):
            continue
        if ctx.renderer.site_hugo_template(child.name)[0] is None \
                or ctx.renderer.site_part_hands_itself(child.name):
            return True
    return False


def _in_builtin_container(ctx: _PageContext, name: str, parent: ShortcodeCall | None) -> bool:
    """Whether shortcode ``name`` is a part (a tab, a step) inside a container that prints
    through manualgen's own template, which prints only the parts handed to it."""
    if parent is None or parent.name.lower() not in _HANDED_TO.get(name.lower(), ()):
        return False
    if ctx.renderer.site_hugo_template(parent.name)[0] is not None:
        return False  # the site's own container runs: its own part goes with it
    container = ctx.renderer.template(parent.name)
    return container is not None and ctx.renderer.is_builtin(container)


# A declaration that hides an element until the reader clicks (an expand's content box,
# style="display: none" that the page's script toggles), in a style attribute.
_HIDDEN_UNTIL_CLICKED = re.compile(r"""(\bstyle\s*=\s*(["'])(?:(?!\2).)*?)\bdisplay\s*:\s*none\s*(?:!\s*important\s*)?;?""",
                                   re.IGNORECASE | re.DOTALL)


# The hidden attribute of an element's opening tag (`<div class="panel" hidden>`, a tab's
# panel shown by the page's script), bare or with a value, written as it is or by an action
# (`{{ if ne $i 0 }}hidden{{ end }}`).
_HIDDEN_ATTRIBUTE = re.compile(r"""(?<=[\s}])hidden(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>{]+))?(?=[\s>/{])""",
                               re.IGNORECASE)


def hides_until_clicked(source: str) -> bool:
    """Whether a site's template hides the content it is given until the reader clicks."""
    return any(_holds_an_action(source, m.start()) for m in _HIDDEN_UNTIL_CLICKED.finditer(source)) \
        or bool(re.search(r"<details(?![^>]*\bopen\b)[^>]*>", source, re.IGNORECASE))


def _in_opening_tag(source: str, at: int) -> bool:
    """Whether ``at`` lies inside an element's opening tag (after ``<name``, before ``>``)."""
    opening, closing = source.rfind("<", 0, at), source.rfind(">", 0, at)
    return opening > closing and re.match(r"<[A-Za-z]", source[opening:]) is not None


def shown_open(source: str) -> str:
    """A site's own shortcode template without the ``display: none`` of its style
    attributes and the ``hidden`` attribute of its elements: what the web shows after a
    click (an expand's content, a tab's panel) prints, as every expand prints open.  Only the template's own markup: a page's HTML stays as written.
    An element whose content is only the template's own words (Flink's "Copied to
    clipboard!" under its code) is the theme's feedback, not the page's text: it stays
    hidden, as the web shows it until a script needs it."""
    styled = _HIDDEN_UNTIL_CLICKED.sub(
        lambda m: m.group(1) if _holds_an_action(source, m.start()) else m.group(0), source)
    return _HIDDEN_ATTRIBUTE.sub(
        lambda m: "" if _in_opening_tag(styled, m.start()) and _holds_content(styled, m.start())
        else m.group(0), styled)


# An action that prints the page's own words: the shortcode's content, or a part's content
# handed over (`{{ .content }}` in a range over what the parts left)
_CONTENT_ACTION = re.compile(r"\{\{[^}]*\.(?:Inner|InnerDeindent|Content|content)\b")


def _holds_content(source: str, at: int) -> bool:
    """Whether the element whose opening tag holds ``at`` holds the page's content between
    its tags (a tab's panel), not a parameter or the template's words (a tooltip, a
    lightbox's second picture, a "Copied!" message: hidden on the web until a click, and
    printed nowhere)."""
    inside = _element_text(source, at)
    return inside is not None and bool(_CONTENT_ACTION.search(inside))


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_TEMPLATE_COMMENT = re.compile(r"\{\{-?\s*/\*.*?\*/\s*-?\}\}", re.DOTALL)
# A translation of the template's own words ({{ T "copied" }}): the theme's text, not the page's.
_OWN_WORDS = re.compile(r"""\{\{-?\s*(?:T|i18n|lang\.Translate)\s+(?:"[^"]*"|`[^`]*`)\s*-?\}\}""")


def _holds_an_action(source: str, at: int) -> bool:
    """Whether the element whose style attribute starts at ``at`` holds a template action
    (``{{ .Inner }}``, ``{{ .Get 0 }}``) between its tags; an element that cannot be told
    (no name, a void element, its tag left open) is taken to hold one."""
    inside = _element_text(source, at)
    return inside is None or "{{" in _OWN_WORDS.sub("", _TEMPLATE_COMMENT.sub("", inside))


def _element_text(source: str, at: int) -> str | None:
    """What stands between the tags of the element whose opening tag holds ``at``; None
    when that cannot be told (no name, a void element, its tag left open)."""
    opening = source.rfind("<", 0, at)
    named = re.match(r"<([A-Za-z][\w-]*)", source[opening:]) if opening >= 0 else None
    end = source.find(">", at)
    if named is None or end < 0 or named.group(1).lower() in _VOID:
        return None
    depth = 1
    for tag in re.compile(rf"<(/?){re.escape(named.group(1))}\b", re.IGNORECASE).finditer(source, end + 1):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return source[end + 1:tag.start()]
    return None


_UNSEEN_BLOCKS = re.compile(r"<(style|script)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)


def _inline_shortcode(ctx: _PageContext, node: Shortcode, inner: str | None, where: Shortcode) -> str:
    """An inline shortcode (``{{< name.inline >}}…{{< /name.inline >}}``, with Hugo's
    ``enableInlineShortcodes``) is a Go template written in the page, which manualgen does
    not run: nothing is printed in its place (its template code would print as written), and
    its definition is reported; a later use without content is not.  Nor is one a reader
    never sees: without ``enableInlineShortcodes`` Hugo prints nothing for it either, and
    one that holds only a style sheet or a script shows nothing on the web page."""
    settings = ctx.renderer.env.globals.get("site")
    if not getattr(settings, "enable_inline_shortcodes", False):
        return ""
    if inner is not None and _UNSEEN_BLOCKS.sub("", inner).strip():
        ctx.renderer.findings.warning(
            "inline-shortcode", f'inline shortcode "{node.name}" is a Go template written '
            "in the page, which manualgen does not run: nothing is printed in its place; "
            "write what it shows in the page, or give it a print template "
            f"manualgen/shortcodes/{node.name}.html", ctx.page.path, where.line,
            where.column, lang=ctx.lang)
    return ""


def content_text(settings, lang: str, rel: str) -> str | None:
    """The text of the file at ``rel`` below Hugo's content/ for language ``lang``, in the
    first of its mounts that has it (a mount's target subpath and file filters count);
    None when none has it, it lies outside the site, or it is no UTF-8 text."""
    rel = posixpath.normpath(rel.replace("\\", "/")).lstrip("/")
    if not settings or rel in ("", ".") or rel == ".." or rel.startswith("../"):
        return None
    root = Path(settings.site_root).resolve()
    filters = settings.languages[lang].file_filters
    for folder, target in content_roots(settings, lang):
        target = target.strip("/")
        if Path(folder).is_file():  # a mount of one file, at its target
            if rel == target and Path(folder).resolve().is_relative_to(root):
                return _read_text(Path(folder))
            continue
        if target and not rel.startswith(target + "/"):
            continue
        rest = rel[len(target) + 1:] if target else rel
        mounted = filters.get((folder, target))
        if mounted is not None and not mounted.admits(rest):
            continue
        try:
            candidate = (Path(folder) / rest).resolve()
        except (OSError, ValueError):  # a NUL byte, a loop of links
            return None
        if (candidate.is_relative_to(Path(folder).resolve()) and candidate.is_relative_to(root)
                and candidate.is_file()):
            return _read_text(candidate)
    return None


def _template_helpers() -> dict[str, Callable]:
    """The functions every print template may call that need nothing of the page."""
    return {
        "plainify": lambda text: plainified(str(text or "")),  # Hugo's plainify
        "fill_include_args": fill_include_args,
        "without_front_matter": without_front_matter,
        "inline_html": inline_html,
        "replace_re": replace_re,  # Hugo's replaceRE
        "fenced_blocks": fenced_blocks,  # Grafana's code: one tab per language
        "list_items": list_items,  # Hugo Book's columns: one column per list item
        "inline_data": inline_data,  # FixIt's timeline: events written as YAML or JSON
        "sort_by": sort_by,
        "page_fields": page_fields,  # the front matter of a file a template read
        "notebook": notebook,  # Hextra's jupyter
    }


class _PageContext:
    """Renders the shortcodes of one page.

    Hugo renders a shortcode's nested shortcodes first and hands the result to its template
    as ``.Inner`` text: a template that runs ``markdownify`` over it (``markdown``, ``alert``)
    therefore sees the nested shortcodes' HTML, and Goldmark's rules for raw HTML apply to
    it.  manualgen does the same, so a nested shortcode renders as it does on the web, for
    better or worse.  Only the shortcodes at the top of the page go through placeholders,
    which Hugo also uses there.  As in Hugo, a template also sees the call around it
    (``parent``, its ``.Parent``), its place among its siblings (``ordinal``) and its own
    ``scratch``, which the shortcodes inside it may fill (Docsy's tabs and their tabpane).
    """

    def __init__(self, renderer, page, lang, translator, markdownify, stash):
        self.renderer = renderer
        self.page = page
        self.lang = lang
        self.translator = translator
        self.markdownify = markdownify
        self.stash = stash
        # the include calls whose pages are being rendered (Geekdoc's include type=page): a
        # finding inside an included page is the outermost include's, at its line in the page
        self.included_from: list[Shortcode] = []
        # Hugo's .Page.Scratch: what one shortcode of the page leaves for the later ones
        # (istio.io's gloss: which terms have printed their definition)
        self.page_scratch: dict = {}

    def render_nodes(self, nodes: list, parent: ShortcodeCall | None) -> str:
        """The text of ``nodes`` with each shortcode rendered; ``parent`` is the call around
        them (None at the top of the page).  Each shortcode learns its ``.Ordinal``: its
        place among the shortcodes beside it, from 0, as in Hugo."""
        out = []
        ordinal = 0
        before = ""  # the text just before the shortcode: is its output an address?
        for node in nodes:
            if isinstance(node, Text):
                out.append(node.text)
                before = node.text
                continue
            out.append(self.render_node(node, parent, ordinal, in_address(before)))
            ordinal += 1
            before = ""
        return "".join(out)

    def render_node(self, node: Shortcode, parent: ShortcodeCall | None, ordinal: int,
                    address: bool = False) -> str:
        call = ShortcodeCall(node.name, dict(node.params), list(node.positional), node.markdown,
                             bare=node.bare)
        inner = None
        if node.children is not None:
            inner = self.render_nodes(node.children, parent=call)
        html = self.render_shortcode(node, inner, call, parent, ordinal, address)
        if node.markdown or parent is not None:
            # {{% %}} output is Markdown, part of the page's text; nested output is .Inner text.
            return html
        self.warn_markdown_left(node, html)  # printed as it is from here: what shows, shows
        return self.stash.put(html)

    def warn_markdown_left(self, node: Shortcode, html: str) -> None:
        """Warn when the final output of a top-level ``{{< >}}`` call still shows Markdown
        that the writer wrote inside it (asterisks, a link's brackets): its template printed
        the text as written, as Hugo does.  Reported at the innermost call around the text."""
        reported = set()
        for what, text in markdown_left(html):
            call = _call_around(node, text)
            if call is None or id(call) in reported:  # the template's own text, a parameter's
                continue
            reported.add(id(call))
            shown = text if len(text) <= 60 else text[:59] + "…"
            self.renderer.findings.warning(
                "markdown-as-text",
                f'"{shown}" ({MARKDOWN_KINDS[what]}) prints as written: shortcode "{call.name}" '
                "prints its text without reading it as Markdown, as Hugo does on the web; wrap "
                "the text in {{< markdown >}}…{{< /markdown >}} inside the shortcode",
                self.page.path, call.line, call.column, lang=self.lang)

    def bundle_file(self, pattern: str) -> str:
        """Hugo's ``.Resources.GetMatch "**pattern*"`` (Docsy's imgproc): the first file of the
        page's bundle, in name order, whose name contains ``pattern``; "" when none does."""
        path = Path(getattr(self.page, "path", ""))
        if not (pattern and path.name.split(".")[0] in ("index", "_index")):
            return ""
        for candidate in sorted(path.parent.rglob("*")):
            name = candidate.relative_to(path.parent).as_posix()
            if not self.printable_name(candidate):
                continue
            if (candidate.is_file() and candidate.suffix.lower() != ".md"
                    and fnmatch.fnmatchcase(name.lower(), f"*{pattern.lower()}*")):
                return name
        return ""

    def printable_name(self, path: Path) -> bool:
        """Whether a file's name is UTF-8 text; one that is not is left out with a warning,
        since no page or PDF can print it."""
        if utf8_name(path):
            return True
        self.renderer.findings.warning(
            "bad-file-name", "the file's name is not UTF-8 text, so it cannot be printed: it "
            "is left out; rename it", readable_path(path), lang=self.lang)
        return False

    def bundle_listing(self, folder: str = "", pattern: str = "",
                       recursive: bool = False) -> list[dict] | None:
        """The files of a folder beside the page (Relearn's attachments and resources): name
        (relative to the folder), size in bytes and address (relative to the page), in name
        order; content files left out.  ``pattern`` is a regular expression searched in each
        name, as Hugo's findRE.  None for a pattern that is no regular expression; [] for a
        folder that is not there or lies outside the language's content."""
        try:
            wanted = re.compile(pattern or "")
        except re.error:
            return None
        page_path = getattr(self.page, "path", None)
        settings = self.renderer.env.globals.get("site")
        if not (page_path and settings):
            return []
        base = Path(page_path).parent.resolve()
        where = (base / folder).resolve()
        contents = [Path(d).resolve() for d in settings.languages[self.lang].content_dirs]
        if not (where.is_dir() and any(where.is_relative_to(d) for d in contents)):
            return []
        listing = []
        try:  # a folder or file that cannot be read is left out, as Hugo's readDir fails
            found = where.rglob("*") if recursive else where.iterdir()
            files = sorted(f for f in found if f.is_file() and f.suffix.lower() not in (".md", ".html")
                           and any(f.resolve().is_relative_to(d) for d in contents))  # no link out
            for f in files:
                name = f.relative_to(where).as_posix()
                if self.printable_name(f) and wanted.search(name):
                    listing.append({"name": name, "size": f.stat().st_size,
                                    "href": f.relative_to(base).as_posix()})
        except OSError:
            return listing
        return listing

    def read_file(self, name: str) -> str | None:
        """Docsy's readfile: a file of the language's content, relative to the page's folder
        (or, with a leading "/", to the content folder), found through the language's mounts
        as Hugo finds it; None when there is no such file.  Nothing outside the content is
        read, so the build cache sees every file it uses."""
        rel = getattr(self.page, "rel", None)
        if not name or rel is None:
            return None
        wanted = name.lstrip("/") if name.startswith("/") else posixpath.join(posixpath.dirname(rel), name)
        return self.content_text(wanted)

    def content_text(self, rel: str) -> str | None:
        """:func:`content_text` in the page's language."""
        return content_text(self.renderer.env.globals.get("site"), self.lang, rel)

    def find_include(self, name: str) -> str | None:
        """opentelemetry.io's include: the snippet ``name`` in the ``_includes`` folder
        beside the page, else in that of the section above, up to the home's (Hugo's
        GetPage from the page, then from each parent); None for a name that starts with
        "/" or "." (those it takes as written) or when no folder has it."""
        rel = getattr(self.page, "rel", None)
        if not name or rel is None or name.startswith(("/", ".")):
            return None
        folder = posixpath.dirname(rel)
        while True:
            text = self.content_text(posixpath.join(folder, "_includes", name))
            if text is not None or not folder:
                return text
            folder = posixpath.dirname(folder)

    def site_file(self, name: str, pages: bool = False) -> tuple[str | None, str]:
        """Geekdoc's include: (the text, "") of a file of the site, by its path from the site's
        root (Hugo's readFile; ``pages``: from the language's content folder, as GetPage
        finds an include page), or (None, why not).  Only the folders a build records for
        its cache are read (content, static, assets, data, i18n, the config), never a
        file outside the site, whatever "../" or a link says."""
        settings = self.renderer.env.globals.get("site")
        if not (name and settings):
            return None, "no file is named"
        language = settings.languages[self.lang]
        root = Path(settings.site_root).resolve()
        bases = list(language.content_dirs) if pages else [root]
        allowed = [Path(d).resolve() for d in (
            list(language.content_dirs) + settings.static_dirs + settings.assets_dirs
            + settings.i18n_dirs + [root / "data"] + list(settings.config_files))]
        for base in bases:
            try:
                candidate = (Path(base) / name.lstrip("/")).resolve()
            except (OSError, ValueError):  # a NUL byte, a loop of links
                return None, "it cannot be a file name"
            if not candidate.is_relative_to(root):
                return None, "it is outside the site"
            if not candidate.is_file():
                continue
            if not any(candidate == d or candidate.is_relative_to(d) for d in allowed):
                return None, ("manualgen reads included files only from the content, static, "
                              "assets, data and i18n folders and the config")
            try:
                return candidate.read_text(encoding="utf-8"), ""
            except (OSError, UnicodeDecodeError) as exc:
                return None, f"it cannot be read as UTF-8 text ({type(exc).__name__})"
        return None, "there is no such file"

    def shared_file(self, folder: str, name: str) -> tuple[str | None, str]:
        """(the text, "") of ``<folder>/<name>`` in the language's content, else in the
        default language's, or (None, why not): the Kubernetes website keeps its code
        samples (``examples``) and feature gates in English for every language.  Only the
        folders of :data:`SHARED_FOLDERS` are read, which the build cache watches."""
        settings = self.renderer.env.globals.get("site")
        if not (name and settings) or folder not in SHARED_FOLDERS:
            return None, "no file is named"
        default = settings.languages.get(settings.default_language)
        contents = list(settings.languages[self.lang].content_dirs)
        contents += list(default.content_dirs) if default else []
        for content in contents:
            base = (Path(content) / folder).resolve()
            try:
                candidate = (base / name.lstrip("/")).resolve()
            except (OSError, ValueError):  # a NUL byte, a loop of links
                return None, "it cannot be a file name"
            if candidate.is_relative_to(base) and candidate.is_file():
                try:
                    return candidate.read_text(encoding="utf-8"), ""
                except (OSError, UnicodeDecodeError) as exc:
                    return None, f"it cannot be read as UTF-8 text ({type(exc).__name__})"
        return None, f"there is no such file in {folder}/ of this language or the default one"

    def data_file(self, folder: str, name: str) -> dict | list | None:
        """Hugo's ``site.Data``: the table or list in data/<folder>/<name>.(yaml|yml|toml|json), a
        dotted name going down folders (Geekdoc's propertylist); None when there is none.
        A file that does not parse is a finding at its line."""
        settings = self.renderer.env.globals.get("site")
        parts = [p for p in str(name or "").split(".") if p]
        if not (settings and parts) or any(p in ("..", "") or "/" in p or "\\" in p for p in parts):
            return None
        base = Path(settings.site_root) / "data" / folder
        for suffix in (".yaml", ".yml", ".toml", ".json"):
            path = base.joinpath(*parts).with_name(parts[-1] + suffix)
            if path.is_file():
                problems: list = []
                data = load_site_data(path, problems)
                for problem in problems:
                    self.renderer.findings.add(dataclasses.replace(problem, lang=self.lang))
                return data if not problems else None
        return None

    def render_included(self, text: str, call: ShortcodeCall, node: Shortcode) -> str | None:
        """The shortcodes of an included page rendered (Geekdoc's include type=page); None
        when they cannot be parsed or the pages include each other too deeply."""
        if len(self.included_from) >= MAX_INCLUDE_DEPTH:
            return None
        try:
            nodes = parse(str(text), needs_closing=self.renderer.closing_rule)
        except ShortcodeSyntaxError:  # broken, or nested too deep
            return None
        self.included_from.append(node)
        try:
            return self.render_nodes(nodes, parent=call)
        finally:
            self.included_from.pop()

    def translate(self, key: str, count=None, node: Shortcode | None = None) -> str:
        """Hugo's ``T "key" count``: the "one" or "other" form, ``{{ .Count }}`` filled in."""
        text = self.translator.translate(key, count)
        missing = self.translator.missing_here(key) if node is not None else None
        if missing is not None:  # Hugo prints nothing too; another language's file shows it is wanted
            file, elsewhere = missing
            root = getattr(self.renderer.env.globals.get("site"), "site_root", None)
            self.renderer.findings.warning(
                "missing-i18n", f'the key "{key}" has no text here, though {show(elsewhere, root)} '
                f'has one: shortcode "{node.name}" prints nothing (or its own default) in its '
                f"place, first at {show(self.page.path, root)}:{node.line}", file,
                _line_naming(file, key), lang=self.lang)
        if isinstance(count, CountText) and "{{" in text:
            # a float's or a text's .Count: Hugo's template fails, go-i18n tries the "other"
            # form, and T prints nothing when that reads it too
            other = self.translator.translate(key)
            return "" if "{{" in other else other
        if count is not None and "{{" in text:
            text = _COUNT.sub(go_print(count), text)
        if "{{" in text:
            text = without_template_code(key, text, self.translator, self.renderer.findings, self.lang)
        return text

    def _without_template(self, node: Shortcode, inner: str | None, where) -> str:
        """A shortcode no template prints: counted for the unknown-shortcode warning, and
        its content printed as Markdown as Hugo's markdownify reads it (a lone paragraph
        stays inline, unless the content starts on a line of its own, a box around
        paragraphs: then it is a paragraph of the page, not loose words between blocks)."""
        self.renderer.unknown_used(node.name, self.page.path, where.line, where.column,
                                   inner=bool((inner or "").strip()))
        if inner is None:
            return ""
        block = inner.startswith(("\n", "\r\n"))
        return self.markdownify(inner, block=block) if not node.markdown else inner

    def theme_shortcode(self, name: str, values: dict, where: Shortcode) -> str | None:
        """What a theme's shortcode prints, called from a site's template as the theme's
        partial with its parameters and ``content``: manualgen's own print template of that
        name, as if the page called the shortcode where the site's shortcode stands; None
        when manualgen has none, or the site defines a shortcode of that name itself."""
        template = self.renderer.template(name)
        if (template is None or not self.renderer.is_builtin(template)
                or self.renderer.site_hugo_template(name)[0] is not None):
            return None
        content = values.pop("content", None)
        params = {key: value if isinstance(value, str) else str(go_text(value))
                  for key, value in values.items() if value is not None}
        inner = None if content is None else str(content)
        node = Shortcode(name, params, [], [] if inner is not None else None, where.markdown,
                         where.line, where.column, inner)
        return self.render_shortcode(node, inner, ShortcodeCall(name, params, [], where.markdown))

    def render_shortcode(self, node: Shortcode, inner: str | None, call: ShortcodeCall,
                         parent: ShortcodeCall | None = None, ordinal: int = 0,
                         address: bool = False) -> str:
        where = self.included_from[0] if self.included_from else node  # its place in the page
        template = self.renderer.template(node.name)
        printed = _inline_or_site_template(self, node, inner, call, template, parent, ordinal)
        if printed is not None:
            return printed
        broken = self.renderer.broken.get(node.name)
        if broken is not None:  # the template's fault: its file and line (once, in findings)
            self.renderer.findings.error(
                "shortcode-template", f'the template of shortcode "{node.name}" does not '
                f"compile: {broken.message}", broken.filename, broken.lineno, lang=self.lang)
            return ""
        if template is None:
            return self._without_template(node, inner, where)
        params = call.params
        positional = call.positional
        get, asked = _recording_get(call)  # and the names the template reads with it

        def warn(code: str, message: str) -> str:
            self.renderer.findings.warning(code, message, self.page.path, where.line, where.column,
                                           lang=self.lang)
            return ""

        # Hugo's .Inner is template.HTML in both forms: printed as written, never escaped
        # (escaped, a {{% %}} inner's `a < b`, <b> and link titles printed as entities).
        inner_value = Markup(inner or "")
        try:
            html = template.render(
                name=node.name,
                params=params,
                positional=positional,
                get=get,
                flag=lambda key: str(get(key)).strip().lower() == "true",
                inner=inner_value,
                # Hugo's .InnerDeindent: the content without the indentation its lines share.
                inner_deindent=type(inner_value)(textwrap.dedent(inner_value)),
                # The same text as a plain string, which Jinja escapes: for code (highlight).
                inner_text=inner if inner is not None else "",
                has_inner=inner is not None,
                page=self.page,
                lang=self.lang,
                T=lambda key, count=None: self.translate(key, count, node),
                markdownify=lambda text, block=False: Markup(self.markdownify(str(text or ""), block=block)),
                bundle_file=self.bundle_file,
                bundle_matches=lambda pattern: _bundle_matches(self.page, pattern),
                resource_meta=lambda name: resource_meta(getattr(self.page, "meta", None), name),
                bundle_listing=self.bundle_listing,
                read_file=self.read_file,
                find_include=self.find_include,
                line=where.line,
                warn=warn,
                ref_not_found=lambda kind, path: missing_ref(self, kind, path, where),
                md_form=node.markdown,
                parent=parent,  # the shortcode around this one (Hugo's .Parent), or None
                scratch=call.scratch,  # what the shortcodes inside left for this one
                page_scratch=self.page_scratch,
                folder_pages=lambda folder: folder_pages(self, folder),
                ordinal=ordinal,
                # whether the call stands where Markdown or HTML reads an address: a link's
                # destination "[x](here)", a link definition, an attribute href="here"
                in_address=address,
                code_block=functools.partial(code_block, report=lambda problem: (
                    self.renderer.findings.error("bad-highlight", problem, self.page.path,
                                                 where.line, where.column, lang=self.lang)),
                    defaults=highlight_defaults(getattr(self.renderer.env.globals.get("site"),
                                                        "highlight", None))),
                site_file=self.site_file,  # Geekdoc's include and propertylist
                data_file=self.data_file,
                shared_file=self.shared_file,  # the Kubernetes website's code samples
                render_included=lambda text: self.render_included(text, call, node),
                **_template_helpers(),
            )
        except ManualgenError:
            raise
        except Exception as exc:  # noqa: BLE001 - Jinja's errors, or a template's own bug (1/0)
            # Reported, and the page goes on: its other problems are found in the same run.
            self.renderer.findings.error(
                "shortcode-template", f'shortcode "{node.name}" failed in its template'
                f"{_template_line(exc)}: {type(exc).__name__}: {exc}", self.page.path, where.line,
                where.column, lang=self.lang)
            return ""
        _warn_misspelt_params(node.name, params, asked, warn)
        lines = self.stash.output_lines  # an image or link it wrote: reported at its line
        for m in _SRC_OR_HREF.finditer(html):  # "" for an image without a file
            lines.setdefault(html_module.unescape(m.group(1)), where.line)
        bare = html.strip()
        if bare and "<" not in bare and not any(c.isspace() for c in bare):
            # an address alone (ref, relref, param) that a Markdown link around it uses
            lines.setdefault(html_module.unescape(bare), where.line)
        return html


def _recording_get(call: ShortcodeCall) -> tuple[Callable[..., str], set[str]]:
    """Hugo's .Get for a template, and the set of the names it is asked for."""
    asked: set[str] = set()

    def get(key: str | int, default: str = "") -> str:
        if isinstance(key, str):
            asked.add(key)
        return call.get(key, default)
    return get, asked


def _warn_misspelt_params(name: str, params: dict[str, str], asked: set[str], warn) -> None:
    for given, meant in misspelt_params(params, asked):
        warn("unknown-param", f'shortcode "{name}" has no parameter "{given}", so it is not '
             f'used and "{meant}" is empty: did you mean {meant}=?')


def misspelt_params(params: dict[str, str], asked: set[str]) -> list[tuple[str, str]]:
    """(given, meant) for each parameter of a call that its template never read, when a name
    it read and the call lacks is that name misspelt (``imgae=`` for ``image=``)."""
    lacking = sorted(name for name in asked if name not in params)
    found = []
    for given in params:
        if given not in asked and (close := difflib.get_close_matches(given, lacking, 1, 0.75)):
            found.append((given, close[0]))
    return found


def missing_ref(context: _PageContext, kind: str, path: str, where) -> str:
    """Report a ``ref``/``relref`` that names no page of the site (at ``where``): an error,
    as Hugo's REF_NOT_FOUND stops its build, unless the site's ``refLinksErrorLevel`` is
    ``WARNING``.  Prints nothing."""
    settings = context.renderer.env.globals.get("site")
    shown = getattr(settings, "ref_links_not_found_url", "")
    prints = (f'Hugo writes "{shown}" (refLinksNotFoundURL) in its place, and so does the '
              "manual (a link to it only when it is a web address)" if shown
              else "it prints as plain text")
    if getattr(settings, "ref_links_error", True):
        context.renderer.findings.error(
            "broken-link", f'{kind} "{path}" names no page of the site; Hugo stops with '
            'REF_NOT_FOUND too (refLinksErrorLevel = "WARNING" in the site\'s config makes '
            "it a warning)", context.page.path, where.line, where.column, lang=context.lang)
    else:
        context.renderer.findings.warning(
            "broken-link", f'{kind} "{path}" names no page of the site; {prints} '
            '(refLinksErrorLevel = "WARNING")', context.page.path, where.line, where.column,
            lang=context.lang)
    return ""


def folder_pages(context: _PageContext, folder: str) -> list[str]:
    """The texts of the Markdown files in ``folder`` below the language's content (a leaf
    bundle's page resources: istio.io's glossary entries), in file-name order, the first
    mount that has a name winning; the bundle's own index left out."""
    settings = context.renderer.env.globals.get("site")
    folder = posixpath.normpath(str(folder or "").replace("\\", "/")).strip("/")
    if not settings or folder in ("", ".") or folder.startswith(".."):
        return []
    names: set[str] = set()
    for root, target in content_roots(settings, context.lang):
        target = target.strip("/")
        if target and not (folder + "/").startswith(target + "/"):
            continue
        place = Path(root) / folder[len(target):].lstrip("/")
        try:
            names.update(p.name for p in place.glob("*.md") if p.is_file())
        except OSError:
            continue
    texts = (context.content_text(f"{folder}/{name}") for name in sorted(names)
             if name not in ("index.md", "_index.md"))
    return [text for text in texts if text is not None]
