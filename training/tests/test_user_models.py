"""The 'bring your own model' fixture: train + export at another input size and class count
(24x24, 4 classes) really produce a card that says so, and each broken copy has its one problem."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))
from build_user_models import CLASSES, INPUT_SIZE  # noqa: E402


def test_fixture_exports_another_size_and_classes(tmp_path: Path):
    out = tmp_path / "user-models"
    (out / "stale").mkdir(parents=True)   # a rebuild starts from an empty folder
    subprocess.run([sys.executable, "training/build_user_models.py", "--out", str(out)], check=True,
                   cwd=TRAINING.parent)
    assert not (out / "stale").exists()
    good = out / "good"
    card = json.loads((good / "card.json").read_text())
    arch = card["architecture"]
    assert INPUT_SIZE != 32 and len(CLASSES) != 10
    assert arch["inputSize"] == card["preprocessing"]["inputSize"] == INPUT_SIZE
    assert [b["outputSize"] for b in arch["blocks"]] == [24] * 3 + [12] * 3 + [6] * 3
    assert [c["key"] for c in card["classes"]] == CLASSES and arch["head"]["classes"] == len(CLASSES)
    assert card["classes"][0] == {"key": "amber_disc", "en": "amber disc", "ko": "amber disc"}
    assert card["files"]["excitationStats"] == "excitation-stats.json"
    stats = json.loads((good / "excitation-stats.json").read_text())
    assert stats["classes"] == CLASSES and len(stats["blocks"][0]["mean"]) == len(CLASSES)

    manifest = json.loads((good / "model.json").read_text())
    specs = {s["name"]: s["shape"] for s in manifest["weightsManifest"][0]["weights"]}
    assert specs["head/kernel"] == [64, len(CLASSES)] and specs["head/bias"] == [len(CLASSES)]
    size = (good / "weights.bin").stat().st_size
    assert size == manifest["byteLength"] == 4 * sum(int(np.prod(s)) for s in specs.values())
    golden = json.loads((good / "golden.json").read_text())
    shapes = {s["name"]: s["shape"] for s in golden["weightsManifest"][0]["weights"]}
    assert shapes["noise/input"] == [INPUT_SIZE, INPUT_SIZE, 3]

    facts = json.loads((out / "fixtures.json").read_text())
    assert facts["inputSize"] == INPUT_SIZE and facts["classes"] == CLASSES
    cases = {Path(b["dir"]).name: (b["code"], b["file"]) for b in facts["broken"]}
    assert len(cases) == 6

    def broken(case: str) -> Path:
        return out / "broken" / case

    assert not (broken("missing-manifest") / "model.json").exists()
    with pytest.raises(json.JSONDecodeError):
        json.loads((broken("card-not-json") / "card.json").read_text())
    assert json.loads((broken("card-version") / "card.json").read_text())["formatVersion"] == 99
    bad = json.loads((broken("manifest-shapes") / "model.json").read_text())["weightsManifest"][0]["weights"]
    assert [s["shape"] for s in bad if s["name"] == "head/kernel"] == [[len(CLASSES), 64]]
    assert (broken("truncated-weights") / "weights.bin").stat().st_size == size // 2
    assert len(json.loads((broken("classes-vs-head") / "card.json").read_text())["classes"]) == len(CLASSES) - 1
    # each copy differs from good/ in its one file only
    for case, (_, file) in cases.items():
        for f in good.iterdir():
            if f.name != file:
                assert (broken(case) / f.name).read_bytes() == f.read_bytes(), (case, f.name)
