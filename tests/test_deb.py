"""The Debian package: its desktop entry and metainfo validate, and scripts/build_deb.py lays out a sound .deb."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from playground.ui.app import APP_ID
from playground.ui.settings import APPLICATION
from scripts import build_deb

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{build_deb.APP_ID}.desktop"
METAINFO = PACKAGING / f"{build_deb.APP_ID}.metainfo.xml"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
# What Qt needs from the system whatever PyInstaller copied (packaging/README.md, STACK.md).
QT_NEEDS = ("libgl1", "libegl1", "libfontconfig1", "libxkbcommon0", "libxcb-cursor0", "libxcb-icccm4",
            "libxkbcommon-x11-0", "libpulse0", "libxrandr2")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_the_metainfo_validates_and_agrees_with_the_desktop_entry_and_the_version() -> None:
    out = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert not re.search(r"^[EW]: ", out.stdout, re.M), out.stdout  # warnings count: stores reject them
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == build_deb.APP_ID == APP_ID  # the window names the same entry (Wayland)
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == "playground"
    assert (component.findtext("metadata_license"), component.findtext("project_license")) == ("CC0-1.0", "MIT")
    rating = component.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")
    assert VERSION in [r.get("version") for r in component.iter("release")], "add a <release> for this version"


def test_the_desktop_entry_validates_and_starts_the_installed_launcher() -> None:
    out = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr  # hints too
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert entry["Exec"].split()[0] == "/usr/bin/playground"
    assert (PACKAGING / f"{entry['Icon']}.svg").is_file()
    # An X11 desktop ties the open window to this entry (its icon, one taskbar button) by the window's class,
    # which Qt takes from the application's name.
    assert entry["StartupWMClass"] == APPLICATION


def stand_in_bundle(folder: Path) -> Path:
    """A tiny folder shaped like PyInstaller's: the program, a library, a model, a link, odd modes."""
    bundle = folder / "inference-playground"
    (bundle / "_internal" / "models" / "digits").mkdir(parents=True)
    program = bundle / "inference-playground"
    program.write_text('#!/bin/sh\necho "stand-in ran with $*"\n')
    program.chmod(0o700)  # a private umask's mode: still 0755 in the package
    (bundle / "_internal" / "libQt6Core.so.6").write_bytes(b"\0" * 5000)
    (bundle / "_internal" / "libQt6Core.so.6").chmod(0o775)
    (bundle / "_internal" / "models" / "digits" / "model.toml").write_text('id = "digits"\n')
    (bundle / "_internal" / "models" / "digits" / "model.toml").chmod(0o664)  # group-writable: not in the package
    (bundle / "_internal" / "libQt6Core.so").symlink_to("libQt6Core.so.6")
    return bundle


def staged_by_someone_else(bundle: Path, tree: Path) -> None:
    """stage(), then the files handed to `nobody`, as if a person's account had built them: the package must
    still say root. (A build by root makes root's files, which would prove nothing.)"""
    STAGE(bundle, tree)
    if os.geteuid() == 0:
        for path in [tree, *tree.rglob("*")]:
            os.lchown(path, 65534, 65534)


STAGE = build_deb.stage


@pytest.fixture(scope="module")
def small_deb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    tool("dpkg-deb")
    folder = tmp_path_factory.mktemp("deb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build_deb, "stage", staged_by_someone_else)
        yield build_deb.build(stand_in_bundle(folder), folder / "out")


def contents(deb: Path) -> dict[str, tuple[str, str, int, str]]:
    """path -> (mode, owner, size, link target) from `dpkg-deb --contents`."""
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], check=True, capture_output=True, text=True).stdout
    entries = {}
    for line in listing.splitlines():
        mode, owner, size, _, _, path, *link = line.split(maxsplit=6)
        entries[path.rstrip("/").removeprefix(".") or "/"] = (mode, owner, int(size), link[0][3:] if link else "")
    return entries


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], check=True, capture_output=True,
                          text=True).stdout.strip()


def test_the_package_is_named_versioned_and_depends_on_what_qt_needs(small_deb: Path) -> None:
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()
    assert small_deb.name == f"inference-playground_{VERSION}_{arch}.deb"
    assert (field(small_deb, "Package"), field(small_deb, "Version"), field(small_deb, "Architecture")) == (
        "inference-playground", VERSION, arch)
    depends = [d.split()[0] for d in field(small_deb, "Depends").split(", ")]
    assert set(QT_NEEDS) <= set(depends) and "libc6" in depends
    assert "libportaudio2" in depends  # the microphone and playback: opened by name, so no link check sees it
    assert "libasound2-plugins" in field(small_deb, "Recommends")
    assert re.fullmatch(r".+ <.+@.+>", field(small_deb, "Maintainer"))
    description = field(small_deb, "Description")
    assert "~/.config/inference-playground" in description and "~/.local/share/inference-playground" in description


def test_installed_size_counts_every_file_in_kib(small_deb: Path) -> None:
    entries = contents(small_deb)
    payload = sum(size for _, _, size, _ in entries.values())
    size = int(field(small_deb, "Installed-Size"))
    assert payload / 1024 <= size <= payload / 1024 + len(entries) + 1


def test_files_belong_to_root_with_debians_modes_and_sit_where_a_desktop_finds_them(small_deb: Path) -> None:
    entries = contents(small_deb)
    assert {owner for _, owner, _, _ in entries.values()} == {"root/root"}
    share = "/usr/share"
    expected_files = {
        "/opt/inference-playground/inference-playground": "-rwxr-xr-x",
        "/opt/inference-playground/_internal/libQt6Core.so.6": "-rwxr-xr-x",
        "/opt/inference-playground/_internal/models/digits/model.toml": "-rw-r--r--",
        f"{share}/applications/{DESKTOP.name}": "-rw-r--r--",
        f"{share}/metainfo/{METAINFO.name}": "-rw-r--r--",
        f"{share}/icons/hicolor/scalable/apps/inference-playground.svg": "-rw-r--r--",
        f"{share}/doc/inference-playground/copyright": "-rw-r--r--",
        f"{share}/doc/inference-playground/THIRD_PARTY_NOTICES.md": "-rw-r--r--",
    }
    expected_files.update({f"{share}/doc/inference-playground/licenses/{p.name}": "-rw-r--r--"
                           for p in (PACKAGING / "licenses").iterdir()})
    assert {path: entries[path][0] for path in expected_files if path in entries} == expected_files
    assert entries["/usr/bin/playground"][3] == "../../opt/inference-playground/inference-playground"
    assert entries["/opt/inference-playground/_internal/libQt6Core.so"][3] == "libQt6Core.so.6"
    folders = {path: mode for path, (mode, _, _, _) in entries.items() if mode.startswith("d")}
    assert set(folders.values()) == {"drwxr-xr-x"}
    writable = [path for path, (mode, _, _, _) in entries.items() if not mode.startswith("l") and "w" in mode[4:]]
    assert not writable


def test_a_folder_that_is_no_bundle_is_refused_with_the_command_that_makes_one(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit, match="make bundle"):
        build_deb.build(tmp_path / "empty", tmp_path / "out")
    assert not list((tmp_path / "out").iterdir()), "no half-made package or staging folder is left"


@pytest.fixture
def throwaway_root() -> Iterator[Path]:
    """An empty root with dpkg's database, in /tmp and open to all, so an unprivileged user may run from it."""
    if os.geteuid() != 0:
        pytest.skip("dpkg needs root to install, even into a throw-away root (it sets owners)")
    root = Path(tempfile.mkdtemp(prefix="pkgroot-", dir="/tmp"))
    try:
        root.chmod(0o755)
        admin = root / "var" / "lib" / "dpkg"
        for sub in ("info", "updates", "triggers"):
            (admin / sub).mkdir(parents=True)
        (admin / "status").touch()
        (admin / "available").touch()
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def dpkg(root: Path, *args: str) -> None:
    # --force-depends: the throw-away root has none of the system's libraries installed, the real system does.
    subprocess.run(["dpkg", f"--root={root}", "--log=/dev/null", "--force-depends", *args], check=True,
                   capture_output=True, timeout=600)


def everything_but_dpkgs_own(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if not str(p.relative_to(root)).startswith("var"))


def test_installing_runs_the_launcher_and_purging_leaves_nothing(small_deb: Path, throwaway_root: Path) -> None:
    dpkg(throwaway_root, "--install", str(small_deb))
    ran = subprocess.run([str(throwaway_root / "usr" / "bin" / "playground"), "hello"], capture_output=True,
                         text=True, check=True)
    assert ran.stdout.strip() == "stand-in ran with hello"
    dpkg(throwaway_root, "--purge", "inference-playground")
    assert everything_but_dpkgs_own(throwaway_root) == []


def test_the_flatpak_recipe_lays_out_the_app_under_app_with_its_id_and_no_network(tmp_path: Path) -> None:
    """The manifest's build commands, run here with /app moved into a folder (flatpak-builder is not here)."""
    yaml = pytest.importorskip("yaml")
    tool("desktop-file-edit")
    manifest_path = PACKAGING / "flatpak" / f"{build_deb.APP_ID}.yml"
    manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    assert manifest["id"] == build_deb.APP_ID and manifest["command"] == "playground"
    assert not [arg for arg in manifest["finish-args"] if arg.startswith("--share=network")]
    [module] = manifest["modules"]
    work, app = tmp_path / "work", tmp_path / "app"
    work.mkdir()
    app.mkdir()  # flatpak-builder gives the build an empty /app
    for source in module["sources"]:
        origin = (manifest_path.parent / source["path"]).resolve()
        if source["type"] == "file":
            shutil.copy(origin, work / origin.name)
        elif origin == ROOT / "dist" / "inference-playground":  # made by `make bundle`: a stand-in will do
            shutil.copytree(stand_in_bundle(tmp_path), work / source["dest"], symlinks=True)
        else:
            shutil.copytree(origin, work / source["dest"])
    env = {**os.environ, "FLATPAK_ID": build_deb.APP_ID}
    for command in module["build-commands"]:
        moved = re.sub(r"(?<![\w.])/app(?=/|\s|$)", str(app), command)  # /app, not /usr/share/applications
        subprocess.run(["bash", "-c", moved], cwd=work, env=env, check=True)
    ran = subprocess.run([str(app / "bin" / "playground"), "hi"], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "stand-in ran with hi"
    desktop = app / "share" / "applications" / f"{build_deb.APP_ID}.desktop"
    out = subprocess.run([tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout
    entry = dict(line.split("=", 1) for line in desktop.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert (entry["Exec"], entry["Icon"]) == ("playground", build_deb.APP_ID)
    assert (app / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{build_deb.APP_ID}.svg").is_file()
    assert (app / "share" / "metainfo" / f"{build_deb.APP_ID}.metainfo.xml").is_file()
    assert (app / "share" / "licenses" / build_deb.APP_ID / "THIRD_PARTY_NOTICES.md").is_file()


# --- The release check: the real bundle and .deb, installed and run (`make release-check`). ---

EXCLUDED_FROM_SOURCES = {"__pycache__", ".build-", ".lock"}


def _sources() -> Iterator[Path]:
    """Every file whose change makes a new package: the code, assets, models, the packaging and this recipe."""
    for top in ("playground", "assets", "models", "packaging"):
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and not any(part in str(path) for part in EXCLUDED_FROM_SOURCES):
                yield path
    yield from (ROOT / "pyproject.toml", ROOT / "scripts" / "build_deb.py")


def release_deb() -> Path:
    """dist/'s .deb when it is newer than every source; otherwise `make deb` builds the bundle and the .deb."""
    deb = ROOT / "dist" / f"inference-playground_{VERSION}_{build_deb.architecture()}.deb"
    if not deb.is_file() or deb.stat().st_mtime < max(p.stat().st_mtime for p in _sources()):
        subprocess.run(["make", "deb"], cwd=ROOT, check=True, capture_output=True, timeout=3600)
    return deb


def owning_package(soname: str, ldconfig: str) -> str:
    """The Debian package that provides soname on this machine, or "" when it is not installed here."""
    found = re.search(rf"^\s*{re.escape(soname)} \(libc6,x86-64[^)]*\) => (\S+)$", ldconfig, re.M)
    if not found:
        return ""
    real = os.path.realpath(found.group(1))
    for path in (real, real.replace("/usr/lib/", "/lib/", 1)):  # usrmerge: dpkg may know the /lib name
        owner = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True).stdout
        if owner:
            return owner.split(":")[0]
    return ""


def libraries_not_in_depends(app: Path, depends: set[str]) -> list[str]:
    """Each library a program or library of the bundle links, that the bundle lacks and the Depends line does
    not bring. One this machine lacks is allowed only for Qt's plugins (the GTK theme, Wayland's extras),
    which Qt loads on trial and skips when they fail."""
    inside = {p.name for p in app.rglob("*")}
    users: dict[str, list[Path]] = {}
    for path in app.rglob("*"):
        if path.is_symlink() or not path.is_file() or path.open("rb").read(4) != b"\x7fELF":
            continue
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
        for soname in set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic)) - inside:
            users.setdefault(soname, []).append(path)
    ldconfig = subprocess.run(["ldconfig", "-p"], check=True, capture_output=True, text=True).stdout
    unmet = []
    for soname, paths in sorted(users.items()):
        package = owning_package(soname, ldconfig)
        for path in paths:
            optional = "/Qt/plugins/" in str(path) or re.match(r"libQt6(Wayland|Wl)", path.name)
            if package not in depends and not (package == "" and optional):
                unmet.append(f"{path.relative_to(app)} needs {soname} ({package or 'not installed here'})")
    return unmet


def as_person(home: Path) -> tuple[list[str], dict[str, str]]:
    """The command prefix and environment of a person (not root: the installed files are then truly read-only)
    with an empty home of their own."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    if os.geteuid() != 0:
        return [], env
    os.chown(home, 65534, 65534)  # nobody
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"], env


def snapshot(folder: Path) -> dict[str, tuple[int, float]]:
    return {str(p): (p.lstat().st_size, p.lstat().st_mtime) for p in folder.rglob("*")}


@pytest.mark.release
def test_the_real_package_installs_answers_from_a_read_only_install_and_purges_clean(throwaway_root: Path) -> None:
    started = time.monotonic()
    deb = release_deb()
    dpkg(throwaway_root, "--install", str(deb))
    app = throwaway_root / "opt" / "inference-playground"
    installed = app / "_internal"
    # Exactly what each card needs: the card, its .built record and every file its [files.*] tables name.
    for card in sorted((ROOT / "models").glob("*/model.toml")):
        data = tomllib.loads(card.read_text(encoding="utf-8"))
        wanted = {"model.toml", ".built", *(entry["path"] for entry in data["files"].values())}
        shipped = {str(p.relative_to(installed / "models" / card.parent.name))
                   for p in (installed / "models" / card.parent.name).rglob("*") if p.is_file()}
        assert shipped == wanted, card.parent.name
    depends = {d.split()[0] for d in field(deb, "Depends").split(", ")}
    assert libraries_not_in_depends(app, depends) == []
    before = snapshot(app)
    home = Path(tempfile.mkdtemp(prefix="pkghome-", dir="/tmp"))
    try:
        prefix, env = as_person(home)
        launcher = str(throwaway_root / "usr" / "bin" / "playground")
        sample = installed / "assets" / "samples" / "coffee.png"
        ran = subprocess.run([*prefix, launcher, "run", "efficientnet-lite0", str(sample), "--json"], env=env,
                             capture_output=True, text=True, timeout=300)
        assert ran.returncode == 0, ran.stderr
        best = json.loads(ran.stdout)["result"]["labels"][0]
        assert best["name"] == "espresso" and best["score"] == pytest.approx(0.96, abs=0.01)  # MODELS.md, I1
        listed = subprocess.run([*prefix, launcher, "models", "list"], env=env, capture_output=True, text=True,
                                timeout=300)
        cards = len(list((ROOT / "models").glob("*/model.toml")))
        assert f"{cards} of {cards} models installed" in listed.stdout, listed.stdout + listed.stderr
    finally:
        shutil.rmtree(home, ignore_errors=True)
    assert snapshot(app) == before, "running the app wrote into its install folder"
    dpkg(throwaway_root, "--purge", "inference-playground")
    assert everything_but_dpkgs_own(throwaway_root) == []
    print(f"\n{deb.name}: {deb.stat().st_size / 1e6:.0f} MB; checked in {time.monotonic() - started:.0f} s")
