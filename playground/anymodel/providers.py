"""Which execution provider ran which node: read from onnxruntime's profile, with the plain warning an engineer needs
when a provider they asked for left nodes to the CPU (each handover copies tensors between devices)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from playground.core.errors import InputError

CPU = "CPUExecutionProvider"
# Providers that send work over the network (onnxruntime's Azure provider calls remote endpoints): the playground
# never touches the network, so they are never offered, though this onnxruntime lists one.
REMOTE = ("AzureExecutionProvider",)


def available() -> list[str]:
    """The providers this onnxruntime can run a model on, on this computer."""
    import onnxruntime as ort

    return [provider for provider in ort.get_available_providers() if provider not in REMOTE]


def chosen(requested: str) -> list[str]:
    """The providers a session is opened with: the one asked for first, then the CPU for what it cannot run."""
    offered = available()
    if requested in REMOTE:
        raise InputError(f"{requested} runs models on a server over the network; the playground runs them on this "
                         "computer only.")
    if requested not in offered:
        raise InputError(f"onnxruntime here offers {', '.join(offered)}, not {requested}: this computer has no such "
                         "device, or this onnxruntime was built without it.")
    return [requested] if requested == CPU else [requested, CPU]


def nodes_by_provider(profile: Path, runs: int) -> dict[str, dict[str, int]]:
    """provider -> operator type -> nodes a run, from a profile of `runs` runs."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for event in json.loads(profile.read_text(encoding="utf-8")):
        if event.get("cat") != "Node" or not event.get("name", "").endswith("_kernel_time"):
            continue
        args = event.get("args", {})
        counts[str(args.get("provider", "?"))][str(args.get("op_name", "?"))] += 1 / runs
    return {provider: {op: round(n) for op, n in sorted(ops.items())} for provider, ops in counts.items()}


def provider_lines(requested: str, ran: dict[str, dict[str, int]]) -> list[str]:
    """What ran where, and a warning when nodes fell back to the CPU from the provider asked for."""
    total = sum(sum(ops.values()) for ops in ran.values())
    lines = [f"{provider} ran {sum(ops.values())} of {total} nodes" for provider, ops in sorted(ran.items())]
    fell = ran.get(CPU, {}) if requested != CPU else {}
    if fell:
        kinds = ", ".join(f"{op} {n}" for op, n in sorted(fell.items(), key=lambda item: -item[1]))
        lines.append(f"Warning: {sum(fell.values())} nodes fell back to the CPU ({kinds}): {requested} has no kernel "
                     "for them here, and every handover copies tensors between the device and the CPU.")
    return lines
