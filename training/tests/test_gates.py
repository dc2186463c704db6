"""Gate statistics (gates.py): a gate that no longer reads the image must report sd 0."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gates import gate_stats, probe_indices  # noqa: E402
from se_resnet import CifarResNet  # noqa: E402
from train import param_groups  # noqa: E402


def tiny_model() -> CifarResNet:
    torch.manual_seed(0)
    model = CifarResNet(3, 1, (8, 16), reduction=2)
    # BatchNorm running stats of a fresh model are (0, 1): one pass in train mode gives them a
    # scale so that z differs between images
    model.train()
    with torch.no_grad():
        model(torch.randn(64, 3, 16, 16))
        # a fresh FC is nearly flat: sharpen it so the gate clearly responds to the image
        for block in model.blocks():
            block.se.fc1.weight.mul_(10)
            block.se.fc2.weight.mul_(10)
    return model


def images(n: int = 40) -> torch.Tensor:
    return torch.randn(n, 3, 16, 16, generator=torch.Generator().manual_seed(1))


def test_a_gate_that_reads_the_image_varies_across_images():
    stats = gate_stats(tiny_model(), images())
    assert [s["block"] for s in stats] == [0, 1]
    for s in stats:
        assert 0 < s["mean"] < 1 and s["sd"] > 1e-3 and s["w1"] > 0


def test_fc1_forced_dead_gives_sd_zero_and_every_unit_dead():
    model = tiny_model()
    with torch.no_grad():
        model.blocks()[1].se.fc1.weight.zero_()
        model.blocks()[1].se.fc1.bias.fill_(-1.0)   # ReLU(-1) = 0 for every image
    alive, dead = gate_stats(model, images())
    assert dead["sd"] == 0 and dead["dead"] == 1.0 and dead["w1"] == 0
    assert alive["sd"] > 1e-3
    # s = sigmoid(b2) for every image
    expected = torch.sigmoid(model.blocks()[1].se.fc2.bias).mean()
    assert dead["mean"] == pytest.approx(float(expected), abs=1e-5)


def test_a_decayed_kernel_with_a_live_bias_is_constant_but_not_dead():
    # the collapse seen in the shipped model: W1 ~ 0, b1 > 0, so h = ReLU(b1) is the same for all
    model = tiny_model()
    with torch.no_grad():
        model.blocks()[0].se.fc1.weight.zero_()
        model.blocks()[0].se.fc1.bias.fill_(0.5)
    const = gate_stats(model, images())[0]
    assert const["sd"] == 0 and const["dead"] == 0.0


def test_probe_set_is_fixed_and_spread_over_the_test_split():
    idx = probe_indices(10_000)
    assert len(idx) == 1000 and idx[0] == 0 and idx[-1] == 9990
    assert torch.equal(idx, probe_indices(10_000))


def test_se_weight_decay_applies_to_the_se_fc_weights_only():
    model = tiny_model()
    groups = param_groups(model, {"weight_decay": 5e-4, "se_weight_decay": 0.0})
    names = {id(p): n for n, p in model.named_parameters()}
    by_decay = {g["weight_decay"]: sorted(names[id(p)] for p in g["params"]) for g in groups[::2]}
    assert by_decay[0.0] == sorted(n for n, p in model.named_parameters() if ".se." in n and p.ndim == 2)
    assert all(".se." not in n for n in by_decay[5e-4]) and "fc.weight" in by_decay[5e-4]
    # a run from before the setting: the SE weights decay with the rest, in two groups
    old = param_groups(model, {"weight_decay": 5e-4})
    assert len(old) == 2 and sum(len(g["params"]) for g in old) == len(list(model.parameters()))
