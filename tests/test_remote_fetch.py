"""``[print] remote_images = "fetch"``: a picture on the web is downloaded once into the
cache and printed; a failure (not an image, too large, a redirect to another scheme, no
answer) keeps the framed address and a warning.  A server on 127.0.0.1 stands in for the
web; without the setting, nothing is fetched."""

import http.server
import json
import threading
from typing import ClassVar

import pypdfium2 as pdfium
import pytest

from manualgen import remote
from manualgen.cli import main

from .conftest import page, png_bytes, write_site

HUGO = 'baseURL = "https://example.org/"\ntitle = "Remote"\ndefaultContentLanguage = "en"\n'


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):  # http.server's name for it
        type(self).hits.append(self.path)
        if self.path == "/pic.png":
            body, ctype = png_bytes(80, 50), "image/png"
        elif self.path == "/page.html":
            body, ctype = b"<html>not a picture</html>", "text/html"
        elif self.path == "/to-ftp.png":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/pic.png")
            self.end_headers()
            return
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    _Handler.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def make_site(tmp_path, base, fetch=True):
    body = (f"![Logo]({base}/pic.png)\n\n![Page]({base}/page.html)\n\n"
            f"![Hop]({base}/to-ftp.png)\n\n![Gone]({base}/missing.png)\n")
    files = {"content/_index.md": page("Home", body="Hello.\n"), "content/a.md": page("A", 1, body)}
    if fetch:
        files["manualgen.toml"] = '[print]\nremote_images = "fetch"\n'
    return write_site(tmp_path / "site", files, hugo=HUGO)


def test_fetched_once_into_the_cache_and_printed(tmp_path, server, monkeypatch, capsys):
    site = make_site(tmp_path, server)
    monkeypatch.chdir(tmp_path)
    status = main(["check", "--site", str(site), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert status == 0
    assert sorted((f["code"], f["line"]) for f in findings) == [
        ("remote-image", 7), ("remote-image", 9), ("remote-image", 11)]
    messages = " ".join(f["message"] for f in findings)
    assert "text/html, not an image" in messages and "ftp" in messages and "404" in messages
    assert not (tmp_path / ".manualgen-cache").exists()  # check fetched into a throwaway folder

    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "-q"]) == 0
    fetched = list((tmp_path / ".manualgen-cache" / "remote").iterdir())
    assert [p.suffix for p in fetched] == [".png"]
    pdf = pdfium.PdfDocument(str(out / "remote-en.pdf"))
    assert sum(len(list(pdf[i].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])))
               for i in range(len(pdf))) == 1
    capsys.readouterr()
    hits = len(_Handler.hits)
    assert main(["build", "--site", str(site), "--out", str(tmp_path / "again"), "-q"]) == 0
    assert _Handler.hits[hits:].count("/pic.png") == 0  # from the cache, not the network


def test_without_the_setting_nothing_is_fetched(tmp_path, server, capsys):
    site = make_site(tmp_path, server, fetch=False)
    assert main(["check", "--site", str(site), "--format", "json"]) == 0
    assert _Handler.hits == []
    assert "remote_images" in capsys.readouterr().out


def test_size_cap_and_timeout(tmp_path, server):
    big = remote.fetch(f"{server}/pic.png", tmp_path, limit=10)
    assert big.path is None and "over" in big.problem
    assert remote.fetch(f"{server}/pic.png", tmp_path).path.suffix == ".png"
    import socket

    silent = socket.socket()  # accepts, never answers: the timeout ends the wait
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    try:
        late = remote.fetch(f"http://127.0.0.1:{silent.getsockname()[1]}/x.png", tmp_path,
                            timeout=0.5)
    finally:
        silent.close()
    assert late.path is None and "could not be fetched" in late.problem


def test_a_bad_setting_is_a_config_error(tmp_path, capsys):
    site = make_site(tmp_path, "http://127.0.0.1:9", fetch=False)
    (site / "manualgen.toml").write_text('[print]\nremote_images = "download"\n')
    assert main(["check", "--site", str(site)]) == 1
    assert 'must be "placeholder" or "fetch"' in capsys.readouterr().err
