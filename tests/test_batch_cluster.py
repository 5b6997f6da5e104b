"""`playground batch --engine ray --address`: a Ray cluster of two nodes (two raylets on this computer, as Ray's
own tests make one) gets the package and the model's files with the job and answers as the local engine does;
a model file that differs from its card is refused on the nodes, in one sentence."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from playground.batch.formats import read_rows

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "assets" / "samples"
SAME = ("path", "size", "sha256", "answer", "result", "error", "notes", "model", "params")
PICTURES = ("coffee.png", "chelsea.png", "rocket.jpg", "grace_hopper.jpg")

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def cluster():
    """(address, environment) of a two-node Ray that only this module's token opens; stopped after."""
    pytest.importorskip("ray")
    ray_cli = Path(sys.executable).with_name("ray")
    folder = Path(tempfile.mkdtemp(prefix="ray-", dir="/tmp"))  # its sockets' names must fit in 107 bytes
    env = {**os.environ, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32),
           "RAY_USAGE_STATS_ENABLED": "0", "RAY_TMPDIR": str(folder)}
    env.pop("RAY_ADDRESS", None)
    port = _free_port()
    address = f"127.0.0.1:{port}"
    started = [[str(ray_cli), "start", "--head", f"--port={port}", "--num-cpus=1", "--include-dashboard=false",
                f"--temp-dir={folder}", "--disable-usage-stats"],
               [str(ray_cli), "start", f"--address={address}", "--num-cpus=1", "--disable-usage-stats"]]
    try:
        for argv in started:
            subprocess.run(argv, env=env, check=True, capture_output=True, timeout=120)
        yield address, env
    finally:
        subprocess.run([str(ray_cli), "stop", "--force"], env=env, capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _batch(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "playground", "batch", *argv], env=env, capture_output=True,
                          text=True, timeout=300, cwd=ROOT)


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    for name in PICTURES:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def test_a_cluster_gets_the_package_and_the_model_with_the_job_and_answers_as_here(cluster, photos, tmp_path,
                                                                                 require_model):
    require_model("efficientnet-lite0")
    address, env = cluster
    here = _batch(env, "efficientnet-lite0", str(photos), "--out", str(tmp_path / "here.jsonl"), "--workers", "1")
    there = _batch(env, "efficientnet-lite0", str(photos), "--out", str(tmp_path / "there.jsonl"), "--engine", "ray",
                   "--address", address, "--workers", "2")
    assert here.returncode == 0 and there.returncode == 0, there.stderr
    assert "Done: 4 files (4 run) in" in there.stdout and "Traceback" not in there.stderr
    local, ray = read_rows(tmp_path / "here.jsonl"), read_rows(tmp_path / "there.jsonl")
    assert [{k: r[k] for k in SAME} for r in ray] == [{k: r[k] for k in SAME} for r in local]
    # Two model actors cannot share a node here (each node has one CPU, an actor asks three quarters of one): one is
    # placed on each. Which of them answers which file is Ray's to choose (one may answer all four).
    assert all(r["worker"] and r["worker"].count(":") == 1 for r in ray)
    coffee = next(r for r in ray if r["path"].endswith("coffee.png"))
    assert "espresso" in json.loads(coffee["result"])["headline"]


def test_a_model_file_unlike_its_card_is_refused_on_the_nodes(cluster, photos, tmp_path, require_model):
    card = require_model("efficientnet-lite0")
    address, env = cluster
    models = tmp_path / "models"
    shutil.copytree(card.folder, models / card.folder.name)
    damaged = models / card.folder.name / "efficientnet_lite0.onnx"
    data = bytearray(damaged.read_bytes())
    data[-100] ^= 1  # one bit: the graph still loads, and would answer differently
    damaged.write_bytes(bytes(data))
    done = _batch({**env, "PLAYGROUND_MODELS": str(models)}, "efficientnet-lite0", str(photos), "--out",
                  str(tmp_path / "there.jsonl"), "--engine", "ray", "--address", address, "--workers", "2")
    assert done.returncode == 2 and "Traceback" not in done.stderr + done.stdout
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("playground: EfficientNet-Lite0 photo classifier: efficientnet_lite0.onnx is damaged or "
                           "was changed (it has sha256 ")
    assert not (tmp_path / "there.jsonl").exists()
