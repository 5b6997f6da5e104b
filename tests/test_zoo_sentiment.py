"""The sentiment recipe's parts without the real weights: reading rated sentences, cleaning, the appended head."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest

from playground.core.errors import FetchError
from playground.core.train.logistic import LinearHead
from playground.zoo.sentiment import LABELS, clean, head_model, read_rated


def test_rated_sentences_are_read_cleaned_and_labelled_at_plus_and_minus_one(tmp_path: Path) -> None:
    path = tmp_path / "tweets_GroundTruth.txt"
    path.write_text("1\t2.5\tSo lucky!  http://url_removed\n2\t-1.0\t@anonymous this is bad\n\n"
                    "3\t0.99\tThe bus came.\n4\t-0.4\tmeh", encoding="utf-8")
    rated = read_rated(path)
    assert rated.texts == ("So lucky!", "@user this is bad", "The bus came.", "meh")
    assert rated.labels.tolist() == [2, 0, 1, 1]


@pytest.mark.parametrize("line, problem", [("7\tgood\tA text", "Line 2 of the rated sentences r.txt is not"),
                                           ("7\t5.5\tA text", "Line 2 of the rated sentences r.txt has no text or"),
                                           ("7\t1.0\t   ", "Line 2 of the rated sentences r.txt has no text or")])
def test_a_damaged_rated_file_names_the_file_and_the_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "r.txt"
    path.write_text(f"1\t1.0\tfine\n{line}\n", encoding="utf-8")
    with pytest.raises(FetchError, match=problem):
        read_rated(path)


def test_cleaning_drops_links_and_names_users_alike() -> None:
    assert clean("  @Delta   flight https://t.co/x   late\n") == "@user flight late"


def test_the_head_reads_an_embedding_and_gives_logits_and_probabilities() -> None:
    head = LinearHead(np.eye(3, dtype=np.float32) * 2, np.array([0, 1, 0], np.float32), 1, 0.0)
    model = head_model(head)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    rows = np.array([[1, 0, 0], [0, 0, 3]], np.float32)
    logits, probs = session.run(None, {"sentence_embedding": rows})
    assert np.allclose(logits, head.logits(rows)) and np.allclose(probs.sum(1), 1.0)
    assert probs.argmax(1).tolist() == [0, 2]
    assert [i.name for i in model.graph.input] == ["sentence_embedding"]
    assert {p.key: p.value for p in model.metadata_props} == {"labels": ",".join(LABELS)}
