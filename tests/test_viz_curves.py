"""Part 11, training curves: claims that span programs (the run is Part 7's MLP run) and
the smoothing formula checked against its definition as a weighted average."""

import pytest
import torch

import runner
from runner import snippet_globals

pytest.importorskip("sklearn", reason="the digits ship with scikit-learn (requirements.txt)")
pytest.importorskip("matplotlib", reason="Part 11 draws with matplotlib (requirements.txt)")


def test_curves_are_the_part7_mlp_run():
    """The page says the curves are the run of Part 7's MLP: the same accuracies, epoch by epoch."""
    mlp = snippet_globals("snippets/training/mlp_digits.py")["history"]
    curves = snippet_globals("snippets/viz/curves_digits.py")["history"]
    assert len(mlp) == len(curves["val_acc"]) == 20
    assert [round(h[2], 6) for h in mlp] == [round(a, 6) for a in curves["val_acc"]]
    assert [round(h[1], 6) for h in mlp] == [round(a, 6) for a in curves["train_acc"]]


@pytest.mark.parametrize("beta", [0.5, 0.9, 0.98])
def test_bias_corrected_ema_is_a_normalised_weighted_average(beta):
    """m_t / (1 - beta^t) equals sum_k beta^(t-k) x_k / sum_k beta^(t-k): the correction makes
    the weights sum to one, which is why a constant comes back unchanged."""
    ema = snippet_globals("snippets/viz/curves_smoothing.py")["ema"]
    torch.manual_seed(1)
    x = torch.rand(60, dtype=torch.float64)
    smoothed = ema(x.tolist(), beta)
    for t in range(1, 61):
        w = beta ** torch.arange(t - 1, -1, -1, dtype=torch.float64)
        assert smoothed[t - 1].item() == pytest.approx((w * x[:t]).sum().item() / w.sum().item(), rel=1e-12)
    assert torch.allclose(ema([3.0] * 10, beta), torch.full((10,), 3.0, dtype=torch.float64))
    uncorrected = ema([3.0] * 10, beta, debias=False)
    assert torch.allclose(uncorrected, 3.0 * (1 - beta ** torch.arange(1, 11, dtype=torch.float64)))
