"""Smoothing a noisy loss curve with an exponential moving average:
the bias correction, the lag it adds, and a spike it hides."""
# --8<-- [start:setup]
import math
from pathlib import Path

import matplotlib
import torch

matplotlib.use("Agg")                  # draw into files, open no window
import matplotlib.pyplot as plt        # noqa: E402

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:data]
# a per-batch loss whose truth we know: a decay times log-normal noise,
# and five bad batches at steps 350-354
num_steps = 600
steps = torch.arange(num_steps, dtype=torch.float64)
truth = 2.0 * torch.exp(-steps / 150) + 0.1
raw = truth * torch.exp(0.3 * torch.randn(num_steps, dtype=torch.float64))
raw[350:355] *= 10
# --8<-- [end:data]

# --8<-- [start:ema]
def ema(values, beta, debias=True):
    """Exponential moving average; debias divides by 1 - beta**t."""
    smoothed, avg = [], 0.0
    for t, x in enumerate(values, start=1):
        avg = beta * avg + (1 - beta) * x
        smoothed.append(avg / (1 - beta**t) if debias else avg)
    return torch.tensor(smoothed, dtype=torch.float64)


beta = 0.98
smooth = ema(raw.tolist(), beta)
biased = ema(raw.tolist(), beta, debias=False)
print(f"step 1: raw {raw[0]:.3f}, EMA {smooth[0]:.3f}, "
      f"without correction {biased[0]:.3f}")
print(f"step 50: EMA {smooth[49]:.3f}, without correction "
      f"{biased[49]:.3f}, truth {truth[49]:.3f}")
# --8<-- [end:ema]

# --8<-- [start:hides]
def noise(curve, clean):                # median |log(curve / clean)|
    return (curve[100:350] / clean[100:350]).log().abs().median().item()


# the EMA of the noiseless truth: which delay k makes truth[t - k] fit it?
smooth_truth = ema(truth.tolist(), beta)
lag = min(range(100), key=lambda k: (smooth_truth[150:350]
                                     - truth[150 - k:350 - k]).abs().max())
peak_raw = (raw[350:355] / truth[350:355]).max().item()
peak_smooth = (smooth[350:400] / truth[350:400]).max().item()
print(f"noise left, steps 100-350: raw {noise(raw, truth):.3f}, "
      f"EMA {noise(smooth, smooth_truth):.3f} (median |log ratio|)")
print(f"lag of the EMA: {lag} steps (beta / (1 - beta) = "
      f"{beta / (1 - beta):.0f})")
print(f"five bad batches: raw {peak_raw:.1f}x the truth, "
      f"EMA {peak_smooth:.2f}x")
# --8<-- [end:hides]

# --8<-- [start:plot]
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(steps, raw, linewidth=0.5, alpha=0.4, label="per-batch loss")
ax.plot(steps, truth, "k:", label="truth")
ax.plot(steps, smooth, label=f"EMA, beta={beta}")
ax.plot(steps, biased, "--", label="EMA without correction")
ax.set_yscale("log")
ax.set(xlabel="step", ylabel="loss (log scale)")
ax.legend()
fig.tight_layout()
fig.savefig(Path("smoothing.png"), dpi=100)
plt.close(fig)
assert Path("smoothing.png").stat().st_size > 10_000
# --8<-- [end:plot]

# --8<-- [start:check]
assert math.isclose(smooth[0].item(), raw[0].item())   # corrected: exact
assert biased[0] < 0.05 * raw[0]                       # uncorrected: ~0
assert noise(smooth, smooth_truth) < noise(raw, truth) / 3  # less noise
assert abs(lag - beta / (1 - beta)) < 10               # but it lags
assert peak_raw > 10 and peak_smooth < peak_raw / 4      # and hides spikes
# --8<-- [end:check]
