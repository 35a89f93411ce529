"""Parts 4 and 5: misconceptions about modules, each checked; the line
printed starts with the number of its row in the table."""
import io
import math
import pickle

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


# 4.1 layers in a plain Python list are not registered
class ListNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(2, 2), nn.Linear(2, 2)]  # a plain list


print("4.1 parameters of a model keeping layers in a list:",
      len(list(ListNet().parameters())))
assert len(list(ListNet().parameters())) == 0

# 4.2 module.to() works in place and returns the same module
model = nn.Linear(2, 2)
weight = model.weight
same = model.to(torch.float64)
print("4.2 module.to() returns itself:", same is model,
      "| same Parameter object:", model.weight is weight)
assert same is model and model.weight.dtype == torch.float64

# 4.3 an nn.Linear weight is (out_features, in_features)
print("4.3 nn.Linear(3, 5).weight.shape:", tuple(nn.Linear(3, 5).weight.shape))
assert nn.Linear(3, 5).weight.shape == (5, 3)

# 4.4 state_dict() shares memory with the parameters
layer = nn.Linear(2, 2)
sd = layer.state_dict()
with torch.no_grad():
    layer.weight.fill_(1.0)
print("4.4 after editing the weight, state_dict sees it:",
      bool((sd["weight"] == 1).all()))
assert (sd["weight"] == 1).all()

# 4.5 a layer used twice has one weight; its gradient sums both uses
lin = nn.Linear(1, 1, bias=False)
with torch.no_grad():
    lin.weight.fill_(3.0)
out = lin(lin(torch.ones(1, 1)))     # w * (w * x)
out.sum().backward()
print("4.5 used twice: output", out.item(), "| grad", lin.weight.grad.item())
assert out.item() == 9 and lin.weight.grad.item() == 6

# 4.6 reduction="mean" scales the gradient by 1 / (N * D) against "sum"
w = torch.ones(3, 2, requires_grad=True)
xb, yb = torch.randn(8, 3), torch.randn(8, 2)
g_sum, = torch.autograd.grad(F.mse_loss(xb @ w, yb, reduction="sum"), w)
g_mean, = torch.autograd.grad(F.mse_loss(xb @ w, yb), w)
print("4.6 gradient ratio sum / mean:",
      round((g_sum / g_mean).mean().item(), 4), "= N * D = 16")
assert torch.allclose(g_sum, 16 * g_mean)


# 4.7 torch.load refuses arbitrary pickled objects by default
class Config:
    lr = 0.1


buffer = io.BytesIO()
torch.save({"config": Config()}, buffer)
try:
    torch.load(io.BytesIO(buffer.getvalue()))
except pickle.UnpicklingError as err:
    print("4.7 torch.load of a custom object:", type(err).__name__)
    assert "Weights only load failed" in str(err)
else:
    raise AssertionError("weights_only=True should refuse it")

# 5.1 model.forward(x) skips hooks; model(x) runs them
calls = []
net = nn.Linear(2, 2)
net.register_forward_hook(lambda mod, inp, out: calls.append("hook"))
net(torch.ones(1, 2))
net.forward(torch.ones(1, 2))
print("5.1 hooks run by model(x) and model.forward(x):", len(calls))
assert calls == ["hook"]

# 5.2 nn.Linear's default init is uniform(+-1/sqrt(fan_in)), not He's
fan_in = 400
w = nn.Linear(fan_in, 300).weight
he_std = math.sqrt(2 / fan_in)
print("5.2 std:", round(w.std().item(), 4), "| He init std:",
      round(he_std, 4))
assert w.abs().max() <= 1 / math.sqrt(fan_in)
assert abs(w.std().item() - 1 / math.sqrt(3 * fan_in)) < 1e-3


# 5.3 a parameter assigned before super().__init__() raises
class Early(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(1))
        super().__init__()


try:
    Early()
except AttributeError as err:
    print("5.3 parameter before super().__init__():", type(err).__name__)
    assert "cannot assign parameters before Module.__init__()" in str(err)
else:
    raise AssertionError("expected an AttributeError")

# 5.4 softmax before cross_entropy locks the loss in a narrow range
perfect = torch.tensor([[50.0, -50.0]])
target = torch.tensor([0])
low = F.cross_entropy(perfect.softmax(dim=1), target).item()
print("5.4 best loss with softmax first:", round(low, 4),
      "| on logits:", round(F.cross_entropy(perfect, target).item(), 4))
assert abs(low - math.log(1 + math.exp(-1))) < 1e-4    # 0.3133
