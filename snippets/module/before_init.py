"""Assigning a Parameter or a Module before super().__init__() raises
AttributeError: the registries do not exist yet. A plain attribute is fine."""
import torch
import torch.nn as nn


# --8<-- [start:bad]
class EarlyParameter(nn.Module):
    def __init__(self):
        self.note = "plain attributes are fine"   # no registry needed
        # needs _parameters: not there yet
        self.w = nn.Parameter(torch.ones(3))
        super().__init__()


class EarlyModule(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(3, 1)  # needs _modules: not there yet
        super().__init__()
# --8<-- [end:bad]


# --8<-- [start:check]
messages = {}
for cls in (EarlyParameter, EarlyModule):
    try:
        cls()
    except AttributeError as err:
        messages[cls.__name__] = str(err)
        print(f"{cls.__name__}: AttributeError: {err}")

assert (
    messages["EarlyParameter"]
    == "cannot assign parameters before Module.__init__() call"
)
assert (
    messages["EarlyModule"]
    == "cannot assign module before Module.__init__() call"
)
# --8<-- [end:check]

# --8<-- [start:register]
# register_parameter says it in the singular
# an instance whose __init__ never ran
half_built = nn.Module.__new__(nn.Module)
try:
    half_built.register_parameter("w", nn.Parameter(torch.ones(1)))
except AttributeError as err:
    print("register_parameter: AttributeError:", err)
    assert str(err) == "cannot assign parameter before Module.__init__() call"
# --8<-- [end:register]


# --8<-- [start:good]
class Fixed(nn.Module):
    def __init__(self):
        super().__init__()                        # first, always
        self.w = nn.Parameter(torch.ones(3))
        self.fc = nn.Linear(3, 1)


fixed = Fixed()
print("Fixed parameters:", [name for name, _ in fixed.named_parameters()])
assert [name for name, _ in fixed.named_parameters()] == [
    "w", "fc.weight", "fc.bias"]
# --8<-- [end:good]
