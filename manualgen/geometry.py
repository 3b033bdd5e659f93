"""The print sizes manual.css sets, for the decisions made before WeasyPrint lays out pages.

Two stages need them: assemble (is a step taller than a page? then cut it between blocks)
and images (how many pixels does a screenshot need at its printed width?).  Both read one
:class:`PrintGeometry`, made from the settings, so the numbers cannot drift apart.

Every estimate errs the safe way: an image prepared for a box larger than the one it lands
in only has more pixels per inch than asked, and a step is cut only when it is clearly
taller than a page.
"""

from __future__ import annotations

import dataclasses
import math
import re

# Paper width and the narrowest left + right margins manual.css uses for it (mm).
PAPER_WIDTH_MM = {"a4": 210.0, "a5": 148.0, "letter": 215.9}
CSS_MARGINS_MM = {"a4": 40.0, "a5": 32.0, "letter": 40.0}
# The text block manual.css leaves on each paper: paper height less top and bottom margins.
PAGE_BODY_MM = {"a4": 257.0, "a5": 180.0, "letter": 239.4}
# manual.css: step text 40 % → media 60 %; max heights of step media and figures.
STEP_MEDIA_FRACTION = 0.60
MAX_HEIGHT_MM = {"a5": (85.0, 150.0)}  # (step media, figure); others: (120, 200)


# Millimetres per unit of a CSS length (CSS: 96 px and 72 pt to the inch).
MM_PER_UNIT = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72, "px": 25.4 / 96}


def length_mm(value: str, default: float) -> float:
    """A CSS length of manualgen.toml ("25mm", "1in") in millimetres, else ``default``."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*", value or "")
    if not m:
        return default
    number, unit = float(m.group(1)), m.group(2)
    return number * MM_PER_UNIT[unit]


@dataclasses.dataclass(frozen=True)
class PrintGeometry:
    """The text block, the step columns and the picture heights of one paper, in mm."""

    text_width_mm: float = 170.0
    step_max_height_mm: float = 120.0
    figure_max_height_mm: float = 200.0
    ppi: int = 200
    page_height_mm: float = 257.0
    font_pt: float = 10.0
    step_gap_mm: float = 6.0

    @classmethod
    def from_settings(cls, settings) -> PrintGeometry:
        opts = settings.print
        paper = opts.paper if opts.paper in PAPER_WIDTH_MM else "a4"
        margins = length_mm(opts.margin_inner, 25.0) + length_mm(opts.margin_outer, 15.0)
        text = PAPER_WIDTH_MM[paper] - min(margins, CSS_MARGINS_MM[paper])
        step_h, figure_h = MAX_HEIGHT_MM.get(paper, (120.0, 200.0))
        a5 = paper == "a5"
        return cls(text, step_h, figure_h, int(opts.image_ppi), PAGE_BODY_MM[paper],
                   9.5 if a5 else 10.0, 4.0 if a5 else 6.0)

    # Steps, for assemble --------------------------------------------------------------------

    @property
    def step_text_width(self) -> float:
        return self.text_width_mm * 0.4 - self.step_gap_mm  # --step-text-width less --step-gap

    @property
    def step_media_width(self) -> float:
        return self.text_width_mm * STEP_MEDIA_FRACTION

    @property
    def fits(self) -> float:
        """The tallest block that surely fits on a page under a heading."""
        return self.page_height_mm * 0.9

    # Screenshots, for images ----------------------------------------------------------------

    def printed_width_mm(self, context: str, width: int, height: int) -> float:
        """The widest the image can print in ``context`` ("step" or "full")."""
        natural = width * 25.4 / 96  # CSS sizes an image by its pixels at 96 px/in
        if context == "step":
            box, max_h = self.text_width_mm * STEP_MEDIA_FRACTION, self.step_max_height_mm
        else:
            box, max_h = self.text_width_mm, self.figure_max_height_mm
        by_height = max_h * width / height if height else box
        return min(natural, box, by_height)

    def target_width(self, context: str, width: int, height: int) -> int:
        """Pixels wide for ``ppi`` at the printed width; never more than the source has."""
        mm = self.printed_width_mm(context, width, height)
        return min(width, max(1, math.ceil(mm * self.ppi / 25.4)))
