"""Sentence similarity with all-MiniLM-L6-v2 converted here: the known cosines, and every awkward text."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.errors import InputError
from playground.core.media import TextData
from playground.tasks.similarity import MAX_SEARCHED, MAX_SENTENCES, sentences_of, tokenizer
from tests.known import Runs, installed

pytestmark = pytest.mark.models
GUITAR, STRUM = "A man is playing a guitar.", "Someone is strumming a guitar."
MARKET, SHARES = "The stock market crashed today.", "Shares fell sharply on Wall Street."


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


def compare(run, *lines: str):
    return run("minilm-l6", TextData("\n".join(lines))).result


def search(run, query: str, *lines: str, model: str = "minilm-l6"):
    return run(model, TextData("\n".join(lines)), search=query).result


def test_the_known_pairs_score_as_the_reference_model_does(run):
    result = compare(run, GUITAR, STRUM, MARKET, SHARES)
    m = result.matrix
    # MODELS.md §2.3.1, measured with the torch model: 0.719, 0.591, −0.078.
    assert m[0, 1] == pytest.approx(0.719, abs=1e-3) and m[2, 3] == pytest.approx(0.591, abs=1e-3)
    assert m[0, 2] == pytest.approx(-0.078, abs=1e-3)
    assert np.allclose(m, m.T) and np.allclose(np.diag(m), 1.0)
    assert result.most_alike() == (0, 1, pytest.approx(0.719, abs=1e-3))
    assert result.tokens[0] == 9  # [CLS] a man is playing a guitar . [SEP]: no padding to 128


def test_a_sentence_scores_the_same_alone_as_padded_in_a_batch_beside_a_long_one(run):
    long = " ".join(["The committee discussed the budget for next year at great length."] * 4)
    batched = compare(run, GUITAR, long, STRUM).matrix[0, 2]
    alone = compare(run, GUITAR, STRUM).matrix[0, 1]
    assert batched == pytest.approx(alone, abs=1e-5)


def test_awkward_text_gives_a_result_or_one_sentence(run):
    for empty in ("", "   \n\t\n  "):
        with pytest.raises(InputError, match=r"^There is nothing to compare yet: type two or more sentences"):
            compare(run, empty)
    odd = compare(run, "caf\u00e9 \U0001F600 \u2764\ufe0f", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "a\x00b")
    assert len(odd.sentences) == 3 and np.isfinite(odd.matrix).all()
    assert odd.sentences[2] == "a b"  # a NUL is read as a space
    words = " ".join(["word"] * 400)
    cut = compare(run, words, GUITAR)
    assert cut.cut == (True, False) and cut.tokens[0] == 256
    many = compare(run, *[f"Sentence number {i}." for i in range(100)])
    assert len(many.sentences) == MAX_SENTENCES and many.note == "The first 64 of 100 lines were compared."


def test_a_megabyte_of_text_is_cut_as_the_decoder_says_and_still_compared(run):
    from playground.core import media

    text = ("The weather is lovely today.\nIt is raining again.\n" * 30000).encode()
    decoded = media.decode("text", text, installed("minilm-l6"))
    assert decoded.truncated and len(decoded.text.encode()) <= media.MAX_TEXT_BYTES
    result = run("minilm-l6", decoded).result
    assert len(result.sentences) == MAX_SENTENCES and "were compared" in result.note


def test_lines_are_sentences_and_the_tokenizer_never_pads_on_its_own():
    assert sentences_of("  one   two \n\n three\r\nfour  ") == ["one two", "three", "four"]
    tok = tokenizer(str(installed("minilm-l6").path("tokenizer")), 256)
    assert tok.encode("Hi").ids == [101, 7632, 102]


def test_the_int8_twin_agrees_with_float32_on_which_sentences_belong_together(run):
    with open(installed("minilm-l6").folder.parent.parent / "assets" / "samples" / "sentences.txt") as f:
        text = f.read()
    fp32, int8 = (run(model, TextData(text)).result.matrix for model in ("minilm-l6", "minilm-l6-int8"))
    assert np.abs(fp32 - int8).max() < 0.05  # MODELS.md: cosine to float32 0.991 on average
    off = lambda m: np.where(np.eye(len(m), dtype=bool), -np.inf, m)  # noqa: E731
    assert (off(fp32).argmax(axis=1) == off(int8).argmax(axis=1)).all()  # the same best partner for every line
    assert off(int8).argmax(axis=1).tolist() == [1, 0, 3, 2, 5, 4]


def test_searching_ranks_the_lines_by_their_known_cosine_with_the_query(run):
    result = search(run, GUITAR, MARKET, STRUM, SHARES)
    assert result.searching and result.matrix is None and result.query == GUITAR
    # The same pairs as MODELS.md's known cosines: the query is embedded in the lines' batch, padded.
    assert result.scores[1] == pytest.approx(0.719, abs=1e-3) and result.scores[0] == pytest.approx(-0.078, abs=1e-3)
    assert [i for i, _ in result.ranked()] == [1, 0, 2]  # Wall Street is a little further still (−0.096)
    assert result.to_dict()["ranking"][0] == {"line": 2, "sentence": STRUM, "score": pytest.approx(0.719, abs=1e-3)}
    assert result.summary().splitlines()[:2] == [f"closest in meaning to: {GUITAR}", f" 0.719  2. {STRUM}"]


def test_a_search_finds_meaning_without_shared_words_in_int8_too(run):
    with open(installed("minilm-l6").folder.parent.parent / "assets" / "samples" / "sentences.txt") as f:
        lines = f.read().splitlines()
    for model in ("minilm-l6", "minilm-l6-int8"):
        ranked = search(run, "  money  troubles\x00 ", *lines, model=model)
        assert ranked.query == "money troubles"  # spaces tidied, a NUL read as a space
        assert {i for i, _ in ranked.ranked()[:2]} == {2, 3}, model  # the stock market and Wall Street


def test_a_search_needs_lines_and_reads_far_more_of_them_than_the_grid(run):
    with pytest.raises(InputError, match=r"^There is nothing to search yet: type or paste the lines to search"):
        search(run, "guitar", " \n ")
    assert search(run, "   ", GUITAR, STRUM).matrix is not None  # an empty search compares every pair
    many = search(run, "number seven", *[f"Sentence number {i}." for i in range(MAX_SEARCHED + 5)])
    assert len(many.sentences) == MAX_SEARCHED and many.note == "The first 2,000 of 2,005 lines were searched."
    assert many.ranked()[0][0] == 7
