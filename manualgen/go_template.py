"""A site's own shortcode template, run when it is simple: HTML around the shortcode's
parameters and content, as a team writes for itself (``<kbd>{{ .Get 0 }}</kbd>``,
``<div class="note">{{ .Inner | markdownify }}</div>``).  manualgen does not run Go
templates; this reads the few actions such templates use and refuses any other, so that a
template is either printed as Hugo prints it or not run at all.

Understood: ``.Inner``, ``.InnerDeindent``, ``.Get 0``/``.Get "name"``, ``.IsNamedParams``,
``.Page.Title``,
``.Site.GetPage "path"`` (a page of the language, or nothing) with its ``.Title``,
``.LinkTitle``, ``.RelPermalink`` and ``.Permalink`` (inside ``with``, or ``$page.Title``),
``relref . "path"``/``ref . "path"``, ``.Site.Title``, ``.Site.Params.x``/``site.Params.x``, ``.Page.Params.x``, ``.Param "x"``,
``.`` and ``$variables`` set with ``:=``, string and number literals; the functions
``markdownify``, ``.Page.RenderString``, ``safeHTML``, ``default``, ``upper``, ``lower``,
``relURL``, ``absURL``, ``relLangURL``, ``plainify``, ``htmlEscape``, ``i18n``/``T``,
``trim``, and Go's ``or``, ``and``, ``not``, ``eq``, ``ne``; parenthesised commands
(``{{ if or (.Get "a") (.Get "b") }}``); ``if``/``with``/``else``/``end``; comments and
``{{-``/``-}}`` trimming.  A ``$.`` prefix is the same as ``.`` outside ``with``; inside it
``.`` is the value ``with`` tested, and a field of it (``.Inner`` in ``{{ with .Get "x" }}``)
fails as in Hugo (TemplateFailed).  A call with a count of arguments Go refuses is refused.
Each printed value is escaped by its place in the HTML, as Hugo's html/template does
(go_escape.py)."""

from __future__ import annotations

import dataclasses
import re
import textwrap
from collections.abc import Callable

from .go_escape import Context, NotSimple, advance, escaper, join, plainified

__all__ = ["Call", "NotSimple", "TemplateFailed", "actions", "compile_template", "run_template"]

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|`[^`]*`|\(|\)|[^\s()]+')
# Go's html.EscapeString, which Hugo's htmlEscape is
_HTML_ESCAPE_STRING = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&#34;"}
_VARIABLE = re.compile(r"^\$[A-Za-z_]\w*$")
_FUNCTIONS = {"markdownify", "safeHTML", "default", "upper", "lower", "relURL",
              "absURL", "relLangURL", "plainify", "htmlEscape", "i18n", "T", "trim",
              ".Page.RenderString", "$.Page.RenderString", ".RenderString",
              "or", "and", "not", "eq", "ne", "relref", "ref"}
_GET_PAGE = (".Site.GetPage", "$.Site.GetPage", "site.GetPage")
# the fields of a page that a site's template may print: Hugo's names, manualgen's values
_PAGE_FIELDS = ("Title", "LinkTitle", "RelPermalink", "Permalink")


class TemplateFailed(Exception):
    """The template failed as Hugo's fails (a field of a text); ``line`` and ``column`` are
    the template's, 1-based."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclasses.dataclass(frozen=True)
class Value:
    text: str
    safe: bool = False  # HTML already (.Inner, markdownify, safeHTML): printed as it is
    truth: bool | None = None  # a parameter's truth as Go's if reads it (false, 0, empty)
    go_type: str = ""  # its type in Hugo, named when a field of it fails ("" for text)
    fields: tuple[tuple[str, str], ...] = ()  # a page's fields (go_type "page"), by name

    def true(self) -> bool:
        return bool(self.text) if self.truth is None else self.truth


@dataclasses.dataclass
class Call:
    """What a run needs from the shortcode's call and its page."""

    get: Callable[[object], str]
    inner: str
    markdownify: Callable[[str], str]
    page_title: str = ""
    site_title: str = ""
    named: bool = False  # .IsNamedParams: the call gave its parameters by name
    # the site's params (.Site.Params.x), the page's own (.Page.Params.x), and .Param "x"
    # (the page's, then the site's): the values as written (true, 2, a list), None if absent
    param: Callable[[str], object] = lambda name: None
    page_params: Callable[[str], object] = lambda name: None
    page_param: Callable[[str], object] = lambda name: None
    show: Callable[[object], str] = str  # a value as Go's templates print it
    translate: Callable[[str], str] = lambda key: ""
    # Hugo's GetPage: the fields (_PAGE_FIELDS) of the page a path names, None for no page
    get_page: Callable[[str], dict[str, str] | None] = lambda path: None
    relref: Callable[[str], str] = lambda path: path  # relref's address of a content path


# where an action stands in the template: its line, the column of the text inside its
# braces (both 1-based), and that text
Where = tuple[int, int, str]


@dataclasses.dataclass
class Block:
    kind: str  # "if" or "with"
    pipeline: list
    body: list = dataclasses.field(default_factory=list)
    otherwise: list = dataclasses.field(default_factory=list)
    where: Where = (1, 1, "")


@dataclasses.dataclass
class _Open:
    """A block being compiled: where the HTML stood at its start and at the end of its
    first part (None until its else)."""

    block: Block
    start: Context
    body_end: Context | None = None


_DEEPEST = 100  # blocks nested deeper are not simple (each is run by a call of its own)
_SET = re.compile(r"\s*(\$[A-Za-z_]\w*)\s*:=(.*)", re.DOTALL)


def compile_template(source: str) -> list:
    """The template as a list of text, actions and blocks, each printed value with the
    escaping of its place in the HTML; raises NotSimple, naming the first action it cannot
    run."""
    root: list = []
    open_blocks: list[_Open] = []  # the blocks not yet ended, innermost last
    target = root
    html = Context()
    for kind, value, where in _pieces(source):
        if kind == "text":
            html, text = advance(html, value)
            if text:
                target.append(text)
            continue
        action = value.strip()
        word = action.split(None, 1)[0] if action else ""
        if action.startswith("/*") and action.endswith("*/"):
            continue
        if word in ("if", "with"):
            if len(open_blocks) >= _DEEPEST:
                raise NotSimple(f"if or with nested more than {_DEEPEST} deep")
            block = Block(word, _pipeline(action[len(word):]), where=where)
            target.append(block)
            open_blocks.append(_Open(block, html))
            target = block.body
        elif action == "else":
            if not open_blocks or open_blocks[-1].body_end is not None:
                raise NotSimple("{{ else }} outside if or with")
            open_blocks[-1].body_end, html = html, open_blocks[-1].start
            target = open_blocks[-1].block.otherwise
        elif action == "end":
            if not open_blocks:
                raise NotSimple("{{ end }} without its if or with")
            ended = open_blocks.pop()
            html = join(ended.start if ended.body_end is None else ended.body_end, html)
            target = _open_part(open_blocks, root)
        elif (assignment := _SET.fullmatch(action)) is not None:
            target.append(("set", assignment.group(1), _pipeline(assignment.group(2)), where))
        else:
            target.append(("print", _pipeline(action), escaper(html), where))
    if open_blocks:
        raise NotSimple(f"{{{{ {open_blocks[-1].block.kind} }}}} without its end")
    return root


def _open_part(open_blocks: list[_Open], root: list) -> list:
    """Where text goes after an end: the part of the enclosing block being written (its
    else part once that has begun), or the top."""
    if not open_blocks:
        return root
    block = open_blocks[-1]
    return block.block.otherwise if block.body_end is not None else block.block.body


def run_template(nodes: list, call: Call) -> str:
    """The template's output for one call; raises TemplateFailed where Hugo's run fails,
    NotSimple for a field this does not know of a page the call found."""
    return _run(nodes, call, {}, None)


def _pieces(source: str) -> list[tuple[str, str, Where]]:
    """Text and actions, with {{- and -}} trimming the white space beside them; each with
    where it stands."""
    pieces: list[tuple[str, str, Where]] = []
    at = 0
    trim_next = False
    line, line_start = 1, 0
    for start, inside, end in actions(source):
        text = source[at:start]
        newlines = source.count("\n", at, start + 2)
        if newlines:
            line, line_start = line + newlines, source.rfind("\n", at, start + 2) + 1
        if trim_next:
            text = text.lstrip()
        # Go's trim markers are "{{- " and " -}}", the space included ({{-3}} prints -3)
        left = inside[:1] == "-" and inside[1:2].isspace()
        right = inside[-1:] == "-" and inside[-2:-1].isspace()
        if left:
            text = text.rstrip()
        if text:
            pieces.append(("text", text, (line, 1, "")))
        trim_next = right
        body = inside[1 if left else 0:len(inside) - 1 if right else len(inside)]
        pieces.append(("action", body, (line, start + 3 - line_start + (1 if left else 0), body)))
        newlines = source.count("\n", start + 2, end)
        if newlines:
            line, line_start = line + newlines, source.rfind("\n", start + 2, end) + 1
        at = end
    text = source[at:]
    if trim_next:
        text = text.lstrip()
    if "{{" in text:
        raise NotSimple("an action that is not closed")
    if text:
        pieces.append(("text", text, (line, 1, "")))
    return pieces


# The inside of an action up to its "}}": strings ("…" with escapes, `…` raw, '…' a rune)
# may hold "}}"; the alternatives begin differently, so the match is linear.
_INSIDE = re.compile(r"""(?:"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\\n]|\\.)*'|[^"`'}]+|}(?!}))+""")


def actions(source: str):
    """(start, the text between the braces, end) of each ``{{ … }}``, found in one pass, a
    ``}}`` inside a string not ending it; a ``{{`` that is not closed (or opens a string
    that is not) ends the search, the text after it left as text.  A comment
    (``{{/* … */}}``, ``{{- /* … */ -}}``) ends at its ``*/``, as in Go: the
    ``{{< name >}}`` of a usage note inside it does not end it (NotSimple for a comment
    that is not closed, or not at its ``}}``, as Go refuses them)."""
    at = 0
    while True:
        start = source.find("{{", at)
        if start < 0:
            return
        at = _comment_close(source, start + 2)
        if at is None:
            part = _INSIDE.match(source, start + 2)
            at = part.end() if part else start + 2
        if not source.startswith("}}", at):
            return
        yield start, source[start + 2:at], at + 2
        at += 2


def _comment_close(source: str, body: int) -> int | None:
    """Where the ``}}`` of the comment that opens at ``body`` (just after ``{{``, with Go's
    optional "- " before the ``/*``) is; None when no comment opens there.  A comment must
    end at the delimiters (only Go's " -" between): else NotSimple, as Go refuses it."""
    opening = body + 2 if source[body:body + 1] == "-" and source[body + 1:body + 2].isspace() else body
    if not source.startswith("/*", opening):
        return None
    end = source.find("*/", opening + 2)
    if end < 0:
        raise NotSimple("a comment that is not closed")
    after = end + 2
    if source[after:after + 1].isspace() and source[after + 1:after + 2] == "-":
        after += 2
    if not source.startswith("}}", after):
        raise NotSimple("a comment that does not end at its }}")
    return after


def _pipeline(text: str) -> list[list]:
    """The commands of a pipeline, each a list of terms (a parenthesised command is a term:
    a tuple of its pipeline's commands); raises NotSimple for anything but plain terms and
    the known functions."""
    tokens = _TOKEN.findall(text.strip())
    try:
        commands, end = _commands(tokens, 0, text.strip())
    except NotSimple:
        if "(" in tokens:  # named whole: "{{ (index $.Site.Data.x $lang).name }}"
            raise NotSimple(f"{{{{ {text.strip()} }}}}") from None
        raise
    if end < len(tokens):  # a ")" that nothing opened
        raise NotSimple(f"{{{{ {text.strip()} }}}}")
    return commands


def _commands(tokens: list[str], at: int, text: str) -> tuple[list[list], int]:
    """The pipeline that starts at token ``at``, up to the ")" that ends it or the end;
    returns its commands and where it stopped (at that ")")."""
    commands: list[list] = [[]]
    while at < len(tokens) and tokens[at] != ")":
        token = tokens[at]
        if token == "|":
            commands.append([])
        elif token == "(":
            inner, at = _commands(tokens, at + 1, text)
            if at >= len(tokens):
                raise NotSimple(f"{{{{ {text} }}}}")
            commands[-1].append(tuple(tuple(command) for command in inner))
        else:
            commands[-1].append(token)
        at += 1
    for index, command in enumerate(commands):
        if not command:
            raise NotSimple(f"{{{{ {text} }}}}")
        head = command[0]
        if index > 0 or head in _FUNCTIONS:
            if head not in _FUNCTIONS:
                raise NotSimple(f'the function "{head}"')
        elif len(command) > 1 and head not in _METHODS:
            raise NotSimple(f"{{{{ {head} … }}}}")
        for term in command[1:] if head in _FUNCTIONS or len(command) > 1 else command:
            _check_term(term)
        if head in _FUNCTIONS or head in _METHODS:
            _check_arity(head, len(command) - 1 + (index > 0))
        for term in command[1:]:
            if term in _METHODS:  # a method given as a value is called with no argument
                raise NotSimple(f'"{term}" given as an argument without its own')
    return commands, at


def _check_term(term: str | tuple) -> None:
    if isinstance(term, tuple):  # a parenthesised command, checked as it was read
        return
    if term[0] in "\"`" or re.fullmatch(r"-?\d+", term) or _VARIABLE.match(term):
        return
    if term in (".", ".Inner", "$.Inner", ".InnerDeindent", "$.InnerDeindent", ".Get", "$.Get",
                ".Param", "$.Param", ".Page.Title", "$.Page.Title", ".Site.Title", "$.Site.Title",
                "site.Title", ".IsNamedParams", "$.IsNamedParams"):
        return
    if re.fullmatch(r"(\$[A-Za-z_]\w*)?\.(" + "|".join(_PAGE_FIELDS) + ")", term):
        return  # a field of the page GetPage found (or of a text: Hugo fails there too)
    if re.fullmatch(r"(\$?\.Site|site|\$?\.Page)\.Params\.\w+", term):
        return
    raise NotSimple(f'"{term}"')


class _FieldOfText(Exception):
    """A field asked of ``.`` inside ``with``, where ``.`` is a value without fields."""

    def __init__(self, term: str, dot: Value) -> None:
        super().__init__(term)
        self.term = term
        self.dot = dot


def _run(nodes: list, call: Call, variables: dict, dot: Value | None) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        try:
            out.append(_run_node(node, call, variables, dot))
        except _FieldOfText as failed:
            raise _failure(failed, node.where if isinstance(node, Block) else node[-1]) from None
    return "".join(out)


def _run_node(node, call: Call, variables: dict, dot: Value | None) -> str:
    if isinstance(node, Block):
        value = _evaluate(node.pipeline, call, variables, dot)
        # a variable made inside a block ends with it, as in Go
        if value.true():
            return _run(node.body, call, dict(variables), value if node.kind == "with" else dot)
        return _run(node.otherwise, call, dict(variables), dot)
    if node[0] == "set":
        variables[node[1]] = _evaluate(node[2], call, variables, dot)
        return ""
    value = _evaluate(node[1], call, variables, dot)
    return node[2](value.text, value.safe)


def _failure(failed: _FieldOfText, where: Where) -> TemplateFailed:
    """Hugo's message for a field of a value that has none, at the field's place."""
    line, column, action = where
    field = failed.term.lstrip(".").split(".")[0]
    kind = failed.dot.go_type or ("template.HTML" if failed.dot.safe else "string")
    kind = "page.Page" if kind == "page" else kind
    found = re.search(r"(?<![\w$.])" + re.escape(failed.term) + r"(?![\w.])", action)
    return TemplateFailed(f"can't evaluate field {field} in type {kind}", line,
                          column + (found.start() if found else 0))


def _evaluate(commands: list[list[str]], call: Call, variables: dict, dot: Value | None) -> Value:
    value: Value | None = None
    for command in commands:
        head = command[0]
        args = [_term(t, call, variables, dot) for t in command[1:]]
        field = _field_of_dot(head, dot)
        if field is not None:
            value = field
        elif head in _GET_PAGE:
            value = _page_value(call.get_page(args[0].text if args else ""))
        elif head in _FUNCTIONS:
            value = _function(head, args + ([value] if value is not None else []), call)
        elif head in (".Get", "$.Get"):
            key = command[1] if command[1:] else "0"
            computed = isinstance(key, tuple) or _VARIABLE.match(key)
            value = Value(str(call.get(_term(key, call, variables, dot).text
                                       if computed else _literal(key)) or ""))
        elif head in (".Param", "$.Param"):
            value = _parameter(call, call.page_param(args[0].text if args else ""))
        else:
            value = _term(head, call, variables, dot)
    return value or Value("")


# How many arguments each function takes (Go fails the template for any other count:
# "wrong number of args for trim: want 2 got 3"), as (fewest, most).
_ARITY = {"default": (2, 2), "trim": (2, 2), "i18n": (1, 2), "T": (1, 2),
          ".Page.RenderString": (1, 2), "$.Page.RenderString": (1, 2), ".RenderString": (1, 2),
          ".Get": (1, 1), "$.Get": (1, 1), ".Param": (1, 1), "$.Param": (1, 1),
          "or": (1, 99), "and": (1, 99), "not": (1, 1), "eq": (2, 99), "ne": (2, 2),
          "relref": (2, 2), "ref": (2, 2), **{name: (1, 1) for name in _GET_PAGE}}
_METHODS = (".Get", "$.Get", ".Param", "$.Param", *_GET_PAGE)


def _check_arity(name: str, count: int) -> None:
    """Refuse a call with a count of arguments Go refuses: Hugo's build stops there."""
    fewest, most = _ARITY.get(name, (1, 1))
    if not fewest <= count <= most:
        raise NotSimple(f'a call of "{name}" with {count} argument{"s" if count != 1 else ""}, '
                        "which Hugo refuses")


def _field_of_dot(term: str, dot: Value | None) -> Value | None:
    """The value of ``term`` when it is a field of the value ``with`` tested (``dot``):
    ``.Inner``, ``.Get`` … inside ``with``, None for any other term.  A page has its fields,
    a table's missing key prints nothing; text has no fields: Hugo fails there ("can't
    evaluate field Inner in type string"), and so does this.  A page's field outside any
    ``with`` is a field of the shortcode, which has none of them: Hugo fails there too."""
    if not isinstance(term, str):  # a parenthesised command
        return None
    if dot is None:
        if term.startswith(".") and term[1:] in _PAGE_FIELDS:
            raise _FieldOfText(term, Value("", go_type="*hugolib.ShortcodeWithPage"))
        return None
    if not term.startswith(".") or len(term) == 1:
        return None
    return _field_of(term, dot)


def _field_of(term: str, value: Value) -> Value | None:
    """Field ``term`` (".Title") of ``value``: a page's, a table's (nothing), or a failure.
    A page's ``.Site`` is the site's (None: read as outside ``with``); a shortcode's field
    (``.Inner``, ``.Get``) fails on a page as in Hugo; any other field of a page is one this
    does not know: NotSimple."""
    if value.go_type == "page":
        if term.lstrip(".") in dict(value.fields):
            return Value(dict(value.fields)[term.lstrip(".")])
        if term.startswith(".Site."):
            return None
        if term.split(".")[1] not in ("Inner", "InnerDeindent", "Get", "IsNamedParams"):
            raise NotSimple(f'"{term}" of a page that .Site.GetPage found')
    if value.go_type == "map":
        return Value("")
    raise _FieldOfText(term, value)


def _page_value(fields: dict[str, str] | None) -> Value:
    """What GetPage returns: a page with its fields, or nil (false, printed as nothing)."""
    if fields is None:
        return Value("", truth=False, go_type="<nil>")
    return Value(fields.get("Title", ""), truth=True, go_type="page",
                 fields=tuple((name, str(fields.get(name, ""))) for name in _PAGE_FIELDS))


def _literal(term: str) -> object:
    if term[0] in "\"`":
        return _string(term)
    return int(term) if re.fullmatch(r"-?\d+", term) else term


def _string(term: str) -> str:
    if term[0] == "`":
        return term[1:-1]
    return re.sub(r"\\(.)", r"\1", term[1:-1])


def _term(term: str | tuple, call: Call, variables: dict, dot: Value | None) -> Value:
    if isinstance(term, tuple):
        return _evaluate(list(term), call, variables, dot)
    field = _field_of_dot(term, dot)
    if field is not None:
        return field
    variable, dot_, name = term.partition(".")
    if dot_ and _VARIABLE.match(variable):  # $page.Title
        return _field_of("." + name, variables.get(variable, Value(""))) or Value("")
    if term[0] in "\"`":
        return Value(_string(term))
    if re.fullmatch(r"-?\d+", term):
        return Value(term)
    if _VARIABLE.match(term):
        return variables.get(term, Value(""))
    if term == ".":
        return dot if dot is not None else Value("")
    if term in (".Inner", "$.Inner"):
        return Value(call.inner, safe=True)
    if term in (".InnerDeindent", "$.InnerDeindent"):
        return Value(textwrap.dedent(call.inner), safe=True)
    if term in (".Page.Title", "$.Page.Title"):
        return Value(call.page_title)
    if term in (".Site.Title", "$.Site.Title", "site.Title"):
        return Value(call.site_title)
    if term in (".IsNamedParams", "$.IsNamedParams"):
        return Value("true" if call.named else "false", truth=call.named, go_type="bool")
    m = re.fullmatch(r"(\$?\.Site|site|\$?\.Page)\.Params\.(\w+)", term)
    if m:
        lookup = call.page_params if "Page" in m.group(1) else call.param
        return _parameter(call, lookup(m.group(2)))
    return Value("")


def _parameter(call: Call, value: object) -> Value:
    """A parameter's value printed as Go prints it, and true unless Go's if takes it for
    false: absent, false, zero, or empty."""
    if value is None:
        return Value("", truth=False)
    truth = bool(value) if isinstance(value, (bool, int, float, str, list, dict)) else True
    return Value(str(call.show(value)), truth=truth, go_type=_go_type(value))


def _go_type(value: object) -> str:
    """The type Hugo gives a param's value, as its errors name it."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, dict):
        return "map"  # a field of a map is its key: no failure
    return {int: "int", float: "float64", list: "[]interface {}"}.get(type(value), "")


def _function(name: str, args: list[Value], call: Call) -> Value:
    last = args[-1] if args else Value("")
    if name in ("markdownify", ".Page.RenderString", "$.Page.RenderString", ".RenderString"):
        return Value(call.markdownify(last.text), safe=True)
    if name == "safeHTML":
        return Value(last.text, safe=True)
    if name == "default":
        chosen = last if last.true() else (args[0] if len(args) > 1 else Value(""))
        return chosen
    if name in ("upper", "lower"):  # Hugo's string functions return text, escaped when printed
        return Value(getattr(last.text, name)())
    if name in ("relURL", "absURL", "relLangURL"):
        return Value(last.text)  # the link and image passes read the site's addresses
    if name == "plainify":  # template.HTML since Hugo 0.123: its entities stay as written
        return Value(plainified(last.text), safe=True)
    if name == "htmlEscape":  # text, escaped again when printed, as Hugo prints it
        return Value(re.sub("[<>&'\"]", lambda m: _HTML_ESCAPE_STRING[m.group()], last.text))
    if name in ("i18n", "T"):
        return Value(call.translate(last.text) or "")
    if name in ("or", "and", "not", "eq", "ne"):
        return _logic(name, args)
    if name in ("relref", "ref"):  # relref . "path": the page's address (the link pass reads it)
        return Value(call.relref(last.text))
    if name == "trim":  # trim STRING CUTSET
        return Value(args[0].text.strip(args[1].text) if len(args) > 1 else last.text)
    raise NotSimple(f'the function "{name}"')


def _logic(name: str, args: list[Value]) -> Value:
    """Go's or and and (the first argument that decides, as it is), not, eq and ne (a
    boolean, printed "true" or "false"); eq is true when the first equals any other."""
    if not args:
        raise NotSimple(f'the function "{name}" without arguments')
    if name == "or":
        return next((arg for arg in args if arg.true()), args[-1])
    if name == "and":
        return next((arg for arg in args if not arg.true()), args[-1])
    if name == "not":
        truth = not args[-1].true()
    else:
        truth = any(arg.text == args[0].text for arg in args[1:])
        truth = truth if name == "eq" else not truth
    return Value("true" if truth else "false", truth=truth)
