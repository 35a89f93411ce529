"""FSDP2 (fully_shard) on two CPU processes launched by torchrun: each
rank stores half of every parameter; one step matches one process."""
import datetime

import torch
import torch.distributed as dist
from torch import nn
from torch.distributed.device_mesh import init_device_mesh
from torch.distributed.fsdp import fully_shard

dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=60))
rank, world_size = dist.get_rank(), dist.get_world_size()
try:
    torch.manual_seed(0)                           # same start on every rank
    model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 1))
    reference = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 1))
    reference.load_state_dict(model.state_dict())  # one process, for checks
    full_count = sum(p.numel() for p in model.parameters())

    mesh = init_device_mesh("cpu", (world_size,))  # (1)!
    for layer in model:
        if isinstance(layer, nn.Linear):
            fully_shard(layer, mesh=mesh)          # (2)!
    fully_shard(model, mesh=mesh)
    weight = model[0].weight                       # now a DTensor
    local_count = sum(p.to_local().numel() for p in model.parameters())
    if rank == 0:
        print(f"{type(weight).__name__} {tuple(weight.shape)}, "
              f"rank 0 stores {tuple(weight.to_local().shape)}")
    assert weight.to_local().shape == (32, 16)
    counts = [None] * world_size
    dist.all_gather_object(counts, local_count)
    assert sum(counts) == full_count               # no element stored twice
    if rank == 0:
        print(f"numbers stored by rank 0 and rank 1: {counts}, "
              f"{full_count} in all")

    g = torch.Generator().manual_seed(0)           # 16 samples, 8 per rank
    X, y = torch.randn(16, 16, generator=g), torch.randn(16, 1, generator=g)
    mine = slice(8 * rank, 8 * rank + 8)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loss = nn.functional.mse_loss(model(X[mine]), y[mine])   # (3)!
    loss.backward()                                # (4)!
    optimizer.step()

    ref_opt = torch.optim.SGD(reference.parameters(), lr=0.1)
    nn.functional.mse_loss(reference(X), y).backward()
    ref_opt.step()
    gap = max((p.full_tensor() - q).abs().max().item()
              for p, q in zip(model.parameters(), reference.parameters()))
    assert gap < 1e-6
    if rank == 0:
        print("after one step, the gathered parameters equal one process "
              "on all 16 samples (to 1e-6)")
finally:
    dist.destroy_process_group()
