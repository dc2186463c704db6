"""train.py as torchrun starts it: two CPU processes (gloo) train the same network as one process with
the same global batch."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))
from test_pipeline import make_folder  # noqa: E402

COMMON = ["--epochs", "1", "--batch-size", "12", "--eval-every", "1", "--threads", "1",
          "--warmup-epochs", "0", "--lr", "0.2"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_like_torchrun(script: str, args: list[str], processes: int, timeout: float) -> None:
    """Starts the processes the way torchrun does (RANK, WORLD_SIZE, ... in the environment) but
    without its agent: torch 1.13's elastic agent under Python 3.11 once hung after its workers had
    finished (CI, 600 s), and a test of *our* distributed code should not hang on the launcher. A
    hang here fails within `timeout` and shows every process's output."""
    port = str(free_port())
    procs = []
    for rank in range(processes):
        env = {**os.environ, "RANK": str(rank), "LOCAL_RANK": str(rank), "WORLD_SIZE": str(processes),
               "LOCAL_WORLD_SIZE": str(processes), "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": port,
               "OMP_NUM_THREADS": "1"}
        procs.append(subprocess.Popen([sys.executable, script, *args], env=env, cwd=TRAINING.parent,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    deadline = time.monotonic() + timeout
    outputs, failed = [], []
    for rank, proc in enumerate(procs):
        try:
            out, _ = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            for p in procs:
                p.kill()
            out, _ = proc.communicate()
            failed.append(f"rank {rank} still running after {timeout:.0f} s")
        else:
            if proc.returncode != 0:
                failed.append(f"rank {rank} exited with {proc.returncode}")
        outputs.append(f"--- rank {rank} ---\n{out}")
    if failed:
        pytest.fail("; ".join(failed) + "\n" + "\n".join(outputs))


def train(folder: Path, run: Path, cache: Path, processes: int, *extra: str):
    script = str(TRAINING / "train.py")
    args = ["--data", str(folder), "--run", str(run), "--cache", str(cache), *COMMON, *extra]
    if processes == 1:
        subprocess.run([sys.executable, script, *args], check=True, cwd=TRAINING.parent, timeout=300)
    else:
        launch_like_torchrun(script, args, processes, timeout=300)
    return torch.load(run / "final.pt")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("imagefolder")
    make_folder(root)          # 3 classes x 12 training images: 3 global batches of 12
    return root


def test_two_processes_match_one_with_the_same_global_batch(folder: Path, tmp_path: Path):
    # float64, so that float32 rounding (a ReLU flipping at 0) cannot hide or fake a difference
    one = train(folder, tmp_path / "one", tmp_path / "cache", 1, "--float64")
    two = train(folder, tmp_path / "two", tmp_path / "cache", 2, "--float64")
    header = json.loads((tmp_path / "two" / "log.jsonl").read_text().splitlines()[0])
    assert header["processes"] == 2            # really distributed, not two lone runs
    assert one["model"].keys() == two["model"].keys()
    for name, a in one["model"].items():
        b = two["model"][name]
        assert a.shape == b.shape, name
        if a.is_floating_point():
            # BatchNorm over the global batch, gradients averaged: equal up to float rounding
            torch.testing.assert_close(b, a, atol=1e-9, rtol=1e-9, msg=name)
        else:
            assert torch.equal(a, b), name      # num_batches_tracked
    # the comparison is not vacuous: training moved the weights away from their initial values
    torch.manual_seed(0)
    from train import build_model
    initial = {k: v.double() for k, v in build_model(one["config"], 3).state_dict().items()}
    moved = max(float((one["model"][k] - initial[k]).abs().max()) for k in initial
                if initial[k].is_floating_point() and k.endswith("weight"))
    assert moved > 1e-2
    assert one["test_top1"] == pytest.approx(two["test_top1"])


def _global_bn_worker(rank: int, init_file: str, x: torch.Tensor, grad: torch.Tensor, out: dict):
    import torch.distributed as dist
    from distributed import GlobalBatchNorm2d
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=2)
    bn = GlobalBatchNorm2d(4)
    part = torch.tensor_split(x, 2)[rank].clone().requires_grad_(True)
    y = bn(part)
    y.backward(torch.tensor_split(grad, 2)[rank])
    out[rank] = {"y": y.detach(), "dx": part.grad, "dw": bn.weight.grad, "db": bn.bias.grad,
                 "running_var": bn.running_var.clone(), "running_mean": bn.running_mean.clone()}
    dist.destroy_process_group()


def test_global_batchnorm_over_two_processes_equals_batchnorm_over_the_whole_batch(tmp_path: Path):
    import torch.multiprocessing as mp
    torch.manual_seed(0)
    x = torch.randn(12, 4, 5, 5) * 3 + 1
    grad = torch.randn(12, 4, 5, 5)
    ref_x = x.clone().requires_grad_(True)
    ref = torch.nn.BatchNorm2d(4)
    y = ref(ref_x)
    y.backward(grad)
    with mp.Manager() as manager:
        out = manager.dict()
        mp.spawn(_global_bn_worker, args=(str(tmp_path / "init"), x, grad, out), nprocs=2)
        out = dict(out)
    torch.testing.assert_close(torch.cat([out[0]["y"], out[1]["y"]]), y.detach(), atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(torch.cat([out[0]["dx"], out[1]["dx"]]), ref_x.grad, atol=1e-5, rtol=1e-4)
    # parameter gradients are per process (DDP sums/averages them): their sum is the whole batch's
    torch.testing.assert_close(out[0]["dw"] + out[1]["dw"], ref.weight.grad, atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(out[0]["db"] + out[1]["db"], ref.bias.grad, atol=1e-5, rtol=1e-4)
    for r in (0, 1):
        torch.testing.assert_close(out[r]["running_mean"], ref.running_mean)
        torch.testing.assert_close(out[r]["running_var"], ref.running_var)
    # statistics of half the batch would differ: the comparison above can fail
    half = torch.nn.BatchNorm2d(4)(x[:6])
    assert (half - y[:6].detach()).abs().max() > 1e-2
