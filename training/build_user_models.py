#!/usr/bin/env python3
"""A small model exported by the real pipeline, and six broken copies of it, for the tests of
"bring your own model" (issue 11). One command; it rebuilds its output from scratch each time:

    /usr/bin/python3 training/build_user_models.py [--out .cache/user-models]

  <out>/good/            what training/export.py writes (card.json, model.json, weights.bin,
                         golden.*, excitation-stats.json, training-log.jsonl): an SE-ResNet-20 with
                         4 made-up classes at a 24x24 input, trained 1 epoch on generated images
  <out>/broken/<case>/   a copy of good/ with one problem each (see BROKEN)
  <out>/fixed-gates/     the same network with the gates of FIXED_BLOCKS collapsed the way the
                         old default model's blocks 4 and 5 did (W1 = 0, b1 > 0), the others made
                         clearly alive: the app must flag exactly FIXED_BLOCKS
  <out>/fixtures.json    the facts the tests check: classes, input size, and per broken case the
                         error code the app must report and the file it must name

The default is under .cache/, not test-results/: Playwright empties test-results/ when it starts.
Takes ~10 s on a 2-core CPU (two Python starts, one epoch of 64 images).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
CLASSES = ["amber_disc", "blue_ring", "green_stripes", "violet_corner"]
INPUT_SIZE = 24
MODEL_ID = "tiny-shapes-24"


def make_images(root: Path, per_class: int = 16, size: int = INPUT_SIZE):
    """ImageFolder root/{train,test}/<class>/*.png: one simple pattern per class, with noise."""
    rng = np.random.default_rng(11)
    yy, xx = np.mgrid[0:size, 0:size]
    r = np.hypot(xx - size / 2, yy - size / 2)
    masks = [r < size / 3, (r > size / 4) & (r < size / 2.5), (xx // 3) % 2 == 0, (xx + yy) < size * 0.7]
    colours = [(230, 160, 30), (40, 80, 220), (40, 190, 60), (150, 60, 200)]
    for split, n in (("train", per_class), ("test", per_class // 4)):
        for name, mask, colour in zip(CLASSES, masks, colours):
            folder = root / split / name
            folder.mkdir(parents=True)
            for i in range(n):
                img = rng.integers(0, 70, (size, size, 3)) + mask[..., None] * np.array(colour)
                Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(folder / f"{i:03d}.png")


def python(*args):
    subprocess.run([sys.executable, *map(str, args)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def export_good(work: Path) -> Path:
    data, run, out = work / "data", work / "run", work / "models"
    make_images(data)
    python("training/train.py", "--data", data, "--run", run, "--cache", work / "cache",
           "--input-size", INPUT_SIZE, "--epochs", 1, "--batch-size", 16, "--warmup-epochs", 1,
           "--eval-every", 1, "--threads", 2)
    python("training/export.py", "--run", run, "--data", data, "--cache", work / "cache",
           "--id", MODEL_ID, "--out", out)
    return out / MODEL_ID


# the blocks whose gate the fixed-gates fixture collapses (as in the old default model)
FIXED_BLOCKS = (4, 5)


def export_fixed_gates(work: Path) -> Path:
    """good/'s run with FIXED_BLOCKS collapsed: FC1's kernel zero and its bias positive, so that
    h = ReLU(b1) and s are the same for every image (sd exactly 0). A network trained for one
    epoch has nearly flat gates (some below the app's threshold already), so the other blocks get
    larger, seeded FC weights that make their gates clearly depend on the image."""
    import torch  # only this fixture edits weights; the rest of the script runs the pipeline

    run = work / "run-fixed"
    shutil.copytree(work / "run", run)
    final = torch.load(run / "final.pt")
    gen = torch.Generator().manual_seed(5)
    state = final["model"]
    blocks = sorted({k.split(".se.")[0] for k in state if ".se.fc1.weight" in k})
    for i, prefix in enumerate(blocks):
        w1, b1 = state[f"{prefix}.se.fc1.weight"], state[f"{prefix}.se.fc1.bias"]
        w2 = state[f"{prefix}.se.fc2.weight"]
        if i in FIXED_BLOCKS:
            w1.zero_()
            b1.copy_(b1.abs() + 0.5)
        else:
            w1.copy_(torch.randn(w1.shape, generator=gen) * 1.5)
            b1.copy_(torch.rand(b1.shape, generator=gen) * 0.5)
            w2.copy_(torch.randn(w2.shape, generator=gen) * 1.5)
    torch.save(final, run / "final.pt")
    out = work / "models-fixed"
    python("training/export.py", "--run", run, "--data", work / "data", "--cache", work / "cache",
           "--id", f"{MODEL_ID}-fixed-gates", "--out", out)
    folder = out / f"{MODEL_ID}-fixed-gates"
    stats = json.loads((folder / "excitation-stats.json").read_text())
    sds = [sum(b["all"]["std"]) / len(b["all"]["std"]) for b in stats["blocks"]]
    # the app's threshold is 0.005 (src/compute/gateLiveness.ts): stay far from it on both sides
    wrong = [i for i, sd in enumerate(sds) if (sd != 0) if i in FIXED_BLOCKS] + \
        [i for i, sd in enumerate(sds) if i not in FIXED_BLOCKS and sd < 0.02]
    if wrong:
        raise SystemExit(f"fixed-gates fixture: blocks {wrong} are not as intended (sd {sds})")
    return folder


def edit_json(path: Path, change):
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")


def swap_head_shape(manifest: dict):
    """head/kernel [64, 4] -> [4, 64]: same byte length, so only the shape check can see it."""
    for spec in manifest["weightsManifest"][0]["weights"]:
        if spec["name"] == "head/kernel":
            spec["shape"] = spec["shape"][::-1]


def truncate(path: Path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


# case -> (what breaks it, the error code the app reports, the file its message names)
BROKEN = {
    "missing-manifest": (lambda d: (d / "model.json").unlink(), "missing", "model.json"),
    "card-not-json": (lambda d: (d / "card.json").write_text('{"formatVersion": 1, "id": '), "not-json", "card.json"),
    "card-version": (lambda d: edit_json(d / "card.json", lambda c: c.update(formatVersion=99)),
                     "card-version", "card.json"),
    "manifest-shapes": (lambda d: edit_json(d / "model.json", swap_head_shape), "manifest-shapes", "model.json"),
    "truncated-weights": (lambda d: truncate(d / "weights.bin"), "byte-length", "weights.bin"),
    "classes-vs-head": (lambda d: edit_json(d / "card.json", lambda c: c["classes"].pop()), "classes", "card.json"),
}


def build(out: Path):
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(export_good(Path(tmp)), out / "good")
        shutil.copytree(export_fixed_gates(Path(tmp)), out / "fixed-gates")
    broken = []
    for case, (breaks, code, file) in BROKEN.items():
        folder = out / "broken" / case
        shutil.copytree(out / "good", folder)
        breaks(folder)
        broken.append({"dir": f"broken/{case}", "code": code, "file": file})
    card = json.loads((out / "good" / "card.json").read_text())
    facts = {"good": "good", "fixedGates": {"dir": "fixed-gates", "blocks": list(FIXED_BLOCKS)},
             "id": card["id"], "inputSize": card["architecture"]["inputSize"],
             "classes": [c["key"] for c in card["classes"]], "broken": broken}
    (out / "fixtures.json").write_text(json.dumps(facts, indent=1) + "\n")
    return facts


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=ROOT / ".cache" / "user-models")
    facts = build(p.parse_args(argv).out.resolve())
    print(json.dumps({"id": facts["id"], "inputSize": facts["inputSize"], "classes": facts["classes"],
                      "broken": [b["dir"] for b in facts["broken"]]}))


if __name__ == "__main__":
    main()
