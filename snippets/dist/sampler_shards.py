"""DistributedSampler, without any process group: each rank's shard,
disjoint and covering the data, reshuffled by set_epoch."""
import torch
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10))      # 10 samples, ids 0 to 9
world_size = 2

shards = {}
for epoch in range(2):
    for rank in range(world_size):
        # in a DDP program, num_replicas and rank come from the group
        sampler = DistributedSampler(dataset, num_replicas=world_size,
                                     rank=rank, shuffle=True, seed=0)
        sampler.set_epoch(epoch)               # (1)!
        shards[epoch, rank] = list(sampler)
        print(f"epoch {epoch}, rank {rank}: {shards[epoch, rank]}")
    first, second = shards[epoch, 0], shards[epoch, 1]
    assert not set(first) & set(second)        # disjoint
    assert sorted(first + second) == list(range(10))   # covering
assert shards[0, 0] != shards[1, 0]            # a new order each epoch

# without set_epoch, every epoch repeats the order of epoch 0
forgetful = DistributedSampler(dataset, num_replicas=world_size, rank=0,
                               shuffle=True, seed=0)
orders = [list(forgetful) for epoch in range(3)]
print("without set_epoch, rank 0 sees:", orders[0], "in every epoch")
assert orders[0] == orders[1] == orders[2] == shards[0, 0]
