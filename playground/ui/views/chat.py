"""ChatView: the reply as it is written, a plain warning that the model makes things up, and its writing speed live."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from playground.core import readable
from playground.core.results import Generation
from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView, suggested_name
from playground.ui.widgets.plots import make_plot

WARNING = QT_TRANSLATE_NOOP("ChatView", "A tiny model: it writes fluent sentences that are often untrue, and it cannot "
                                       "look anything up. Check anything that matters.")


def warning_style(now: theme.Theme) -> str:
    return (f"background: {now.warn_back}; color: {now.remark}; border: 1px solid {now.warn_border}; "
            "padding: 6px;")
SPEED_PEN = pg.mkPen(color=(0, 94, 162), width=2)
SMOOTHING = 8  # tokens: single steps jitter by a few ms on a shared machine


def speed_curve(step_ms: tuple[float, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Tokens per second over the last SMOOTHING steps, against the token's number in the reply."""
    if not step_ms:
        return np.zeros(0), np.zeros(0)
    ms = np.asarray(step_ms, dtype=np.float64)
    window = np.convolve(ms, np.ones(SMOOTHING), mode="full")[:len(ms)]
    counts = np.minimum(np.arange(1, len(ms) + 1), SMOOTHING)
    return np.arange(2, len(ms) + 2, dtype=np.float64), 1000.0 * counts / window


def figures_line(g: Generation) -> str:
    """Time to first token, prefill and per-token speed, as a person reads them."""
    parts = [translate("ChatView", "First word after {ms} ms").format(ms=readable.ms(g.first_token_ms)),
             translate("ChatView", "your message and the instructions ({tokens} tokens) read in {ms} ms").format(
                 tokens=g.prompt_tokens, ms=readable.ms(g.prefill_ms))]
    if g.step_ms:
        parts.append(translate("ChatView", "then {speed} tokens per second ({ms} ms each)").format(
            speed=f"{g.tokens_per_second:.0f}", ms=readable.ms(float(np.median(g.step_ms)))))
    parts.append(translate("ChatView", "1 token written") if g.tokens == 1 else
                 translate("ChatView", "{count} tokens written").format(count=g.tokens))
    return " · ".join(parts)


class ChatView(ResultView):
    shows_partial = True
    result_type = Generation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("ChatView", "Reply"))
        self.warning = PlainLabel(translate("ChatView", WARNING), self)
        self.warning.setWordWrap(True)
        theme.themed_sheet(self.warning, warning_style)
        self.warning.setAccessibleName(translate("ChatView", "Warning"))
        self.body.addWidget(self.warning)
        self.asked = PlainLabel("", self)
        self.asked.setWordWrap(True)
        theme.themed(self.asked, "muted")
        self.asked.setAccessibleName(translate("ChatView", "Your message"))
        self.body.addWidget(self.asked)
        self.reply = QPlainTextEdit(self)
        self.reply.setReadOnly(True)
        self.reply.setAccessibleName(translate("ChatView", "The reply"))
        relative_font(self.reply, 4)
        self.body.addWidget(self.reply, 1)
        self.figures = PlainLabel("", self)
        self.figures.setWordWrap(True)
        self.figures.setAccessibleName(translate("ChatView", "Writing speed"))
        self.body.addWidget(self.figures)
        self.speed = make_plot(translate("ChatView", "Writing speed, tokens per second"),
                               translate("ChatView", "tokens / s"), translate("ChatView", "token of the reply"), self)
        self.speed.setMaximumHeight(170)
        self.speed.setMinimumHeight(80)  # a trend to glance at: it gives way first on a 720-line projector
        self.curve = self.speed.plot([], [], pen=SPEED_PEN)
        self.body.addWidget(self.speed)
        self._result: Generation | None = None
        self._decoded: Any = None
        self.copy_button = self.add_action(translate("ChatView", "Copy reply"), self._copy,
                                           translate("ChatView", "Copy the reply as text."))
        self.save_button = self.add_action(translate("ChatView", "Save reply…"), self._save_clicked,
                                           translate("ChatView", "Save the reply as a text file."), saves=True)
        self.finish_actions()
        self.clear()

    def clear(self) -> None:
        super().clear()
        self._result = None
        self._decoded = None  # the input it was given: a person's photo or recording
        self.asked.setText("")
        self.reply.clear()
        self.figures.setText("")
        self.curve.setData([], [])

    def show_partial(self, result: Generation) -> None:
        self._show(result)
        self.headline.setText(translate("ChatView", "Writing…"))

    def show_result(self, result: Generation, decoded: Any = None) -> None:
        self._decoded = decoded
        self._show(result)
        if not result.text.strip():
            self.headline.setText(translate("ChatView", "The model ended its reply without writing anything: try "
                                                        "asking another way"))
        elif result.stop == "length":
            self.headline.setText(translate("ChatView", "Reply (stopped at the limit of {count} tokens)").format(
                count=result.tokens))
        else:
            self.headline.setText(translate("ChatView", "Reply"))
        self.set_actions_enabled(bool(result.text.strip()))

    def show_stopped(self) -> None:
        """Stop keeps what was written, and says it is unfinished."""
        if self._result is None:
            return
        self.headline.setText(translate("ChatView", "Stopped after {count} tokens").format(count=self._result.tokens))
        self.set_actions_enabled(bool(self._result.text.strip()))

    def _show(self, result: Generation) -> None:
        self._result = result
        asked = readable.shortened(result.message, 300)
        you = translate("ChatView", "You: {message}").format(message=asked)
        self.asked.setText(you + (f"\n{result.note}" if result.note else ""))
        if self.reply.toPlainText() != result.text:
            self.reply.setPlainText(result.text)
            self.reply.moveCursor(QTextCursor.MoveOperation.End)  # the newest words stay in sight
        self.figures.setText(figures_line(result))
        x, y = speed_curve(result.step_ms)
        self.curve.setData(x, y)
        # From zero: a scale that starts at the slowest token would make small wobbles look like collapses.
        self.speed.setYRange(0.0, float(y.max()) * 1.15 if y.size else 1.0, padding=0)
        self.say("")

    def _copy(self) -> None:
        if self._result is not None:
            self.copy_text(self._result.text, translate("ResultView", "reply"))

    def _save_clicked(self) -> None:
        if self._result is None:
            return
        path = self.ask_save_path(translate("ChatView", "Save the reply"),
                                  suggested_name(self._decoded, "reply", "txt"), translate("ChatView", "Text (*.txt)"))
        if path:
            self.save_text(self._result.text, path, translate("ResultView", "reply"))
