"""ImageFolder (root/<split>/<class>/*) -> cached uint8 arrays, decoded once.

Class names are the sorted folder names of the train split; images are converted to RGB and,
if they are not already input_size x input_size, resized (shorter side) and centre-cropped.
"""
from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif"}


def list_split(root: Path, split: str, classes: list[str] | None = None):
    split_dir = Path(root) / split
    if classes is None:
        classes = sorted(d.name for d in split_dir.iterdir() if d.is_dir())
    files, labels = [], []
    for idx, name in enumerate(classes):
        class_dir = split_dir / name
        if not class_dir.is_dir():
            continue
        for f in sorted(class_dir.iterdir()):
            if f.suffix.lower() in IMAGE_EXTENSIONS:
                files.append(f)
                labels.append(idx)
    return classes, files, labels


def load_image(path: Path, size: int) -> np.ndarray:
    with Image.open(path) as im:
        im = im.convert("RGB")
        if im.size != (size, size):
            w, h = im.size
            scale = size / min(w, h)
            im = im.resize((max(size, round(w * scale)), max(size, round(h * scale))),
                           Image.BICUBIC, reducing_gap=3.0)
            w, h = im.size
            left, top = (w - size) // 2, (h - size) // 2
            im = im.crop((left, top, left + size, top + size))
        return np.asarray(im, dtype=np.uint8)


def _decode_chunk(args):
    paths, size = args
    return np.stack([load_image(p, size) for p in paths]) if paths else \
        np.zeros((0, size, size, 3), np.uint8)


def decode(files: list[Path], size: int, workers: int = 2) -> np.ndarray:
    chunks = [files[i:i + 2000] for i in range(0, len(files), 2000)]
    if workers <= 1 or len(chunks) <= 1:
        parts = [_decode_chunk((c, size)) for c in chunks]
    else:
        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_decode_chunk, [(c, size) for c in chunks]))
    return np.concatenate(parts) if parts else np.zeros((0, size, size, 3), np.uint8)


def folder_checksum(root: Path, files: list[Path]) -> str:
    """sha256 over (relative path, bytes) of every image: identifies the exact dataset."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(str(f.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(f.read_bytes())
    return digest.hexdigest()


def load_arrays(path: str | os.PathLike) -> dict:
    """The decoded arrays as load_dataset caches them (also the file train.py --arrays takes,
    for a machine that holds the arrays but not the image folder)."""
    d = np.load(path, allow_pickle=False)
    return {"x_train": d["x_train"], "y_train": d["y_train"], "x_test": d["x_test"],
            "y_test": d["y_test"], "classes": [str(c) for c in d["classes"]],
            "checksum": str(d["checksum"])}


def load_dataset(root: str | os.PathLike, input_size: int, cache_dir: str | os.PathLike,
                 workers: int = 2) -> dict:
    """Returns x_train, y_train, x_test, y_test (uint8 NHWC / int64), classes, checksum."""
    root = Path(root).resolve()
    classes, train_files, train_labels = list_split(root, "train")
    _, test_files, test_labels = list_split(root, "test", classes)
    # the cache key covers the file list, so a changed folder is decoded again
    key = hashlib.sha256(("\n".join(str(f) for f in train_files + test_files) +
                          f"|{input_size}").encode()).hexdigest()[:16]
    cache = Path(cache_dir) / f"imagefolder-{key}.npz"
    if cache.exists():
        return load_arrays(cache)
    data = {
        "x_train": decode(train_files, input_size, workers),
        "y_train": np.asarray(train_labels, np.int64),
        "x_test": decode(test_files, input_size, workers),
        "y_test": np.asarray(test_labels, np.int64),
        "classes": classes,
        "checksum": folder_checksum(root, train_files + test_files),
    }
    cache.parent.mkdir(parents=True, exist_ok=True)
    # a per-process name: two runs started together decode at once and must not share a temp file
    tmp = cache.with_suffix(f".{os.getpid()}.tmp.npz")
    np.savez(tmp, **{k: (np.asarray(v) if k != "checksum" else np.asarray(v)) for k, v in data.items()})
    os.replace(tmp, cache)
    return data
