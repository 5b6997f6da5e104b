"""The same request sent to a server instead: upload of the input's real bytes, the round trip, a queue, the
server's own compute and the download of the answer, set beside the time measured on this computer."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

# A home or office connection as speed tests report them; every figure can be changed by the person.
DEFAULT_UPLOAD_MBPS = 10.0
DEFAULT_DOWNLOAD_MBPS = 50.0
DEFAULT_ROUND_TRIP_MS = 60.0  # to a data centre in the same region and back, with the connection set up
DEFAULT_QUEUE_MS = 30.0  # waiting behind other people's requests on a busy service
DEFAULT_SERVER_SPEEDUP = 4.0  # a server processor (or accelerator) computes the model this many times faster


@dataclass(frozen=True)
class CloudSetting:
    upload_mbps: float = DEFAULT_UPLOAD_MBPS
    download_mbps: float = DEFAULT_DOWNLOAD_MBPS
    round_trip_ms: float = DEFAULT_ROUND_TRIP_MS
    queue_ms: float = DEFAULT_QUEUE_MS
    server_speedup: float = DEFAULT_SERVER_SPEEDUP


@dataclass(frozen=True)
class CloudEstimate:
    """Milliseconds of each part of the simulated request, in the order they happen."""

    upload_bytes: int
    result_bytes: int
    upload_ms: float
    round_trip_ms: float
    queue_ms: float
    server_ms: float
    download_ms: float

    @property
    def total_ms(self) -> float:
        return self.upload_ms + self.round_trip_ms + self.queue_ms + self.server_ms + self.download_ms

    def parts(self) -> tuple[tuple[str, float], ...]:
        return (("upload", self.upload_ms), ("round trip", self.round_trip_ms), ("queue", self.queue_ms),
                ("server", self.server_ms), ("download", self.download_ms))


def transfer_ms(n_bytes: int, mbps: float) -> float:
    return n_bytes * 8 / (mbps * 1e6) * 1000.0


def estimate(upload_bytes: int, result_bytes: int, work_ms: float, setting: CloudSetting) -> CloudEstimate:
    """work_ms is what this computer spent from input to answer (decoding, preparing, the model, reading its
    output): the server does the same work, faster by its speed-up."""
    return CloudEstimate(upload_bytes, result_bytes, transfer_ms(upload_bytes, setting.upload_mbps),
                         setting.round_trip_ms, setting.queue_ms, work_ms / setting.server_speedup,
                         transfer_ms(result_bytes, setting.download_mbps))


def upload_bytes(source: Any) -> int:
    """What a web service would have to receive for this input: a file as it is, text as UTF-8, and a picture
    held in memory (camera frame, drawing) as the JPEG a browser would send."""
    if isinstance(source, Path):
        return source.stat().st_size if source.is_file() else 0
    if isinstance(source, (bytes, bytearray)):
        return len(source)
    if isinstance(source, str):
        return len(source.encode("utf-8"))
    if isinstance(source, np.ndarray) and source.ndim in (2, 3) and source.dtype == np.uint8:
        from PIL import Image

        buffer = io.BytesIO()
        Image.fromarray(source).convert("RGB").save(buffer, "JPEG", quality=90)
        return buffer.tell()
    if isinstance(source, np.ndarray):
        return source.nbytes
    return 0


def _png_bytes(pixels: np.ndarray) -> int:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "PNG", compress_level=1)  # fast: the size matters, not the last byte
    return buffer.tell()


def result_bytes(result: Any) -> int:
    """The answer as a service would send it back: a picture made by the model as PNG, cleaned sound as
    16-bit WAV, anything else as the JSON of its figures."""
    from playground.core import results

    if isinstance(result, results.Upscaled):
        return _png_bytes(result.result)
    if isinstance(result, results.Cutout):
        return _png_bytes(result.rgba())
    if isinstance(result, results.Denoised):
        return 44 + 2 * len(result.cleaned)
    if not isinstance(result, results.Result):
        return 0
    return len(json.dumps(result.to_dict(), ensure_ascii=False, default=str).encode("utf-8"))
