"""Build recipe for the digit model (MODELS.md §2.1.7): train on MNIST-5k in numpy, export and check the ONNX file."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.built import with_sentences
from playground.core.card import ModelCard
from playground.core.errors import FetchError
from playground.core.train.digits import SIDE, DigitModel, parse_mnist_csv, train_digits
from playground.core.train.export import to_onnx
from playground.core.words import QT_TRANSLATE_NOOP, translate

MIN_ACCURACY = 0.97
# onnxruntime and numpy sum in different orders; float32 logits of this size agree far closer than this.
MAX_EXPORT_DIFF = 1e-4


def read_mnist_csv(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """A gzipped CSV file of rows (784 pixel values 0..255, then the label) -> (pixels uint8 (N, 784), labels)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FetchError(translate("Build", "The digit training data {file} could not be read; fetch the model again.")
                         .format(file=path.name)) from exc
    return parse_mnist_csv(data, path.name)


def train_settings(card: ModelCard) -> dict[str, Any]:
    """The card's [train] table if the card has one (min_accuracy), else empty."""
    table = getattr(card, "train", None)
    return dict(table) if isinstance(table, Mapping) else {}


def check_export(model_bytes: bytes, trained: DigitModel) -> float:
    """Largest |logit difference| between onnxruntime on the built file and the numpy net, on held-out digits."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])
    images = trained.held_out_images
    onnx_logits = session.run(["logits"], {"image": np.ascontiguousarray(images.transpose(0, 3, 1, 2))})[0]
    return float(np.abs(onnx_logits - trained.net.predict(images)).max())


def digits_train(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
    """Train the digit CNN on member "data" (mnist_5k.csv.gz), write [files.main] (and [files.data], the digits
    themselves, for the training lesson) and return what it measured.

    Refuses (FetchError) a model below the card's [train] min_accuracy (0.97 by default) on the
    1,000 held-out digits, or one whose ONNX form does not compute what the numpy net computes.
    """
    settings = train_settings(card)
    floor = float(settings.get("min_accuracy", MIN_ACCURACY))
    pixels, labels = read_mnist_csv(members["data"])
    trained = train_digits(pixels, labels)
    if trained.held_out_accuracy < floor:
        raise FetchError(translate("Build", "The digit model reached only {accuracy} on the {count} held-out digits "
                                            "(it must reach {floor}), so it was not installed; fetch it again, and "
                                            "report the problem if it repeats.").format(
            accuracy=f"{trained.held_out_accuracy:.1%}", count=f"{trained.held_out:,}", floor=f"{floor:.1%}"))
    model_bytes = to_onnx(trained.net, (SIDE, SIDE, 1), graph_name="digits").SerializeToString()
    diff = check_export(model_bytes, trained)
    if not diff < MAX_EXPORT_DIFF:
        raise FetchError(translate("Build", "The exported digit model disagrees with the trained one (largest "
                                            "difference {difference}); nothing was installed.").format(
            difference=f"{diff:.2g}"))
    target = out_dir / card.file("main").path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(model_bytes)
    if any(f.role == "data" for f in card.files):  # kept for the training lesson, checked like every file
        shutil.copyfile(members["data"], out_dir / card.file("data").path)
    headline = QT_TRANSLATE_NOOP("Build", "{accuracy:.1f} % right on {held_out:,} digits it never saw; trained here "
                                          "in {seconds:.0f} s.")
    return with_sentences({"held_out_accuracy": round(trained.held_out_accuracy, 4), "held_out": trained.held_out,
                           "training_seconds": round(trained.result.seconds, 1), "epochs": trained.result.epochs},
                          headline=(headline, {"accuracy": trained.held_out_accuracy * 100,
                                               "held_out": trained.held_out, "seconds": trained.result.seconds}))
