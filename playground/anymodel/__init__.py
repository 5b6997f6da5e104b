"""Any .onnx file a person brings: whether it is safe to open, what it is, and whether this onnxruntime runs it."""
