"""The catalog: every model card under models/, parsed once, with a broken card kept out of the way."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from playground import paths
from playground.core.card import CARD_NAME, MODALITIES, ModelCard, parse_card
from playground.core.errors import ModelCardError, ModelMissingError
from playground.core.shipped_cards import bring_cards
from playground.core.words import translate


@dataclass(frozen=True)
class Catalog:
    """Valid cards sorted by id, and (folder name, error) for each card that could not be read."""

    folder: Path
    cards: tuple[ModelCard, ...]
    broken: tuple[tuple[str, ModelCardError], ...] = ()

    @property
    def errors(self) -> tuple[ModelCardError, ...]:
        return tuple(error for _, error in self.broken)

    def __iter__(self) -> Iterator[ModelCard]:
        return iter(self.cards)

    def __len__(self) -> int:
        return len(self.cards)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(card.id for card in self.cards)

    def get(self, model_id: str) -> ModelCard:
        for card in self.cards:
            if card.id == model_id:
                return card
        for folder_name, error in self.broken:
            if folder_name == model_id:
                raise error
        if not self.cards:
            said = translate("Catalog", "There is no model called '{id}': no model cards were found in {folder}.")
            raise ModelMissingError(said.format(id=model_id, folder=self.folder))
        raise ModelMissingError(translate("Catalog", "There is no model called '{id}'; the known models are {known}.")
                                .format(id=model_id, known=", ".join(self.ids)))

    def by_modality(self) -> dict[str, tuple[ModelCard, ...]]:
        """Cards grouped by modality in the fixed order text, image, audio; empty groups are left out."""
        groups = {m: tuple(c for c in self.cards if c.modality == m) for m in MODALITIES}
        return {m: cards for m, cards in groups.items() if cards}

    def installed(self, card: ModelCard) -> bool:
        """Ready to run: all its built files are present, and those of every model it also runs ([companions],
        e.g. the voice detector Whisper listens with). Whether they are intact is for `playground models verify`."""
        return all(files_present(c) for c in self.needed(card))

    def needed(self, card: ModelCard) -> list[ModelCard]:
        """The models `card` runs on, companions first (as a fetch installs them), then the card itself; a
        companion this catalog lacks is left out, and the run says so (Pipeline.companions)."""
        order: list[ModelCard] = []

        def visit(current: ModelCard) -> None:
            if any(c.id == current.id for c in order):
                return
            order.append(current)  # before its companions: a card naming itself, or a loop, ends here
            for model_id in current.companions.values():
                other = next((c for c in self.cards if c.id == model_id), None)
                if other is not None:
                    visit(other)

        visit(card)
        return order[1:] + order[:1]

    def with_companions(self, cards: Iterable[ModelCard]) -> list[ModelCard]:
        """`cards` and every model they need, each once, companions before the model that needs them."""
        chosen = {needed.id: needed for card in cards for needed in self.needed(card)}
        return list(chosen.values())


def files_present(card: ModelCard) -> bool:
    """The card's own built files are all there."""
    return all((card.folder / f.path).is_file() for f in card.files)


def load_catalog(models_dir: Path | None = None, check: Callable[[ModelCard], None] | None = None) -> Catalog:
    """Parse every models/*/model.toml (sorted by folder). Needs only tomllib, never onnxruntime.

    `check` is what the layer that knows the tasks adds (tasks.registry.checked_catalog): a card it refuses
    is kept among the broken ones, with its sentence, like a card that is not valid TOML."""
    folder = Path(models_dir) if models_dir is not None else paths.models_dir()
    shipped = paths.cards_to_bring() if models_dir is None else None
    if shipped is not None and not bring_cards(shipped, folder, link_models=paths.bundled()):
        folder = shipped  # listed where they were shipped; a fetch then says the folder cannot be written
    cards: list[ModelCard] = []
    broken: list[tuple[str, ModelCardError]] = []
    # A person's own models (anymodel/keep.py) join the default catalog; one named as a shipped model is refused,
    # since a card's id is how settings, history and the command line find it.
    folders = [folder] + ([paths.own_models_dir()] if models_dir is None else [])
    for where in folders:
        # A folder whose name starts with a dot is one being filled or removed (anymodel/keep.py): never a card.
        card_files = sorted(f for f in where.glob(f"*/{CARD_NAME}") if not f.parent.name.startswith(".")) \
            if where.is_dir() else []
        for card_file in card_files:
            try:
                card = parse_card(card_file)
                if any(c.id == card.id for c in cards):
                    raise ModelCardError(f"{card_file}: key 'id' names '{card.id}', which another model has.")
                if check is not None:
                    check(card)
                cards.append(card)
            except ModelCardError as exc:
                broken.append((card_file.parent.name, exc))
    return Catalog(folder, tuple(sorted(cards, key=lambda c: c.id)), tuple(broken))
