"""Microphone: captures the default sound input with QtMultimedia and hands out mono 16 kHz float blocks."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QObject, Signal

from playground.tasks.listening import RATE
from playground.ui.multimedia import multimedia, not_installed

NO_MICROPHONE = "No microphone was found on this computer; plug one in, or open a recording instead."
BLOCK_MS = 50  # how often the level meter moves: often enough to look alive, cheap enough to ignore


def microphone_problem(mm: Any) -> str:
    """One sentence saying why nothing can be recorded here, or ""."""
    if mm is None:
        return not_installed("Recording")
    return "" if mm.QMediaDevices.audioInputs() else NO_MICROPHONE


def to_mono_float(data: bytes, fmt: Any, mm: Any) -> np.ndarray:
    """Raw PCM in the device's sample type and channel count → mono float32 in [-1, 1]."""
    kinds = mm.QAudioFormat.SampleFormat
    kind = fmt.sampleFormat()
    if kind == kinds.Float:
        x = np.frombuffer(data, "<f4")
    elif kind == kinds.Int32:
        x = np.frombuffer(data, "<i4").astype(np.float32) / 2147483648.0
    elif kind == kinds.UInt8:
        x = (np.frombuffer(data, np.uint8).astype(np.float32) - 128.0) / 128.0
    else:
        x = np.frombuffer(data, "<i2").astype(np.float32) / 32768.0
    channels = max(1, fmt.channelCount())
    x = x[: len(x) // channels * channels]
    return x.reshape(-1, channels).mean(axis=1, dtype=np.float32) if channels > 1 else x.astype(np.float32)


class Microphone(QObject):
    """The default input device, opened on start() and closed on stop(); `block` carries the sound."""

    block = Signal(object)  # np.ndarray, mono float32 at RATE
    failed = Signal(str)  # one sentence: the device stopped or refused

    def __init__(self, parent: QObject | None = None, module: Callable[[], Any] = multimedia) -> None:
        super().__init__(parent)
        self._mm = module()
        self._source: Any = None
        self._device_io: Any = None
        self._format: Any = None
        self._resampler: Any = None

    @property
    def problem(self) -> str:
        return microphone_problem(self._mm)

    @property
    def recording(self) -> bool:
        return self._source is not None

    def start(self) -> str:
        """Start capturing; "" or one sentence saying why it could not."""
        self.stop()
        problem = self.problem
        if problem:
            return problem
        mm = self._mm
        device = mm.QMediaDevices.defaultAudioInput()
        fmt = mm.QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(mm.QAudioFormat.SampleFormat.Float)
        if not device.isFormatSupported(fmt):
            fmt = device.preferredFormat()  # converted and resampled here instead
        self._format = fmt
        self._resampler = None
        if fmt.sampleRate() != RATE:
            import soxr

            self._resampler = soxr.ResampleStream(fmt.sampleRate(), RATE, 1, dtype="float32", quality="HQ")
        self._source = mm.QAudioSource(device, fmt, self)
        self._source.setBufferSize(max(4096, fmt.bytesForDuration(4 * BLOCK_MS * 1000)))
        self._device_io = self._source.start()
        if self._device_io is None or self._source.error() != mm.QtAudio.Error.NoError:
            self.stop()
            return "The microphone could not be opened; check that no other program holds it and try again."
        self._device_io.readyRead.connect(self._read)
        return ""

    def stop(self) -> None:
        source, self._source = self._source, None
        if source is None:
            return
        self._read()  # what was captured up to the press of Stop belongs to the recording
        source.stop()
        source.deleteLater()
        self._device_io = None
        if self._resampler is not None:
            tail = self._resampler.resample_chunk(np.zeros(0, np.float32), last=True)
            if len(tail):
                self.block.emit(tail)
            self._resampler = None

    def _read(self) -> None:
        if self._device_io is None:
            return
        data = bytes(self._device_io.readAll())
        if self._source is not None and self._source.error() not in (self._mm.QtAudio.Error.NoError,
                                                                      self._mm.QtAudio.Error.UnderrunError):
            self.failed.emit("The microphone stopped working; plug it in again and press Record.")
        if not data:
            return
        samples = to_mono_float(data, self._format, self._mm)
        if self._resampler is not None:
            samples = self._resampler.resample_chunk(samples)
        if len(samples):
            self.block.emit(np.ascontiguousarray(samples, np.float32))
