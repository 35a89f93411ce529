"""Which backend serves which device, what this machine has, and the
variables torchrun sets for each process it starts."""
import os

import torch
import torch.distributed as dist

print("gloo available:", dist.is_gloo_available())
print("NCCL available:", dist.is_nccl_available())
print("CUDA GPUs visible:", torch.cuda.device_count())

# init_process_group() with no backend uses one backend per device type
defaults = dist.Backend.default_device_backend_map
print("default backend for cpu:", defaults["cpu"],
      "| for cuda:", defaults["cuda"])
assert defaults["cpu"] == "gloo" and defaults["cuda"] == "nccl"

# what a program would pick here: NCCL needs one CUDA GPU per process
backend = "nccl" if torch.cuda.device_count() >= 2 else "gloo"
print("for two processes on this machine:", backend)

# torchrun sets these in every worker; this session was not started
# by torchrun, so none of them is set here
names = ["RANK", "LOCAL_RANK", "WORLD_SIZE", "LOCAL_WORLD_SIZE",
         "MASTER_ADDR", "MASTER_PORT"]
print("set here:", [name for name in names if name in os.environ])
assert not any(name in os.environ for name in names)
