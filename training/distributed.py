"""Data-parallel training across processes, for train.py under torchrun.

    torchrun --nproc_per_node=4 training/train.py --data <folder> --run <run>
    torchrun --nnodes=2 --node_rank=<0|1> --master_addr=<host> --nproc_per_node=8 training/train.py ...

Each process takes an equal slice of every global batch; gradients are averaged by
DistributedDataParallel and BatchNorm normalises over the global batch, so N processes train the
same network as one process with the same `batch_size` (up to float rounding). Started without
torchrun, nothing here changes anything.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import torch
import torch.distributed as dist
import torch.distributed.nn.functional as dist_fn
import torch.nn as nn


@dataclass(frozen=True)
class World:
    rank: int = 0
    size: int = 1
    local_rank: int = 0

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return self.size > 1


def init_world() -> World:
    """Reads torchrun's environment; joins the process group (NCCL on GPUs, gloo on CPUs)."""
    size = int(os.environ.get("WORLD_SIZE", "1"))
    if size <= 1:
        return World()
    backend = "nccl" if torch.cuda.is_available() else "gloo"
    dist.init_process_group(backend)
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if torch.cuda.is_available():
        torch.cuda.set_device(local_rank)
    return World(dist.get_rank(), dist.get_world_size(), local_rank)


def device_for(world: World) -> torch.device:
    return torch.device(f"cuda:{world.local_rank}" if torch.cuda.is_available() else "cpu")


class GlobalBatchNorm2d(nn.BatchNorm2d):
    """BatchNorm2d whose training statistics are those of the batch summed over all processes.

    nn.SyncBatchNorm does this on GPUs only (torch 1.13 refuses CPU tensors), so CPU processes
    (gloo) use this: per-channel sums, then sums of squared deviations, are all-reduced with
    autograd, so the gradient also flows through the global mean and variance. Same parameters and buffers as
    BatchNorm2d: a checkpoint loads into either.
    """

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or not dist.is_initialized() or dist.get_world_size() == 1:
            return super().forward(x)
        c = x.shape[1]
        # two passes (mean, then squared deviations): E[x^2] - E[x]^2 in float32 lost ~1e-3 of
        # the gradient to cancellation, enough to drift visibly from single-process training
        local = torch.cat([x.sum((0, 2, 3)), x.new_tensor([x.numel() / c])])
        total = dist_fn.all_reduce(local)
        count = total[c]
        mean = total[:c] / count
        dev = x - mean[None, :, None, None]
        var = dist_fn.all_reduce((dev * dev).sum((0, 2, 3))) / count
        with torch.no_grad():
            self.num_batches_tracked.add_(1)
            m = self.momentum
            self.running_mean.mul_(1 - m).add_(mean * m)
            self.running_var.mul_(1 - m).add_(var * (count / (count - 1)) * m)
        scale = self.weight * torch.rsqrt(var + self.eps)
        return dev * scale[None, :, None, None] + self.bias[None, :, None, None]


def to_global_batchnorm(model: nn.Module) -> nn.Module:
    """Replaces every BatchNorm2d by a global-batch one (in place; parameters are kept)."""
    if torch.cuda.is_available():
        return nn.SyncBatchNorm.convert_sync_batchnorm(model)
    for name, child in model.named_children():
        if type(child) is nn.BatchNorm2d:
            g = GlobalBatchNorm2d(child.num_features, child.eps, child.momentum, child.affine,
                                  child.track_running_stats)
            g.load_state_dict(child.state_dict())
            setattr(model, name, g)
        else:
            to_global_batchnorm(child)
    return model


def wrap(model: nn.Module, world: World) -> nn.Module:
    """The model to train: DDP with global-batch BatchNorm when distributed, else itself."""
    if not world.distributed:
        return model
    model = to_global_batchnorm(model)
    ids = [world.local_rank] if torch.cuda.is_available() else None
    return nn.parallel.DistributedDataParallel(model, device_ids=ids)


def unwrap(model: nn.Module) -> nn.Module:
    return model.module if isinstance(model, nn.parallel.DistributedDataParallel) else model


def local_slice(batch: torch.Tensor, world: World) -> torch.Tensor:
    """This process's share of a global batch of indices (contiguous, sizes differ by ≤ 1)."""
    return torch.tensor_split(batch, world.size)[world.rank] if world.distributed else batch


def sum_all(values: list[float], world: World, device: torch.device) -> list[float]:
    if not world.distributed:
        return values
    t = torch.tensor(values, dtype=torch.float64, device=device)
    dist.all_reduce(t)
    return t.tolist()


def agree(flag: bool, world: World, device: torch.device) -> bool:
    """The main process's decision, for every process (e.g. 'stop now': clocks differ)."""
    if not world.distributed:
        return flag
    t = torch.tensor([1.0 if flag else 0.0], device=device)
    dist.broadcast(t, 0)
    return bool(t.item())


def barrier(world: World):
    if world.distributed:
        dist.barrier()


def finish(world: World):
    if world.distributed:
        dist.destroy_process_group()
