"""Ways to create a tensor, what torch.empty
really gives you, and a tensor's attributes."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:constructors]
z = torch.zeros(2, 3)                    # (2, 3) of 0.
o = torch.ones(2, 3)                     # (2, 3) of 1.
f = torch.full((2, 2), 7.0)              # (2, 2) of 7.
r = torch.arange(0, 10, 3)               # 0, 3, 6, 9: the end is excluded
l = torch.linspace(0, 1, steps=5)        # 5 points, both ends included
i = torch.eye(3)                         # (3, 3) identity
u = torch.rand(2, 2)                     # uniform on [0, 1)
n = torch.randn(2, 2)                    # standard normal
k = torch.randint(0, 10, (5,))           # integers in [0, 10)
t = torch.tensor([[1, 2], [3, 4]])       # copies the data of a python list

zl = torch.zeros_like(t)                 # same shape, dtype and device as t
ol = torch.ones_like(u)
rl = torch.rand_like(u)

assert z.sum().item() == 0 and o.sum().item() == 6
assert torch.equal(r, torch.tensor([0, 3, 6, 9]))
assert l[0].item() == 0.0 and l[-1].item() == 1.0
assert torch.equal(i, i.t()) and i.trace().item() == 3
assert ((u >= 0) & (u < 1)).all()
assert ((k >= 0) & (k < 10)).all()
assert zl.shape == t.shape and zl.dtype == t.dtype
assert ol.shape == u.shape and rl.dtype == u.dtype
print("arange:  ", r)
print("linspace:", l)
print("randint: ", k)
print("rand:    ", u.round(decimals=4))
# --8<-- [end:constructors]

# --8<-- [start:empty]
e = torch.empty(2, 3)    # allocates memory but does not initialise it:
                         # it holds whatever bytes were there, so never read it
print("empty:", tuple(e.shape), e.dtype)

e = torch.empty(2, 3).zero_()            # initialise in place: all zeros
g = torch.empty(2, 3).fill_(1.5)         # or any constant
assert torch.equal(e, torch.zeros(2, 3))
assert torch.equal(g, torch.full((2, 3), 1.5))
print("filled:", g[0])
# --8<-- [end:empty]

# --8<-- [start:attributes]
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print("dtype:", x.dtype, "| shape:", x.shape, "| ndim:", x.ndim)
print("numel:", x.numel(), "| size(1):", x.size(1), "| device:", x.device.type)

assert x.shape == x.size() == (2, 3)     # torch.Size is a tuple
assert x.ndim == 2 and x.numel() == 6 and x.size(1) == 3
assert x.device.type == "cpu"    # tensors are created on the cpu by default
assert x.dtype == torch.float32  # default floating point dtype
assert torch.get_default_dtype() == torch.float32
assert torch.tensor([1, 2, 3]).dtype == torch.int64   # python ints -> int64
assert torch.tensor([True, False]).dtype == torch.bool
# one float makes it float
assert torch.tensor([1, 2.5]).dtype == torch.float32
# --8<-- [end:attributes]
