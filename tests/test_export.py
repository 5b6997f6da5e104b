"""Saving results: the right format per result, refused names said plainly, and no half-written files."""

from __future__ import annotations

import tempfile

import numpy as np
import pytest
import soundfile as sf
from PIL import Image

from playground.core.errors import InputError
from playground.core.export import check_target, save_result
from playground.core.results import (
    Cutout,
    Detection,
    Detections,
    Label,
    Labels,
    Phrase,
    SpeechSegments,
    TextLine,
    TextLines,
    Transcript,
    Upscaled,
)


def cutout() -> Cutout:
    alpha = np.zeros((4, 6), np.float32)
    alpha[:, 3:] = 1.0
    return Cutout(np.full((4, 6, 3), 200, np.uint8), alpha)


def test_a_cut_out_keeps_its_transparency(tmp_path):
    saved = save_result(cutout(), tmp_path / "cut.PNG")
    pixels = np.asarray(Image.open(saved))
    assert pixels.shape == (4, 6, 4) and pixels[0, :3, 3].tolist() == [0, 0, 0] and pixels[0, 3:, 3].tolist() == [255] * 3
    assert [p.name for p in tmp_path.iterdir()] == ["cut.PNG"]


def test_faces_are_saved_with_their_boxes_drawn(tmp_path):
    image = np.zeros((60, 80, 3), np.uint8)
    result = Detections(image, (Detection((10.0, 10.0, 40.0, 50.0), 0.9, ((20.0, 20.0),)),), "face")
    pixels = np.asarray(Image.open(save_result(result, tmp_path / "faces.webp")).convert("RGB"))
    assert pixels.shape == (60, 80, 3) and pixels.any() and not pixels[0, 0].any()


def test_speech_is_saved_without_the_silences(tmp_path):
    samples = np.concatenate([np.zeros(8000), np.full(8000, 0.25), np.zeros(8000)]).astype(np.float32)
    result = SpeechSegments(samples, 16000, np.zeros(3, np.float32), 0.032, ((0.5, 1.0),))
    data, rate = sf.read(save_result(result, tmp_path / "speech.flac"))
    assert rate == 16000 and len(data) == 8000 and np.allclose(data, 0.25, atol=1e-4)


@pytest.mark.parametrize("result_type, name, words", [
    (Labels, "labels.png", "is not a picture or a sound, so there is nothing to save"),
    (Cutout, "cut.jpg", "Save this image as one of .png, .webp, .tif, .tiff, not '.jpg'"),
    (SpeechSegments, "speech.png", "Save this audio as one of .wav, .flac, .ogg, not '.png'"),
    (Cutout, "", "is a folder: give the file to save, such as "),
])
def test_names_a_result_cannot_be_saved_as_are_refused_before_any_work(tmp_path, result_type, name, words):
    with pytest.raises(InputError, match=words.replace(".", r"\.").replace("(", r"\(")):
        check_target(result_type, tmp_path / name if name else tmp_path)


def test_a_folder_that_refuses_the_file_is_one_sentence_and_leaves_nothing(tmp_path, monkeypatch):
    with pytest.raises(InputError, match=r"^The folder .* does not exist: create it"):
        save_result(cutout(), tmp_path / "absent" / "cut.png")

    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(InputError, match=r"^Could not save to .*cut\.png: Permission denied\.$"):
        save_result(cutout(), tmp_path / "cut.png")
    assert list(tmp_path.iterdir()) == []


def test_labels_are_not_savable(tmp_path):
    with pytest.raises(InputError):
        save_result(Labels((Label("txt", 1.0),)), tmp_path / "x.png")


def test_an_enlarged_picture_is_saved_at_its_new_size_with_normal_file_permissions(tmp_path):
    import os

    small = np.zeros((3, 5, 3), np.uint8)
    big = np.full((12, 20, 3), 90, np.uint8)
    saved = save_result(Upscaled(small, big, 4), tmp_path / "big.png")
    assert Image.open(saved).size == (20, 12)
    mask = os.umask(0)
    os.umask(mask)
    assert saved.stat().st_mode & 0o777 == 0o666 & ~mask  # not the private mode of a temporary file


def test_text_read_on_a_picture_saves_as_text_or_as_the_picture_with_its_boxes(tmp_path):
    lines = TextLines(np.full((40, 80, 3), 255, np.uint8),
                      (TextLine(((5, 5), (70, 5), (70, 20), (5, 20)), "Hello", 0.9),
                       TextLine(((5, 25), (60, 25), (60, 35), (5, 35)), "world", 0.8)))
    assert save_result(lines, tmp_path / "read.txt").read_text(encoding="utf-8") == "Hello\nworld\n"
    boxes = np.asarray(Image.open(save_result(lines, tmp_path / "read.png")).convert("RGB")).astype(int)
    assert (np.abs(boxes[5, 40] - (255, 176, 0)) < 20).all()  # the first box's top edge
    with pytest.raises(InputError, match=r"one of \.png, \.webp, \.tif, \.tiff, \.txt, not '\.jpg'"):
        check_target(TextLines, tmp_path / "read.jpg")


def test_what_was_said_saves_as_text_or_as_subtitles_with_times(tmp_path):
    said = Transcript(np.zeros(16000 * 70, np.float32), 16000,
                      (Phrase(1.24, 2.73, "Hey Jarvis."), Phrase(61.5, 63.0, ""), Phrase(64.005, 66.5, "Alexa.")))
    assert save_result(said, tmp_path / "said.txt").read_text(encoding="utf-8") == "Hey Jarvis. Alexa.\n"
    assert save_result(said, tmp_path / "said.srt").read_text(encoding="utf-8") == (
        "1\n00:00:01,240 --> 00:00:02,730\nHey Jarvis.\n\n2\n00:01:04,005 --> 00:01:06,500\nAlexa.\n\n")
    with pytest.raises(InputError, match=r"one of \.txt, \.srt, not '\.wav'"):
        check_target(Transcript, tmp_path / "said.wav")
