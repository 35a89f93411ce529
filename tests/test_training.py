"""Part 7's claims that span two snippets."""
import torch

from runner import snippet_globals


def test_scratch_and_nn_linear_regression_take_the_same_steps():
    """From the same start (zeros), the hand-written update and nn.Linear + optim.SGD
    follow the same trajectory: the losses agree epoch by epoch, and so does the fit."""
    scratch = snippet_globals("snippets/training/linreg_scratch.py")
    with_nn = snippet_globals("snippets/training/linreg_nn.py")
    x = torch.tensor(scratch["x_train"]).unsqueeze(1)
    y = torch.tensor(scratch["y_train"]).unsqueeze(1)
    assert scratch["x_train"] == with_nn["x_train"] and scratch["y_train"] == with_nn["y_train"]

    w, b, losses_scratch = scratch["fit"](x, y, num_epochs=300)
    model, losses_nn = with_nn["fit"](x, y, num_epochs=300)
    torch.testing.assert_close(torch.tensor(losses_nn), torch.tensor(losses_scratch), rtol=1e-5, atol=1e-6)
    assert abs(model.weight.item() - w) < 1e-5 and abs(model.bias.item() - b) < 1e-5


def _split_call(path):
    """The keyword arguments of the train_test_split call in a snippet, as source text."""
    import ast
    import runner
    tree = ast.parse((runner.ROOT / path).read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
             and getattr(node.func, "id", None) == "train_test_split"]
    assert len(calls) == 1, f"{path}: expected one train_test_split call"
    return {kw.arg: ast.unparse(kw.value) for kw in calls[0].keywords}


def test_softmax_regression_and_mlp_use_the_same_split():
    """The MLP page compares its test accuracy with softmax regression's: same data, same split."""
    split = _split_call("snippets/training/softmax_regression.py")
    assert split == _split_call("snippets/training/mlp_digits.py")
    assert split["random_state"] == "0" and split["test_size"] == "0.25"
