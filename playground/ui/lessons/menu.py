"""The Learn menu's list of ideas as data, in the lessons window's order, so the menu needs none of the pages.

Each entry is the topic its page shows (tests/ui/test_lessons.py holds the two lists equal). The pages import
the lab's measurements, graphs and views; the main window lists them before anyone opens one.
"""

from __future__ import annotations

from playground.core.explainers import Topic

MENU_TOPICS: tuple[Topic, ...] = (
    Topic("lesson:guide", "Guided tour", "lesson_guide.md"),
    Topic("lesson:training", "Training or inference?", "lesson_training.md"),
    Topic("lesson:post", "From numbers to an answer", "lesson_post.md"),
    Topic("lesson:trust", "Can you trust the answer?", "lesson_trust.md"),
    Topic("lesson:latency", "How long a run takes", "lesson_latency.md"),
    Topic("lesson:batch", "Live or in a batch?", "lesson_batch.md"),
    Topic("lesson:cost", "What a run costs", "lesson_cost.md"),
    Topic("lesson:cloud", "On this computer or in the cloud?", "lesson_cloud.md"),
    Topic("lesson:int8", "fp32 or int8?", "lesson_int8.md"),
    Topic("lesson:model", "How well it runs here", "lesson_model.md"),
    Topic("lesson:privacy", "Nothing leaves this computer", "lesson_privacy.md"),
    Topic("lesson:words", "Words used here", "glossary.md"),
)
