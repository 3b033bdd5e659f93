"""A web page's own tab bar, turned into names above its panels.

A site's template (or raw HTML in a page) may build tabs the way Bootstrap and the ARIA
authoring practices do: a bar of buttons (``role="tab"``, or ``data-bs-toggle="tab"``),
each naming the panel it opens (``aria-controls``, ``data-bs-target``, ``href="#…"``), and
the panels after it.  On paper every panel prints, one after the other, so the bar would
print as a row of grey buttons parted from the panels they name.  Here each panel gets its
button's words above it (``p.tab-title`` in a ``.tab``, as manualgen's own tabs print), and the bar goes
when every one of its buttons found its panel and it holds no other words.  A tab whose
name only its script reads (``data-title``) gets the same name above it.
"""

from __future__ import annotations

import collections
import re
import xml.etree.ElementTree as ET

from .html import add_class, classes, parent_map, remove, text_of

_TOGGLES = frozenset({"tab", "pill"})  # data-bs-toggle / data-toggle values of a tab button
_TARGETS = ("aria-controls", "data-bs-target", "data-target", "href")
_BARS = frozenset({"ul", "ol", "nav"})  # what holds a bar of tabs without role="tablist"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none\s*(?:!important\s*)?;?", re.IGNORECASE)
# what a panel is: a block that may hold a paragraph (a link to a heading is no tab's panel)
_PANELS = frozenset({"div", "section", "article", "aside", "li", "dd", "figure", "form",
                     "fieldset"})


def name_panels(root: ET.Element) -> None:
    """Name each panel after its tab button and take the bar out (see the module)."""
    order = {el: n for n, el in enumerate(root.iter())}
    by_id: dict[str, list[ET.Element]] = {}
    for el in order:
        if el.get("id"):
            by_id.setdefault(el.get("id"), []).append(el)
    parents = parent_map(root)
    bars: dict[ET.Element | None, list[tuple[ET.Element, ET.Element | None]]] = {}
    for button in [el for el in root.iter() if _is_tab_button(el)]:
        bars.setdefault(_bar_of(button, parents), []).append(
            (button, _panel_of(button, by_id, order)))
    panels = [panel for tabs in bars.values() for button, panel in tabs
              if panel is not None and not _inside(button, panel, parents)]
    for panel in panels:  # on paper every panel shows, named or not
        _shown(panel)
    claims = collections.Counter(id(panel) for panel in panels)
    holding = {id(el) for panel in panels for el in _lineage(panel, parents)}  # and around
    going = [bar for bar, tabs in bars.items() if _can_go(bar, tabs, claims, holding, parents)
             and all(claims[id(panel)] == 1 and _prints_name(b, panel) for b, panel in tabs)]
    gone = {id(bar) for bar in going}
    for tabs in bars.values():
        for button, panel in tabs:
            if id(panel) in claims and not any(id(el) in gone for el in _lineage(panel, parents)):
                _label(panel, _words(button))
    for bar in going:
        remove(bar, parents)


def _words(el: ET.Element) -> str:
    """The words of ``el``, one space between them."""
    return " ".join(text_of(el).split())


def _takes_name(panel: ET.Element) -> bool:
    """Whether :func:`_label` prints a name above the panel (not: it has one already)."""
    return not any("tab-title" in classes(child) for child in panel)


def _prints_name(button: ET.Element, panel: ET.Element) -> bool:
    """Whether the button's words print with its panel once the bar is gone: a name put
    above it, or the panel's own, or none to print (an icon)."""
    name = _words(button)
    return not name or _takes_name(panel) or _words(panel).startswith(name)


def _can_go(bar: ET.Element | None, tabs: list, panels: collections.Counter, holding: set[int],
            parents: dict) -> bool:
    """Whether the bar may be left out: every button found its panel (one of ``panels``),
    none of the panels lies in it (it is none of the elements ``holding`` a panel), and it
    holds no words but its buttons' (the caller checks that each button's words print above
    its panel: no other button names the same panel)."""
    if bar is None or any(id(panel) not in panels for _button, panel in tabs):
        return False
    if id(bar) in holding:
        return False
    buttons = {id(button) for button, _panel in tabs}
    outer = [button for button, _panel in tabs
             if not any(id(el) in buttons for el in _lineage(parents.get(button), parents))]
    return _only_tab_words(bar, outer)


def _is_tab_button(el: ET.Element) -> bool:
    if el.get("role") == "tab":
        return True
    return (el.get("data-bs-toggle") or el.get("data-toggle") or "").strip() in _TOGGLES


def _bar_of(button: ET.Element, parents: dict) -> ET.Element | None:
    """The tab list holding ``button``: the nearest ``role="tablist"``, else the nearest
    list or ``nav`` around it; None when it stands alone."""
    el, fallback = parents.get(button), None
    while el is not None:
        if el.get("role") == "tablist":
            return el
        if fallback is None and el.tag in _BARS:
            fallback = el
        el = parents.get(el)
    return fallback


def _panel_of(button: ET.Element, by_id: dict[str, list[ET.Element]],
              order: dict[ET.Element, int]) -> ET.Element | None:
    """The panel the button opens: the element of its target id, the first after the
    button where two tab widgets of a page use the same ids."""
    for name in _TARGETS:
        value = (button.get(name) or "").strip()
        if name != "aria-controls":
            if not value.startswith("#"):
                continue
            value = value[1:]
        for target in value.split():  # aria-controls may name several
            found = [el for el in by_id.get(target, ()) if el.tag in _PANELS]
            if found:
                after = [el for el in found if order[el] > order[button]]
                return (after or found)[0]
    return None


def _shown(panel: ET.Element) -> None:
    """The panel shown, as the web shows it once its tab is clicked."""
    panel.attrib.pop("hidden", None)
    style = panel.get("style")
    if style and _HIDDEN_STYLE.search(style):
        rest = _HIDDEN_STYLE.sub("", style).strip()
        if rest:
            panel.set("style", rest)
        else:
            del panel.attrib["style"]


def _lineage(el: ET.Element | None, parents: dict):
    """``el`` and the elements around it, innermost first."""
    while el is not None:
        yield el
        el = parents.get(el)


def _inside(el: ET.Element | None, holder: ET.Element | None, parents: dict) -> bool:
    """Whether ``el`` lies in ``holder`` (or is it); never inside no holder."""
    while el is not None and holder is not None:
        if el is holder:
            return True
        el = parents.get(el)
    return False


def _only_tab_words(bar: ET.Element, buttons: list[ET.Element]) -> bool:
    """Whether the bar's words are all its buttons' (nothing else would be lost)."""
    return "".join(text_of(bar).split()) == "".join(
        "".join(text_of(button).split()) for button in buttons)


def _label(panel: ET.Element, name: str) -> None:
    """``name`` above the panel's content, unless the panel already starts with it."""
    if not name or not _takes_name(panel):
        return
    if _words(panel).startswith(name):
        return
    add_class(panel, "tab")  # spaced as manualgen's own tabs
    _put_title(panel, name)


def _put_title(panel: ET.Element, name: str) -> None:
    """``p.tab-title`` with ``name`` as the panel's first child, as manualgen's tabs print."""
    label = ET.Element("p", {"class": "tab-title"})
    label.text, label.tail, panel.text = name, panel.text, None
    panel.insert(0, label)


# A tab pane of the web page's own tab widget, and the attributes its script reads the tab's
# name from (the words of the tab bar it builds)
_TAB_CLASSES = frozenset({"tab", "tab-pane", "tabpane", "tab-panel", "tabs-panel"})
_TAB_NAMES = ("data-title", "data-name", "data-tab", "data-label", "data-tab-title")


def name_script_tabs(root: ET.Element) -> None:
    """A tab whose name only a script shows (gobuffalo.io's ``<div class="tab"
    data-title="actions/render.go">``, which its script turns into the tab bar) prints its
    name above its content, as every tab prints on paper (``p.tab-title``); one that prints
    its name itself is left as it is."""
    for el in root.iter():
        if el.tag not in ("div", "section") or not _TAB_CLASSES & set(classes(el)):
            continue
        name = next((el.get(a, "").strip() for a in _TAB_NAMES if el.get(a, "").strip()), "")
        if name and _takes_name(el):
            _put_title(el, name)
