"""The glossary: the words the lessons use, each said plainly, one click from every lesson."""

from __future__ import annotations

from playground.lab import lesson_facts
from playground.ui.lessons.page import LessonPage


class GlossaryPage(LessonPage):
    topic = lesson_facts.GLOSSARY

    def lesson_facts(self) -> dict[str, str]:
        return {}  # the same words for every model and every run
