"""Exercise: a tensor made under inference_mode cannot enter autograd later;
one made under no_grad can."""
import torch

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

with torch.no_grad():
    scale_ng = torch.tensor([2.0, 2.0, 2.0]) * 1.5
with torch.inference_mode():
    scale_im = torch.tensor([2.0, 2.0, 2.0]) * 1.5

# a no_grad result is an ordinary tensor:
# it may be used in a tracked computation
(w * scale_ng).sum().backward()
print("with the no_grad tensor: w.grad =", w.grad.tolist())
assert torch.equal(w.grad, scale_ng)

# an inference tensor may not be saved for
# backward (w * s saves s to compute dw)
try:
    (w * scale_im).sum().backward()
except RuntimeError as err:
    print("with the inference tensor -> RuntimeError:", str(err).split(".")[0])
    assert "Inference tensors cannot be saved for backward" in str(err)
else:
    raise AssertionError(
        "an inference tensor should not be saved for backward")

# the way out: clone() outside inference mode makes a normal tensor
w.grad = None
(w * scale_im.clone()).sum().backward()
print("with scale_im.clone(): w.grad =", w.grad.tolist())
assert not scale_im.clone().is_inference() and torch.equal(w.grad, scale_ng)
