"""Documentation Markdown where manualgen printed otherwise than Hugo.  Each expected HTML is
what /tmp/hugovenv/bin/hugo 0.168.0 printed for the same source, with Hugo's defaults and
``unsafe = true`` (white space between tags squeezed)."""

from __future__ import annotations

import pytest

from .test_convert import Site, squeeze


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


@pytest.mark.parametrize(("source", "expected"), [
    ("Or (https://example.org/x).",
     '<p>Or (<a href="https://example.org/x">https://example.org/x</a>).</p>'),
    ("(see https://example.org/a_(b)).",
     '<p>(see <a href="https://example.org/a_(b)">https://example.org/a_(b)</a>).</p>'),
    ("https://example.org/x)). end", '<p><a href="https://example.org/x">https://example.org/x</a>)). end</p>'),
    ("(https://example.org/x.)", '<p>(<a href="https://example.org/x.">https://example.org/x.</a>)</p>'),
    ("url https://example.org/x?.)",
     '<p>url <a href="https://example.org/x?.">https://example.org/x?.</a>)</p>'),
    ("(https://example.org/x)!", '<p>(<a href="https://example.org/x">https://example.org/x</a>)!</p>'),
])
def test_a_bare_url_in_parentheses_before_a_full_stop_ends_before_them(site, source, expected):
    """Goldmark takes final punctuation off first, then an unbalanced ")"; manualgen took
    the "." alone and linked "https://example.org/x)"."""
    assert squeeze(site.render(source + "\n")) == expected
