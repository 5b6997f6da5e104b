"""Builds dist/inference-playground_<version>_<arch>.deb with dpkg-deb from the PyInstaller one-folder bundle."""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
PACKAGE = "inference-playground"
APP_ID = "io.github.inference_playground.InferencePlayground"
EXECUTABLE = "inference-playground"  # the bundle's own program, as playground.spec names it
PREFIX = Path("opt") / PACKAGE  # a self-contained program with its own libraries belongs under /opt (FHS)
# Who answers for the package: Debian's tools read the packager from DEBFULLNAME and DEBEMAIL.
MAINTAINER = (f"{os.environ.get('DEBFULLNAME') or 'The Inference Playground authors'} "
              f"<{os.environ.get('DEBEMAIL') or 'inference-playground@example.org'}>")

# The bundle carries most libraries it links (PyInstaller copies them from the build machine), but not libc,
# libGL/libEGL and libdrm, which must match the target's kernel and graphics driver. The others are listed
# too because the bundled copies need their data from the system: fontconfig's configuration and a font,
# xkbcommon's keyboard tables (xkb-data), the xcb libraries for a window on X11, PulseAudio's client for
# sound, libxrandr2 for Qt's FFmpeg media backend (without it playback is silently "not available"), and
# Wayland's libraries for a native window on a Wayland desktop. PySide6's wheels need glibc 2.34 or newer.
# The microphone and playback go through PortAudio (sounddevice opens libportaudio2 by name, so no link
# check finds it); PortAudio reaches PulseAudio or PipeWire through ALSA's plugins, hence the Recommends.
DEPENDS = (
    "libc6 (>= 2.34)", "libgl1", "libegl1", "libdrm2", "libglib2.0-0", "libdbus-1-3", "libfontconfig1",
    "libxkbcommon0", "libxkbcommon-x11-0", "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0",
    "libxcb-glx0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0",
    "libxcb-shape0", "libxcb-shm0", "libxcb-sync1", "libxcb-xfixes0", "libxcb-xkb1", "libxrandr2", "libpulse0",
    "libwayland-client0", "libwayland-cursor0", "libwayland-egl1", "libportaudio2",
)
RECOMMENDS = ("libasound2-plugins | pipewire-alsa",)

SUMMARY = "run AI models on your own photos, sounds and text, offline"
DESCRIPTION = """\
Inference Playground runs small open models on this computer: it names what a
photo shows, reads text, finds faces, cuts out the subject, writes down speech,
finds the notes in music, removes background noise, compares sentences, tells
languages apart and chats with a tiny language model. Live graphs show what
each run costs (time per step, processor, memory) and short texts explain it.
.
Every model is inside the package, so nothing is downloaded, and the app never
uses the network. Start it from the menu, or type `playground`;
`playground run MODEL FILE` answers on the command line.
.
Removing the package removes everything it installed. Each person's settings
and log stay in their home folder: delete ~/.config/inference-playground and
~/.local/share/inference-playground to remove them too."""


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def architecture() -> str:
    """Debian's name for this machine (amd64, arm64): the bundle holds native code built for it alone."""
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()


def _copy(source: Path, target: Path, executable: bool = False) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(0o755 if executable else 0o644)


def _write(target: Path, text: str) -> None:
    target.write_text(text, encoding="utf-8")
    target.chmod(0o644)


def _copy_tree(source: Path, target: Path) -> None:
    """A copy with Debian's modes for files: 0755 for programs, 0644 for the rest, whatever the build's umask
    was (stage() sets the folders'); symlinks (PyInstaller links libraries into place, relative inside the
    bundle) stay links, and hard links (two models sharing a weights file) stay hard links, stored once."""
    copied: dict[tuple[int, int], Path] = {}
    for folder, dirs, files in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(parents=True, exist_ok=True)
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path.is_symlink():
                (here / name).symlink_to(os.readlink(path))
                if name in dirs:
                    dirs.remove(name)  # a linked folder is not walked twice
            elif name in files:
                inode = (path.stat().st_dev, path.stat().st_ino)
                if inode in copied:
                    os.link(copied[inode], here / name)
                    continue
                _copy(path, here / name, executable=bool(path.stat().st_mode & stat.S_IXUSR))
                copied[inode] = here / name


def stage(bundle: Path, tree: Path) -> None:
    """Lays out every file of the package under tree, as it will sit under /."""
    if not (bundle / EXECUTABLE).is_file():
        raise SystemExit(f"{bundle} holds no {EXECUTABLE}: run `make bundle` first.")
    _copy_tree(bundle, tree / PREFIX)
    # Relative, so the link also works in a tree unpacked elsewhere (`dpkg -x pkg.deb root/` for a check).
    (tree / "usr" / "bin").mkdir(parents=True)
    (tree / "usr" / "bin" / "playground").symlink_to(Path("..", "..", PREFIX, EXECUTABLE))
    share = tree / "usr" / "share"
    _copy(PACKAGING / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    _copy(PACKAGING / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    icons = share / "icons" / "hicolor" / "scalable" / "apps"
    _copy(PACKAGING / "inference-playground.svg", icons / "inference-playground.svg")
    doc = share / "doc" / PACKAGE
    _copy(PACKAGING / "THIRD_PARTY_NOTICES.md", doc / "THIRD_PARTY_NOTICES.md")
    _copy_tree(PACKAGING / "licenses", doc / "licenses")
    # Debian puts a package's licence in doc/<package>/copyright; the models' own are beside it.
    notice = "\nThe bundled models carry their own licences: see THIRD_PARTY_NOTICES.md and licenses/ here.\n"
    _write(doc / "copyright", (ROOT / "LICENSE").read_text(encoding="utf-8") + notice)
    for folder, _, _ in os.walk(tree):  # folders made here got the umask's mode; every one must be 0755
        Path(folder).chmod(0o755)


def installed_size(tree: Path) -> int:
    """KiB, counted as dpkg-gencontrol does: each file and link rounded up to whole KiB, 1 KiB for a folder; a
    file hard-linked under two names is on the disk once, and counted once."""
    total = 0
    seen: set[tuple[int, int]] = set()
    for path in tree.rglob("*"):
        if path.is_file() and not path.is_symlink():
            inode = (path.stat().st_dev, path.stat().st_ino)
            if inode in seen:
                continue
            seen.add(inode)
        if path.is_symlink() or path.is_file():
            total += -(-path.lstat().st_size // 1024)
        else:
            total += 1
    return total


def control(version: str, arch: str, size_kib: int) -> str:
    description = "\n".join(f" {line}" for line in DESCRIPTION.splitlines())  # "." alone is a blank line
    fields = {"Package": PACKAGE, "Version": version, "Architecture": arch, "Maintainer": MAINTAINER,
              "Installed-Size": str(size_kib), "Depends": ", ".join(DEPENDS),
              "Recommends": ", ".join(RECOMMENDS), "Section": "science",
              "Priority": "optional", "Description": f"{SUMMARY}\n{description}"}
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def build(bundle: Path, out: Path, version: str | None = None, arch: str | None = None) -> Path:
    """The .deb made from bundle, written into out; returns its path."""
    version, arch = version or project_version(), arch or architecture()
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix=".deb-", dir=out) as staging:  # beside out: one file system
        tree = Path(staging) / "root"
        stage(bundle, tree)
        size = installed_size(tree)
        (tree / "DEBIAN").mkdir()
        (tree / "DEBIAN").chmod(0o755)  # dpkg-deb refuses a control folder others cannot read
        _write(tree / "DEBIAN" / "control", control(version, arch, size))
        # No maintainer scripts: dpkg's own triggers refresh the menu and icon caches, and dpkg alone then
        # removes every file it unpacked. --root-owner-group: files belong to root, not to whoever built them.
        # zstd, not dpkg-deb's default xz: on a 1.1 GB bundle (mostly model weights, which hardly compress)
        # xz took 7 min 48 s for 650 MB, zstd 7 s for 716 MB. Every dpkg that can run the app reads
        # it: Debian's since 1.21.18 (Debian 12), Ubuntu's since 18.04; PySide6 needs glibc 2.34 anyway.
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(tree), str(deb)], check=True,
                       stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE, help="the PyInstaller folder")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the .deb is written")
    args = parser.parse_args(argv)
    deb = build(args.bundle, args.out)
    print(f"{deb} ({deb.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
