"""A kept model's int8 twin, made on request: onnxruntime's dynamic quantisation of its MatMul and Gemm weights,
kept as a model of its own beside it, each naming the other, so the window offers them side by side and the int8
lesson compares their answers and speed on the same input."""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from playground import paths
from playground.anymodel.keep import ADDING, LABELS_FILE, MAIN_FILE, toml_value
from playground.core.card import CARD_NAME, ModelCard, parse_card
from playground.core.errors import InputError, PlaygroundError
from playground.core.session import check_files, sha256_of

# Dynamic quantisation turns a convolution into ConvInteger, which onnxruntime runs slower than the float one on a
# CPU (EfficientNet-Lite0 with every op quantised: 64–129 ms a run against 12 ms, AMD EPYC here); MatMul and Gemm
# are what it speeds up (transformers, the heads of classifiers). Convolutions stay float32.
QUANTISED = ("MatMul", "Gemm")
SUFFIX = "-int8"
INTEGER_OPS = {"MatMulInteger", "DynamicQuantizeLinear", "QGemm"}  # what the quantiser puts in their place


def int8_twin(card: ModelCard, into: Path | None = None, check: Callable[[], None] = lambda: None) -> ModelCard:
    """Make and keep `card`'s twin (`<id>-int8`), and name it in `card`'s own card; returns the twin's card."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    folder = into or paths.own_models_dir()
    if not card.source.own or card.folder.parent.resolve() != folder.resolve():
        raise InputError(f"{card.name} came with the playground: an int8 twin is made for a model you added.")
    if "int8" in card.tags:
        raise InputError(f"{card.name} is an int8 twin already.")
    twin_id = card.id + SUFFIX
    if (folder / twin_id).exists():
        raise InputError(f"{card.name} has its int8 twin already: {twin_id}.")
    check_files(card)  # the twin is made from the file its card pins, not from one changed since
    outer = folder / f"{ADDING}{twin_id}-{os.getpid()}"
    staging = outer / twin_id  # named as its card says, so the card is read as the catalog will read it
    shutil.rmtree(outer, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        check()
        root = logging.getLogger()
        quiet, root.disabled = root.disabled, True  # the quantiser's advice on its log is not the person's
        try:
            quantize_dynamic(card.path(), staging / MAIN_FILE, weight_type=QuantType.QInt8,
                             op_types_to_quantize=list(QUANTISED))
        finally:
            root.disabled = quiet
        check()
        if not {node.op_type for node in onnx.load(str(staging / MAIN_FILE), load_external_data=False).graph.node} \
                & INTEGER_OPS:
            raise InputError(f"{card.name} has no MatMul or Gemm with weights to put in 8 bits: its twin would be the "
                             "same model.")
        text = (card.folder / CARD_NAME).read_text(encoding="utf-8")
        (staging / CARD_NAME).write_text(_twin_text(text, card, twin_id, sha256_of(staging / MAIN_FILE)),
                                         encoding="utf-8")
        if (card.folder / LABELS_FILE).is_file():
            shutil.copyfile(card.folder / LABELS_FILE, staging / LABELS_FILE)
        parse_card(staging / CARD_NAME)  # refused here, not in the list, if it is not a card
        staging.rename(folder / twin_id)
    except OSError as exc:
        raise InputError(f"The int8 twin of {card.name} could not be made in {folder} ({exc.strerror or exc}).") from None
    except Exception as exc:  # noqa: BLE001 - the quantiser's refusals (an op it cannot take) in one sentence
        if isinstance(exc, PlaygroundError):  # ours already, a cancel among them
            raise
        raise InputError(f"onnxruntime could not make an int8 twin of {card.name}: {str(exc).splitlines()[0][:200]}")\
            from None
    finally:
        shutil.rmtree(outer, ignore_errors=True)
    _name_twin(card, twin_id)
    return parse_card(folder / twin_id / CARD_NAME)


def _twin_text(text: str, card: ModelCard, twin_id: str, sha: str) -> str:
    """The base's card, made the twin's: its id, name, tags, the one file and its hash (external data is inside)."""
    head, _, _ = text.partition("\n[")  # the top-level keys; then the tables
    tables = text[len(head):]
    head = re.sub(r'^id = .*$', f"id = {toml_value(twin_id)}", head, count=1, flags=re.M)
    head = re.sub(r'^name = .*$', f"name = {toml_value(card.name + ', int8')}", head, count=1, flags=re.M)
    head += ('\ntags = ["int8"]\n'
             f"compare_with = {toml_value([card.id])}\n")
    tables = re.sub(r"\[files\.main\]\npath = .*\nsha256 = .*\n", f"[files.main]\npath = {toml_value(MAIN_FILE)}\n"
                    f'sha256 = "{sha}"\n', tables, count=1)
    tables = re.sub(r"\[files\.data_\d+\]\npath = .*\nsha256 = .*\n\n", "", tables)  # the quantised file holds all
    return head + tables


def _name_twin(card: ModelCard, twin_id: str) -> None:
    """The base's card names its twin (compare_with), written whole beside it and moved over it."""
    path = card.folder / CARD_NAME
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n[")
    if "compare_with" not in head:
        text = head + f"\ncompare_with = {toml_value([twin_id])}" + text[len(head):]
    partial = path.with_name(CARD_NAME + ".new")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
