"""How alive each SE block's gate is: statistics of s on a fixed probe set of images.

A gate that gives every image the same s is a fixed per-channel scale, not an excitation. That
happens when FC1's kernel decays to zero (weight decay on W1, none on its bias): h = ReLU(b1)
is then a constant and so is s = sigmoid(W2 h + b2). train.py logs these numbers at every
evaluation, so a collapse shows in the log at the epoch it happens.
"""
from __future__ import annotations

import torch

# every 10th test image: the test split is sorted by class, so 100 per class on CIFAR-10
PROBE_STRIDE = 10


def probe_indices(n_test: int, stride: int = PROBE_STRIDE) -> torch.Tensor:
    return torch.arange(0, n_test, stride)


@torch.no_grad()
def gate_stats(model, x: torch.Tensor, batch_size: int = 250) -> list[dict]:
    """One dict per SE block, for already normalised NCHW images x:
    mean  mean of s over images and channels
    sd    mean over channels of the across-image standard deviation of s (population sd)
    dead  fraction of FC1 units that are zero (after the ReLU) for every image
    w1    largest |W1| (a kernel decayed to ~0 means the gate no longer reads the image)
    """
    was_training = model.training
    model.eval()
    # (index in the network, block) of the blocks that have an SE gate
    blocks = [(i, b) for i, b in enumerate(model.blocks()) if b.se is not None]
    sums = [None] * len(blocks)
    sqs = [None] * len(blocks)
    alive = [None] * len(blocks)
    n = 0
    for i in range(0, len(x), batch_size):
        xb = x[i:i + batch_size]
        _, taps = model.forward_with_taps(xb)
        taps = [t for t in taps if "s" in t]
        for k, tap in enumerate(taps):
            s = tap["s"].double()
            h_alive = (tap["h"] > 0).any(0)
            sums[k] = s.sum(0) if sums[k] is None else sums[k] + s.sum(0)
            sqs[k] = (s * s).sum(0) if sqs[k] is None else sqs[k] + (s * s).sum(0)
            alive[k] = h_alive if alive[k] is None else alive[k] | h_alive
        n += len(xb)
    out = []
    for k, (index, block) in enumerate(blocks):
        m = sums[k] / n
        sd = (sqs[k] / n - m * m).clamp(min=0).sqrt()
        out.append({"block": index, "mean": round(float(m.mean()), 5), "sd": round(float(sd.mean()), 5),
                    "dead": round(1.0 - float(alive[k].double().mean()), 4),
                    "w1": round(float(block.se.fc1.weight.abs().max()), 5)})
    model.train(was_training)
    return out
