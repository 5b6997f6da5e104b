"""Inference Playground: run bundled ONNX models on your own input, on your own computer."""

import os

__version__ = "0.1.0"

# onnxruntime 1.31 for Linux carries Microsoft's 1DS telemetry: on import it writes a device id and a queue
# of events (this computer's processor, memory, system and Python path) under ~/.cache/Microsoft and tries
# to upload them. This app promises that nothing leaves the computer, so it is switched off here, before
# any module can import onnxruntime: its switch is read once, when the library loads.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
