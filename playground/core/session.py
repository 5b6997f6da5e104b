"""onnxruntime sessions: options from settings, a cache, load timing and card-vs-model checks."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground.core.built import MANIFEST, expected_sha256, read_manifest
from playground.core.card import ModelCard, TensorSpec
from playground.core.errors import ModelCardError, ModelMissingError
from playground.core.words import translate

# One thread keeps a core for the window on a 2-core machine; a person trades that for speed in the threads box.
# Measured there with two (`playground bench MODEL INPUT --threads 1|2`, workers spinning only within a run):
# CenterFace 49 → 41 ms, Whisper int8 357 → 258 ms, SmolLM2 int8 92 → 134 tokens a second, Silero VAD no
# faster (40 → 42 ms); the window's event-loop lag in repeat mode went from p99 5–7 ms to 6–9 ms.
DEFAULT_THREADS = 1
OPT_LEVELS = ("disabled", "basic", "extended", "all")
DEFAULT_OPT_LEVEL = "all"

# onnxruntime's names for the element types a card can declare (core/card.py's DTYPES).
ORT_TYPES = {"tensor(float)": "float32", "tensor(float16)": "float16", "tensor(double)": "float64",
             "tensor(int64)": "int64", "tensor(int32)": "int32", "tensor(int16)": "int16", "tensor(int8)": "int8",
             "tensor(uint64)": "uint64", "tensor(uint32)": "uint32", "tensor(uint16)": "uint16",
             "tensor(uint8)": "uint8", "tensor(bool)": "bool"}


@dataclass(frozen=True)
class RuntimeOptions:
    threads: int = DEFAULT_THREADS
    opt_level: str = DEFAULT_OPT_LEVEL
    # With two or more threads the workers spin between the parallel steps of a run and sleep the moment it
    # ends (below). `spin` keeps them spinning after a run too, as llama.cpp's threads do: only benchmarks
    # ask for that like-for-like figure, since it burns a core while the window idles.
    spin: bool = False
    profile_prefix: str = ""  # where onnxruntime writes a profile of every node run (measurements only)

    def session_options(self) -> Any:
        import onnxruntime as ort  # imported lazily so the window paints before onnxruntime loads

        so = ort.SessionOptions()
        so.intra_op_num_threads = self.threads
        so.inter_op_num_threads = 1
        so.graph_optimization_level = {
            "disabled": ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
            "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
            "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
            "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL,
        }[self.opt_level]
        # Measured here: without the memory-pattern planner U²-Net-p holds 300 MB instead of 500 MB and
        # CenterFace 80 MB instead of 114 MB, at the same speed (the arena still reuses buffers).
        so.enable_mem_pattern = False
        # A worker that sleeps between the steps of a run pays a wake-up for each of them: SmolLM2 int8 decoded
        # 98 tokens a second at 2 threads, hardly more than at 1 (92). Spinning while the run lasts and stopping
        # at its end (force_spinning_stop) gave 134, as fast as llama.cpp, with no processor time used between
        # runs; in repeat mode the window's event-loop lag stayed at p99 6–9 ms, max 15–21 ms (sleeping workers:
        # 5–7 and 11–18 ms). Measured here, AMD EPYC, 2 cores. Spinning after runs too would take the core the
        # window needs while it idles (STACK.md), so only a benchmark asks for that (`spin`).
        if self.threads > 1:
            so.add_session_config_entry("session.intra_op.allow_spinning", "1")
            if not self.spin:
                so.add_session_config_entry("session.force_spinning_stop", "1")
        else:
            so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        so.log_severity_level = 3  # warnings about old exporters are not the person's business
        if self.profile_prefix:
            so.enable_profiling = True
            so.profile_file_prefix = self.profile_prefix
        return so


@dataclass
class LoadedSession:
    """An open session and what the pipeline reports about it (load time once, then warm runs)."""

    session: Any
    load_ns: int
    output_names: tuple[str, ...] = ()
    runs: int = 0  # how many runs it has finished; 0 means the next one is cold
    load_reported: bool = False  # set once a finished run has carried load_ns in its record


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def not_installed(card: ModelCard, fix: str = "") -> ModelMissingError:
    """The one sentence for a model whose files are absent: never fetched, or (a fetch left its manifest, or other
    files are still there) installed once and since lost a file, which the sentence then names. `fix` says how to
    get it in words that suit where it is read (the window has a button); by default, the command."""
    fix = fix or fetch_advice(card)
    missing = [f.path for f in card.files if not (card.folder / f.path).is_file()]
    if missing and (len(missing) < len(card.files) or (card.folder / MANIFEST).is_file()):
        if len(missing) == 1:
            said = translate("SessionCache", "{name} is missing its file {file}: {fix} to get it back.")
        else:
            said = translate("SessionCache", "{name} is missing its files {files}: {fix} to get it back.")
        return ModelMissingError(said.format(name=card.name, file=missing[0], files=", ".join(missing), fix=fix))
    said = translate("SessionCache", "{name} is not installed yet: {fix}.")
    return ModelMissingError(said.format(name=card.name, fix=fix))


def fetch_advice(card: ModelCard, after: str = "") -> str:
    """The command that puts a model's files right, as the command line says it (`after`: " to rebuild it" ...).
    It stays English in every language: the window puts its own buttons in its place (ui/inputs.said_in_window).
    A person's own model has nothing to fetch: it is added again from its file."""
    if card.source.own:
        return f"add it again with 'playground models add {card.source.file}'"
    return f"run 'playground models fetch {card.id}'{after}"


# What identifies a file's contents cheaply: a rewrite changes its size or its modification time.
FileStamp = tuple[str, int, int]


def _stamp(path: Path) -> FileStamp:
    st = path.stat()
    return str(path), st.st_size, st.st_mtime_ns


def check_files(card: ModelCard, verified: set[FileStamp] | None = None) -> None:
    """Built files exist and have the card's hashes; otherwise say how to get them.

    `verified` remembers files already hashed in this process, so reopening a session (new thread
    count, evicted cache) does not read every byte again unless the file changed on disk.
    """
    manifest = read_manifest(card) if not all(f.reproducible for f in card.files) else {}
    for f in card.files:
        path = card.folder / f.path
        expected = expected_sha256(card, f, manifest)
        if not path.is_file() or not expected:
            raise not_installed(card)
        try:
            stamp = _stamp(path)
            if verified is not None and stamp in verified:
                continue
            actual = sha256_of(path)
        except OSError as exc:  # unreadable (permissions, a failing disk): a fetch puts a good copy in its place
            said = translate("SessionCache", "{name}: {file} cannot be read ({reason}); {fix}.")
            raise ModelMissingError(said.format(name=card.name, file=f.path, reason=exc.strerror or exc,
                                                fix=fetch_advice(card, " to replace it"))) from exc
        if actual != expected:
            said = (translate("SessionCache", "{name}: {file} is damaged or was changed (it has sha256 {actual}, but "
                                              "the card expects {expected}); {fix}.") if f.reproducible else
                    translate("SessionCache", "{name}: {file} is damaged or was changed (it has sha256 {actual}, but "
                                              "its build recorded {expected}); {fix}."))
            raise ModelMissingError(said.format(name=card.name, file=f.path, actual=actual, expected=expected,
                                                fix=fetch_advice(card, " to rebuild it")))
        if verified is not None:
            verified.add(stamp)


def _spec_problem(declared: tuple[TensorSpec, ...], actual: list[Any]) -> str:
    """How the card's tensors differ from the model's (names, dtypes, ranks, fixed sizes), or ""."""
    if [d.name for d in declared] != [a.name for a in actual]:
        return f"names {[d.name for d in declared]}, but the model has {[a.name for a in actual]}"
    for d, a in zip(declared, actual):
        dtype = ORT_TYPES.get(a.type, a.type)
        if d.dtype != dtype:
            return f"'{d.name}' is declared {d.dtype}, but the model says {dtype}"
        real = list(a.shape)
        if len(real) != len(d.shape):
            return f"'{d.name}' has rank {len(d.shape)}, but the model's is {len(real)}"
        for dd, ad in zip(d.shape, real):
            if isinstance(dd, int) and isinstance(ad, int) and dd != ad:
                return f"'{d.name}' is declared {list(d.shape)}, but the model has {real}"
    return ""


def _check_specs(card: ModelCard, kind: str, declared: tuple[TensorSpec, ...], actual: list[Any]) -> None:
    """A card that misdescribes its model is the card's fault: its file matches the hash the card pins, so a
    fetch would change nothing; the card has to be put right (or put back)."""
    problem = _spec_problem(declared, actual)
    if problem:
        raise ModelCardError(f"{card.folder / 'model.toml'}: [[{kind}]] {problem}; correct the card (or put back "
                             f"the one that came with the playground) and check it with 'playground models verify "
                             f"{card.id}'.")


def check_io(card: ModelCard, session: Any) -> None:
    """Declared inputs/outputs (names, dtypes, static dims) equal the real session's."""
    _check_specs(card, "inputs", card.inputs, session.get_inputs())
    _check_specs(card, "outputs", card.outputs, session.get_outputs())


class SessionCache:
    """Opens each (model file, options) once; the first run on a fresh session is the cold run."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str, RuntimeOptions], LoadedSession] = {}
        self._verified: set[FileStamp] = set()

    def get(self, card: ModelCard, options: RuntimeOptions, role: str = "main") -> LoadedSession:
        key = (card.id, role, options)
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = self.open(card, options, role, self._verified)
        return entry

    @staticmethod
    def open(card: ModelCard, options: RuntimeOptions, role: str = "main",
             verified: set[FileStamp] | None = None) -> LoadedSession:
        """Check the files, open the session (timed) and check its inputs and outputs against the card."""
        import onnxruntime as ort

        check_files(card, verified)
        start = time.perf_counter_ns()
        try:
            session = ort.InferenceSession(str(card.path(role)), sess_options=options.session_options(),
                                           providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types, none of them ours
            said = translate("SessionCache", "onnxruntime could not open {file} of {name} ({reason}); {fix}.")
            raise ModelMissingError(said.format(file=card.path(role).name, name=card.name, reason=first_line(exc),
                                                fix=fetch_advice(card, " to rebuild it"))) from exc
        load_ns = time.perf_counter_ns() - start
        if role == "main":
            check_io(card, session)
        return LoadedSession(session, load_ns, tuple(o.name for o in session.get_outputs()))

    def loaded(self) -> list[LoadedSession]:
        """Every session open in this cache (a profile is read from each)."""
        return list(self._entries.values())

    def evict(self, model_id: str | None = None) -> None:
        """Forget sessions (all, or one model's) so the next run loads afresh and is cold again."""
        self._entries = {k: v for k, v in self._entries.items() if model_id is not None and k[0] != model_id}


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (onnxruntime's run to dozens), at most 200 characters."""
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
