"""WeasyPrint's cascade with one style object where it made thousands (issue 11: memory).

WeasyPrint 70 gives two elements the same computed-style object when their parents share
one, the same rules match them and they carry the same attribute declarations (the object
identity of those declarations is part of its key).  Three things defeat that in a manual:

- every element with an ``id`` gets a ``-weasy-anchor`` declaration of its own, so that
  element, and every element below it, gets a style object of its own: in a manual where
  each page is an ``<article id=…>``, nearly every element;
- ``lang`` and ``style`` attributes are parsed into a fresh declaration for each element,
  so two equal attributes never match;
- the user-agent stylesheet's universal ``::marker``, ``::footnote-*`` and ``::note-*``
  rules give every element six pseudo-element styles, each a new object, used or not.

Measured on a 300-page synthetic manual: 127,366 style entries made 117,495 objects; with
:func:`sharing`, 1,520.  Peak memory 597 → 479 MiB, layout 11.7 → 9.7 s, and the PDF is
byte for byte the same, since a shared style holds the values each copy would have held.

Within :func:`sharing`, WeasyPrint's ``StyleFor`` is replaced by a subclass that

1. reads an element's attribute declarations through :func:`_interned`: equal attribute
   declarations are one object, and the anchor declarations are set aside;
2. after WeasyPrint's cascade, gives each element with an anchor a copy of its style with
   the anchor set (an anchor is not inherited, so the elements below keep sharing), and
   announces the anchor to the target collector as WeasyPrint would have;
3. makes a pseudo-element style once per parent style, pseudo-element and cascade, except
   for footnotes, whose call and marker styles WeasyPrint changes in place, and for the
   margin boxes of pages (computed during layout, and changed in place too).
"""

from __future__ import annotations

import contextlib
import functools

from .patching import patched


def sharing() -> contextlib.AbstractContextManager:
    """Within the block, WeasyPrint computes styles with :func:`_sharing_class`."""
    from weasyprint import css

    return patched(css, "StyleFor", _sharing_class())


@functools.cache
def _sharing_class():
    from weasyprint import css
    from weasyprint.css.validation import preprocess_declarations

    class SharingStyleFor(css.StyleFor):
        def __init__(self, html, sheets, presentational_hints, font_config, target_collector):
            self._pseudo_styles: dict[tuple, object] = {}
            anchors: dict[object, tuple] = {}
            find = css.find_style_attributes
            css.find_style_attributes = functools.partial(_interned, find, anchors)
            try:
                super().__init__(html, sheets, presentational_hints, font_config,
                                 target_collector)
            finally:
                css.find_style_attributes = find
            for element, (declarations, base_url) in anchors.items():
                names = [value for name, value, _ in preprocess_declarations(base_url, declarations)
                         if name == "anchor"]
                self._anchor(element, names[-1] if names else None, target_collector)
            del self._pseudo_styles

        def _anchor(self, element, name, target_collector) -> None:
            style = self._computed_styles.get((element, None))
            if not name or style is None or "anchor" in style.cascaded:
                return  # a stylesheet's -weasy-anchor outweighs the attribute's
            anchored = style.copy()
            anchored["anchor"] = name
            self._computed_styles[element, None] = anchored
            if target_collector:
                target_collector.collect_anchor(name)

        def set_computed_styles(self, element, parent, root=None, pseudo_type=None,
                                base_url=None, target_collector=None):
            shareable = getattr(self, "_pseudo_styles", None)  # only during the cascade
            if pseudo_type is None or shareable is None:
                return super().set_computed_styles(element, parent, root, pseudo_type,
                                                   base_url, target_collector)
            parent_style = self._computed_styles[parent, None]
            cascaded = self._cascaded_styles.get((element, pseudo_type), {})
            key = (id(parent_style), pseudo_type,
                   tuple((name, id(value), weight) for name, (value, weight) in cascaded.items()))
            shared = shareable.get(key)
            if shared is not None:
                self._computed_styles[element, pseudo_type] = shared
                return None
            super().set_computed_styles(element, parent, root, pseudo_type, base_url,
                                        target_collector)
            made = self._computed_styles[element, pseudo_type]
            if parent_style["float"] != "footnote" and not made["anchor"]:
                shareable[key] = made
            return None

    return SharingStyleFor


def _interned(find, anchors: dict, tree, presentational_hints=False, base_url=None):
    """WeasyPrint's ``find_style_attributes`` (``find``), with each element's declarations
    one object for each equal set of attributes, and its anchor declarations kept in
    ``anchors`` (element → (declarations, base URL)) instead of yielded.

    WeasyPrint keys its style sharing on the identity of the *last* declarations yielded
    for an element, so the key of each yield is the whole of the element's attributes and
    the yield's place among them."""
    same: dict[tuple, tuple] = {}
    element, pending = None, []

    def flush():
        signature = tuple((specificity, _text(declarations), url)
                          for specificity, declarations, url in pending)
        for index, (specificity, declarations, url) in enumerate(pending):
            yield specificity, element, same.setdefault((signature, index), declarations), url
        pending.clear()

    for specificity, owner, declarations, url in find(tree, presentational_hints, base_url):
        if owner is not element:
            yield from flush()
            element = owner
        declarations = tuple(declarations)
        if _is_anchor(declarations):
            anchors[owner] = (declarations, url)
        else:
            pending.append((specificity, declarations, url))
    yield from flush()


def _is_anchor(declarations: tuple) -> bool:
    return (len(declarations) == 1 and getattr(declarations[0], "type", None) == "declaration"
            and declarations[0].lower_name == "-weasy-anchor")


def _text(declarations: tuple) -> str:
    """The declarations as text, a key for equal sets.  A part that is no declaration
    (``style="x"``, which WeasyPrint passes over) is a ParseError, which tinycss2 cannot
    write back (TypeError: every build of a page with one stopped): its kind stands in."""
    import tinycss2

    return "\0".join(f"\0{node.kind}: {node.message}" if getattr(node, "type", None) == "error"
                     else tinycss2.serialize([node]) for node in declarations)
