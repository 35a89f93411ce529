"""Exercise: persistent_workers keeps the same worker processes."""
import multiprocessing
import os
import time

import torch
from torch.utils.data import DataLoader, Dataset


class Pids(Dataset):
    """Item i is the id of the process that loaded it."""

    def __len__(self):
        return 8

    def __getitem__(self, i):
        return os.getpid()


def alive(pid):
    try:
        os.kill(pid, 0)               # signal 0: only asks if it exists
        return True
    except ProcessLookupError:
        return False


context = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
for persistent in (False, True):
    loader = DataLoader(Pids(), batch_size=4, num_workers=2,
                        persistent_workers=persistent,
                        multiprocessing_context=context)
    epochs = []
    for epoch in range(2):
        start = time.perf_counter()
        pids = {pid for batch in loader for pid in batch.tolist()}
        epochs.append(pids)
        print(f"persistent_workers={persistent!s:5} epoch {epoch}: "
              f"{time.perf_counter() - start:.3f} s")
    same = epochs[0] == epochs[1]
    print(f"persistent_workers={persistent}: same workers in both "
          f"epochs: {same}")
    assert same == persistent and all(len(p) == 2 for p in epochs)
    left = [pid for pid in epochs[1] if alive(pid)]
    print(f"  still running after the loop: {len(left)}")
    assert len(left) == (2 if persistent else 0)
    del loader                        # ends persistent workers too
    assert not any(alive(pid) for pid in epochs[1])
print("every worker ended once its loader was gone: True")
