"""Part 8's claims that span programs: batch norm from scratch, the digits CNN."""
import re

import numpy as np
import pytest
import torch
from torch import nn

import runner
from runner import snippet_globals


@pytest.mark.parametrize("momentum, eps", [(0.1, 1e-5), (0.3, 1e-3)])
@pytest.mark.parametrize("ref_class, shape", [
    (nn.BatchNorm2d, (4, 3, 5, 7)), (nn.BatchNorm2d, (2, 6, 3, 3)),
    (nn.BatchNorm1d, (10, 4)), (nn.BatchNorm1d, (3, 8))])
def test_scratch_batchnorm_equals_torch_in_train_and_eval(ref_class, shape, momentum, eps):
    """The page's BatchNorm and PyTorch's, several train steps each followed by an eval
    pass, in float64: outputs, input gradients, gamma/beta gradients and both buffers."""
    BatchNorm = snippet_globals("snippets/cnn/batchnorm_scratch.py")["BatchNorm"]
    torch.manual_seed(0)
    channels = shape[1]
    mine = BatchNorm(channels, eps=eps, momentum=momentum).double()
    ref = ref_class(channels, eps=eps, momentum=momentum).double()
    with torch.no_grad():
        mine.weight.uniform_(0.5, 1.5)
        mine.bias.uniform_(-1, 1)
    ref.load_state_dict(mine.state_dict(), strict=False)
    for step in range(5):
        x = torch.randn(shape, dtype=torch.float64) * (step + 1) + step
        w = torch.randn(shape, dtype=torch.float64)
        for training in (True, False):
            mine.train(training)
            ref.train(training)
            x1, x2 = x.clone().requires_grad_(), x.clone().requires_grad_()
            y1, y2 = mine(x1), ref(x2)
            (w * y1).sum().backward()
            (w * y2).sum().backward()
            for a, b in [(y1, y2), (x1.grad, x2.grad), (mine.weight.grad, ref.weight.grad),
                         (mine.bias.grad, ref.bias.grad), (mine.running_mean, ref.running_mean),
                         (mine.running_var, ref.running_var)]:
                torch.testing.assert_close(a, b, rtol=1e-9, atol=1e-10)
            mine.zero_grad()
            ref.zero_grad()
    assert ref.num_batches_tracked.item() == 5


def test_digits_cnn_beats_the_recorded_mlp():
    """The CNN's test accuracy, from a fresh run, against the MLP's recorded one."""
    recorded = (runner.ROOT / "outputs/training/mlp_digits.txt").read_text(encoding="utf-8")
    mlp = float(re.findall(r"test acc (\d\.\d+)", recorded)[-1])
    assert mlp == 0.978
    torch.set_num_threads(1)
    cnn = snippet_globals("snippets/cnn/cnn_digits.py")
    assert len(cnn["y_test"]) == 450
    assert cnn["test_acc"] >= mlp + 2 / 450
    assert cnn["confusion"].sum() == 450 and cnn["confusion"].trace() == cnn["correct"]


def test_mnist_cnn_learns_from_idx_files_the_test_writes(tmp_path):
    """The page's MNIST path (IDX files -> datasets.MNIST -> DataLoader -> CNN -> train, evaluate),
    on learnable images this test writes: digit k is a bright square at a position set by k."""
    pytest.importorskip("torchvision")
    names = snippet_globals("snippets/cnn/cnn_mnist.py")
    torch.manual_seed(0)
    rng = np.random.default_rng(1)

    def images_for(labels):
        x = rng.integers(0, 40, (len(labels), 28, 28))
        for i, k in enumerate(labels):
            row, col = 2 + 12 * (k // 5), 1 + 5 * (k % 5)
            x[i, row:row + 6, col:col + 5] = 255
        return x

    raw = tmp_path / "MNIST" / "raw"
    raw.mkdir(parents=True)
    for split, n in (("train", 320), ("t10k", 100)):
        labels = rng.integers(0, 10, n)
        names["write_idx"](raw / f"{split}-images-idx3-ubyte", images_for(labels))
        names["write_idx"](raw / f"{split}-labels-idx1-ubyte", labels)
    train_loader = names["mnist_loader"](tmp_path, train=True, download=False)
    test_loader = names["mnist_loader"](tmp_path, train=False, download=False)
    assert len(train_loader) == 5 and len(test_loader.dataset) == 100

    model = names["make_model"]()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    before = names["accuracy"](model, test_loader)
    for _ in range(3):
        loss = names["train_epoch"](model, train_loader, optimizer)
    after = names["accuracy"](model, test_loader)
    assert np.isfinite(loss) and after > 0.9 and after > before + 0.3, (before, after)

    names["write_fake_mnist"](tmp_path, "FashionMNIST", 70, 10, rng)
    from torchvision import datasets
    fashion = names["mnist_loader"](tmp_path, train=True, download=False,
                                    dataset_class=datasets.FashionMNIST)
    xb, yb = next(iter(fashion))
    assert xb.shape == (64, 1, 28, 28) and model(xb.to(next(model.parameters()).device)).shape == (64, 10)
