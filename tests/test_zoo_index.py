"""Source packages are fetched as one exact file and never opened, unpacked or run before their size and
sha256 match the card: a package whose setup.py leaves a marker never leaves it, whatever the index serves."""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import os
import shutil
import sys
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from playground import paths
from playground.core.card import Source, parse_card
from playground.core.errors import FetchError
from playground.zoo.download import Unreachable
from playground.zoo.fetch import fetch_models
from playground.zoo.index import IndexDownloader, Locations, pip_locations, project_of
from playground.zoo.progress import NullProgress
from playground.zoo.source import cached_source

FILE = "langid-1.1.6.tar.gz"


def booby_trapped(marker: Path) -> bytes:
    """A source package whose setup.py, if anything ever ran it, would leave `marker` behind."""
    setup = f"import pathlib\npathlib.Path({str(marker)!r}).write_text('setup.py ran')\n".encode()
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in (("langid-1.1.6/setup.py", setup),
                           ("langid-1.1.6/PKG-INFO", b"Metadata-Version: 2.1\nName: langid\nVersion: 1.1.6\n")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def source_for(data: bytes, sha256: str | None = None, size: int | None = None) -> Source:
    return Source("langid==1.1.6", FILE, sha256 or hashlib.sha256(data).hexdigest(),
                  len(data) if size is None else size, "", "convert", "langid_from_pickle", ())


@pytest.fixture
def trap(tmp_path: Path) -> tuple[Path, bytes, Path]:
    marker = tmp_path / "marker"
    data = booby_trapped(marker)
    links = tmp_path / "links"
    links.mkdir()
    (links / FILE).write_bytes(data)
    return links, data, marker


def test_a_substituted_package_is_refused_by_the_real_fetch_and_its_setup_py_never_runs(trap, tmp_path, monkeypatch):
    links, _, marker = trap
    # pip's own configuration is what the fetch follows: here, no index but the folder holding the trap.
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(links))
    card = parse_card(paths.models_dir() / "langid" / "model.toml")
    folder = tmp_path / "models" / "langid"
    shutil.copytree(card.folder, folder, ignore=shutil.ignore_patterns("*.onnx", "*.npz", ".built", ".build-*"))
    with pytest.raises(FetchError, match=rf"The download of langid==1.1.6 \({FILE}\) has sha256 [0-9a-f]{{64}} .* but the "
                                         r"card expects 044bcae1.* the file was deleted, so nothing was installed\.$"):
        fetch_models([parse_card(folder / "model.toml")], cache=tmp_path / "cache")
    assert not marker.exists()
    assert not any((tmp_path / "cache").iterdir())  # neither the file nor a half-written one is kept


def test_the_right_file_is_kept_and_still_never_run(trap, tmp_path):
    links, data, marker = trap
    path, downloaded = cached_source(source_for(data), tmp_path / "cache", IndexDownloader(Locations((), (str(links),))),
                                     NullProgress())
    assert downloaded and path.read_bytes() == data and path.parent == tmp_path / "cache"
    assert not marker.exists()


class _Index(http.server.BaseHTTPRequestHandler):
    """A simple index over HTTP that answers in JSON (PEP 691), as PyPI does."""

    pages: dict[str, tuple[str, bytes]] = {}
    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        type(self).asked.append(self.path)
        kind, body = self.pages.get(self.path, ("", b""))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", kind or "text/plain")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def index() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Index)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Index.pages, _Index.asked = {}, []
    yield f"http://127.0.0.1:{server.server_port}/simple"
    server.shutdown()
    server.server_close()


def _listing(sha256: str) -> tuple[str, bytes]:
    files = [{"filename": "langid-1.1.5.tar.gz", "url": "/files/langid-1.1.5.tar.gz", "hashes": {}},
             {"filename": FILE, "url": f"/files/{FILE}", "hashes": {"sha256": sha256}}]
    return "application/vnd.pypi.simple.v1+json", json.dumps({"files": files}).encode()


def test_a_json_index_is_read_and_the_exact_file_streamed(index, trap, tmp_path):
    _, data, marker = trap
    _Index.pages = {"/simple/langid/": _listing(hashlib.sha256(data).hexdigest()),
                    f"/files/{FILE}": ("application/octet-stream", data)}
    seen: list[int] = []
    path = IndexDownloader(Locations((index,), ()))(source_for(data), tmp_path, seen.append)
    assert path.read_bytes() == data and seen[-1] == len(data) and not marker.exists()
    assert _Index.asked == ["/simple/langid/", f"/files/{FILE}"]


def test_an_index_listing_another_hash_is_refused_before_any_download(index, trap, tmp_path):
    _, data, _ = trap
    _Index.pages = {"/simple/langid/": _listing("ab" * 32), f"/files/{FILE}": ("application/octet-stream", data)}
    dest = tmp_path / "dest"
    dest.mkdir()
    with pytest.raises(FetchError, match=rf"lists {FILE} with sha256 abab.* but the card expects .*; nothing was "
                                         r"downloaded\.$"):
        IndexDownloader(Locations((index,), ()))(source_for(data), dest, lambda n: None)
    assert _Index.asked == ["/simple/langid/"] and not any(dest.iterdir())


def test_a_file_larger_than_the_card_says_is_cut_off_at_the_cards_size(index, trap, tmp_path):
    _, data, _ = trap
    _Index.pages = {"/simple/langid/": _listing(""), f"/files/{FILE}": ("application/octet-stream", data * 50)}
    seen: list[int] = []
    dest = tmp_path / "dest"
    dest.mkdir()
    with pytest.raises(FetchError, match=r"sent more than the [\d,]+ bytes the card names .* stopped and deleted\.$"):
        IndexDownloader(Locations((index,), ()))(source_for(data), dest, seen.append)
    assert all(done <= len(data) for done in seen) and not any(dest.iterdir())


def test_a_file_index_like_pips_own_mirrors_is_read_from_its_html_page(trap, tmp_path):
    _, data, _ = trap
    project = tmp_path / "simple" / "langid"
    project.mkdir(parents=True)
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / FILE).write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    (project / "index.html").write_text(f'<html><body><a href="../../store/{FILE}#sha256={sha}">{FILE}</a></body>'
                                        "</html>", encoding="utf-8")
    path = IndexDownloader(Locations(((tmp_path / "simple").as_uri(),), ()))(source_for(data), tmp_path, print)
    assert path.read_bytes() == data


def test_nothing_found_or_nothing_reachable_says_so(index, trap, tmp_path):
    _, data, _ = trap
    with pytest.raises(FetchError, match=rf"{FILE} was not found on the package index \(http://127.0.0.1:\d+/simple\)"):
        IndexDownloader(Locations((index,), ()))(source_for(data), tmp_path, lambda n: None)
    closed = index.rsplit(":", 1)[0] + ":9/simple"  # the discard port: nothing listens
    with pytest.raises(Unreachable):
        IndexDownloader(Locations((closed,), (), timeout=5))(source_for(data), tmp_path, lambda n: None)


def test_pips_configuration_and_variables_choose_the_indexes(tmp_path, monkeypatch):
    fake_python = tmp_path / "python"
    fake_python.write_text("#!/bin/sh\necho \"global.index-url='https://mirror.example/simple'\"\n"
                           "echo \"global.extra-index-url='file:///a/simple file:///b/simple'\"\n"
                           "echo \"global.find-links='/opt/wheels'\"\necho \"global.default-timeout='30'\"\n")
    fake_python.chmod(0o755)
    for name in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_NO_INDEX", "PIP_DEFAULT_TIMEOUT",
                 "PIP_TIMEOUT", "PIP_CERT"):
        monkeypatch.delenv(name, raising=False)
    found = pip_locations(str(fake_python))
    assert found.indexes == ("https://mirror.example/simple", "file:///a/simple", "file:///b/simple")
    assert found.find_links == ("/opt/wheels",) and found.timeout == 30.0
    monkeypatch.setenv("PIP_INDEX_URL", "https://other.example/simple")
    assert pip_locations(str(fake_python)).indexes[0] == "https://other.example/simple"
    monkeypatch.setenv("PIP_NO_INDEX", "true")
    assert pip_locations(str(fake_python)).indexes == ()
    assert pip_locations(sys.executable + "-missing").find_links == ()  # no pip at all: the variables alone


def test_project_names_are_normalised_as_indexes_list_them():
    assert project_of(source_for(b"x")) == "langid"
    assert project_of(Source("vaderSentiment==3.3.2", "v.tar.gz", "0" * 64, 1, "", "as-is", "", ())) == "vadersentiment"
