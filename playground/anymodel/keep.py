"""Keeping a person's own model: its file (and its external data) linked or copied into a folder of its own in their
models folder, with a card that pins every file's sha256, so it is listed and run like a shipped model; and
removing it.

Nothing half-written is ever listed: the folder is filled under a temporary name and renamed when complete."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground import paths
from playground.anymodel.facts import ModelFacts, read_facts
from playground.anymodel.feeds import ELEMENTS
from playground.anymodel.runtime import open_session
from playground.anymodel.signature import RATES, made_knobs, picture_input, picture_knobs, waveform_input
from playground.core.card import CARD_NAME, ModelCard, Param, parse_card
from playground.core.errors import InputError
from playground.core.session import ORT_TYPES

MAIN_FILE = "model.onnx"  # the kept copy's name: the name it came with is kept in the card, never used as a path
LABELS_FILE = "labels.txt"
LABELS_LIMIT = 16 << 20  # a labels file is a list of names: past this it is something else
PREFIX = "my-"  # every kept model's id starts so, apart from any shipped model's
ADDING = ".adding-"  # a folder being filled, or being removed: never a card the catalog reads (a dot first)


def keep(path: Path, name: str = "", labels: Path | None = None, taken: Iterable[str] = (),
         into: Path | None = None, check: Callable[[], None] = lambda: None, rate: int = 16000) -> ModelCard:
    """Add the model at `path` to the person's models; `taken`: ids already used (the shipped models'). The model
    must open in onnxruntime and have inputs that can be made, so a kept model always runs. `check` raises to
    stop it (a cancel token's): it is asked between the steps and between the megabytes copied. `rate`: the
    sample rate a model that takes a recording was trained at (its signature cannot say)."""
    if rate not in RATES:
        raise InputError(f"A recording's rate is one of {', '.join(map(str, RATES))} samples a second, not {rate}.")
    facts = read_facts(path)
    check()
    session = open_session(path, facts)
    check()
    inputs, outputs = _specs(session.get_inputs(), "input"), _specs(session.get_outputs(), "output")
    picture = picture_input(inputs)
    wave = None if picture else waveform_input(inputs)
    for spec in () if picture or wave else inputs:
        if spec["dtype"] not in ELEMENTS.values():
            raise InputError(f"{path.name} cannot be kept: its input {spec['name']!r} takes {spec['dtype']} values, "
                             "which the playground cannot make.")
    label_lines = read_labels(labels) if labels is not None else None
    folder = into or paths.own_models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    model_id = _free_id(name or path.stem, set(taken), folder)
    staging = folder / f"{ADDING}{model_id}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        files = {"main": (MAIN_FILE, _copy(path, staging / MAIN_FILE, check))}
        for n, data in enumerate(facts.external, 1):
            target = staging / data.name
            target.parent.mkdir(parents=True, exist_ok=True)
            files[f"data_{n}"] = (data.name, _copy(path.parent / data.name, target, check))
        if label_lines is not None:
            (staging / LABELS_FILE).write_text("\n".join(label_lines) + "\n", encoding="utf-8")
        if picture:  # the person's photo, made into the tensor with the preprocessing its knobs choose
            kind = Kind("picture_tensors", "image", {"layout": picture.layout, "height": picture.height,
                                                     "width": picture.width}, picture_knobs(picture))
        elif wave:  # the person's recording, at the rate the model takes, as long as it is or as the model fixes
            kind = Kind("sound_tensors", "audio", {"sample_rate": rate, "length": wave.length, "rank": wave.rank}, ())
        else:
            dims = tuple(dict.fromkeys(d for s in inputs for d in s["shape"] if isinstance(d, str) and d != "?"))
            kind = Kind("tensors", "tensors", {"dims": list(dims)} if dims else {}, made_knobs(dims))
        (staging / CARD_NAME).write_text(card_text(model_id, name or path.stem, path.name, facts, files, inputs,
                                                   outputs, kind), encoding="utf-8")
        staging.rename(folder / model_id)
    except OSError as exc:
        raise InputError(f"{path.name} could not be kept in {folder} ({exc.strerror or exc}).") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return parse_card(folder / model_id / CARD_NAME)


def forget(card: ModelCard, own_folder: Path | None = None) -> None:
    """Delete a kept model, card and files. Only a model kept in the person's models folder can go: a shipped
    one's files are removed with `playground models remove`, its card stays."""
    folder = (own_folder or paths.own_models_dir()).resolve()
    if not card.source.own or card.folder.resolve().parent != folder:
        raise InputError(f"{card.name} came with the playground: only a model you added can be removed whole "
                         f"('playground models remove {card.id}' frees its files).")
    going = folder / f"{ADDING}{card.id}-{os.getpid()}"
    card.folder.rename(going)  # off the list at once; a delete cut short leaves no half a card behind
    shutil.rmtree(going, ignore_errors=True)


def _specs(values: list[Any], kind: str) -> list[dict[str, Any]]:
    specs = []
    for value in values:
        dtype = ORT_TYPES.get(value.type)
        if dtype is None:
            raise InputError(f"The model's {kind} {value.name!r} is a {value.type}: the playground keeps models whose "
                             "inputs and outputs are tensors of numbers.")
        if value.shape is None:
            raise InputError(f"The model's {kind} {value.name!r} does not say its shape (not even how many "
                             "dimensions): the playground cannot make or show it.")
        specs.append({"name": value.name, "dtype": dtype,
                      "shape": [d if isinstance(d, (int, str)) and d != "" else "?" for d in value.shape]})
    return specs


def read_labels(path: Path) -> list[str]:
    """A labels file a person gives: one name per line, UTF-8, or the sentence why it cannot be one."""
    try:
        size = path.stat().st_size
        if size > LABELS_LIMIT:
            raise InputError(f"{path.name} is {size:,} bytes: a labels file is one name per line, far smaller.")
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"There is no labels file called {path}.") from None
    except UnicodeDecodeError:
        raise InputError(f"{path.name} is not UTF-8 text: a labels file is one name per line.") from None
    except OSError as exc:
        raise InputError(f"{path.name} could not be read ({exc.strerror or exc}).") from None


def _free_id(name: str, taken: set[str], folder: Path) -> str:
    """my-<the name in lowercase letters, digits and dashes>, numbered when that one is used already."""
    stem = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-") or "model"
    stem = stem if stem.startswith(PREFIX) else PREFIX + stem  # "my-export" stays so, never my-my-export
    candidate, n = stem, 1
    while candidate in taken or (folder / candidate).exists():
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def _copy(source: Path, target: Path, check: Callable[[], None]) -> str:
    """The file in its new folder, and the sha256 of its bytes: a hard link where the disk allows one (a model of
    gigabytes is then on it once; a later change to the file makes its hash differ, and it is refused), else a copy."""
    digest = hashlib.sha256()
    try:
        os.link(source, target)
    except OSError:
        pass
    else:
        with target.open("rb") as linked:
            for block in iter(lambda: linked.read(1 << 20), b""):
                check()
                digest.update(block)
        return digest.hexdigest()
    with source.open("rb") as src, target.open("xb") as dst:
        for block in iter(lambda: src.read(1 << 20), b""):
            check()
            digest.update(block)
            dst.write(block)
    return digest.hexdigest()


def toml_value(value: Any) -> str:
    """A value in TOML. Strings as basic strings: JSON's escapes are TOML's, but for DEL, which TOML escapes too."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    text = str(value).encode("utf-8", "replace").decode("utf-8")  # a lone surrogate from a file name
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


@dataclass(frozen=True)
class Kind:
    """What a kept model's card says it does: its task, the kind of input, the [preprocess] table and the knobs."""

    task: str
    modality: str
    preprocess: dict[str, Any]
    knobs: tuple[Param, ...]


def card_text(model_id: str, name: str, file_name: str, facts: ModelFacts, files: dict[str, tuple[str, str]],
              inputs: list[dict[str, Any]], outputs: list[dict[str, Any]], kind: Kind) -> str:
    """The kept model's model.toml. Every name the model or the person chose is a TOML string, never a key."""
    common = ", ".join(sorted(facts.operators, key=lambda op: -facts.operators[op])[:3]) or "none"
    opsets = ", ".join(f"{domain} {version}" for domain, version in facts.opsets.items())
    described = f"{facts.nodes} nodes, mostly {common}; opsets {opsets}."
    lines = [f"id = {toml_value(model_id)}", f"name = {toml_value(name)}", f"task = {toml_value(kind.task)}",
             f"modality = {toml_value(kind.modality)}",
             f"summary = {toml_value('Your model, added from ' + file_name + '.')}",
             f"description = {toml_value(described)}",
             'license = "yours"', 'attribution = "you"', f"parameters = {facts.parameters}", "",
             "[source]", 'route = "own"', f"file = {toml_value(file_name)}", ""]
    for role, (path, sha) in files.items():
        lines += [f"[files.{role}]", f"path = {toml_value(path)}", f'sha256 = "{sha}"', ""]
    for table, specs in (("inputs", inputs), ("outputs", outputs)):
        for spec in specs:
            lines += [f"[[{table}]]", *(f"{key} = {toml_value(value)}" for key, value in spec.items()), ""]
    lines += ["[preprocess]", *(f"{key} = {toml_value(value)}" for key, value in kind.preprocess.items()), ""]
    for knob in kind.knobs:
        lines += [f"[params.{knob.name}]", f"default = {toml_value(knob.default)}", f"label = {toml_value(knob.label)}",
                  f"help = {toml_value(knob.help)}"]
        lines += ([f"choices = {toml_value(knob.choices)}"] if knob.choices else
                  [f"min = {toml_value(knob.min)}", f"max = {toml_value(knob.max)}"])
        lines.append("")
    return "\n".join(lines)
