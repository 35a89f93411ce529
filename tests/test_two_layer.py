"""Part 1's claim: the torch version of the two-layer net, with hand-written
backprop, computes the same gradients as the NumPy version on the same data."""
import numpy as np
import pytest
import torch

from runner import snippet_globals


@pytest.fixture(autouse=True)
def one_thread():
    """snippet_globals runs each snippet once per process, and the first test to ask runs it:
    one thread, as in tests/test_autograd.py, so its losses are the same whichever test that is."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def test_torch_gradients_equal_numpy_gradients():
    numpy_net = snippet_globals("snippets/tensors/numpy_two_layer.py")
    torch_net = snippet_globals("snippets/tensors/torch_two_layer.py")
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal((64, 1000)), rng.standard_normal((64, 10))
    w1, w2 = rng.standard_normal((1000, 100)), rng.standard_normal((100, 10))

    expected = numpy_net["forward_backward"](x, y, w1, w2)
    actual = torch_net["forward_backward"](*(torch.from_numpy(a) for a in (x, y, w1, w2)))

    for name, e, a in zip(["loss", "grad_w1", "grad_w2"], expected, actual):
        # float64 on both sides: equal up to the order of floating-point sums
        np.testing.assert_allclose(a.numpy(), e, rtol=1e-9, atol=1e-12 * np.abs(e).max(),
                                   err_msg=f"{name} differs between NumPy and torch")


def test_hand_written_gradients_equal_autograd():
    forward_backward = snippet_globals("snippets/tensors/torch_two_layer.py")["forward_backward"]
    g = torch.Generator().manual_seed(2)
    x, y = torch.randn(8, 20, generator=g, dtype=torch.float64), torch.randn(8, 3, generator=g, dtype=torch.float64)
    w1 = torch.randn(20, 5, generator=g, dtype=torch.float64, requires_grad=True)
    w2 = torch.randn(5, 3, generator=g, dtype=torch.float64, requires_grad=True)
    loss, grad_w1, grad_w2 = forward_backward(x, y, w1.detach(), w2.detach())
    auto_loss = (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum()
    auto_loss.backward()
    assert torch.allclose(grad_w1, w1.grad) and torch.allclose(grad_w2, w2.grad)
