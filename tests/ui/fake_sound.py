"""A stand-in for the sounddevice library, for tests on a machine without sound: devices that are there or not,
take some formats only, refuse to open, vanish or hang; the test plays PortAudio's thread."""

from __future__ import annotations

import threading

import numpy as np


class PortAudioError(Exception):
    pass


class CallbackStop(Exception):
    pass


class FakeStream:
    """One stream as PortAudio runs it; the test plays PortAudio's thread with send() and pull()."""

    def __init__(self, sd, samplerate, channels, dtype, callback, finished_callback, blocksize=None):
        self.sd, self.rate, self.channels, self.callback = sd, samplerate, channels, callback
        self.finished_callback, self.blocksize = finished_callback, blocksize
        self.running = self.closed = False
        self.hang = threading.Event()  # set: stop/abort return; clear: they wait as for a server that hangs
        self.hang.set()
        sd.streams.append(self)

    def start(self):
        if self.sd.refuse:
            raise PortAudioError(self.sd.refuse)
        self.running = True

    def stop(self):
        self.hang.wait()
        if self.running:
            self.running = False
            self.finished_callback()  # PortAudio calls it after a stop too

    abort = stop

    def close(self):
        self.closed = True

    def send(self, frames: np.ndarray):
        self.callback(np.asarray(frames, np.float32).reshape(len(frames), -1), len(frames), None, None)

    def pull(self, frames: int) -> np.ndarray | None:
        """One output buffer, or None once the player said it was the last."""
        out = np.full((frames, self.channels), 9.0, np.float32)
        try:
            self.callback(out, frames, None, None)
        except CallbackStop:
            self.running = False
            self.finished_callback()
            return None
        return out

    def lose(self):
        self.running = False
        self.finished_callback()


class FakeSoundDevice:
    PortAudioError = PortAudioError
    CallbackStop = CallbackStop

    def __init__(self, microphone=True, speaker=True, rates=(16_000, 48_000), channels=(1, 2), own_rate=48_000):
        self.devices = {"input": microphone, "output": speaker}
        self.rates, self.channels, self.own_rate = set(rates), set(channels), own_rate
        self.streams: list[FakeStream] = []
        self.refuse = ""
        self.restarts = 0

    def query_devices(self, kind=None):
        if not self.devices[kind]:
            raise PortAudioError("Error querying device -1")
        return {"name": "fake", f"max_{kind}_channels": 2, "default_samplerate": float(self.own_rate)}

    def _check(self, channels, dtype, samplerate):
        if samplerate not in self.rates or channels not in self.channels:
            raise PortAudioError("Invalid sample rate [PaErrorCode -9997]")

    check_input_settings = check_output_settings = _check

    def InputStream(self, **kw):  # noqa: N802 (sounddevice's name)
        return FakeStream(self, **kw)

    def OutputStream(self, **kw):  # noqa: N802
        return FakeStream(self, **kw)

    def _terminate(self):
        self.restarts += 1

    def _initialize(self):
        pass
