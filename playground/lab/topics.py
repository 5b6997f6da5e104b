"""The lessons' topics (id, English title, text file): plain data, so the Learn menu lists them without the lab.

Each lesson page shows one of these; the menu lists them in the lessons window's order (ui/lessons/menu.py).
"""

from __future__ import annotations

from playground.core.explainers import Topic

GUIDE = Topic("lesson:guide", "Guided tour", "lesson_guide.md")
LATENCY = Topic("lesson:latency", "How long a run takes", "lesson_latency.md")
COST = Topic("lesson:cost", "What a run costs", "lesson_cost.md")
CLOUD = Topic("lesson:cloud", "On this computer or in the cloud?",
              "lesson_cloud.md")
INT8 = Topic("lesson:int8", "fp32 or int8?", "lesson_int8.md")
MODEL = Topic("lesson:model", "How well it runs here", "lesson_model.md")
BATCH = Topic("lesson:batch", "Live or in a batch?", "lesson_batch.md")
TRAINING = Topic("lesson:training", "Training or inference?", "lesson_training.md")
POST = Topic("lesson:post", "From numbers to an answer", "lesson_post.md")
PRIVACY = Topic("lesson:privacy", "Nothing leaves this computer",
                "lesson_privacy.md")
TRUST = Topic("lesson:trust", "Can you trust the answer?", "lesson_trust.md")
GLOSSARY = Topic("lesson:words", "Words used here", "glossary.md")  # no live numbers: the same for everyone
LESSON_TOPICS: tuple[Topic, ...] = (TRAINING, POST, TRUST, LATENCY, BATCH, COST, CLOUD, INT8, MODEL, PRIVACY)
