"""Data parallelism by hand: each of two processes computes gradients on
its half of the batch, all_reduce averages them, and every rank steps."""
import datetime
import os
import socket

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch import nn

WORLD_SIZE = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flat(model):
    return torch.cat([p.detach().flatten() for p in model.parameters()])


def step_by_hand(rank, world_size):
    g = torch.Generator().manual_seed(0)       # the same batch everywhere
    X, y = torch.randn(16, 4, generator=g), torch.randn(16, 1, generator=g)
    torch.manual_seed(0)                       # the same start everywhere
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    reference = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    reference.load_state_dict(model.state_dict())

    mine = slice(8 * rank, 8 * rank + 8)       # this rank's half
    nn.functional.mse_loss(model(X[mine]), y[mine]).backward()
    for p in model.parameters():               # what DDP does for you
        dist.all_reduce(p.grad, op=dist.ReduceOp.SUM)
        p.grad /= world_size
    torch.optim.SGD(model.parameters(), lr=0.1).step()

    nn.functional.mse_loss(reference(X), y).backward()
    torch.optim.SGD(reference.parameters(), lr=0.1).step()
    gap = (flat(model) - flat(reference)).abs().max().item()
    copies = [torch.empty_like(flat(model)) for _ in range(world_size)]
    dist.all_gather(copies, flat(model))
    assert gap < 1e-6 and torch.equal(copies[0], copies[1])
    if rank == 0:
        print("averaged gradients: ranks identical, equal (to 1e-6) to "
              "one process on all 16 samples")


def worker(rank, world_size, port):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    dist.init_process_group("gloo", rank=rank, world_size=world_size,
                            timeout=datetime.timedelta(seconds=60))
    try:
        step_by_hand(rank, world_size)
    finally:
        dist.destroy_process_group()


if __name__ == "__main__":
    mp.spawn(worker, args=(WORLD_SIZE, free_port()), nprocs=WORLD_SIZE)
