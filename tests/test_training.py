"""Part 7's claims that span two snippets."""
import torch

from runner import load_snippet


def test_scratch_and_nn_linear_regression_take_the_same_steps():
    """From the same start (zeros), the hand-written update and nn.Linear + optim.SGD
    follow the same trajectory: the losses agree epoch by epoch, and so does the fit."""
    scratch = load_snippet("snippets/training/linreg_scratch.py")
    with_nn = load_snippet("snippets/training/linreg_nn.py")
    x = torch.tensor(scratch.x_train).unsqueeze(1)
    y = torch.tensor(scratch.y_train).unsqueeze(1)
    assert scratch.x_train == with_nn.x_train and scratch.y_train == with_nn.y_train

    w, b, losses_scratch = scratch.fit(x, y, num_epochs=300)
    model, losses_nn = with_nn.fit(x, y, num_epochs=300)
    torch.testing.assert_close(torch.tensor(losses_nn), torch.tensor(losses_scratch), rtol=1e-5, atol=1e-6)
    assert abs(model.weight.item() - w) < 1e-5 and abs(model.bias.item() - b) < 1e-5
