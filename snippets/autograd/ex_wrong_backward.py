"""Exercise: gradcheck catches a ReLU whose backward forgets the mask."""
import torch


class BrokenReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        # bug: lets the gradient through negative inputs
        return grad_output.clone()


torch.manual_seed(0)
h = torch.randn(6, 4, dtype=torch.float64, requires_grad=True)

ok = torch.autograd.gradcheck(BrokenReLU.apply, (h,), raise_exception=False)
print("gradcheck(BrokenReLU):", ok)
assert ok is False

try:
    torch.autograd.gradcheck(BrokenReLU.apply, (h,))
except RuntimeError as err:             # GradcheckError is a RuntimeError
    first_line = str(err).splitlines()[0]
    print(f"with raise_exception=True -> {type(err).__name__}: {first_line}")
    assert type(err).__name__ == "GradcheckError"
    assert "Jacobian mismatch" in first_line
else:
    raise AssertionError("gradcheck should reject the broken backward")

# training would not crash; it would just follow wrong gradients
out = BrokenReLU.apply(h)
out.sum().backward()
wrong = (h.grad != (h > 0).double()).sum().item()
print(f"entries of h.grad that are wrong: {wrong} of {h.numel()}")
assert wrong == (h < 0).sum().item()
