"""Part 9, pages 1 and 2: the from-scratch RNN, LSTM and GRU against PyTorch's, the BPTT
measurement the page reads off its figure, and the initial-state fix."""
import pytest
import torch
from torch import nn

from runner import snippet_globals

F64 = torch.float64


@pytest.mark.parametrize("L, N, H_in, H", [(1, 1, 1, 1), (9, 4, 3, 6), (20, 2, 7, 2)])
def test_scratch_rnn_equals_nn_rnn_values_and_gradients(L, N, H_in, H):
    """The page's loop gives nn.RNN's states, and backpropagating through it (BPTT by
    autograd) gives nn.RNN's gradients for every weight and for the input."""
    rnn_forward = snippet_globals("snippets/rnn/rnn_scratch.py")["rnn_forward"]
    torch.manual_seed(0)
    rnn = nn.RNN(H_in, H, dtype=F64)
    x = torch.randn(L, N, H_in, dtype=F64)
    h_0 = torch.randn(1, N, H, dtype=F64)
    w = torch.randn(L, N, H, dtype=F64)
    x1, x2 = x.clone().requires_grad_(), x.clone().requires_grad_()
    output, h_n = rnn(x1, h_0)
    (w * output).sum().backward()
    weights = [p.detach().clone().requires_grad_() for p in
               (rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)]
    states, h_last = rnn_forward(x2, h_0[0], *weights)
    (w * states).sum().backward()
    torch.testing.assert_close(states, output, rtol=0, atol=1e-12)
    torch.testing.assert_close(h_last, h_n[0], rtol=0, atol=1e-12)
    torch.testing.assert_close(x2.grad, x1.grad, rtol=0, atol=1e-12)
    for mine, ref in zip(weights, (rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)):
        torch.testing.assert_close(mine.grad, ref.grad, rtol=0, atol=1e-10)


def _gates(module, gates):
    """A torch layer's stacked weights cut back into the page's per-gate dict
    {gate: (W_x, W_h, b_x, b_h)}: the inverse of the page's copying."""
    parts = [getattr(module, f"{name}_l0").detach().chunk(len(gates))
             for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
    return {gate: tuple(part[k] for part in parts) for k, gate in enumerate(gates)}


@pytest.mark.parametrize("L, N, H_in, H", [(1, 1, 1, 1), (12, 5, 3, 7), (4, 2, 9, 3)])
def test_scratch_lstm_and_gru_equal_torch_with_torch_initialization(L, N, H_in, H):
    """nn.LSTM's and nn.GRU's own weights, cut by gate in the order i, f, g, o and r, z, n,
    run through the page's functions: the same output and final states."""
    lstm_forward = snippet_globals("snippets/rnn/lstm_scratch.py")["lstm_forward"]
    gru_forward = snippet_globals("snippets/rnn/gru_scratch.py")["gru_forward"]
    torch.manual_seed(1)
    x = torch.randn(L, N, H_in, dtype=F64)
    h_0, c_0 = torch.randn(1, N, H, dtype=F64), torch.randn(1, N, H, dtype=F64)

    lstm = nn.LSTM(H_in, H, dtype=F64)
    with torch.no_grad():
        output, (h_n, c_n) = lstm(x, (h_0, c_0))
    states, h, c = lstm_forward(x, h_0[0], c_0[0], _gates(lstm, "ifgo"))
    for mine, ref in [(states, output), (h, h_n[0]), (c, c_n[0])]:
        torch.testing.assert_close(mine, ref, rtol=0, atol=1e-12)

    gru = nn.GRU(H_in, H, dtype=F64)
    with torch.no_grad():
        output, h_n = gru(x, h_0)
    states, h = gru_forward(x, h_0[0], _gates(gru, "rzn"))
    torch.testing.assert_close(states, output, rtol=0, atol=1e-12)
    torch.testing.assert_close(h, h_n[0], rtol=0, atol=1e-12)
    if H > 1 or L > 1:      # reset applied before W_hn: another function of the weights
        other, _ = gru_forward(x, h_0[0], _gates(gru, "rzn"), reset_after=False)
        assert (other - output).abs().max() > 1e-6


def test_bptt_factors_are_close_to_s_to_the_29():
    """The page: over 29 steps the gradient changes by close to s**29 for s = 0.5, 0.9 and
    1.2 (small inputs), by less for 1.5 (tanh starts to bend), and saturation stops the
    explosion."""
    cases = snippet_globals("snippets/rnn/bptt_gradients.py")["cases"]
    assert len(next(iter(cases.values()))) == 30
    for s in (0.5, 0.9, 1.2):
        norms = cases[f"W_hh = {s} Q"]
        factor = (norms[29] / norms[0]).item()
        assert 1 / 3 < factor / s ** 29 < 3, (s, factor)
    exploding = (cases["W_hh = 1.5 Q"][29] / cases["W_hh = 1.5 Q"][0]).item()
    assert 1e3 < exploding < 1.5 ** 29
    saturated = cases["W_hh = 1.5 Q, inputs x1000"]
    assert (saturated[29] / saturated[0]).item() < 10


@pytest.mark.parametrize("dtype", [torch.float32, F64])
def test_fixed_initial_state_changes_nothing_but_where_it_lives(dtype):
    """The fix (x.new_zeros) gives the buggy model's outputs where the bug does not bite
    (CPU, float32), runs in float64 where the bug raises, and its gradients flow."""
    LSTMClassifier = snippet_globals("snippets/rnn/init_state_device.py")["LSTMClassifier"]
    torch.manual_seed(2)
    fixed = LSTMClassifier(fixed=True).to(dtype)
    buggy = LSTMClassifier(fixed=False).to(dtype)
    buggy.load_state_dict(fixed.state_dict())
    x = torch.randn(3, 5, 8, dtype=dtype)
    y = fixed(x)
    assert y.dtype == dtype and y.shape == (3, 10)
    if dtype == torch.float32:
        torch.testing.assert_close(buggy(x), y, rtol=0, atol=0)
    else:
        with pytest.raises(RuntimeError):
            buggy(x)
    y.sum().backward()
    assert all(p.grad is not None and p.grad.dtype == dtype for p in fixed.parameters())
