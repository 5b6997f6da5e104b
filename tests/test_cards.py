"""Model cards and the catalog: what a valid card gives, and that every card error names the file and key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_zoo_fetch import PACKAGE, WHEEL, FakeModel, make_fake

from playground.core.card import parse_card
from playground.core.catalog import load_catalog
from playground.core.errors import ModelCardError, ModelMissingError
from playground.zoo.fetch import check_card

REPO_MODELS = Path(__file__).resolve().parent.parent / "models"


@pytest.fixture
def fake(tmp_path: Path) -> FakeModel:
    return make_fake(tmp_path)


def _rewrite(fake: FakeModel, old: str, new: str) -> Path:
    path = fake.folder / "model.toml"
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return path


def test_valid_card_parses_into_values(fake: FakeModel) -> None:
    card = fake.card()
    assert (card.id, card.modality, card.parameters) == ("tiny", "text", 4)
    assert (card.source.package, card.source.version, card.source.file) == ("fakepkg", "1.0", WHEEL)
    assert [(m.role, m.path) for m in card.source.members] == [("main", "fakepkg/models/tiny.onnx"),
                                                               ("labels", "fakepkg/labels.txt")]
    assert card.path("labels") == fake.folder / "labels.txt"
    assert [(t.name, t.shape) for t in card.inputs] == [("x", ("N", 4))]


@pytest.mark.parametrize("old, new, key", [
    ('name = "Tiny scaler"\n', "", "'name' is missing"),
    ("parameters = 4", 'parameters = "four"', "'parameters' must be a int, not str"),
    ('modality = "text"', 'modality = "smell"', "'modality' must be one of text, image, audio"),
    ('id = "tiny"', 'id = "other"', "'id' must equal its folder name 'tiny'"),
    (f'pypi = "{PACKAGE}"', 'pypi = "fakepkg"', "'source.pypi' must pin one version"),
    ('route = "as-is"', 'route = "magic"', "'source.route' must be one of"),
    ('route = "as-is"', 'route = "graph-edit"', "'source.recipe' is needed for the 'graph-edit' route"),
    ("size = ", "size = 1.5\n#", "'source.size' must be a int"),
    ('path = "fakepkg/models/tiny.onnx"\nsha256 = "', 'path = "fakepkg/models/tiny.onnx"\nsha256 = "XY',
     "'source.members[0].sha256' must be 64 lowercase hex digits"),
    ('path = "tiny.onnx"\n', "", "'files.main.path' is missing"),
    ('shape = ["N", 4]', 'shape = ["N", 4.5]', "'inputs[0].shape' must list whole numbers or symbolic names"),
    ('dtype = "float32"', 'dtype = "float128"', "'inputs[0].dtype' must be one of"),
    ('shape = ["N", 4]', 'shape = ["N", 4]\nrepeat = 3', "'inputs[0].repeat' must be at least 1, with {layer}"),
    ('shape = ["N", 4]', 'shape = ["N", 4]\nrepeat = 0', "'inputs[0].repeat' must be at least 1"),
    # A misspelt key would fall back to its default unseen: the card names it instead.
    ('name = "Tiny scaler"\n', 'name = "Tiny scaler"\nfails_in = "crowds"\n', "'fails_in' is not a key a card has"),
])
def test_card_errors_name_the_file_and_the_key(fake: FakeModel, old: str, new: str, key: str) -> None:
    path = _rewrite(fake, old, new)
    with pytest.raises(ModelCardError) as caught:
        parse_card(path)
    assert str(caught.value).startswith(f"{path}: key ")
    assert key in str(caught.value)


def test_a_repeated_tensor_stands_for_one_per_layer(fake: FakeModel) -> None:
    path = _rewrite(fake, 'name = "x"', 'name = "past_{layer}"\nrepeat = 3')
    assert [(t.name, t.shape) for t in parse_card(path).inputs] == [(f"past_{n}", ("N", 4)) for n in range(3)]


def test_invalid_toml_names_the_file(fake: FakeModel) -> None:
    path = _rewrite(fake, 'name = "Tiny scaler"', 'name = "Tiny scaler')
    with pytest.raises(ModelCardError, match=rf"^{path}: is not valid TOML"):
        parse_card(path)


@pytest.mark.parametrize("old, new, key", [
    ('[files.labels]\npath = "labels.txt"', '[files.extra]\npath = "extra.txt"',
     "'files.extra' has no [[source.members]] entry with role 'extra'"),
    ('path = "tiny.onnx"', 'path = "../escape.onnx"', "'files.main.path' must be a plain relative path"),
    ('role = "labels"', 'role = "main"', "'source.members' gives the same role to two members"),
])
def test_fetch_rules_on_cards_name_the_file_and_the_key(fake: FakeModel, old: str, new: str, key: str) -> None:
    path = _rewrite(fake, old, new)
    with pytest.raises(ModelCardError) as caught:
        check_card(parse_card(path))
    assert str(caught.value).startswith(f"{path}: key ") and key in str(caught.value)


def _second_card(fake: FakeModel, model_id: str, modality: str) -> None:
    folder = fake.models / model_id
    folder.mkdir()
    text = fake.card_text().replace('id = "tiny"', f'id = "{model_id}"').replace(
        'modality = "text"', f'modality = "{modality}"')
    (folder / "model.toml").write_text(text)


def test_catalog_sorts_groups_and_reports_installation(fake: FakeModel) -> None:
    _second_card(fake, "audio-one", "audio")
    _second_card(fake, "another", "text")
    (fake.models / "notes").mkdir()  # a folder without a card is not a model
    catalog = load_catalog(fake.models)
    assert catalog.ids == ("another", "audio-one", "tiny") and catalog.errors == ()
    assert {m: [c.id for c in cards] for m, cards in catalog.by_modality().items()} == \
        {"text": ["another", "tiny"], "audio": ["audio-one"]}
    tiny = catalog.get("tiny")
    assert not catalog.installed(tiny)
    (fake.folder / "tiny.onnx").write_bytes(b"x")
    assert not catalog.installed(tiny)  # labels.txt still missing
    (fake.folder / "labels.txt").write_bytes(b"x")
    assert catalog.installed(tiny)


def test_a_broken_card_does_not_hide_the_others(fake: FakeModel) -> None:
    _second_card(fake, "broken", "text")
    (fake.models / "broken" / "model.toml").write_text('id = "broken"\n')
    catalog = load_catalog(fake.models)
    assert catalog.ids == ("tiny",)
    [error] = catalog.errors
    assert str(error).startswith(str(fake.models / "broken" / "model.toml"))
    with pytest.raises(ModelCardError, match="broken/model.toml: key 'files' is missing"):
        catalog.get("broken")  # asking for it by name gives its real problem, not "unknown model"


def test_unknown_id_lists_the_known_ones(fake: FakeModel) -> None:
    with pytest.raises(ModelMissingError, match=r"^There is no model called 'nope'; the known models are tiny\.$"):
        load_catalog(fake.models).get("nope")


def test_missing_models_folder_gives_an_empty_catalog_that_says_where_it_looked(tmp_path: Path) -> None:
    catalog = load_catalog(tmp_path / "absent")
    assert len(catalog) == 0
    with pytest.raises(ModelMissingError, match="no model cards were found in"):
        catalog.get("tiny")


def test_the_shipped_cards_all_parse() -> None:
    catalog = load_catalog(REPO_MODELS)
    assert catalog.errors == ()
    assert {"centerface", "magika", "silero-vad", "u2netp"} <= set(catalog.ids)
    for card in catalog:
        check_card(card)


def test_listing_models_needs_neither_qt_nor_onnxruntime() -> None:
    code = ("import sys; from playground.core.catalog import load_catalog; import playground.zoo.fetch, "
            "playground.commands.models; load_catalog(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'onnxruntime')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _knob(default, **bounds):
    from playground.core.card import Param

    return Param("threshold", default, "Threshold", **bounds)


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e400", float("nan"), True])
def test_a_number_knob_refuses_values_that_are_not_finite_numbers(value) -> None:
    from playground.core.errors import InputError

    with pytest.raises(InputError, match=r"^'threshold' needs a number, not '"):
        _knob(0.5, min=0.0, max=1.0).coerce(value)


@pytest.mark.parametrize("value, words", [("7.5", "needs a whole number"), (7.5, "needs a whole number"),
                                          ("11", "must be between 0 and 10, not 11")])
def test_a_whole_number_knob_never_drops_a_fraction_or_leaves_its_range(value, words: str) -> None:
    from playground.core.errors import InputError

    knob = _knob(5, min=0, max=10)
    assert knob.coerce("7") == 7 and knob.coerce(3.0) == 3
    with pytest.raises(InputError, match=words):
        knob.coerce(value)


def test_a_yes_no_knob_takes_plain_words_and_refuses_others() -> None:
    from playground.core.errors import InputError

    knob = _knob(False)
    assert [knob.coerce(v) for v in ("yes", "ON", "1", "no", "off", "0", True)] == [True] * 3 + [False] * 3 + [True]
    with pytest.raises(InputError, match="'threshold' needs yes or no, not 'maybe'"):
        knob.coerce("maybe")


def test_a_default_outside_its_own_range_is_a_card_error(fake: FakeModel) -> None:
    path = fake.folder / "model.toml"
    path.write_text(path.read_text() + '\n[params.top_k]\ndefault = 50\nmin = 1\nmax = 20\nlabel = "Top"\n')
    with pytest.raises(ModelCardError, match=r"key 'params.top_k.default' is not a value the knob accepts "
                                             r"\('top_k' must be between 1 and 20, not 50\)\.$"):
        parse_card(path)
