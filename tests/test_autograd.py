"""Part 2's claims that need two snippets at once: autograd computes the same
gradients as Part 1's hand-written backward pass, and training with it follows
the same course."""
import numpy as np
import pytest
import torch

from figures import quietly
from runner import load_snippet


def _float64_data(seed):
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal((64, 1000)), rng.standard_normal((64, 10))
    w1, w2 = rng.standard_normal((1000, 100)), rng.standard_normal((100, 10))
    return [torch.from_numpy(a) for a in (x, y, w1, w2)]


@pytest.mark.parametrize("seed", [1, 2])
def test_autograd_gradients_equal_hand_written_gradients(seed):
    hand = load_snippet("snippets/tensors/torch_two_layer.py")
    auto = load_snippet("snippets/autograd/autograd_two_layer.py")
    x, y, w1, w2 = _float64_data(seed)

    expected = hand.forward_backward(x, y, w1, w2)
    actual = auto.forward_backward(x, y, w1.clone().requires_grad_(), w2.clone().requires_grad_())

    for name, e, a in zip(["loss", "grad_w1", "grad_w2"], expected, actual):
        assert a.dtype == torch.float64 and a.shape == e.shape, name
        # float64 on both sides: equal up to the order of floating-point sums
        np.testing.assert_allclose(a.detach().numpy(), e.numpy(), rtol=1e-9, atol=1e-12 * e.abs().max().item(),
                                   err_msg=f"{name} differs between autograd and Part 1's hand-written backward")


def test_autograd_and_hand_written_training_follow_the_same_losses():
    """The page says: same seed, same data, and the printed losses agree with Part 1's."""
    hand = quietly(load_snippet("snippets/tensors/torch_two_layer.py").main)
    auto = quietly(load_snippet("snippets/autograd/autograd_two_layer.py").main)
    assert len(hand) == len(auto) == 500
    # float32 and 500 steps: the two runs round differently, so allow 5 % where the loss is tiny
    np.testing.assert_allclose(auto[:300], hand[:300], rtol=1e-3)
    np.testing.assert_allclose(auto, hand, rtol=5e-2)


def test_custom_relu_matches_clamp_and_trains_like_it():
    """The custom Function gives autograd's own gradients on the two-layer net."""
    custom = load_snippet("snippets/autograd/custom_relu.py")
    x, y, w1, w2 = _float64_data(3)
    grads = []
    for relu in (custom.MyReLU.apply, lambda h: h.clamp(min=0)):
        a, b = w1.clone().requires_grad_(), w2.clone().requires_grad_()
        (relu(x.mm(a)).mm(b) - y).pow(2).sum().backward()
        grads.append((a.grad, b.grad))
    for g_custom, g_builtin in zip(*grads):
        torch.testing.assert_close(g_custom, g_builtin, rtol=1e-12, atol=0)
