"""Exercise: add 1 three thousand times in float32, float16 and bfloat16."""
import torch

steps = 3000
totals = {}
for dtype in (torch.float32, torch.float16, torch.bfloat16):
    total = torch.zeros((), dtype=dtype)
    for _ in range(steps):
        total += 1                     # one rounding per addition
    totals[dtype] = total.item()
    # roughly the gap between neighbouring numbers near the total
    gap = torch.finfo(dtype).eps * total.item()
    print(f"{str(dtype):15} total {total.item():7.0f}, "
          f"eps x total = {gap:.2g}")

assert totals[torch.float32] == steps
assert totals[torch.float16] == 2048      # 2048 + 1 rounds back to 2048
assert totals[torch.bfloat16] == 256      # 256 + 1 rounds back to 256
# what torch.sum does: accumulate in float32, round once at the end
ones = torch.ones(steps, dtype=torch.bfloat16)
summed = ones.sum()
print(f"torch.sum of {steps} bfloat16 ones: {summed.item():.0f} "
      f"({summed.dtype})")
assert abs(summed.item() - steps) <= torch.finfo(torch.bfloat16).eps * steps
