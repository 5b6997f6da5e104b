"""Saving results as files (cut-outs, annotated faces and text boxes, enlarged pictures, speech, text, subtitles), Qt-free."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.disk_log import disk_log
from playground.core.errors import InputError
from playground.core.results import Cutout, Denoised, Detections, SpeechSegments, TextLines, Transcript, Upscaled
from playground.core.words import QT_TRANSLATE_NOOP, translate

IMAGE_SUFFIXES = (".png", ".webp", ".tif", ".tiff")  # formats that keep the cut-out's transparency
AUDIO_SUFFIXES = (".wav", ".flac", ".ogg")
TEXT_SUFFIXES = (".txt",)
SUBTITLE_SUFFIXES = (".txt", ".srt")  # what was said as plain text, or with its times as subtitles
PROC_STATUS = "/proc/self/status"  # its "Umask:" line (Linux 4.7 and later)
DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)  # no room left, over a quota, or past the largest file allowed
# What to save a result of each kind as (savable's words, compared in code, are the keys): one whole sentence each.
SAVE_AS = {"image": QT_TRANSLATE_NOOP("Export", "Save this image as one of {suffixes}, not '{given}'."),
           "audio": QT_TRANSLATE_NOOP("Export", "Save this audio as one of {suffixes}, not '{given}'."),
           "image or text": QT_TRANSLATE_NOOP("Export", "Save this image or text as one of {suffixes}, not '{given}'."),
           "text": QT_TRANSLATE_NOOP("Export", "Save this text as one of {suffixes}, not '{given}'.")}


def savable(result: Any) -> str:
    """'image', 'audio', 'image or text' or '' for results (or result types) that are none of these."""
    kind = result if isinstance(result, type) else type(result)
    if issubclass(kind, TextLines):
        return "image or text"  # the picture with its boxes, or the lines read
    if issubclass(kind, (Cutout, Detections, Upscaled)):
        return "image"
    if issubclass(kind, (SpeechSegments, Denoised)):
        return "audio"
    if issubclass(kind, Transcript):
        return "text"
    return ""


def _suffixes(kind: str) -> tuple[str, ...]:
    return {"image": IMAGE_SUFFIXES, "audio": AUDIO_SUFFIXES, "image or text": IMAGE_SUFFIXES + TEXT_SUFFIXES,
            "text": SUBTITLE_SUFFIXES}[kind]


def check_target(result_type: type, path: Path) -> None:
    """Refuse a file name the result cannot be saved as, before any work is done."""
    kind = savable(result_type)
    if not kind:  # the command line's (--save); the window offers Save only for results it can save
        raise InputError(f"This model's result ({result_type.__name__.lower()}) is not a picture or a sound, so "
                         "there is nothing to save as a file: use --json to keep it.")
    allowed = _suffixes(kind)
    if path.is_dir():
        raise InputError(translate("Export", "{path} is a folder: give the file to save, such as {example}.").format(
            path=path, example=path / ("result" + allowed[0])))
    if path.suffix.lower() not in allowed:
        raise InputError(translate("Export", SAVE_AS[kind]).format(suffixes=", ".join(allowed),
                                                                   given=path.suffix or path.name))


def annotate_lines(result: TextLines) -> np.ndarray:
    """The input image with each text box drawn and numbered in reading order (for saving)."""
    from PIL import Image, ImageDraw

    img = Image.fromarray(result.image)
    draw = ImageDraw.Draw(img)
    width = max(2, round(max(img.size) / 400))
    for number, line in enumerate(result.lines, start=1):
        corners = [(float(x), float(y)) for x, y in line.quad]
        draw.polygon(corners, outline=(255, 176, 0), width=width)
        draw.text((corners[0][0], corners[0][1] - 10 - width), str(number), fill=(255, 176, 0))
    return np.asarray(img)


def annotate(result: Detections) -> np.ndarray:
    """The input image with each box, its score and its landmarks drawn (for saving)."""
    from PIL import Image, ImageDraw

    img = Image.fromarray(result.image)
    draw = ImageDraw.Draw(img)
    width = max(2, round(max(img.size) / 300))
    for det in result.items:
        draw.rectangle(det.box, outline=(255, 200, 0), width=width)
        draw.text((det.box[0] + width, det.box[1] + width), f"{det.score:.2f}", fill=(255, 200, 0))
        r = width * 1.5
        for x, y in det.landmarks:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(0, 200, 255))
    return np.asarray(img)


def save_result(result: Any, path: Path) -> Path:
    """Write the result to `path` whole or not at all; the suffix chooses the format.

    It is written to a hidden file beside the target, which takes the target's name only when complete: a
    failure at any step (a full disk, a refused rename) leaves the old file as it was and no temporary file."""
    check_target(type(result), path)
    if not path.parent.is_dir():
        raise InputError(translate("Export", "The folder {folder} does not exist: create it or choose another place "
                                             "to save.").format(folder=path.parent))
    try:  # written beside the target and renamed, so a failed save never leaves half a file
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".saving-", suffix=path.suffix.lower())
    except OSError as exc:
        raise InputError(_could_not_save(path, exc)) from exc
    os.close(fd)
    try:
        _write(result, Path(tmp))
        _to_disk(tmp)  # on the disk before it takes the name: a power cut then leaves the old file or the new one
        # mkstemp makes a private file; a saved result should have the permissions any new file gets here.
        os.chmod(tmp, _new_file_mode(tmp))
        os.replace(tmp, path)
        disk_log().record(path)
    except OSError as exc:
        if exc.errno in DISK_FULL:
            raise InputError(translate("Export", "Could not save to {path}: the disk is full; free some space or "
                                                 "choose another folder.").format(path=path)) from exc
        raise InputError(_could_not_save(path, exc)) from exc
    except RuntimeError as exc:  # soundfile says only "System error." when the disk fills up under it
        raise InputError(translate("Export", "Could not save to {path}: the sound could not be written ({reason}); "
                                             "check the disk has space, or choose another folder.").format(
            path=path, reason=exc)) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _could_not_save(path: Path, exc: OSError) -> str:
    return translate("Export", "Could not save to {path}: {reason}.").format(path=path, reason=exc.strerror or exc)


def _to_disk(name: str) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _new_file_mode(beside: str) -> int:
    """The permissions a new file gets here: 0o666 less the umask, read from the system where it says (Linux);
    elsewhere those of a file made to see. Never os.umask, which reads the umask only by setting it, for every
    thread at once."""
    try:
        with open(PROC_STATUS, encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    probe = beside + ".mode"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        return os.fstat(fd).st_mode & 0o777
    finally:
        os.close(fd)
        os.unlink(probe)


def _write(result: Any, tmp: Path) -> None:
    if isinstance(result, Denoised):
        import soundfile as sf

        # 16-bit, which every player reads; cleaning a clipped recording can overshoot full scale a little.
        subtype = "PCM_16" if tmp.suffix in (".wav", ".flac") else None
        sf.write(tmp, np.clip(result.cleaned, -1.0, 1.0), result.sample_rate, subtype=subtype)
        return
    if isinstance(result, SpeechSegments):
        import soundfile as sf

        sf.write(tmp, result.speech_only(), result.sample_rate)
        return
    if isinstance(result, Transcript):
        tmp.write_text(result.subtitles() if tmp.suffix == ".srt" else result.text + "\n", encoding="utf-8")
        return
    if isinstance(result, TextLines) and tmp.suffix in TEXT_SUFFIXES:
        tmp.write_text(result.text + "\n", encoding="utf-8")
        return
    from PIL import Image

    if isinstance(result, Cutout):
        pixels = result.rgba()
    elif isinstance(result, Upscaled):
        pixels = result.result
    elif isinstance(result, TextLines):
        pixels = annotate_lines(result)
    else:
        pixels = annotate(result)
    Image.fromarray(pixels).save(tmp)
