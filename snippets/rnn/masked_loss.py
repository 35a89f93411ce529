"""Masking the loss of padded positions: by hand, and with ignore_index."""
# --8<-- [start:setup]
import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:data]
# a tagging task: one of 5 classes at every step of every sequence
lengths = torch.tensor([3, 5, 2])
targets = [torch.randint(5, (n,), device=device) for n in lengths.tolist()]
y = pad_sequence(targets, batch_first=True, padding_value=-100)  # (3, 5)
# (N, L, classes), made up; requires_grad to look at the gradient
logits = torch.randn(3, 5, 5, device=device, requires_grad=True)
mask = torch.arange(5, device=device) < lengths.to(device)[:, None]
print(y.cpu())
# the reference: the mean loss over the 10 real positions only
real = nn.functional.cross_entropy(logits[mask], y[mask])
print(f"loss over the real positions: {real:.4f}")
# --8<-- [end:data]

# --8<-- [start:mask]
per_position = nn.functional.cross_entropy(
    logits.flatten(0, 1), y.flatten().clamp(min=0),  # any valid class
    reduction="none").view(3, 5)                     # (N, L)
masked = (per_position * mask).sum() / mask.sum()
naive = per_position.mean()                          # counts the padding
print(f"masked mean: {masked:.4f}  plain mean: {naive:.4f}")
torch.testing.assert_close(masked, real)
assert abs(naive - real) > 0.05                      # 15 positions, not 10
grad, = torch.autograd.grad(masked, logits)
assert (grad[~mask] == 0).all()                      # padding: no gradient
# --8<-- [end:mask]

# --8<-- [start:ignore]
loss_fn = nn.CrossEntropyLoss(ignore_index=-100)     # -100 is the default
built_in = loss_fn(logits.flatten(0, 1), y.flatten())
print(f"ignore_index: {built_in:.4f}")
torch.testing.assert_close(built_in, real)
# the class dimension may also come second: (N, classes, L)
torch.testing.assert_close(loss_fn(logits.transpose(1, 2), y), real)
# --8<-- [end:ignore]
