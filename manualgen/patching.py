"""One attribute of WeasyPrint (or pydyf) swapped for the length of a block.

manualgen changes a few things about how WeasyPrint lays out and writes (shared styles,
PNGs passed through, kept stylesheets, pages deflated as painted, chapters reused), each by
replacing one class or function while its own block runs and putting the original back
after, also when the block fails.  This is that swap, in one place.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def patched(owner: Any, name: str, value: Any) -> Iterator[Any]:
    """``owner.name`` is ``value`` within the block (which is given the original)."""
    original = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield original
    finally:
        setattr(owner, name, original)
