#!/usr/bin/env python3
"""Export a trained run to public/models/<model-id>/ for the app:

  model.json + weights.bin   TF.js weights format (weightsManifest), BatchNorm folded into convs
  card.json                  self-describing model card (architecture, classes, metrics, recipe)
  golden.json + golden.bin   deterministic inputs with the PyTorch reference logits and SE taps
  excitation-stats.json      per-class mean/std of every SE channel's excitation over the test set

and registers the model in public/models/index.json. Usage:

  /usr/bin/python3 training/export.py --run training/runs/se-resnet20-s0 \
      --baseline training/runs/resnet20-s0 --data .cache/cifar10-png --id se-resnet20-cifar10
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import statistics
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from class_names import display_names  # noqa: E402
from data import load_dataset  # noqa: E402
from se_resnet import CifarResNet, count_macs, count_params  # noqa: E402
from train import build_model, evaluate, to_input  # noqa: E402

FORMAT_VERSION = 1


def load_run(run: Path, checkpoint: bool) -> dict:
    """final.pt of a finished run, or (with checkpoint=True) the latest checkpoint of any run."""
    final = run / "final.pt"
    if final.exists() and not checkpoint:
        return torch.load(final, map_location="cpu")
    ckpt = torch.load(run / "checkpoint.pt", map_location="cpu")
    log = read_log(run)
    head = log[0]
    state = {k: v for k, v in ckpt["model"].items()}
    return {"model": state, "config": ckpt["config"], "classes": head["classes"], "mean": head["mean"],
            "std": head["std"], "epochs": ckpt["epoch"], "training_seconds": ckpt["elapsed_seconds"],
            "dataset_sha256": head["dataset_sha256"], "interim": True}


def fold_bn(conv: torch.nn.Conv2d, bn: torch.nn.BatchNorm2d) -> tuple[np.ndarray, np.ndarray]:
    """conv (no bias) followed by eval-mode BN == conv with scaled kernel and a bias. Exact up to
    float rounding; computed in float64. Returns the kernel in HWIO (tfjs) layout."""
    w = conv.weight.detach().double()
    scale = bn.weight.detach().double() / torch.sqrt(bn.running_var.double() + bn.eps)
    kernel = w * scale[:, None, None, None]
    bias = bn.bias.detach().double() - bn.running_mean.double() * scale
    return kernel.permute(2, 3, 1, 0).float().numpy(), bias.float().numpy()


def dense(fc: torch.nn.Linear) -> tuple[np.ndarray, np.ndarray]:
    return fc.weight.detach().t().contiguous().numpy(), fc.bias.detach().numpy()


def collect_weights(model: CifarResNet) -> list[tuple[str, np.ndarray]]:
    out = []
    k, b = fold_bn(model.conv, model.bn)
    out += [("stem/kernel", k), ("stem/bias", b)]
    for i, block in enumerate(model.blocks()):
        p = f"blocks/{i}"
        for name, conv, bn in (("conv1", block.conv1, block.bn1), ("conv2", block.conv2, block.bn2)):
            k, b = fold_bn(conv, bn)
            out += [(f"{p}/{name}/kernel", k), (f"{p}/{name}/bias", b)]
        if block.shortcut is not None:
            k, b = fold_bn(block.shortcut[0], block.shortcut[1])
            out += [(f"{p}/shortcut/kernel", k), (f"{p}/shortcut/bias", b)]
        if block.se is not None:
            for name, fc in (("fc1", block.se.fc1), ("fc2", block.se.fc2)):
                k, b = dense(fc)
                out += [(f"{p}/se/{name}/kernel", k), (f"{p}/se/{name}/bias", b)]
    k, b = dense(model.fc)
    out += [("head/kernel", k), ("head/bias", b)]
    return out


def write_tensors(folder: Path, manifest_name: str, bin_name: str,
                  tensors: list[tuple[str, np.ndarray]], extra: dict) -> int:
    """Writes a TF.js-style manifest (one float32 shard) and returns the shard's byte length."""
    specs, chunks = [], []
    for name, arr in tensors:
        arr = np.ascontiguousarray(arr, dtype="<f4")
        specs.append({"name": name, "shape": list(arr.shape), "dtype": "float32"})
        chunks.append(arr.tobytes())
    blob = b"".join(chunks)
    (folder / bin_name).write_bytes(blob)
    manifest = dict(extra)
    manifest["weightsManifest"] = [{"paths": [bin_name], "weights": specs}]
    manifest["byteLength"] = len(blob)
    manifest["sha256"] = hashlib.sha256(blob).hexdigest()
    (folder / manifest_name).write_text(json.dumps(manifest, indent=1) + "\n")
    return len(blob)


def golden_inputs(size: int) -> list[tuple[str, str, np.ndarray]]:
    """Deterministic, dataset-free test images: uint8 HWC (rounded once, so the stored input is
    exactly what the reference saw)."""
    rng = np.random.default_rng(20180618)
    yy, xx = np.mgrid[0:size, 0:size]
    noise = rng.integers(0, 256, (size, size, 3))
    gradient = np.stack([xx * 255 / (size - 1), yy * 255 / (size - 1),
                         255 - xx * 255 / (size - 1)], -1)
    checker = (((xx // 4) + (yy // 4)) % 2)[..., None] * np.array([230, 40, 40]) + \
        (1 - ((xx // 4) + (yy // 4)) % 2)[..., None] * np.array([30, 60, 200])
    images = [("noise", "uniform noise, numpy default_rng(20180618)", noise),
            ("gradient", "horizontal red/blue and vertical green ramps", gradient),
            ("checker", "4-pixel red/blue checkerboard", checker)]
    return [(n, d, np.clip(np.rint(img), 0, 255).astype(np.uint8)) for n, d, img in images]



def nhwc(t: torch.Tensor) -> np.ndarray:
    return t[0].permute(1, 2, 0).numpy() if t.ndim == 4 else t[0].numpy()


@torch.no_grad()
def excitation_stats(model, x_test, y_test, mean, std, classes) -> dict:
    model.eval()
    blocks = model.blocks()
    n_cls = len(classes)
    sums = [torch.zeros(n_cls, b.se.fc2.out_features, dtype=torch.float64) for b in blocks]
    sqs = [torch.zeros_like(s) for s in sums]
    counts = torch.bincount(y_test, minlength=n_cls).double()
    for i in range(0, len(x_test), 250):
        _, taps = model.forward_with_taps(to_input(x_test[i:i + 250], mean, std))
        onehot = torch.nn.functional.one_hot(y_test[i:i + 250], n_cls).double().t()
        for k, tap in enumerate(taps):
            s = tap["s"].double()
            sums[k] += onehot @ s
            sqs[k] += onehot @ (s * s)
    out = []
    for k, block in enumerate(blocks):
        m = sums[k] / counts[:, None]
        var = (sqs[k] / counts[:, None] - m * m).clamp(min=0)
        all_m = sums[k].sum(0) / counts.sum()
        all_var = (sqs[k].sum(0) / counts.sum() - all_m * all_m).clamp(min=0)
        out.append({"block": k, "channels": int(m.shape[1]),
                    "mean": np.round(m.numpy(), 5).tolist(), "std": np.round(var.sqrt().numpy(), 5).tolist(),
                    "all": {"mean": np.round(all_m.numpy(), 5).tolist(),
                            "std": np.round(all_var.sqrt().numpy(), 5).tolist()}})
    return {"classes": classes, "images": int(counts.sum()), "per_class_images": counts.int().tolist(),
            "blocks": out}


def describe(model: CifarResNet, cfg: dict) -> dict:
    size = cfg["input_size"]
    blocks, hw, in_ch = [], size, model.widths[0]
    for i, block in enumerate(model.blocks()):
        stride = block.conv1.stride[0]
        out_hw = (hw + 2 - 3) // stride + 1
        stage = i // model.blocks_per_stage
        blocks.append({
            "index": i, "id": f"stage{stage + 1}.block{i % model.blocks_per_stage + 1}", "stage": stage,
            "inChannels": block.conv1.in_channels, "channels": block.conv2.out_channels, "stride": stride,
            "inputSize": hw, "outputSize": out_hw,
            "shortcut": "identity" if block.shortcut is None else "projection",
            "se": None if block.se is None else {"reduction": cfg["reduction"],
                                                 "hidden": block.se.fc1.out_features},
        })
        hw, in_ch = out_hw, block.conv2.out_channels
    return {
        "family": "cifar-resnet", "depth": cfg["depth"], "inputSize": size, "inputChannels": 3,
        "seReduction": cfg["reduction"] if cfg["se"] else None,
        "seBlocks": sum(1 for b in blocks if b["se"] is not None),   # 0: a plain ResNet
        "stem": {"channels": model.widths[0], "kernel": 3, "stride": 1, "batchNormFolded": True},
        "stages": [{"index": s, "channels": w, "blocks": model.blocks_per_stage,
                    "stride": 1 if s == 0 else 2, "outputSize": blocks[(s + 1) * model.blocks_per_stage - 1]["outputSize"]}
                   for s, w in enumerate(model.widths)],
        "blocks": blocks,
        "head": {"pool": "global-average", "inFeatures": in_ch, "classes": model.fc.out_features},
        "padding": "explicit 1 pixel on every side for 3x3 convolutions (PyTorch semantics)",
    }


def read_log(run: Path) -> list[dict]:
    """A run's log.jsonl: the config line, then one line per epoch (and resume/final lines)."""
    return [json.loads(line) for line in (run / "log.jsonl").read_text().splitlines() if line.strip()]


def training_segments(log: list[dict]) -> list[dict]:
    """Which epochs ran where: a run resumed on another machine (say a lent GPU) logs a
    `resumed_at_epoch` line, so the card can say honestly how the time was spent.

    `seconds` is wall-clock time and grows while a run is paused or shares its cores, so each
    segment also carries the median epoch (robust to a few slow epochs) and, for the epochs
    that logged it, the process's CPU time."""
    segments: list[dict] = []
    current = {"device": log[0].get("device", "cpu"), "torch": log[0].get("torch")}
    epochs: list[list[dict]] = []
    for r in log[1:]:
        if "resumed_at_epoch" in r:
            current = {"device": r["device"], "torch": r["torch"]}
        elif "epoch" in r:
            last = segments[-1] if segments else None
            if last and last["device"] == current["device"] and last["torch"] == current["torch"] \
                    and last["toEpoch"] == r["epoch"] - 1:
                last["toEpoch"] = r["epoch"]
                epochs[-1].append(r)
            else:
                segments.append({"fromEpoch": r["epoch"], "toEpoch": r["epoch"], **current})
                epochs.append([r])
    for segment, rows in zip(segments, epochs):
        segment["seconds"] = round(sum(r["seconds"] for r in rows), 1)
        segment["medianEpochSeconds"] = round(statistics.median(r["seconds"] for r in rows), 1)
        timed = [r["cpu_seconds"] for r in rows if r.get("cpu_seconds") is not None]
        segment["cpuEpochs"] = len(timed)
        segment["cpuSeconds"] = round(sum(timed), 1) if timed else None
    return segments


def gate_history(log: list[dict]) -> list[dict] | None:
    """How the gates learned: per evaluation, each SE block's mean across-image sd of s on the
    probe images (train.py's `gates`), and the fraction of FC1 units dead for every probe image.
    None for a run logged before the gate statistics existed."""
    rows = [{"epoch": r["epoch"], "sd": [g["sd"] for g in r["gates"]], "dead": [g["dead"] for g in r["gates"]]}
            for r in log if r.get("gates")]
    return rows or None


def baseline_summary(baseline: Path | None) -> dict | None:
    if baseline is None:
        return None
    log = read_log(baseline)
    cfg = log[0]["config"]
    run = run_summary(baseline)
    return {"name": f"ResNet-{cfg['depth']} (no SE)", "run": baseline.name, "config": cfg,
            "finished": run["finished"], "epochs": run["epochs"], "testTop1": run["testTop1"],
            "trainingSeconds": run["trainingSeconds"], "segments": training_segments(log)}


# recipe keys that may differ between the runs of one comparison: what is compared (se), the
# seed that is varied, and settings that cannot change what a run learns (the app skips the
# same settings when it compares recipes: RUN_SETTINGS in src/compute/seVsPlain.ts)
RUN_VARIES = ("se", "seed", "threads", "eval_batch_size", "eval_every")
# settings of the SE blocks' own parameters: part of an SE run's recipe, meaningless for the plain
# twin (it has no SE parameters), so an SE and a plain run may differ in them and still share a
# recipe (SE_ONLY_SETTINGS in src/compute/seVsPlain.ts)
SE_ONLY = ("reduction", "se_weight_decay")


def recipe_of(cfg: dict) -> dict:
    """A run's config with defaults made explicit: SE runs from before `se_weight_decay` existed
    decayed the SE weights like every other weight."""
    if cfg.get("se") and "se_weight_decay" not in cfg:
        return {**cfg, "se_weight_decay": cfg.get("weight_decay")}
    return cfg


def run_summary(run: Path) -> dict:
    """One training run as the card lists it: network, seed, how far it got, its accuracy."""
    log = read_log(run)
    cfg = log[0]["config"]
    finals = [r for r in log if r.get("final")]
    epochs = [r for r in log if "epoch" in r]
    last_eval = next((r for r in reversed(epochs) if r.get("test_acc") is not None), None)
    return {"run": run.name, "network": "se" if cfg["se"] else "plain", "seed": cfg["seed"],
            "finished": bool(finals), "epochs": epochs[-1]["epoch"] if epochs else 0,
            "plannedEpochs": cfg["epochs"],
            "testTop1": finals[-1]["test_top1"] if finals else (last_eval or {}).get("test_acc"),
            "trainingSeconds": finals[-1]["training_seconds"] if finals else
            (epochs[-1]["elapsed_seconds"] if epochs else None)}


def comparison_baseline(baseline: Path | None, cfg: dict) -> list[Path]:
    """The baseline counts as a run of the comparison when it is the other network."""
    if baseline is None or read_log(baseline)[0]["config"]["se"] == cfg["se"]:
        return []
    return [baseline]


def all_runs(runs: list[Path], recipe: dict) -> list[dict]:
    """Every run of the comparison (the exported one, its baseline, more seeds of either), checked
    to share the recipe: a run with another recipe would make the spread meaningless."""
    out, seen = [], set()
    for run in runs:
        if run.resolve() in seen:
            continue
        seen.add(run.resolve())
        cfg, ref = recipe_of(read_log(run)[0]["config"]), recipe_of(recipe)
        skip = RUN_VARIES + (SE_ONLY if cfg.get("se") != ref.get("se") else ())
        differ = sorted(k for k in set(cfg) | set(ref) if k not in skip and cfg.get(k) != ref.get(k))
        if differ:
            sys.exit(f"{run}: its recipe differs from the exported run's in {', '.join(differ)}")
        out.append(run_summary(run))
    key = {(r["network"], r["seed"]) for r in out}
    if len(key) != len(out):
        sys.exit("two runs of the same network with the same seed: list each run once")
    return sorted(out, key=lambda r: (r["network"] != "se", r["seed"]))


def update_index(models_dir: Path, model_id: str, name: str, default: bool):
    index_path = models_dir / "index.json"
    index = json.loads(index_path.read_text()) if index_path.exists() else {"models": []}
    index["models"] = [m for m in index["models"] if m["id"] != model_id]
    index["models"].append({"id": model_id, "name": name, "card": f"{model_id}/card.json"})
    index["models"].sort(key=lambda m: m["id"])
    if default or "default" not in index:
        index["default"] = model_id
    index_path.write_text(json.dumps(index, indent=1) + "\n")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--run", required=True, type=Path)
    p.add_argument("--baseline", type=Path, default=None, help="run folder of the plain (no-SE) model")
    p.add_argument("--data", required=True, help="ImageFolder root (test split is evaluated)")
    p.add_argument("--cache", default=".cache/data")
    p.add_argument("--id", required=True, help="model id: the folder under --out")
    p.add_argument("--out", type=Path, default=Path("public/models"))
    p.add_argument("--checkpoint", action="store_true",
                   help="export the latest checkpoint of an unfinished run (marked interim)")
    p.add_argument("--default", action="store_true", help="make this the app's default model")
    p.add_argument("--seed-runs", type=Path, nargs="*", default=[],
                   help="further runs of the same recipe (other seeds, SE or plain) for the spread")
    p.add_argument("--planned-seeds", type=int, default=None,
                   help="how many seeds per network the comparison is meant to have")
    args = p.parse_args(argv)

    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    run = load_run(args.run, args.checkpoint)
    cfg = run["config"]
    classes = run["classes"]
    model = build_model(cfg, len(classes))
    model.load_state_dict(run["model"])
    model.eval()

    data = load_dataset(args.data, cfg["input_size"], args.cache)
    if data["classes"] != classes:
        sys.exit(f"class folders {data['classes']} differ from the run's {classes}")
    mean, std = torch.tensor(run["mean"]), torch.tensor(run["std"])
    x_test, y_test = torch.from_numpy(data["x_test"]), torch.from_numpy(data["y_test"])
    top1, per_class = evaluate(model, x_test, y_test, mean, std, dict(cfg, channels_last=False),
                               torch.device("cpu"))

    folder = args.out / args.id
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{'SE-' if cfg['se'] else ''}ResNet-{cfg['depth']}"
    weights_bytes = write_tensors(folder, "model.json", "weights.bin", collect_weights(model), {
        "format": "se-explainer-weights", "formatVersion": FORMAT_VERSION,
        "generatedBy": f"torch {torch.__version__}", "convertedBy": "training/export.py"})

    # golden vectors: the PyTorch reference (unfolded BN, eval mode) on deterministic inputs
    tensors, goldens = [], []
    for gname, desc, img in golden_inputs(cfg["input_size"]):
        x = to_input(torch.from_numpy(img)[None], mean, std)
        logits, taps = model.forward_with_taps(x)
        tensors.append((f"{gname}/input", img.astype(np.float32)))
        tensors.append((f"{gname}/logits", logits[0].numpy()))
        for k, tap in enumerate(taps):
            for key, t in tap.items():
                tensors.append((f"{gname}/blocks/{k}/{key}", nhwc(t)))
        goldens.append({"name": gname, "description": desc,
                        "top1": classes[int(logits[0].argmax())]})
    write_tensors(folder, "golden.json", "golden.bin", tensors,
                  {"format": "se-explainer-golden", "inputs": goldens,
                   "note": "input: RGB pixel values 0..255, HWC; taps: NHWC without the batch axis"})

    stats = excitation_stats(model, x_test, y_test, mean, std, classes) if cfg["se"] else None
    if stats is not None:
        (folder / "excitation-stats.json").write_text(json.dumps(stats) + "\n")

    with_se = CifarResNet(len(classes), model.blocks_per_stage, model.widths, cfg["reduction"])
    without_se = CifarResNet(len(classes), model.blocks_per_stage, model.widths, None)
    interim = bool(run.get("interim"))
    card = {
        "formatVersion": FORMAT_VERSION,
        "id": args.id,
        "name": name,
        "interim": interim,
        "description": (f"{name} trained from scratch on the ImageFolder dataset below"
                        + (" (interim checkpoint of an unfinished run)" if interim else "")),
        "architecture": describe(model, cfg),
        "classes": [display_names(c) for c in classes],
        "preprocessing": {"inputSize": cfg["input_size"], "channelOrder": "RGB", "pixelScale": 255,
                          "mean": run["mean"], "std": run["std"],
                          "formula": "(pixel / 255 - mean[c]) / std[c]"},
        "metrics": {
            "testTop1": round(top1, 5),
            "testTop1PerClass": {c: round(a, 5) for c, a in zip(classes, per_class)},
            "testImages": int(len(y_test)),
            "baseline": baseline_summary(args.baseline),
            # every run of this recipe, SE and plain, one per seed: the seed-to-seed spread
            "runs": all_runs([args.run] + comparison_baseline(args.baseline, cfg) + args.seed_runs, cfg),
            "plannedSeeds": args.planned_seeds,
        },
        "complexity": {
            "params": count_params(model),
            "paramsWithSE": count_params(with_se), "paramsWithoutSE": count_params(without_se),
            "macs": count_macs(model, cfg["input_size"]),
            "macsWithSE": count_macs(with_se, cfg["input_size"])["total"],
            "macsWithoutSE": count_macs(without_se, cfg["input_size"])["total"],
            "weightsBytes": weights_bytes,
        },
        "training": {"recipe": recipe_of(cfg), "epochs": run["epochs"], "plannedEpochs": cfg["epochs"],
                     "trainingSeconds": round(run["training_seconds"], 1), "run": args.run.name,
                     "framework": f"PyTorch {torch.__version__}",
                     "segments": training_segments(read_log(args.run)),
                     "gateHistory": gate_history(read_log(args.run))},
        "dataset": {"sha256": run["dataset_sha256"], "trainImages": int(len(data["y_train"])),
                    "testImages": int(len(y_test)), "classes": len(classes)},
        "files": {"weights": "model.json", "golden": "golden.json", "trainingLog": "training-log.jsonl",
                  "baselineLog": "baseline-log.jsonl" if args.baseline is not None else None,
                  "excitationStats": "excitation-stats.json" if stats is not None else None},
        "exported": dt.date.today().isoformat(),
    }
    (folder / "card.json").write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n")
    # both runs' logs travel with the card, so every number in it can be traced to its epoch lines
    shutil.copyfile(args.run / "log.jsonl", folder / "training-log.jsonl")
    if args.baseline is not None:
        shutil.copyfile(args.baseline / "log.jsonl", folder / "baseline-log.jsonl")
    update_index(args.out, args.id, name, args.default)
    print(json.dumps({"id": args.id, "testTop1": round(top1 * 100, 2), "interim": interim,
                      "weightsBytes": weights_bytes}))


if __name__ == "__main__":
    main()
