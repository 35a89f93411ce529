"""Data-dependent control flow in TensorFlow 2:
AutoGraph turns a Python while and if into graph ops.

One trace of the tf.function serves inputs
that loop a different number of times.
"""
import os

# hide TensorFlow's C++ start-up log lines
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import tensorflow as tf

# hide deprecation notes in TensorFlow's Python log
tf.get_logger().setLevel("ERROR")

traces = []


@tf.function
def f(x):
    traces.append(1)                 # runs only while tracing
    steps = 0                        # AutoGraph makes it a loop variable
    while tf.norm(x) > 1:            # (1)!
        x = x / 2
        steps += 1
    if tf.reduce_sum(x) > 0:         # (2)!
        y = 2 * x
    else:
        y = -x
    return tf.reduce_sum(y), steps


results = {}
for data in ([3.0, 4.0], [-40.0, 30.0]):
    x = tf.constant(data, dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(x)                # x is a constant, not a Variable
        out, steps = f(x)
    grad_x = tape.gradient(out, x)
    print(f"x = {data}: {int(steps)} halvings, out {float(out):.5f}, "
          f"grad {grad_x.numpy().round(6).tolist()}")
    results[tuple(data)] = (int(steps), float(out), grad_x.numpy().tolist())
print("f was traced", len(traces), "time(s)")

graph = f.get_concrete_function(x).graph       # the graph traced above
loops = [op.type for op in graph.get_operations() if op.type.endswith(
    ("While", "If"))]
print("control-flow ops in the graph:", loops)

assert len(traces) == 1, (
    "one trace serves both inputs: the loop is inside the graph"
)
assert loops == ["StatelessWhile", "StatelessIf"]
assert results[(3.0, 4.0)] == (3, 1.75, [0.25, 0.25])            # 2 * x / 2**3
assert results[(-40.0, 30.0)] == (6, 0.15625, [-1 / 64, -1 / 64])  # -x / 2**6
