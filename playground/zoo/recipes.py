"""Build recipes: turn checked source members into the files a card names (graph edits with onnx only).

A recipe is called as recipe(members, out_dir, card): members maps each [[source.members]] role to its
extracted file, and the recipe writes every [files] entry under out_dir. RECIPES is the whole list; a
card names its recipe in source.recipe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from playground.core.card import ModelCard
from playground.core.errors import FetchError
from playground.core.words import translate
from playground.zoo.digits import digits_train
from playground.zoo.efficientnet import efficientnet_lite0_fp32, efficientnet_lite0_int8
from playground.zoo.langid import langid_from_pickle
from playground.zoo.minilm import minilm_from_safetensors, minilm_int8_from_safetensors
from playground.zoo.ncnn import realesrgan_from_ncnn
from playground.zoo.sentiment import sentiment_train
from playground.zoo.silero import silero_vad_frames
from playground.zoo.smollm import smollm_from_gguf, smollm_int8_from_gguf
from playground.zoo.whisper import whisper_from_ctranslate2, whisper_int8_from_ctranslate2

if TYPE_CHECKING:
    import onnx

# A recipe may return what it measured while building (held-out accuracy, int8 agreement ...): they
# are kept in the model's .built manifest and shown beside its card.
Recipe = Callable[[Mapping[str, Path], Path, ModelCard], "Mapping[str, object] | None"]
Dims = Mapping[str, list[int | str]]

# A file trained or calibrated here has no hash in its card, so a changed recipe cannot be told from the
# hash: a fetch rebuilds it when the recipe's revision here is newer than the one its .built records.
# efficientnet_lite0_int8 2: the weights' bits follow the processor (7 where 8-bit products overflow).
# sentiment_train 2: the recorded accuracy is said to be the trial head's, not the shipped one's.
# sentiment_train 3: the head alone, reading MiniLM's embedding from the sentence model's own file.
# smollm_*_from_gguf 2: the weights in a file of their own, shared by the two builds.
REVISIONS: dict[str, int] = {"efficientnet_lite0_int8": 2, "sentiment_train": 3, "smollm_from_gguf": 2,
                             "smollm_int8_from_gguf": 2}


def revision(recipe: str) -> int:
    return REVISIONS.get(recipe, 1)

# CenterFace's outputs are at stride 4 of its input; exported with a fixed dummy size of [10, 3, 32, 32].
_CENTERFACE_INPUTS: Dims = {"input.1": ["B", 3, "H", "W"]}
_CENTERFACE_OUTPUTS: Dims = {"537": ["B", 1, "h", "w"], "538": ["B", 2, "h", "w"],
                             "539": ["B", 2, "h", "w"], "540": ["B", 10, "h", "w"]}


def make_dims_dynamic(model: onnx.ModelProto, inputs: Dims, outputs: Dims) -> onnx.ModelProto:
    """Drop initializers listed as graph inputs, then give the named inputs/outputs the given dims.

    Old (IR 4) exporters list every weight as a graph input too; onnxruntime then treats the weights
    as overridable, warns about each and cannot fold constants. The dims tool keeps every other
    input and output as it was.
    """
    import onnx
    from onnx.tools.update_model_dims import update_inputs_outputs_dims

    weights = {init.name for init in model.graph.initializer}
    real_inputs = [i for i in model.graph.input if i.name not in weights]
    del model.graph.input[:]
    model.graph.input.extend(real_inputs)
    _require_names("input", inputs, [i.name for i in real_inputs])
    _require_names("output", outputs, [o.name for o in model.graph.output])
    # The tool wants every input and output named; an empty list leaves that one exactly as it was.
    model = update_inputs_outputs_dims(model, {**{i.name: [] for i in real_inputs}, **inputs},
                                       {**{o.name: [] for o in model.graph.output}, **outputs})
    onnx.checker.check_model(model)
    return model


def _require_names(kind: str, wanted: Dims, present: list[str]) -> None:
    missing = [name for name in wanted if name not in present]
    if missing:
        said = (translate("Build", "The model has no input named {missing} (it has {present}), so its dims cannot be "
                                   "edited.") if kind == "input" else
                translate("Build", "The model has no output named {missing} (it has {present}), so its dims cannot be "
                                   "edited."))
        raise FetchError(said.format(missing=", ".join(missing), present=", ".join(present)))


def centerface_dynamic_dims(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> None:
    """MODELS.md §2.1.3: CenterFace with any batch and any input size (multiples of 32)."""
    import onnx

    model = onnx.load(str(members["main"]))
    model = make_dims_dynamic(model, _CENTERFACE_INPUTS, _CENTERFACE_OUTPUTS)
    target = out_dir / card.file("main").path
    target.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(target))


def half_pixel_resizes(model: onnx.ModelProto) -> onnx.ModelProto:
    """Every Resize's coordinate_transformation_mode pytorch_half_pixel made half_pixel: the two differ only
    where an output side is one pixel long, which this refuses. The sides are read from one run of the graph
    on zeros of its declared (fixed) input shape, since they are computed from shapes inside the graph.

    onnxruntime runs a linear half_pixel Resize in its blocked (NCHWc) layout, between the convolutions,
    but leaves the pytorch_half_pixel one in plain layout, reordering the data out and back around each:
    U²-Net-p's 38 upsamplings cost 107 reorders, about 6 % of its time.
    """
    import numpy as np
    import onnx
    import onnxruntime as ort

    resizes = [node for node in model.graph.node if node.op_type == "Resize" and any(
        a.name == "coordinate_transformation_mode" and a.s == b"pytorch_half_pixel" for a in node.attribute)]
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    probe.graph.output.extend(onnx.ValueInfoProto(name=node.output[0]) for node in resizes)
    weights = {init.name for init in model.graph.initializer}
    feeds = {}
    for value in model.graph.input:
        if value.name not in weights:
            dims = [d.dim_value for d in value.type.tensor_type.shape.dim]
            if not all(dims):
                raise FetchError(translate("Build", "The model's input {name} has no fixed size, so its resizing "
                                                    "cannot be checked.").format(name=value.name))
            feeds[value.name] = np.zeros(dims, onnx.helper.tensor_dtype_to_np_dtype(value.type.tensor_type.elem_type))
    session = ort.InferenceSession(probe.SerializeToString(), providers=["CPUExecutionProvider"])
    shapes = dict(zip([o.name for o in session.get_outputs()], (out.shape for out in session.run(None, feeds))))
    for node in resizes:
        if not all(side > 1 for side in shapes[node.output[0]][2:]):
            raise FetchError(translate("Build", "The model resizes something to a single pixel ({name}), so its "
                                                "resizing is left as it is.").format(name=node.name or node.output[0]))
        next(a for a in node.attribute if a.name == "coordinate_transformation_mode").s = b"half_pixel"
    onnx.checker.check_model(model)
    return model


def u2netp_half_pixel(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> None:
    """U²-Net-p with its upsamplings kept in onnxruntime's blocked layout (half_pixel_resizes)."""
    import onnx

    model = half_pixel_resizes(onnx.load(str(members["main"])))
    target = out_dir / card.file("main").path
    target.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(target))


RECIPES: dict[str, Recipe] = {
    "centerface_dynamic_dims": centerface_dynamic_dims,
    "u2netp_half_pixel": u2netp_half_pixel,
    "efficientnet_lite0_fp32": efficientnet_lite0_fp32,
    "efficientnet_lite0_int8": efficientnet_lite0_int8,
    "realesrgan_from_ncnn": realesrgan_from_ncnn,
    "digits_train": digits_train,
    "whisper_from_ctranslate2": whisper_from_ctranslate2,
    "whisper_int8_from_ctranslate2": whisper_int8_from_ctranslate2,
    "minilm_from_safetensors": minilm_from_safetensors,
    "minilm_int8_from_safetensors": minilm_int8_from_safetensors,
    "smollm_from_gguf": smollm_from_gguf,
    "smollm_int8_from_gguf": smollm_int8_from_gguf,
    "langid_from_pickle": langid_from_pickle,
    "sentiment_train": sentiment_train,
    "silero_vad_frames": silero_vad_frames,
}
