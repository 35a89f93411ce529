"""Two processes, one process group (gloo on the CPU): all_reduce,
broadcast, all_gather and reduce_scatter, and what each rank holds."""
import datetime
import os
import socket

import torch
import torch.distributed as dist
import torch.multiprocessing as mp

WORLD_SIZE = 2


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def collectives(rank, world_size):
    """Every rank runs this; each call waits for the other rank."""
    x = torch.tensor([1.0, 2.0]) * (rank + 1)  # rank 0: [1, 2], 1: [2, 4]
    lines = [f"rank {rank} of {world_size}: x = {x.tolist()}"]

    total = x.clone()
    dist.all_reduce(total, op=dist.ReduceOp.SUM)      # (1)!
    lines.append(f"  all_reduce(SUM)  -> {total.tolist()}")
    assert total.tolist() == [3.0, 6.0]

    from_0 = x.clone()
    dist.broadcast(from_0, src=0)                      # (2)!
    lines.append(f"  broadcast(src=0) -> {from_0.tolist()}")
    assert from_0.tolist() == [1.0, 2.0]

    gathered = [torch.empty(2) for _ in range(world_size)]
    dist.all_gather(gathered, x)                       # (3)!
    lines.append(f"  all_gather       -> {[g.tolist() for g in gathered]}")
    assert [g.tolist() for g in gathered] == [[1.0, 2.0], [2.0, 4.0]]

    mine = torch.empty(1)
    dist.reduce_scatter(mine, list(x.chunk(world_size)))  # (4)!
    lines.append(f"  reduce_scatter   -> {mine.tolist()}")
    assert mine.tolist() == [total[rank].item()]
    return lines


def worker(rank, world_size, port):
    os.environ["MASTER_ADDR"] = "127.0.0.1"            # (5)!
    os.environ["MASTER_PORT"] = str(port)
    dist.init_process_group(
        "gloo", rank=rank, world_size=world_size,
        timeout=datetime.timedelta(seconds=60))        # (6)!
    try:
        assert dist.get_rank() == rank
        assert dist.get_world_size() == world_size
        lines = collectives(rank, world_size)
        # rank 0 prints every rank's lines, in rank order
        everyone = [None] * world_size
        dist.all_gather_object(everyone, lines)
        if rank == 0:
            print(f"backend: {dist.get_backend()}")
            for rank_lines in everyone:
                print("\n".join(rank_lines))
    finally:
        dist.destroy_process_group()                   # (7)!


if __name__ == "__main__":                             # (8)!
    mp.spawn(worker, args=(WORLD_SIZE, free_port()), nprocs=WORLD_SIZE)
    print("both processes ended cleanly")
