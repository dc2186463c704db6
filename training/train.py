#!/usr/bin/env python3
"""Train a CIFAR-style (SE-)ResNet on any ImageFolder directory, on CPU (or CUDA if present).

    /usr/bin/python3 training/train.py --data .cache/cifar10-png --run training/runs/se-resnet20-s0
    /usr/bin/python3 training/train.py --data .cache/cifar10-png --run training/runs/resnet20-s0 --no-se
    ... --resume    continues from <run>/checkpoint.pt (the schedule is fixed by `epochs`)
    torchrun --nproc_per_node=N training/train.py ...   the same training on N processes
                    (GPUs: NCCL; CPUs: gloo), see distributed.py

Every hyper-parameter lives in CONFIG; command-line flags override single entries and the
effective config is the first line of <run>/log.jsonl. One JSON line per epoch follows.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import load_arrays, load_dataset  # noqa: E402
from distributed import agree, barrier, device_for, finish, init_world, local_slice, sum_all, unwrap, wrap  # noqa: E402
from gates import gate_stats, probe_indices  # noqa: E402
from se_resnet import CifarResNet, depth_to_blocks  # noqa: E402

CONFIG = {
    "depth": 20,               # 6n+2: 20 -> 3 BasicBlocks per stage
    "widths": [16, 32, 64],
    "reduction": 4,            # SE bottleneck r (C is small: 16/32/64 -> 4/8/16 hidden units)
    "se": True,
    "input_size": 32,
    "epochs": 200,
    "batch_size": 128,
    "lr": 0.1,                 # peak learning rate
    "warmup_epochs": 2,        # linear warm-up, then cosine annealing to 0 (per step)
    "momentum": 0.9,
    "nesterov": True,
    "weight_decay": 5e-4,      # not applied to BatchNorm parameters and biases
    # weight decay of the SE blocks' FC weights (W1, W2) alone; the plain twin has none of them,
    # so this never changes its recipe. With 5e-4 (the first shipped run), W1 of two blocks
    # decayed to ~0 and their gate became a constant; with 0 and with 5e-5 every block stayed
    # alive, and 5e-5 (the shipped model) ended 0.19 points higher (gates.py, README probe table)
    "se_weight_decay": 5e-5,
    "label_smoothing": 0.1,
    "crop_padding": 4,         # random crop from a zero-padded image
    "hflip": True,
    # random erasing (Zhong et al., AAAI 2020; +0.5 points on ResNet-20 in their CIFAR-10 table):
    # with probability erase_p a rectangle of erase_area_min..max of the image, aspect ratio
    # erase_aspect_min..1/erase_aspect_min, is filled with uniform noise (after crop and flip)
    "erase_p": 0.5,
    "erase_area_min": 0.02,
    "erase_area_max": 0.4,
    "erase_aspect_min": 0.3,
    "seed": 0,
    "threads": 2,
    "eval_every": 5,           # test accuracy every n epochs (and always at the end)
    "eval_batch_size": 250,
    "channels_last": True,
}

# settings a resumed run may change: how fast it runs, not what it learns
RUNTIME_ONLY = ("threads", "eval_batch_size")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--data", help="ImageFolder root with train/ and test/")
    src.add_argument("--arrays", help="or the decoded arrays (.npz) that --data caches under --cache")
    p.add_argument("--run", required=True, help="output folder: log, checkpoint, final weights")
    p.add_argument("--cache", default=".cache/data", help="where decoded arrays are cached")
    p.add_argument("--resume", action="store_true")
    p.add_argument("--no-se", action="store_true", help="plain ResNet with the identical recipe")
    p.add_argument("--float64", action="store_true",
                   help="train in float64: only to check that N processes equal one exactly "
                        "(in float32 a ReLU that rounds the other way moves gradients ~1e-3)")
    p.add_argument("--compile", default=None, metavar="MODE",
                   help="CUDA only: run the training steps through torch.compile(mode=MODE), e.g. "
                        "reduce-overhead (CUDA graphs); evaluation stays eager")
    p.add_argument("--max-epochs-this-run", type=int, default=None,
                   help="stop after this many epochs (the schedule still spans `epochs`)")
    p.add_argument("--max-seconds-this-run", type=float, default=None,
                   help="stop (after a saved epoch) when the next epoch would not fit in this budget")
    for key, value in CONFIG.items():
        if isinstance(value, bool):
            continue
        kind = (lambda s: [int(v) for v in s.split(",")]) if isinstance(value, list) else type(value)
        p.add_argument("--" + key.replace("_", "-"), type=kind, default=None)
    return p.parse_args(argv)


def effective_config(args) -> dict:
    cfg = dict(CONFIG)
    for key in CONFIG:
        v = getattr(args, key, None)
        if v is not None and not isinstance(CONFIG[key], bool):
            cfg[key] = v
    if args.no_se:
        cfg["se"] = False
        # a setting of parameters the plain network does not have is not part of its recipe
        cfg.pop("se_weight_decay")
    return cfg


def build_model(cfg: dict, num_classes: int) -> CifarResNet:
    return CifarResNet(num_classes, depth_to_blocks(cfg["depth"]), tuple(cfg["widths"]),
                       cfg["reduction"] if cfg["se"] else None)


def param_groups(model: nn.Module, cfg: dict) -> list[dict]:
    """Weight decay per parameter: none on BatchNorm parameters and biases, `se_weight_decay` on
    the SE blocks' FC weights. Runs from before that setting decay them like every other weight,
    in the two groups their checkpoints' optimizer state was saved with."""
    separate_se = "se_weight_decay" in cfg
    decay, se_decay, no_decay = [], [], []
    for name, p in model.named_parameters():
        if p.ndim <= 1:
            no_decay.append(p)
        elif separate_se and ".se." in f".{name}":
            se_decay.append(p)
        else:
            decay.append(p)
    groups = [{"params": decay, "weight_decay": cfg["weight_decay"]},
              {"params": no_decay, "weight_decay": 0.0}]
    if se_decay:  # a third group only when there is something in it (the plain twin has none)
        groups.append({"params": se_decay, "weight_decay": cfg["se_weight_decay"]})
    return groups


def channel_stats(x_train: np.ndarray) -> tuple[list[float], list[float]]:
    x = x_train.reshape(-1, 3).astype(np.float64) / 255.0
    return x.mean(0).tolist(), x.std(0).tolist()


def to_input(x_uint8: torch.Tensor, mean: torch.Tensor, std: torch.Tensor) -> torch.Tensor:
    """uint8 NHWC -> normalised float NCHW."""
    x = x_uint8.permute(0, 3, 1, 2).to(torch.get_default_dtype()).div_(255.0)
    return (x - mean[:, None, None]) / std[:, None, None]


def augment_epoch(x: torch.Tensor, pad: int, hflip: bool, gen: torch.Generator) -> torch.Tensor:
    """Random crop (zero padding) and horizontal flip for a whole epoch at once (uint8 NHWC).
    Images are grouped by crop offset so that each offset is one slice, not one op per image."""
    n, h, w, _ = x.shape
    out = torch.empty_like(x)
    if pad > 0:
        padded = torch.zeros((n, h + 2 * pad, w + 2 * pad, 3), dtype=x.dtype)
        padded[:, pad:pad + h, pad:pad + w] = x
        offsets = torch.randint(0, 2 * pad + 1, (n, 2), generator=gen)
        code = offsets[:, 0] * (2 * pad + 1) + offsets[:, 1]
        for c in code.unique().tolist():
            idx = (code == c).nonzero(as_tuple=True)[0]
            dy, dx = divmod(c, 2 * pad + 1)
            out[idx] = padded[idx, dy:dy + h, dx:dx + w]
    else:
        out.copy_(x)
    if hflip:
        flip = (torch.rand(n, generator=gen) < 0.5).nonzero(as_tuple=True)[0]
        out[flip] = out[flip].flip(2)
    return out


def erase_rectangles(n: int, h: int, w: int, cfg: dict, gen: torch.Generator, attempts: int = 10):
    """Random-erasing rectangles for n images: (chosen, y0, x0, eh, ew), where chosen says which
    images get one. Each image draws `attempts` candidates and keeps the first that fits."""
    p = cfg.get("erase_p", 0.0)
    if p <= 0:
        return torch.zeros(n, dtype=torch.bool), *(torch.zeros(n, dtype=torch.long),) * 4
    wants = torch.rand(n, generator=gen) < p
    area = torch.empty(n, attempts).uniform_(cfg["erase_area_min"], cfg["erase_area_max"], generator=gen) * h * w
    log_r = math.log(cfg["erase_aspect_min"])
    aspect = torch.exp(torch.empty(n, attempts).uniform_(log_r, -log_r, generator=gen))
    eh = torch.sqrt(area * aspect).round().long()
    ew = torch.sqrt(area / aspect).round().long()
    fits = (eh >= 1) & (ew >= 1) & (eh < h) & (ew < w)
    first = torch.where(fits.any(1), fits.float().argmax(1), torch.zeros(n, dtype=torch.long))
    eh = eh.gather(1, first[:, None])[:, 0]
    ew = ew.gather(1, first[:, None])[:, 0]
    chosen = wants & fits.any(1)
    # top-left corner uniform over the positions where the rectangle fits
    y0 = (torch.rand(n, generator=gen) * (h - eh + 1).clamp(min=1)).long()
    x0 = (torch.rand(n, generator=gen) * (w - ew + 1).clamp(min=1)).long()
    return chosen, y0, x0, eh, ew


def random_erase(x: torch.Tensor, cfg: dict, gen: torch.Generator) -> torch.Tensor:
    """In place on uint8 NHWC: fills each image's rectangle (see erase_rectangles) with noise."""
    n, h, w, _ = x.shape
    chosen, y0, x0, eh, ew = erase_rectangles(n, h, w, cfg, gen)
    idx = chosen.nonzero(as_tuple=True)[0]
    if len(idx) == 0:
        return x
    rows = torch.arange(h)[None, :]
    cols = torch.arange(w)[None, :]
    in_y = (rows >= y0[idx, None]) & (rows < (y0 + eh)[idx, None])
    in_x = (cols >= x0[idx, None]) & (cols < (x0 + ew)[idx, None])
    mask = (in_y[:, :, None] & in_x[:, None, :])[..., None]            # (k, h, w, 1)
    noise = torch.randint(0, 256, (len(idx), h, w, 3), generator=gen, dtype=torch.uint8)
    x[idx] = torch.where(mask, noise, x[idx])
    return x


def lr_at(step: int, total_steps: int, warmup_steps: int, peak: float) -> float:
    if step < warmup_steps:
        return peak * (step + 1) / warmup_steps
    t = (step - warmup_steps) / max(1, total_steps - warmup_steps)
    return peak * 0.5 * (1.0 + math.cos(math.pi * t))


@torch.no_grad()
def evaluate(model, x_test, y_test, mean, std, cfg, device) -> tuple[float, list[float]]:
    model.eval()
    correct = torch.zeros(int(y_test.max()) + 1)
    total = torch.zeros_like(correct)
    for i in range(0, len(x_test), cfg["eval_batch_size"]):
        xb = to_input(x_test[i:i + cfg["eval_batch_size"]].to(device), mean, std)
        if cfg["channels_last"]:
            xb = xb.contiguous(memory_format=torch.channels_last)
        yb = y_test[i:i + cfg["eval_batch_size"]]
        pred = model(xb).argmax(1).cpu()
        total += torch.bincount(yb, minlength=len(total)).float()
        correct += torch.bincount(yb[pred == yb], minlength=len(total)).float()
    per_class = (correct / total.clamp(min=1)).tolist()
    return float(correct.sum() / total.sum()), per_class


def save_atomic(obj, path: Path):
    tmp = path.with_suffix(path.suffix + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def main(argv=None):
    args = parse_args(argv)
    world = init_world()
    run = Path(args.run)
    run.mkdir(parents=True, exist_ok=True)
    ckpt_path = run / "checkpoint.pt"
    log_path = run / "log.jsonl"
    device = device_for(world)
    if device.type == "cuda":
        # full fp32 like the CPU runs (TF32 would round conv inputs to 10-bit mantissas)
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
        torch.backends.cudnn.benchmark = True
    run_started = time.time()

    if args.resume:
        if not ckpt_path.exists():
            sys.exit(f"--resume: no checkpoint at {ckpt_path}")
        ckpt = torch.load(ckpt_path, map_location="cpu", weights_only=False)  # our own file: config + optimizer state
        cfg = ckpt["config"]
        # the recipe is fixed by the checkpoint; only settings that cannot change the result may differ
        for key in RUNTIME_ONLY:
            if getattr(args, key, None) is not None:
                cfg = {**cfg, key: getattr(args, key)}
    else:
        ckpt = None
        cfg = effective_config(args)
    torch.set_num_threads(cfg["threads"])
    if args.float64:
        torch.set_default_dtype(torch.float64)

    data = load_arrays(args.arrays) if args.arrays else load_dataset(args.data, cfg["input_size"], args.cache)
    classes = data["classes"]
    mean_l, std_l = channel_stats(data["x_train"])
    mean, std = torch.tensor(mean_l, dtype=torch.get_default_dtype()), torch.tensor(std_l, dtype=torch.get_default_dtype())
    x_train, y_train = torch.from_numpy(data["x_train"]), torch.from_numpy(data["y_train"])
    x_test, y_test = torch.from_numpy(data["x_test"]), torch.from_numpy(data["y_test"])
    mean_d, std_d = mean.to(device), std.to(device)
    x_probe = x_test[probe_indices(len(x_test))].to(device)   # the same images at every evaluation

    torch.manual_seed(cfg["seed"])
    model = build_model(cfg, len(classes))
    start_epoch, elapsed = 0, 0.0
    if ckpt is not None:
        model.load_state_dict(ckpt["model"])
        start_epoch, elapsed = ckpt["epoch"], ckpt["elapsed_seconds"]
    model = model.to(device)
    if cfg["channels_last"]:
        model = model.to(memory_format=torch.channels_last)
    net = wrap(model, world)          # DDP + global-batch BatchNorm under torchrun, else the model
    step_net = net
    if args.compile and device.type == "cuda":
        # the same arithmetic with fewer kernel launches (a ResNet-20 step is launch-bound on a GPU)
        step_net = torch.compile(net, mode=args.compile)
    opt = torch.optim.SGD(param_groups(unwrap(net), cfg),
                          lr=cfg["lr"], momentum=cfg["momentum"], nesterov=cfg["nesterov"])
    loss_fn = nn.CrossEntropyLoss(label_smoothing=cfg["label_smoothing"])

    if ckpt is not None:
        opt.load_state_dict(ckpt["optimizer"])
        if world.is_main:
            # a resumed run may continue on another machine: say where the next epochs ran
            with open(log_path, "a") as f:
                f.write(json.dumps({"resumed_at_epoch": start_epoch, "device": str(device),
                                    "processes": world.size, "torch": torch.__version__}) + "\n")
    elif world.is_main:
        with open(log_path, "w") as f:
            f.write(json.dumps({"config": cfg, "classes": classes, "dataset_sha256": data["checksum"],
                                "train_images": len(x_train), "test_images": len(x_test),
                                "mean": mean_l, "std": std_l, "torch": torch.__version__,
                                "device": str(device), "processes": world.size}) + "\n")

    steps_per_epoch = math.ceil(len(x_train) / cfg["batch_size"])
    total_steps = cfg["epochs"] * steps_per_epoch
    warmup_steps = cfg["warmup_epochs"] * steps_per_epoch
    stop_epoch = cfg["epochs"] if args.max_epochs_this_run is None else \
        min(cfg["epochs"], start_epoch + args.max_epochs_this_run)

    def epoch_inputs(epoch: int) -> tuple[torch.Tensor, torch.Tensor]:
        # seeding per epoch makes a resumed run draw the same batches as an uninterrupted one
        # (the generator lives on the CPU whatever the device, so the draws do not depend on it);
        # every process draws the whole epoch and trains on its slice of each global batch
        gen = torch.Generator().manual_seed(cfg["seed"] * 100003 + epoch)
        xs = random_erase(augment_epoch(x_train, cfg["crop_padding"], cfg["hflip"], gen), cfg, gen)
        return xs, torch.randperm(len(xs), generator=gen)

    # on a GPU the CPU prepares the next epoch's images while the GPU trains on this one (the
    # draws depend on the epoch alone, so this changes no number); on a CPU it would only compete
    prefetch = ThreadPoolExecutor(1) if device.type == "cuda" else None
    upcoming = prefetch.submit(epoch_inputs, start_epoch) if prefetch else None

    y_train_d = y_train.to(device)
    last_epoch_seconds, completed = 0.0, start_epoch
    for epoch in range(start_epoch, stop_epoch):
        over_budget = args.max_seconds_this_run is not None and \
            time.time() - run_started + last_epoch_seconds > args.max_seconds_this_run
        if agree(over_budget, world, device):
            if world.is_main:
                print(f"time budget reached: stopping before epoch {epoch + 1}", flush=True)
            break
        t0, cpu0 = time.time(), time.process_time()
        if prefetch:
            xs, order = upcoming.result()
            if epoch + 1 < stop_epoch:
                upcoming = prefetch.submit(epoch_inputs, epoch + 1)
        else:
            xs, order = epoch_inputs(epoch)
        xs, order = xs.to(device), order.to(device)
        net.train()
        # summed on the device: reading a number back every step would stall a GPU
        loss_sum = torch.zeros((), device=device)
        correct = torch.zeros((), dtype=torch.long, device=device)
        seen = 0
        for i in range(steps_per_epoch):
            batch = order[i * cfg["batch_size"]:(i + 1) * cfg["batch_size"]]
            if len(batch) < world.size:
                continue                  # too small to give every process an image
            idx = local_slice(batch, world)
            xb = to_input(xs[idx], mean_d, std_d)
            if cfg["channels_last"]:
                xb = xb.contiguous(memory_format=torch.channels_last)
            yb = y_train_d[idx]
            for g in opt.param_groups:
                g["lr"] = lr_at(epoch * steps_per_epoch + i, total_steps, warmup_steps, cfg["lr"])
            out = step_net(xb)
            batch_loss = loss_fn(out, yb)
            # DDP averages gradients over processes: weighting each local mean by its share of
            # the global batch makes that average the global batch's mean (exactly 1.0 alone)
            loss = batch_loss * (len(idx) * world.size / len(batch))
            # read before the backward pass: under CUDA graphs a later replay may reuse `out`
            loss_sum += batch_loss.detach() * len(idx)
            correct += (out.argmax(1) == yb).sum()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            seen += len(idx)
        loss_total, correct_total, seen_total = sum_all([float(loss_sum), float(correct), seen], world, device)
        loss_mean, correct = loss_total / seen_total, int(correct_total)
        seen = int(seen_total)
        train_seconds = time.time() - t0
        # CPU time of this process (all its threads): unlike the wall time, it does not grow
        # while the process is stopped or waits for a core that other work holds
        cpu_seconds = time.process_time() - cpu0
        last_epoch_seconds = train_seconds
        elapsed += train_seconds
        completed = epoch + 1
        if not world.is_main:
            continue
        last = epoch + 1 == cfg["epochs"]
        test_acc, gates = None, None
        if last or (epoch + 1) % cfg["eval_every"] == 0:
            test_acc, _ = evaluate(unwrap(net), x_test, y_test, mean_d, std_d, cfg, device)
            if cfg["se"]:
                gates = gate_stats(unwrap(net), to_input(x_probe, mean_d, std_d), cfg["eval_batch_size"])
        record = {"epoch": epoch + 1, "loss": round(loss_mean, 5),
                  "train_acc": round(correct / seen, 5),
                  "test_acc": None if test_acc is None else round(test_acc, 5),
                  "lr": opt.param_groups[0]["lr"], "seconds": round(train_seconds, 1),
                  "cpu_seconds": round(cpu_seconds, 1), "elapsed_seconds": round(elapsed, 1)}
        if gates is not None:
            record["gates"] = gates
        with open(log_path, "a") as f:
            f.write(json.dumps(record) + "\n")
        print(json.dumps(record), flush=True)
        save_atomic({"model": unwrap(net).state_dict(), "optimizer": opt.state_dict(), "epoch": epoch + 1,
                     "elapsed_seconds": elapsed, "config": cfg}, ckpt_path)

    if completed == cfg["epochs"] and world.is_main:
        # a fresh plain model on the CPU: the trained one may hold SyncBatchNorm (GPU-only)
        model_cpu = build_model(cfg, len(classes))
        model_cpu.load_state_dict({k: v.cpu() for k, v in unwrap(net).state_dict().items()})
        test_acc, per_class = evaluate(model_cpu, x_test, y_test, mean, std, cfg, torch.device("cpu"))
        torch.save({"model": model_cpu.state_dict(), "config": cfg, "classes": classes,
                    "mean": mean_l, "std": std_l, "epochs": cfg["epochs"],
                    "training_seconds": elapsed, "test_top1": test_acc,
                    "test_top1_per_class": per_class, "dataset_sha256": data["checksum"],
                    "torch": torch.__version__}, run / "final.pt")
        with open(log_path, "a") as f:
            f.write(json.dumps({"final": True, "test_top1": round(test_acc, 5),
                                "test_top1_per_class": [round(a, 5) for a in per_class],
                                "training_seconds": round(elapsed, 1)}) + "\n")
        print(f"final test top-1: {test_acc * 100:.2f}%", flush=True)
    barrier(world)
    finish(world)


if __name__ == "__main__":
    main()
