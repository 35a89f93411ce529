"""Exercise: how many torch threads does a DataLoader worker get?"""
import multiprocessing
import os

import torch
from torch.utils.data import DataLoader, Dataset


class AskThreads(Dataset):
    """Each item reports the process that loaded it and its thread count."""

    def __len__(self):
        return 4

    def __getitem__(self, i):
        return os.getpid(), torch.get_num_threads()


context = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
start_threads = torch.get_num_threads()
torch.set_num_threads(2)              # as on any machine with 2+ cores
main_threads = torch.get_num_threads()
print(f"main process: {main_threads} thread(s)")
for num_workers in (0, 2):
    loader = DataLoader(AskThreads(), batch_size=None,
                        num_workers=num_workers,
                        multiprocessing_context=context if num_workers
                        else None)
    seen = {pid: threads for pid, threads in loader}
    in_workers = sorted(set(seen.values()))
    where = "main process" if num_workers == 0 else f"{len(seen)} workers"
    print(f"num_workers={num_workers}: items loaded by {where}, "
          f"threads there: {in_workers}")
    if num_workers:
        assert os.getpid() not in seen and in_workers == [1]
    else:
        assert list(seen) == [os.getpid()] and in_workers == [main_threads]
assert torch.get_num_threads() == main_threads
print("workers run torch with 1 thread each: True")
torch.set_num_threads(start_threads)  # put it back
