"""The explicit table of tasks: a card's `task` name -> the object that runs it (no import side effects)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from playground.core.card import ModelCard
from playground.core.card_schema import check_tables
from playground.core.catalog import Catalog, load_catalog
from playground.core.errors import ModelCardError
from playground.core.lazy import LazyTable
from playground.core.task import Task
from playground.core.words import translate

# Task name -> task, each task's module under playground.tasks imported when the task is first asked for. Tasks
# are frozen and stateless, so one shared instance of each is safe across runs and threads.
TASKS: Mapping[str, Task] = LazyTable("playground.tasks", {
    "cutout": "cutout:CutoutTask",
    "matting": "matting:MattingTask",
    "upscale": "upscale:UpscaleTask",
    "ocr": "ocr:OcrTask",
    "digits": "digits:DigitTask",
    "transcribe": "transcribe:TranscribeTask",
    "faces": "faces:FaceTask",
    "vad": "vad:VadTask",
    "content_type": "content_type:ContentTypeTask",
    "language": "language:LanguageTask",
    "classify": "classify:ClassifyTask",
    "notes": "notes:NotesTask",
    "denoise": "denoise:DenoiseTask",
    "similarity": "similarity:SimilarityTask",
    "chat": "chat:ChatTask",
    "sentiment": "sentiment:SentimentTask",
    "tensors": "tensors:TensorsTask",
    "picture_tensors": "picture_tensors:PictureTensorsTask",
    "sound_tensors": "sound_tensors:SoundTensorsTask",
}, make=lambda task_class: task_class())


def get_task(name: str) -> Task:
    """The task a card names, or a sentence saying this version of the playground does not have it."""
    try:
        return TASKS[name]
    except (KeyError, TypeError):  # TypeError: a name that is not a string (a card's value of the wrong kind)
        known = ", ".join(sorted(TASKS))
        raise ModelCardError(translate("Tasks", "This playground has no task called '{name}' (it has: {known}); the "
                                                "model may need a newer version of the playground.").format(
            name=name, known=known)) from None


def check_card(card: ModelCard) -> None:
    """Refuse a card whose task this playground lacks, whose tables that task cannot read, or that does not name
    the other models the task runs (its `companion_roles`, e.g. the voice detector Whisper listens with)."""
    task = get_task(card.task)
    check_tables(card, task.card_tables)
    missing = [role for role in getattr(task, "companion_roles", ()) if role not in card.companions]
    if missing:
        raise ModelCardError(f"{card.folder / 'model.toml'}: the {card.task} task also runs another model, so the "
                             f"card needs [companions] {missing[0]} = \"<model id>\".")


def checked_catalog(models_dir: Path | None = None) -> Catalog:
    """The catalog with every card checked against its task: what the window and the commands list."""
    return load_catalog(models_dir, check=check_card)
