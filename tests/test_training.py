"""Part 7's claims that span two snippets, and the one digits split the book shares."""
import ast

import pytest
import torch

import runner
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


def _split_calls(path):
    """The keyword arguments of each train_test_split call in a program, as source text."""
    tree = ast.parse((runner.ROOT / path).read_text(encoding="utf-8"))
    return [{kw.arg: ast.unparse(kw.value) for kw in node.keywords} for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "train_test_split"]


# programs that split the digits otherwise on purpose, and why
OTHER_SPLITS = {"snippets/training/ex_overfit_small.py": "trains on 50 images, to overfit them"}
SPLITTING = [runner.rel(p) for p in runner.all_snippets() if "train_test_split" in p.read_text(encoding="utf-8")]


def test_the_mlp_split_is_the_one_the_pages_quote():
    assert _split_calls("snippets/training/mlp_digits.py") == [
        {"test_size": "0.25", "random_state": "0", "stratify": "digits.target"}]


@pytest.mark.parametrize("path", [p for p in SPLITTING if p not in OTHER_SPLITS])
def test_digits_programs_use_the_mlp_split(path):
    """Every page that trains on the digits compares its test accuracy with the MLP's 0.978 (the
    CNN's 0.987, the LSTM's...): one split for every program that splits, found by reading them all."""
    assert _split_calls(path) == _split_calls("snippets/training/mlp_digits.py"), (
        f"{path} splits the digits differently from snippets/training/mlp_digits.py "
        "(if on purpose, add it to OTHER_SPLITS with the reason)")
