"""The processor's 8-bit instructions, and the caution shown beside int8 models where they are missing."""

from __future__ import annotations

from playground.core.cpu import NO_DOT_PRODUCT, cpu_flags, int8_caution, int8_dot_product


def test_dot_product_instructions_are_named_from_the_processors_flags(tmp_path):
    x86 = tmp_path / "x86"
    x86.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512_vnni\n\nprocessor\t: 1\nflags\t\t: fpu avx2\n")
    old = tmp_path / "old"
    old.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma\n")
    arm = tmp_path / "arm"
    arm.write_text("processor\t: 0\nFeatures\t: fp asimd asimddp crc32\n")
    assert int8_dot_product(cpu_flags.__wrapped__(str(x86))) == "AVX-512 VNNI"
    assert int8_dot_product(cpu_flags.__wrapped__(str(arm))) == "Arm dot product"
    assert int8_dot_product(cpu_flags.__wrapped__(str(old))) == ""
    assert cpu_flags.__wrapped__(str(tmp_path / "missing")) is None


def test_only_int8_models_on_a_processor_without_them_get_the_caution():
    old, new = frozenset({"avx2"}), frozenset({"avx2", "avx_vnni"})
    assert int8_caution(("text", "int8"), old) == NO_DOT_PRODUCT
    assert int8_caution(("text", "int8"), new) == "" and int8_caution(("text",), old) == ""
    assert int8_caution(("int8",), frozenset()) == NO_DOT_PRODUCT  # flags read, none of them helps


def test_the_card_of_an_int8_model_says_so_on_a_processor_without_them(monkeypatch):
    from playground import paths
    from playground.core import cpu
    from playground.core.card import parse_card
    from playground.ui.panels.card_view import card_markdown

    card = parse_card(paths.models_dir() / "minilm-l6-int8" / "model.toml")
    monkeypatch.setattr(cpu, "cpu_flags", lambda: frozenset({"avx2"}))
    assert f"**On this computer:** {NO_DOT_PRODUCT}" in card_markdown(card, installed=False)
    monkeypatch.setattr(cpu, "cpu_flags", lambda: frozenset({"avx2", "avx512_vnni"}))
    assert "On this computer" not in card_markdown(card, installed=False)
