"""A ReLU written as a torch.autograd.Function, checked with gradcheck,
then used to train the two-layer net."""
# --8<-- [start:setup]
import torch

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]


# --8<-- [start:function]
class MyReLU(torch.autograd.Function):
    """ReLU with a hand-written backward pass."""

    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)     # (1)!
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):      # (2)!
        (input,) = ctx.saved_tensors
        grad_input = grad_output.clone()
        # the slope is 0 where the input was negative
        grad_input[input < 0] = 0
        return grad_input
# --8<-- [end:function]


# --8<-- [start:check]
torch.manual_seed(0)
h = torch.randn(6, 4, dtype=torch.float64, device=device, requires_grad=True)
ok = torch.autograd.gradcheck(MyReLU.apply, (h,))   # (1)!
print("gradcheck in float64:", ok)
assert ok

out = MyReLU.apply(h)
print("out.grad_fn:", type(out.grad_fn).__name__)
out.sum().backward()
assert torch.equal(out, torch.relu(h))
assert torch.equal(h.grad, (h > 0).double())
# --8<-- [end:check]

# --8<-- [start:train]
# call it through apply, never forward()
relu = MyReLU.apply
torch.manual_seed(0)                 # the same data as the previous pages
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in, device=device)
y = torch.randn(N, D_out, device=device)
w1 = torch.randn(D_in, H, device=device, requires_grad=True)
w2 = torch.randn(H, D_out, device=device, requires_grad=True)

lr = 1e-6
losses = []
for t in range(500):
    y_pred = relu(x.mm(w1)).mm(w2)   # (N, D_out)
    loss = (y_pred - y).pow(2).sum()
    losses.append(loss.item())
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {loss.item():.4g}")
    loss.backward()                  # runs MyReLU.backward along the way
    with torch.no_grad():
        w1 -= lr * w1.grad
        w2 -= lr * w2.grad
        w1.grad.zero_()
        w2.grad.zero_()

assert losses[-1] < 1e-3 * losses[0], "the loss should fall 1000-fold"
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
# --8<-- [end:train]
