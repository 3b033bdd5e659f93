"""Translations: which page exists in which language, and where the languages drifted apart.

A manual goes out in several languages at once; a step that the French page has and the
German one lost, or a German heading still in French, is found by a reader unless it is found
here.  The check works on manualgen's own pipeline output (each page's converted HTML), so it
sees the page as it will be printed, and it needs no list of known pages:

1. every language's pages are discovered and converted (a scratch pass: problems of the
   pages themselves are reported by the build's own stages, not twice);
2. pages are paired as Hugo pairs them: the same ``translationKey``, else the same path
   relative to the content folder as Hugo normalises it (lower case, ``index`` bundles);
3. the matrix says which page exists where; a page missing in a language is a warning;
4. each pair is compared: step blocks, screenshots, headings, items of numbered
   procedures, FAQ questions; text left in another language; screenshots whose file name
   marks another language.  Each finding names the line in the page that is wrong and the
   other language's file.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

from .assemble.clean import drop_noise
from .assemble.html import MAX_NESTING, classes, nesting_depth, parse_fragment, split_url, text_of
from .assemble.html import is_image_only as _is_image_only
from .assemble.resources import resolve_image
from .assemble.steps import columns_of
from .config import Settings
from .content import Page, left_out_by_mount
from .errors import Finding, Findings, show
from .i18n import Fallback
from .languages import language_name
from .render import RenderedLanguage, RenderedPage

#: The codes this module reports; all are warnings (a build goes on unless --strict).
CODES = ("missing-translation", "missing-translations", "drift-steps", "drift-screenshots", "drift-headings",
         "drift-procedure", "drift-faq", "untranslated-text", "screenshot-language")


# --- a small language identifier -----------------------------------------------------------
#
# Function words are what tells languages apart in a sentence, and they are few: a short list
# per language is enough to tell German from French from Italian in a paragraph, with no model
# and no network.  Words shared by several languages ("la", "in", "e") count for each of them
# with a share of the weight.  Product names, code and URLs carry no function words, so they
# stay unidentified instead of raising false alarms.

_STOPWORDS: dict[str, str] = {
    "de": """der die das den dem des und ist sind nicht kein keine ein eine einen einem einer
        eines mit auf für von zu zum zur im ins sich sie wir ihr ihre ihren ihnen ihrer es
        werden wird wurde wurden kann können könnten müssen muss soll sollen oder auch als wie
        bei nach aus über unter wenn dann dass noch nur hier diese dieser dieses diesem diesen
        sowie bitte klicken sehen finden haben hat wird durch ob um gibt jedoch werden alle
        bereits zwischen damit wo was wer""",
    "fr": """le la les un une des du de et est sont pas ne pour par sur dans avec au aux ce
        cette ces qui que quoi vous nous il elle ils elles se sa son ses leur leurs être avoir
        peut pouvez doit devez ou où mais aussi comme si puis cliquez votre vos notre nos
        lors été fait sont entre afin ainsi dont même très tout tous toutes voici voir""",
    "it": """il lo la gli le un una uno di del della dello dei degli delle e è non per con su
        sul sulla nel nella nei sono che può possono potete si ci anche come se poi cliccate
        vostro vostra vostri questo questa questi queste essere avere ha hanno al alla ai
        alle dal dalla da o ma tra fra quando dove""",
    "en": """the and is are not of to in for with on by this that these those you your can be
        it from or as at an will click have has was were which when where there their""",
    "rm": """il la ils las in ina in da dal dala dals ed e è betg per cun sin che vus nus pon
        sco er tar igl ina quai quella""",
}
_WORDS: dict[str, set[str]] = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
# French and Italian elisions: "d'onboarding", "l'utilisateur", "dell'utente".
_ELISION = {"fr": ("d", "l", "qu", "j", "n", "s", "c"), "it": ("dell", "nell", "all", "dall",
                                                               "sull", "un", "l")}
_LETTERS = {"de": "äöüß", "fr": "éèêçàùœëîïâô", "it": "àèìòù"}
# Hyphenated compounds ("E-Mail-Adresse") are one word: their parts are not function words.
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*(?:['’][^\W\d_]+(?:-[^\W\d_]+)*)?")
# An address starts a word only: tried at every letter, a 200 000-letter word took minutes.
_NOISE = re.compile(r"(https?://\S+|www\.\S+|(?<!\S)\S+@\S+|`[^`]*`|\{\{.*?\}\})")


@dataclasses.dataclass(frozen=True)
class Guess:
    """What a text looks like: its best language and how sure that is."""

    lang: str | None
    scores: dict[str, float]
    words: int

    def score(self, lang: str) -> float:
        return self.scores.get(lang, 0.0)


def identify(text: str, candidates: list[str] | None = None) -> Guess:
    """Guess the language of ``text`` from its function words (and a few letters).

    Returns ``Guess(None, …)`` unless one language clearly leads: at least two points and
    twice the score of the next.  ``candidates`` limits the guess to those languages.
    """
    langs = [c for c in (candidates or list(_WORDS)) if c in _WORDS]
    word_owners, letter_owners = _owners(tuple(langs))
    text = _NOISE.sub(" ", text)
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    scores = dict.fromkeys(langs, 0.0)
    for token in tokens:
        words = [token]
        if "'" in token or "’" in token:
            head, _, tail = re.split(r"(['’])", token, maxsplit=1)[0:3]
            words = [tail]
            owners = [lang for lang in langs if head in _ELISION.get(lang, ())]
            for lang in owners:
                scores[lang] += 1.0 / len(owners)
        for word in words:
            for lang in (owners := word_owners.get(word, ())):
                scores[lang] += 1.0 / len(owners)
    letters = dict.fromkeys(langs, 0.0)
    for ch in text.lower():
        for lang in (owners := letter_owners.get(ch, ())):
            letters[lang] += 0.5 / len(owners)
    for lang in langs:
        scores[lang] += min(1.5, letters[lang])
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked:
        return Guess(None, scores, len(tokens))
    best, best_score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if best_score >= 2.0 and best_score >= 2 * second:
        return Guess(best, scores, len(tokens))
    return Guess(None, scores, len(tokens))


@functools.lru_cache(maxsize=32)
def _owners(langs: tuple[str, ...]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Among ``langs``, the languages each function word and each marked letter belongs to,
    in the order of ``langs`` (so that :func:`identify` adds the same shares in the same
    order as when it asked every language in turn; speed, issue 11)."""
    words: dict[str, tuple[str, ...]] = {}
    letters: dict[str, tuple[str, ...]] = {}
    for lang in langs:
        for word in _WORDS[lang]:
            words[word] = (*words.get(word, ()), lang)
        for letter in dict.fromkeys(_LETTERS.get(lang, "")):
            letters[letter] = (*letters.get(letter, ()), lang)
    return words, letters


# --- where things are in the source --------------------------------------------------------


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


def title_line(page: Page) -> int:
    """The line of the page's title (its front matter), else the first line."""
    return page.line_of_key("title") or 1


def _contains_words(line: str, needle: str) -> bool:
    return f" {needle} " in f" {line} "


# --- a page's structure --------------------------------------------------------------------


@dataclasses.dataclass
class Item:
    """One counted element: where it is in the source, and a key to align it across pages."""

    line: int | None
    key: str = ""
    text: str = ""
    step: int | None = None  # index of the step block it belongs to


@dataclasses.dataclass
class Structure:
    """What a page is made of, as far as its translations must agree."""

    page: Page
    steps: list[Item]
    screenshots: list[Item]
    headings: list[Item]
    procedure: list[Item]  # items of numbered lists; key: which list
    faq: list[Item]
    texts: list[Item]  # title, headings and paragraphs, for the language check
    images: list[tuple[str, str, int | None]]  # (src, file name, line)
    # Strings of the site's i18n files the page printed in the default language (T "key").
    fallbacks: list[Fallback] = dataclasses.field(default_factory=list)

    def count(self, metric: str) -> int:
        return len(getattr(self, metric))


_LANG_SUFFIX = re.compile(r"[_-](de|fr|it|rm|en|ger|deu|fra|ita|eng|d|f|i)$", re.IGNORECASE)
_SUFFIX_LANG = {"de": "de", "ger": "de", "deu": "de", "d": "de", "fr": "fr", "fra": "fr",
                "f": "fr", "it": "it", "ita": "it", "i": "it", "rm": "rm", "en": "en",
                "eng": "en"}


def image_stem(name: str) -> str:
    """A screenshot's name without its language mark: continuer_de.png → continuer."""
    return _LANG_SUFFIX.sub("", Path(name).stem).lower()


def image_language(name: str) -> tuple[str | None, str]:
    """The language a file name marks (``_fr``, ``-de``, ``_d`` …) and the mark itself."""
    m = _LANG_SUFFIX.search(Path(name).stem)
    if not m:
        return None, ""
    return _SUFFIX_LANG[m.group(1).lower()], m.group(0)


_BLOCK_TEXT = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "th", "dt", "dd", "figcaption",
               "li", "div", "blockquote"}
_SKIP_TEXT = {"pre", "code", "script", "style", "ol", "ul", "table", "div", "p", "figure",
              "blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6"}


def _own_text(el: ET.Element, skip: frozenset[str] | set[str] = _SKIP_TEXT) -> str:
    """An element's text without the text of block children (they are counted on their own)
    nor, unless ``skip`` keeps it, of inline code (no language's words)."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in skip:
            parts.append(_own_text(child, skip))
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


# a procedure item is quoted as the reader sees it: "Run `cd` in the folder" keeps its `cd`
_ITEM_SKIP = _SKIP_TEXT - {"code"}


def page_structure(rendered: RenderedPage) -> Structure | None:
    """Count what translations must share, each element with its source line."""
    page = rendered.page
    root = parse_fragment(rendered.html)
    if nesting_depth(root) > MAX_NESTING:  # the build reports it; nothing to compare
        return None
    drop_noise(root)  # comments and spacers are not content, as in the manual
    parents = {child: parent for parent in root.iter() for child in parent}

    def ancestors(el):
        while el in parents:
            el = parents[el]
            yield el

    steps: list[Item] = []
    step_of: dict[ET.Element, int] = {}
    for el in root.iter("div"):
        columns = columns_of(el)
        if not columns or len(columns) != 2:
            continue
        media = [c for c in columns if _is_image_only(c)]
        if len(media) != 1:
            continue
        text = " ".join(text_of(next(c for c in columns if c is not media[0])).split())
        names = [Path(unquote(split_url(i.get("src") or "").path)).name for i in media[0].iter("img")]
        after = next((s.line for s in reversed(steps) if s.line), 0)
        line = page.find_line(text, after, literal=False) if text else None
        if line is None and names and names[0]:
            line = page.find_line(names[0], after)
        step_of[el] = len(steps)
        steps.append(Item(line, "+".join(image_stem(n) for n in names), text[:60], len(steps)))

    def step(el: ET.Element) -> int | None:
        return next((step_of[a] for a in ancestors(el) if a in step_of), None)

    images: list[tuple[str, str, int | None]] = []
    screenshots: list[Item] = []
    cursor = 0
    for img in root.iter("img"):
        src = img.get("src") or ""
        name = Path(unquote(split_url(src).path)).name or src
        line = page.find_line(name, cursor) if name else None
        cursor = line or cursor
        images.append((src, name, line))
        if line is None and name.lower().endswith(".svg"):
            continue  # an icon a shortcode's template draws (an alert's), not a screenshot
        screenshots.append(Item(line, image_stem(name), name, step(img)))

    headings = _headings(page, root)

    procedure: list[Item] = []
    faq: list[Item] = []
    cursor = 0
    ordinal = 0
    for el in root.iter("ol"):
        if "numbered-list" in classes(el):
            continue
        if any("footnotes" in classes(a) for a in ancestors(el)):
            continue  # the footnotes' list is no procedure: a page may have more notes
        ordinal += 1
        for li in el.findall("li"):
            text = _own_text(li, _ITEM_SKIP)
            line = page.find_line(text, cursor, literal=False) if text else None
            cursor = line or cursor
            procedure.append(Item(line, f"list{ordinal}", text[:60], step(li)))
    cursor = 0
    for li in root.iter("li"):
        if "list-item" in classes(li) and any("faq-answer" in classes(d) for d in li.iter("div")):
            question = _question_text(li)
            line = page.find_line(question, cursor, literal=False) if question else None
            cursor = line or cursor
            faq.append(Item(line, "", question[:60]))

    # the title only when the page writes one: one it takes from the site's config (a home
    # page's), its first heading or its folder's name is no text of this file to translate
    texts: list[Item] = [Item(title_line(page), "title", page.title)] if page.line_of_key("title") else []
    cursor = 0
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCK_TEXT:
            continue
        if any(a.tag in ("pre", "code") for a in ancestors(el)):
            continue
        if "mg-label" in classes(el) or "faq-answer-label" in classes(el):
            continue
        text = _own_text(el)
        if not text or len(text) < 3:
            continue
        line = page.find_line(text, cursor, literal=False)
        cursor = line or cursor
        texts.append(Item(line, el.tag, text))
    return Structure(page, steps, screenshots, headings, procedure, faq, texts, images)


def _question_text(li: ET.Element) -> str:
    from .assemble import classes

    parts = [li.text or ""]
    for child in li:
        if not (isinstance(child.tag, str) and "faq-answer" in classes(child)):
            parts.append("".join(child.itertext()) if child.tag != "img" else "")
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


# --- a page's structure, kept between builds ------------------------------------------------
#
# Speed (issue 11): after one page is edited, every other page's structure is the same as in
# the last check.  It is a function of what page_structure reads: the rendered HTML, the
# file's text (for lines), where the body starts and the title.  Kept as plain data (JSON in
# the cache, see reuse.py), found again by the hash of those.

_STRUCTURE_FORMAT = "structure 2"  # 2: procedure items keep their inline code
_ITEM_LISTS = ("steps", "screenshots", "headings", "procedure", "faq", "texts")


def structure_key(rendered: RenderedPage) -> str:
    """The hash of everything :func:`page_structure` reads of a page."""
    page = rendered.page
    h = hashlib.sha256(_STRUCTURE_FORMAT.encode())
    for part in (str(page.path), str(page.body_line), page.title, page.source.text, rendered.html):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def structure_data(structure: Structure | None) -> list | None:
    """A structure as lists of plain values (its page and fallbacks are not part of it)."""
    if structure is None:
        return None
    return ([[[i.line, i.key, i.text, i.step] for i in getattr(structure, name)]
             for name in _ITEM_LISTS] + [[list(image) for image in structure.images]])


def _known_structure(page: Page, data: list | None) -> Structure | None:
    """The structure ``data`` holds (see :func:`structure_data`), None when it holds none
    or is not one (a damaged cache: the page is parsed again)."""
    try:
        *lists, images = data
        items = [[Item(_line(line), str(key), str(text), _line(step))
                  for line, key, text, step in values] for values in lists]
        shots = [(str(src), str(name), _line(line)) for src, name, line in images]
    except (TypeError, ValueError):
        return None
    if len(items) != len(_ITEM_LISTS):
        return None
    return Structure(page, *items, images=shots)


def _line(value) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        raise TypeError("not a line number")
    return value


# --- pairing -------------------------------------------------------------------------------


def translation_key(page: Page) -> str:
    """The key Hugo pairs translations by: ``translationKey``, else the normalised path.

    Hugo compares paths in lower case, with spaces as dashes, and a leaf bundle
    (``foo/index.md``) is the same page as ``foo.md``.
    """
    if page.translation_key:
        return "key:" + page.translation_key
    rel = re.sub(r"\.\w+$", "", page.rel)  # page.md, page.html, …: one page
    rel = re.sub(r"(^|/)_?index$", "", rel)
    rel = re.sub(r"\s+", "-", rel.strip()).lower()
    kind = "page" if page.kind == "page" else page.kind
    return f"{kind}:{rel}"


@dataclasses.dataclass
class Row:
    key: str
    pages: dict[str, Page | None]

    @property
    def label(self) -> str:
        page = next(p for p in self.pages.values() if p is not None)
        return page.rel


@dataclasses.dataclass
class TranslationReport:
    """The matrix (which page exists in which language) and the drift found between them."""

    langs: list[str]
    rows: list[Row]
    findings: list[Finding]
    root: Path | None = None  # the site: files are shown relative to it
    # each compared page's structure as plain data, by structure_key: the next check's ``known``
    structures: dict[str, list | None] = dataclasses.field(default_factory=dict)

    def status(self, row: Row, lang: str) -> str:
        page = row.pages.get(lang)
        if page is None:
            return "missing"
        shown = str(page.path)
        if any(f.file == shown and f.code != "missing-translation" for f in self.findings):
            return "drift"
        return "ok"

    def as_dict(self) -> dict:
        return {
            "languages": self.langs,
            "pages": [{"key": row.key,
                       "files": {lang: (show(p.path, self.root) if p else None)
                                 for lang, p in row.pages.items()},
                       "status": {lang: self.status(row, lang) for lang in self.langs}}
                      for row in self.rows],
        }


def pair(homes: dict[str, Page]) -> list[Row]:
    """Rows of the matrix in manual order (first language's order, then the others' extras)."""
    rows: dict[str, Row] = {}
    langs = list(homes)
    for lang, home in homes.items():
        for page in home.walk():
            key = translation_key(page)
            row = rows.setdefault(key, Row(key, dict.fromkeys(langs)))
            if row.pages[lang] is None:
                row.pages[lang] = page
    return list(rows.values())


# --- the check -----------------------------------------------------------------------------


def check_translations(settings: Settings, rendered: dict[str, RenderedLanguage],
                       unreadable: set[Path], langs: list[str],
                       findings: Findings | None = None,
                       known: dict[str, list | None] | None = None) -> TranslationReport:
    """Pair every language's rendered pages and compare them; findings for ``langs`` are
    kept.  ``known``: page structures an earlier check found (its report's ``structures``),
    by :func:`structure_key`; a page whose key is there is not parsed again.

    ``rendered`` holds every configured language with content (a German page is compared
    with the French one even when only German is built), but only problems of the chosen
    languages are reported.  Pages that failed to render, or files that could not be read
    (``unreadable``), have problems of their own, which the build reports; here they are
    only left out of the comparison.  Nothing is discovered, converted or read again here.
    """
    homes = {lang: r.home for lang, r in rendered.items()}
    broken = set(unreadable) | {p.page.path.resolve() for r in rendered.values()
                                for p in r.pages if p.failed}
    rows = pair(homes)
    present = list(homes)
    out: list[Finding] = []
    made: dict[str, list | None] = {}
    if len(present) > 1:
        structures, made = _structures(rendered, broken, known or {})
        left_in_i18n: dict[tuple[str, str], list] = {}  # (lang, key) -> [(item, page), …]
        for row in rows:
            out += _missing(row, present, broken, settings)
            pages = {lang: p for lang, p in row.pages.items() if p is not None and p in structures}
            if len(pages) > 1:
                out += _drift(pages, structures, settings, present, left_in_i18n)
        out += _i18n_fallbacks(left_in_i18n, settings.site_root)
        out += _screenshot_languages(homes, structures, settings, present)
    kept = [f for f in out if f.lang in langs]
    if findings is not None:
        findings.extend(kept)
    return TranslationReport(present, rows, kept, settings.site_root, made)


def _structures(rendered: dict[str, RenderedLanguage], broken: set[Path],
                known: dict[str, list | None]
                ) -> tuple[dict[Page, Structure], dict[str, list | None]]:
    """Each comparable page's structure, from ``known`` when it has the page's key; and
    every such page's structure as data, by key (for the next check)."""
    structures: dict[Page, Structure] = {}
    made: dict[str, list | None] = {}
    for language in rendered.values():
        for item in language.pages:
            page = item.page
            if item.failed or page.path.resolve() in broken or not page.path.is_file():
                continue
            key = structure_key(item)
            structure = _known_structure(page, known[key]) if key in known else None
            if structure is None:
                structure = page_structure(item)
            made[key] = structure_data(structure)
            if structure is not None:  # None: the build reports what is wrong with it
                structure.fallbacks = list(item.fallbacks)
                structures[page] = structure
    return structures, made


def _missing(row: Row, langs: list[str], broken: set[Path], settings: Settings) -> list[Finding]:
    existing = [(lang, p) for lang, p in row.pages.items() if p is not None]
    _source_lang, source = existing[0]
    if not source.path.is_file():
        return []  # a section Hugo makes for a folder without _index.md
    out = []
    for lang in langs:
        if row.pages.get(lang) is not None or left_out_by_mount(settings, lang, source.path):
            continue
        expected = _expected_path(settings, lang, source)
        if expected is not None and _unreadable(expected, broken):
            continue  # it exists but cannot be read: that error is reported already
        where = (f" (expected as {show(expected, settings.site_root)})"
                 if expected is not None else "")
        key = f' or with translationKey "{source.translation_key}"' if source.translation_key else ""
        out.append(Finding(
            "warning", "missing-translation",
            f"page has no {language_name(lang)} translation{where}{key}: the "
            f"{language_name(lang)} manual lacks it; translate it or mark it draft",
            str(source.path), title_line(source), None, lang))
    return out


SUMMARY_AFTER = 3  # more missing translations than this in a language: one line for them


def summarise_missing(findings: list[Finding], report: TranslationReport) -> list[Finding]:
    """A language that lacks many pages on purpose (a partial translation) gets one line
    ("25 of 40 pages have no Persian translation"), not a warning per page; the list is in
    ``manualgen check --translations``.  A few missing pages keep their own warnings."""
    missing: dict[str | None, list[Finding]] = {}
    for f in findings:
        if f.code == "missing-translation":
            missing.setdefault(f.lang, []).append(f)
    summarised = {lang for lang, items in missing.items() if len(items) > SUMMARY_AFTER}
    out = [f for f in findings if not (f.code == "missing-translation" and f.lang in summarised)]
    for lang in sorted(summarised, key=lambda code: report.langs.index(code)
                       if code in report.langs else len(report.langs)):
        items = missing[lang]
        out.append(Finding(
            "warning", "missing-translations",
            f"{lang}: {len(items)} of {len(report.rows)} pages have no "
            f"{language_name(lang or '')} translation (the first: {show(items[0].file, report.root)}); "
            "`manualgen check --translations` lists each", None, None, None, lang))
    return out


def _unreadable(path: Path, broken: set[Path]) -> bool:
    """Whether ``path``, or a folder above it, could not be read (in any case: Hugo pairs
    ``Benutzer_Verwaltung/`` with ``benutzer_verwaltung/``)."""
    wanted = os.path.realpath(path).lower()
    return any(wanted == str(b).lower() or wanted.startswith(str(b).lower() + "/") for b in broken)


def _expected_path(settings: Settings, lang: str, page: Page) -> Path | None:
    dirs = settings.languages[lang].content_dirs
    if not dirs:
        return None
    if settings.by_filename:
        path = Path(page.rel)
        return dirs[0] / path.parent / f"{path.stem}.{lang}{path.suffix}"
    return dirs[0] / page.rel


_METRICS = (
    ("steps", "drift-steps", "step", "steps"),
    ("screenshots", "drift-screenshots", "screenshot", "screenshots"),
    ("headings", "drift-headings", "heading", "headings"),
    ("procedure", "drift-procedure", "procedure item", "items in numbered procedures"),
    ("faq", "drift-faq", "FAQ question", "FAQ questions"),
)


def _headings(page: Page, root: ET.Element) -> list[Item]:
    """The page's headings, each keyed by its level and the first picture of its section
    (the text under it, to the next heading): a translation's headings have other words,
    but their sections show the same screenshots, so a missing heading is found between
    the right two (its section's picture went to the heading before it)."""
    headings: list[Item] = []
    pictured: list[str] = []
    cursor = 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if re.fullmatch(r"h[1-6]", el.tag):
            text = " ".join(text_of(el).split())
            line = page.find_line(text, cursor, literal=False)
            cursor = line or cursor
            headings.append(Item(line, el.tag, text))
            pictured.append("")
        elif el.tag == "img" and headings and not pictured[-1]:
            name = Path(unquote(split_url(el.get("src") or "").path)).name
            pictured[-1] = image_stem(name) if name else ""
    return [dataclasses.replace(item, key=f"{item.key}:{picture}")
            for item, picture in zip(headings, pictured)]


def _drift(pages: dict[str, Page], structures: dict[Page, Structure], settings: Settings,
           langs: list[str], left_in_i18n: dict) -> list[Finding]:
    """Counts that differ between the languages of one page, reported on the page that lacks.

    The page with the most elements of a kind is the reference (on a tie, the first
    language); each other page is aligned with it.  A missing step also takes its screenshot
    and its numbered items with it: those are not reported a second time.
    """
    out: list[Finding] = []
    order = {lang: i for i, lang in enumerate(langs)}
    missing_steps: dict[tuple[str, str], set[int]] = {}  # (lang, ref lang) -> step indices
    for metric, code, one, many in _METRICS:
        counts = {lang: structures[p].count(metric) for lang, p in pages.items()}
        most = max(counts.values())
        if all(c == most for c in counts.values()):
            continue
        ref_lang = min((lang for lang, c in counts.items() if c == most), key=lambda x: order[x])
        ref = structures[pages[ref_lang]]
        for lang, page in pages.items():
            if counts[lang] == most:
                continue
            mine = structures[page]
            gaps = _gaps(*_comparable(getattr(mine, metric), getattr(ref, metric)))
            lost = {j for _i, js in gaps for j in js}
            if metric == "steps":
                missing_steps[(lang, ref_lang)] = lost
            elif lost and all(getattr(ref, metric)[j].step in missing_steps.get((lang, ref_lang), ())
                              for j in lost):
                continue
            out.append(_count_finding(code, one, many, mine, ref, metric, lang, ref_lang, gaps,
                                      settings.site_root))
    out += _language_drift(pages, structures, langs, left_in_i18n, settings.site_root,
                           settings.default_language)
    return out


def _comparable(a: list[Item], b: list[Item]) -> tuple[list[Item], list[Item]]:
    """The items of two pages as they can be aligned: headings by their sections' pictures
    when the two pages share a picture's name, else by their levels alone (each language
    names its screenshots its own way: no key would match, and the alignment would put the
    gap at the first heading)."""
    def picture(item: Item) -> str:
        return item.key.partition(":")[2]

    if {picture(i) for i in a} & {picture(i) for i in b} - {""}:
        return a, b
    return ([dataclasses.replace(i, key=i.key.partition(":")[0]) for i in a],
            [dataclasses.replace(i, key=i.key.partition(":")[0]) for i in b])


def _gaps(a: list[Item], b: list[Item]) -> list[tuple[int, list[int]]]:
    """Where ``a`` lacks items of ``b``: (position in a, indices in b), aligned by key."""
    matcher = difflib.SequenceMatcher(a=[i.key for i in a], b=[i.key for i in b], autojunk=False)
    return [(i1, list(range(j1, j2))) for tag, i1, _i2, j1, j2 in matcher.get_opcodes()
            if tag in ("insert", "replace") and j2 > j1]


def _count_finding(code: str, one: str, many: str, mine: Structure, ref: Structure, metric: str,
                   lang: str, ref_lang: str, gaps: list[tuple[int, list[int]]],
                   root: Path) -> Finding:
    """'The German page has 3 steps, the French one 4': at the line where one is missing."""
    a: list[Item] = getattr(mine, metric)
    b: list[Item] = getattr(ref, metric)
    line = None
    detail = ""
    if gaps:
        i1, js = gaps[0]
        missing = b[js[0]]
        before = a[i1 - 1].line if i1 > 0 else None
        after = a[i1].line if i1 < len(a) else None
        line = before or after
        about = ", ".join(x for x in (
            f'"{_clip(missing.text, 50)}"' if missing.text else "",
            f"line {missing.line}" if missing.line else "") if x)
        pos = (f" after the {one} at line {before}" if before else
               f" before the {one} at line {after}" if after else "")
        detail = f": its {one} {js[0] + 1}{f' ({about})' if about else ''} is missing here{pos}"
    if line is None:
        line = next((i.line for i in reversed(a) if i.line), None) or title_line(mine.page)
    name = language_name(lang)
    return Finding(
        "warning", code,
        f"{name} page has {len(a)} {many if len(a) != 1 else one}, the "
        f"{language_name(ref_lang)} page {show(ref.page.path, root)} has {len(b)}{detail}; bring the "
        f"translations back in line",
        str(mine.page.path), line, None, lang)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _language_drift(pages: dict[str, Page], structures: dict[Page, Structure],
                    langs: list[str], left_in_i18n: dict, root: Path,
                    original: str = "") -> list[Finding]:
    """Titles, headings and paragraphs that are in another language than their page.

    Only the languages the site has content in are candidates: an English product name in
    a German page of a German/French site is not a translation left behind.  Text that a
    shortcode printed from the default language's i18n file (the page's language lacks the
    key) is not the page's fault: it goes into ``left_in_i18n``, for ``_i18n_fallbacks``.
    The ``original`` language's pages are the ones translated: a text a translation kept
    as it is ("Red Hat" beside a German page's "Red Hat") was not left in their page.
    """
    out: list[Finding] = []
    site_langs = [code.split("-")[0].lower() for code in langs]
    candidates = [c for c in dict.fromkeys(site_langs) if c in _WORDS]
    if len(candidates) < 2:
        return out
    for lang, page in pages.items():
        own = lang.split("-")[0].lower()
        if own not in candidates:
            continue
        others = {other: structures[p] for other, p in pages.items() if other != lang}
        other_texts = {other: {_normal(t.text) for t in s.texts} for other, s in others.items()}
        for item in structures[page].texts:
            guess = identify(item.text, candidates)
            found = _left_in(item, guess, own, other_texts, lang == original)
            if found is None:
                continue
            other = found
            fallback = _printed_from_i18n(item, structures[page].fallbacks)
            if fallback is not None:
                left_in_i18n.setdefault((lang, fallback.key), []).append((item, page, fallback))
                continue
            other_page = next((s.page for o, s in others.items() if o.split("-")[0] == other),
                              None)
            what = {"title": "title"}.get(item.key, "heading" if item.key.startswith("h")
                                          else "paragraph")
            where = f" (the {language_name(other)} page is {show(other_page.path, root)})" \
                if other_page is not None else ""
            snippet = item.text if len(item.text) <= 70 else item.text[:67] + "…"
            out.append(Finding(
                "warning", "untranslated-text",
                f'{what} "{snippet}" is in {language_name(other)}, not {language_name(own)}'
                f"{where}: translate it", str(page.path), item.line, None, lang))
    return out


def _printed_from_i18n(item: Item, fallbacks: list[Fallback]) -> Fallback | None:
    """The default language's i18n string that a text holds (the longest), if any."""
    text = f" {_normal(item.text)} "
    found = [f for f in fallbacks if _normal(f.text) and f" {_normal(f.text)} " in text]
    return max(found, key=lambda f: len(f.text)) if found else None


def _i18n_fallbacks(left_in_i18n: dict, root: Path) -> list[Finding]:
    """One finding per language and missing key, on the language's i18n file.

    "heading "Folgende Anpassungen" is in German, not French: the key "…" is missing from
    i18n/fr.toml, so the German text of i18n/de.toml:40 is printed (on 2 pages: …)"."""
    out = []
    for (lang, key), hits in left_in_i18n.items():
        item, _page, fallback = hits[0]
        own, other = language_name(lang), language_name(fallback.source.stem)
        what = {"title": "title"}.get(item.key, "heading" if item.key.startswith("h")
                                      else "paragraph")
        snippet = item.text if len(item.text) <= 70 else item.text[:67] + "…"
        source = show(fallback.source, root) or ""
        if fallback.source_line:
            source += f":{fallback.source_line}"
        pages = list(dict.fromkeys(show(p.path, root) for _i, p, _f in hits))
        on = f"on {pages[0]}" if len(pages) == 1 else f"on {len(pages)} pages, first {pages[0]}"
        exists = "" if fallback.file.is_file() else " (create it)"
        out.append(Finding(
            "warning", "untranslated-text",
            f'{what} "{snippet}" is in {other}, not {own}: the key "{key}" is missing from '
            f"{show(fallback.file, root)}{exists}, so the {other} text of {source} is printed ({on}); "
            f"add the key with its {own} text", str(fallback.file), fallback.line, None, lang))
    return out


def _left_in(item: Item, guess: Guess, own: str, other_texts: dict[str, set[str]],
             original: bool = False) -> str | None:
    """The language a text was left in, or None; conservative, as false alarms cost trust.
    A short text the other page has too, with one word of its language ("Red Hat", "hat"
    being German), is reported only on a translation, never on the page translated."""
    normal = _normal(item.text)
    same_as = [o.split("-")[0] for o, texts in other_texts.items() if normal in texts]
    if guess.lang and guess.lang != own:
        # A sentence: enough words and clear evidence, with nothing of the page's language.
        strong = guess.words >= 4 and guess.score(guess.lang) >= 2.5 and guess.score(own) < 1
        # Short texts (titles, headings) only when the other language's page has them too.
        if strong or guess.lang in same_as:
            return guess.lang
    if same_as and guess.words >= 2 and not original:
        for other in same_as:
            if other != own and guess.score(other) >= 1 and guess.score(own) == 0:
                return other
    return None


def _screenshot_languages(homes: dict[str, Page], structures: dict[Page, Structure],
                          settings: Settings, langs: list[str]) -> list[Finding]:
    """A screenshot named ``…_fr.png`` on a German page shows the French interface."""
    out: list[Finding] = []
    site = {code.split("-")[0].lower() for code in settings.languages}
    for lang, home in homes.items():
        own = lang.split("-")[0].lower()
        for page in home.walk():
            structure = structures.get(page)
            if structure is None:
                continue
            for src, name, line in structure.images:
                marked, mark = image_language(name)
                if marked is None or marked == own or marked not in site:
                    continue
                folder = _image_folder(settings, page, src)
                if len(mark) == 2 and folder is not None:
                    # "_d", "_f": a language mark only when a sibling carries another one.
                    stem = Path(name).stem[: -len(mark)]
                    siblings = [p for p in folder.glob(f"{_glob_escape(stem)}[_-]?.*")
                                if p.name != name]
                    if not siblings:
                        continue
                better = _own_variant(folder, name, mark, own) if folder else None
                hint = f'; use "{better}"' if better else (
                    f"; add a screenshot of the {language_name(own)} interface")
                out.append(Finding(
                    "warning", "screenshot-language",
                    f'screenshot "{name}" is marked {language_name(marked)} ("{mark}") but the page '
                    f"is {language_name(own)}{hint}", str(page.path), line, None, lang))
    return out


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _image_folder(settings: Settings, page: Page, src: str) -> Path | None:
    found = resolve_image(settings, page, src)
    return found.parent if found is not None else None


def _own_variant(folder: Path, name: str, mark: str, own: str) -> str | None:
    """The same screenshot marked with the page's language, if the site has it."""
    stem = Path(name).stem[: -len(mark)]
    sep = mark[0]
    marks = [k for k, v in _SUFFIX_LANG.items() if v == own]
    for candidate in sorted(folder.iterdir()) if folder.is_dir() else []:
        cstem = candidate.stem
        for m in marks:
            if cstem.lower() == f"{stem}{sep}{m}".lower():
                return candidate.name
    return None
