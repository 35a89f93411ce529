"""Connect to a running Visdom server, or say how to start one."""
# --8<-- [start:setup]
import json
import logging
import os

import numpy as np
import visdom

# visdom logs "Setting up a new session..." at WARNING level on its first
# request: keep its own messages to errors
logging.getLogger("visdom").setLevel(logging.ERROR)
# --8<-- [end:setup]

# --8<-- [start:connect]
port = int(os.environ.get("VISDOM_PORT", 8097))    # the server's default
try:
    viz = visdom.Visdom(server="http://127.0.0.1", port=port,
                        env="book_visdom", raise_exceptions=True)
except ConnectionError:
    raise RuntimeError(
        f"no Visdom server answers at 127.0.0.1:{port}. Start one in "
        "another terminal with\n    python -m visdom.server -bind_local\n"
        "and run this again") from None
assert viz.check_connection()
print("connected:", viz.check_connection())
# --8<-- [end:connect]

# --8<-- [start:panes]
viz.text("Hello from PyTorch", win="hello")
viz.text("Hello again", win="hello")     # the same name: replaces the pane
viz.line(X=np.arange(5), Y=np.arange(5) ** 2, win="squares",
         opts=dict(title="y = x²"))
print("panes exist:", viz.win_exists("hello"), viz.win_exists("squares"))
print("environments include book_visdom:",
      "book_visdom" in viz.get_env_list())

# what the server stores for a pane: JSON, as the browser receives it
pane = json.loads(viz.get_window_data("squares", env="book_visdom"))
trace = pane["content"]["data"][0]
print("pane type:", pane["type"], "| y:", trace["y"])
assert trace["y"] == [0, 1, 4, 9, 16]
hello = json.loads(viz.get_window_data("hello", env="book_visdom"))
print("pane hello holds:", hello["content"])
assert hello["content"] == "Hello again"
# --8<-- [end:panes]
