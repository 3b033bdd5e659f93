"""Screenshots: check each image before WeasyPrint sees it, and note its shape.

WeasyPrint draws truncated PNGs without a word and loads almost anything as an image, so
each file is opened and verified here (readable, complete, a sane pixel size).  The result is
remembered per file, so an image used on ten pages is checked once.
"""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

MAX_PIXELS = 40_000_000  # about 6300 × 6300: far beyond any screenshot


@dataclasses.dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    format: str
    problem: str | None = None  # why the image cannot be printed, or None

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 0.0


_cache: dict[tuple[Path, float, int], ImageInfo] = {}


def inspect(path: Path) -> ImageInfo:
    """Open and fully decode the image once; report what is wrong with it, if anything."""
    stat = path.stat()
    key = (path, stat.st_mtime, stat.st_size)
    if key in _cache:
        return _cache[key]
    info = _inspect(path)
    _cache[key] = info
    return info


def _inspect(path: Path) -> ImageInfo:
    if path.suffix.lower() == ".svg":
        head = path.read_bytes()[:4096].lower()
        if b"<svg" not in head:
            return ImageInfo(0, 0, "SVG", "not an SVG file")
        return ImageInfo(0, 0, "SVG")
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                width, height = im.size
                fmt = im.format or "?"
                if width * height > MAX_PIXELS:
                    return ImageInfo(width, height, fmt,
                                     f"{width}×{height} pixels is too large to print; scale it down")
                im.load()  # decodes everything: a truncated file fails here
    except UnidentifiedImageError:
        return ImageInfo(0, 0, "?", "not an image file Pillow can read")
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return ImageInfo(0, 0, "?", "image is too large (decompression bomb limit); scale it down")
    except (OSError, SyntaxError, ValueError) as exc:
        return ImageInfo(0, 0, "?", f"image is damaged or truncated ({exc})")
    if width < 1 or height < 1:
        return ImageInfo(width, height, fmt, "image has no pixels")
    return ImageInfo(width, height, fmt)
