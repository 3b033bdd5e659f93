"""Pictures on the web, fetched once into the cache when the site asks for it.

By default a picture on the web prints as a framed address (assemble/resources.py): a build
never touches the network.  With ``[print] remote_images = "fetch"`` each such picture is
downloaded once into ``.manualgen-cache/remote/`` (named by a hash of its address, so every
language and every later build finds it there) and printed as a file of the site would be.

A download is bounded: a timeout per read, a size cap, an image content type, and redirects
only to http(s) addresses (urllib would follow one to ftp:).  Whatever fails leaves the
framed address and a warning; the PDF's fetcher itself still serves only local files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import http.client
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .pdf import write_atomic

TIMEOUT = 10.0  # seconds per socket read, as WeasyPrint's own fetcher counts it
MAX_BYTES = 20_000_000
SUFFIXES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
            "image/webp": ".webp", "image/svg+xml": ".svg", "image/bmp": ".bmp"}


@dataclasses.dataclass(frozen=True)
class Fetched:
    """The downloaded file, or why there is none."""

    path: Path | None
    problem: str | None = None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise urllib.error.URLError(f"a redirect to a {scheme or 'relative'}: address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def file_name(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def fetch(url: str, folder: Path, *, timeout: float = TIMEOUT, limit: int = MAX_BYTES) -> Fetched:
    """The picture at ``url`` as a file in ``folder``: the one fetched before if there is
    one, else downloaded now."""
    name = file_name(url)
    try:
        done = next((p for p in sorted(folder.glob(name + ".*")) if p.suffix in SUFFIXES.values()),
                    None)
    except OSError:
        done = None
    if done is not None:
        return Fetched(done)
    url = "https:" + url if url.startswith("//") else url
    try:
        data, media_type = _download(url, timeout, limit)
    except urllib.error.HTTPError as exc:
        return Fetched(None, f"it could not be fetched (HTTP {exc.code} {exc.reason})")
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        # HTTPException: an address http.client refuses (a space in the host: InvalidURL)
        # or a server that breaks off its answer (IncompleteRead, BadStatusLine)
        reason = getattr(exc, "reason", None) or exc
        return Fetched(None, f"it could not be fetched ({reason})")
    if media_type not in SUFFIXES:
        return Fetched(None, f"the address gives {media_type or 'no content type'}, not an image")
    if data is None:
        return Fetched(None, f"it is over {limit // 1_000_000} MB")
    target = folder / (name + SUFFIXES[media_type])
    write_atomic(target, data, durable=False)
    return Fetched(target)


def _download(url: str, timeout: float, limit: int) -> tuple[bytes | None, str]:
    """(bytes, content type); bytes None when over ``limit``.  Raises what urllib raises."""
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": f"manualgen/{__version__}"})
    with opener.open(request, timeout=timeout) as response:
        media_type = response.headers.get_content_type().lower()
        if media_type not in SUFFIXES:
            return b"", media_type
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > limit:
            return None, media_type
        data = response.read(limit + 1)
    return (None if len(data) > limit else data), media_type
