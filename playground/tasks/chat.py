"""Text generation: a message → the model's chat prompt → a reply written one token at a time, streamed as it comes.

The prompt is SmolLM2's ChatML with its own system line (MODELS.md §2.3.3). The first run reads the
whole prompt (the prefill) and gives the first token; every later run reads one token and appends it
to a key/value cache kept in place. Writing stops at the model's end-of-turn token or at the token limit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.card import ModelCard
from playground.core.card_schema import PreprocessTable, count
from playground.core.errors import InputError, ModelCardError
from playground.core.media import TextData
from playground.core.results import Generation, Picking
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.tasks.knobs import param
from playground.tasks.sampling import choose

SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
END_OF_TURN = "<|im_end|>"
# The window says it too, before a run (translated with this context where it is shown).
NO_MESSAGE = QT_TRANSLATE_NOOP("ChatTask", "There is no message yet: type a question or a request, then press Send.")
_UNFINISHED = "\ufffd"  # a character whose bytes are split across tokens shows as this until its last byte comes


@functools.lru_cache(maxsize=2)
def tokenizer(path: str) -> Any:
    from tokenizers import Tokenizer

    try:
        return Tokenizer.from_file(path)
    except Exception as exc:  # the tokenizers package raises its own exception type
        raise ModelCardError(translate("ChatTask", "{path} is not a readable tokenizer file ({reason}); fetch the "
                                                   "model again.").format(path=path, reason=exc)) from None


_MESSAGE = "\x00"  # where the message goes in the prompt (a NUL never reaches it: see preprocess)


def defused(tok: Any, text: str) -> str:
    """The text with the model's control markers broken up: typed in, "<|im_end|>" would end the person's
    turn early and let a message write the model's instructions."""
    for marker in tok.get_added_tokens_decoder().values():
        text = text.replace(marker.content, marker.content.replace("<|", "< |"))
    return text


def prompt(message: str) -> str:
    """ChatML: the system line, the person's message, and the start of the assistant's turn."""
    return f"<|im_start|>system\n{SYSTEM}<|im_end|>\n<|im_start|>user\n{message}<|im_end|>\n<|im_start|>assistant\n"


def visible(tok: Any, ids: list[int]) -> str:
    """The reply as text so far, without a half-received character at its end."""
    return tok.decode(ids, skip_special_tokens=True).rstrip(_UNFINISHED)


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: how many tokens the whole prompt (system line, message, turn markers) may take."""

    max_prompt_tokens: int = count()


@dataclass(frozen=True, eq=False)
class ChatContext:
    message: str
    prompt_ids: list[int]
    note: str
    max_new: int
    temperature: float
    top_p: float
    penalty: float
    seed: int | None
    stop_id: int
    tok: Any


class ChatTask:
    input_kind = "text"
    entry = "message"
    result_type = Generation
    card_tables = (Preprocess,)

    def preprocess(self, data: TextData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, ChatContext]:
        tok = tokenizer(str(card.path("tokenizer")))
        message = defused(tok, data.text.replace("\x00", " ")).strip()
        if not message:
            raise InputError(translate("ChatTask", NO_MESSAGE))
        head, tail = (tok.encode(part).ids for part in prompt(_MESSAGE).split(_MESSAGE))
        room = Preprocess.of(card).max_prompt_tokens - len(head) - len(tail)
        body = tok.encode(message).ids
        note = ""
        if len(body) > room:  # keep the start of the message and the end of the prompt: the model's turn
            body = body[:room]
            message = visible(tok, body)
            note = translate("ChatTask", "Your message was too long for this small model: only its first {count} "
                                         "characters were read.").format(count=readable.local(f"{len(message):,}"))
        stop_id = tok.token_to_id(END_OF_TURN)
        if stop_id is None:
            raise ModelCardError(translate("ChatTask", "{path} has no {token} token; fetch the model again.").format(
                path=card.path("tokenizer"), token=END_OF_TURN))
        return {}, ChatContext(message, head + body + tail, note, int(param(card, params, "max_tokens")),
                               float(param(card, params, "temperature")), float(param(card, params, "top_p")),
                               float(param(card, params, "repetition_penalty")),
                               int(param(card, params, "seed")) or None, stop_id, tok)

    def infer(self, runner: Runner, feeds: Feeds, ctx: ChatContext) -> Outputs:
        rng = np.random.default_rng(ctx.seed)
        cache = runner.cache(len(ctx.prompt_ids) + ctx.max_new)
        logits = runner.run_cached(cache, np.asarray([ctx.prompt_ids], np.int64))
        reply: list[int] = []
        first_ns, stop = 0, "length"
        while len(reply) < ctx.max_new:
            token = choose(logits, reply, temperature=ctx.temperature, top_p=ctx.top_p, penalty=ctx.penalty,
                           rng=rng)
            if not reply:
                first_ns = runner.elapsed_ns()
            if token == ctx.stop_id:
                stop = "end"
                break
            reply.append(token)
            if runner.listening:
                runner.report(len(reply) / ctx.max_new, _generation(ctx, reply, runner.run_times_ns, first_ns, ""))
            if len(reply) == ctx.max_new:
                break
            runner.check()
            logits = runner.run_cached(cache, np.asarray([[token]], np.int64))
        # The last run's scores are the model's raw answer; the tokens picked from them are the app's.
        return {"scores": np.array(logits, np.float32), "picked": np.asarray(reply, np.int64),
                "runs_ns": np.asarray(runner.run_times_ns, np.int64),
                "first_token_ns": np.asarray(first_ns, np.int64), "stop": np.asarray(stop)}

    def postprocess(self, outputs: Outputs, ctx: ChatContext, card: ModelCard, params: dict[str, Any]) -> Generation:
        return _generation(ctx, [int(t) for t in outputs["picked"]], tuple(int(v) for v in outputs["runs_ns"]),
                           int(outputs["first_token_ns"]), str(outputs["stop"]))


def _generation(ctx: ChatContext, reply: list[int], runs_ns: tuple[int, ...], first_ns: int, stop: str) -> Generation:
    """runs_ns[0] read the prompt; each later run read one token of the reply."""
    return Generation(message=ctx.message, text=visible(ctx.tok, reply), tokens=len(reply),
                      prompt_tokens=len(ctx.prompt_ids),
                      first_token_ms=first_ns / 1e6, prefill_ms=runs_ns[0] / 1e6 if runs_ns else 0.0,
                      step_ms=tuple(v / 1e6 for v in runs_ns[1:]), stop=stop, note=ctx.note,
                      picking=Picking(ctx.temperature, ctx.top_p, ctx.penalty))
