"""Out-of-place and in-place operations,
and what `x += 1` and `x = x + 1` do."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:out_of_place]
x = torch.tensor([1.0, 2.0, 3.0])
y = x.add(1)                             # a new tensor; x is left alone
print("x.add(1):", y, "| x:", x)

assert torch.equal(x, torch.tensor([1.0, 2.0, 3.0]))
assert y is not x
assert y.data_ptr() != x.data_ptr()
# --8<-- [end:out_of_place]

# --8<-- [start:in_place]
x = torch.tensor([1.0, 2.0, 3.0])
y = x.add_(1)                            # trailing _ : changes x itself
assert y is x                            # and returns x, so calls can chain
assert torch.equal(x, torch.tensor([2.0, 3.0, 4.0]))

x.mul_(2)                                # [4, 6, 8]
print("after add_ and mul_:", x)
assert torch.equal(x, torch.tensor([4.0, 6.0, 8.0]))

x.clamp_(min=5.0, max=7.0)               # [5, 6, 7]
print("after clamp_:       ", x)
assert torch.equal(x, torch.tensor([5.0, 6.0, 7.0]))

x.zero_()
print("after zero_:        ", x)
assert torch.equal(x, torch.zeros(3))
# --8<-- [end:in_place]

# --8<-- [start:operators]
x = torch.tensor([1.0, 2.0, 3.0])
alias = x                                # a second name for the same tensor
before = x.data_ptr()

x += 1                                   # in place, like x.add_(1)
print("x += 1     -> same memory:", x.data_ptr() == before)
assert x.data_ptr() == before and x is alias
assert torch.equal(alias, torch.tensor([2.0, 3.0, 4.0]))   # alias sees it

x = x + 1                                # builds a new tensor, then rebinds x
print("x = x + 1  -> same memory:", x.data_ptr() == before)
assert x.data_ptr() != before and x is not alias
assert torch.equal(alias, torch.tensor([2.0, 3.0, 4.0]))   # alias does not
print("x:", x, "| alias:", alias)
# --8<-- [end:operators]
