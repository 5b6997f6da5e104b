"""`playground batch MODEL INPUT... --out RESULTS`: one model over many files, resumable, as Parquet or JSON Lines."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from playground.core.errors import InputError

EXIT_STOPPED = 130  # as a shell reports a command ended by Ctrl-C


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch", help="run a model over many files into one results file, resumable",
        description="Run MODEL over every INPUT (files; folders, searched to the bottom for the model's kind of "
                    "file; .parquet manifests with a path column) and write one row per file to RESULTS: its path, "
                    "size and sha256, the result as `run --json` gives it, the timings and the worker, or the "
                    "sentence that refused it (a bad file never stops the batch). Rows are kept on disk as they "
                    "finish: stopped in any way, the same command goes on where it stopped, skipping each file "
                    "whose content already has a row; RESULTS itself is written once every file has its row.")
    p.add_argument("model", metavar="MODEL", help="model id, as `playground models list` shows")
    p.add_argument("inputs", metavar="INPUT", nargs="*")
    p.add_argument("--manifest", action="append", default=[], metavar="FILE",
                   help="a list of files to run: one path per line, or a .csv/.parquet with a path column; relative "
                        "paths are taken from the manifest's folder (repeatable)")
    p.add_argument("--out", type=Path, required=True, metavar="RESULTS",
                   help="the results file: NAME.parquet (needs the batch extra) or NAME.jsonl")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="set a model parameter (see `playground models info MODEL`)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local: one process per worker on this computer; ray: Ray Data, here or on a cluster "
                        "(needs the ray extra)")
    p.add_argument("--address", metavar="RAY_ADDRESS",
                   help="the Ray cluster to run on (host:port, or auto); the model's files and the playground go "
                        "with the job. Without it, Ray starts on this computer")
    p.add_argument("--workers", type=int, default=None,
                   help="processes, each with its own copy of the model at one thread (default: one per physical "
                        "core: two hyper-threads of one core share its arithmetic units)")
    p.add_argument("--chunk", type=int, default=0, metavar="N",
                   help="files per piece of work, each kept on disk as it finishes (default: chosen from the count)")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from playground import paths
    from playground.batch.formats import format_of
    from playground.batch.inputs import expand
    from playground.batch.job import default_workers, run_job
    from playground.commands.common import find_card, parse_params

    cores = os.cpu_count() or 1
    if args.workers is None:
        args.workers = default_workers()
    if args.address and args.engine != "ray":
        raise InputError("--address names a Ray cluster: give it with --engine ray.")
    if args.address:  # a cluster's cores are not known here; Ray waits for what it cannot place
        if args.workers < 1:
            raise InputError(f"--workers must be 1 or more, not {args.workers}.")
    elif not 1 <= args.workers <= cores:
        raise InputError(f"--workers must be between 1 and {cores}, the number of processor cores here, not "
                         f"{args.workers}.")
    if args.chunk < 0:
        raise InputError(f"--chunk must be a number of files, 1 or more, not {args.chunk}.")
    if not args.inputs and not args.manifest:
        raise InputError("Give the files or folders to run, or a --manifest that lists them.")
    format_of(args.out)  # a name that says no format, or Parquet without pyarrow: said before any work
    card = find_card(args.model)
    params = parse_params(card, args.param)
    files = expand(args.inputs, args.manifest, card.modality)
    try:
        summary = run_job(card, params, files, args.out, min(args.workers, len(files)), paths.models_dir(),
                          chunk=args.chunk, engine=args.engine, address=args.address)
    except KeyboardInterrupt:
        print(f"Stopped. What finished is kept beside {args.out.name}: run the same command to go on from there.")
        return EXIT_STOPPED
    errors = f"; {summary.errors} refused, each with its sentence in the error column" if summary.errors else ""
    if summary.ran:
        rate = summary.ran / summary.elapsed_s if summary.elapsed_s > 0 else 0.0
        kept = f", {summary.kept} kept from an earlier run" if summary.kept else ""
        print(f"Done: {summary.total} files ({summary.ran} run{kept}{errors}) in {summary.elapsed_s:.1f} s, "
              f"{rate:.1f} files a second on {summary.workers} worker{'s' if summary.workers != 1 else ''}.")
    else:
        print(f"Nothing to run: all {summary.total} files have rows from an earlier run with the same content, model "
              f"and parameters{errors}.")
    if summary.left_out:
        print(f"{summary.left_out} rows of an earlier run, for files not given this time, were left out.")
    print(f"Results: {summary.out}")
    return 0
