"""AutoGraph converts only loops over tensors: `range(n)` is unrolled
into n copies of the body, `tf.range(n)` becomes one While op.

Both compute the same result; only the size of the graph differs.
"""
import os

# hide TensorFlow's C++ start-up log lines
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import tensorflow as tf

# hide deprecation notes in TensorFlow's Python log
tf.get_logger().setLevel("ERROR")


@tf.function
def python_range(x):
    # a Python loop: runs while tracing, 20 copies of the body
    for _ in range(20):
        x = x * 0.5 + 1.0
    return x


@tf.function
def tensor_range(x):
    for _ in tf.range(20):       # a tensor loop: AutoGraph emits a While op
        x = x * 0.5 + 1.0
    return x


x = tf.constant(100.0)
sizes = {}
for f in (python_range, tensor_range):
    graph = f.get_concrete_function(x).graph
    ops = [op.type for op in graph.get_operations()]
    loops = ops.count("While") + ops.count("StatelessWhile")
    sizes[f.__name__] = (len(ops), ops.count("Mul"), loops)
    print(f"{f.__name__}: result {float(f(x)):.6f}, ops {len(ops)}, "
          f"Mul ops {ops.count('Mul')}, While ops {loops}")

assert abs(float(python_range(x)) - float(tensor_range(x))) < 1e-6, (
    "same arithmetic"
)
assert sizes["python_range"][1] == 20 and sizes["python_range"][2] == 0, (
    "unrolled, no loop"
)
assert sizes["tensor_range"][1] == 0 and sizes["tensor_range"][2] == 1, (
    "one While op"
)
