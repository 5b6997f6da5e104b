"""The lessons window: every idea two clicks away, and each page quoting the runs just measured."""

from __future__ import annotations

import pytest

from playground.core import readable
from playground.lab import lesson_facts, lesson_model
from playground.ui.lessons.menu import MENU_TOPICS
from playground.ui.lessons.window import PAGES
from tests.ui.test_main_window import wait_for_result

SENTENCE = "Dies ist ein Test der Spracherkennung."


def text_of(page) -> str:
    return " ".join(page.browser.toPlainText().split())


@pytest.mark.parametrize("page_class", PAGES, ids=lambda p: p.topic.id)
def test_each_idea_is_two_clicks_away_in_the_learn_menu_and_the_lessons_button(make_window, page_class):
    _, window = make_window()
    learn = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Learn")
    entry = next(a for a in learn.actions() if a.text() == page_class.topic.title)  # click one: the menu
    entry.trigger()  # click two: the idea
    lessons = window.lessons
    assert lessons.isVisible() and isinstance(lessons.current, page_class)
    assert lessons.current.browser.toPlainText().strip(), "the page says what it will show before any run"
    lessons.hide()
    window.explainer.lessons_button.click()  # or: the button beside the explainer, then the idea in its list
    row = [p.topic.id for p in lessons.pages].index(page_class.topic.id)
    lessons.ideas.setCurrentRow(row)
    assert lessons.isVisible() and lessons.current.topic is page_class.topic


def test_the_lesson_graphs_say_what_will_fill_them_before_any_run(make_window):
    """Not blank axes from 0.1 to 0.9: one sentence, and the axes come with the first data."""
    _, window = make_window()
    graphs = {lesson_facts.LATENCY.id: "histogram", lesson_facts.BATCH.id: "strip",
              lesson_facts.TRAINING.id: "curve_plot"}
    for topic, name in graphs.items():
        page = window.show_lessons(topic).current
        page.refresh()
        plot = getattr(page, name).getPlotItem()
        assert plot.property("empty_note"), f"the {topic} graph says nothing while it is empty"
        assert not plot.getAxis("left").isVisible() and not plot.getAxis("bottom").isVisible()


@pytest.fixture
def ran(make_window, require_model, qtbot):
    """A window that has run the language identifier three times on typed text (one cold, two warm)."""
    require_model("langid")
    controller, window = make_window(model_id="langid")
    controller.set_text(SENTENCE)
    wait_for_result(qtbot, window)
    for _ in range(2):
        controller.run()
        wait_for_result(qtbot, window)
    return controller, window


@pytest.mark.models
def test_the_cost_page_prices_the_median_warm_run_at_the_price_typed(ran, qtbot):
    controller, window = ran
    page = window.show_lessons(lesson_facts.COST.id).current
    figures = page.figures()
    warm = sorted(r.cpu_ns for r in controller.history.records if not r.cold)
    assert figures.runs == 2 and figures.cpu_s == pytest.approx((warm[0] + warm[1]) / 2 / 1e9)
    page.refresh()
    assert f"busy for {readable.ms(figures.cpu_s * 1000)} ms of CPU time" in text_of(page)
    assert readable.money(figures.dollars(1_000_000)) in text_of(page)
    page.price.setValue(2.5)  # a person types another price: the table follows at once, and it is kept
    assert readable.money(figures.cpu_s * 1e6 / 3600 * 2.5) in text_of(page)
    assert window.settings.lesson_value("price_per_cpu_hour", 0.05, 0, 100) == 2.5


@pytest.mark.models
def test_the_cloud_page_sets_the_last_run_beside_the_same_request_sent_away(ran, qtbot):
    controller, window = ran
    page = window.show_lessons(lesson_facts.CLOUD.id).current
    page.refresh()
    here = lesson_facts.device_ms(controller.last_outcome.record)
    cloud = page.estimate()
    assert cloud.upload_bytes == len(SENTENCE.encode()) and cloud.result_bytes > 100  # the labels as JSON
    assert f"answered in {readable.ms(here)} ms" in text_of(page) and f"{readable.ms(cloud.total_ms)} ms" in text_of(page)
    rows = page.bars.rows
    assert rows[0][1] == (("on this computer", here),) and rows[1][1] == cloud.parts()
    page.round_trip.setValue(600)  # a slow mobile connection: the bar and the text follow
    assert page.estimate().round_trip_ms == 600 and "travel there and back 600 ms" in " ".join(text_of(page).split())


@pytest.mark.models
def test_the_latency_page_draws_the_runs_and_applies_the_fastest_setting_a_sweep_found(ran, qtbot):
    import pyqtgraph as pg

    controller, window = ran
    page = window.show_lessons(lesson_facts.LATENCY.id).current
    page.refresh()
    assert page.histogram.getPlotItem().property("empty_note") == ""  # the runs fill it: the axes are back
    assert page.histogram.getPlotItem().getAxis("bottom").isVisible()
    items = page.histogram.getPlotItem().items
    assert any(isinstance(i, pg.BarGraphItem) for i in items)
    assert sorted(i.label.format for i in items if isinstance(i, pg.InfiniteLine)) == ["p50", "p95", "p99"]
    assert [name for name, _ in page.starts.rows] == ["Loading the model", "The first (cold) run",
                                                      "A typical warm run"]
    page.threads_button.click()
    with qtbot.waitSignal(page.measurement.finished, timeout=60_000):
        pass
    sweep = page.sweeps["threads"]
    assert [p.label for p in sweep.points][0] == "1 thread" and len(page.sweep_bars.rows) == len(sweep.points)
    assert "was fastest at" in text_of(page)
    best = sweep.best().options
    assert page.apply_button.text() == f"Use the fastest: {sweep.best().label}"
    assert page.apply_button.isEnabled() == (best != controller.options)
    page.apply_button.click()
    assert controller.options.threads == best.threads and not page.apply_button.isEnabled()
    controller.select_model("magika")  # another model: the old sweep says nothing about it
    assert page.sweeps == {} and page.sweep_bars.rows == ()


@pytest.mark.models
def test_the_int8_page_runs_a_model_and_its_twin_on_the_same_input(make_window, require_model, qtbot):
    require_model("minilm-l6")
    require_model("minilm-l6-int8")
    controller, window = make_window(model_id="minilm-l6")
    controller.set_text("A man is playing a guitar.\nSomeone is strumming a guitar.")
    wait_for_result(qtbot, window)
    page = window.show_lessons(lesson_facts.INT8.id).current
    assert page.compare_button.isEnabled() and "int8" in page.note.text()
    page.compare_button.click()
    with qtbot.waitSignal(page.measurement.finished, timeout=60_000) as done:
        pass
    comparison = done.args[0]
    assert (comparison.base.model_id, comparison.twin.model_id) == ("minilm-l6", "minilm-l6-int8")
    assert comparison.twin.size_mb < comparison.base.size_mb / 3 and comparison.agreement > 0.9
    assert comparison.agreement_text in text_of(page) and "typed text" in text_of(page)
    assert [name for name, _ in page.bars.rows] == [comparison.base.name, comparison.twin.name]
    assert page.answers.text().splitlines()[1].startswith(f"{comparison.twin.name}: most alike: 1 and 2")
    controller.select_model("langid")  # no twin: the page says which models have one
    assert not page.compare_button.isEnabled() and page.bars.rows == ()
    assert page.note.text().startswith("langid.py language identifier has no 8-bit twin. These do: ")
    assert "MiniLM sentence similarity" in page.note.text()


@pytest.mark.models
def test_the_model_page_measures_the_current_model_on_its_input(ran, qtbot):
    controller, window = ran
    page = window.show_lessons(lesson_facts.MODEL.id).current
    page.measure_button.click()
    with qtbot.waitSignal(page.measurement.finished, timeout=60_000) as done:
        pass
    profile = done.args[0]
    # The bars name each kind of step as what it does, not as the runtime's operator.
    assert profile.model_id == "langid" and page.bars.rows[0][0].split(" ×")[0] == \
        lesson_model.OP_WORDS[profile.ops[0].op]
    assert {op.op for op in profile.ops} == {"Gemm", "Softmax"}  # naive Bayes: one matrix product, then softmax
    assert f"in {readable.ms(profile.model_ms)} ms" in text_of(page) and "Verdict:" in text_of(page)
    assert "Gemm" not in text_of(page) and "Softmax" not in text_of(page)
    controller.select_model("magika")
    assert page.profile is None and page.bars.rows == ()


@pytest.mark.models
def test_the_batch_page_runs_the_samples_and_saves_every_row(ran, qtbot, tmp_path):
    import csv

    controller, window = ran
    page = window.show_lessons(lesson_facts.BATCH.id).current
    page.samples_button.click()
    with qtbot.waitSignal(page.measurement.finished, timeout=60_000) as done:
        pass
    report = done.args[0]
    assert report.finished and report.done == page.table.rowCount() > 5 and report.failed == 0
    assert page.table.item(0, 0).text() == report.rows[0].file and page.csv_button.isEnabled()
    assert page.status.text().startswith(f"{report.done} of {report.done} files, ")
    workers = page.workers.value()
    assert report.engine == "local" and report.workers == workers and len(page.engine_bars.rows) == 1
    assert page.engine_bars.rows[0][0].startswith(f"The local engine, {workers} worker")
    assert page.engine_note.text().startswith(f"Side by side on this folder: the local engine, {workers} worker")
    assert f"went through {report.done} of {report.done} files of samples" in text_of(page)
    assert page.save_to(tmp_path / "all", "csv") and "Saved" in page.status.text()
    rows = list(csv.DictReader((tmp_path / "all.csv").open(encoding="utf-8")))
    assert [r["file"] for r in rows] == [r.file for r in report.rows]
    assert not page.save_to(tmp_path / "missing" / "x.json", "json") and "could not be written" in page.status.text()
    page.deadline.setValue(1.0)  # the shortest deadline: the cold run at least misses it
    late = int((controller.history.total_ms.view() > 1.0).sum())
    assert late >= 1 and f"{late} of the last {len(controller.history)} runs missed it" in text_of(page)


@pytest.mark.models
def test_the_batch_page_times_batch_sizes_and_says_when_a_model_takes_none(ran, qtbot):
    controller, window = ran
    page = window.show_lessons(lesson_facts.BATCH.id).current
    page.sizes_button.click()
    with qtbot.waitSignal(page.measurement.finished, timeout=60_000):
        pass
    assert page.sizes.points[-1].size == 32 and len(page.size_bars.rows) == len(page.sizes.points)
    assert "Fed 32 at once" in text_of(page)
    controller.select_model("minilm-l6")
    controller.set_text("One.\nTwo.")
    page.sizes_button.click()
    with qtbot.waitSignal(page.measurement.failed, timeout=60_000) as failed:
        pass
    assert failed.args[0].endswith("so it is not fed as one batch here.") and page.size_bars.rows == ()


@pytest.mark.models
def test_the_training_page_trains_fine_tunes_and_answers_a_drawing(make_window, require_model, qtbot):
    require_model("digits")
    controller, window = make_window(model_id="digits")
    page = window.show_lessons(lesson_facts.TRAINING.id).current
    page.train_button.click()
    with qtbot.waitSignal(page.measurement.finished, timeout=120_000):
        pass
    assert page.trained.held_out_accuracy > 0.9 and page.status.text().startswith("Trained: ")
    items = page.curve_plot.getPlotItem().items
    assert len(items) == 2  # the running accuracy and the held-out dots
    page.ask_button.click()  # an empty board: one sentence, no answer
    assert page.status.text() == "Draw a digit first: the canvas is empty." and page.answer is None
    for _ in range(3):
        page.pad.draw_stroke([(0.5, 0.15), (0.5, 0.85)])
        page.label.setValue(1)
        page.add_button.click()
    assert page.pad.empty and page.examples_label.text() == "3 examples: 1 1 1"
    page.tune_button.click()
    with qtbot.waitSignal(page.measurement.finished, timeout=60_000):
        pass
    assert page.tuned is not None and page.status.text().startswith("Fine-tuned: ")
    page.pad.draw_stroke([(0.5, 0.15), (0.5, 0.85)])
    page.ask_button.click()
    assert page.answer.digit == 1 and page.answer_label.text().splitlines()[2].endswith("←")
    assert "Fine-tuning** on your 3 drawings" not in text_of(page) and "on your 3 drawings took" in text_of(page)
    assert "that last step is post-processing" in text_of(page)


@pytest.mark.models
def test_the_lab_report_is_saved_from_the_window_with_its_csv_and_json(ran, tmp_path):
    controller, window = ran
    assert window.commands.save_report in window.menuBar().actions()[0].menu().actions()
    sentence = window.save_report(tmp_path / "workshop.html")
    assert sentence == f"Saved the report of {len(controller.session_log.runs)} runs as workshop.html, with " \
                       "workshop.csv and workshop.json."
    page = (tmp_path / "workshop.html").read_text(encoding="utf-8")
    assert "langid.py language identifier" in page and "data:image/png;base64," in page
    assert (tmp_path / "workshop.csv").read_text().count("\n") == len(controller.session_log.runs) + 1
    assert window.save_report(tmp_path / "nowhere" / "r.html").startswith("The report could not be written to")


def test_before_any_run_the_report_says_so(make_window, tmp_path):
    _, window = make_window()
    assert window.save_report(tmp_path / "r.html") == "Nothing has run yet: run a model first, then save the report."
    assert not (tmp_path / "r.html").exists()


@pytest.mark.models
def test_the_post_processing_page_runs_once_more_and_shows_the_raw_numbers(ran, qtbot):
    controller, window = ran
    page = window.show_lessons(lesson_facts.POST.id).current
    before = len(controller.history)
    with qtbot.waitSignal(controller.result_ready, timeout=60_000) as done:
        page.show_button.click()
    outcome = done.args[0]
    assert outcome.raw is not None and len(controller.history) == before + 1  # a real run, counted as one
    assert all(f"{name}:" in text_of(page) for name in list(outcome.raw)[:4])
    assert f"named the best: {outcome.result.items[0].description}" in text_of(page)
    assert controller.last_outcome is outcome and window.result_area.current_view.headline.text()


def test_every_lesson_topic_has_a_page_and_a_brief_text_before_anything_runs():
    from playground import paths
    from playground.core import explainers
    from playground.lab.guide import GUIDE

    assert {page.topic for page in PAGES} == set(lesson_facts.LESSON_TOPICS) | {GUIDE, lesson_facts.GLOSSARY}
    assert MENU_TOPICS == tuple(page.topic for page in PAGES)  # the Learn menu lists the window's pages, in order
    for topic in (*lesson_facts.LESSON_TOPICS, GUIDE):
        raw = (paths.explainers_dir() / topic.filename).read_text(encoding="utf-8")
        assert explainers.BEFORE_FIRST_RUN in raw, topic.id
        before = explainers.render(topic, {}, False)
        assert before.startswith(f"# {topic.title}") and 20 <= explainers.word_count(before) <= explainers.MAX_WORDS


@pytest.mark.models
def test_a_lesson_measurement_that_fails_leaves_the_last_answer_on_screen(qtbot, make_window, require_model):
    from playground.core.errors import InputError
    from tests.ui.test_main_window import choose_sample

    require_model("langid")
    controller, window = make_window(model_id="langid")
    with qtbot.waitSignal(window.result_area.result_shown, timeout=60_000):
        choose_sample(window, "hello_fr.txt")
    shown = window.result_area.current_view
    page = window.show_lessons("lesson:latency").current

    def broken(_token, _progress):
        raise InputError("This measurement needs a second core.")

    measurement = controller.run_experiment(broken)
    assert page.follow(measurement, lambda _result: None)
    with qtbot.waitSignal(measurement.failed, timeout=30_000):
        pass
    assert window.result_area.current_view is shown and shown.isVisibleTo(window)  # the answer stays
    assert not window.input_panel.error.isVisible()
    assert page.problem.text() == "This measurement needs a second core." and page.problem.isVisibleTo(page)


@pytest.mark.models
def test_a_batch_stopped_in_the_window_goes_on_where_it_stopped(ran, qtbot, tmp_path):
    import shutil

    from playground import paths

    _, window = ran
    folder = tmp_path / "greetings"
    folder.mkdir()
    for i in range(40):
        shutil.copy(paths.samples_dir() / "hello_de.txt", folder / f"{i:02d}.txt")
    page = window.show_lessons(lesson_facts.BATCH.id).current
    page.workers.setValue(1)
    page.run_folder(folder)
    with qtbot.waitSignal(page.measurement.progressed, timeout=60_000):
        pass
    page.stop_button.click()  # Stop, as a person would, once the first answers are in
    with qtbot.waitSignal(page.measurement.finished, timeout=60_000) as stopped:
        pass
    first = stopped.args[0]
    assert not first.finished and 1 <= first.done < 40
    assert page.status.text().endswith("(stopped): run the same folder again to go on from there.")
    page.run_folder(folder)
    with qtbot.waitSignal(page.measurement.finished, timeout=60_000) as done:
        pass
    again = done.args[0]
    # Kept: at least what the window heard of; more when a chunk reached the disk just as the stop came.
    assert again.finished and again.kept >= first.done and again.ran == 40 - again.kept
    assert page.table.rowCount() == 40 and all("German" in page.table.item(i, 1).text() for i in range(40))
    assert f"{again.kept} were done before it was stopped, and not run again." in page.status.text()


@pytest.mark.models
def test_the_same_folder_through_ray_gives_the_local_engines_answers_side_by_side(ran, qtbot, monkeypatch):
    pytest.importorskip("ray")
    import tempfile

    # Ray's session files under a short path: its sockets' names must fit in 107 bytes.
    monkeypatch.setenv("RAY_TMPDIR", tempfile.mkdtemp(prefix="ray-", dir="/tmp"))
    _, window = ran
    page = window.show_lessons(lesson_facts.BATCH.id).current
    reports = {}
    for engine in ("local", "ray"):
        page.engine.setCurrentIndex(page.engine.findData(engine))
        page.samples_button.click()
        with qtbot.waitSignal(page.measurement.finished, timeout=120_000) as done:
            pass
        reports[engine] = done.args[0]
    local, ray = reports["local"], reports["ray"]
    assert ray.engine == "ray" and ray.finished and ray.first_s > 0
    assert [(r.file, r.answer, r.problem) for r in ray.rows] == [(r.file, r.answer, r.problem) for r in local.rows]
    assert [name.split(":")[0] for name, _ in page.engine_bars.rows] == [
        f"The local engine, {page.workers.value()} worker{'s' if page.workers.value() > 1 else ''}",
        f"Ray, {page.workers.value()} worker{'s' if page.workers.value() > 1 else ''}"]
    assert "A million files would take" in page.engine_note.text() and "A projection" in page.engine_note.text()
