"""Gradient accumulation under DDP: no_sync() around the first
micro-batch's forward and backward skips its all-reduce (a comm hook
counts them); around the backward alone it does not."""
import datetime
import os
import socket

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch import nn
from torch.distributed.algorithms.ddp_comm_hooks import default_hooks
from torch.nn.parallel import DistributedDataParallel as DDP

WORLD_SIZE = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def accumulate(rank, world_size, mode):
    g = torch.Generator().manual_seed(0)       # 32 samples: 16 per rank,
    X, y = torch.randn(32, 4, generator=g), torch.randn(32, 1, generator=g)
    torch.manual_seed(0)                       # in 2 micro-batches of 8
    model = DDP(nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1)))
    calls = []

    def counting_hook(state, bucket):          # DDP's all-reduce, counted
        calls.append(bucket.index())
        return default_hooks.allreduce_hook(state, bucket)

    model.register_comm_hook(None, counting_hook)
    for k in range(2):
        rows = slice(16 * rank + 8 * k, 16 * rank + 8 * k + 8)
        if k == 0 and mode == "forward and backward":
            with model.no_sync():              # gradients stay local
                loss = nn.functional.mse_loss(model(X[rows]), y[rows])
                (loss / 2).backward()
            continue
        loss = nn.functional.mse_loss(model(X[rows]), y[rows])
        if k == 0 and mode == "backward only":
            with model.no_sync():              # too late: see the page
                (loss / 2).backward()
        else:
            (loss / 2).backward()              # accumulates, all-reduces
    grads = torch.cat([p.grad.flatten() for p in model.parameters()])

    torch.manual_seed(0)                       # one process, all 32
    reference = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    nn.functional.mse_loss(reference(X), y).backward()
    expected = torch.cat([p.grad.flatten() for p in reference.parameters()])
    return len(calls), (grads - expected).abs().max().item()


def worker(rank, world_size, port):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    dist.init_process_group("gloo", rank=rank, world_size=world_size,
                            timeout=datetime.timedelta(seconds=60))
    try:
        for mode, expected in [("not used", 2), ("backward only", 2),
                               ("forward and backward", 1)]:
            calls, gap = accumulate(rank, world_size, mode)
            assert gap < 1e-6                  # the same gradients
            assert calls == expected
            if rank == 0:
                print(f"no_sync {mode:>20}: {calls} all-reduce(s) for 2 "
                      "micro-batches, gradients as one process")
    finally:
        dist.destroy_process_group()


if __name__ == "__main__":
    mp.spawn(worker, args=(WORLD_SIZE, free_port()), nprocs=WORLD_SIZE)
