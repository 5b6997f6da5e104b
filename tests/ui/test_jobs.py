"""The worker: single flight, stale results dropped, failures and cancels reported, a clean shutdown."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from playground.core.errors import InputError
from playground.ui.jobs import JobRunner


@pytest.fixture
def runner(qtbot):
    jobs = JobRunner()
    events: list[tuple[str, int, object]] = []
    jobs.job_finished.connect(lambda g, r: events.append(("finished", g, r)))
    jobs.job_failed.connect(lambda g, e: events.append(("failed", g, e)))
    jobs.job_cancelled.connect(lambda g: events.append(("cancelled", g, None)))
    yield jobs, events
    assert jobs.shutdown(5.0)


def test_a_job_result_reaches_the_gui_thread(qtbot, runner):
    jobs, events = runner
    seen_in: list[threading.Thread] = []
    jobs.job_finished.connect(lambda g, r: seen_in.append(threading.current_thread()))
    generation = jobs.submit(lambda token, progress: 6 * 7)
    qtbot.waitUntil(lambda: bool(events))
    assert events == [("finished", generation, 42)]
    assert seen_in == [threading.main_thread()]
    assert not jobs.busy


def test_a_superseded_job_that_ignores_cancel_is_dropped(qtbot, runner):
    jobs, events = runner
    release = threading.Event()
    started = threading.Event()

    def stubborn(token, progress):
        started.set()
        release.wait(10)
        return "old"  # finishes anyway, after newer work was asked for

    jobs.submit(stubborn)
    assert started.wait(10)
    newer = jobs.submit(lambda token, progress: "new")
    release.set()
    qtbot.waitUntil(lambda: bool(events))
    qtbot.waitUntil(lambda: not jobs.busy)
    assert events == [("finished", newer, "new")]


def test_failures_arrive_as_exceptions_and_the_worker_keeps_working(qtbot, runner):
    jobs, events = runner

    def bad(token, progress):
        raise InputError("That file is not a picture: choose a PNG or JPEG file.")

    first = jobs.submit(bad)
    qtbot.waitUntil(lambda: bool(events))
    kind, generation, exc = events[0]
    assert (kind, generation) == ("failed", first) and isinstance(exc, InputError)
    second = jobs.submit(lambda token, progress: "fine")
    qtbot.waitUntil(lambda: len(events) == 2)
    assert events[1] == ("finished", second, "fine")


def test_cancel_reports_cancelled_not_a_failure(qtbot, runner):
    jobs, events = runner
    started = threading.Event()

    def polite(token, progress):
        started.set()
        while True:
            token.check()
            threading.Event().wait(0.005)

    generation = jobs.submit(polite)
    assert started.wait(10)
    jobs.cancel()
    qtbot.waitUntil(lambda: bool(events))
    assert events == [("cancelled", generation, None)]
    assert not jobs.busy


def test_progress_is_relayed_for_the_current_job(qtbot, runner):
    jobs, events = runner
    fractions: list[float] = []
    jobs.job_progressed.connect(lambda g, f, partial: fractions.append(f))

    def steps(token, progress):
        for i in range(1, 5):
            progress(i / 4, None if i < 4 else "partial")
        return "done"

    jobs.submit(steps)
    qtbot.waitUntil(lambda: bool(events))
    assert fractions and fractions[-1] == 1.0  # the last step always arrives, whatever the throttle drops


def test_shutdown_ends_the_thread_and_refuses_new_work(qtbot):
    jobs = JobRunner()
    jobs.submit(lambda token, progress: None)
    assert jobs.shutdown(5.0)
    with pytest.raises(RuntimeError):
        jobs.submit(lambda token, progress: None)


def test_the_worker_lets_go_of_a_finished_job_while_it_waits_for_the_next(qtbot, runner):
    jobs, events = runner

    class BigJob:  # stands for a job holding a pasted photo and the sessions it ran on
        def __call__(self, token, progress):
            return "done"

    job = BigJob()
    gone = weakref.ref(job)
    jobs.submit(job)
    del job
    qtbot.waitUntil(lambda: bool(events))
    qtbot.waitUntil(lambda: gc.collect() >= 0 and gone() is None, timeout=5000)
    assert events[0][0] == "finished"


def sent(jobs: JobRunner, kind: str) -> threading.Event:
    """Set the moment the worker has sent news of `kind` (it is queued, not yet handled, in the GUI thread)."""
    event = threading.Event()
    jobs._delivered.connect(lambda g, k, p: event.set() if k == kind else None, Qt.ConnectionType.DirectConnection)
    return event


def test_discard_drops_a_result_already_on_its_way(qtbot, runner):
    jobs, events = runner
    finished = sent(jobs, "finished")
    jobs.submit(lambda token, progress: "for a model no longer shown")
    assert finished.wait(10)  # done and reported, but the report is still waiting in the queue
    jobs.discard()
    assert not jobs.busy
    QCoreApplication.processEvents()
    assert events == []
    newer = jobs.submit(lambda token, progress: "new")
    qtbot.waitUntil(lambda: bool(events))
    assert events == [("finished", newer, "new")]
