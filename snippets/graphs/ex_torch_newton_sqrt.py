"""Differentiate through a data-dependent loop:
Newton's method for sqrt(a) stops when accurate.

Each a takes a different number of steps; autograd follows
whichever path ran, and d sqrt(a)/da = 1 / (2 sqrt(a)).
"""
import math

import torch


def newton_sqrt(a, tol=1e-12):
    y = a.clone()                   # a start guess; any positive number works
    steps = 0
    while (y * y - a).abs() > tol * a:
        y = (y + a / y) / 2         # Newton's step for y*y = a
        steps += 1
    return y, steps


for value in (2.0, 100.0, 1e6):
    a = torch.tensor(value, dtype=torch.float64, requires_grad=True)
    y, steps = newton_sqrt(a)
    y.backward()
    expected = 1 / (2 * math.sqrt(value))
    print(f"a = {value:g}: {steps:2d} steps, sqrt {y.item():.6f}, "
          f"grad {a.grad.item():.6g} (exact {expected:.6g})")
    assert abs(y.item() - math.sqrt(value)) < 1e-9 * math.sqrt(value)
    assert abs(a.grad.item() - expected) < 1e-9 * expected, (
        "autograd through the loop"
    )
