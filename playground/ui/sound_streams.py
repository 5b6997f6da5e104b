"""Recording and playing on PortAudio's own thread (no Qt): that thread only copies sound into a queue or out of
the clip, and the GUI thread takes it from there on its own timer, so no widget is ever touched from it."""

from __future__ import annotations

import queue
import threading
from typing import Any

import numpy as np
import soxr

from playground.core.words import translate
from playground.ui import sound
from playground.ui.sound import NO_MICROPHONE, NO_SPEAKER, default_device, opening_failed

RELEASE_WAIT_S = 1.0  # stopping takes a few ms; longer means the sound server hangs, and the window goes on


def ways_to_open(sd: Any, kind: str, device: dict[str, Any], rate: int) -> tuple[int, int] | None:
    """(rate, channels) the device takes: mono at the wanted rate (a sound server converts anything), else
    its own rate, mono or in the fewest channels it has; None when it takes none of these."""
    own = int(device.get("default_samplerate") or rate)
    most = int(device.get(f"max_{kind}_channels", 1))
    check = sd.check_input_settings if kind == "input" else sd.check_output_settings
    for way in dict.fromkeys([(rate, 1), (own, 1), (own, min(2, most))]):
        try:
            check(channels=way[1], dtype="float32", samplerate=way[0])
        except (sd.PortAudioError, ValueError):
            continue
        return way
    return None


def default_way(sd: Any, kind: str, rate: int, missing: str) -> tuple[tuple[int, int] | None, str]:
    """The default device's (rate, channels) for `kind` ("input" or "output"), or None and the sentence why:
    `missing` when there is no such device, another when it takes no format the app can give or read."""
    device = default_device(sd, kind)
    if device is None:
        return None, translate("Sound", missing)  # NO_MICROPHONE or NO_SPEAKER, marked in sound.py
    way = ways_to_open(sd, kind, device, rate)
    return (way, "") if way is not None else (None, opening_failed(ValueError("no format"), kind))


class Capture:
    """The default input as mono float32 at `rate`, however the device records; take() gives what arrived."""

    def __init__(self, sd: Any, rate: int, block_ms: int) -> None:
        self._sd = sd
        self.rate = rate
        self._block_ms = block_ms
        self._queue: queue.SimpleQueue[np.ndarray] = queue.SimpleQueue()
        self._stream: Any = None
        self._resampler: Any = None
        self._closing = False
        self.ended = threading.Event()  # the stream stopped by itself: the device went away

    def open(self) -> str:
        """Start recording; "" or one sentence saying why it could not."""
        sd = self._sd
        way, problem = default_way(sd, "input", self.rate, NO_MICROPHONE)
        if way is None:
            return problem
        rate, channels = way
        try:
            if rate != self.rate:
                self._resampler = soxr.ResampleStream(rate, self.rate, 1, dtype="float32", quality="HQ")
            self._stream = sd.InputStream(samplerate=rate, channels=channels, dtype="float32",
                                          blocksize=max(1, rate * self._block_ms // 1000),
                                          callback=self._arrived, finished_callback=self._finished)
            self._stream.start()
        except (sd.PortAudioError, ValueError, RuntimeError) as exc:  # RuntimeError: soxr refused the rates
            self._drop_stream()
            return opening_failed(exc, "input")
        sound.opened()
        return ""

    def _arrived(self, indata: np.ndarray, frames: int, when: Any, status: Any) -> None:
        # PortAudio's thread: copy (its buffer is reused) and go; everything else waits for the GUI thread.
        self._queue.put(indata.copy())

    def _finished(self) -> None:
        if not self._closing:
            self.ended.set()

    def take(self) -> np.ndarray:
        """Everything recorded since the last call, mono float32 at `rate` (maybe empty)."""
        blocks = []
        while True:
            try:
                blocks.append(self._queue.get_nowait())
            except queue.Empty:
                break
        if not blocks:
            return np.zeros(0, np.float32)
        frames = np.concatenate(blocks)
        mono = frames.mean(axis=1, dtype=np.float32) if frames.shape[1] > 1 else frames[:, 0]
        if self._resampler is not None:
            mono = self._resampler.resample_chunk(mono)
        return np.ascontiguousarray(mono, np.float32)

    def close(self) -> np.ndarray:
        """Stop recording; returns what was recorded up to now and not yet taken."""
        if self._stream is None:
            return np.zeros(0, np.float32)
        self._closing = True
        stream, self._stream = self._stream, None
        release(self._sd, stream, "stop", counted=True)
        rest = self.take()
        if self._resampler is not None:
            rest = np.concatenate([rest, self._resampler.resample_chunk(np.zeros(0, np.float32), last=True)])
            self._resampler = None
        return rest.astype(np.float32, copy=False)

    def _drop_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            release(self._sd, stream, "stop", counted=False)


class Feed:
    """A clip read out in pieces at another rate: converted as it is played, so a long clip is never copied."""

    def __init__(self, samples: np.ndarray, rate: int, out_rate: int) -> None:
        self._samples = np.asarray(samples, dtype=np.float32).reshape(-1)
        self._pos = 0
        self._pending = np.zeros(0, np.float32)
        self._same_rate = rate == out_rate
        self._resampler = None if self._same_rate else soxr.ResampleStream(rate, out_rate, 1, dtype="float32",
                                                                           quality="HQ")

    def read(self, n: int) -> np.ndarray:
        """Up to n samples in [-1, 1] at the output rate; fewer only at the end of the clip."""
        if self._same_rate:
            piece = self._samples[self._pos:self._pos + n]
            self._pos += len(piece)
            return _safe(piece)
        while len(self._pending) < n and self._resampler is not None:
            piece = self._samples[self._pos:self._pos + max(n, 1024)]
            self._pos += len(piece)
            last = self._pos >= len(self._samples)
            self._pending = np.concatenate([self._pending, self._resampler.resample_chunk(_safe(piece), last=last)])
            if last:
                self._resampler = None  # flushed: what is left is in _pending
        out, self._pending = self._pending[:n], self._pending[n:]
        return np.clip(out, -1.0, 1.0)


def _safe(x: np.ndarray) -> np.ndarray:
    # A clip is the result of a model: NaN or a value past full scale must neither crash nor blast the speaker.
    return np.clip(np.nan_to_num(x, nan=0.0, posinf=1.0, neginf=-1.0), -1.0, 1.0).astype(np.float32, copy=False)


class Playback:
    """One clip to the default output; `frames` counts what was handed over, `finished` is set at its end."""

    def __init__(self, sd: Any, samples: np.ndarray, rate: int) -> None:
        self._sd = sd
        self._samples = samples
        self._rate = int(rate)
        self._stream: Any = None
        self._feed: Feed | None = None
        self.out_rate = self._rate
        self.frames = 0
        self.finished = threading.Event()

    @property
    def seconds(self) -> float:
        return self.frames / float(self.out_rate)

    def open(self) -> str:
        """Start playing; "" or one sentence saying why it could not."""
        sd = self._sd
        way, problem = default_way(sd, "output", self._rate, NO_SPEAKER)
        if way is None:
            return problem
        self.out_rate, channels = way
        try:
            self._feed = Feed(self._samples, self._rate, self.out_rate)
            self._stream = sd.OutputStream(samplerate=self.out_rate, channels=channels, dtype="float32",
                                           callback=self._fill, finished_callback=self.finished.set)
            self._stream.start()
        except (sd.PortAudioError, ValueError, RuntimeError) as exc:  # RuntimeError: soxr refused the rates
            self._drop_stream()
            return opening_failed(exc, "output")
        sound.opened()
        return ""

    def _fill(self, outdata: np.ndarray, frames: int, when: Any, status: Any) -> None:
        # PortAudio's thread: the next piece of the clip into its buffer, silence after the end.
        piece = self._feed.read(frames) if self._feed is not None else np.zeros(0, np.float32)
        outdata[:len(piece)] = piece[:, None]
        outdata[len(piece):] = 0.0
        self.frames += len(piece)
        if len(piece) < frames:
            raise self._sd.CallbackStop  # PortAudio plays what it holds, then calls finished_callback

    def close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            # abort, not stop: stop plays out what the sound server holds first; Stop means silence now.
            release(self._sd, stream, "abort", counted=True)

    def _drop_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            release(self._sd, stream, "abort", counted=False)


def release(sd: Any, stream: Any, how: str, counted: bool, wait_s: float = RELEASE_WAIT_S) -> bool:
    """Stop ("stop" lets the last block arrive, "abort" drops it) and close a stream on a thread of its own.

    A sound server that hangs makes PortAudio's stop wait until it answers again (measured: as long as the
    server is stopped); the window waits at most `wait_s` with it. True when the stream was closed by then.
    """
    def run() -> None:
        for step in (getattr(stream, how), stream.close):
            try:
                step()
            except sd.PortAudioError:
                pass  # a device already gone cannot be stopped; closing it still frees it
        if counted:
            sound.closed()  # only now may PortAudio be restarted: this stream no longer uses it

    closer = threading.Thread(target=run, name="sound-release", daemon=True)
    closer.start()
    closer.join(wait_s)
    return not closer.is_alive()
