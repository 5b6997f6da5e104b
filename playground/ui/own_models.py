"""The window's side of a person's own models: a dropped or opened .onnx file kept in the worker and listed, and an
int8 twin made on request; never on a kiosk, whose visitors leave nothing behind for the next one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from playground.core.card import CARD_NAME, ModelCard, parse_card
from playground.tasks.registry import check_card
from playground.ui.i18n import translate

if TYPE_CHECKING:
    from playground.ui.controller import Controller


class OwnModels:
    def __init__(self, controller: Controller) -> None:
        self._controller = controller

    def add(self, path: Path) -> bool:
        """Keep the file among the person's models (anymodel/keep.py): read, checked, opened once and kept with a
        card pinning its hashes, then listed and shown."""
        c = self._controller
        if c.settings.kiosk:
            return False
        from playground.anymodel.keep import keep

        taken = c.catalog.ids
        measurement = c.run_experiment(lambda token, _progress: keep(path, taken=taken, check=token.check))
        measurement.finished.connect(lambda card: self._listed(card, show=card.id))
        measurement.failed.connect(c.input_rejected)
        c.status_changed.emit(translate("Controller", "Opening {file}: checking it, and keeping a copy among your "
                                                      "models…").format(file=path.name))
        return True

    def can_make_twin(self, card: ModelCard | None) -> bool:
        """A model the person added, with no int8 twin yet, and not one itself."""
        c = self._controller
        return (card is not None and card.source.own and not c.settings.kiosk and "int8" not in card.tags
                and not card.compare_with)

    def make_twin(self) -> bool:
        """Quantise the shown model's MatMul and Gemm weights to int8 in the worker (anymodel/twin.py), keep it
        beside it, and list both: the card then offers the twin, and the int8 lesson compares them."""
        c = self._controller
        card = c.card
        if not self.can_make_twin(card):
            return False
        assert card is not None, "can_make_twin checked it"
        from playground.anymodel.twin import int8_twin

        measurement = c.run_experiment(lambda token, _progress: int8_twin(card, check=token.check))
        # The base's card names its twin now: read again, it stays shown with the twin offered beside it.
        measurement.finished.connect(lambda twin: self._listed(parse_card(card.folder / CARD_NAME), twin,
                                                                show=card.id))
        measurement.failed.connect(c.run_failed)
        c.status_changed.emit(translate("Controller", "Making an int8 twin of {model}…").format(model=card.name))
        return True

    def _listed(self, *cards: ModelCard, show: str) -> None:
        c = self._controller
        for card in cards:
            check_card(card)
        ids = {card.id for card in cards}
        kept = tuple(card for card in c.catalog.cards if card.id not in ids)
        c.catalog = replace(c.catalog, cards=tuple(sorted((*kept, *cards), key=lambda card: card.id)))
        c.refresh_catalog(show)
