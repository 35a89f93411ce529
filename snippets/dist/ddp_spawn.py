"""DistributedDataParallel on two CPU processes (gloo), started with
torch.multiprocessing.spawn: one step, checked against one process."""
import datetime
import os
import socket
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

WORLD_SIZE = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_data():                       # 16 samples, the same in every rank
    g = torch.Generator().manual_seed(0)
    X = torch.randn(16, 4, generator=g)
    y = X @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])
    return TensorDataset(X, y + 0.1 * torch.randn(16, 1, generator=g))


def make_model(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))


def flat(model):                       # all parameters as one vector
    return torch.cat([p.detach().flatten() for p in model.parameters()])


def same_on_all_ranks(t):
    copies = [torch.empty_like(t) for _ in range(dist.get_world_size())]
    dist.all_gather(copies, t)
    return all(torch.equal(c, copies[0]) for c in copies)


def train(rank, world_size):
    dataset = make_data()
    sampler = DistributedSampler(dataset, shuffle=False)   # (1)!
    loader = DataLoader(dataset, batch_size=8, sampler=sampler)
    local = make_model(seed=rank)      # each rank starts different...
    assert not same_on_all_ranks(flat(local))
    model = DDP(local)                 # ...DDP copies rank 0's weights
    assert same_on_all_ranks(flat(model.module))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    X, y = next(iter(loader))          # this rank's 8 samples
    loss = nn.functional.mse_loss(model(X), y)
    optimizer.zero_grad()
    loss.backward()                    # (2)!
    optimizer.step()
    assert same_on_all_ranks(flat(model.module))

    shards = [None] * world_size
    dist.all_gather_object(shards, (list(sampler), round(loss.item(), 4)))
    if rank == 0:                      # (3)!
        for r, (indices, rank_loss) in enumerate(shards):
            print(f"rank {r}: samples {indices}, loss {rank_loss}")
        reference = make_model(seed=0)  # one process, all 16 samples
        ref_opt = torch.optim.SGD(reference.parameters(), lr=0.1)
        nn.functional.mse_loss(reference(dataset.tensors[0]),
                               dataset.tensors[1]).backward()
        ref_opt.step()
        gap = (flat(reference) - flat(model.module)).abs().max().item()
        assert gap < 1e-6
        print("after one step: ranks identical, equal (to 1e-6) to "
              "one process on the combined batch")
        torch.save(model.module.state_dict(), "ddp_checkpoint.pt")
    dist.barrier()                     # (4)!
    state = torch.load("ddp_checkpoint.pt", weights_only=True)
    assert all(torch.equal(state[k], v)
               for k, v in model.module.state_dict().items())


def worker(rank, world_size, port):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    dist.init_process_group("gloo", rank=rank, world_size=world_size,
                            timeout=datetime.timedelta(seconds=60))
    try:
        train(rank, world_size)
    finally:
        dist.destroy_process_group()


if __name__ == "__main__":
    start = time.perf_counter()
    mp.spawn(worker, args=(WORLD_SIZE, free_port()), nprocs=WORLD_SIZE)
    seconds = time.perf_counter() - start
    print("ddp_checkpoint.pt saved:", os.path.exists("ddp_checkpoint.pt"))
    print(f"spawn, set up and one step: {seconds:.1f} s wall")
