"""Layers kept in a plain Python list are invisible to
the module: their parameters are missing from parameters()
and state_dict(), and the optimizer never updates them."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
N, D_in, H, D_out = 64, 8, 16, 1
# --8<-- [end:setup]


# --8<-- [start:classes]
class ListNet(nn.Module):
    def __init__(self, device):
        super().__init__()
        self.hidden = [nn.Linear(D_in, H, device=device),               # (1)!
                       nn.Linear(H, H, device=device)]
        self.head = nn.Linear(H, D_out, device=device)

    def forward(self, x):                        # x: (N, D_in)
        for layer in self.hidden:
            x = layer(x).relu()                  # (N, H)
        return self.head(x)                      # (N, D_out)


class ModuleListNet(nn.Module):
    def __init__(self, device):
        super().__init__()
        self.hidden = nn.ModuleList([nn.Linear(D_in, H, device=device),  # (2)!
                                     nn.Linear(H, H, device=device)])
        self.head = nn.Linear(H, D_out, device=device)

    def forward(self, x):
        for layer in self.hidden:
            x = layer(x).relu()
        return self.head(x)
# --8<-- [end:classes]


# --8<-- [start:compare]
nets = {"list": ListNet(device), "ModuleList": ModuleListNet(device)}
for kind, net in nets.items():
    print(f"{kind:>10}: {len(list(net.parameters()))} parameter "
          f"tensors, state_dict {list(net.state_dict())}")
assert len(list(nets["list"].parameters())) == 2  # only the head
assert len(list(nets["ModuleList"].parameters())) == 6
assert "hidden.0.weight" not in nets["list"].state_dict()
nets["list"].eval()  # eval() does not reach the list either
assert nets["list"].hidden[0].training and not nets["list"].head.training
nets["list"].train()
# --8<-- [end:compare]

# --8<-- [start:train]
x = torch.randn(N, D_in, device=device)          # (N, D_in)
y = torch.randn(N, D_out, device=device)         # (N, D_out)
loss_fn = nn.MSELoss()
for kind, net in nets.items():
    hidden_before = [layer.weight.clone() for layer in net.hidden]
    head_before = net.head.weight.clone()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    for step in range(20):
        loss = loss_fn(net(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    hidden_moved = [not torch.equal(layer.weight, w) for layer, w in zip(
        net.hidden, hidden_before)]
    print(f"{kind:>10}: hidden weights changed {hidden_moved}, "
          f"head changed {not torch.equal(net.head.weight, head_before)}")
    assert not torch.equal(net.head.weight, head_before)  # registered: trained
    assert all(hidden_moved) == (kind == "ModuleList")    # the list's: never
    if kind == "list":                                             # (1)!
        assert all(layer.weight.grad is not None for layer in net.hidden)
# --8<-- [end:train]

# --8<-- [start:convert]
for kind, net in nets.items():
    net.to(torch.float16)  # converts registered parameters only
    try:
        net(x.half())
        print(f"{kind:>10}: float16 forward pass works")
    except RuntimeError as err:
        print(f"{kind:>10}: RuntimeError: {err}")
        assert kind == "list" and "dtype" in str(err)
    assert net.head.weight.dtype == torch.float16
assert nets["list"].hidden[0].weight.dtype == torch.float32  # left behind
# a device move: the same story
moved = ListNet(torch.device("cpu")).to("meta")
assert moved.head.weight.is_meta and not moved.hidden[0].weight.is_meta
# --8<-- [end:convert]
