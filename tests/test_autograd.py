"""Part 2's claims that need two snippets at once: autograd computes the same
gradients as Part 1's hand-written backward pass, training with it follows the
same course, and the custom ReLU Function behaves like the built-in one."""
import numpy as np
import pytest
import torch

from runner import snippet_globals

HAND = "snippets/tensors/torch_two_layer.py"
AUTO = "snippets/autograd/autograd_two_layer.py"
CUSTOM = "snippets/autograd/custom_relu.py"


@pytest.fixture(autouse=True)
def one_thread():
    """The training runs here are small: one thread is faster on a busy machine, and repeatable."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _forward_backward(path):
    """The snippet's own forward_backward, from a run of it as a reader would paste it."""
    return snippet_globals(path)["forward_backward"]


def _float64_data(seed):
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal((64, 1000)), rng.standard_normal((64, 10))
    w1, w2 = rng.standard_normal((1000, 100)), rng.standard_normal((100, 10))
    return [torch.from_numpy(a) for a in (x, y, w1, w2)]


@pytest.mark.parametrize("seed", [1, 2])
def test_autograd_gradients_equal_hand_written_gradients(seed):
    hand, auto = _forward_backward(HAND), _forward_backward(AUTO)
    x, y, w1, w2 = _float64_data(seed)

    expected = hand(x, y, w1, w2)
    actual = auto(x, y, w1.clone().requires_grad_(), w2.clone().requires_grad_())

    for name, e, a in zip(["loss", "grad_w1", "grad_w2"], expected, actual):
        assert a.dtype == torch.float64 and a.shape == e.shape, name
        # float64 on both sides: equal up to the order of floating-point sums
        np.testing.assert_allclose(a.detach().numpy(), e.numpy(), rtol=1e-9, atol=1e-12 * e.abs().max().item(),
                                   err_msg=f"{name} differs between autograd and Part 1's hand-written backward")


def test_relu_kink_is_the_only_difference():
    """At h == 0 exactly, Part 1's backward (it zeroes h < 0) takes the ReLU's slope as 1,
    autograd's clamp(min=0) takes it as 0: the one place where the two may differ."""
    hand, auto = _forward_backward(HAND), _forward_backward(AUTO)
    x = torch.tensor([[1.0, -1.0]])                        # (1, 2)
    w1 = torch.tensor([[1.0, 2.0], [1.0, 1.0]])            # h = x @ w1 = [0, 1]
    w2 = torch.tensor([[1.0], [1.0]])
    y = torch.tensor([[0.0]])
    _, hand_w1, _ = hand(x, y, w1, w2)
    _, auto_w1, _ = auto(x, y, w1.clone().requires_grad_(), w2.clone().requires_grad_())
    assert hand_w1[:, 0].abs().sum() > 0 and auto_w1[:, 0].abs().sum() == 0   # the unit at the kink
    assert torch.equal(hand_w1[:, 1], auto_w1[:, 1])                         # every other unit agrees


@pytest.mark.slow
def test_autograd_training_matches_hand_written_until_a_relu_kink():
    """The page says: same seed, same data; the two runs print the same losses, step for
    step, until a hidden value lands exactly on 0 in float32; after that they drift apart slowly."""
    hand, auto = _forward_backward(HAND), _forward_backward(AUTO)
    torch.manual_seed(0)
    x, y = torch.randn(64, 1000), torch.randn(64, 10)
    w1, w2 = torch.randn(1000, 100), torch.randn(100, 10)
    a1, a2 = w1.clone(), w2.clone()
    b1, b2 = w1.clone().requires_grad_(), w2.clone().requires_grad_()
    lr = 1e-6
    for t in range(200):
        if (x.mm(a1) == 0).any():
            break                                          # the kink: from here the runs may part
        hand_loss, g1, g2 = hand(x, y, a1, a2)
        auto_loss, G1, G2 = auto(x, y, b1, b2)
        assert torch.equal(hand_loss, auto_loss.detach()), f"step {t}"
        assert torch.equal(g1, G1) and torch.equal(g2, G2), f"step {t}"
        a1 -= lr * g1
        a2 -= lr * g2
        with torch.no_grad():
            b1 -= lr * G1
            b2 -= lr * G2
        b1.grad, b2.grad = None, None

    hand_losses, auto_losses = snippet_globals(HAND)["losses"], snippet_globals(AUTO)["losses"]
    assert len(hand_losses) == len(auto_losses) == 500
    np.testing.assert_allclose(auto_losses[:200], hand_losses[:200], rtol=1e-3)
    np.testing.assert_allclose(auto_losses, hand_losses, rtol=5e-2)


@pytest.mark.slow
def test_custom_relu_trains_exactly_like_the_hand_written_backward():
    """MyReLU zeroes the gradient where input < 0, like Part 1, so the losses are Part 1's."""
    hand_losses = snippet_globals(HAND)["losses"]
    custom_losses = snippet_globals(CUSTOM)["losses"]
    np.testing.assert_allclose(custom_losses, hand_losses, rtol=1e-5)


def test_custom_relu_gradients_equal_builtin_relu():
    my_relu = snippet_globals(CUSTOM)["MyReLU"]
    x, y, w1, w2 = _float64_data(3)
    grads = []
    for relu in (my_relu.apply, torch.relu):
        a, b = w1.clone().requires_grad_(), w2.clone().requires_grad_()
        (relu(x.mm(a)).mm(b) - y).pow(2).sum().backward()
        grads.append((a.grad, b.grad))
    for g_custom, g_builtin in zip(*grads):
        torch.testing.assert_close(g_custom, g_builtin, rtol=1e-12, atol=0)
