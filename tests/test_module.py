"""Part 5's claims that a snippet cannot check from inside its own process: the
hook snippet leaves no global hook behind, the call-path figure has a box for every
event it records, and the hand-written Linear matches nn.Linear beyond one shape."""
import math

import torch
import torch.nn as nn
import torch.nn.modules.module as module_internals

import figures  # noqa: F401  (loads every figures_<chapter> module first: figures_module imports figures)
import figures_module
import runner

GLOBAL_HOOK_DICTS = ["_global_forward_pre_hooks", "_global_forward_hooks",
                     "_global_backward_pre_hooks", "_global_backward_hooks"]


def test_hook_order_removes_its_global_hooks():
    before = {name: dict(getattr(module_internals, name)) for name in GLOBAL_HOOK_DICTS}
    # a run of its own (snippet_globals caches one run per process, which may be over already)
    snippet = runner.snippet_globals.__wrapped__("snippets/module/hook_order.py")
    fired = snippet["fired"]
    assert fired["forward"] + fired["backward"] == snippet["EXPECTED"]
    after = {name: dict(getattr(module_internals, name)) for name in GLOBAL_HOOK_DICTS}
    assert after == before, "hook_order.py left a global module hook registered"
    # and a module created afterwards runs without any hook
    seen = []
    layer = nn.Linear(2, 2)
    layer.register_forward_hook(lambda m, args, out: seen.append(m))
    layer(torch.zeros(1, 2))
    assert seen == [layer]


def test_call_path_figure_labels_every_recorded_event():
    expected = runner.snippet_globals("snippets/module/hook_order.py")["EXPECTED"]
    assert set(expected) == set(figures_module.EVENT_LABELS)


def test_my_linear_matches_nn_linear_for_several_shapes():
    my_linear = runner.snippet_globals("snippets/module/ex_my_linear.py")["MyLinear"]
    for n_in, n_out in [(1, 1), (3, 7), (64, 10), (1000, 3)]:
        torch.manual_seed(n_in)
        mine = my_linear(n_in, n_out)
        torch.manual_seed(n_in)
        theirs = nn.Linear(n_in, n_out)
        assert torch.equal(mine.weight, theirs.weight) and torch.equal(mine.bias, theirs.bias)
        x = torch.randn(5, n_in)
        assert torch.allclose(mine(x), theirs(x), atol=1e-6)
        assert mine.weight.abs().max() <= 1 / math.sqrt(n_in)
