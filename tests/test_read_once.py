"""Issue 10's measure of the pipeline: one `build --all --jobs 1 --no-cache` opens each
content file once.  Discovery reads it; rendering, the translation check, the assembly and the
messages use what the page carries."""

import sys
from collections import Counter
from pathlib import Path

import pytest

from manualgen.build import BuildOptions, build
from manualgen.content import CONTENT_SUFFIXES

from .conftest import ROOT


class OpenCounter:
    """Counts the opens of content files while it is on (audit hooks cannot be removed)."""

    def __init__(self) -> None:
        self.on = False
        self.opened: Counter[str] = Counter()
        sys.addaudithook(self)

    def __call__(self, event: str, args: tuple) -> None:
        if self.on and event == "open" and isinstance(args[0], (str, Path)) and str(
                args[0]).endswith(CONTENT_SUFFIXES):
            self.opened[str(Path(args[0]).resolve())] += 1


@pytest.fixture(scope="module")
def counter() -> OpenCounter:
    return OpenCounter()


def content_files(site: Path) -> set[str]:
    return {str(p.resolve()) for p in (site / "content").rglob("*")
            if p.suffix in CONTENT_SUFFIXES and p.is_file()}


@pytest.mark.parametrize("which", ["example", "corpus"])
def test_a_build_opens_each_content_file_once(which, counter, tmp_path, request):
    site = ROOT if which == "example" else request.getfixturevalue("corpus")
    options = BuildOptions(all=True, jobs=1, no_cache=True, out=tmp_path / "out")
    counter.opened.clear()
    counter.on = True
    try:
        result = build(site, options)
    finally:
        counter.on = False
    assert result.ok and all(r.pdf or r.skipped for r in result.results)
    files = content_files(site)
    read = {path: n for path, n in counter.opened.items() if path in files}
    assert set(read) == files  # every page was read (the ones not printed too)
    assert {path: n for path, n in read.items() if n > 1} == {}
