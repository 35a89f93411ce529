"""A plain tensor attribute is invisible to Module: .double(), .to(device) and
state_dict() skip it. Registered as a buffer, it follows the module."""
import torch
import torch.nn as nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


class Normalize(nn.Module):
    def __init__(self, mean, std, as_buffer):
        super().__init__()
        if as_buffer:
            self.register_buffer("mean", torch.tensor(mean))
            self.register_buffer("std", torch.tensor(std))
        else:
            self.mean = torch.tensor(mean)          # plain attributes
            self.std = torch.tensor(std)

    def forward(self, x):                           # x: (N, 2)
        return (x - self.mean) / self.std


for as_buffer in (False, True):
    kind = "buffer" if as_buffer else "plain "
    # convert to float64
    model = Normalize([0.5, 1.0], [2.0, 4.0], as_buffer).double()
    print(f"{kind}: after .double() mean is {model.mean.dtype}, "
          f"state_dict keys {list(model.state_dict())}")
    if as_buffer:
        assert model.mean.dtype == torch.float64
        assert list(model.state_dict()) == ["mean", "std"]
    else:
        assert model.mean.dtype == torch.float32
        assert list(model.state_dict()) == []

    model = Normalize([0.5, 1.0], [2.0, 4.0], as_buffer).to(device)
    x = torch.ones(1, 2, device=device)             # (1, 2)
    try:
        status = f"output {model(x).tolist()}"
    except RuntimeError:  # cpu tensor meets a gpu tensor
        status = "RuntimeError: tensors on different devices"
    print(f"{kind}: on {device.type}, {status}")
    # on the CPU both work; on a GPU only the buffer version does
    assert status.startswith("output") == (as_buffer or device.type == "cpu")
