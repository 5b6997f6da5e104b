"""Inference Playground: run bundled ONNX models on your own input, on your own computer."""

__version__ = "0.1.0"
