"""The order of a Hugo menu, for sites whose sidebar is a menu rather than the page tree.

Hugo lists a section's pages by their ``weight``; many sites leave that unset and order
their sidebar with a menu instead (Mastodon's and Volcano's docs: ``menu: docs: weight: 10,
parent: user`` in each page, the groups as entries of the site config).  With ``[manual]
menu = "docs"`` the manual follows that menu: each page is placed by the weights of its
entry and of the entries above it (its parent's, its parent's parent's…), as the sidebar
shows it; a page the menu does not list comes after the pages it does, in Hugo's order.
An entry of the config may name its page with ``pageRef`` instead (Hugo's own docs).

Entries sort as Hugo sorts a menu: by weight, a weight of 0 (unset) last."""

from __future__ import annotations

import re
from collections.abc import Iterable

# (identifier, weight, parent identifier) of one entry of the menu; an entry of the config
# also has its pageRef ("" for none)
Entry = tuple[str, int, str] | tuple[str, int, str, str]

_DEEPEST = 50  # parents followed at most (a loop of parents ends there)


def config_entries(hugo: dict, lang: str, menu: str) -> tuple[Entry, ...]:
    """The entries of menu ``menu`` the Hugo config defines for language ``lang``: the
    language's own (``languages.<lang>.menus``), else the site's."""
    languages = _get(hugo, "languages")
    language = _get(languages, lang) if isinstance(languages, dict) else None
    for table in (language, hugo):
        menus = _get(table, "menus") or _get(table, "menu")
        entries = _get(menus, menu) if isinstance(menus, dict) else None
        if isinstance(entries, list) and entries:
            # an entry without a name or identifier is known by its page (Hugo names it
            # by the page's title): entries for different pages never merge into one
            return tuple(_entry(item, page_ref_path(str(_get(item, "pageRef") or ""))) + (
                str(_get(item, "pageRef") or ""),) for item in entries if isinstance(item, dict))
    return ()


def page_ref_path(ref: str) -> str:
    """A config entry's ``pageRef`` (or a page's file) as the page's logical path without
    its slashes, as ``GetPage`` reads it: "/docs/alpha", "docs/alpha.md" and "/docs/alpha/"
    are "docs/alpha"; a section's "_index.md" is its folder, "/" the home ("")."""
    path = ref.strip().strip("/").lower().replace(" ", "-")
    path = re.sub(r"\.(md|markdown|mdown|html|htm|org)$", "", path)
    return re.sub(r"(^|/)_?index$", "", path).strip("/")


def page_entry(meta: dict, menu: str, title: str) -> Entry | None:
    """The entry a page's front matter gives it in menu ``menu`` (``menu: docs``,
    ``menu: [docs]`` or ``menu: {docs: {weight: 2, parent: home}}``), or None.  An entry
    without a weight takes the page's own, as Hugo's does."""
    value = _get(meta, "menus") if _get(meta, "menus") is not None else _get(meta, "menu")
    own = _weight(_get(meta, "weight"))
    if isinstance(value, str):
        return (title, own, "") if value.strip().lower() == menu.lower() else None
    if isinstance(value, list):
        return (title, own, "") if any(str(v).strip().lower() == menu.lower() for v in value) else None
    if isinstance(value, dict):
        entry = _get(value, menu)
        if isinstance(entry, dict):
            identifier, weight, parent = _entry(entry, title)
            return identifier, weight or own, parent
        if entry is not None:
            return (title, own, "")
    return None


def menu_ordering_pages(metas: Iterable[dict]) -> tuple[str, int]:
    """(the menu, how many pages) when pages are ordered by a menu rather than by their own
    weight: the menu in which most pages without a ``weight`` have an entry with one;
    ("", 0) when fewer than three pages, or not most of those without a weight, are."""
    unweighted = [meta for meta in metas if not _get(meta, "weight")]
    counts: dict[str, int] = {}
    for meta in unweighted:
        menus = _get(meta, "menus") if _get(meta, "menus") is not None else _get(meta, "menu")
        if isinstance(menus, dict):
            for name, entry in menus.items():
                if isinstance(entry, dict) and _get(entry, "weight"):
                    counts[str(name)] = counts.get(str(name), 0) + 1
    if not counts:
        return "", 0
    menu, count = max(counts.items(), key=lambda item: item[1])
    return (menu, count) if count >= 3 and 2 * count > len(unweighted) else ("", 0)


def order_keys(entries: Iterable[Entry]) -> dict[str, tuple[tuple[int, str], ...]]:
    """Each identifier's place in the menu: from its top entry down to its own, each entry's
    weight as Hugo sorts it (0 last) and its name for equal weights.  A parent no entry
    defines stands in the menu as an entry of its own without a weight, as Hugo adds one."""
    by_id = {identifier: (weight, parent) for identifier, weight, parent, *_ in entries}
    keys: dict[str, tuple[tuple[int, str], ...]] = {}
    for identifier in by_id:
        chain: list[tuple[int, str]] = []
        seen: set[str] = set()
        current = identifier
        while current in by_id and current not in seen and len(chain) < _DEEPEST:
            seen.add(current)
            weight, parent = by_id[current]
            chain.append((_sortable(weight), current))
            current = parent
        if current and current not in by_id:
            chain.append((_sortable(0), current))
        keys[identifier] = tuple(reversed(chain))
    return keys


def _sortable(weight: int) -> int:
    return weight if weight != 0 else 2**63  # Hugo lists an entry without a weight last


def _entry(item: dict, title: str) -> Entry:
    name = str(_get(item, "name") or title or "")
    identifier = str(_get(item, "identifier") or name)
    return identifier, _weight(_get(item, "weight")), str(_get(item, "parent") or "")


def _weight(value: object) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _get(table, key: str):
    """A key of a Hugo table, in any case (Hugo's keys are case-insensitive)."""
    if not isinstance(table, dict):
        return None
    if key in table:
        return table[key]
    return next((v for k, v in table.items() if isinstance(k, str) and k.lower() == key.lower()),
                None)
