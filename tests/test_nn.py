"""Part 4's claims that span more than one snippet: the same training reached
through different snippets, and what saving a list-based model silently loses."""
import torch

from runner import snippet_globals


def sequential_losses():
    return snippet_globals("snippets/nn/sequential_two_layer.py")["losses"]


def test_custom_module_trains_like_the_sequential_net():
    """nn/custom-module.md: TwoLayerNet with SGD gives the losses of the Sequential
    updated by hand (same seed, same data, same initial weights)."""
    by_hand = sequential_losses()
    with_sgd = snippet_globals("snippets/nn/custom_module.py")["losses"]
    assert len(by_hand) == len(with_sgd) == 500
    # float32: the two updates round differently, so compare to a relative 1e-3
    assert torch.allclose(torch.tensor(by_hand), torch.tensor(with_sgd), rtol=1e-3)


def test_the_figure_curves_start_from_the_same_model():
    """nn/sequential.md: the runs of the loss figure share data and initial weights,
    and loss_reduction's 'sum' run is the Sequential net's run."""
    train = snippet_globals("snippets/nn/loss_reduction.py")["train"]
    # the device the snippets choose for themselves (their data depend on it)
    device = torch.accelerator.current_accelerator() if torch.accelerator.is_available() else torch.device("cpu")
    _, summed = train("sum", 1e-4, 50, device)
    _, averaged = train("mean", 1e-4, 1, device)
    sequential = sequential_losses()
    assert abs(summed[0] - averaged[0]) < 1e-4 * summed[0]       # 'mean' times N * D_out
    assert torch.allclose(torch.tensor(sequential[:50]), torch.tensor(summed), rtol=1e-3)


def test_saving_a_list_based_model_silently_loses_its_layers():
    """nn/construction.md: the state dict of a net whose layers sit in a plain list
    lacks them, so loading it raises nothing and leaves those layers as they were."""
    snippet = snippet_globals("snippets/nn/list_vs_modulelist.py")
    cpu = torch.device("cpu")
    torch.manual_seed(10)
    trained = snippet["ListNet"](cpu)
    torch.manual_seed(11)
    fresh = snippet["ListNet"](cpu)
    result = fresh.load_state_dict(trained.state_dict())      # strict=True, and no error
    assert not result.missing_keys and not result.unexpected_keys
    assert torch.equal(fresh.head.weight, trained.head.weight)
    for a, b in zip(fresh.hidden, trained.hidden):
        assert not torch.equal(a.weight, b.weight)            # still its own random values

    torch.manual_seed(10)
    trained = snippet["ModuleListNet"](cpu)
    torch.manual_seed(11)
    fresh = snippet["ModuleListNet"](cpu)
    fresh.load_state_dict(trained.state_dict())
    for a, b in zip(fresh.hidden, trained.hidden):
        assert torch.equal(a.weight, b.weight)
