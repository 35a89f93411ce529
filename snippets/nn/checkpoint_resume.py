"""Resuming training from a checkpoint: model, optimizer
and random-generator state saved halfway; the resumed run
ends exactly where an uninterrupted run ends."""
# --8<-- [start:setup]
import os
import shutil
import tempfile

import torch
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
N, D_in, H, D_out, batch_size = 64, 1000, 100, 10, 16

torch.manual_seed(0)
x = torch.randn(N, D_in, device=device)          # (N, D_in)
y = torch.randn(N, D_out, device=device)         # (N, D_out)
# a fresh folder for the checkpoint, removed at the end
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "checkpoint.pt")
# --8<-- [end:setup]


# --8<-- [start:reference]
def setup():
    """A fresh process's start: the model, its
    optimizer, the generator that draws batches."""
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                          nn.Linear(H, D_out)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(2)  # picks the mini-batches
    return model, optimizer, generator


def train(model, optimizer, generator, steps, losses):
    loss_fn = nn.MSELoss()
    for _ in range(steps):
        idx = torch.randperm(N, generator=generator)[:batch_size].to(device)
        # a random mini-batch, (batch_size, D_out)
        loss = loss_fn(model(x[idx]), y[idx])
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


# the reference: 60 steps without a break
model, optimizer, generator = setup()
straight = []
train(model, optimizer, generator, 60, straight)
reference = [p.detach().clone() for p in model.parameters()]
# --8<-- [end:reference]

# --8<-- [start:save]
model, optimizer, generator = setup()
losses = []
train(model, optimizer, generator, 30, losses)
torch.save({
    "step": 30,
    "model": model.state_dict(),
    "optimizer": optimizer.state_dict(),     # (1)!
    "generator": generator.get_state(),      # (2)!
    "losses": losses,
}, path)
# --8<-- [end:save]


# --8<-- [start:resume]
def resume(parts):
    """A restart: new objects, as in a fresh process,
    restored from the checkpoint (the given parts)."""
    model, optimizer, generator = setup()
    # weights_only=True: tensors, numbers, lists, dicts
    checkpoint = torch.load(path)
    model.load_state_dict(checkpoint["model"])
    if "optimizer" in parts:
        optimizer.load_state_dict(checkpoint["optimizer"])
    if "generator" in parts:
        generator.set_state(checkpoint["generator"])
    losses = list(checkpoint["losses"])
    train(model, optimizer, generator, 60 - checkpoint["step"], losses)
    return model, losses
# --8<-- [end:resume]


# --8<-- [start:compare]
for parts in (("optimizer", "generator"), ("generator",), ("optimizer",)):
    resumed, losses = resume(parts)
    same = all(torch.equal(p, q)
               for p, q in zip(resumed.parameters(), reference))
    print(f"restored model + {' + '.join(parts):20s}: "
          f"last loss {losses[-1]:.6f}, "
          f"same parameters as the straight run: {same}")
    assert same == (parts == ("optimizer", "generator"))
    assert (losses == straight) == same
print(f"straight run: loss {straight[0]:.4f} -> {straight[-1]:.6f}")
assert straight[-1] < 0.1 * straight[0]
shutil.rmtree(tmp)                           # nothing left behind
# --8<-- [end:compare]
