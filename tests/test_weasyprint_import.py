"""WeasyPrint imported without compiler runs in its library search (weasyprint_import.py):
the same libraries are loaded, and ctypes is left as it was."""

from __future__ import annotations

import ctypes.util
import subprocess
import sys

import pytest

from manualgen.weasyprint_import import ldconfig_only_library_search

REPORT = """
import sys
if sys.argv[1] == "manualgen":
    from manualgen.weasyprint_import import import_weasyprint
    import_weasyprint()
else:
    import weasyprint
import ctypes.util
from weasyprint.text import ffi
names = ("gobject", "pango", "harfbuzz", "fontconfig", "glib")
with open("/proc/self/maps") as maps:
    loaded = sorted({line.split()[-1] for line in maps if any(n in line for n in names)})
print(ctypes.util.find_library.__name__, ffi.harfbuzz_subset is None, ffi.harfbuzz_vector is None)
print("\\n".join(loaded))
"""


def loaded_libraries(how: str) -> list[str]:
    """What a fresh Python has loaded after importing WeasyPrint ``how``."""
    done = subprocess.run([sys.executable, "-c", REPORT, how], capture_output=True, text=True,
                          check=True, timeout=120)
    return done.stdout.splitlines()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the quick search is Linux only")
def test_the_same_libraries_are_loaded_as_by_a_plain_import():
    quick, plain = loaded_libraries("manualgen"), loaded_libraries("plain")
    assert quick == plain
    assert quick[0].startswith("find_library ")  # ctypes' own function is back in place
    assert any("libpango-1.0.so" in line for line in quick)


def test_the_lookup_is_put_back_even_when_the_import_fails(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    original = ctypes.util.find_library
    with pytest.raises(ImportError), ldconfig_only_library_search():
        if hasattr(ctypes.util, "_findSoname_ldconfig"):
            assert ctypes.util.find_library is ctypes.util._findSoname_ldconfig
        raise ImportError("a library is missing")
    assert ctypes.util.find_library is original


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_other_systems_keep_their_own_search(monkeypatch, platform):
    monkeypatch.setattr(sys, "platform", platform)
    original = ctypes.util.find_library
    with ldconfig_only_library_search():
        assert ctypes.util.find_library is original
    assert ctypes.util.find_library is original
