"""Typed settings survive a restart and shrug off a damaged file; pasted and dropped data become inputs."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QByteArray, QMimeData, QUrl
from PySide6.QtGui import QColor, QImage

from playground import paths
from playground.core.session import DEFAULT_OPT_LEVEL, DEFAULT_THREADS
from playground.ui.drops import nothing_usable, offer_from_mime
from playground.ui.settings import Settings


def test_values_persist_across_instances(tmp_path, qapp):
    path = tmp_path / "kiosk.ini"
    first = Settings(path)
    first.last_model, first.threads, first.opt_level = "u2netp", 2, "basic"
    first.geometry = QByteArray(b"\x01\x02geometry")
    first.set_splitter("main", QByteArray(b"sizes"))
    first.sync()
    again = Settings(path)
    assert (again.last_model, again.threads, again.opt_level) == ("u2netp", 2, "basic")
    assert bytes(again.geometry) == b"\x01\x02geometry" and bytes(again.splitter("main")) == b"sizes"
    assert "last=u2netp" in path.read_text(encoding="utf-8")


def test_a_fresh_file_gives_the_defaults(tmp_path, qapp):
    fresh = Settings(tmp_path / "new.ini")
    assert (fresh.last_model, fresh.threads, fresh.opt_level) == ("", DEFAULT_THREADS, DEFAULT_OPT_LEVEL)
    assert fresh.geometry.isEmpty() and fresh.splitter("main").isEmpty()


def test_a_hand_edited_file_with_nonsense_falls_back_to_defaults(tmp_path, qapp):
    path = tmp_path / "edited.ini"
    path.write_text("[runtime]\nthreads=lots\nopt_level=turbo\n[window]\ngeometry=hello\n", encoding="utf-8")
    edited = Settings(path)
    assert edited.threads == DEFAULT_THREADS and edited.opt_level == DEFAULT_OPT_LEVEL
    assert edited.geometry.isEmpty()
    path.write_text("[runtime]\nthreads=-3\n", encoding="utf-8")
    assert Settings(path).threads == DEFAULT_THREADS


def test_the_environment_points_at_the_settings_file(private_settings, qapp):
    assert Settings().path == str(private_settings)


def test_a_copied_file_becomes_a_path_input(qapp):
    mime = QMimeData()
    sample = paths.samples_dir() / "chelsea.png"
    mime.setUrls([QUrl.fromLocalFile(str(sample))])
    mime.setText(str(sample))
    offer = offer_from_mime(mime, "drop")
    assert offer.source == sample and offer.label == "chelsea.png"


def test_a_copied_picture_becomes_pixels(qapp):
    image = QImage(6, 4, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 10))
    mime = QMimeData()
    mime.setImageData(image)
    offer = offer_from_mime(mime, "paste")
    assert offer.label == "pasted image" and offer.source.shape == (4, 6, 4)
    assert np.all(offer.source[..., :3] == (200, 30, 10))


def test_copied_text_stays_text_unless_it_names_a_file(qapp, tmp_path):
    mime = QMimeData()
    mime.setText("SELECT name FROM books;")
    assert offer_from_mime(mime, "paste").source == "SELECT name FROM books;"
    existing = tmp_path / "notes.txt"
    existing.write_text("hello", encoding="utf-8")
    mime.setText(f"{existing}\n")
    assert offer_from_mime(mime, "paste").source == existing
    too_long = "/" + "a" * 300 + "/not a file name at all"  # the system refuses such a name outright
    mime.setText(too_long)
    assert offer_from_mime(mime, "paste").source == too_long


def test_an_empty_clipboard_offers_nothing_and_says_what_to_copy(qapp):
    assert offer_from_mime(QMimeData(), "paste") is None and offer_from_mime(None, "paste") is None
    assert nothing_usable("paste").startswith("The clipboard holds nothing")
    assert nothing_usable("drop").startswith("That cannot be used as an input")
