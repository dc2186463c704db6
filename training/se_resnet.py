"""CIFAR-style (SE-)ResNet: 3 stages of n BasicBlocks (He et al. 2016), with an optional
squeeze-and-excitation block on every residual branch (Hu et al. 2018).

Nothing in here knows about CIFAR-10: widths, depth, reduction ratio, number of classes and
input size are all arguments, and the exporter describes the built network in the model card.
"""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F


class SqueezeExcitation(nn.Module):
    """GAP -> FC(C -> C/r) -> ReLU -> FC(C/r -> C) -> sigmoid -> channel-wise scale."""

    def __init__(self, channels: int, reduction: int):
        super().__init__()
        hidden = max(1, channels // reduction)
        self.fc1 = nn.Linear(channels, hidden)
        self.fc2 = nn.Linear(hidden, channels)

    def excite(self, u: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        z = u.mean(dim=(2, 3))            # squeeze: channel descriptor
        h = F.relu(self.fc1(z))           # bottleneck
        s = torch.sigmoid(self.fc2(h))    # per-channel weights in (0, 1)
        return z, h, s

    def forward(self, u: torch.Tensor) -> torch.Tensor:
        _, _, s = self.excite(u)
        return u * s[:, :, None, None]


class BasicBlock(nn.Module):
    def __init__(self, in_ch: int, out_ch: int, stride: int, reduction: int | None):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_ch)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_ch)
        self.se = SqueezeExcitation(out_ch, reduction) if reduction else None
        self.shortcut = None
        if stride != 1 or in_ch != out_ch:
            # projection shortcut (1x1 conv + BN), folded into one conv at export time
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_ch, out_ch, 1, stride, 0, bias=False), nn.BatchNorm2d(out_ch))

    def residual(self, x: torch.Tensor) -> torch.Tensor:
        """U: the residual branch before the SE block."""
        return self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        u = self.residual(x)
        if self.se is not None:
            u = self.se(u)
        identity = x if self.shortcut is None else self.shortcut(x)
        return F.relu(u + identity)


class CifarResNet(nn.Module):
    def __init__(self, num_classes: int, blocks_per_stage: int = 3,
                 widths: tuple[int, ...] = (16, 32, 64), reduction: int | None = 4):
        super().__init__()
        self.widths = tuple(widths)
        self.blocks_per_stage = blocks_per_stage
        self.reduction = reduction
        self.conv = nn.Conv2d(3, widths[0], 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(widths[0])
        stages = []
        in_ch = widths[0]
        for i, w in enumerate(widths):
            blocks = []
            for b in range(blocks_per_stage):
                stride = 2 if (i > 0 and b == 0) else 1
                blocks.append(BasicBlock(in_ch, w, stride, reduction))
                in_ch = w
            stages.append(nn.Sequential(*blocks))
        self.stages = nn.ModuleList(stages)
        self.fc = nn.Linear(in_ch, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

    def blocks(self) -> list[BasicBlock]:
        return [b for stage in self.stages for b in stage]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.bn(self.conv(x)))
        for stage in self.stages:
            x = stage(x)
        return self.fc(x.mean(dim=(2, 3)))

    @torch.no_grad()
    def forward_with_taps(self, x: torch.Tensor) -> tuple[torch.Tensor, list[dict]]:
        """Eval-mode pass that also returns every SE tap of every block (NCHW tensors)."""
        x = F.relu(self.bn(self.conv(x)))
        taps = []
        for block in self.blocks():
            u = block.residual(x)
            tap: dict = {"u": u}
            if block.se is not None:
                z, h, s = block.se.excite(u)
                scaled = u * s[:, :, None, None]
                tap.update(z=z, h=h, s=s, scaled=scaled)
            else:
                scaled = u
            identity = x if block.shortcut is None else block.shortcut(x)
            x = F.relu(scaled + identity)
            tap["out"] = x
            taps.append(tap)
        return self.fc(x.mean(dim=(2, 3))), taps


def depth_to_blocks(depth: int) -> int:
    if (depth - 2) % 6 != 0:
        raise ValueError(f"CIFAR ResNet depth must be 6n+2 (20, 32, 44, 56, 110), got {depth}")
    return (depth - 2) // 6


def count_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def count_macs(model: CifarResNet, input_size: int) -> dict:
    """Multiply-accumulates of one forward pass, split into convolutions, SE and the head."""
    macs = {"conv": 0, "se": 0, "fc": 0}
    hw = input_size

    def conv(m: nn.Conv2d, out_hw: int) -> int:
        k = m.kernel_size[0] * m.kernel_size[1]
        return out_hw * out_hw * m.out_channels * m.in_channels * k

    macs["conv"] += conv(model.conv, hw)
    for block in model.blocks():
        stride = block.conv1.stride[0]
        hw = (hw + 2 - 3) // stride + 1
        macs["conv"] += conv(block.conv1, hw) + conv(block.conv2, hw)
        if block.shortcut is not None:
            macs["conv"] += conv(block.shortcut[0], hw)
        if block.se is not None:
            c, h = block.se.fc1.in_features, block.se.fc1.out_features
            macs["se"] += 2 * c * h + c * hw * hw  # two FCs + the channel-wise scale
    macs["fc"] = model.fc.in_features * model.fc.out_features
    macs["total"] = macs["conv"] + macs["se"] + macs["fc"]
    return macs
