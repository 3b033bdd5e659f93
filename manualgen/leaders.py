"""Leader dots kept small: the dots of a leader share one text box (issue 11, memory).

WeasyPrint draws a leader (``leader(". ")``, the dots between a contents entry and its page
number) as one text box per repetition of its string, each a full copy of the first: some
forty attributes in a dictionary of its own, of which only the horizontal place differs.  The
contents of a 1,200-page manual holds some 90,000 of them, about 106 MiB, laid out again in
each round that changes a page number.  Here every copy but the first keeps only the
attributes that differ from the first one's (and those its class defines too, which the first
one's would not reach through the class, and its style, read most); it reads the others from
the first.  Everything
that reads a dot gets the same values as before, so the PDF is the same byte for byte; a dot
that is moved later (a line translated) writes its own attributes, never the first's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from weasyprint.formatting_structure.boxes import TextBox

from .patching import patched

_FIRST = "_manualgen_first"
# Attributes every dot keeps a reference of, though it is the first's: ``style`` is three
# reads of four through ``__getattr__`` (each float, footnote and position test reads it),
# about 2.6 million for a 500-page manual, and one more entry leaves a dot's dictionary its
# size (eight entries of ten).
OWN = ("style",)


class LeaderDot(TextBox):
    """A dot of a leader that holds only what differs from the leader's first dot, and
    reads the rest from it.  (This module imports WeasyPrint: pdf.py imports it only when it
    lays a document out.)"""

    def __getattr__(self, name: str):
        if name.startswith("__") or name == _FIRST:
            raise AttributeError(name)
        first = self.__dict__.get(_FIRST)
        if first is None:
            raise AttributeError(name)
        return getattr(first, name)


def slim(leader) -> None:
    """The dots of ``leader`` (its text boxes, as WeasyPrint's ``handle_leader`` left them)
    made slim copies of the first; left as they are when they are not plain copies of it."""
    children = leader.children
    if len(children) < 2 or type(children[0]) is not TextBox:
        return
    first = children[0]
    values = first.__dict__
    pinned = [name for name in values if hasattr(TextBox, name) or name in OWN]
    slimmed = [first]
    for child in children[1:]:
        own = child.__dict__
        if type(child) is not TextBox or own.keys() != values.keys():
            return
        state = {name: value for name, value in own.items() if value is not values[name]}
        state.update((name, own[name]) for name in pinned)
        state[_FIRST] = first
        made = LeaderDot.__new__(LeaderDot)
        made.__dict__.update(state)
        slimmed.append(made)
    leader.children = type(children)(slimmed)


# Dots laid out before the leaders are slimmed: a slim dot reads its attributes through
# Python (``__getattr__``), which made the corpus' layout 0.25 s slower a language (some
# 3,600 dots a round); only a manual with a long contents needs the memory.
SLIM_AFTER = 20_000


@contextlib.contextmanager
def slim_leaders(after: int = SLIM_AFTER) -> Iterator[None]:
    """WeasyPrint's ``handle_leader`` followed by :func:`slim` on the line's leader, for
    the layouts made inside, once they have made more than ``after`` dots."""
    import weasyprint.layout.inline as winline
    from weasyprint.layout.leader import leader_index

    original = winline.handle_leader
    made = [0]

    def handle_leader(context, line, containing_block):
        original(context, line, containing_block)
        _index, leader = leader_index(line)
        if leader is not None:
            made[0] += len(leader.children)
            if made[0] > after:
                slim(leader)

    with patched(winline, "handle_leader", handle_leader):
        yield
