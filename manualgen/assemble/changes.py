"""Changed blocks: what a page's printed blocks are, and the pass that marks the changed ones.

A *block* is the smallest unit a reader sees change: a paragraph, a list item, a table row,
a heading, a code sample, a term or definition, a caption, an image.  Its *own* content is
its text and the addresses of its links, without the blocks nested in it (a list item that
holds a sub-list is one block, each item of the sub-list another), so an edit marks the one
block it touched, not every block around it.

The edition comparison (``manualgen.edition``) reads the blocks of both editions' rendered
pages with :func:`page_blocks`; the ``changes`` pass reads them again from the page's tree
as the assembler parsed it (the same parse, the same noise dropped), so block *i* of the
comparison is block *i* of the tree, and it marks the changed ones with a class the print
CSS and the PDF stage draw a bar beside.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from .context import PageJob
from .html import add_class, parent_map

BLOCK_KINDS = {
    "p": "paragraph", "li": "list item", "tr": "table row", "pre": "code", "dt": "term",
    "dd": "definition", "figcaption": "caption", "img": "image", "caption": "caption",
    **{f"h{n}": "heading" for n in range(1, 7)},
}
CHANGED_CLASS = "mg-changed"  # a bar beside it
REMOVED_BEFORE_CLASS = "mg-removed-before"  # something was taken out just above it
REMOVED_AFTER_CLASS = "mg-removed-after"  # … just below it (the page's last blocks went)
BAR_CLASS = "mg-bar"  # the empty box change_bars.py copies into the margin

_SPACE = re.compile(r"\s+")


@dataclasses.dataclass(frozen=True)
class Block:
    """One printed block of a page and what it shows of its own."""

    element: ET.Element
    kind: str  # "paragraph", "list item", … (BLOCK_KINDS)
    text: str  # its own text, white space collapsed
    refs: tuple[str, ...]  # its image sources and link addresses, in order

    def fingerprint(self, resolve: Callable[[str], str] | None = None) -> str:
        """What must differ for a reader to see a change.  ``resolve`` turns an image source
        into the digest of the file it shows (a screenshot replaced under the same name is a
        change); links are compared by address."""
        refs = [resolve(ref[4:]) if resolve and ref.startswith("img:") else ref
                for ref in self.refs]
        data = "\0".join([self.kind, self.text, *refs])
        return hashlib.sha1(data.encode("utf-8", "surrogatepass")).hexdigest()


def page_blocks(root: ET.Element) -> list[Block]:
    """The page's blocks in document order; blocks with nothing of their own (a list item
    that only holds a paragraph) are left out, their content counted where it is."""
    found: list[Block] = []
    for el in root.iter():
        kind = BLOCK_KINDS.get(el.tag) if isinstance(el.tag, str) else None
        if kind is None:
            continue
        parts: list[str] = []
        refs: list[str] = []
        if el.tag == "img":
            refs.append("img:" + (el.get("src") or ""))
            parts.append(el.get("alt") or "")
        else:
            _own_content(el, parts, refs)
        text = _SPACE.sub(" ", "".join(parts)).strip()
        if text or refs:
            found.append(Block(el, kind, text, tuple(refs)))
    return found


def _own_content(el: ET.Element, parts: list[str], refs: list[str]) -> None:
    """The text and link addresses of ``el`` outside the blocks nested in it, in document
    order.  A stack, not recursion: inline markup can nest thousands deep (``<span>`` or
    ``*`` runs on a mutated page) and must not exhaust Python's recursion limit."""
    todo: list[ET.Element | str] = [el]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item is not el and item.tag == "a" and item.get("href"):
            refs.append("a:" + item.get("href", ""))
        parts.append(item.text or "")
        pending: list[ET.Element | str] = []
        for child in item:
            if isinstance(child.tag, str) and child.tag not in BLOCK_KINDS:
                pending.append(child)
            pending.append(child.tail or "")
        todo.extend(reversed(pending))


@dataclasses.dataclass(frozen=True)
class PageMarks:
    """Where one page shows its changes: the indices (into :func:`page_blocks`) of the blocks
    with a bar, and the places where blocks were removed (index of the block that now
    follows; the number of blocks for "after the last one")."""

    changed: frozenset[int] = frozenset()
    removed_before: frozenset[int] = frozenset()


def mark_changes(root: ET.Element, job: PageJob) -> None:
    """The ``changes`` pass: a class on each changed block, and in it the empty box the PDF
    stage copies into the margin beside it (see change_bars.py and edition.css)."""
    marks = job.ctx.changes.get(job.page)
    if marks is None:
        return
    blocks = page_blocks(root)
    parents = parent_map(root)
    marked: dict[int, list[str]] = {}
    for index in marks.changed:
        if index < len(blocks):
            marked.setdefault(index, []).append(CHANGED_CLASS)
    for index in marks.removed_before:
        if index < len(blocks):
            marked.setdefault(index, []).append(REMOVED_BEFORE_CLASS)
        elif blocks:
            marked.setdefault(len(blocks) - 1, []).append(REMOVED_AFTER_CLASS)
    for index, names in sorted(marked.items()):
        add_class(blocks[index].element, *names)
        _add_bar_box(blocks[index].element, parents)


def _add_bar_box(block: ET.Element, parents: dict[ET.Element, ET.Element]) -> None:
    """An empty ``i.mg-bar`` where the block's own boxes will be: inside it, in a table
    row's first cell (a row holds only cells), after an image (which holds nothing).  Not a
    span: the clean-up pass drops empty spans."""
    bar = ET.Element("i", {"class": BAR_CLASS, "aria-hidden": "true"})
    if block.tag == "img":
        parent = parents.get(block)
        if parent is None:
            return
        bar.tail, block.tail = block.tail, None
        parent.insert(list(parent).index(block) + 1, bar)
    elif block.tag == "tr":
        cell = next((c for c in block if c.tag in ("td", "th")), None)
        if cell is not None:
            cell.insert(0, bar)
            bar.tail, cell.text = cell.text, None
    else:
        block.insert(0, bar)
        bar.tail, block.text = block.text, None
