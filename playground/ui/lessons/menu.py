"""The Learn menu's list of ideas as data, in the lessons window's order, so the menu needs none of the pages.

Each entry is the topic its page shows (tests/ui/test_lessons.py holds the two lists equal), from lab/topics.py,
which imports nothing else of the lab: the pages import the lab's measurements, graphs and views, and the main
window lists them before anyone opens one.
"""

from __future__ import annotations

from playground.core.explainers import Topic
from playground.lab.topics import GLOSSARY, GUIDE, LESSON_TOPICS

MENU_TOPICS: tuple[Topic, ...] = (GUIDE, *LESSON_TOPICS, GLOSSARY)
