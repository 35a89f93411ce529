"""Truncated BPTT without detach: an error, or a graph that keeps growing."""
import codecs
import contextlib
import io

import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

with contextlib.redirect_stdout(io.StringIO()):
    import this
text = codecs.decode(this.s, "rot13")
chars = sorted(set(text))
data = torch.tensor([chars.index(c) for c in text], device=device)
embedding = nn.Embedding(len(chars), 8).to(device)
lstm = nn.LSTM(8, 16, batch_first=True).to(device)
head = nn.Linear(16, len(chars)).to(device)


def graph_size(tensor):
    """Number of autograd nodes reachable from tensor's grad_fn."""
    seen, todo = set(), [tensor.grad_fn]
    while todo:
        node = todo.pop()
        if node is not None and node not in seen:
            seen.add(node)
            todo.extend(next_fn for next_fn, _ in node.next_functions)
    return len(seen)


def run(detach, retain_graph=False, steps=4, bptt=32):
    state, sizes = None, []
    for k in range(steps):
        chunk = data[k * bptt:(k + 1) * bptt + 1]
        x, y = chunk[None, :-1], chunk[1:]            # (1, 32), (32,)
        if detach and state is not None:
            state = tuple(s.detach() for s in state)
        out, state = lstm(embedding(x), state)
        loss = nn.functional.cross_entropy(head(out[0]), y)
        sizes.append(graph_size(loss))
        loss.backward(retain_graph=retain_graph)
    return sizes


print("with detach:         ", run(detach=True))
try:
    run(detach=False)
except RuntimeError as error:
    print("without detach:       RuntimeError:", str(error)[:45], "...")
grown = run(detach=False, retain_graph=True)
print("without, retain_graph:", grown)
assert run(detach=True) == [run(detach=True)[0]] * 4
growth = [b - a for a, b in zip(grown, grown[1:])]
assert len(set(growth)) == 1 and growth[0] > 0        # a chunk's worth more
print("nodes added per chunk without detach:", growth[0])
