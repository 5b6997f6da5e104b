"""A model of the person's own in the window: dropped or opened, it is kept in the worker, listed under "Your models",
run on inputs made from its signature with its knobs, shown as plain text, refused with one sentence when it cannot
run, removed whole; and never on a kiosk."""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QPushButton

from playground import paths
from playground.core.catalog import Catalog
from playground.lab import lesson_facts
from playground.ui.drops import offer_from_mime
from playground.ui.lessons.latency_page import LatencyPage
from playground.ui.lessons.model_page import ModelPage
from playground.ui.panels.card_view import card_markdown
from playground.ui.views.tensors import TensorsView
from tests.test_anymodel import _pointing_at, classifier, save
from tests.test_own_models import LABELS, _halver, scorer


def _wait(done, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert done(), "the window did not answer in time"


def _scorer_shown(make_window, tmp_path):
    """A window with the scorer opened, kept and run once on its made inputs: (controller, window, results)."""
    controller, window = make_window(Catalog(tmp_path / "none", ()))
    results = []
    controller.result_ready.connect(results.append)
    window.input_panel.open_path(save(scorer(), tmp_path / "scorer.onnx"))
    _wait(lambda: results)
    return controller, window, results


def _dropped(path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return offer_from_mime(mime, "drop")


def test_a_dropped_model_is_kept_listed_and_run_on_made_inputs(make_window, tmp_path):
    controller, window = make_window(Catalog(tmp_path / "none", ()))
    results = []
    controller.result_ready.connect(results.append)
    name = "<b>bold<b> [x](file:secret).onnx"
    window.input_panel.accept_offer(_dropped(save(scorer(), tmp_path / name)), "drop")
    _wait(lambda: results)
    card = controller.card
    assert card is not None and card.source.own and card.task == "tensors"
    assert window.picker.listed() == [card.id]
    assert not window.input_panel.open_button.isEnabled()  # its inputs come from its knobs, not a file
    view = window.result_area.current_view
    assert isinstance(view, TensorsView)
    assert view.headline.text() == "1 output from made inputs: normal, seed 0; N = 1"
    assert view.text.toPlainText().startswith("probs: float32, 1 × 10\n  from ")
    assert view.bars_title.text() == "The best of probs:" and view.bars.count() == 15  # five rows of three
    # Its knobs run it again: two pictures, so ten scores each, are not one vector of scores.
    results.clear()
    controller.set_param("size_1", 2)
    controller.run()
    _wait(lambda: results)
    assert "probs: float32, 2 × 10" in view.text.toPlainText() and view.bars.count() == 0
    # The name a person's file came with is shown as text, never as a link or markup.
    page = QTextDocument()
    page.setMarkdown(card_markdown(card, True))
    assert page.toPlainText().startswith("<b>bold<b> [x](file:secret)\n") and "href" not in page.toHtml()


def test_a_model_that_takes_a_picture_runs_on_the_persons_photo(make_window, tmp_path):
    controller, window = make_window(Catalog(tmp_path / "none", ()))
    results = []
    controller.result_ready.connect(results.append)
    window.input_panel.open_path(save(classifier(), tmp_path / "tiny.onnx"))
    _wait(lambda: controller.card is not None)
    assert controller.card.modality == "image" and window.input_panel.open_button.isEnabled()
    (controller.card.folder / "labels.txt").write_text("\n".join(LABELS), encoding="utf-8")
    window.input_panel.open_path(paths.samples_dir() / "coffee.png")
    _wait(lambda: results)
    view = window.result_area.current_view
    assert isinstance(view, TensorsView)
    assert view.headline.text() == "1 output from your picture: 8 × 8, crop, 0-1, imagenet, RGB, NCHW"
    names = [view.bars.itemAtPosition(row, 0).widget().text() for row in range(5)]
    assert all(name.split(" [")[0] in LABELS for name in names)


def test_the_persons_photo_waits_while_a_model_that_makes_its_inputs_is_shown(make_window, tmp_path):
    controller, window = make_window(Catalog(tmp_path / "none", ()))
    window.input_panel.open_path(save(classifier(), tmp_path / "tiny.onnx"))
    _wait(lambda: controller.card is not None)
    picture_model = controller.card.id
    window.input_panel.open_path(paths.samples_dir() / "coffee.png")
    window.input_panel.open_path(save(scorer(), tmp_path / "scorer.onnx"))
    _wait(lambda: controller.card is not None and controller.card.id != picture_model)
    assert controller.input.origin == "made"
    controller.select_model(picture_model)
    assert controller.input.label == "coffee.png"  # back, not lost


def test_a_model_that_takes_a_recording_offers_its_answer_as_sound(make_window, tmp_path):
    controller, window = make_window(Catalog(tmp_path / "none", ()))
    results = []
    controller.result_ready.connect(results.append)
    window.input_panel.open_path(save(_halver([1, "samples"]), tmp_path / "halver.onnx"))
    _wait(lambda: controller.card is not None)
    assert controller.card.modality == "audio" and window.input_panel.mic_button.isVisibleTo(window)
    window.input_panel.open_path(paths.samples_dir() / "en_gb16k.wav")
    _wait(lambda: results)
    view = window.result_area.current_view
    assert view.headline.text().startswith("1 output from your recording: ") and "at 16000 Hz" in view.headline.text()
    (button,) = [w for w in view.findChildren(QPushButton) if w.text().startswith("▶ ")]
    assert button.text() == "▶ Play quieter"
    button.click()  # no sound card here: one sentence, not a crash
    assert view.message.text() or view._player.playing


def test_a_model_that_cannot_be_kept_is_said_in_one_sentence(make_window, tmp_path):
    controller, window = make_window(Catalog(tmp_path / "none", ()))
    said = []
    controller.input_rejected.connect(said.append)
    (tmp_path / "secret.bin").write_bytes(b"\0" * 4096)
    window.input_panel.open_path(_pointing_at(tmp_path, "../secret.bin"))
    _wait(lambda: said)
    assert "outside its own folder" in said[0] and controller.card is None
    assert window.input_panel.error.text() == said[0]


def test_a_changed_model_is_refused_with_what_to_press(make_window, tmp_path):
    controller, window = make_window(Catalog(tmp_path / "none", ()))
    said = []
    controller.run_failed.connect(said.append)
    controller.result_ready.connect(lambda _outcome: said.append("result"))
    window.input_panel.open_path(save(scorer(), tmp_path / "tiny.onnx"))
    _wait(lambda: said)
    model = controller.card.folder / "model.onnx"
    model.write_bytes(model.read_bytes()[:-1] + b"!")
    controller.pipeline.sessions.evict()
    said.clear()
    controller.run()
    _wait(lambda: said)
    assert "is damaged or was changed" in said[0] and said[0].endswith(
        "use Remove… on its card, then open the file again with File → Open model….")


def test_an_int8_twin_is_made_from_the_card_and_offered_beside_it(make_window, tmp_path):
    controller, window, results = _scorer_shown(make_window, tmp_path)
    base = controller.card
    assert window.card_view.twin_button.isVisible()
    window.card_view.twin_button.click()
    _wait(lambda: "my-scorer-int8" in controller.catalog.ids)
    _wait(lambda: controller.card is not None and controller.card.compare_with == ("my-scorer-int8",))
    assert controller.card.id == base.id and not window.card_view.twin_button.isVisible()
    assert window.picker.listed() == ["my-scorer", "my-scorer-int8"]
    assert [b.text() for b in window.card_view.compare_buttons] == ["Try the same input with\nscorer, int8"]


def test_the_lessons_time_and_profile_a_persons_model(make_window, tmp_path):
    controller, window, results = _scorer_shown(make_window, tmp_path)
    lessons = window.show_lessons(lesson_facts.LATENCY.id)
    latency = next(page for page in lessons.findChildren(LatencyPage))
    latency.threads_button.click()
    _wait(lambda: "threads" in latency.sweeps, 60)
    assert [point.label for point in latency.sweeps["threads"].points][:1] == ["1 thread"]
    lessons = window.show_lessons(lesson_facts.MODEL.id)
    model = next(page for page in lessons.findChildren(ModelPage))
    model.measure_button.click()
    _wait(lambda: model.profile is not None, 60)
    # The scorer's MatMul: 6 features × 10 classes, a multiply and an add each; its softmax, one a class.
    assert {op.op: op.flops for op in model.profile.ops} == {"MatMul": 120, "Softmax": 10}


def test_remove_deletes_a_kept_model_whole_and_shows_another(make_window, tmp_path, qtbot):
    controller, window, results = _scorer_shown(make_window, tmp_path)
    card = controller.card
    asked = []
    window.card_view.confirm = lambda _parent, question: asked.append(question) or True
    with qtbot.waitSignal(controller.fetcher.removed, timeout=60_000):
        window.card_view.remove_button.click()
    assert asked[0].startswith("Remove scorer from your models? Its copy and card (")
    assert not card.folder.exists() and (tmp_path / "scorer.onnx").is_file()
    assert card.id not in controller.catalog.ids and window.picker.listed() == [] and controller.card is None
    assert window.statusBar().currentMessage() == ("Removed my-scorer from your models; the file you added it from "
                                                   "stays where it is.")


def test_a_kiosk_keeps_no_model(make_window, tmp_path):
    controller, window = make_window(Catalog(tmp_path / "none", ()))
    controller.settings.kiosk = True
    assert controller.own.add(save(classifier(), tmp_path / "tiny.onnx")) is False
    _wait(lambda: not controller.busy, 5)
    assert controller.card is None and not window.picker.listed()
