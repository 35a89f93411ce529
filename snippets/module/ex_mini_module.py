"""A 40-line MiniModule with the same routing
as nn.Module.__setattr__/__getattr__, checked
against nn.Module on the same model."""
import torch
import torch.nn as nn

torch.manual_seed(0)


class MiniModule:
    def __init__(self):
        # bypass our own __setattr__
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_modules", {})

    def __setattr__(self, name, value):
        if isinstance(value, nn.Parameter):
            self._parameters[name] = value
        elif isinstance(value, MiniModule):
            self._modules[name] = value
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name):  # only called when normal lookup fails
        for registry in ("_parameters", "_modules"):
            if name in self.__dict__[registry]:
                return self.__dict__[registry][name]
        raise AttributeError(name)

    def named_parameters(self, prefix=""):
        for name, p in self._parameters.items():
            yield prefix + name, p
        for name, child in self._modules.items():
            yield from child.named_parameters(prefix + name + ".")


def build(base):
    """The same two-layer model on either base class."""
    class Layer(base):
        def __init__(self, n_in, n_out):
            super().__init__()
            self.weight = nn.Parameter(torch.randn(n_out, n_in))
            self.bias = nn.Parameter(torch.zeros(n_out))

    class Net(base):
        def __init__(self):
            super().__init__()
            self.hidden = Layer(4, 3)
            self.out = Layer(3, 2)
            self.note = "not a parameter"
    return Net()


mini, real = build(MiniModule), build(nn.Module)
mini_names = [n for n, _ in mini.named_parameters()]
real_names = [n for n, _ in real.named_parameters()]
print("MiniModule:", mini_names)
print("nn.Module: ", real_names)
assert mini_names == real_names
assert "hidden" not in vars(mini) and mini.hidden.weight.shape == (3, 4)
