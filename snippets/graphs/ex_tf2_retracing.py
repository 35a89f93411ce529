"""When does tf.function trace again? New Python
values and new tensor shapes each cost a trace.

A Python print runs only while tracing; tf.print
is part of the graph and runs on every call.
"""
import os
import sys

# hide TensorFlow's C++ start-up log lines
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import tensorflow as tf

# hide deprecation notes in TensorFlow's Python log
tf.get_logger().setLevel("ERROR")

traces = []


@tf.function
def scale(x, factor):
    traces.append((tuple(x.shape), factor))
    print("  python print: tracing")  # only while tracing
    tf.print("  tf.print: running", output_stream=sys.stdout)  # every call
    return x * factor


calls = [
    ("python float 2.0", [1.0, 2.0], 2.0),
    ("python float 3.0", [1.0, 2.0], 3.0),  # new Python value: trace again
    ("python float 2.0", [1.0, 2.0], 2.0),  # seen before: reuse
    ("tensor 2.0", [1.0, 2.0], tf.constant(2.0)),
    # same shape and dtype: reuse
    ("tensor 3.0", [1.0, 2.0], tf.constant(3.0)),
    # new shape: trace again
    ("tensor, longer x", [1.0, 2.0, 3.0], tf.constant(3.0)),
]
for label, x, factor in calls:
    print(f"{label}:")
    scale(tf.constant(x), factor)
print("traces:", len(traces), "for", len(calls), "calls")
assert len(traces) == 4

traces.clear()
any_length = tf.function(
    scale.python_function,
    input_signature=[tf.TensorSpec([None]), tf.TensorSpec([])],
)
for n in (2, 3, 4):
    any_length(tf.ones(n), tf.constant(2.0))
print("with an input_signature: traces", len(traces), "for 3 lengths")
assert len(traces) == 1
