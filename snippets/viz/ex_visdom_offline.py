"""Exercise: log panes with no server (offline=True), then replay the log
file into a running server and read the pane back."""
import json
import logging
import os

import torch
import visdom

logging.getLogger("visdom").setLevel(logging.ERROR)
torch.manual_seed(0)

# a small real fit: y = 2x + 1 with noise, by gradient descent
X = torch.linspace(-1, 1, 64).unsqueeze(1)
y = 2 * X + 1 + 0.1 * torch.randn_like(X)
model = torch.nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.2)

# offline: nothing is sent, every request is appended to the file
offline = visdom.Visdom(env="book_offline", offline=True,
                        log_to_filename="visdom_log.jsonl")
losses = []
for epoch in range(1, 11):
    loss = torch.nn.functional.mse_loss(model(X), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    offline.line(X=[epoch], Y=[losses[-1]], win="offline_loss",
                 update=None if epoch == 1 else "append",
                 opts=dict(title="loss, replayed"))
with open("visdom_log.jsonl") as f:
    logged = [json.loads(line) for line in f]
print("requests logged:", len(logged), "| first endpoint:", logged[0][0])
assert len(logged) == 10

# later, with a server running: send the logged requests to it
port = int(os.environ.get("VISDOM_PORT", 8097))
try:
    viz = visdom.Visdom(server="http://127.0.0.1", port=port,
                        env="book_offline", raise_exceptions=True)
except ConnectionError:
    raise RuntimeError(f"no Visdom server at 127.0.0.1:{port}: start one "
                       "with `python -m visdom.server -bind_local`") from None
viz.replay_log("visdom_log.jsonl")
pane = json.loads(viz.get_window_data("offline_loss", env="book_offline"))
replayed = pane["content"]["data"][0]["y"]
print("points on the server:", len(replayed),
      "| last loss:", round(replayed[-1], 4))
assert replayed == losses
