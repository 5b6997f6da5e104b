"""The post-processing lesson's facts: a model's raw outputs described, and the steps that made the answer."""

from __future__ import annotations

from typing import Any

import numpy as np

from playground.core import readable, results
from playground.core.explainers import literal
from playground.lab.compare import headline

SHOWN_OUTPUTS = 4  # raw outputs described; a model with more (Whisper's caches) is summed up
QUOTED_CHARS = 160


def describe_raw(name: str, value: np.ndarray) -> str:
    """One raw output as a person can read it: its shape, its range, and its largest values with positions."""
    shape = " × ".join(f"{d:,}" for d in value.shape) or "one number"
    if value.dtype.kind in "iu" and value.ndim <= 1:  # class indices, counts
        shown = ", ".join(str(int(v)) for v in value.ravel()[:12])
        return f"`{name}`: {readable.plural(value.size, 'whole number')} ({shown}{', …' if value.size > 12 else ''})"
    flat = value.astype(np.float64).ravel()
    if flat.size == 1:
        return f"`{name}`: one number, {readable.sig(flat[0], 3)}"
    finite = flat[np.isfinite(flat)]
    if not finite.size:
        return f"`{name}`: {shape} values, none of them a number"
    text = f"`{name}`: {shape} numbers from {readable.sig(finite.min(), 3)} to {readable.sig(finite.max(), 3)}"
    if 10 <= flat.size <= 100_000:
        top = np.argsort(-np.where(np.isfinite(flat), flat, -np.inf), kind="stable")[:3]
        text += " (the largest: " + ", ".join(f"{readable.sig(flat[i], 3)} at position {int(i)}" for i in top) + ")"
    return text


def _picking_sentences(picking: results.Picking) -> str:
    """How a chat's next token was chosen from the scores, in the order the app does it, a step a sentence."""
    if picking.temperature <= 0:
        return "The app took the highest score each time."
    steps = []
    if picking.penalty != 1:
        steps.append(f"The app made pieces it had already written less likely (repetition penalty "
                     f"{readable.sig(picking.penalty, 3)}).")
    steps.append(f"It divided the scores by the temperature, {readable.sig(picking.temperature, 3)}, to make the "
                 f"choice {'bolder' if picking.temperature > 1 else 'more careful'}.")
    kept = (f"It kept only the likeliest pieces that together hold {readable.percent(picking.top_p)} of the chance, "
            "and drew one of them at random." if picking.top_p < 1 else "It drew one piece at random, the likelier "
            "ones more often.")
    text = " ".join(steps + [kept])
    return text if text.startswith("The app") else "The app" + text[2:]  # the first step names who does it


def _decoding_steps(raw: dict[str, np.ndarray], result: Any, answer: str) -> str:
    """A transcript's or a reply's path from scores to words: one run per piece, and the picking between."""
    scores, picked = raw.get("scores"), raw.get("picked")
    if scores is None or picked is None:
        return "The model heard no speech, so there were no scores to pick words from."
    vocab = readable.plural(np.asarray(scores).size, "score")  # a vocabulary's size, exact
    if isinstance(result, results.Generation):
        runs = len(result.step_ms) + 1
        prompt = f"on the whole prompt ({readable.plural(result.prompt_tokens, 'token')})"
        ran = (f"The model ran once, {prompt}." if runs == 1 else
               f"The model ran {runs} times: once {prompt}, then once more with each piece it had just chosen.")
        return (f"{ran} Each run gave {vocab}, one for every word piece it knows; above are the last run's. Picking "
                f"from them is post-processing. {_picking_sentences(result.picking)} Then it looked each chosen "
                f"number up in the vocabulary and joined the pieces: **{answer}**.")
    return (f"The app first drew the sound as a picture of its pitches over time (a log-mel spectrogram); "
            f"the encoder read each piece of up to 30 seconds once. The decoder then ran once for every word "
            f"piece it wrote ({readable.plural(len(picked), 'piece')}), and once more to choose where each 30-second "
            f"piece ends. Each run gave {vocab}, one for every entry of its vocabulary; above are the "
            f"last run's. The app took the highest score each time, skipping marks it was told never to "
            f"write, looked each chosen number up in the vocabulary and joined the pieces: **{answer}**.")


def post_facts(raw: dict[str, np.ndarray] | None, result: Any, input_label: str) -> dict[str, str]:
    """The model's raw outputs next to what the app made of them, and the steps between, by kind of answer."""
    if raw is None:
        return {}
    # Beside the model's outputs ride a task's own clock readings (names ending in _ns) and, for a model
    # that writes, the pieces the app picked: neither is what the model returned.
    numeric = [(k, np.asarray(v)) for k, v in raw.items()
               if not k.endswith("_ns") and k != "picked" and np.asarray(v).dtype.kind in "iuf"
               and np.asarray(v).size]
    lines = [describe_raw(k, v) for k, v in numeric[:SHOWN_OUTPUTS]]
    if len(numeric) > SHOWN_OUTPUTS:
        lines.append(f"and {len(numeric) - SHOWN_OUTPUTS} more arrays")
    said = headline(result)
    # A long reply or transcript is quoted by its start: the whole of it is on the main window.
    answer = literal(said if len(said) <= QUOTED_CHARS else readable.shortened(said, QUOTED_CHARS - 1) + "”")
    if isinstance(result, results.Labels) and result.softmax:
        steps = (f"The app turned the scores into chances (softmax: e raised to the power of each score, then "
                 f"shared out to sum to 1), sorted them and named the best: **{answer}**.")
    elif isinstance(result, results.Labels):
        steps = (f"The model's last step already turned its scores into chances that sum to 1; the app sorted "
                 f"them and named the best: **{answer}**.")
    elif isinstance(result, results.Detections):
        steps = (f"The app read every place the model scored above the threshold; where boxes overlapped a lot "
                 f"it kept the surest and dropped the others (non-maximum suppression), leaving "
                 f"**{len(result.items)}**.")
    elif isinstance(result, (results.Transcript, results.Generation)):
        steps = _decoding_steps(raw, result, answer)
    else:
        steps = f"The app turned them into the answer on screen: **{answer}**."
    return {"raw_input": literal(input_label or "your input"),
            "raw_lines": "\n".join(f"- {line}" for line in lines) or "- nothing at all",
            "post_steps": steps}
