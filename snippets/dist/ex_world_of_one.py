"""A process group of one process, in this very session: every
collective returns its input; destroy_process_group frees the group."""
import torch
import torch.distributed as dist

# an in-memory store: one process needs no address and no port
dist.init_process_group("gloo", store=dist.HashStore(), rank=0,
                        world_size=1)
try:
    print("initialized:", dist.is_initialized(),
          "| rank", dist.get_rank(), "of", dist.get_world_size())
    x = torch.tensor([1.0, 2.0])

    total = x.clone()
    dist.all_reduce(total)
    from_0 = x.clone()
    dist.broadcast(from_0, src=0)
    gathered = [torch.empty(2)]
    dist.all_gather(gathered, x)
    print("all_reduce:", total.tolist(), "| broadcast:", from_0.tolist(),
          "| all_gather:", [g.tolist() for g in gathered])
    assert torch.equal(total, x) and torch.equal(from_0, x)
    assert torch.equal(gathered[0], x)
finally:
    dist.destroy_process_group()
print("initialized after destroy_process_group:", dist.is_initialized())
assert not dist.is_initialized()
