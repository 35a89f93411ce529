"""Exercise: compare two learning rates as two named traces of one pane."""
import json
import logging
import os

import torch
import visdom

logging.getLogger("visdom").setLevel(logging.ERROR)
port = int(os.environ.get("VISDOM_PORT", 8097))
try:
    viz = visdom.Visdom(server="http://127.0.0.1", port=port,
                        env="book_visdom", raise_exceptions=True)
except ConnectionError:
    raise RuntimeError(f"no Visdom server at 127.0.0.1:{port}: start one "
                       "with `python -m visdom.server -bind_local`") from None

torch.manual_seed(0)
X = torch.randn(256, 5)
y = X @ torch.tensor([1.0, -2.0, 0.5, 3.0, -1.0]) + 0.1 * torch.randn(256)

final = {}
for i, lr in enumerate((0.01, 0.1)):
    torch.manual_seed(0)                     # the same start for both
    model = torch.nn.Linear(5, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for step in range(50):
        loss = torch.nn.functional.mse_loss(model(X).squeeze(1), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    # the first trace creates the pane, the second is appended beside it
    viz.line(X=list(range(1, 51)), Y=losses, win="lr_compare",
             name=f"lr={lr}", update=None if i == 0 else "append",
             opts=dict(title="two learning rates", xlabel="step",
                       ytype="log", showlegend=True))
    final[f"lr={lr}"] = losses[-1]

pane = json.loads(viz.get_window_data("lr_compare", env="book_visdom"))
traces = {t["name"]: t["y"][-1] for t in pane["content"]["data"]}
for name, last in traces.items():
    print(f"{name}: loss after 50 steps {last:.4f}")
assert traces == final and final["lr=0.1"] < 0.02 < 2 < final["lr=0.01"]
