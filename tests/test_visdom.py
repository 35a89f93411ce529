"""Part 11, Visdom (docs/*/viz/visdom.md): the snippets talk to a real server.

The server is the one every harness path starts (tools/servers.py: 127.0.0.1 only,
a free port, an empty state folder, stopped when the block ends). Here
snippets/viz/visdom_train.py runs in this process against a server of its own
(runner.snippet_globals, with VISDOM_PORT pointing at it); then the server's state
is read back with Visdom's own client and compared with what the snippet computed:
the losses it appended epoch by epoch, the pixels of its image grid, its text.
Also: the server listens on 127.0.0.1 only, is gone after the block (even when
the block fails), a server that does not start fails naming the snippet with its
log, a page's copy-run starts one for its blocks, and with no server the first
snippet exits with a message telling the reader how to start one.
"""
import base64
import io
import json
import os
import socket
import subprocess
import sys

import numpy as np
import pytest

import copyrun
import notebooks
import runner
import servers

# real servers, a training run and Chromium: the full suite's, not `./book check`'s
pytestmark = pytest.mark.slow
pytest.importorskip("visdom", reason="visdom is in requirements.txt; a bare GPU machine may lack it")
import visdom  # noqa: E402

CONNECT = "snippets/viz/visdom_connect.py"
TRAIN = "snippets/viz/visdom_train.py"
ENV = "book_visdom"


def _client(port):
    return visdom.Visdom(server="http://127.0.0.1", port=port, env=ENV, raise_exceptions=True)


def _refused(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(2)
        return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture(scope="module")
def trained():
    """(server, client, the snippet's globals): visdom_train.py run here against a server of its own."""
    with servers.server("visdom", TRAIN) as server:
        before = os.environ.get("VISDOM_PORT")
        os.environ["VISDOM_PORT"] = str(server.port)
        try:
            names = runner.snippet_globals(TRAIN)
        finally:
            if before is None:
                del os.environ["VISDOM_PORT"]
            else:
                os.environ["VISDOM_PORT"] = before
        client = _client(server.port)
        try:
            yield server, client, names
        finally:
            # the clients' listening threads end when the server goes, instead of retrying every 3 s
            names["viz"].use_socket = client.use_socket = False
    assert server.proc.poll() is not None and _refused(server.port)
    for viz in (names["viz"], client):
        viz.socket_thread.join(timeout=10)
        assert not viz.socket_thread.is_alive(), "a Visdom client kept its socket thread after the server stopped"


def _pane(client, win):
    return json.loads(client.get_window_data(win, env=ENV))


def test_the_appended_losses_arrived(trained):
    _, client, names = trained
    epochs = list(range(1, names["num_epochs"] + 1))
    traces = {t["name"]: t for t in _pane(client, "loss")["content"]["data"]}
    assert sorted(traces) == ["test", "train"]
    # one point per epoch, appended in order: exactly the floats the snippet computed
    assert traces["train"]["x"] == epochs and traces["train"]["y"] == names["train_losses"]
    assert traces["test"]["x"] == epochs and traces["test"]["y"] == names["test_losses"]
    (accuracy,) = _pane(client, "accuracy")["content"]["data"]
    assert accuracy["x"] == epochs and accuracy["y"] == names["test_accs"]


def test_the_image_grid_arrived(trained):
    from PIL import Image
    _, client, names = trained
    pane = _pane(client, "digits")
    assert pane["type"] == "image"
    assert pane["content"]["caption"] == "predicted: " + " ".join(map(str, names["predicted"]))
    header, data = pane["content"]["src"].split(",", 1)
    assert header == "data:image/png;base64"
    grid = np.asarray(Image.open(io.BytesIO(base64.b64decode(data))))
    shown = names["shown"]                               # (16, 1, 8, 8), in [0, 1]
    # visdom 0.2.4's grid: 8 per row, cells of 8 + 2 * padding, a tile starting at 1 + padding
    assert grid.shape == (2 * 12, 8 * 12, 3)
    for k in range(16):
        row, col = divmod(k, 8)
        tile = grid[row * 12 + 3: row * 12 + 11, col * 12 + 3: col * 12 + 11]
        expected = np.uint8(shown[k, 0] * 255.0)
        for channel in range(3):
            assert np.array_equal(tile[..., channel], expected), f"digit {k} differs on the server"


def test_the_text_arrived_and_the_environment_holds_the_panes(trained):
    _, client, names = trained
    pane = _pane(client, "summary")
    assert pane["type"] == "text" and pane["content"] == names["summary"]
    assert ENV in client.get_env_list()
    for win in ("loss", "accuracy", "digits", "summary"):
        assert client.win_exists(win, env=ENV) is True
    assert client.win_exists("never_drawn", env=ENV) is False
    assert client.win_exists("loss", env="main") is False      # panes live in their environment


def test_the_saved_environment_is_on_disk(trained):
    server, client, names = trained
    saved = json.loads((server.state / f"{ENV}.json").read_text(encoding="utf-8"))
    assert sorted(saved["jsons"]) == ["accuracy", "digits", "loss", "summary"]
    assert saved["jsons"]["loss"] == _pane(client, "loss")


def test_the_server_listens_on_127_0_0_1_only(trained):
    import psutil
    server, _, _ = trained
    listening = [c for c in psutil.Process(server.proc.pid).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening, "the server listens on nothing"
    assert {(c.laddr.ip, c.laddr.port) for c in listening} == {("127.0.0.1", server.port)}


def test_the_browser_page_draws_the_panes_with_nothing_from_elsewhere(trained):
    """What a reader opens: the page served with no network (tools/visdom_static.py installed its
    JavaScript), the four panes drawn, no request to another host, no error in the console."""
    import urllib.parse
    from test_browser import chromium
    server, _, _ = trained
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        hosts, errors = set(), []
        page.on("request", lambda r: hosts.add(urllib.parse.urlsplit(r.url).netloc)
                if r.url.startswith(("http", "ws")) else None)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"http://127.0.0.1:{server.port}/env/{ENV}")
        page.get_by_text("digits MLP").wait_for(timeout=60_000)         # the text pane
        page.locator("svg.main-svg").first.wait_for(timeout=60_000)     # a Plotly plot
        page.wait_for_timeout(1000)
        artifacts = runner.ROOT / "test-artifacts" / "visdom"
        artifacts.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(artifacts / "book_visdom.png"))
        assert page.locator(".react-grid-item").count() == 4
        assert page.locator("img[src^='data:image/png']").count() == 1
    assert hosts == {f"127.0.0.1:{server.port}"}, f"requests to other hosts: {hosts}"
    assert not errors, errors


def test_the_server_is_stopped_even_when_the_block_fails():
    with pytest.raises(ZeroDivisionError):
        with servers.server("visdom", "a failing test") as server:
            assert not _refused(server.port)
            1 / 0
    assert server.proc.poll() is not None, "the server outlived its block"
    assert _refused(server.port)


def test_a_server_that_does_not_start_fails_naming_the_snippet_with_its_log(monkeypatch):
    monkeypatch.setitem(servers.COMMANDS, "visdom", lambda port, state: [
        sys.executable, "-c", "print('cannot start: no static files'); raise SystemExit(3)"])
    with pytest.raises(RuntimeError) as failure:
        with servers.server("visdom", "snippets/viz/some_snippet.py", timeout=30):
            pass
    message = str(failure.value)
    assert "snippets/viz/some_snippet.py" in message and "exited with status 3" in message
    assert "cannot start: no static files" in message


def test_with_no_server_the_snippet_says_how_to_start_one(tmp_path):
    port = servers.free_port()            # nothing listens there
    env = {**runner.snippet_env("cpu"), "VISDOM_PORT": str(port)}
    done = subprocess.run([sys.executable, str(runner.ROOT / CONNECT)], env=env, capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()
    assert f"RuntimeError: no Visdom server answers at 127.0.0.1:{port}" in done.stderr
    assert "python -m visdom.server" in last[-2] and "run this again" in last[-1]
    assert not runner._WARNING.search(done.stderr), done.stderr
    assert done.stdout == ""


def test_a_page_copy_run_starts_the_server_its_blocks_need():
    """A block list holding a server snippet gets one from tools/copyrun.py (listing.toml), gone afterwards."""
    import psutil
    source = notebooks.snippet_source(CONNECT)
    blocks = [notebooks.Block(f"{CONNECT} (whole)", notebooks.copied(source), False)]
    assert blocks[0].snippet == CONNECT
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    result = copyrun.run_page("a page showing visdom_connect.py", blocks)
    assert not result.failures(), "\n".join(result.failures())
    left = [p for p in psutil.Process().children(recursive=True) if p.pid not in before]
    assert not left, f"processes left running after the copy-run: {[p.cmdline() for p in left]}"
