"""The benchmark-only engines (llama.cpp, CTranslate2, OpenVINO): one virtual environment each, kept out of the app.

Each lives in `.venv-bench/<name>` beside the app's `.venv`, sees the app's own packages through a `.pth` file
(so both sides of a ratio use the very same onnxruntime, numpy and playground code), and adds only its engine,
pinned. Built once; `python benchmarks/engines.py` builds what is missing and says where each one is.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / ".venv-bench"


@dataclass(frozen=True)
class Engine:
    name: str
    requirement: str
    module: str  # imported once built, to prove the environment works
    note: str


ENGINES = {
    # Compiles llama.cpp from source for this processor (about ten minutes on two cores).
    "llama": Engine("llama", "llama-cpp-python==0.3.36", "llama_cpp", "llama.cpp on the same GGUF"),
    "ct2": Engine("ct2", "ctranslate2==4.8.5", "ctranslate2", "CTranslate2 on the same Whisper weights"),
    "openvino": Engine("openvino", "openvino==2026.4.1", "openvino", "OpenVINO CPU on the same ONNX files"),
}


def python_of(name: str) -> Path:
    return HOME / name / "bin" / "python"


def ready(name: str) -> bool:
    return (HOME / name / ".ready").is_file()


def build(name: str) -> Path:
    """The engine's environment, made if missing: a venv that also reads the app's packages, plus the engine."""
    engine, where = ENGINES[name], HOME / name
    if ready(name):
        return python_of(name)
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
    site = Path(subprocess.run([str(python_of(name)), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # The app's packages and the checkout itself, after the engine's own (a .pth appends to sys.path).
    (site / "playground-app.pth").write_text(f"{sysconfig.get_paths()['purelib']}\n{ROOT}\n")
    print(f"installing {engine.requirement} into {where} ...", flush=True)
    subprocess.run([str(python_of(name)), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    engine.requirement], check=True)
    subprocess.run([str(python_of(name)), "-c", f"import {engine.module}, onnxruntime, playground"], check=True)
    (where / ".ready").write_text(engine.requirement + "\n")
    return python_of(name)


def main(argv: list[str]) -> int:
    names = argv or list(ENGINES)
    for name in names:
        python = build(name)
        print(f"{name:<9}{ENGINES[name].requirement:<28}{python}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
