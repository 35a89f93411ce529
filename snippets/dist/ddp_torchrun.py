"""DDP on two CPU processes launched by torchrun: three epochs with a
shuffling DistributedSampler, checked against one process."""
import datetime
import os
import time

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

start = time.perf_counter()
dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=60))
rank, world_size = dist.get_rank(), dist.get_world_size()   # (1)!
try:
    g = torch.Generator().manual_seed(0)           # same data on every rank
    X = torch.randn(32, 4, generator=g)
    y = X @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])
    dataset = TensorDataset(X, y)
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    reference = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    reference.load_state_dict(model.state_dict())  # one process, for checks
    model = DDP(model)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    ref_opt = torch.optim.SGD(reference.parameters(), lr=0.05)

    sampler = DistributedSampler(dataset, shuffle=True, seed=0)
    loader = DataLoader(dataset, batch_size=8, sampler=sampler)
    for epoch in range(3):
        sampler.set_epoch(epoch)                   # (2)!
        total = torch.zeros(2)                     # loss sum, batches
        for X_batch, y_batch in loader:
            loss = nn.functional.mse_loss(model(X_batch), y_batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += torch.tensor([loss.item(), 1.0])
        dist.all_reduce(total)                     # over both ranks

        # the reference takes the same steps on both ranks' batches
        shards = []
        for r in range(world_size):
            s = DistributedSampler(dataset, world_size, r, seed=0)
            s.set_epoch(epoch)
            shards.append(list(s))
        for step in range(len(loader)):
            idx = [i for shard in shards for i in shard[8 * step:][:8]]
            ref_opt.zero_grad()
            nn.functional.mse_loss(reference(X[idx]), y[idx]).backward()
            ref_opt.step()
        if rank == 0:
            print(f"epoch {epoch}: mean loss {total[0] / total[1]:.4f}, "
                  f"rank 0 starts with samples {shards[0][:4]}")

    params = torch.cat([p.detach().flatten() for p in model.parameters()])
    copies = [torch.empty_like(params) for _ in range(world_size)]
    dist.all_gather(copies, params)
    assert all(torch.equal(c, params) for c in copies)
    ref = torch.cat([p.detach().flatten() for p in reference.parameters()])
    assert (ref - params).abs().max() < 1e-5
    if rank == 0:                                  # (3)!
        torch.save({"model": model.module.state_dict(),
                    "optimizer": optimizer.state_dict(), "epoch": 3},
                   "ddp_checkpoint.pt")
        print(f"world size {world_size}; after 6 steps both ranks are "
              "identical and match one process (to 1e-5)")
        print(f"init, 3 epochs, checks: {time.perf_counter() - start:.1f} s")
    dist.barrier()
    assert os.path.exists("ddp_checkpoint.pt")
finally:
    dist.destroy_process_group()                   # (4)!
