"""Drawing an SVG once, as WeasyPrint will at layout, to learn whether it can.

WeasyPrint reads an SVG's size and draws its elements only at layout, and what it cannot
draw there it drops with "Failed to render SVG image" and no reason (a marker, clip-path
or mask that draws itself, a transform or font size that is not a number, a viewBox of
three numbers), or stops the whole layout with a traceback (a viewBox such as "0 0 10px
10px" raises from the image's intrinsic size, outside WeasyPrint's guard).  ``check``
renders nothing, so it passed all of these.  Here the SVG goes through WeasyPrint's own
SVG code, into a throwaway PDF stream, once per file: ``check`` and ``build`` then say the
same thing, with the reason.

The pictures the SVG loads (``<image>``) are not drawn here: resources.py checks each of
them, and one SVG loading another in a circle, without reading a file outside the site.
"""

from __future__ import annotations

import functools
import math
import re
from xml.etree import ElementTree

_NUMBER = re.compile(r"could not convert string to float: '(.*)'", re.DOTALL)


class _NoImages:
    """The layout context WeasyPrint's SVG code asks for fonts and for the pictures an
    ``<image>`` loads (none: they are checked elsewhere, but an ``<image>`` without an
    address is noted: WeasyPrint fails to load it)."""

    def __init__(self, font_config) -> None:
        self.font_config = font_config
        self.nameless = False

    def get_image_from_uri(self, url=None, **_kwargs) -> None:
        """No picture: WeasyPrint then draws none; one without an address is noted."""
        self.nameless = self.nameless or not url


@functools.cache
def _font_config():
    """One font configuration for every trial (making one costs 15 ms; an SVG's text is
    drawn with the machine's fonts, and no trial adds any)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def draw_problem(root: ElementTree.Element, url: str) -> str | None:
    """Why WeasyPrint cannot size or draw the parsed SVG ``root``, or None."""
    import pydyf

    from .weasyprint_import import import_weasyprint

    import_weasyprint()
    from weasyprint.images import SVGImage
    from weasyprint.pdf.stream import Stream

    context = _NoImages(_font_config())
    try:
        image = SVGImage(root, url, None, context)
        width, height, ratio = image.get_intrinsic_size(1, 16)
        width = _drawable(width)
        height = _drawable(height or (width / ratio if ratio else None))
        resources = pydyf.Dictionary({name: pydyf.Dictionary() for name in (
            "ExtGState", "XObject", "Pattern", "Shading", "ColorSpace")})
        resources["Font"] = None
        stream = Stream({}, (0, 0, width, height), resources, {}, None, {}, None)
        image._svg.draw(stream, width, height, url, context)
        if context.nameless:
            return "an <image> in it has no href, and WeasyPrint fails to load it"
    except RecursionError:
        return ("it draws itself endlessly: a marker, clip-path, mask or <use> refers to "
                "an element that contains it")
    except ValueError as exc:
        number = _NUMBER.match(str(exc))
        if number:
            return f'"{number.group(1)[:40]}" is not a number WeasyPrint can read'
        return f"WeasyPrint cannot draw it ({_reason(exc)})"
    except Exception as exc:  # noqa: BLE001 - WeasyPrint's SVG code fails in many ways on odd input
        return f"WeasyPrint cannot draw it ({_reason(exc)})"
    return None


def _drawable(length: float | None) -> float:
    """A length to draw the trial at: the SVG's own, within reason (the size checks of
    images.py report lengths that are not finite)."""
    return min(length, 10_000.0) if length and math.isfinite(length) and length > 0 else 100.0


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:100] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
