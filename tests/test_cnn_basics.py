"""Part 8, first pages: claims that span snippets, and the output-size grid."""
import itertools

import torch
from torch import nn

from runner import snippet_globals


def test_unfold_loops_and_conv2d_agree():
    """conv2d_unfold (im2col) equals corr2d's two loops, and both F.conv2d."""
    corr2d = snippet_globals("snippets/cnn/corr2d.py")["corr2d"]
    conv2d_unfold = snippet_globals("snippets/cnn/unfold_im2col.py")["conv2d_unfold"]
    gen = torch.Generator().manual_seed(0)
    for (h, w), (kh, kw) in [((5, 5), (3, 3)), ((7, 9), (2, 4)), ((6, 4), (1, 3))]:
        X = torch.randn(h, w, dtype=torch.float64, generator=gen)
        K = torch.randn(kh, kw, dtype=torch.float64, generator=gen)
        by_loops = corr2d(X, K)
        by_unfold = conv2d_unfold(X[None, None], K[None, None])[0, 0]
        by_torch = torch.nn.functional.conv2d(X[None, None], K[None, None])[0, 0]
        torch.testing.assert_close(by_unfold, by_loops)
        torch.testing.assert_close(by_torch, by_loops)


def test_output_size_formula_over_a_grid():
    """floor((n + 2p - d(k-1) - 1) / s) + 1, the page's conv_out, against nn.Conv2d
    for every n, k, p, s, d of a grid (skipping kernels wider than the padded input)."""
    conv_out = snippet_globals("snippets/cnn/conv_output_size.py")["conv_out"]
    checked = 0
    with torch.no_grad():
        for n, k, p, s, d in itertools.product(range(1, 12), (1, 2, 3, 4, 5), (0, 1, 2, 3),
                                               (1, 2, 3), (1, 2, 3)):
            if n + 2 * p < d * (k - 1) + 1:
                continue                  # the kernel does not fit: PyTorch raises
            conv = nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d, bias=False)
            got = conv(torch.zeros(1, 1, n, n + 1)).shape[2:]
            assert tuple(got) == (conv_out(n, k, p, s, d), conv_out(n + 1, k, p, s, d)), (n, k, p, s, d)
            checked += 1
    assert checked > 1500


def test_kernel_too_large_raises():
    """Where the formula would give no output, nn.Conv2d refuses."""
    conv_out = snippet_globals("snippets/cnn/conv_output_size.py")["conv_out"]
    assert conv_out(4, 5) == 0
    try:
        nn.Conv2d(1, 1, 5)(torch.zeros(1, 1, 4, 4))
    except RuntimeError as error:
        assert "Kernel size can't be greater than actual input size" in str(error)
    else:
        raise AssertionError("a 5x5 kernel on a 4x4 input should raise")


def test_pool2d_by_hand_equals_nn_pooling():
    """The page's two-loop pool2d equals nn.MaxPool2d and nn.AvgPool2d on random inputs."""
    pool2d = snippet_globals("snippets/cnn/pooling.py")["pool2d"]
    gen = torch.Generator().manual_seed(0)
    for h, w, k in [(4, 5, 2), (7, 7, 3), (6, 9, 2), (5, 5, 1)]:
        X = torch.randn(h, w, dtype=torch.float64, generator=gen)
        torch.testing.assert_close(pool2d(X, k), nn.MaxPool2d(k)(X[None, None])[0, 0])
        torch.testing.assert_close(pool2d(X, k, "avg"), nn.AvgPool2d(k)(X[None, None])[0, 0])
