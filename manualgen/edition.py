"""Editions: the site as it was at a git revision, and what changed since, block by block.

    revision → (git archive into a temporary folder) → the old edition's settings
             → per language: its pages discovered and rendered as the build renders them
             → paired with the current pages (as the translation check pairs languages)
             → their printed blocks compared → the changes of the language

The work tree is never touched and nothing is fetched: git runs as a subprocess with a
timeout, reading only objects the repository already has.  Pages are compared after
rendering, so a shortcode or include that changed counts where its output changed, and an
edit that changes nothing printed (white space, another Markdown spelling of the same list)
counts nowhere.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import hashlib
import io
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .assemble.changes import Block, PageMarks, page_blocks
from .assemble.clean import drop_noise
from .assemble.html import parse_fragment
from .assemble.resources import resolve_image
from .config import Settings
from .content import CONTENT_SUFFIXES, Page
from .errors import Findings, UsageError, show
from .render import RenderedLanguage, RenderedPage, page_converter, render_page
from .translations import translation_key

GIT_TIMEOUT = 120  # seconds for one git command (an archive of a large site included)
PAGE_KINDS = ("new", "changed", "moved", "removed")
# Files whose change leaves every other page's rendering as it was: pages (but a section's
# _index, whose cascade reaches its pages) and pictures (compared by their bytes, not rendered).
_PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff")


# --- the site at a revision ------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Revision:
    """A revision of the site's repository: as asked for, and the commit it names."""

    name: str
    commit: str
    top: Path  # the repository's work tree
    site_rel: str  # the site folder (or config file) inside the repository, posix


def _git(top: Path, *args: str, binary: bool = False) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0")
    return subprocess.run(["git", "-C", str(top), *args], capture_output=True, text=not binary,
                          timeout=GIT_TIMEOUT, check=False, env=env)


def resolve_revision(site: Path, name: str) -> Revision:
    """The commit ``name`` names in the repository holding ``site``, or a UsageError that says
    which of the two is wrong."""
    folder = Path(os.path.realpath(site))
    where = folder if folder.is_dir() else folder.parent
    if not name or name.startswith("-") or "\0" in name:
        raise UsageError(f'--since "{name}" is not a git revision')
    try:
        top = _git(where, "rev-parse", "--show-toplevel")
        if top.returncode != 0:
            raise UsageError(f'--since {name}: the site "{site}" is not in a git repository')
        root = Path(top.stdout.strip())
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
    except FileNotFoundError:
        raise UsageError(f"--since {name}: git is not installed") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"--since {name}: git did not answer within {GIT_TIMEOUT} s") from None
    if commit.returncode != 0 or not commit.stdout.strip():
        raise UsageError(f'--since: the repository at "{root}" has no revision "{name}"')
    rel = Path(os.path.relpath(folder, os.path.realpath(root))).as_posix()
    return Revision(name, commit.stdout.strip(), root, rel)


@contextlib.contextmanager
def checked_out(revision: Revision) -> Iterator[Path]:
    """The repository as it was at ``revision``, in a temporary folder removed afterwards
    (the site folder, or config file, is ``revision.site_rel`` inside it)."""
    with tempfile.TemporaryDirectory(prefix="manualgen-edition-") as tmp:
        try:
            out = _git(revision.top, "archive", "--format=tar", revision.commit, binary=True)
        except subprocess.TimeoutExpired:
            raise UsageError(f"--since {revision.name}: git archive did not finish within "
                             f"{GIT_TIMEOUT} s") from None
        if out.returncode != 0:
            message = out.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
            raise UsageError(f"--since {revision.name}: git archive failed: "
                             f"{message[0] if message else out.returncode}")
        with tarfile.open(fileobj=io.BytesIO(out.stdout)) as archive:
            _unpack(archive, Path(tmp))
        yield Path(tmp)


def _unpack(archive: tarfile.TarFile, into: Path) -> None:
    """Unpack the files, folders and symbolic links of a git archive; nothing lands, or
    points, outside ``into`` (such a link is left out: the build's fetcher refuses files
    outside the site in the current edition too)."""
    for member in archive.getmembers():
        target = Path(os.path.normpath(into / member.name))
        if into not in target.parents:
            continue  # "../" in a name: not from git, but never written outside
        if member.issym():
            if into in Path(os.path.normpath(target.parent / member.linkname)).parents:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.symlink(member.linkname, target)
            continue
        if member.isdir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        source = archive.extractfile(member)
        if source is not None:
            with source, open(target, "wb") as sink:
                shutil.copyfileobj(source, sink)


def changed_files(revision: Revision, ignore: tuple[Path, ...] = ()) -> set[str] | None:
    """The files of the work tree that differ from ``revision`` (changed, added, removed,
    untracked), relative to the repository; None when git cannot tell.  Untracked files in
    the folders ``ignore`` names (the build's output and cache) are not the site's."""
    try:
        diff = _git(revision.top, "diff", "--name-only", "-z", "--no-renames", revision.commit)
        others = _git(revision.top, "ls-files", "--others", "--exclude-standard", "-z")
    except (OSError, subprocess.TimeoutExpired):
        return None
    if diff.returncode != 0 or others.returncode != 0:
        return None
    top = Path(os.path.realpath(revision.top))
    skipped = []
    for folder in ignore:
        with contextlib.suppress(ValueError):
            skipped.append(Path(os.path.realpath(folder)).relative_to(top).as_posix() + "/")
    untracked = {name for name in others.stdout.split("\0")
                 if name and not any(name.startswith(prefix) for prefix in skipped)}
    return {name for name in diff.stdout.split("\0") if name} | untracked


def pages_only(changed: set[str] | None, top: Path, old_top: Path) -> bool:
    """Whether only existing pages and pictures changed: then a page whose file is the same
    in both editions renders the same, and need not be rendered again.  Not when a page was
    added or removed, or a section's _index changed: lists of pages and cascaded front
    matter reach other pages' output."""
    if changed is None:
        return False
    for name in changed:
        path = Path(name)
        if path.suffix.lower() in _PICTURE_SUFFIXES:
            continue
        if path.suffix.lower() not in CONTENT_SUFFIXES or path.stem.lower().startswith("_index"):
            return False
        if not (top / name).is_file() or not (old_top / name).is_file():
            return False
    return True


def render_old(settings: Settings, lang: str, home: Page, labels: dict[str, str],
               same: Callable[[Page], RenderedPage | None]) -> RenderedLanguage:
    """The old edition's pages of a language, rendered as the build renders pages, except
    those ``same`` gives: a page whose file did not change, rendered already (the current
    edition's), whose HTML is taken as it is.  The old edition's findings are not kept."""
    findings = Findings()
    converter = page_converter(settings, lang, findings, labels)
    rendered = []
    for page in home.walk():
        known = same(page)
        rendered.append(dataclasses.replace(known, page=page) if known is not None
                        else render_page(converter, page, lang, findings))
    return RenderedLanguage(lang, home, tuple(rendered), labels)


# --- the comparison ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class BlockChange:
    """One block that is new, changed or removed on a page."""

    kind: str  # "new", "changed", "removed"
    block: str  # "paragraph", "list item", … (assemble.changes.BLOCK_KINDS)
    index: int  # its place among the current page's blocks (removed: the block now after it)
    text: str  # the first words, to recognise it
    line: int | None  # in the current page's source (removed: in the old one)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "block": self.block, "text": self.text, "line": self.line}


@dataclasses.dataclass(frozen=True)
class PageChange:
    """One page that is new, changed, moved or removed, with its changed blocks."""

    kind: str  # PAGE_KINDS
    title: str
    chapter: str  # the title of its top-level page ("" for the home page)
    page: Page | None  # the current page; None when removed
    old_file: str  # its file in the old edition, relative to the site ("" when new)
    blocks: tuple[BlockChange, ...] = ()

    def as_dict(self, show: Callable[[Path], str | None]) -> dict:
        return {"kind": self.kind, "title": self.title, "chapter": self.chapter,
                "file": show(self.page.path) if self.page else None,
                "old_file": self.old_file or None,
                "blocks": [b.as_dict() for b in self.blocks]}


@dataclasses.dataclass(frozen=True)
class LanguageChanges:
    """What changed in one language's manual since ``since``."""

    lang: str
    since: str
    pages: tuple[PageChange, ...]

    def marks(self) -> dict[Page, PageMarks]:
        """Where each current page shows its changes (assemble's ``changes`` pass)."""
        marks = {}
        for change in self.pages:
            if change.page is None or not change.blocks:
                continue
            marks[change.page] = PageMarks(
                frozenset(b.index for b in change.blocks if b.kind != "removed"),
                frozenset(b.index for b in change.blocks if b.kind == "removed"))
        return marks

    def as_dict(self, root: Path | None = None) -> dict:
        """The changes as data (``check --since REV --format json``, docs/editions.md); files
        relative to ``root``, the site."""
        return {"since": self.since, "pages": [change.as_dict(lambda p: show(p, root))
                                               for change in self.pages]}

    def format_text(self, root: Path | None = None) -> str:
        """The changes as lines for ``check --since REV``: each page, then its blocks."""
        lines = [f"[{self.lang}] {len(self.pages)} page(s) changed since {self.since}"]
        for change in self.pages:
            where = show(change.page.path, root) if change.page else change.old_file
            lines.append(f"  {change.kind:<8} {change.title} ({where})")
            for block in change.blocks:
                line = f":{block.line}" if block.line else ""
                lines.append(f"    {block.kind:<8} {block.block}{line}: {block.text}")
        return "\n".join(lines)

    def by_chapter(self) -> list[tuple[str, list[PageChange]]]:
        """The changed pages grouped by chapter, in the order the chapters come."""
        groups: dict[str, list[PageChange]] = {}
        for change in self.pages:
            groups.setdefault(change.chapter, []).append(change)
        return list(groups.items())


@dataclasses.dataclass(frozen=True)
class _Side:
    """One edition's pages of a language, with what fingerprints need."""

    settings: Settings
    pages: dict[str, RenderedPage]  # translation key → page, in manual order
    parsed: dict[str, list[Block]]  # HTML → its blocks, shared by both sides (read-only)

    @classmethod
    def of(cls, settings: Settings, rendered: RenderedLanguage | None,
           parsed: dict[str, list[Block]]) -> _Side:
        pages: dict[str, RenderedPage] = {}
        for item in rendered.pages if rendered else ():
            pages.setdefault(translation_key(item.page), item)
        return cls(settings, pages, parsed)

    def blocks(self, item: RenderedPage) -> list[Block]:
        """The page's blocks; a page whose HTML is the same in both editions (most of them)
        is parsed once.  Its pictures are still compared, by each edition's files."""
        found = self.parsed.get(item.html)
        if found is None:
            root = parse_fragment(item.html)
            drop_noise(root)  # as assemble's clean-up parse does: block i is block i there
            found = self.parsed[item.html] = page_blocks(root)
        return found

    def fingerprints(self, item: RenderedPage, blocks: list[Block]) -> list[str]:
        digests: dict[str, str] = {}

        def resolve(src: str) -> str:
            if src not in digests:
                path = resolve_image(self.settings, item.page, src)
                digests[src] = _file_digest(path) if path else "src:" + src
            return digests[src]

        return [block.fingerprint(resolve) for block in blocks]


def _file_digest(path: Path) -> str:
    try:
        return "file:" + hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable:" + path.name


def compare(lang: str, since: str, old: RenderedLanguage | None, old_settings: Settings,
            new: RenderedLanguage, new_settings: Settings) -> LanguageChanges:
    """Every page of ``new`` that is new, changed or moved since ``old``, and every page of
    ``old`` that is gone, in manual order (removed pages after their old neighbours' chapter)."""
    parsed: dict[str, list[Block]] = {}
    before, after = _Side.of(old_settings, old, parsed), _Side.of(new_settings, new, parsed)
    old_blocks = {key: before.blocks(item) for key, item in before.pages.items()}
    old_prints = {key: before.fingerprints(before.pages[key], blocks)
                  for key, blocks in old_blocks.items()}
    moved_from = _renamed(before, after, old_prints)
    changes: list[PageChange] = []
    for key, item in after.pages.items():
        old_key = key if key in before.pages else moved_from.get(key)
        blocks = after.blocks(item)
        prints = after.fingerprints(item, blocks)
        if old_key is None:
            changes.append(_page_change("new", item.page, "", _block_changes(
                item.page, blocks, [], prints)))
            continue
        old_item = before.pages[old_key]
        block_changes = _block_changes(item.page, blocks, old_prints[old_key], prints,
                                       old_blocks[old_key])
        moved = old_key != key or _parent_key(old_item.page) != _parent_key(item.page)
        if moved or block_changes or old_item.page.title != item.page.title:
            changes.append(_page_change("moved" if moved else "changed", item.page,
                                        _site_file(old_settings, old_item.page), block_changes))
    taken = set(after.pages) | set(moved_from.values())
    for key, item in before.pages.items():
        if key not in taken:
            changes.append(PageChange("removed", item.page.title, _chapter(item.page), None,
                                      _site_file(old_settings, item.page)))
    return LanguageChanges(lang, since, tuple(_in_chapter_order(changes)))


def _page_change(kind: str, page: Page, old_file: str,
                 blocks: tuple[BlockChange, ...]) -> PageChange:
    return PageChange(kind, page.title, _chapter(page), page, old_file, blocks)


def _block_changes(page: Page, blocks: list[Block], old_prints: list[str], prints: list[str],
                   old_blocks: list[Block] | None = None) -> tuple[BlockChange, ...]:
    """The blocks of ``page`` that are not in the old page (in their order), and where old
    blocks were taken out: the longest common runs of blocks stay unmarked."""
    matcher = difflib.SequenceMatcher(None, old_prints, prints, autojunk=False)
    found: list[BlockChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "insert"):
            kind = "new" if not old_prints else ("changed" if op == "replace" else "new")
            found.extend(_block(kind, blocks[j], j, page) for j in range(j1, j2))
        # More old blocks than new ones in their place: the rest were taken out there.
        if op in ("delete", "replace") and old_blocks is not None and i2 - i1 > j2 - j1:
            gone = old_blocks[i1 + (j2 - j1)]
            found.append(BlockChange("removed", gone.kind, j2, _excerpt(gone.text), None))
    return tuple(found)


def _block(kind: str, block: Block, index: int, page: Page) -> BlockChange:
    return BlockChange(kind, block.kind, index, _excerpt(block.text), _line_of(page, block))


def _excerpt(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _line_of(page: Page, block: Block) -> int | None:
    """The source line of a block: its first words as written, else shorter and shorter."""
    words = block.text.split()
    for count in (6, 3, 1):
        if len(words) >= count:
            line = page.find_line(" ".join(words[:count]))
            if line:
                return line
    for ref in block.refs:
        line = page.find_line(ref.split(":", 1)[1])
        if line:
            return line
    return None


def _renamed(before: _Side, after: _Side, old_prints: dict[str, list[str]]) -> dict[str, str]:
    """New page key → old page key, for a page whose file moved (another key) with its
    title and printed blocks unchanged."""
    gone = {key: item for key, item in before.pages.items() if key not in after.pages}
    found: dict[str, str] = {}
    for key, item in after.pages.items():
        if key in before.pages:
            continue
        prints = after.fingerprints(item, after.blocks(item))
        for old_key, old_item in gone.items():
            if (old_key not in found.values() and old_item.page.title == item.page.title
                    and old_prints[old_key] == prints):
                found[key] = old_key
                break
    return found


def _parent_key(page: Page) -> str:
    return translation_key(page.parent) if page.parent is not None else ""


def _chapter(page: Page) -> str:
    """The chapter a page is listed under: its top-level section; "" (the manual's own
    group, under the home page's title) for the home page and top-level single pages."""
    while page.parent is not None and page.depth > 1:
        page = page.parent
    return page.title if page.depth == 1 and page.is_section else ""


def _site_file(settings: Settings, page: Page) -> str:
    try:
        return page.path.relative_to(settings.site_root).as_posix()
    except ValueError:
        return page.path.name


def _in_chapter_order(changes: list[PageChange]) -> list[PageChange]:
    """Current pages in manual order; each removed page after the last change of its old
    chapter (or at the end, when that chapter is gone too)."""
    current = [c for c in changes if c.page is not None]
    out = list(current)
    for removed in (c for c in changes if c.page is None):
        last = max((i for i, c in enumerate(out) if c.chapter == removed.chapter), default=None)
        if last is None:
            out.append(removed)
        else:
            out.insert(last + 1, removed)
    return out
