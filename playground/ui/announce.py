"""Saying each new answer to a screen reader: the view's headline, spoken once through Qt's accessibility events."""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from playground.ui.i18n import translate


def spoken(headline: str) -> str:
    """The headline as it is best heard: "Most likely: tabby cat — 62 %" becomes "Most likely: tabby cat,
    62 percent" (a dash is read as a pause by some readers, as "em dash" by others)."""
    text = headline.replace(" — ", ", ").replace("—", ", ")
    percent = translate("Announcer", "{digit} percent")  # the number's last digit, then the word
    text = re.sub(r"(\d) ?%", lambda m: percent.format(digit=m.group(1)), text)
    return " ".join(text.split())


class Announcer:
    """Speaks a view's new headline once: repeat mode gives the same answer many times a second, and a reader
    that said it every time would say nothing else."""

    def __init__(self) -> None:
        self.last = ""

    def announce(self, widget: QWidget, headline: str) -> str:
        """Send `headline` as an announcement from `widget`; returns what was said ("" when nothing new)."""
        text = spoken(headline)
        if not text or text == self.last:
            return ""
        self.last = text
        event = QAccessibleAnnouncementEvent(widget, text)
        # Polite: the reader finishes what it is saying (the button just pressed) before the answer.
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
        return text

    def forget(self) -> None:
        """A new input or model: its answer is news even when it reads the same."""
        self.last = ""
