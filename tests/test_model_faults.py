"""Broken models: a truncated, a tampered or a missing file, a card that misdescribes its model, a read-only models
folder and a disk that fills up during a fetch. Each is one sentence saying what to run, the other models keep
working, nothing half-written is left, and a fetch (or putting the card back) repairs it.

Real models (copies of models/basic-pitch and models/magika under tmp_path, with basic-pitch's cached wheel) where
they are installed here; the FakeModel of test_zoo_fetch for the fetch's every step. No test reaches the network.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_zoo_fetch import WHEEL, FakeDownloader, FakeModel, fetch, make_fake, sha, wheel_bytes

from playground import paths
from playground.cli import main
from playground.core.card import ModelCard, Source
from playground.core.errors import FetchError, ModelCardError, ModelMissingError
from playground.core.pipeline import Pipeline
from playground.core.session import check_files
from playground.core.task import RunRequest
from playground.tasks.registry import checked_catalog, get_task
from playground.zoo import fetch as fetch_module
from playground.zoo.fetch import BUILD_PREFIX, fetch_models, installed_matches
from playground.zoo.source import DOWNLOAD_PREFIX

ROOT = Path(__file__).resolve().parent.parent
BROKEN, OTHER = "basic-pitch", "magika"  # an as-is model with one small file and a small wheel; a text model
SAMPLES = {BROKEN: "melody22k.wav", OTHER: "fibonacci.py"}
ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def no_network(source: Source, dest: Path, on_bytes: object) -> Path:
    raise AssertionError(f"a test tried to download {source.file}")


@dataclass
class Models:
    """A models folder with copies of two real models, and a download cache holding the broken one's wheel."""

    models: Path
    cache: Path

    def folder(self, model_id: str = BROKEN) -> Path:
        return self.models / model_id

    def card(self, model_id: str = BROKEN) -> ModelCard:
        return checked_catalog(self.models).get(model_id)

    def run(self, pipeline: Pipeline, model_id: str) -> str:
        from playground.commands.common import resolve_input

        card = self.card(model_id)
        request = RunRequest(card, get_task(card.task), resolve_input(card, SAMPLES[model_id]), {})
        return pipeline.run(request).result.summary()

    def leftovers(self) -> list[str]:
        """Work folders, lock files and temporary files a fetch should never leave behind."""
        found = []
        for top in (self.models, self.cache):
            for path in top.rglob("*"):
                name = path.name
                if name.startswith((BUILD_PREFIX, DOWNLOAD_PREFIX, ".fetch.lock")) or name.endswith(".lock"):
                    found.append(str(path.relative_to(top.parent)))
        return found


@pytest.fixture
def real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Models:
    catalog = checked_catalog()
    for model_id in (BROKEN, OTHER):
        if model_id not in catalog.ids or not catalog.installed(catalog.get(model_id)):
            pytest.skip(f"{model_id} is not fetched yet: run 'playground models fetch {model_id}'")
    wheel = paths.cache_dir() / catalog.get(BROKEN).source.file
    if not wheel.is_file():
        pytest.skip(f"{wheel} is not in the download cache: run 'playground models fetch {BROKEN}'")
    made = Models(tmp_path / "models", tmp_path / "cache")
    for model_id in (BROKEN, OTHER):
        shutil.copytree(paths.models_dir() / model_id, made.folder(model_id))
    made.cache.mkdir()
    shutil.copyfile(wheel, made.cache / wheel.name)
    monkeypatch.setenv("PLAYGROUND_MODELS", str(made.models))
    monkeypatch.setenv("PLAYGROUND_CACHE", str(made.cache))
    monkeypatch.setattr(fetch_module, "PackageDownloader", lambda *args: no_network)
    return made


def truncate(m: Models) -> str:
    path = m.folder() / "nmp.onnx"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    return "nmp.onnx is damaged or was changed (it has sha256 "


def tamper(m: Models) -> str:
    path = m.folder() / "nmp.onnx"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of one weight: the file still loads, and would give other notes
    path.write_bytes(bytes(data))
    return "nmp.onnx is damaged or was changed (it has sha256 "


def remove(m: Models) -> str:
    (m.folder() / "nmp.onnx").unlink()
    return "Basic Pitch note finder is missing its file nmp.onnx: run 'playground models fetch basic-pitch' to get it"


def misdescribe(m: Models) -> str:
    card = m.folder() / "model.toml"
    card.write_text(card.read_text(encoding="utf-8").replace('name = "serving_default_input_2:0"', 'name = "audio"'),
                    encoding="utf-8")
    return "model.toml: [[inputs]] names ['audio'], but the model has ['serving_default_input_2:0']; correct the card"


def misshape(m: Models) -> str:
    card = m.folder() / "model.toml"
    card.write_text(card.read_text(encoding="utf-8").replace('shape = ["B", 43844, 1]', 'shape = ["B", 22050, 1]'),
                    encoding="utf-8")
    return "'serving_default_input_2:0' is declared ['B', 22050, 1], but the model has ["


FAULTS = {"truncated": truncate, "tampered": tamper, "missing": remove, "card name": misdescribe,
          "card shape": misshape}
ERRORS = {"truncated": ModelMissingError, "tampered": ModelMissingError, "missing": ModelMissingError,
          "card name": ModelCardError, "card shape": ModelCardError}


def repair(m: Models, fault: str, card_text: str) -> None:
    """A fetch for a file; for a card that misdescribes its model (the file matches the hash the card pins, so a
    fetch changes nothing), putting the card back."""
    if fault.startswith("card"):
        assert fetch_models([m.card()], downloader=no_network, cache=m.cache)[0].built is False
        (m.folder() / "model.toml").write_text(card_text, encoding="utf-8")
    else:
        [outcome] = fetch_models([m.card()], downloader=no_network, cache=m.cache)
        assert outcome.built and not outcome.downloaded


def one_sentence(text: str) -> None:
    assert text.endswith(".") and "\n" not in text and "Traceback" not in text, text


@pytest.mark.parametrize("fault", FAULTS)
def test_a_broken_model_is_one_sentence_the_others_keep_working_and_a_fetch_repairs_it(real: Models,
                                                                                      fault: str) -> None:
    pipeline = Pipeline()
    assert "python" in str(real.run(pipeline, OTHER))  # warm: its session is open before the fault
    card_text = (real.folder() / "model.toml").read_text(encoding="utf-8")
    words = FAULTS[fault](real)
    with pytest.raises(ERRORS[fault]) as caught:
        real.run(pipeline, BROKEN)
    sentence = str(caught.value)
    one_sentence(sentence)
    assert words in sentence
    assert ("'playground models verify basic-pitch'" if fault.startswith("card") else "'playground models fetch basic-pitch'") \
        in sentence
    assert "python" in str(real.run(pipeline, OTHER))  # the same pipeline, after the fault
    repair(real, fault, card_text)
    assert "notes in" in str(real.run(pipeline, BROKEN))  # the same pipeline again, now repaired
    assert real.leftovers() == []
    assert sorted(p.name for p in real.folder().iterdir()) == [".built", "model.toml", "nmp.onnx"]
    assert sorted(p.name for p in real.cache.iterdir()) == [real.card().source.file]


def run_cli(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Through the real entry point; capfd, so that onnxruntime's own printing to the terminal would show too."""
    code = main(list(argv))
    out, err = capfd.readouterr()
    return code, out, err


@pytest.mark.parametrize("fault", FAULTS)
def test_on_the_command_line_run_fails_in_one_line_verify_names_the_file_and_fetch_repairs_it(
        real: Models, fault: str, capfd: pytest.CaptureFixture[str]) -> None:
    card_text = (real.folder() / "model.toml").read_text(encoding="utf-8")
    words = FAULTS[fault](real)
    code, out, err = run_cli(capfd, "run", BROKEN, SAMPLES[BROKEN])
    assert (code, out) == (2, "") and err.startswith("playground: ") and err.count("\n") == 1, (code, out, err)
    one_sentence(err.strip())
    assert words in err
    assert run_cli(capfd, "run", OTHER, SAMPLES[OTHER])[0] == 0
    code, out, _ = run_cli(capfd, "models", "verify")
    lines = out.splitlines()
    assert code == 1 and lines[-1] == "Some checks failed." and f"ok    {OTHER}: 2 files match; inputs and " \
                                                                  "outputs match the card" in lines
    [failed] = [line for line in lines if line.startswith("FAIL")]
    assert failed.startswith(f"FAIL  {BROKEN}: ") and ("model.toml" if fault.startswith("card") else "nmp.onnx") in failed
    code, out, err = run_cli(capfd, "models", "fetch", BROKEN)
    assert code == 0 and out.startswith(f"{BROKEN}: " + ("already up to date" if fault.startswith("card") else
                                                          "installed from the download cache")), (out, err)
    if fault.startswith("card"):
        assert run_cli(capfd, "run", BROKEN, SAMPLES[BROKEN])[0] == 2  # a fetch cannot mend a card
        (real.folder() / "model.toml").write_text(card_text, encoding="utf-8")
    assert run_cli(capfd, "models", "verify", BROKEN)[:2] == (0, f"ok    {BROKEN}: the file matches; inputs and "
                                                                 "outputs match the card\nAll checks passed.\n")
    assert run_cli(capfd, "run", BROKEN, SAMPLES[BROKEN])[0] == 0
    assert real.leftovers() == []


def test_a_separate_process_prints_nothing_but_the_sentence(real: Models) -> None:
    """onnxruntime and the decoders write to the terminal themselves when they complain: not here."""
    truncate(real)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "playground", "run", BROKEN, SAMPLES[BROKEN]], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("playground: Basic Pitch note finder: nmp.onnx is damaged or was changed") \
        and done.stderr.endswith("; run 'playground models fetch basic-pitch' to rebuild it.\n") \
        and done.stderr.count("\n") == 1


def test_an_unreadable_model_file_says_to_fetch_it_again(real: Models, monkeypatch: pytest.MonkeyPatch) -> None:
    import playground.core.session as session

    def refuse(path: Path) -> str:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(session, "sha256_of", refuse)  # root reads any file, so chmod would prove nothing here
    with pytest.raises(ModelMissingError) as caught:
        check_files(real.card())
    assert str(caught.value) == ("Basic Pitch note finder: nmp.onnx cannot be read (Permission denied); run "
                                 "'playground models fetch basic-pitch' to replace it.")


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """The folder cannot be written, for root too: a read-only bind mount (root), else no write permission."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")] if p.is_dir()}
        for path in modes:
            path.chmod(0o555)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"a read-only folder needs a bind mount here, which failed: {mounted.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True, capture_output=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True, capture_output=True)


def test_a_read_only_models_folder_runs_its_models_and_a_fetch_says_what_to_do(
        real: Models, capfd: pytest.CaptureFixture[str]) -> None:
    truncate(real)
    with read_only(real.models):
        with pytest.raises(OSError):
            (real.models / "probe").write_bytes(b"")
        assert run_cli(capfd, "run", OTHER, SAMPLES[OTHER])[0] == 0  # running needs nothing written
        code, _, err = run_cli(capfd, "models", "fetch", BROKEN)
        last = err.splitlines()[-1]
        assert code == 2 and last.startswith(f"playground: Basic Pitch note finder could not be installed because "
                                             f"{real.folder()} cannot be written (")
        assert last.endswith("): make it writable or point PLAYGROUND_MODELS at a folder you can write, then run "
                             "'playground models fetch basic-pitch' again.")
        assert run_cli(capfd, "run", OTHER, SAMPLES[OTHER])[0] == 0
        assert real.leftovers() == []
    assert run_cli(capfd, "models", "fetch", BROKEN)[0] == 0
    assert run_cli(capfd, "run", BROKEN, SAMPLES[BROKEN])[0] == 0
    assert real.leftovers() == []


# --- a full disk during a fetch: each step the fetch writes at, made to fail with ENOSPC --------------------------

def disk_full_at(step: str, monkeypatch: pytest.MonkeyPatch, fake: FakeModel) -> FakeDownloader:
    """The downloader to use, with the step `step` failing halfway as a full disk would."""

    def half_then_full(target: Path, data: bytes) -> None:
        target.write_bytes(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    class FullDownloader(FakeDownloader):
        def __call__(self, source: Source, dest: Path, on_bytes: object) -> Path:
            self.calls += 1
            half_then_full(dest / source.file, self.data or b"")
            return dest / source.file

    if step == "download":
        return FullDownloader(fake.wheel)
    if step == "extract":
        real_open = Path.open

        def open_full(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
            handle = real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]
            if "w" in mode and BUILD_PREFIX in str(self):
                write = handle.write

                def write_half(data: bytes) -> int:
                    write(bytes(data)[: len(data) // 2])
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

                handle.write = write_half  # type: ignore[method-assign]
            return handle

        monkeypatch.setattr(Path, "open", open_full)
    elif step == "copy":
        monkeypatch.setattr(fetch_module.shutil, "copyfile", lambda src, dst: half_then_full(Path(dst),
                                                                                          Path(src).read_bytes()))
    else:  # a rename into the cache or the model's folder, or writing the manifest
        real_replace = os.replace
        where = {"cache": fake.cache, "install": fake.folder / "tiny.onnx", "manifest": fake.folder / ".built"}[step]

        def replace_full(src: object, dst: object) -> None:
            if Path(str(dst)) == where or Path(str(dst)).parent == where:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(src))
            real_replace(src, dst)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", replace_full)
    return FakeDownloader(fake.wheel)


@pytest.mark.parametrize("step", ["download", "cache", "extract", "copy", "install", "manifest"])
def test_a_full_disk_at_any_step_of_a_fetch_leaves_nothing_and_the_next_fetch_succeeds(
        tmp_path: Path, step: str) -> None:
    fake = make_fake(tmp_path)
    with pytest.MonkeyPatch.context() as patch:
        downloader = disk_full_at(step, patch, fake)
        with pytest.raises(FetchError) as caught:
            fetch(fake, downloader)
    folder = fake.cache if step in ("download", "cache") else fake.folder
    assert str(caught.value) == (f"Tiny scaler could not be installed because the disk holding {folder} is full: "
                                 "free some space and run 'playground models fetch tiny' again.")
    assert [p.name for p in fake.folder.iterdir() if p.name.startswith(".") and p.name != ".built"] == []
    assert [p.name for p in fake.cache.iterdir()] in ([], [WHEEL]) if fake.cache.exists() else True
    if fake.cache.exists() and (fake.cache / WHEEL).exists():
        assert (fake.cache / WHEEL).read_bytes() == fake.wheel  # a cached file is always whole
    for built in ("tiny.onnx", "labels.txt"):  # a file in the model's folder is either absent or whole and checked
        path = fake.folder / built
        assert not path.exists() or path.read_bytes() in (fake.onnx, fake.labels)
    [outcome] = fetch(fake, FakeDownloader(fake.wheel))  # the disk has room again
    assert outcome.built and installed_matches(fake.card())
    assert fake.folder_files() == [".built", "labels.txt", "model.toml", "tiny.onnx"]
    assert sorted(p.name for p in fake.cache.iterdir()) == [WHEEL]


def test_a_recipe_that_meets_a_full_disk_says_so_instead_of_failing_as_a_recipe(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from playground.zoo import recipes

    def fills_the_disk(members: object, out_dir: Path, card: object) -> None:
        (out_dir / "tiny.onnx").write_bytes(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out_dir / "tiny.onnx"))

    monkeypatch.setitem(recipes.RECIPES, "full", fills_the_disk)
    fake = make_fake(tmp_path).write(route="convert", recipe="full")
    with pytest.raises(FetchError, match=r"because the disk holding .*/models/tiny is full: free some space and run "):
        fetch(fake, FakeDownloader(fake.wheel))
    assert fake.folder_files() == ["model.toml"]


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[None]:
    """A real file system of `size` at folder: a tmpfs, which root may mount here."""
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small real file system needs root (a tmpfs mount)")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"a tmpfs cannot be mounted here: {mounted.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True, capture_output=True)


def fill(disk: Path, leave: int) -> Path:
    """Fill the disk up to `leave` bytes free; the file that does it (delete it to free the space)."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as out:
        out.write(b"\0" * max(0, free - leave))
    return filler


def test_a_real_full_disk_while_a_real_model_is_built(real: Models, tmp_path: Path) -> None:
    """basic-pitch built onto a tmpfs with 64 KB left (its file is 230 KB): the extract fails partway."""
    disk = tmp_path / "disk"
    with small_disk(disk, "8m"):
        shutil.copytree(real.models, disk / "models")
        (disk / "models" / BROKEN / "nmp.onnx").unlink()
        (disk / "models" / BROKEN / ".built").unlink()
        on_disk = Models(disk / "models", real.cache)
        filler = fill(disk, 64 * 1024)
        with pytest.raises(FetchError) as caught:
            fetch_models([on_disk.card()], downloader=no_network, cache=real.cache)
        assert str(caught.value) == (f"Basic Pitch note finder could not be installed because the disk holding "
                                     f"{on_disk.folder()} is full: free some space and run 'playground models fetch "
                                     "basic-pitch' again.")
        assert sorted(p.name for p in on_disk.folder().iterdir()) == ["model.toml"] and on_disk.leftovers() == []
        pipeline = Pipeline()
        assert "python" in str(on_disk.run(pipeline, OTHER))  # on the full disk, the other model runs
        with pytest.raises(ModelMissingError, match="not installed yet: run 'playground models fetch basic-pitch'"):
            on_disk.run(pipeline, BROKEN)
        filler.unlink()  # the disk frees up
        [outcome] = fetch_models([on_disk.card()], downloader=no_network, cache=real.cache)
        assert outcome.built and "notes in" in str(on_disk.run(pipeline, BROKEN))
        assert on_disk.leftovers() == []


def test_a_real_full_disk_while_downloading_into_the_cache(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    with small_disk(disk, "1m"):
        fake = make_fake(disk)
        padding = os.urandom(300 * 1024)  # does not compress: the wheel is about this big
        fake.wheel = wheel_bytes({"fakepkg/models/tiny.onnx": fake.onnx, "fakepkg/labels.txt": fake.labels,
                                  "fakepkg/padding.bin": padding})
        fake.write(wheel_sha=sha(fake.wheel), size=str(len(fake.wheel)))
        filler = fill(disk, 100 * 1024)
        with pytest.raises(FetchError, match=rf"^Tiny scaler could not be installed because the disk holding "
                                             rf"{fake.cache} is full: free some space and run "):
            fetch(fake, FakeDownloader(fake.wheel))
        assert list(fake.cache.iterdir()) == [] and fake.folder_files() == ["model.toml"]
        filler.unlink()
        [outcome] = fetch(fake, FakeDownloader(fake.wheel))
        assert outcome.built and outcome.downloaded and installed_matches(fake.card())
