"""The two-layer net in TensorFlow 2: eager code
recorded by GradientTape, compiled by tf.function.

Same data as the NumPy warm-up, so the losses can be compared digit by digit.
"""
import os

# hide TensorFlow's C++ start-up log lines
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import tensorflow as tf

# hide deprecation notes in TensorFlow's Python log
tf.get_logger().setLevel("ERROR")

rng = np.random.default_rng(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x = tf.constant(rng.standard_normal((N, D_in)))        # (N, D_in), float64
y = tf.constant(rng.standard_normal((N, D_out)))       # (N, D_out)
w1 = tf.Variable(rng.standard_normal((D_in, H)))       # (D_in, H)
w2 = tf.Variable(rng.standard_normal((H, D_out)))      # (H, D_out)
lr = 1e-6

# eager: every line runs at once and gives a value
h_relu = tf.maximum(tf.matmul(x, w1), 0.0)
eager_loss = float(tf.reduce_sum((tf.matmul(h_relu, w2) - y) ** 2))
print(f"eager loss before training: {eager_loss:.1f}")

traces = []


@tf.function                                   # (1)!
def train_step(x, y):
    traces.append(1)                           # (2)!
    with tf.GradientTape() as tape:            # (3)!
        h_relu = tf.maximum(tf.matmul(x, w1), 0.0)     # (N, H)
        y_pred = tf.matmul(h_relu, w2)                 # (N, D_out)
        loss = tf.reduce_sum((y_pred - y) ** 2)
    grad_w1, grad_w2 = tape.gradient(loss, [w1, w2])
    w1.assign_sub(lr * grad_w1)
    w2.assign_sub(lr * grad_w2)
    return loss


losses = []
for t in range(500):
    loss = train_step(x, y)
    losses.append(float(loss))
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {float(loss):.4g}")
print("train_step was traced", len(traces), "time(s) in 500 calls")

assert abs(eager_loss - losses[0]) <= 1e-12 * losses[0], (
    "eager and graph compute the same loss"
)
assert len(traces) == 1, "one trace, then the same graph runs every step"
assert losses[-1] < 1e-3 * losses[0], (
    "the loss should fall by three orders of magnitude"
)
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
