"""Help → About: versions, where things live, and each model's credits, the same as the shipped notices."""

from __future__ import annotations

import onnxruntime

from playground import __version__, paths
from playground.core.notices import row


def test_about_says_the_versions_the_folders_and_every_models_credits(make_window):
    controller, window = make_window()
    titles = [a.text() for a in window.help_menu.actions()]
    assert titles == ["&Keyboard shortcuts", "&About Inference Playground"]
    about = window.show_about()
    assert about.isVisible()
    assert f"Version {__version__} · onnxruntime {onnxruntime.__version__} · Qt " in about.versions.text()
    assert f"Models: {paths.models_dir()}" in about.places.text()
    assert f"Settings: {window.settings.path}" in about.places.text()
    notices = (paths.root() / "packaging" / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    table = about.table
    assert table.rowCount() == len(controller.catalog.cards)
    for r, card in enumerate(controller.catalog.cards):
        assert table.item(r, 0).text() == card.name
        assert table.item(r, 1).text() == card.credits.weights_license
        assert table.item(r, 2).text() == card.attribution
        assert table.item(r, 3).text() == f"{card.credits.package} ({card.credits.package_license})"
        assert row(card) in notices, f"the notices and the About box disagree on {card.id}"
    about.close()
