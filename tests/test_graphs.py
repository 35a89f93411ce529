"""Part 3's claims that need more than one snippet: the two-layer net trained in
TensorFlow 1, TensorFlow 2 and PyTorch gives the same loss at every step (all
three are fed the NumPy warm-up's data).

TensorFlow never runs in this process (torch does): each TensorFlow snippet runs
as a script in a subprocess of its own, as the figures do (tools/figures_graphs.py),
and sends back its top-level `losses`. That no TensorFlow snippet prints
TensorFlow's deprecation noise is the harness's check (runner.Result.failure),
made on the run tests/test_snippets.py does anyway.
"""
import importlib.util
import os
import re
import sys

import numpy as np
import pytest

import figures  # noqa: F401  (loads every figures_<chapter> module, figures_graphs among them)
import runner
from figures_graphs import TWO_LAYER, losses_in_subprocess

GRAPHS = sorted((runner.SNIPPETS / "graphs").glob("*.py"))
TF_SNIPPETS = [p for p in GRAPHS if re.search(r"^import tensorflow", p.read_text(encoding="utf-8"), re.M)]
TF1, TF2, TORCH = TWO_LAYER.values()


def quiet_env():
    """The harness's environment for a snippet, less its TF_CPP_MIN_LOG_LEVEL: the snippet must set it itself."""
    env = runner.snippet_env("cpu")
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    return env


def skip_without_tensorflow():
    if importlib.util.find_spec("tensorflow") is None:
        message = "TensorFlow is not installed: the TensorFlow snippets of Part 3 cannot run"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run them")
        pytest.skip(message)


def test_every_tensorflow_snippet_is_listed():
    """A TensorFlow snippet needs `requires = "tensorflow"` in listing.toml (skipped visibly where TF is missing)."""
    assert len(TF_SNIPPETS) >= 4
    for snippet in TF_SNIPPETS:
        assert runner.settings(snippet).requires == "tensorflow", f"{runner.rel(snippet)}: add requires = \"tensorflow\""
        source = snippet.read_text(encoding="utf-8")
        # the book's recipe for a quiet TensorFlow, in this order
        env_at = source.index('os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")')
        assert env_at < source.index("import tensorflow") < source.index('tf.get_logger().setLevel("ERROR")'), (
            f"{runner.rel(snippet)}: set TF_CPP_MIN_LOG_LEVEL before importing TensorFlow, then quiet its logger")
        assert "import torch" not in source, f"{runner.rel(snippet)}: never TensorFlow and torch in one process"


def test_the_harness_fails_a_snippet_that_mentions_deprecation():
    """TensorFlow's deprecation notes carry no `Warning:`; the harness still fails on them, naming the snippet."""
    snippet = runner.SNIPPETS / "graphs" / "tf1_two_layer.py"
    noisy = runner.Result(snippet, 0, "", "W1102 deprecation.py:50] calling Variable (from tf) is DEPRECATED\n", 1.0)
    message = noisy.failure()
    assert message and "snippets/graphs/tf1_two_layer.py" in message and "DEPRECATED" in message
    assert runner.Result(snippet, 0, "", "I0000 an ordinary log line\n", 1.0).failure() is None


@pytest.mark.slow
def test_three_frameworks_give_the_same_losses():
    skip_without_tensorflow()
    tf1 = losses_in_subprocess(TF1, env=quiet_env())[0]   # each in a process of its own, run once
    tf2 = losses_in_subprocess(TF2, env=quiet_env())[0]
    torch_losses = runner.snippet_globals(TORCH)["losses"]
    numpy_losses = runner.snippet_globals("snippets/tensors/numpy_two_layer.py")["losses"]
    assert "tensorflow" not in sys.modules, "TensorFlow must never be imported beside torch"

    assert len(tf1) == len(tf2) == len(torch_losses) == len(numpy_losses) == 500
    # float64 everywhere, the same data: equal up to the order of floating-point sums
    np.testing.assert_allclose(tf1, torch_losses, rtol=1e-8, err_msg="TensorFlow 1 and PyTorch differ")
    np.testing.assert_allclose(tf2, torch_losses, rtol=1e-8, err_msg="TensorFlow 2 and PyTorch differ")
    np.testing.assert_allclose(tf1, tf2, rtol=1e-12, err_msg="TensorFlow 1 and TensorFlow 2 differ")
    # and Part 1's hand-written NumPy version, on the same data, agrees with all of them
    np.testing.assert_allclose(torch_losses, numpy_losses, rtol=1e-8, err_msg="PyTorch and NumPy differ")
