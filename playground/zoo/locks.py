"""Locks that keep concurrent fetches apart (fcntl.flock), and removing only the work folders a dead fetch left.

A lock is an exclusive flock on a small file. The kernel drops it when its holder exits, however it
exits (SIGKILL included), so a lock held is a live process working. Two kinds:

- hold(path): a lock named by a file (one per model folder, one per cached package file). The file is
  created on demand and removed on release, so nothing stays beside the files it guards; a waiter that
  was handed the removed file notices (its inode is no longer the path's) and locks the current one.
- work_folder(parent, prefix): a new hidden folder whose own LOCK_NAME file its creator keeps locked
  while it works in it. remove_abandoned(parent, prefix) removes such a folder only when it can take
  that lock itself, i.e. when its creator is gone.

Without flock (not Linux/macOS, or a file system that refuses it) locks do nothing and a work folder
counts as abandoned only once it is older than STALE_WITHOUT_FLOCK: no fetch lasts that long.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    from fcntl import LOCK_EX, LOCK_NB, flock

    HAVE_FLOCK = True
except ImportError:  # Windows: fetches are not kept apart, and only old work folders are removed
    HAVE_FLOCK = False

LOCK_NAME = ".lock"  # inside a work folder
STALE_WITHOUT_FLOCK = 24 * 3600.0  # seconds
# A folder that cannot be written (a read-only install) and a file system without flock: no lock is possible.
_CANNOT_LOCK = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL}


class _Unlockable(Exception):
    """flock cannot be used for this path."""


def _lock(path: Path, blocking: bool) -> int | None:
    """A descriptor holding the exclusive flock on the file now at path (created if need be); None when it is
    not blocking and someone else holds it. Raises _Unlockable, or FileNotFoundError when path's folder is gone."""
    if not HAVE_FLOCK:
        raise _Unlockable
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by children (PEP 446)
        except OSError as exc:
            if exc.errno in _CANNOT_LOCK:
                raise _Unlockable from exc
            raise
        try:
            flock(fd, LOCK_EX if blocking else LOCK_EX | LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except OSError as exc:
            os.close(fd)
            if exc.errno in _CANNOT_LOCK:
                raise _Unlockable from exc
            raise
        except BaseException:  # KeyboardInterrupt while waiting
            os.close(fd)
            raise
        try:
            now = os.stat(path)
        except FileNotFoundError:
            now = None
        mine = os.fstat(fd)
        if now is not None and (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino):
            return fd
        os.close(fd)  # the holder before us removed this file on release: lock the one at path now


def _release(path: Path, fd: int) -> None:
    """Remove the lock file while still holding it (no one else can be holding it), then let go."""
    try:
        path.unlink(missing_ok=True)
    finally:
        os.close(fd)


@contextmanager
def hold(path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the lock named by path for the block, waiting for it if another process holds it (on_wait hears
    when that happens). The file is gone again afterwards. Where it cannot be locked the block just runs."""
    try:
        fd = _lock(path, blocking=False)
        if fd is None:
            if on_wait is not None:
                on_wait()
            fd = _lock(path, blocking=True)
    except _Unlockable:
        fd = None
    try:
        yield
    finally:
        if fd is not None:
            _release(path, fd)


@contextmanager
def work_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """A new folder prefix* in parent, locked for the block and removed after it (whatever happens in it)."""
    while True:
        work = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        try:
            fd = _lock(work / LOCK_NAME, blocking=True)
            break
        except FileNotFoundError:
            # A cleaner took the brand-new folder for abandoned before it was locked (and removed it): make another.
            continue
        except _Unlockable:
            fd = None
            break
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)  # removes the lock file too, while it is still held
        if fd is not None:
            os.close(fd)


def remove_abandoned(parent: Path, prefix: str) -> list[Path]:
    """Remove the folders prefix* in parent that no live process is working in; the ones removed.

    A folder without its lock file (left by an older version, or by a fetch killed the instant after
    making it) is locked and removed the same way: a creator that is just about to lock it waits for
    the lock, then sees its folder gone and makes another (work_folder).
    """
    removed = []
    for folder in sorted(parent.glob(f"{prefix}*")):
        if folder.is_symlink() or not folder.is_dir():
            continue
        try:
            fd = _lock(folder / LOCK_NAME, blocking=False)
        except FileNotFoundError:  # removed by its creator meanwhile
            continue
        except _Unlockable:
            try:
                age = time.time() - folder.stat().st_mtime
            except FileNotFoundError:
                continue
            if age > STALE_WITHOUT_FLOCK:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
            continue
        if fd is None:  # a live process holds it
            continue
        try:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            os.close(fd)
        removed.append(folder)
    return removed
