"""Exercise: the gradient of an intermediate
(non-leaf) tensor, kept with retain_grad()."""
import torch

x = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
b = torch.tensor(0.1, requires_grad=True)

z = w * x + b                            # (3,), not a leaf
# ask autograd to keep dloss/dz in z.grad
z.retain_grad()
loss = z.pow(2).sum()
loss.backward()

print("z     :", [round(v, 4) for v in z.tolist()])
print("z.grad:", [round(v, 4) for v in z.grad.tolist()])

# dloss/dz = 2z, and the chain rule takes it on to the leaves
assert torch.allclose(z.grad, 2 * z.detach())
assert torch.allclose(w.grad, z.grad * x)          # dz_i/dw_i = x_i
assert torch.allclose(b.grad, z.grad.sum())        # dz_i/db = 1 for every i
print("w.grad = z.grad * x and b.grad = z.grad.sum(): checked")
