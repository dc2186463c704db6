"""train -> export -> reload on a small generated ImageFolder, with and without SE."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))
from se_resnet import count_params, depth_to_blocks  # noqa: E402
from export import read_log, training_segments  # noqa: E402
from train import CONFIG, build_model, to_input  # noqa: E402

CLASSES = ["circle", "stripes", "zeta_unknown"]


def make_folder(root: Path, per_class: int = 12, size: int = 32):
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:size, 0:size]
    for split, n in (("train", per_class), ("test", per_class // 2)):
        for c, name in enumerate(CLASSES):
            d = root / split / name
            d.mkdir(parents=True)
            for i in range(n):
                base = rng.integers(0, 60, (size, size, 3))
                if c == 0:
                    mask = (xx - size / 2) ** 2 + (yy - size / 2) ** 2 < (size / 3) ** 2
                elif c == 1:
                    mask = (xx // 4) % 2 == 0
                else:
                    mask = yy > size / 2
                img = base + mask[..., None] * np.array([180, 120 + 10 * i % 60, 60])
                # a few images of another size exercise the resize path
                im = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
                if i == 0:
                    im = im.resize((48, 40))
                im.save(d / f"{i:03d}.png")


def run(*args):
    subprocess.run([sys.executable, *map(str, args)], check=True, cwd=TRAINING.parent)


def read_manifest(folder: Path, name: str) -> dict[str, np.ndarray]:
    manifest = json.loads((folder / name).read_text())
    group = manifest["weightsManifest"][0]
    blob = b"".join((folder / p).read_bytes() for p in group["paths"])
    assert len(blob) == manifest["byteLength"]
    out, offset = {}, 0
    for spec in group["weights"]:
        n = int(np.prod(spec["shape"])) if spec["shape"] else 1
        out[spec["name"]] = np.frombuffer(blob, "<f4", n, offset).reshape(spec["shape"])
        offset += 4 * n
    assert offset == len(blob)
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("imagefolder")
    make_folder(root)
    return root


@pytest.mark.parametrize("se", [True, False])
def test_train_export_reload(folder: Path, tmp_path: Path, se: bool):
    run_dir = tmp_path / ("se" if se else "plain")
    common = ["--data", folder, "--cache", tmp_path / "cache", "--epochs", 1, "--batch-size", 16,
              "--eval-every", 1, "--threads", 1, "--warmup-epochs", 1]
    run("training/train.py", "--run", run_dir, *common, *([] if se else ["--no-se"]))
    log = [json.loads(l) for l in (run_dir / "log.jsonl").read_text().splitlines()]
    assert log[0]["config"]["se"] is se and log[0]["classes"] == CLASSES
    assert log[1]["epoch"] == 1 and 0 <= log[1]["test_acc"] <= 1 and log[-1]["final"]
    # CPU time beside wall time: a run stopped for a while keeps its compute time apart
    assert 0 < log[1]["cpu_seconds"] and log[1]["seconds"] > 0
    # every evaluation line says how alive each SE block's gate is (a plain run has none)
    if se:
        gates = log[1]["gates"]
        assert [g["block"] for g in gates] == list(range(9))
        assert all(0 < g["mean"] < 1 and g["sd"] >= 0 and 0 <= g["dead"] <= 1 for g in gates)
        assert log[0]["config"]["se_weight_decay"] == CONFIG["se_weight_decay"]
    else:
        assert "gates" not in log[1] and "se_weight_decay" not in log[0]["config"]

    baseline = tmp_path / "baseline"
    run("training/train.py", "--run", baseline, *common, "--no-se")
    out = tmp_path / "models"
    run("training/export.py", "--run", run_dir, "--baseline", baseline, "--data", folder,
        "--cache", tmp_path / "cache", "--id", "m", "--out", out)
    model_dir = out / "m"
    card = json.loads((model_dir / "card.json").read_text())
    arch = card["architecture"]
    assert [c["key"] for c in card["classes"]] == CLASSES
    assert card["classes"][2]["en"] == "zeta unknown"
    assert arch["inputSize"] == 32 and len(arch["blocks"]) == 9
    assert [b["outputSize"] for b in arch["blocks"]] == [32] * 3 + [16] * 3 + [8] * 3
    assert all((b["se"] is not None) == se for b in arch["blocks"])
    assert arch["seBlocks"] == (9 if se else 0)
    # how the gates learned travels with the card: one row per evaluation, one sd per SE block
    history = card["training"]["gateHistory"]
    if se:
        assert [r["epoch"] for r in history] == [1] and len(history[0]["sd"]) == len(history[0]["dead"]) == 9
        assert history[0]["sd"] == [g["sd"] for g in log[1]["gates"]]
    else:
        assert history is None
    # the runs of the comparison: the exported run, and the baseline when it is the other network
    assert [(r["network"], r["seed"], r["finished"]) for r in card["metrics"]["runs"]] == \
        ([("se", 0, True), ("plain", 0, True)] if se else [("plain", 0, True)])
    assert card["metrics"]["runs"][0]["testTop1"] == pytest.approx(card["metrics"]["testTop1"], abs=1e-4)
    baseline_final = json.loads((baseline / "log.jsonl").read_text().splitlines()[-1])
    assert card["metrics"]["baseline"]["finished"] is True
    assert card["metrics"]["baseline"]["testTop1"] == pytest.approx(baseline_final["test_top1"])
    assert card["complexity"]["paramsWithSE"] > card["complexity"]["paramsWithoutSE"]
    assert card["complexity"]["macsWithSE"] > card["complexity"]["macsWithoutSE"]
    assert json.loads((out / "index.json").read_text())["default"] == "m"
    assert (model_dir / "training-log.jsonl").read_text() == (run_dir / "log.jsonl").read_text()
    assert (model_dir / "baseline-log.jsonl").read_text() == (baseline / "log.jsonl").read_text()

    # reload: rebuild the PyTorch model from final.pt and compare it with the golden vectors
    final = torch.load(run_dir / "final.pt")
    model = build_model(final["config"], len(CLASSES))
    model.load_state_dict(final["model"])
    model.eval()
    assert count_params(model) == card["complexity"]["params"]
    golden = read_manifest(model_dir, "golden.json")
    meta = json.loads((model_dir / "golden.json").read_text())
    mean, std = torch.tensor(card["preprocessing"]["mean"]), torch.tensor(card["preprocessing"]["std"])
    for entry in meta["inputs"]:
        name = entry["name"]
        img = golden[f"{name}/input"]
        assert img.shape == (32, 32, 3) and np.all(img == np.round(img))
        logits, taps = model.forward_with_taps(to_input(torch.from_numpy(img.astype(np.uint8))[None], mean, std))
        np.testing.assert_allclose(golden[f"{name}/logits"], logits[0].numpy(), atol=1e-5)
        for k, tap in enumerate(taps):
            assert (f"{name}/blocks/{k}/s" in golden) == se
            np.testing.assert_allclose(golden[f"{name}/blocks/{k}/out"],
                                       tap["out"][0].permute(1, 2, 0).numpy(), atol=1e-5)

    # the exported weights are the folded model: check the stem conv against a direct computation
    weights = read_manifest(model_dir, "model.json")
    assert weights["stem/kernel"].shape == (3, 3, 3, 16)
    x = to_input(torch.from_numpy(golden[f"{meta['inputs'][0]['name']}/input"].astype(np.uint8))[None], mean, std)
    ref = torch.relu(model.bn(model.conv(x)))[0].permute(1, 2, 0).detach().numpy()
    w = torch.from_numpy(weights["stem/kernel"].copy()).permute(3, 2, 0, 1)
    folded = torch.relu(torch.nn.functional.conv2d(x, w, torch.from_numpy(weights["stem/bias"].copy()), padding=1))
    np.testing.assert_allclose(folded[0].permute(1, 2, 0).numpy(), ref, atol=1e-4)

    stats_path = model_dir / "excitation-stats.json"
    assert stats_path.exists() == se
    if se:
        stats = json.loads(stats_path.read_text())
        assert stats["classes"] == CLASSES and len(stats["blocks"]) == 9
        assert stats["images"] == sum(stats["per_class_images"]) == 18
        for b, spec in zip(stats["blocks"], arch["blocks"]):
            assert len(b["mean"]) == len(CLASSES) and len(b["mean"][0]) == spec["channels"]
            assert all(0 < v < 1 for row in b["mean"] for v in row)
            # the all-class mean is the image-weighted mean of the class means
            weighted = np.average(np.array(b["mean"]), axis=0, weights=stats["per_class_images"])
            np.testing.assert_allclose(b["all"]["mean"], weighted, atol=2e-5)


def test_resume_reproduces_uninterrupted_run(folder: Path, tmp_path: Path):
    common = ["--data", folder, "--cache", tmp_path / "cache", "--epochs", 2, "--batch-size", 16,
              "--eval-every", 1, "--threads", 1, "--warmup-epochs", 1]
    run("training/train.py", "--run", tmp_path / "a", *common)
    run("training/train.py", "--run", tmp_path / "b", *common, "--max-epochs-this-run", 1)
    run("training/train.py", "--run", tmp_path / "b", "--data", folder, "--cache", tmp_path / "cache", "--resume")
    a = torch.load(tmp_path / "a" / "final.pt")["model"]
    b = torch.load(tmp_path / "b" / "final.pt")["model"]
    for k in a:
        torch.testing.assert_close(a[k], b[k])
    # the resumed run says where it went on; epochs on the same machine form one segment
    log = read_log(tmp_path / "b")
    assert [r["resumed_at_epoch"] for r in log if "resumed_at_epoch" in r] == [1]
    segments = training_segments(log)
    assert [(g["fromEpoch"], g["toEpoch"], g["device"]) for g in segments] == [(1, 2, "cpu")]


def test_segments_report_a_typical_epoch_and_cpu_time_where_logged():
    # epochs 1-3 on a CPU, the 2nd paused for 1000 s (wall time only); cpu time logged from epoch 3;
    # then resumed on a GPU
    log = [{"config": {}, "device": "cpu", "torch": "1.13"},
           {"epoch": 1, "seconds": 100.0},
           {"epoch": 2, "seconds": 1100.0},
           {"epoch": 3, "seconds": 102.0, "cpu_seconds": 99.5},
           {"resumed_at_epoch": 3, "device": "cuda", "torch": "2.5"},
           {"epoch": 4, "seconds": 5.0, "cpu_seconds": 4.0}]
    cpu, gpu = training_segments(log)
    assert (cpu["fromEpoch"], cpu["toEpoch"], cpu["seconds"]) == (1, 3, 1302.0)
    assert cpu["medianEpochSeconds"] == 102.0        # the paused epoch does not set the pace
    assert (cpu["cpuEpochs"], cpu["cpuSeconds"]) == (1, 99.5)
    assert (gpu["device"], gpu["fromEpoch"], gpu["cpuEpochs"], gpu["cpuSeconds"]) == ("cuda", 4, 1, 4.0)
    no_cpu = training_segments(log[:3])[0]
    assert (no_cpu["cpuEpochs"], no_cpu["cpuSeconds"]) == (0, None)


def test_time_budget_stops_before_an_epoch_that_would_not_fit(folder: Path, tmp_path: Path):
    common = ["--data", folder, "--cache", tmp_path / "cache", "--epochs", 3, "--batch-size", 16, "--threads", 1]
    run("training/train.py", "--run", tmp_path / "a", *common, "--max-seconds-this-run", 0.001)
    log = (tmp_path / "a" / "log.jsonl").read_text().splitlines()
    assert len(log) == 1  # the config line only: not even one epoch fits
    assert not (tmp_path / "a" / "checkpoint.pt").exists() and not (tmp_path / "a" / "final.pt").exists()


def test_depth_must_be_6n_plus_2():
    assert depth_to_blocks(20) == 3 and depth_to_blocks(56) == 9
    with pytest.raises(ValueError):
        depth_to_blocks(21)


def write_log(run: Path, config: dict, lines: list[dict]):
    run.mkdir(parents=True)
    (run / "log.jsonl").write_text("\n".join(json.dumps(l) for l in [{"config": config}, *lines]) + "\n")


def test_runs_of_a_comparison_share_the_recipe(tmp_path: Path):
    from export import all_runs
    recipe = {"se": True, "seed": 0, "lr": 0.1, "epochs": 3, "threads": 2}
    write_log(tmp_path / "se0", recipe, [{"epoch": 3, "test_acc": 0.5, "elapsed_seconds": 9},
                                          {"final": True, "test_top1": 0.51, "training_seconds": 9}])
    write_log(tmp_path / "plain1", {**recipe, "se": False, "seed": 1, "threads": 1},
              [{"epoch": 2, "test_acc": 0.4, "elapsed_seconds": 6}])
    runs = all_runs([tmp_path / "se0", tmp_path / "plain1"], recipe)
    assert [(r["network"], r["seed"], r["finished"], r["epochs"], r["testTop1"]) for r in runs] == \
        [("se", 0, True, 3, 0.51), ("plain", 1, False, 2, 0.4)]
    write_log(tmp_path / "other", {**recipe, "seed": 2, "lr": 0.2}, [])
    with pytest.raises(SystemExit, match="differs .* in lr"):
        all_runs([tmp_path / "se0", tmp_path / "other"], recipe)
    write_log(tmp_path / "se0-again", recipe, [])
    with pytest.raises(SystemExit, match="same seed"):
        all_runs([tmp_path / "se0", tmp_path / "se0-again"], recipe)


def test_se_only_settings_do_not_split_se_from_plain(tmp_path: Path):
    from export import all_runs
    plain = {"se": False, "seed": 0, "lr": 0.1, "weight_decay": 5e-4, "reduction": 4, "epochs": 3}
    new_se = {**plain, "se": True, "se_weight_decay": 0.0}
    write_log(tmp_path / "plain0", plain, [])
    write_log(tmp_path / "se1", {**new_se, "seed": 1}, [])
    # the SE FC weights' decay touches nothing the plain network has: one recipe
    assert [r["network"] for r in all_runs([tmp_path / "plain0", tmp_path / "se1"], new_se)] == ["se", "plain"]
    # between two SE runs it is a real difference; a run from before the setting decayed the SE
    # weights like the rest (5e-4)
    write_log(tmp_path / "se-old", {**plain, "se": True, "seed": 2}, [])
    with pytest.raises(SystemExit, match="se_weight_decay"):
        all_runs([tmp_path / "se1", tmp_path / "se-old"], new_se)
    assert len(all_runs([tmp_path / "se-old"], {**new_se, "se_weight_decay": 5e-4})) == 1

