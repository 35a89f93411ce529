"""DistributedSampler when the ranks do not divide the data: 10 samples
on 3 ranks, padded with repeats by default, or cut with drop_last."""
import torch
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10))
world_size = 3

for drop_last in (False, True):
    shards = [list(DistributedSampler(dataset, num_replicas=world_size,
                                      rank=rank, shuffle=False,
                                      drop_last=drop_last))
              for rank in range(world_size)]
    seen = [i for shard in shards for i in shard]
    print(f"drop_last={drop_last}: {shards}")
    assert len({len(shard) for shard in shards}) == 1   # equal shards
    if drop_last:                  # 9 samples seen once, one left out
        assert len(seen) == 9 == len(set(seen))
        left_out = sorted(set(range(10)) - set(seen))
        print(f"  each rank {len(shards[0])} samples; never seen: {left_out}")
    else:                          # 12 samples: 0 and 1 seen twice
        repeated = sorted(i for i in set(seen) if seen.count(i) > 1)
        assert len(seen) == 12 and sorted(set(seen)) == list(range(10))
        print(f"  each rank {len(shards[0])} samples; "
              f"seen twice: {repeated}")

# why equal shards: every rank must run the same number of steps, or
# the ranks with more batches would wait forever in their all_reduce
