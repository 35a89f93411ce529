"""The call order: optimizer.step() first, scheduler.step() second. The other
order skips the schedule's first value, and torch warns about it."""
import warnings

import torch


def lrs_used(scheduler_first, steps=4):
    """The lr each optimizer.step() used, with StepLR halving it every step."""
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1,
                                                gamma=0.5)
    used = []
    for _ in range(steps):
        optimizer.zero_grad()
        (w - 1).pow(2).sum().backward()
        if scheduler_first:
            scheduler.step()                     # wrong: before the optimizer
            used.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
        else:
            used.append(optimizer.param_groups[0]["lr"])
            optimizer.step()                     # right: the optimizer first
            scheduler.step()
    return used


# --8<-- [start:right]
right = lrs_used(scheduler_first=False)
print("optimizer.step(), then scheduler.step():", right)
assert right == [0.1, 0.05, 0.025, 0.0125]
# --8<-- [end:right]

# --8<-- [start:wrong]
with warnings.catch_warnings(record=True) as caught:   # (1)!
    warnings.simplefilter("always")
    wrong = lrs_used(scheduler_first=True)
print("scheduler.step(), then optimizer.step():", wrong)
# the first value, 0.1, is never used
assert wrong == [0.05, 0.025, 0.0125, 0.00625]

assert len(caught) == 1 and caught[0].category is UserWarning
message = str(caught[0].message)
assert (
    "Detected call of `lr_scheduler.step()` before `optimizer.step()`"
    in message
)
print("UserWarning:", message.split(". ")[0] + ".")
# --8<-- [end:wrong]
