"""torch.export refuses an `if` on a tensor's
value; torch.cond puts both branches into the graph.

torch.cond plays the part of TensorFlow's tf.cond:
one exported program serves both branches.
"""
import torch


class Branchy(torch.nn.Module):
    def forward(self, x):
        y = x * 2
        if y.sum() > 0:                  # Python decides: needs the value of y
            return torch.sin(y)
        return torch.cos(y)


class WithCond(torch.nn.Module):
    def forward(self, x):
        y = x * 2
        return torch.cond(y.sum() > 0,
                          lambda y: torch.sin(y),
                          lambda y: torch.cos(y),
                          (y,))


x = torch.tensor([1.0, 2.0, 3.0])

error = None
try:
    torch.export.export(Branchy(), (x,))
except RuntimeError as e:
    error = e
print(type(error).__name__ + ":", str(error).splitlines()[0])
assert error is not None and "data-dependent" in str(error)

ep = torch.export.export(WithCond(), (x,))
calls = [n.target.__name__ for n in ep.graph.nodes if n.op == "call_function"]
print("exported calls:", calls)
program = ep.module()
for data in ([1.0, 2.0, 3.0], [-1.0, -2.0, -3.0]):
    t = torch.tensor(data)
    print(f"x = {data}: {[round(v, 4) for v in program(t).tolist()]}")
    assert torch.allclose(program(t), Branchy()(t))
assert calls == ["mul.Tensor", "sum.default", "gt.Scalar", "cond",
                 "getitem"], calls
