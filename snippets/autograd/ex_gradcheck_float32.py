"""Exercise: why gradcheck wants float64.
The same, correct ReLU fails the check in float32."""
import warnings

import torch


class MyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        (input,) = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input


torch.manual_seed(0)
h64 = torch.randn(6, 4, dtype=torch.float64, requires_grad=True)
h32 = h64.detach().float().requires_grad_()

print("float64:", torch.autograd.gradcheck(MyReLU.apply, (h64,)))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    ok32 = torch.autograd.gradcheck(MyReLU.apply, (h32,),
                                    raise_exception=False)
print("float32:", ok32)
assert ok32 is False
assert any("not a double precision" in str(w.message) for w in caught)
print("gradcheck warned:", str(caught[0].message).split(".")[0])

# (f(x + eps) - f(x - eps)) / 2 eps with eps = 1e-6 drowns in float32 rounding
eps = 1e-6
x = torch.tensor(0.7, dtype=torch.float32)
slope32 = ((x + eps) - (x - eps)) / (2 * eps)
x = torch.tensor(0.7, dtype=torch.float64)
slope64 = ((x + eps) - (x - eps)) / (2 * eps)
print(f"slope of the identity by finite differences: "
      f"float32 {slope32.item():.4f}, float64 {slope64.item():.4f}")
assert abs(slope32.item() - 1) > 0.01 and abs(slope64.item() - 1) < 1e-6
