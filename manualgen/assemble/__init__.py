"""Assemble: one language's rendered pages → one HTML document for print.

    outline (anchors, numbers, link index) → parse every page (ids) → the page passes, in
    order → the document template (cover, contents, chapters) → AssembledDocument

Each page pass is a function ``(root, job)`` over the page's tree, registered by name and
priority in :data:`PAGE_PASSES` (as Python-Markdown registers its processors):

- resources: videos and recordings become notes; images, posters, ``<object>`` and
  ``url()`` resolve to the site's files, or a placeholder and a finding;
- steps: two-column blocks become steps the print CSS keeps on one page, other columns
  print side by side, lone images become figures; alt-texts: placeholder alt texts (and
  drawings without a title) get real words;
- links: links inside the manual point into the PDF, others print their web address;
- headings: a page's headings move under its title; tables: header rows, column widths;
- clean-up: blocks left empty go; korean-words: no line breaks inside a Korean word;
  names: brand names are not hyphenated;
- bidi: a run of the other direction across inline elements prints in its own order.

The document lists every image it shows and how wide it prints there (a step's picture
column or the full text width), so screenshots are prepared from that list.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..content import Page
from ..errors import Findings
from ..geometry import PrintGeometry
from ..images import ImageInfo
from ..pdf import Roots
from ..render import RenderedLanguage
from . import (
    bidi,
    changes,
    clean,
    inline_breaks,
    links,
    lists,
    long_runs,
    names,
    outline,
    resources,
    segment_breaks,
    steps,
    tables,
    word_joins,
)
from .context import AssembledDocument, Context, ImageUse, PageJob, Registry
from .document import render_document
from .html import ancestors, classes, parent_map, parse_fragment, serialize_children
from .names import keep_names_whole

__all__ = ["PAGE_PASSES", "AssembledDocument", "ImageUse", "assemble", "keep_names_whole",
           "parse_fragment", "serialize_children"]


def _page_passes() -> Registry:
    passes = Registry()
    passes.register(changes.mark_changes, "changes", 5)  # on the tree as compared
    passes.register(resources.videos, "videos", 10)
    passes.register(resources.images, "images", 20)
    passes.register(resources.inline_icons, "inline-icons", 25)
    passes.register(resources.other_resources, "other-resources", 30)
    passes.register(lambda root, job: lists.numbers_as_read(root), "list-starts", 35)
    passes.register(steps.steps, "steps", 40)
    passes.register(steps.standalone_figures, "figures", 50)
    passes.register(steps.alt_texts, "alt-texts", 52)
    passes.register(steps.keep_text_with_screenshots, "keep-with-screenshots", 55)
    passes.register(steps.fit_captioned_figures, "captioned-figures", 57)
    passes.register(links.links, "links", 60)
    passes.register(outline.repeated_title, "repeated-title", 65)
    passes.register(outline.headings, "headings", 70)
    passes.register(tables.tables, "tables", 80)
    passes.register(lambda root, job: lists.widen_numbered_lists(root), "list-numbers", 85)
    passes.register(clean.drop_empty, "clean-up", 90)
    passes.register(lambda root, job: segment_breaks.join_wide_lines(root), "segment-breaks", 95)
    passes.register(lambda root, job: word_joins.keep_korean_words_whole(root), "korean-words", 97)
    passes.register(lambda root, job: names.keep_names_whole(root), "names", 100)
    passes.register(lambda root, job: inline_breaks.allow_breaks_before_marks(root), "inline-breaks", 105)
    passes.register(lambda root, job: long_runs.break_long_runs(root), "long-runs", 110)
    passes.register(lambda root, job: bidi.isolate_runs(root, job.direction), "bidi", 120)
    return passes


PAGE_PASSES = _page_passes()
# A description is printed under its page's title: raw HTML in it (Docsy sites put a logo
# there, opentelemetry.io an <img> of the language) needs its images and links resolved as
# the body's are; the passes that shape blocks (steps, headings, tables) do not apply.
DESCRIPTION_PASSES = ("videos", "images", "inline-icons", "other-resources", "alt-texts", "links",
                      "segment-breaks", "korean-words", "names", "long-runs", "bidi")


def assemble(rendered: RenderedLanguage, *, settings, labels: dict[str, str], roots: Roots,
             findings: Findings, meta: dict, stylesheets: list[str],
             inspect_image: Callable[[Path], ImageInfo], fallback_home: Page | None = None,
             passes: Registry = PAGE_PASSES, edition=None,
             compiled: jinja2.BytecodeCache | None = None) -> AssembledDocument:
    """The manual of one language as one HTML document, and the files it embeds.

    ``fallback_home``: the default language's pages, which links to pages this language
    lacks open on the web.  ``edition``: the language's changes since an earlier edition
    (edition.LanguageChanges), marked on their blocks and listed after the contents.
    ``compiled``: the templates compiled by earlier languages (compiled_templates.py)."""
    fallback = outline.build_outline(fallback_home, False) if fallback_home else None
    ctx = Context(settings, rendered.lang, labels, roots, findings,
                  outline.build_outline(rendered.home, settings.print.numbering,
                                        {r.page: r.description for r in rendered.pages}),
                  inspect_image, PrintGeometry.from_settings(settings), fallback,
                  left_out=outline.left_out_index(rendered.home),
                  changes=edition.marks() if edition is not None else {},
                  borrowed=outline.borrowed(rendered.home, fallback_home))
    jobs = [PageJob(ctx, page) for page in rendered.pages]
    trees = [(job, clean.parse(job)) for job in jobs]  # every page's ids, before any link
    for job, root in trees:
        for _name, run in passes:
            run(root, job)
    described = _description_trees(ctx, jobs, passes)
    images = _image_uses(ctx, [root for _job, root in trees + described])
    for entry, root in described:  # the tokens of its images are in now
        entry.description = Markup(serialize_children(root))
    bodies = {job.anchor: serialize_children(root) for job, root in trees}
    html = render_document(ctx, bodies, meta, stylesheets, edition, compiled)
    return AssembledDocument(rendered.lang, html, tuple(images), tuple(ctx.files))


def _description_trees(ctx: Context, jobs: list[PageJob], passes: Registry
                       ) -> list[tuple[outline.Entry, ET.Element]]:
    """Each description that holds HTML elements, parsed and through the
    DESCRIPTION_PASSES, with the outline entry that prints it."""
    trees = []
    for job in jobs:
        entry = ctx.outline.entries.get(job.page)
        if entry is None or "<" not in str(entry.description):
            continue
        root = parse_fragment(str(entry.description))
        described = DescriptionJob(job.ctx, job.rendered)
        for name, run in passes:
            if name in DESCRIPTION_PASSES:
                run(root, described)
        trees.append((entry, root))
    return trees


class DescriptionJob(PageJob):
    """A page's description going through the passes: what they find in it is reported at
    the line of the front matter's description, not searched for in the body."""

    def line(self, needle: str, after: int = 0, outside_code: bool = False) -> int | None:
        return self.page.line_of_key("description")

    def output_line(self, value: str) -> int | None:
        return None


def _image_uses(ctx: Context, roots: list[ET.Element]) -> list[ImageUse]:
    """Every resolved image, in document order, with how wide it prints; its src becomes a
    token that ``AssembledDocument.html`` replaces by the file chosen to embed."""
    uses: list[ImageUse] = []
    for root in roots:
        parents = parent_map(root)
        for img in root.iter("img"):
            found = ctx.found_images.get(img)
            if found is None:
                continue
            token = f"mg-image:{len(uses)}"
            uses.append(ImageUse(found.path, found.url, found.info, found.page, found.line,
                                 _printed_context(img, parents), token))
            img.set("src", token)
    return uses


def _printed_context(img: ET.Element, parents: dict) -> str:
    """"step" for a picture in a step's media column (about 60 % of the text width), else
    "full" (up to the text width; cells and lists are assumed at their widest)."""
    media = False
    for el in reversed(list(ancestors(img, parents))):
        if "step-media" in classes(el):
            media = True
        if "step-wide" in classes(el) or el.tag in ("td", "th", "li", "table"):
            return "full"
    return "step" if media else "full"
