"""A site's own shortcode template, run as Hugo runs it when manualgen can: HTML around the
shortcode's parameters and content, as a team writes for itself (``<kbd>{{ .Get 0 }}</kbd>``,
``<div class="note">{{ .Inner | markdownify }}</div>``), with the loops, tables and partials
such templates use.  This compiles the template (here) and runs it (go_run.py); any action it
cannot run is refused (NotSimple), so that a template is either printed as Hugo prints it or
not run at all.

Understood: ``if``/``else if``/``with``/``else with``/``range`` (over a slice, a map in the
order of its sorted keys, a number; ``$i, $e :=``; ``else``; ``break``/``continue``),
``$x := …`` and ``$x = …``, ``.`` and ``$``, fields (``.Page.Title``, ``.Site.Params.x``,
``.Site.Data.a.b``, ``$e.name``, ``(index $x 0).name``), the shortcode's ``.Get``,
``.Inner``, ``.InnerDeindent``, ``.IsNamedParams``, ``.Params``, ``.Page.Param``,
``.Page.RenderString``; the functions of go_functions.py (``printf``, ``index``, ``len``,
``split``, ``dict``, ``slice``, ``default``, ``where``, ``sort`` …), ``markdownify``,
``T``, ``partial``/``partialCached`` of the site's own partials, ``errorf``, ``erroridf``, ``warnidf`` and
``warnf``; string, raw string, number, ``true``/``false``/``nil`` literals; parenthesised
commands; comments and ``{{-``/``-}}`` trimming.  Each printed value is escaped by its
place in the HTML, as Hugo's html/template does (go_escape.py)."""

from __future__ import annotations

import dataclasses
import re

from .go_escape import Context, NotSimple, advance, after_value, escaper, join
from .go_functions import ARITY
from .go_library import go_html_escape
from .go_run import FUNCTION_NAMES, Block, Call, Sub, TemplateFailed, Where, run_template

__all__ = ["Call", "NotSimple", "TemplateFailed", "actions", "compile_template", "run_template"]

_TOKEN = re.compile(r""""(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*'|\(|\)(?:\.\w+)*|\||[^\s()|]+""")
_VARIABLE = re.compile(r"^\$[A-Za-z_]\w*$")
_CHAIN = re.compile(r"(?:\$[A-Za-z_]\w*|\$|site|hugo|now)?(?:\.[A-Za-z_]\w*)+|\$[A-Za-z_]\w*|\$|\.")
_NUMBER = re.compile(r"[+-]?(?:0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)")
# the fields of the shortcode (``.`` at the top of its template) and of its page and site
# that manualgen knows; another is refused when compiled, as it could not be run
_SHORTCODE_FIELDS = {"Inner", "InnerDeindent", "IsNamedParams", "Get", "Param", "Page", "Site",
                     "Params", "RenderString", "Name", "Position", "Scratch", "Store", "Ordinal",
                     "Parent"}
_PAGE_FIELDS = {"Title", "Params", "Param", "RenderString", "Site", "File", "Lang", "Path", "Date", "GetPage",
                "Pages", "RegularPages", "Sections", "RelPermalink", "Permalink", "Resources",
                "Kind", "Weight", "LinkTitle", "Description", "IsSection", "IsPage", "IsHome",
                "Section", "Type", "Parent", "CurrentSection", "FirstSection", "Store", "Scratch",
                "Ancestors", "Language", "Content", "Summary", "Truncated", "Plain", "PlainWords",
                "WordCount", "FuzzyWordCount", "ReadingTime", "Len", "BundleType"}
# the fields of an image render hook's context (layouts/_markup/render-image.html)
IMAGE_HOOK_FIELDS = frozenset({"Destination", "Text", "PlainText", "Title", "IsBlock", "Attributes",
                               "Ordinal", "Page"})
_SITE_FIELDS = {"Title", "Params", "Data", "Language", "LanguagePrefix", "GetPage", "BaseURL",
                "RegularPages", "Sections", "Home"}
# the methods of Hugo's objects a template may call, with the counts of arguments they take
_METHODS = {"Get": (1, 1), "Param": (1, 1), "RenderString": (1, 2), "Set": (2, 2), "Add": (2, 2),
            "SetInMap": (3, 3), "Delete": (1, 1), "Format": (1, 1), "GetPage": (1, 1),
            "GetMatch": (1, 1), "Match": (1, 1), "GroupBy": (1, 2), "GroupByParam": (1, 2)}


@dataclasses.dataclass
class _Open:
    """A block being compiled: where the HTML stood at its start and at the end of its
    first part (None until its else); ``chained`` for the if of an ``else if``, which the
    outer block's end ends too."""

    block: Block
    start: Context
    body_end: Context | None = None
    chained: bool = False


_DEEPEST = 100  # blocks nested deeper are not simple (each is run by a call of its own)
_SET = re.compile(r"\s*(\$[A-Za-z_]\w*)\s*(:?=)(?!=)(.*)", re.DOTALL)
_RANGE_NAMES = re.compile(r"\s*(\$[A-Za-z_]\w*)\s*(?:,\s*(\$[A-Za-z_]\w*)\s*)?:=(.*)", re.DOTALL)


def compile_template(source: str, partial: bool = False, fields: frozenset | None = None) -> list:
    """The template as a list of text, actions and blocks, each printed value with the
    escaping of its place in the HTML; raises NotSimple, naming the first action it cannot
    run.  An error Hugo finds when it reads the template (a variable never declared, a
    ``break`` outside ``range``) is a node that fails the run, as Hugo's build fails.  A
    ``partial``'s ``.`` is the value it was given, not a shortcode; ``fields`` are those of
    the ``.`` a render hook is given (IMAGE_HOOK_FIELDS), in place of a shortcode's."""
    state = _Compiling(partial=partial, root_fields=fields or frozenset(_SHORTCODE_FIELDS))
    where: Where = (1, 1, "")
    for kind, value, where in _pieces(source):
        if kind == "text":
            state.html, text = advance(state.html, value)
            if text:
                state.target.append(text)
            continue
        action = value.strip()
        if action.startswith("/*") and action.endswith("*/"):
            continue
        try:
            _compile_action(state, action, where)
        except _ReadFailed as failed:
            return [("fail", str(failed), where)]
    if state.open_blocks:
        raise NotSimple(f"{{{{ {state.open_blocks[-1].block.kind} }}}} without its end")
    if state.html.state in _INSIDE_A_TAG:  # what follows the shortcode would be in the tag
        return [("fail", ("the template ends inside an HTML tag or attribute value (Hugo: "
                          '"ends in a non-text context"); close its quote or tag'), where)]
    return state.root


_INSIDE_A_TAG = ("tag", "attr", "after-attr", "before-value", "value", "unquoted")


class _ReadFailed(Exception):
    """A template Hugo refuses when it reads it (its build fails)."""


@dataclasses.dataclass
class _Compiling:
    root: list = dataclasses.field(default_factory=list)
    open_blocks: list[_Open] = dataclasses.field(default_factory=list)  # innermost last
    html: Context = dataclasses.field(default_factory=Context)
    scopes: list[set] = dataclasses.field(default_factory=lambda: [{"$"}])
    partial: bool = False
    root_fields: frozenset = frozenset()  # the fields of the template's own ``.``
    defines: dict = dataclasses.field(default_factory=dict)  # {{ define "name" }}: its nodes
    outside: tuple | None = None  # in a define: the HTML place and scopes it left

    def __post_init__(self) -> None:
        self.target = self.root

    def dot_is_shortcode(self) -> bool:
        return not self.partial and self.outside is None and all(
            o.block.kind == "if" for o in self.open_blocks)


def _compile_action(state: _Compiling, action: str, where) -> None:
    word = action.split(None, 1)[0] if action else ""
    if word in ("if", "with", "range"):
        _open_block(state, word, action[len(word):], where)
    elif word == "else":
        _else(state, action[4:].strip(), where)
    elif action == "end":
        _end(state)
    elif action in ("break", "continue"):  # in a range's body (its else is outside, as in Go)
        if not any(o.block.kind == "range" and o.body_end is None for o in state.open_blocks):
            raise _ReadFailed(f"{{{{{action}}}}} outside {{{{range}}}}")
        state.target.append((action, where))
    elif word in ("define", "block"):
        _open_define(state, word, action[len(word):], where)
    elif word == "template":
        _call_template(state, action[len(word):], where)
    elif word == "return" and state.partial and state.outside is None:
        rest = action[len(word):]
        state.target.append(("return", _pipeline(rest, state) if rest.strip() else [], where))
    elif word in ("return", "try"):
        raise NotSimple(f"{{{{ {word} … }}}}")
    elif (assignment := _SET.fullmatch(action)) is not None:
        name, operator, rest = assignment.groups()
        pipeline = _pipeline(rest, state)
        if operator == ":=":
            state.scopes[-1].add(name)
        elif not any(name in scope for scope in state.scopes):
            raise _ReadFailed(f'undefined variable "{name}"')
        state.target.append(("declare" if operator == ":=" else "assign", name, pipeline, where))
    else:
        pipeline, write = _html_at_end(_pipeline(action, state), escaper(state.html), state.html)
        state.target.append(("print", pipeline, write, where))
        state.html = after_value(state.html)


def _html_at_end(pipeline: list, write, ctx: Context) -> tuple[list, object]:
    """A printed pipeline that ends in Go's predefined ``html`` as Go's escaping rewrites
    it: ``html`` takes the place of the escaper of text or of an attribute's value (it
    escapes the five characters of any value, safeHTML too, and nothing else: no "+"),
    and comes after the escaper of another place (an address); ``html A B`` prints its
    arguments as ``print`` does, ``X | html`` a value that is not there as "<no value>"."""
    last = pipeline[-1]
    if last[0] != "html":
        return pipeline, write
    if ctx.state in ("before-value", "unquoted"):  # Go: "predefined escaper "html" disallowed"
        raise NotSimple('the escaper "html" in an attribute value without quotes, which Hugo refuses')
    piped = len(last) == 1 and len(pipeline) > 1  # "X | html"; a lone "html" prints nothing
    rest = pipeline[:-1] + [["html-piped"] if piped else ["print", *last[1:]]]
    if ctx.state == "text" or (ctx.state == "value" and ctx.attr == "plain"):
        return rest, lambda text, is_html: go_html_escape(text)
    return rest, lambda text, is_html: write(text, False)


def _open_block(state: _Compiling, word: str, rest: str, where, chained: bool = False) -> None:
    if len(state.open_blocks) >= _DEEPEST:
        raise NotSimple(f"if, with or range nested more than {_DEEPEST} deep")
    names: tuple[str, ...] = ()
    declared = (_RANGE_NAMES if word == "range" else _SET).fullmatch(rest)
    if declared is not None and word == "range":
        names = tuple(n for n in declared.groups()[:2] if n)
        rest = declared.group(3)
    elif declared is not None and declared.group(2) == ":=":
        names, rest = (declared.group(1),), declared.group(3)
    pipeline = _pipeline(rest, state)
    block = Block(word, pipeline, where=where, names=names)
    state.target.append(block)
    state.open_blocks.append(_Open(block, state.html, chained=chained))
    state.scopes.append(set(names))
    state.target = block.body


_NAMED = re.compile(r'\s*("(?:[^"\\]|\\.)*"|`[^`]*`)\s*(.*)', re.DOTALL)


def _open_define(state: _Compiling, word: str, rest: str, where) -> None:
    """``{{ define "name" }}`` (at the top only, as Go wants it), and ``{{ block "name"
    pipeline }}``, which defines and calls at once.  The body is written from the start of
    a text, with its own variables."""
    named = _NAMED.fullmatch(rest)
    if named is None or state.open_blocks or state.outside is not None:
        raise NotSimple(f"{{{{ {word} … }}}}" if named else f"{{{{ {word}{rest} }}}}")
    name = _string(named.group(1))
    if word == "block":
        _call_template(state, rest, where)
    elif named.group(2).strip():
        raise NotSimple(f"{{{{ {word}{rest} }}}}")
    block = Block("define", [], where=where, names=(name,))
    state.open_blocks.append(_Open(block, state.html))
    state.outside = (state.html, state.scopes)
    state.html, state.scopes, state.target = Context(), [{"$"}], block.body


def _call_template(state: _Compiling, rest: str, where) -> None:
    """``{{ template "name" pipeline }}``: the named template run with the pipeline's value
    as its ``.`` and ``$``; only where text is written (Go escapes it for its place)."""
    named = _NAMED.fullmatch(rest)
    if named is None or state.html != Context():
        raise NotSimple("{{ template … }} outside text" if named else f"{{{{ template{rest} }}}}")
    pipeline = _pipeline(named.group(2), state) if named.group(2).strip() else []
    state.target.append(("template", _string(named.group(1)), pipeline, state.defines, where))


def _else(state: _Compiling, rest: str, where) -> None:
    if not state.open_blocks or state.open_blocks[-1].body_end is not None:
        raise NotSimple("{{ else }} outside if, with or range")
    opened = state.open_blocks[-1]
    if opened.block.kind == "define":
        raise NotSimple("{{ else }} in a define")
    opened.body_end, state.html = state.html, opened.start
    state.scopes[-1] = set()
    state.target = opened.block.otherwise
    if rest:
        word = rest.split(None, 1)[0]
        if word not in ("if", "with") or opened.block.kind == "range":
            raise NotSimple(f"{{{{ else {rest} }}}}")
        _open_block(state, word, rest[len(word):], where, chained=True)


def _end(state: _Compiling) -> None:
    if not state.open_blocks:
        raise NotSimple("{{ end }} without its if, with or range")
    while True:
        ended = state.open_blocks.pop()
        if ended.block.kind == "define":
            if state.html != Context():
                raise NotSimple(f'{{{{ define "{ended.block.names[0]}" }}}} that ends inside a tag')
            state.defines[ended.block.names[0]] = ended.block.body
            state.html, state.scopes = state.outside
            state.outside = None
            break
        state.scopes.pop()
        state.html = join(ended.start if ended.body_end is None else ended.body_end, state.html)
        if not ended.chained:
            break
    state.target = _open_part(state.open_blocks, state.root)


def _open_part(open_blocks: list[_Open], root: list) -> list:
    """Where text goes after an end: the part of the enclosing block being written (its
    else part once that has begun), or the top."""
    if not open_blocks:
        return root
    block = open_blocks[-1]
    return block.block.otherwise if block.body_end is not None else block.block.body


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




_DEEPEST_PARENTHESES = 100


def _pipeline(text: str, state: _Compiling | None = None) -> list[list]:
    """The commands of a pipeline, each a list of terms (a literal is a ("lit", value)
    tuple, a parenthesised command a Sub); raises NotSimple for a term or function this
    does not know."""
    state = state or _Compiling()
    tokens = _TOKEN.findall(text.strip())
    if tokens.count("(") > _DEEPEST_PARENTHESES:  # read recursively: a bounded depth
        raise NotSimple(f"more than {_DEEPEST_PARENTHESES} parenthesised commands in one action")
    try:
        commands, end = _commands(tokens, 0, text.strip(), state)
    except NotSimple:
        if "(" in tokens:  # named whole: "{{ (index $.Site.Data.x $lang).name }}"
            raise NotSimple(f"{{{{ {text.strip()} }}}}") from None
        raise
    if end < len(tokens):  # a ")" that nothing opened
        raise NotSimple(f"{{{{ {text.strip()} }}}}")
    if any(command[0] == "html" for command in commands[:-1]):
        raise NotSimple('the escaper "html" before the end of its pipeline, which Hugo refuses '
                        '("predefined escaper "html" disallowed in template")')
    return commands


def _commands(tokens: list[str], at: int, text: str, state: _Compiling) -> tuple[list[list], int]:
    """The pipeline that starts at token ``at``, up to the ")" that ends it or the end;
    returns its commands and where it stopped (at that ")")."""
    commands: list[list] = [[]]
    while at < len(tokens) and not tokens[at].startswith(")"):
        token = tokens[at]
        if token == "|":
            commands.append([])
        elif token == "(":
            inner, at = _commands(tokens, at + 1, text, state)
            if at >= len(tokens):
                raise NotSimple(f"{{{{ {text} }}}}")
            fields = tuple(f for f in tokens[at][1:].split(".") if f)
            commands[-1].append(Sub(tuple(tuple(c) for c in inner), fields))
        else:
            commands[-1].append(_read_term(token, state, text))
        at += 1
    for index, command in enumerate(commands):
        _check_command(command, index > 0, text)
    return commands, at


def _read_term(token: str, state: _Compiling, text: str):
    """A token as a term: a literal read now, a known function, or a field chain."""
    if token[0] in "\"`":
        return ("lit", _string(token))
    if token[0] == "'":
        char = _string(token)
        if len(char) != 1:
            raise NotSimple(f"{{{{ {text} }}}}")
        return ("lit", ord(char))
    if token in ("true", "false", "nil"):
        return ("lit", {"true": True, "false": False, "nil": None}[token])
    if _NUMBER.fullmatch(token):
        return ("lit", _number(token))
    if token in FUNCTION_NAMES:
        return token
    if not _CHAIN.fullmatch(token):
        raise NotSimple(f'the function "{token}"' if re.fullmatch(r"[A-Za-z_][\w.]*", token)
                        and "." not in token else f'"{token}"')
    _check_chain(token, state)
    return token


def _check_chain(token: str, state: _Compiling) -> None:
    """Refuse a field of the shortcode, its page or its site that manualgen does not know,
    and a variable never declared (Hugo refuses the template)."""
    if token.startswith("$") and token != "$":
        name = token.split(".")[0]
        if name != "$" and not any(name in scope for scope in state.scopes):
            raise _ReadFailed(f'undefined variable "{name}"')
        if name != "$":
            return
    elif token.startswith(".") and not state.dot_is_shortcode():
        return  # a field of the value with or range gave: read when run
    if token.startswith("$") and state.partial:
        return
    if token.startswith("now."):  # a field of the time: read when run
        return
    if token.startswith("hugo."):  # Hugo 0.156's hugo.Data: the site's data, as .Site.Data
        if token.split(".")[1] not in ("Data", "Environment", "IsProduction", "IsDevelopment", "IsServer"):
            raise NotSimple(f'"{token}"')
        return
    fields = [f for f in token.split(".")[1:]]
    if token.startswith("site."):
        fields = ["Site"] + fields
    if not fields or not fields[0]:
        return
    known = (state.root_fields, _PAGE_FIELDS if fields[0] == "Page" else _SITE_FIELDS)
    if fields[0] not in known[0] or (len(fields) > 1 and fields[0] in ("Page", "Site")
                                     and fields[1] not in known[1]) or (
            fields[:2] == ["Page", "Resources"] and len(fields) > 2
            and fields[2] not in ("Get", "GetMatch", "Match")):
        raise NotSimple(f'"{token}"')


def _check_command(command: list, piped: bool, text: str) -> None:
    if not command:
        raise NotSimple(f"{{{{ {text} }}}}")
    head = command[0]
    count = len(command) - 1 + piped
    if isinstance(head, str) and head in FUNCTION_NAMES:
        _check_arity(head, count)
    elif isinstance(head, str) and head.rsplit(".", 1)[-1] in _METHODS \
            and head.startswith((".", "$", "site.", "now.")) and head not in FUNCTION_NAMES:
        _check_arity(head.rsplit(".", 1)[-1], count)
    elif isinstance(head, Sub) and head.fields and head.fields[-1] in _METHODS:
        _check_arity(head.fields[-1], count)
    elif count:
        raise NotSimple(f"{{{{ {head if isinstance(head, str) else text} … }}}}")
    for term in command[1:]:
        if isinstance(term, str) and term.rsplit(".", 1)[-1] in _METHODS and term[0] in ".$":
            raise NotSimple(f'"{term}" given as an argument without its own')


_CALL_ARITY = {"markdownify": (1, 1), "plainify": (1, 1), "relURL": (1, 1), "absURL": (1, 1),
               "relLangURL": (1, 1), "absLangURL": (1, 1), "i18n": (1, 2), "T": (1, 2), "partial": (1, 2),
               "partialCached": (1, 99), "errorf": (1, 99), "warnf": (1, 99), "site": (0, 0),
               "erroridf": (2, 99), "warnidf": (2, 99),
               "time.Format": (2, 2), "dateFormat": (2, 2), "anchorize": (1, 1),
               "time.AsTime": (1, 1), "time": (1, 2), "safeURL": (1, 1), "safeCSS": (1, 1),
               "relref": (2, 2), "ref": (2, 2), "title": (1, 1), "strings.Title": (1, 1),
               "resources.Get": (1, 1), "readFile": (1, 1), "os.ReadFile": (1, 1),
               "fileExists": (1, 1), "os.FileExists": (1, 1), "reflect.IsMap": (1, 1),
               "reflect.IsSlice": (1, 1), "html": (0, 99), "templates.Exists": (1, 1),
               "unmarshal": (1, 2), "transform.Unmarshal": (1, 2), "highlight": (2, 3), "transform.Highlight": (2, 3),
               **_METHODS}


def _check_arity(name: str, count: int) -> None:
    """Refuse a call with a count of arguments Go refuses: Hugo's build stops there."""
    fewest, most = ARITY.get(name) or _CALL_ARITY.get(name, (1, 1))
    if not fewest <= count <= most:
        raise NotSimple(f'a call of "{name}" with {count} argument{"s" if count != 1 else ""}, '
                        "which Hugo refuses")


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
            "\\": "\\"}
# one escape of a Go string or rune literal; any other backslash is a syntax error
_ESCAPE = re.compile(r"\\(?:([0-7]{3})|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))",
                     re.DOTALL)


def _string(term: str) -> str:
    """A Go string literal's text: a raw one as written, an interpreted one with its
    escapes (\\n, \\t, \\101, \\xHH, \\uHHHH …); an escape Go refuses (``\\q``, ``\\x``
    without its digits, a surrogate or a code past U+10FFFF) fails the template's reading
    as Hugo's does ("invalid syntax")."""
    if term[0] == "`":
        return term[1:-1]
    quote = term[0]

    def escape(m: re.Match) -> str:
        octal, byte, short, long, other = m.groups()
        if other is not None:
            if other in _ESCAPES or other == quote:
                return _ESCAPES.get(other, other)
            raise _ReadFailed("invalid syntax")
        code = int(octal, 8) if octal else int(byte or short or long, 16)
        if code > (0xFF if octal or byte else 0x10FFFF) or 0xD800 <= code <= 0xDFFF:
            raise _ReadFailed("invalid syntax")
        return chr(code)
    return _ESCAPE.sub(escape, term[1:-1])


def _number(token: str) -> int | float:
    """A number literal; past the range of Go's integers (uint64) the template's reading
    fails, as Hugo's does."""
    text = token.replace("_", "")
    hexadecimal = re.fullmatch(r"[+-]?0[xX][0-9a-fA-F]+", text)
    if hexadecimal or re.fullmatch(r"[+-]?\d+", text):
        digits = text.lstrip("+-").lstrip("0") or "0"
        if len(digits) > 20:  # read no further: the number is too large either way
            value = 2**64
        else:
            value = int(text, 16) if hexadecimal else int(text)
        if not -2**63 <= value < 2**64:
            raise _ReadFailed(f'illegal number syntax: "{token}"' if hexadecimal
                              else f'integer overflow: "{token}"')
        return value
    return float(text)
