"""`playground models list|fetch|add|remove|verify|info`: see, get and check the models from a terminal."""

from __future__ import annotations

import argparse
import dataclasses
import signal
import sys
import textwrap
from typing import Any

from playground.cli import print_json
from playground.commands import own_models
from playground.core.card import ModelCard
from playground.core.catalog import Catalog
from playground.core.errors import InputError, ModelMissingError, PlaygroundError
from playground.core.safe_output import terminal_text as shown
from playground.core.session import fetch_advice
from playground.tasks.registry import checked_catalog

_HEADINGS = {"text": "Text", "image": "Image", "audio": "Audio", "tensors": "Your models (tensors in, tensors out)"}


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "models", help="list, fetch, verify or describe the models",
        description="Manage the models: list them, fetch them from PyPI once (they work offline afterwards), "
                    "check their files, or show everything a model card says.")
    actions = parser.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list every model, grouped by kind of input")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=cmd_list)
    fetch = actions.add_parser("fetch", help="download and build models (all when no ID is given)")
    fetch.add_argument("ids", nargs="*", metavar="ID", help="model ids, as shown by 'playground models list'")
    fetch.add_argument("--progress", choices=("text", "json"), default="text",
                       help="how progress is shown on the way: text on stderr (default), or JSON lines on stdout "
                            "for a program that shows it itself")
    fetch.set_defaults(handler=cmd_fetch)
    own_models.add_parser(actions)
    remove = actions.add_parser("remove", help="delete models' built files to free the disk (their cards stay, "
                                               "so 'fetch' brings them back); a model you added goes whole")
    remove.add_argument("ids", nargs="*", metavar="ID", help="model ids, as shown by 'playground models list'")
    remove.add_argument("--all", action="store_true", help="every model")
    remove.set_defaults(handler=cmd_remove)
    verify = actions.add_parser("verify", help="check built files and each model's inputs and outputs")
    verify.add_argument("ids", nargs="*", metavar="ID", help="model ids (all when none is given)")
    verify.add_argument("--json", action="store_true", help="print JSON instead of text")
    verify.set_defaults(handler=cmd_verify)
    info = actions.add_parser("info", help="show everything a model's card says")
    info.add_argument("id", metavar="ID", help="a model id, as shown by 'playground models list'")
    info.add_argument("--json", action="store_true", help="print JSON instead of text")
    info.set_defaults(handler=cmd_info)


def _megabytes(count: int) -> str:
    return f"{count / 1e6:.1f} MB"


def _report_card_errors(catalog: Catalog) -> int:
    """Broken cards are reported but never hide the others; the exit code tells scripts about them."""
    for error in catalog.errors:
        print(f"playground: {error}", file=sys.stderr)
    return 1 if catalog.errors else 0


def _catalog() -> Catalog:
    """The catalog, or one sentence when the models folder holds no cards at all (a wrong PLAYGROUND_MODELS)."""
    catalog = checked_catalog()
    if not catalog.cards and not catalog.broken:
        raise ModelMissingError(f"No model cards were found in {catalog.folder}: point PLAYGROUND_MODELS at the "
                                "folder that holds them.")
    return catalog


def _selected(catalog: Catalog, ids: list[str]) -> list[ModelCard]:
    return [catalog.get(model_id) for model_id in dict.fromkeys(ids)] if ids else list(catalog.cards)


def _summary(catalog: Catalog, card: ModelCard) -> dict[str, Any]:
    installed = catalog.installed(card)
    return {"id": card.id, "name": card.name, "task": card.task, "modality": card.modality,
            "license": card.license, "parameters": card.parameters, "installed": installed,
            "size_bytes": card.size_bytes if installed else None, "download_bytes": card.source.download_size}


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1] for row in rows]


def cmd_list(args: argparse.Namespace) -> int:
    catalog = checked_catalog() if args.json else _catalog()  # for scripts, no models is an empty list
    if args.json:
        print_json({"models": [_summary(catalog, c) for c in catalog], "errors": [str(e) for e in catalog.errors]})
        return 1 if catalog.errors else 0
    if not catalog.cards:  # every card is broken: the errors say why
        return _report_card_errors(catalog)
    rows, headings = [["ID", "NAME", "TASK", "SIZE", "LICENCE", "STATUS"]], {}
    for modality, cards in catalog.by_modality().items():
        headings[len(rows)] = _HEADINGS.get(modality, modality)
        for card in cards:
            done = catalog.installed(card)
            status = "installed" if done else f"not fetched ({_megabytes(card.source.download_size)} download)"
            rows.append([card.id, card.name, card.task, _megabytes(card.size_bytes) if done else "-",
                         card.license, status])
    for index, line in enumerate(_table(rows)):
        if index in headings:
            print(f"{headings[index]}:")
        print(f"  {line}".rstrip())
    ready = sum(catalog.installed(c) for c in catalog)
    print(f"{ready} of {len(catalog)} models installed"
          + ("." if ready == len(catalog) else "; 'playground models fetch' gets the rest."))
    return _report_card_errors(catalog)


def _print_outcome(outcome: Any) -> None:
    if not outcome.built:
        how = "already up to date"
    else:
        how = "downloaded and installed" if outcome.downloaded else "installed from the download cache"
    print(f"{outcome.model_id}: {how} ({_megabytes(outcome.size)})", flush=True)


def cmd_fetch(args: argparse.Namespace) -> int:
    from playground.zoo.fetch import fetch_models
    from playground.zoo.progress import JsonProgress, TextProgress

    # Stopped by the window's Cancel (SIGTERM to the fetch and its pip): unwound like Ctrl-C, so every work
    # folder is removed on the way out and nothing half-built is left.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: _interrupt())
    catalog = _catalog()
    # Each with the models it also runs (Whisper listens with the voice detector): fetched, it works.
    cards = catalog.with_companions(_selected(catalog, args.ids))
    as_json = args.progress == "json"
    fetch_models(cards, progress=JsonProgress(sys.stdout) if as_json else TextProgress(sys.stderr),
                 on_outcome=None if as_json else _print_outcome)
    if cards and not as_json:
        print("Ready: these models now work offline.")
    return _report_card_errors(catalog) if not args.ids else 0


def cmd_remove(args: argparse.Namespace) -> int:
    from playground import paths
    from playground.zoo.remove import remove_model

    if not args.ids and not args.all:
        raise InputError("Name the models to remove (see 'playground models list'), or give --all for every one.")
    catalog = _catalog()
    freed = 0
    for card in _selected(catalog, [] if args.all else args.ids):
        if card.source.own:  # a model the person added has no package to fetch it from again: only by name
            if args.all:
                print(f"{card.id} is a model you added: it stays (remove it by its id)")
            else:
                own_models.remove_own(card)
            continue
        removed = remove_model(card)
        freed += removed.freed
        if removed.with_app:
            print(f"{card.id} comes with the app: its files are part of the installed app, which its uninstall "
                  "removes")
        elif removed.files:
            print(f"removed {card.id}: {removed.files} file{'s' if removed.files > 1 else ''}, "
                  f"{_megabytes(removed.freed)} freed")
        else:
            print(f"{card.id} was not installed")
    print(f"{_megabytes(freed)} freed. The downloaded packages stay in {paths.cache_dir()}, so fetching a model "
          "again needs no network; delete that folder to free their space too.")
    return 0


def _interrupt() -> None:
    raise KeyboardInterrupt


def _verify_one(card: ModelCard) -> str | None:
    """None when the files match and the session's inputs and outputs equal the card's; else the problem."""
    from playground.core.session import RuntimeOptions, SessionCache

    try:
        SessionCache.open(card, RuntimeOptions())
    except PlaygroundError as exc:
        return str(exc)
    return None


def cmd_verify(args: argparse.Namespace) -> int:
    catalog = _catalog()
    cards = _selected(catalog, args.ids)
    problems = {card.id: _verify_one(card) for card in cards}
    card_errors = [] if args.ids else [str(e) for e in catalog.errors]
    failed = any(problems.values()) or bool(card_errors)
    if args.json:
        print_json({"ok": not failed, "models": [{"id": i, "ok": p is None, "problem": p} for i, p in problems.items()],
                    "errors": card_errors})
        return 1 if failed else 0
    for card in cards:
        problem = problems[card.id]
        count = f"{len(card.files)} files match" if len(card.files) > 1 else "the file matches"
        detail = f"{count}; inputs and outputs match the card" if problem is None else problem
        print(f"{'ok  ' if problem is None else 'FAIL'}  {card.id}: {detail}")
    for error in card_errors:
        print(f"FAIL  {error}")
    print("All checks passed." if not failed else "Some checks failed.")
    return 1 if failed else 0


def _card_json(catalog: Catalog, card: ModelCard) -> dict[str, Any]:
    data = dataclasses.asdict(card)
    data["folder"] = str(card.folder)
    data["installed"] = catalog.installed(card)
    data["size_bytes"] = card.size_bytes
    return data


def _tensor_lines(specs: tuple[Any, ...]) -> list[str]:
    return [f"  {t.name:<12} {t.dtype} [{', '.join(str(d) for d in t.shape)}]" + (f"  {t.layout}" if t.layout else "")
            for t in specs]


def _info_lines(catalog: Catalog, card: ModelCard) -> list[str]:
    s = card.source
    installed = f"yes, {_megabytes(card.size_bytes)} in {card.folder}" if catalog.installed(card) else \
        f"no: {fetch_advice(card)}" if s.own else \
        f"no: 'playground models fetch {card.id}' downloads {_megabytes(s.download_size)} once"
    lines = [f"{card.name} ({card.id})", card.summary, "",
             f"Task          {card.task} ({card.modality})", f"Licence       {card.license}",
             f"Attribution   {card.attribution}", f"Tags          {', '.join(card.tags)}",
             f"Parameters    {card.parameters:,}", f"Works well on {card.works_well_on}",
             f"Fails on      {card.fails_on}", f"Installed     {installed}", "", "Description"]
    for paragraph in card.description.split("\n\n"):
        lines += textwrap.wrap(" ".join(paragraph.split()), 100, initial_indent="  ", subsequent_indent="  ")
    if s.own:
        lines += ["", "Source", f"  your file   {s.file} (route own: nothing to download)"]
    else:
        lines += ["", "Source", f"  package     {s.pypi} ({s.file}, {s.size:,} bytes)", f"  sha256      {s.sha256}"]
    lines += [f"  platform    {s.platform}"] if s.platform else []
    lines += [f"  route       {s.route}" + (f", recipe {s.recipe}" if s.recipe else "")]
    lines += [f"  member      {m.path} ({m.role}) sha256 {m.sha256}" for m in s.members]
    for package in s.extra:
        lines += [f"  package     {package.pypi} ({package.file}, {package.size:,} bytes)", f"  sha256      {package.sha256}"]
        lines += [f"  member      {m.path}" + (f" → {m.inner}" if m.inner else "") + f" ({m.role}) sha256 {m.sha256}"
                  for m in package.members]
    lines += ["", "Files"] + [f"  {f.role:<12} {f.path}  sha256 {f.sha256}" for f in card.files]
    lines += ["", "Inputs"] + _tensor_lines(card.inputs) + ["", "Outputs"] + _tensor_lines(card.outputs)
    for title, table in (("Pre-processing", card.preprocess), ("Post-processing", card.postprocess)):
        lines += ["", title] + [f"  {key} = {value}" for key, value in table.items()]
    lines += ["", "Settings"]
    for p in card.params:
        bounds = f" ({p.min}–{p.max})" if p.min is not None or p.max is not None else ""
        choices = f" (one of {', '.join(p.choices)})" if p.choices else ""
        lines.append(f"  {p.name:<16} {p.default}{bounds}{choices}  {p.label}" + (f": {p.help}" if p.help else ""))
    return lines


def cmd_info(args: argparse.Namespace) -> int:
    catalog = checked_catalog()
    card = catalog.get(args.id)
    if args.json:
        print_json(_card_json(catalog, card))
    else:  # a model a person added carries names its maker chose: printed, never obeyed by the terminal
        print("\n".join(shown(line) for line in _info_lines(catalog, card)))
    return 0
