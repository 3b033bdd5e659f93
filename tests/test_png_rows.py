"""A PNG whose compressed data ends properly but holds too few rows is reported, not printed
with empty rows (Pillow draws it without a word)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from manualgen.images import inspect, png_rows_missing


def png(mode: str = "RGB", size=(37, 23), interlace: bool = False) -> bytes:
    img = Image.new(mode, size)
    for x in range(size[0]):
        for y in range(size[1]):
            img.putpixel((x, y), (x * 7 % 256, y * 11 % 256, 90)[:len(mode)] if mode != "P"
                         else (x + y) % 7)
    buffer = io.BytesIO()
    img.save(buffer, format="PNG", interlace=1 if interlace else 0)
    return buffer.getvalue()


def shortened(data: bytes, keep: float = 0.6) -> bytes:
    """The same PNG with its pixel data cut short and compressed again: every chunk and
    checksum is right, the zlib stream ends properly."""
    pos, chunks = 8, []
    idat = b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IDAT":
            idat += body
        else:
            chunks.append((kind, body))
        pos += 12 + length
    raw = zlib.decompress(idat)
    short = zlib.compress(raw[: keep if isinstance(keep, int) else int(len(raw) * keep)])

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    out = [data[:8], chunk(*chunks[0]), chunk(b"IDAT", short)]
    out += [chunk(kind, body) for kind, body in chunks[1:]]
    return b"".join(out)


@pytest.mark.parametrize(("mode", "interlace"), [("RGB", False), ("RGBA", False), ("L", False),
                                                 ("P", False), ("RGB", True), ("LA", True)])
def test_a_whole_png_lacks_nothing_and_a_short_one_is_found(mode, interlace):
    data = png(mode, interlace=interlace)
    assert png_rows_missing(data) == 0
    assert png_rows_missing(shortened(data)) > 0


def test_a_short_png_is_an_image_problem_with_its_reason(tmp_path):
    path = tmp_path / "shot.png"
    path.write_bytes(shortened(png(), keep=10 * (1 + 37 * 3)))  # ten whole rows of 23
    with Image.open(path) as img:
        img.load()  # Pillow itself takes it as it is: the other rows print empty
    info = inspect(path)
    assert info.problem and "ends" in info.problem and "early" in info.problem
    whole = tmp_path / "whole.png"
    whole.write_bytes(png())
    assert inspect(whole).problem is None


def test_what_is_not_a_png_is_left_to_pillow():
    assert png_rows_missing(b"GIF89a" + b"\0" * 40) == 0
    assert png_rows_missing(b"\x89PNG\r\n\x1a\n" + b"\0" * 7) == 0
