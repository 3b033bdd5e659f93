"""The inflate check (inflate.py) counts what the standard library counts, with zlib-ng
or without it."""

from __future__ import annotations

import importlib
import os
import sys
import zlib

import pytest

from manualgen import inflate


@pytest.fixture(params=["installed", "absent"])
def module(request, monkeypatch):
    if request.param == "absent":
        monkeypatch.setitem(sys.modules, "zlib_ng", None)  # import fails: the fallback
    yield importlib.reload(inflate)
    monkeypatch.undo()
    importlib.reload(inflate)


def test_lengths_and_damage_are_what_zlib_says(module):
    data = os.urandom(5000) + bytes(200_000) + b"screenshot rows " * 3000
    stream = zlib.compress(data, 6)
    assert module.inflated_length(stream, len(data) + 1) == len(data)
    assert module.inflated_length(stream, 1000) == 1000  # counting stops at the limit
    assert module.inflated_length(stream[: len(stream) // 2], len(data)) < len(data)
    with pytest.raises(module.error):
        module.inflated_length(b"\x78\x9c\xff\xff\xff" + stream[5:], len(data))
