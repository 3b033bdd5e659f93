"""Element names without their namespace, for every pass that walks a parsed tree."""

from __future__ import annotations


def local_name(tag) -> str:
    """``{http://www.w3.org/2000/svg}use`` → ``use``; ``""`` for a comment or processing
    instruction, whose tag is not a string."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
