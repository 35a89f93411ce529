"""Two ways to pick a device: the generic
accelerator API and explicit checks."""
import torch

# today: one call covers CUDA, Apple MPS, Intel XPU and other accelerators
if torch.accelerator.is_available():
    generic = torch.accelerator.current_accelerator()
else:
    generic = torch.device("cpu")

# the explicit chain that older code spells out
if torch.cuda.is_available():
    explicit = torch.device("cuda")
elif torch.backends.mps.is_available():
    explicit = torch.device("mps")
else:
    explicit = torch.device("cpu")

assert generic.type == explicit.type, (generic, explicit)
print("both choose:", explicit.type)

x = torch.ones(3, device=explicit)      # tensors created there compute there
print("a tensor on it:", x.device.type, x.sum().item())
