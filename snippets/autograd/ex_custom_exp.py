"""Exercise: a custom exp whose backward reuses
the saved output, checked with gradcheck."""
import torch


class MyExp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        result = input.exp()
        ctx.save_for_backward(result)  # d exp(x)/dx = exp(x): save the output
        return result

    @staticmethod
    def backward(ctx, grad_output):
        (result,) = ctx.saved_tensors
        return grad_output * result


torch.manual_seed(0)
x = torch.randn(5, dtype=torch.float64, requires_grad=True)
ok = torch.autograd.gradcheck(MyExp.apply, (x,))
print("gradcheck(MyExp):", ok)
assert ok

y = MyExp.apply(x)
y.sum().backward()
print("x.grad equals exp(x):", torch.allclose(x.grad, x.detach().exp()))
assert torch.allclose(x.grad, x.detach().exp())

# the saved output is checked by the version counter like any saved tensor
y = MyExp.apply(x)
# changes the tensor that backward needs
y.mul_(2)
try:
    y.sum().backward()
except RuntimeError as err:
    print("after y.mul_(2), backward -> RuntimeError "
          "(modified by an inplace operation)")
    assert "modified by an inplace operation" in str(err)
else:
    raise AssertionError(
        "the in-place change of a saved output should be caught")
