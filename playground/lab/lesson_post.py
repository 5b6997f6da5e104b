"""The post-processing lesson's facts: a model's raw outputs described, and the steps that made the answer."""

from __future__ import annotations

from typing import Any

import numpy as np

from playground.core import readable, results
from playground.core.explainers import literal
from playground.core.words import translate
from playground.lab.compare import headline

SHOWN_OUTPUTS = 4  # raw outputs described; a model with more (Whisper's caches) is summed up
QUOTED_CHARS = 160




def describe_raw(name: str, value: np.ndarray) -> str:
    """One raw output as a person can read it: its shape, its range, and its largest values with positions."""
    code = f"`{name}`"
    shape = " × ".join(readable.whole(d) for d in value.shape) or translate("LessonPost", "one number")
    if value.dtype.kind in "iu" and value.ndim <= 1:  # class indices, counts
        shown = ", ".join(str(int(v)) for v in value.ravel()[:12]) + (", …" if value.size > 12 else "")
        return (translate("LessonPost", "{name}: 1 whole number ({values})") if value.size == 1 else
                translate("LessonPost", "{name}: {count} whole numbers ({values})")).format(
            name=code, count=readable.whole(value.size), values=shown)
    flat = value.astype(np.float64).ravel()
    if flat.size == 1:
        return translate("LessonPost", "{name}: one number, {value}").format(name=code, value=readable.sig(flat[0], 3))
    finite = flat[np.isfinite(flat)]
    if not finite.size:
        return translate("LessonPost", "{name}: {shape} values, none of them a number").format(name=code, shape=shape)
    values = {"name": code, "shape": shape, "low": readable.sig(finite.min(), 3), "high": readable.sig(finite.max(), 3)}
    if 10 <= flat.size <= 100_000:
        top = np.argsort(-np.where(np.isfinite(flat), flat, -np.inf), kind="stable")[:3]
        largest = ", ".join(translate("LessonPost", "{value} at position {position}").format(
            value=readable.sig(flat[i], 3), position=int(i)) for i in top)
        return translate("LessonPost", "{name}: {shape} numbers from {low} to {high} (the largest: {largest})").format(
            largest=largest, **values)
    return translate("LessonPost", "{name}: {shape} numbers from {low} to {high}").format(**values)


def _picking_sentences(picking: results.Picking) -> str:
    """How a chat's next token was chosen from the scores, in the order the app does it, a step a sentence; the
    first step names who does it ("The app …"), the later ones say "It …"."""
    if picking.temperature <= 0:
        return translate("LessonPost", "The app took the highest score each time.")
    steps = []
    if picking.penalty != 1:
        steps.append(translate("LessonPost", "The app made pieces it had already written less likely (repetition "
                               "penalty {penalty}).").format(penalty=readable.sig(picking.penalty, 3)))
    bolder, first = picking.temperature > 1, not steps
    if first:
        temperature = (translate("LessonPost", "The app divided the scores by the temperature, {temperature}, to "
                                 "make the choice bolder.") if bolder else
                       translate("LessonPost", "The app divided the scores by the temperature, {temperature}, to "
                                 "make the choice more careful."))
    else:
        temperature = (translate("LessonPost", "It divided the scores by the temperature, {temperature}, to make the "
                                 "choice bolder.") if bolder else
                       translate("LessonPost", "It divided the scores by the temperature, {temperature}, to make the "
                                 "choice more careful."))
    steps.append(temperature.format(temperature=readable.sig(picking.temperature, 3)))
    steps.append(translate("LessonPost", "It kept only the likeliest pieces that together hold {share} of the "
                           "chance, and drew one of them at random.").format(share=readable.percent(picking.top_p))
                 if picking.top_p < 1 else
                 translate("LessonPost", "It drew one piece at random, the likelier ones more often."))
    return " ".join(steps)


def _decoding_steps(raw: dict[str, np.ndarray], result: Any, answer: str) -> str:
    """A transcript's or a reply's path from scores to words: one run per piece, and the picking between."""
    scores, picked = raw.get("scores"), raw.get("picked")
    if scores is None or picked is None:
        return translate("LessonPost", "The model heard no speech, so there were no scores to pick words from.")
    vocab = readable.plural(np.asarray(scores).size, "score")  # a vocabulary's size, exact
    bold = f"**{answer}**"
    if isinstance(result, results.Generation):
        runs = len(result.step_ms) + 1
        ran = (translate("LessonPost", "The model ran once, on the whole prompt ({tokens}).") if runs == 1 else
               translate("LessonPost", "The model ran {runs} times: once on the whole prompt ({tokens}), then once "
                         "more with each piece it had just chosen.")).format(
            runs=readable.whole(runs), tokens=readable.plural(result.prompt_tokens, "token"))
        scored = translate("LessonPost", "Each run gave {scores}, one for every word piece it knows; above are the "
                           "last run's. Picking from them is post-processing.").format(scores=vocab)
        joined = translate("LessonPost", "Then it looked each chosen number up in the vocabulary and joined the "
                           "pieces: {answer}.").format(answer=bold)
        return " ".join((ran, scored, _picking_sentences(result.picking), joined))
    return translate("LessonPost", "The app first drew the sound as a picture of its pitches over time (a log-mel "
                     "spectrogram); the encoder read each piece of up to 30 seconds once. The decoder then ran once "
                     "for every word piece it wrote ({pieces}), and once more to choose where each 30-second piece "
                     "ends. Each run gave {scores}, one for every entry of its vocabulary; above are the last run's. "
                     "The app took the highest score each time, skipping marks it was told never to write, looked "
                     "each chosen number up in the vocabulary and joined the pieces: {answer}.").format(
        pieces=readable.plural(len(picked), "piece"), scores=vocab, answer=bold)


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
    more = len(numeric) - SHOWN_OUTPUTS
    if more == 1:
        lines.append(translate("LessonPost", "and 1 more array"))
    elif more > 1:
        lines.append(translate("LessonPost", "and {count} more arrays").format(count=readable.whole(more)))
    said = headline(result)
    # A long reply or transcript is quoted by its start: the whole of it is on the main window.
    quoted = literal(said if len(said) <= QUOTED_CHARS else readable.shortened(said, QUOTED_CHARS - 1) + "”")
    answer = f"**{quoted}**"
    if isinstance(result, results.Labels) and result.softmax:
        steps = translate("LessonPost", "The app turned the scores into chances (softmax: e raised to the power of "
                          "each score, then shared out to sum to 1), sorted them and named the best: "
                          "{answer}.").format(answer=answer)
    elif isinstance(result, results.Labels):
        steps = translate("LessonPost", "The model's last step already turned its scores into chances that sum to "
                          "1; the app sorted them and named the best: {answer}.").format(answer=answer)
    elif isinstance(result, results.Detections):
        steps = translate("LessonPost", "The app read every place the model scored above the threshold; where boxes "
                          "overlapped a lot it kept the surest and dropped the others (non-maximum suppression), "
                          "leaving {count}.").format(count=f"**{len(result.items)}**")
    elif isinstance(result, (results.Transcript, results.Generation)):
        steps = _decoding_steps(raw, result, quoted)
    else:
        steps = translate("LessonPost", "The app turned them into the answer on screen: {answer}.").format(
            answer=answer)
    return {"raw_input": literal(input_label or translate("LessonPost", "your input")),
            "raw_lines": "\n".join(f"- {line}" for line in lines) or "- " + translate("LessonPost", "nothing at all"),
            "post_steps": steps}
