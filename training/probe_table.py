#!/usr/bin/env python3
"""The README's probe table: test accuracy and gate statistics of runs of one recipe family at
the same epochs, as a Markdown table.

    /usr/bin/python3 training/probe_table.py --data .cache/cifar10-png \\
        --history training/runs/se-resnet20-s0 \\
        --runs training/runs/se-resnet20-sewd0-s0 training/runs/se-resnet20-sewd5e-5-s0 [--every 25] [--readme README.md]

Runs with `gates` in their log (train.py since issue 21) are read from it. A `--history` run was
logged before that: its gate statistics are computed here, on the same 1,000 probe images, from
the resume checkpoints committed to git along the way (so only at the epochs those exist).
"""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import load_dataset  # noqa: E402
from gates import gate_stats, probe_indices  # noqa: E402
from se_resnet import depth_to_blocks  # noqa: E402
from train import build_model, to_input  # noqa: E402


def read_log(run: Path) -> list[dict]:
    return [json.loads(line) for line in (run / "log.jsonl").read_text().splitlines() if line.strip()]


def history_gates(run: Path, data_root: str, cache: str) -> dict[int, list[dict]]:
    """epoch -> gate stats, from every version of <run>/checkpoint.pt in git history."""
    log = read_log(run)
    data = load_dataset(data_root, log[0]["config"]["input_size"], cache)
    x_test = torch.from_numpy(data["x_test"])
    x = to_input(x_test[probe_indices(len(x_test))], torch.tensor(log[0]["mean"]), torch.tensor(log[0]["std"]))
    path = f"{run.as_posix()}/checkpoint.pt"
    commits = subprocess.check_output(["git", "log", "--format=%H", "--", path], text=True).split()
    out = {}
    for c in commits:
        try:
            blob = subprocess.check_output(["git", "show", f"{c}:{path}"], stderr=subprocess.DEVNULL)
        except subprocess.CalledProcessError:
            continue  # the commit removed it
        ckpt = torch.load(io.BytesIO(blob), map_location="cpu", weights_only=False)
        model = build_model(ckpt["config"], len(log[0]["classes"]))
        model.load_state_dict(ckpt["model"])
        out[ckpt["epoch"]] = gate_stats(model, x)
    return out


def describe(run: Path) -> str:
    cfg = read_log(run)[0]["config"]
    return f"`{run.name}` (SE FC weight decay {cfg.get('se_weight_decay', cfg['weight_decay'])})"


def cell(gates: list[dict] | None) -> str:
    if not gates:
        return "–"
    return " / ".join(f"{g['sd']:.4f}" for g in gates)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", nargs="+", type=Path, required=True)
    p.add_argument("--history", type=Path, default=None)
    p.add_argument("--data", default=".cache/cifar10-png")
    p.add_argument("--cache", default=".cache/data")
    p.add_argument("--every", type=int, default=5,
                   help="evaluations every this many epochs (and each run's last) make a row")
    p.add_argument("--readme", type=Path, default=None, help="rewrite the probe table in this file in place")
    args = p.parse_args(argv)
    rows = []  # (run, epoch, test_acc, gates)
    if args.history is not None:
        hist = history_gates(args.history, args.data, args.cache)
        acc = {r["epoch"]: r.get("test_acc") for r in read_log(args.history) if "epoch" in r}
        for e in sorted(set(hist) | {e for e, a in acc.items() if a is not None}):
            rows.append((args.history, e, acc.get(e), hist.get(e)))
    for run in args.runs:
        for r in read_log(run):
            if r.get("test_acc") is not None:
                rows.append((run, r["epoch"], r["test_acc"], r.get("gates")))
    last = max(e for run, e, *_ in rows if run in args.runs)
    lines = ["| run | epoch | test top-1 | sd of s per SE block (1.1 … 3.3) | blocks below 0.005 |", "|---|---|---|---|---|"]
    for run, e, acc, gates in sorted(rows, key=lambda r: (r[1], str(r[0]))):
        if e > last + 20:
            continue
        # the history run's gates exist only where a checkpoint was committed: always shown
        run_last = max(r["epoch"] for r in read_log(run) if "epoch" in r)
        if e % args.every and e != run_last and not (run == args.history and gates):
            continue
        per_stage = depth_to_blocks(read_log(run)[0]["config"]["depth"])
        fixed = [f"{g['block'] // per_stage + 1}.{g['block'] % per_stage + 1}" for g in gates if g["sd"] < 0.005] if gates else None
        lines.append(f"| {describe(run)} | {e} | {'–' if acc is None else f'{acc * 100:.2f}%'} | {cell(gates)} | "
              f"{'–' if fixed is None else (', '.join(fixed) or 'none')} |")
    table = "\n".join(lines)
    if args.readme is None:
        print(table)
        return
    text = args.readme.read_text()
    start = text.index(lines[0])
    end = text.index("\n\n", start)
    args.readme.write_text(text[:start] + table + text[end:])


if __name__ == "__main__":
    main()
