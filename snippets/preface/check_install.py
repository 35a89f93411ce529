"""Which PyTorch build is installed, and which accelerator can it use?

Run it after installing; every line is explained on the installation page.
"""
import platform

import torch

# --8<-- [start:build]
print("python:", platform.python_version())
print("torch:", torch.__version__)
print("built for CUDA:", torch.version.cuda)  # None means a CPU-only build
# --8<-- [end:build]

# --8<-- [start:cuda]
print("CUDA available:", torch.cuda.is_available())
gpus = []
for i in range(torch.cuda.device_count()):
    major, minor = torch.cuda.get_device_capability(i)
    gpus.append(f"cuda:{i} {torch.cuda.get_device_name(i)} "
                f"(compute capability {major}.{minor})")
print("GPUs:", "; ".join(gpus) or "none")
print("MPS available:", torch.backends.mps.is_available())   # Apple silicon
# --8<-- [end:cuda]

# --8<-- [start:device]
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
print("the book's snippets will use:", device.type)

torch.manual_seed(0)
x = torch.randn(256, 256, device=device)
y = x @ x  # one real computation on that device
assert torch.isfinite(y).all()
print("a matrix product there works:", y.shape == (256, 256))
# --8<-- [end:device]
