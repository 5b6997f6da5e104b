"""The Ray engine: the local engine's rows, made by Ray Data on this computer or on a cluster.

Two stages, so each scales on its own: actors that read, hash and decode files, and actors that each open
the model once (a session cannot be pickled) at one onnxruntime thread and run it. Rows stream back to this
process, which keeps them on disk as they land (store.py) exactly as with the local engine, so a stop, a lost
node or a power cut loses only rows not yet kept, and the results file is still written whole at the end.

Without an address Ray starts on this computer with one CPU per worker. With one, the job ships the
playground package and the model's files to the cluster, and every node checks each file's sha256 against
the card before it opens the model: a node with a different file refuses rather than answers differently.
Ray reports usage to its makers unless told not to; the playground tells it not to, and starts no dashboard.
Ray's servers listen on every network interface, and anything that reaches them can run code on this
computer: a Ray started here requires a token that is made afresh for each batch and kept only in the
environment of its own processes (not written to ~/.ray, as Ray's default token is), so nothing on the
network can use it.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import re
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from playground.batch.job import Chunk
from playground.batch.progress import Progress
from playground.core.errors import InputError

# A playground error as Ray's error text carries it from a node: "playground.core.errors.ModelMissingError: …".
_REFUSED = re.compile(r"playground\.core\.errors\.\w+: (.+)")
# Set before Ray is imported: no usage reports sent to Ray's makers.
QUIET = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1"}


class Decode:
    """Stage one: each file's size, sha256 and decoded input; a file whose row stands is only hashed."""

    def __init__(self, model_id: str, models_dir: str | None, language: str) -> None:
        from playground.core import words
        from playground.tasks.registry import checked_catalog, get_task

        words.speak(language)  # its sentences for a file it cannot read, in the batch's language
        self.card = checked_catalog(_models_here(models_dir)).get(model_id)
        self.kind = get_task(self.card.task).input_kind

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from playground.batch.rows import content_of, unexpected, unreadable
        from playground.core import media
        from playground.core.errors import PlaygroundError

        out: dict[str, list[Any]] = {"path": [], "size": [], "sha256": [], "decoded": [], "decode_ms": [],
                                     "problem": [], "kept": []}
        for path, done in zip(batch["path"], batch["done"]):
            size = sha256 = decoded = None
            problem, kept, took = "", False, 0.0
            try:
                size, sha256 = content_of(Path(path))
                kept = sha256 == done
                if not kept:
                    began = time.perf_counter_ns()
                    decoded = pickle.dumps(media.decode(self.kind, Path(path), self.card))
                    took = (time.perf_counter_ns() - began) / 1e6
            except OSError as exc:
                problem = unreadable(Path(path), exc)
            except PlaygroundError as exc:
                problem = str(exc)
            except Exception as exc:  # noqa: BLE001 - as the local engine: one odd file is a row, not a failed job
                problem = unexpected(Path(path), exc)
            for key, value in zip(out, (path, size, sha256, decoded, took, problem, kept)):
                out[key].append(value)
        return out


class Infer:
    """Stage two: the model, opened once per actor after its files' hashes are checked."""

    def __init__(self, model_id: str, params: dict[str, Any], models_dir: str | None, language: str) -> None:
        from playground.batch.rows import worker_name
        from playground.core import words
        from playground.core.pipeline import Pipeline
        from playground.core.session import RuntimeOptions, check_files
        from playground.core.task import RunRequest
        from playground.tasks.registry import checked_catalog, get_task

        words.speak(language)
        card = checked_catalog(_models_here(models_dir)).get(model_id)
        check_files(card)  # on every node, before its first answer
        self.pipeline = Pipeline(options=RuntimeOptions(threads=1))
        self.request = RunRequest(card, get_task(card.task), None, params)
        self.worker = worker_name()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from playground.batch.rows import answer, error_row

        rows = []
        for path, size, sha256, decoded, decode_ms, problem, kept in zip(
                batch["path"], batch["size"], batch["sha256"], batch["decoded"], batch["decode_ms"], batch["problem"],
                batch["kept"]):
            file = Path(path)
            if kept:  # the row kept on disk stands: only the path comes back, to be counted
                row = {**error_row(file, None, None, "", self.worker), "error": None, "worker": None}
            elif problem:
                row = error_row(file, _int(size), sha256, problem, self.worker)
            else:
                row = answer(self.pipeline, self.request, pickle.loads(decoded), file, int(size), sha256, self.worker,
                             float(decode_ms))
            rows.append({**row, "kept": bool(kept)})
        return {key: [row[key] for row in rows] for key in rows[0]} if rows else {}


def _int(value: Any) -> int | None:
    """A size from a batch column (NaN where the file could not be read)."""
    return None if value is None or value != value else int(value)


def _models_here(models_dir: str | None) -> Path:
    """The models folder on this node: the one named (this computer), or the job's own copy (a cluster)."""
    return Path(models_dir) if models_dir else Path.cwd() / "models"


def run_ray(card: Any, params: dict[str, Any], models_dir: Path, chunks: list[Chunk], workers: int,
            on_chunk: Callable[[list[dict[str, Any]], int], None], address: str | None = None,
            progress: Progress | None = None, language: str = "en") -> None:
    """Run every file through Ray; on_chunk(rows, kept) hears each batch as it streams back."""
    os.environ.update(QUIET)
    try:
        import ray
    except ImportError:
        raise InputError("The Ray engine needs Ray: install the ray extra (pip install 'inference-playground[ray]'), "
                         "or use --engine local.") from None
    size = max(1, max((len(c) for c in chunks), default=1))
    with tempfile.TemporaryDirectory(prefix="playground-ray-") as staging, \
            (nullcontext() if address else _own_token()):
        runtime_env, where = _shipping(card, models_dir, Path(staging)) if address else ({}, str(models_dir))
        try:
            ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                     log_to_driver=False, logging_level=logging.ERROR, runtime_env=runtime_env or None)
        except (ConnectionError, ValueError, RuntimeError) as exc:
            raise InputError(f"Ray could not start or reach {address or 'this computer'} ({exc}): check the address, "
                             "and that the cluster runs the same Ray version.") from None
        with _messages_aside(progress):  # shutting down too: the driver prints what the nodes said until then
            try:
                _stream(ray, card, params, where, chunks, workers, size, on_chunk, language)
            finally:
                ray.shutdown()


def _stream(ray: Any, card: Any, params: dict[str, Any], where: str | None, chunks: list[Chunk], workers: int,
            size: int, on_chunk: Callable[[list[dict[str, Any]], int], None], language: str) -> None:
    # The batch's own progress line says it all: no bars, no line for each stage that starts and ends, and not
    # the warning that bars are off.
    import ray.data  # configures its own loggers on import: quieten them after

    logging.getLogger("ray.data").setLevel(logging.CRITICAL)  # a failure is said once, as a sentence, below
    ray.data.DataContext.get_current().enable_progress_bars = False
    items = [{"path": path, "done": done or ""} for chunk in chunks for path, done in chunk]
    data = ray.data.from_items(items, override_num_blocks=max(1, len(chunks)))
    # Decoding takes a fraction of the model's time: one decoder feeds up to four model actors, and takes a quarter
    # of a CPU so that the model actors keep three quarters each of the CPUs asked for.
    decoders = -(-workers // 4)
    data = data.map_batches(_bound(Decode, card.id, where, language), batch_size=size, concurrency=decoders, num_cpus=0.25)
    data = data.map_batches(_bound(Infer, card.id, params, where, language), batch_size=size, concurrency=workers,
                            num_cpus=0.75)
    try:
        for batch in data.iter_batches(batch_size=None, batch_format="pyarrow"):
            rows = batch.to_pylist()
            on_chunk([{k: v for k, v in row.items() if k != "kept"} for row in rows if not row["kept"]],
                     sum(1 for row in rows if row["kept"]))
    except Exception as exc:
        # A stage that refused to start on a node (a model file that differs from its card's sha256) reaches here
        # wrapped by Ray, as text: its own sentence is found in it and said alone.
        refused = _REFUSED.search(str(exc))
        if refused is None:
            raise
        raise InputError(refused.group(1).strip()) from None


@contextmanager
def _own_token() -> Iterator[None]:
    """For the block, a Ray started here answers only to this batch's processes: they inherit the token from the
    environment. Ray reads its settings once, on import: they are read again after each change."""
    # What Ray's own tests call after such a change (a compiled module: no type stubs).
    from ray._raylet import AuthenticationTokenLoader, Config  # type: ignore[attr-defined]

    def reread() -> None:
        Config.initialize("")
        AuthenticationTokenLoader.instance().reset_cache()

    values = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}
    before = {key: os.environ.get(key) for key in (*values, "RAY_AUTH_TOKEN_PATH")}
    os.environ.pop("RAY_AUTH_TOKEN_PATH", None)
    os.environ.update(values)
    reread()
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        reread()


@contextmanager
def _messages_aside(progress: Progress | None) -> Iterator[None]:
    """Ray's messages would break the progress line and bury the one sentence a failure ends with: its C++ core
    writes to the process's standard error (descriptor 2), and the driver prints the nodes' errors (a stage's
    traceback) to sys.stdout. They go to nowhere for the block (Ray keeps its full logs in its session folder);
    the progress line keeps the terminal."""
    sys.stderr.flush()
    sys.stdout.flush()
    saved = os.dup(2)
    original, output = sys.stderr, sys.stdout
    terminal = io.TextIOWrapper(io.FileIO(saved, "w", closefd=False), encoding=original.encoding,
                                errors="backslashreplace", line_buffering=True)
    try:
        with open(os.devnull, "wb") as nowhere:
            os.dup2(nowhere.fileno(), 2)
        sys.stderr = sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        with progress.kept_on(terminal) if progress is not None else nullcontext():
            yield
    finally:
        sys.stderr.close()
        sys.stderr, sys.stdout = original, output
        terminal.flush()
        os.dup2(saved, 2)
        os.close(saved)


def _bound(stage: type, *args: Any) -> type:
    """The stage with its arguments inside the class (pickled with it), not in Ray's object store: Ray warns that
    an actor restarted after a lost node could not find arguments kept there."""

    class Bound(stage):
        def __init__(self) -> None:
            super().__init__(*args)

    Bound.__name__ = Bound.__qualname__ = stage.__name__
    return Bound


def _shipping(card: Any, models_dir: Path, staging: Path) -> tuple[dict[str, Any], None]:
    """A runtime environment whose working directory, on each node, is laid out as a checkout: the playground
    package, its assets (labels, vocabularies; not the samples) and this model's files (and its companions'),
    so the package finds them there as it would beside a checkout (paths.py)."""
    import shutil

    import playground
    from playground import paths
    from playground.core.pipeline import Pipeline

    shutil.copytree(Path(playground.__file__).parent, staging / "playground",
                    ignore=shutil.ignore_patterns("__pycache__", "_data"))  # _data: an installed copy's own assets
    shutil.copytree(paths.assets_dir(), staging / "assets", ignore=shutil.ignore_patterns("samples"))
    for model in [card, *Pipeline().companions(card).values()]:
        for f in model.files:
            target = staging / "models" / model.folder.name / f.path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(model.folder / f.path, target)
            except OSError:  # another file system: a copy
                shutil.copy2(model.folder / f.path, target)
        for extra in ("model.toml", ".built"):
            if (model.folder / extra).is_file():
                (staging / "models" / model.folder.name / extra).write_bytes((model.folder / extra).read_bytes())
    return {"working_dir": str(staging)}, None
