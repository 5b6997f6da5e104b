"""Media decoding: known pixels and samples out of real files, and one plain sentence for every bad input."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import soundfile as sf
from PIL import Image, ImageFile

from playground.core import media
from playground.core.card import parse_card
from playground.core.errors import InputError
from playground.core.media import AudioData, ImageData, TextData, decode, describe_source

REPO = Path(__file__).resolve().parents[1]
CARD_16K = SimpleNamespace(preprocess={"sample_rate": 16000})


# ---------------------------------------------------------------------------------------------- helpers

def png_bytes(image: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **options)
    return out.getvalue()


def noise_image(width: int = 120, height: int = 80) -> Image.Image:
    return Image.fromarray(np.random.default_rng(7).integers(0, 256, (height, width, 3), dtype=np.uint8))


def tone(freq: float, rate: int, seconds: float, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def peak_hz(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[np.argmax(spectrum)])


def refused(kind: str, source, card=None) -> str:
    """The sentence for a bad input; afterwards a good input of the same kind still decodes."""
    with pytest.raises(InputError) as caught:
        decode(kind, source, card)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    if kind == "image":
        assert decode("image", png_bytes(Image.new("RGB", (4, 3), (9, 8, 7)))).pixels[0, 0].tolist() == [9, 8, 7]
    elif kind == "audio":
        assert decode("audio", wav_bytes(np.full(100, 0.25, np.float32), 8000)).samples[50] == 0.25
    else:
        assert decode("text", "still works").text == "still works"
    return message


def wav_bytes(samples: np.ndarray, rate: int, subtype: str = "FLOAT", fmt: str = "WAV") -> bytes:
    out = io.BytesIO()
    sf.write(out, samples, rate, subtype=subtype, format=fmt)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- files

@pytest.mark.parametrize("kind, name", [("image", "photo.png"), ("audio", "talk.wav"), ("text", "notes.txt")])
def test_zero_byte_file_is_called_empty(tmp_path, kind, name):
    path = tmp_path / name
    path.write_bytes(b"")
    message = refused(kind, path)
    assert message.startswith(f"{name} is empty (0 bytes)")


def test_missing_file_and_folder_and_device_each_get_a_sentence(tmp_path):
    assert "was not found" in refused("image", tmp_path / "gone.png")
    assert "is a folder, not a file" in refused("audio", tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening a pipe for reading would wait forever
    assert "is not an ordinary file" in refused("text", fifo)
    assert "is not an ordinary file" in refused("audio", Path("/dev/zero"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_says_permission_denied(tmp_path):
    path = tmp_path / "secret.png"
    path.write_bytes(png_bytes(noise_image()))
    path.chmod(0)
    assert refused("image", path) == ("secret.png cannot be read (permission denied): copy it somewhere you "
                                      "can open and choose it again.")


def test_nothing_and_the_wrong_kind_of_input_are_explained():
    assert "nothing to look at" in refused("image", None)
    assert "needs a picture, but text was given" in refused("image", "cat.png")
    picture = ImageData(np.zeros((2, 2, 3), np.uint8))
    assert "needs a sound recording, but a picture was given" in refused("audio", picture)
    with pytest.raises(ValueError):
        decode("video", b"x")


def test_describe_source_names_inputs_shortly_and_safely():
    assert describe_source(Path("/home/a/holiday.jpg")) == "holiday.jpg"
    assert describe_source(Path("bad\nname.png")) == "bad?name.png"
    long = describe_source(Path("x" * 200 + ".png"))
    assert len(long) <= 60 and long.endswith(".png") and "…" in long
    assert describe_source(np.zeros((2, 2, 3), np.uint8)) == "pasted image"
    assert describe_source("hello") == "pasted text"
    assert describe_source(b"\x00", "audio") == "pasted recording"
    assert set(media.SUPPORTED) == {"image", "audio", "text"}
    assert ".png" in media.SUPPORTED["image"] and ".flac" in media.SUPPORTED["audio"]


# ---------------------------------------------------------------------------------------------- images

def test_png_file_decodes_to_its_exact_pixels_read_only(tmp_path):
    image = noise_image()
    path = tmp_path / "noise.png"
    image.save(path)
    data = decode("image", path)
    assert data.label == "noise.png" and data.notes == ()
    assert data.pixels.dtype == np.uint8 and data.pixels.shape == (80, 120, 3)
    assert np.array_equal(data.pixels, np.asarray(image))
    with pytest.raises(ValueError):
        data.pixels[0, 0, 0] = 1  # tasks must not change what the screen shows


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_image_is_called_damaged(tmp_path, fmt):
    out = io.BytesIO()
    noise_image(300, 200).save(out, fmt)
    path = tmp_path / f"cut.{fmt.lower()}"
    path.write_bytes(out.getvalue()[: len(out.getvalue()) // 2])
    message = refused("image", path)
    assert message.startswith(f"cut.{fmt.lower()} is damaged or incomplete")
    assert "PNG image" not in message
    # A few header bytes only: still "damaged", not "not an image".
    assert "damaged or incomplete" in refused("image", out.getvalue()[:30])
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_text_file_named_png_is_not_an_image(tmp_path):
    path = tmp_path / "photo.png"
    path.write_text("Dear diary, today I took a photo.\n")
    assert refused("image", path) == ("photo.png is not a picture the playground can open (it looks like text): "
                                      "choose a PNG, JPEG, WebP, BMP or GIF file.")


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares a size and has no pixel data: decoding it would fail, measuring it must not."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) \
        + chunk(b"IEND", b"")


def test_giant_png_header_is_refused_before_decoding(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header(30000, 30000))
    message = refused("image", path)
    assert message.startswith("bomb.png is 900 megapixels;") and "up to 50 megapixels" in message
    # Between our limit and Pillow's own: our header check names both sides; "damaged" would mean it decoded.
    message = refused("image", png_header(10000, 6000))
    assert message == ("The pasted image is 10,000 × 6,000 pixels (60 megapixels); the playground opens images "
                       "up to 50 megapixels: scale it down and try again.")


def test_exif_orientation_6_turns_the_photo_upright(tmp_path):
    stored = np.zeros((20, 40, 3), np.uint8)
    stored[:, :20] = (255, 0, 0)  # left half red, right half blue, as the sensor stored it
    stored[:, 20:] = (0, 0, 255)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    path = tmp_path / "phone.jpg"
    Image.fromarray(stored).save(path, exif=exif, quality=95)
    data = decode("image", path)
    assert data.pixels.shape == (40, 20, 3)
    assert data.pixels[5, 10, 0] > 200 and data.pixels[5, 10, 2] < 60  # the left half is now on top
    assert data.pixels[35, 10, 2] > 200 and data.pixels[35, 10, 0] < 60
    assert any("upright" in note for note in data.notes)


def test_rgba_is_composited_on_white():
    rgba = np.array([[[255, 0, 0, 0], [0, 0, 255, 255], [0, 0, 0, 128]]], np.uint8)
    data = decode("image", png_bytes(Image.fromarray(rgba, "RGBA")))
    assert data.pixels.tolist() == [[[255, 255, 255], [0, 0, 255], [127, 127, 127]]]
    assert "transparent areas are shown on white" in data.notes


def test_opaque_rgba_gets_no_transparency_note():
    data = decode("image", png_bytes(Image.new("RGBA", (3, 3), (10, 20, 30, 255))))
    assert data.pixels[1, 1].tolist() == [10, 20, 30] and data.notes == ()


def test_greyscale_with_alpha_and_palette_with_transparency():
    la = Image.fromarray(np.array([[[0, 0], [100, 255]]], np.uint8), "LA")
    assert decode("image", png_bytes(la)).pixels.tolist() == [[[255, 255, 255], [100, 100, 100]]]
    palette = Image.new("P", (2, 1))
    palette.putpalette([0, 255, 0, 200, 10, 10] + [0] * 762)
    palette.putdata([0, 1])
    data = decode("image", png_bytes(palette, transparency=0))
    assert data.pixels.tolist() == [[[255, 255, 255], [200, 10, 10]]]


def test_cmyk_becomes_rgb_with_a_note(tmp_path):
    path = tmp_path / "print.tif"
    Image.fromarray(np.array([[[0, 0, 0, 0], [255, 0, 0, 0], [0, 0, 0, 255]]], np.uint8), "CMYK").save(path)
    data = decode("image", path)
    assert data.pixels.tolist() == [[[255, 255, 255], [0, 255, 255], [0, 0, 0]]]
    assert any("CMYK" in note for note in data.notes)


def test_lab_colours_are_converted_not_copied_into_rgb(tmp_path):
    path = tmp_path / "lab.tif"
    Image.new("LAB", (2, 2), (128, 128, 128)).save(path)  # mid lightness, no colour: a mid grey
    r, g, b = decode("image", path).pixels[0, 0].tolist()
    assert 100 < r < 140 and abs(r - g) <= 2 and abs(r - b) <= 2


def test_16_bit_grey_is_scaled_not_clipped():
    deep = Image.fromarray(np.array([[0, 257, 32896, 65535]], np.uint16))
    assert deep.mode == "I;16"
    data = decode("image", png_bytes(deep))
    assert data.pixels[..., 0].tolist() == [[0, 1, 128, 255]]
    assert np.array_equal(data.pixels[..., 0], data.pixels[..., 2])
    assert "16-bit image reduced to 8 bits" in data.notes


def test_one_bit_and_grey_images_become_rgb():
    bits = Image.fromarray(np.array([[True, False]])).convert("1")
    assert decode("image", png_bytes(bits)).pixels.tolist() == [[[255, 255, 255], [0, 0, 0]]]
    grey = Image.fromarray(np.array([[3, 200]], np.uint8), "L")
    assert decode("image", png_bytes(grey)).pixels.tolist() == [[[3, 3, 3], [200, 200, 200]]]


def test_animated_gif_uses_the_first_frame(tmp_path):
    frames = [Image.new("RGB", (8, 8), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    path = tmp_path / "blink.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    data = decode("image", path)
    assert data.pixels[4, 4].tolist() == [255, 0, 0]
    assert "animated image: the first frame is used" in data.notes


def test_pasted_pixels_are_used_without_a_copy_and_rgba_is_flattened():
    rgb = np.zeros((4, 5, 3), np.uint8)
    data = decode("image", rgb)
    assert data.label == "pasted image" and np.shares_memory(data.pixels, rgb)
    rgba = np.zeros((2, 2, 4), np.uint8)
    assert decode("image", rgba).pixels[0, 0].tolist() == [255, 255, 255]
    assert "pixel format the playground cannot use (float32" in refused("image", np.zeros((4, 4, 3), np.float32))
    assert "has no pixels" in refused("image", np.zeros((0, 4, 3), np.uint8))


def test_decoded_data_is_returned_as_it_is():
    image = ImageData(np.zeros((2, 2, 3), np.uint8), "x")
    text = TextData("hi", "pasted text")
    assert decode("image", image) is image and decode("text", text) is text


# ---------------------------------------------------------------------------------------------- audio

def test_stereo_44k_becomes_mono_16k_with_the_tone_kept(tmp_path):
    left = tone(440, 44100, 1.0, 0.5)
    path = tmp_path / "stereo.wav"
    sf.write(path, np.stack([left, np.zeros_like(left)], axis=1), 44100, subtype="PCM_16")
    data = decode("audio", path, CARD_16K)
    assert data.sample_rate == 16000 and data.original_rate == 44100 and data.channels == 2
    assert data.samples.dtype == np.float32 and data.samples.ndim == 1 and len(data.samples) == 16000
    assert abs(peak_hz(data.samples, 16000) - 440) <= 1.0
    assert np.abs(data.samples[1000:-1000]).max() == pytest.approx(0.25, abs=0.01)  # averaged with silence
    assert "stereo recording mixed down to mono" in data.notes
    assert "resampled from 44.1 kHz to 16 kHz" in data.notes


def test_without_a_card_the_rate_is_kept_and_the_real_card_gives_16k(tmp_path):
    samples = tone(300, 22050, 0.5)
    assert decode("audio", wav_bytes(samples, 22050)).sample_rate == 22050
    card = parse_card(REPO / "models" / "silero-vad" / "model.toml")
    assert decode("audio", wav_bytes(samples, 22050), card).sample_rate == card.preprocess["sample_rate"]


def test_integer_samples_become_floats_in_range():
    pcm = np.array([-32768, 0, 16384, 32767], np.int16)
    data = decode("audio", wav_bytes(pcm, 8000, "PCM_16"))
    assert data.samples.tolist() == pytest.approx([-1.0, 0.0, 0.5, 32767 / 32768])


@pytest.mark.parametrize("fmt, subtype, tolerance", [("FLAC", "PCM_16", 1e-4), ("OGG", "VORBIS", 0.05),
                                                    ("MP3", "MPEG_LAYER_III", None)])
def test_compressed_formats_round_trip(tmp_path, fmt, subtype, tolerance):
    samples = tone(440, 16000, 1.0)
    path = tmp_path / f"tone.{fmt.lower()}"
    sf.write(path, samples, 16000, format=fmt, subtype=subtype)
    data = decode("audio", path, CARD_16K)
    assert data.sample_rate == 16000 and data.label == path.name
    assert abs(peak_hz(data.samples, 16000) - 440) <= 1.0
    if tolerance is not None:  # MP3 adds encoder delay, so only its pitch is compared
        assert len(data.samples) == len(samples)
        assert np.abs(data.samples - samples).max() < tolerance


def test_silence_is_a_result_not_an_error():
    data = decode("audio", wav_bytes(np.zeros(800, np.float32), 8000))
    assert len(data.samples) == 800 and not data.samples.any()


def test_text_named_wav_and_jpeg_named_wav_are_not_audio(tmp_path):
    path = tmp_path / "song.wav"
    path.write_text("la la la, this is the chorus\n" * 20)
    assert refused("audio", path) == ("song.wav is not a sound recording the playground can open (it looks like "
                                      "text): choose a WAV, FLAC, OGG or MP3 file.")
    out = io.BytesIO()
    noise_image().save(out, "JPEG")
    path.write_bytes(out.getvalue())
    assert "(it looks like a JPEG image)" in refused("audio", path)


def test_cut_mp3_is_damaged_not_unknown():
    out = io.BytesIO()
    sf.write(out, tone(440, 16000, 1.0), 16000, format="MP3")
    assert "The pasted recording is damaged or incomplete" in refused("audio", out.getvalue()[:400])


def test_zero_sample_wav_has_no_sound(tmp_path):
    path = tmp_path / "blank.wav"
    sf.write(path, np.zeros(0, np.float32), 16000)
    assert refused("audio", path) == "blank.wav has no sound in it (0 samples): choose a recording that has sound."


def test_recording_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "lecture.wav"
    rate = 1000  # a tiny rate keeps a 15-minute file under a megabyte
    sf.write(path, np.zeros(rate * (media.MAX_AUDIO_SECONDS + 1), np.float32), rate, subtype="PCM_U8")
    assert refused("audio", path) == ("lecture.wav is 15 min 1 s long; the playground takes recordings up to "
                                      "15 min: trim it or choose a shorter one.")
    sf.write(path, np.zeros(rate * media.MAX_AUDIO_SECONDS, np.float32), rate, subtype="PCM_U8")
    assert len(decode("audio", path).samples) == rate * media.MAX_AUDIO_SECONDS


def test_truncated_wav_keeps_what_is_there():
    full = wav_bytes(tone(440, 8000, 1.0), 8000, "PCM_16")
    data = decode("audio", full[: 44 + 2 * 4000])
    assert len(data.samples) == 4000


def test_overloud_and_broken_float_samples_are_clipped_and_silenced():
    data = decode("audio", wav_bytes(np.array([0.5, 3.0, -2.0, np.nan], np.float32), 8000))
    assert data.samples.tolist() == [0.5, 1.0, -1.0, 0.0]
    assert len(data.notes) == 2


def test_microphone_audio_at_another_rate_is_resampled_for_the_card():
    mic = AudioData(tone(440, 48000, 0.5), 48000, "microphone")
    assert decode("audio", mic) is mic
    data = decode("audio", mic, CARD_16K)
    assert data.sample_rate == 16000 and len(data.samples) == 8000 and data.original_rate == 48000
    assert abs(peak_hz(data.samples, 16000) - 440) <= 2.0


# ---------------------------------------------------------------------------------------------- text

def test_one_megabyte_of_text_is_cut_at_a_character_boundary(tmp_path):
    text = "€" * (1024 * 1024 // 3 + 1)  # three bytes each: the byte limit falls inside a character
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    for source in (path, text, text.encode("utf-8")):
        data = decode("text", source)
        assert data.truncated and set(data.text) == {"€"}
        assert len(data.text) == media.MAX_TEXT_BYTES // 3
        assert data.notes == ("the text is 1.0 MB; only the first 256 KB were kept",)


def test_text_at_the_limit_is_not_truncated():
    data = decode("text", b"a" * media.MAX_TEXT_BYTES)
    assert not data.truncated and len(data.text) == media.MAX_TEXT_BYTES


def test_nul_and_emoji_are_kept(tmp_path):
    text = "a\x00b 🙂 café 👩‍👩‍👧"
    path = tmp_path / "odd.txt"
    path.write_bytes(text.encode("utf-8"))
    assert decode("text", path).text == text
    assert decode("text", text).text == text


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("café au lait".encode("latin-1"))
    assert refused("text", path) == ("latin1.txt is not UTF-8 text (the byte at offset 3 is not valid UTF-8): "
                                     "save it as UTF-8 and try again.")
    path.write_bytes(b"\xef\xbb\xbfab\xff")  # offsets count the byte-order mark too
    assert "offset 5" in refused("text", path)
    path.write_bytes("hello".encode("utf-16"))
    assert refused("text", path) == "latin1.txt is UTF-16 text, not UTF-8: save it as UTF-8 and try again."
    path.write_bytes(png_bytes(noise_image()))
    assert "is not text (it looks like a PNG image)" in refused("text", path)


def test_byte_order_mark_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfhello")
    data = decode("text", path)
    assert data.text == "hello" and data.label == "bom.txt"


@pytest.mark.parametrize("source", ["", "   \n\t ", b" \r\n", "\ufeff"])
def test_empty_or_blank_text_asks_for_some(source):
    assert refused("text", source) == "There is no text to look at: type or paste some text."


def test_blank_text_file_is_named(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n\n   \n")
    assert refused("text", path).startswith("blank.txt has no text in it")


def test_lone_surrogate_is_replaced_with_a_note():
    data = decode("text", "ab\ud800c")
    assert data.text == "ab?c" and len(data.notes) == 1
