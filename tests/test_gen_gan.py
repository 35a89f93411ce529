"""Part 10's GAN and DCGAN claims that span programs or need a grid of cases."""
import ast
import itertools

import pytest
import torch
import torch.nn.functional as F
from torch import nn

import runner
from runner import snippet_globals

TRANSPOSED = "snippets/gen/dcgan_transposed.py"


def _grid():
    """Input size, kernel, stride, padding, dilation, output_padding: every valid setting."""
    for h, k, s, p, d in itertools.product(range(1, 6), range(1, 5), range(1, 4), range(3), range(1, 3)):
        for op in range(max(s, d)):             # PyTorch: output_padding < stride or < dilation
            yield h, k, s, p, d, op


def test_conv_transpose_output_size_formula_over_a_grid():
    """The page's formula (out_size in the snippet) against nn.ConvTranspose2d's real output,
    in both spatial dimensions, for every valid setting of the grid; a layer may refuse only
    settings for which the formula leaves no pixel."""
    out_size = snippet_globals(TRANSPOSED)["out_size"]
    checked = raised = 0
    for h, k, s, p, d, op in _grid():
        layer = nn.ConvTranspose2d(2, 3, k, stride=s, padding=p, output_padding=op, dilation=d)
        expected = (out_size(h, k, s, p, op, d), out_size(h + 1, k, s, p, op, d))
        try:
            got = layer(torch.zeros(1, 2, h, h + 1)).shape
        except RuntimeError:                    # only where the formula gives no pixel
            assert min(expected) <= 0, (h, k, s, p, d, op)
            raised += 1
            continue
        assert got == (1, 3, *expected), (h, k, s, p, d, op)
        checked += 1
    assert checked > 700 and raised > 0          # 715 settings checked, some refused


@pytest.mark.parametrize("stride, padding, dilation, groups", [
    (1, 0, 1, 1), (2, 1, 1, 1), (3, 2, 1, 1), (2, 0, 2, 1), (2, 1, 1, 2), (3, 1, 2, 3)])
def test_conv_transpose_is_the_input_gradient_of_conv(stride, padding, dilation, groups):
    """conv_transpose2d(g, w) equals d conv2d(x, w)/dx applied to g, for strides, paddings,
    dilations and groups beyond the page's one case; output_padding from the page's formula
    picks the input size a strided convolution cannot tell apart."""
    out_size = snippet_globals(TRANSPOSED)["out_size"]
    torch.manual_seed(0)
    x = torch.randn(2, 6, 11, 10, dtype=torch.float64, requires_grad=True)
    w = torch.randn(12, 6 // groups, 3, 3, dtype=torch.float64)
    y = F.conv2d(x, w, stride=stride, padding=padding, dilation=dilation, groups=groups)
    g = torch.randn_like(y)
    (grad_x,) = torch.autograd.grad(y, x, grad_outputs=g)
    ops = [n - out_size(m, 3, stride, padding, 0, dilation) for n, m in zip(x.shape[2:], y.shape[2:])]
    assert all(0 <= op < max(stride, dilation) for op in ops)
    up = F.conv_transpose2d(g, w, stride=stride, padding=padding, output_padding=tuple(ops),
                            dilation=dilation, groups=groups)
    torch.testing.assert_close(up, grad_x)


def test_dcgan_without_batchnorm_scores_well_below_the_page():
    """The page's table: removing batch normalization costs more than one point of digit score
    and some classes; fresh in-process runs of both programs."""
    torch.set_num_threads(1)
    page = snippet_globals("snippets/gen/dcgan_digits.py")
    no_bn = snippet_globals("snippets/gen/ex_dcgan_no_bn.py")
    assert page["step"] == no_bn["step"] == 126
    assert no_bn["final"] < page["final"] - 1.0
    assert no_bn["kinds"] < page["kinds"] == 10


def test_gan_detach_program_trains_the_page_loop_with_detach():
    """The page's loop detaches the fakes in the D step and nowhere else."""
    tree = ast.parse((runner.ROOT / "snippets/gen/gan_mixture.py").read_text(encoding="utf-8"))
    detached = [ast.unparse(node) for node in ast.walk(tree)
                if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "detach"]
    assert detached == ["fake.detach()"]
