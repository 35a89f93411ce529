"""Part 8's architecture pages (cnn/classic.md, cnn/resnet-densenet.md): claims that
span a snippet and torchvision, or two snippets. Equal parameter counts are asserted
in the snippets; here the book's networks, given torchvision's weights, compute
exactly what torchvision's do."""
import pytest
import torch
from torch import nn

from runner import snippet_globals

torchvision = pytest.importorskip("torchvision", reason="the comparisons need torchvision")


def copy_weights(source, target):
    """Load source's state (parameters and buffers) into target, matched by order."""
    theirs = list(source.state_dict().values())
    ours = target.state_dict()
    assert [t.shape for t in ours.values()] == [t.shape for t in theirs]
    target.load_state_dict(dict(zip(ours, theirs)))


def assert_same_output(ours, theirs, X, train):
    ours.train(train)
    theirs.train(train)
    with torch.no_grad():
        torch.testing.assert_close(ours(X), theirs(X), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("train", [True, False])
def test_residual_block_equals_torchvision_basic_block(train):
    """resnet_block.py's Residual, with and without the 1x1 shortcut, is torchvision's
    BasicBlock (with a conv1x1 + batch norm downsample): same output in both modes."""
    from torchvision.models.resnet import BasicBlock, conv1x1
    Residual = snippet_globals("snippets/cnn/resnet_block.py")["Residual"]
    torch.manual_seed(0)
    X = torch.randn(4, 3, 6, 6)
    for use_1x1conv, out_channels, stride in [(False, 3, 1), (True, 6, 2)]:
        downsample = (nn.Sequential(conv1x1(3, out_channels, stride), nn.BatchNorm2d(out_channels))
                      if use_1x1conv else None)
        theirs = BasicBlock(3, out_channels, stride, downsample)
        for p in theirs.parameters():           # move batch norm off 1 and 0
            nn.init.normal_(p, 0.5, 0.2)
        ours = Residual(3, out_channels, use_1x1conv=use_1x1conv, stride=stride).cpu()
        copy_weights(theirs, ours)
        assert_same_output(ours, theirs, X, train)


def test_resnet18_and_densenet121_compute_what_torchvision_does():
    """With torchvision's weights loaded, our ResNet-18 and DenseNet-121 give
    torchvision's outputs (evaluation mode, a 64x64 batch)."""
    torch.manual_seed(0)
    X = torch.randn(2, 3, 64, 64)
    resnet = snippet_globals("snippets/cnn/resnet_small.py")["resnet"]
    ours, theirs = resnet(), torchvision.models.resnet18(weights=None)
    copy_weights(theirs, ours)
    assert_same_output(ours, theirs, X, train=False)

    densenet = snippet_globals("snippets/cnn/densenet.py")["densenet"]
    ours, theirs = densenet(), torchvision.models.densenet121(weights=None)
    copy_weights(theirs, ours)
    assert_same_output(ours, theirs, X, train=False)


def test_alexnet_with_torchvision_channels_computes_what_torchvision_does():
    """classic.md: alexnet() with 64, 192, 384, 256, 256 channels is torchvision's
    AlexNet; at 224x224 its adaptive pooling changes nothing."""
    alexnet = snippet_globals("snippets/cnn/alexnet.py")["alexnet"]
    torch.manual_seed(0)
    ours = alexnet(channels=(64, 192, 384, 256, 256))
    theirs = torchvision.models.alexnet(weights=None)
    copy_weights(theirs, ours)
    assert_same_output(ours, theirs, torch.randn(1, 3, 224, 224), train=False)


def test_resnet_pages_share_one_residual_block():
    """resnet_small.py repeats resnet_block.py's Residual (a snippet stands alone):
    the copy computes the same thing."""
    first = snippet_globals("snippets/cnn/resnet_block.py")["Residual"]
    second = snippet_globals("snippets/cnn/resnet_small.py")["Residual"]
    torch.manual_seed(0)
    a, b = first(3, 6, use_1x1conv=True, stride=2).cpu(), second(3, 6, use_1x1conv=True, stride=2)
    copy_weights(a, b)
    assert_same_output(a, b, torch.randn(4, 3, 6, 6), train=True)


def test_plain_and_residual_nets_start_from_the_same_weights():
    """resnet-densenet.md: the shortcut is the only difference between the two deep nets."""
    deep_net = snippet_globals("snippets/cnn/plain_vs_residual.py")["deep_net"]
    plain, residual = deep_net(20, shortcut=False), deep_net(20, shortcut=True)
    for p, r in zip(plain.parameters(), residual.parameters(), strict=True):
        assert torch.equal(p.cpu(), r.cpu())
    assert not plain[1].shortcut and residual[1].shortcut
