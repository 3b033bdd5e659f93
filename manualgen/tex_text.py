"""Simple TeX formulas as Unicode text, for paper (which cannot run KaTeX or MathJax).

A site's math passthrough (``$…$``, ``$$…$$``) is drawn by a script in the reader's
browser.  A formula made only of what plain text can show — letters, digits, Greek,
operators and relations, sub- and superscripts, ``\\frac``, ``\\sqrt``, ``\\text`` — prints as
the text a reader would read off the web page: ``\\sum_{i=1}^n i = \\frac{n(n+1)}{2}``
becomes ``∑ᵢ₌₁ⁿ i = n(n+1)/2``.  A formula with anything else (a matrix, an aligned
environment, an unknown command) returns None and prints as its TeX source, as before: a
reader can still read the source, never a half-converted formula.
"""

from __future__ import annotations

import re

SYMBOLS = {
    # Greek
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
    "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    # operators and relations
    "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "circ": "∘",
    "bullet": "∙", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠",
    "approx": "≈", "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝",
    "ll": "≪", "gg": "≫", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "supset": "⊃",
    "subseteq": "⊆", "supseteq": "⊇", "cup": "∪", "cap": "∩", "setminus": "∖",
    "emptyset": "∅", "varnothing": "∅", "forall": "∀", "exists": "∃", "neg": "¬",
    "lnot": "¬", "land": "∧", "wedge": "∧", "lor": "∨", "vee": "∨", "oplus": "⊕",
    "otimes": "⊗", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←",
    "leftrightarrow": "↔", "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔",
    "implies": "⇒", "iff": "⇔", "mapsto": "↦", "uparrow": "↑", "downarrow": "↓",
    "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫",
    "oint": "∮", "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
    "prime": "′", "degree": "°", "angle": "∠", "perp": "⊥", "parallel": "∥", "mid": "∣",
    "langle": "⟨", "rangle": "⟩", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋",
    "vert": "|", "lvert": "|", "rvert": "|", "Vert": "‖", "hbar": "ℏ", "ell": "ℓ",
    "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ",
    # named functions print upright, as words
    "sin": "sin", "cos": "cos", "tan": "tan", "cot": "cot", "sec": "sec", "csc": "csc",
    "arcsin": "arcsin", "arccos": "arccos", "arctan": "arctan", "sinh": "sinh", "cosh": "cosh",
    "tanh": "tanh", "log": "log", "ln": "ln", "lg": "lg", "exp": "exp", "min": "min",
    "max": "max", "sup": "sup", "inf": "inf", "lim": "lim", "det": "det", "gcd": "gcd",
    "deg": "deg", "dim": "dim", "mod": "mod", "bmod": "mod", "arg": "arg",
    # spacing
    "quad": "\u2003", "qquad": "\u2003\u2003",
}
# One character after a backslash.
ESCAPES = {",": "\u2009", ":": "\u2005", ";": "\u2004", "!": "", " ": " ", "{": "{", "}": "}",
           "%": "%", "$": "$", "&": "&", "#": "#", "_": "_", "|": "‖"}
# Commands whose group prints as its text (upright words, bold: plain on paper).
TEXT_GROUPS = {"text", "textrm", "textit", "textbf", "mathrm", "mathit", "mathbf",
               "mathsf", "mathtt", "operatorname", "boldsymbol", "mbox"}
DOUBLE_STRUCK = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "P": "ℙ", "E": "𝔼"}
IGNORED = {"left", "right", "displaystyle", "textstyle", "limits", "nolimits", "big", "Big",
           "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"}

SUPERSCRIPT = dict(zip("0123456789+-=()nixyabcdefghjklmoprstuvwzABDEGHIJKLMNOPRTUVW",
                       "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱˣʸᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ"))
SUPERSCRIPT.update({"−": "⁻", "′": "′", "∗": "*", "*": "*", "∘": "°"})
SUBSCRIPT = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
SUBSCRIPT["−"] = "₋"

BINARY = set("+−×·÷±∓∘∗∪∩⊕⊗")
RELATIONS = set("=<>:≤≥≠≈≡∼≃≅∝≪≫∈∉∋⊂⊃⊆⊇→←↔⇒⇐⇔↦")
_OPERATORS = BINARY | RELATIONS
# A space, an operator (not ∗, which joins factors) or a slash outside brackets.
_MORE_THAN_ONE_TERM = re.compile(r"[\s" + re.escape("".join(sorted(_OPERATORS - {"∗"}))) + "/]")
# Accents over one letter, as combining marks.
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0305",
           "tilde": "\u0303", "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308",
           "vec": "\u20d7", "acute": "\u0301", "grave": "\u0300", "check": "\u030c",
           "breve": "\u0306"}
# Around a function's name or a large operator: a thin space before a letter or digit that
# follows (past the operator's limits), and after a letter, digit or bracket before it.
_WORD_START, _WORD_END = "\x01", "\x00"
_SCRIPTS = re.escape("".join(sorted(set(SUPERSCRIPT.values()) | set(SUBSCRIPT.values()))))
_AFTER_NAME = re.compile(rf"\x00([{_SCRIPTS}]*)(?=\w)")
_BEFORE_NAME = re.compile(r"(?<=[\w)\]])\x01")
LARGE_OPERATORS = set("∑∏∫∮")
_TOKEN = re.compile(r"\\([A-Za-z]+)\s*|\\(.)|(\s+)|(.)", re.DOTALL)


class _Unsupported(Exception):
    """A part of the formula that plain text cannot show."""


def tex_as_text(tex: str) -> str | None:
    """``tex`` as Unicode text, or None when it holds what text cannot show."""
    if len(tex) > 2000:
        return None
    tokens = [m.group(0) for m in _TOKEN.finditer(tex)]
    try:
        pieces, rest = _read(tokens, 0, depth=0)
    except (_Unsupported, RecursionError, IndexError):
        return None
    if rest != len(tokens):
        return None
    return _spaced(pieces)


def _read(tokens: list[str], at: int, depth: int) -> tuple[list[str], int]:
    """The pieces of text up to the end or the ``}`` closing this group (``depth`` > 0)."""
    if depth > 20:
        raise _Unsupported
    out: list[str] = []
    while at < len(tokens):
        token = tokens[at]
        at += 1
        if token == "}":
            if depth == 0:
                raise _Unsupported
            return out, at
        if token == "{":
            inner, at = _read(tokens, at, depth + 1)
            out.append("".join(inner))
        elif token in ("^", "_"):
            argument, at = _argument(tokens, at, depth)
            out.append(_scripted(argument, SUPERSCRIPT if token == "^" else SUBSCRIPT, token))
        elif token.startswith("\\"):
            text, at = _command(token, tokens, at, depth)
            out.append(text)
        elif token.isspace():
            out.append(" ")
        elif token in "&~":
            raise _Unsupported  # alignment, a tie: an environment or layout of its own
        else:
            out.append("−" if token == "-" else "∗" if token == "*" else "′" if token == "'"
                       else token)
    if depth:
        raise _Unsupported  # an unclosed group
    return out, at


def _argument(tokens: list[str], at: int, depth: int) -> tuple[str, int]:
    """The text of the one-token or ``{…}`` argument at ``at``."""
    while at < len(tokens) and tokens[at].isspace():
        at += 1
    if at >= len(tokens):
        raise _Unsupported
    token = tokens[at]
    if token == "{":
        inner, at = _read(tokens, at + 1, depth + 1)
        return _spaced(inner), at
    if token.startswith("\\"):
        return _command(token, tokens, at + 1, depth)
    if token in "}^_":
        raise _Unsupported
    return ("−" if token == "-" else token), at + 1


def _text_argument(tokens: list[str], at: int) -> tuple[str, int]:
    """The ``{…}`` argument of ``\\text`` and its kin as written (text mode: its spaces
    count), or one token."""
    while at < len(tokens) and tokens[at].isspace():
        at += 1
    if at >= len(tokens):
        raise _Unsupported
    if tokens[at] != "{":
        return _argument(tokens, at, 0)
    out: list[str] = []
    level = 0
    for index in range(at + 1, len(tokens)):
        token = tokens[index]
        if token == "}" and level == 0:
            return "".join(out), index + 1
        level += {"{": 1, "}": -1}.get(token, 0)
        if token.startswith("\\"):
            if len(token) != 2 or token[1] not in ESCAPES:
                raise _Unsupported  # a command inside the text
            token = ESCAPES[token[1]]
        elif token in "{}":
            continue
        out.append(token)
    raise _Unsupported  # unclosed


def _command(token: str, tokens: list[str], at: int, depth: int) -> tuple[str, int]:
    name = token[1:].strip()
    if len(token) == 2 and not token[1].isalpha():
        if token[1] not in ESCAPES:
            raise _Unsupported
        return ESCAPES[token[1]], at
    if name in SYMBOLS:
        symbol = SYMBOLS[name]
        if (symbol.isalpha() and len(symbol) > 1) or symbol in LARGE_OPERATORS:
            return _WORD_START + symbol + _WORD_END, at
        return symbol, at
    if name in IGNORED:
        if name in ("left", "right") and at < len(tokens) and tokens[at] == ".":
            return "", at + 1
        return "", at
    if name in TEXT_GROUPS:
        return _text_argument(tokens, at)
    if name in ACCENTS:
        text, at = _argument(tokens, at, depth)
        if len(text) != 1:
            raise _Unsupported
        return text + ACCENTS[name], at
    if name == "mathbb":
        text, at = _argument(tokens, at, depth)
        if not all(char in DOUBLE_STRUCK for char in text):
            raise _Unsupported
        return "".join(DOUBLE_STRUCK[char] for char in text), at
    if name in ("frac", "dfrac", "tfrac"):
        top, at = _argument(tokens, at, depth)
        bottom, at = _argument(tokens, at, depth)
        return f"{_grouped(top)}/{_grouped(bottom)}", at
    if name == "sqrt":
        if at < len(tokens) and tokens[at] == "[":
            raise _Unsupported  # an nth root
        radicand, at = _argument(tokens, at, depth)
        return f"√{_grouped(radicand)}", at
    raise _Unsupported


def _grouped(text: str) -> str:
    """``text`` in parentheses when it is more than one term outside its own brackets (so
    a fraction or a root reads as it is drawn): ``a+b`` → ``(a + b)``, ``n(n+1)`` as it is."""
    plain = text.strip()
    outside = plain
    while True:
        inner = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", outside)
        if inner == outside:
            break
        outside = inner
    if not _MORE_THAN_ONE_TERM.search(outside):
        return plain
    return f"({plain})"


def _scripted(text: str, table: dict[str, str], mark: str) -> str:
    """``text`` in super- or subscript characters, or ``^(text)`` when one has none."""
    plain = text.strip().replace(" ", "")
    if plain and all(char in table for char in plain):
        return "".join(table[char] for char in plain)
    return f"{mark}{_grouped(text.strip())}" if plain else ""


def _spaced(pieces: list[str]) -> str:
    """The pieces joined, TeX's own spacing: a space on each side of a relation and of a
    binary operator (not of a sign: at the start, after an opening bracket or another
    operator); the writer's spaces count for nothing, as in TeX."""
    chars = "".join(piece if piece != " " else "" for piece in pieces)
    out: list[str] = []
    for char in chars:
        before = out[-1].rstrip()[-1:] if out else ""
        if char in RELATIONS or (char in BINARY and before and before not in "([{"
                                 and before not in _OPERATORS):
            out.append(f" {char} ")
        else:
            out.append(char)
    text = _AFTER_NAME.sub("\\1\u2009", "".join(out))
    text = _BEFORE_NAME.sub("\u2009", text)
    text = text.replace(_WORD_END, "").replace(_WORD_START, "")
    return re.sub(r" {2,}", " ", text).strip()
