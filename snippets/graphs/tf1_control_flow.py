"""Data-dependent control flow in TensorFlow
1: the loop and the branch must be graph ops.

A Python `while` on a placeholder fails;
tf.while_loop and tf.cond put them in the graph.
"""
import os

# hide TensorFlow's C++ start-up log lines
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import tensorflow as tf

# hide the deprecation notes tf.compat.v1 logs
tf.get_logger().setLevel("ERROR")
tf1 = tf.compat.v1
tf1.disable_eager_execution()

x = tf1.placeholder(tf.float64, shape=(None,))

message = None
try:
    while tf.norm(x) > 1:          # a placeholder has no value yet
        x = x / 2
except TypeError as e:
    message = str(e).split(". ")[0]
print("TypeError:", message)
assert message
assert "symbolic `tf.Tensor` as a Python `bool` is not allowed" in message


def keep_going(x, steps):
    return tf.norm(x) > 1


def halve(x, steps):
    return x / 2, steps + 1


x_small, steps = tf1.while_loop(
    keep_going, halve, [x, tf.constant(0)])  # (1)!
y = tf1.cond(
    tf.reduce_sum(x_small) > 0,  # (2)!
    lambda: 2 * x_small,
    lambda: -x_small,
)
out = tf.reduce_sum(y)
grad_x, = tf1.gradients(
    out, x)  # (3)!

graph = tf1.get_default_graph()
loops = [op.type for op in graph.get_operations() if op.type.endswith(
    ("While", "If"))]
print("control-flow ops in the graph:", loops)
size = len(graph.get_operations())

results = {}
with tf1.Session() as sess:
    for data in ([3.0, 4.0], [-40.0, 30.0]):
        out_v, steps_v, grad_v = sess.run([out, steps, grad_x],
                                          feed_dict={x: data})
        print(f"x = {data}: {steps_v} halvings, out {out_v:.5f}, "
              f"grad {grad_v.round(6).tolist()}")
        results[tuple(data)] = (int(steps_v), float(out_v), grad_v.tolist())

assert len(graph.get_operations()) == size, (
    "running the graph adds no ops to it"
)
assert results[(3.0, 4.0)] == (3, 1.75, [0.25, 0.25])            # 2 * x / 2**3
assert results[(-40.0, 30.0)] == (6, 0.15625, [-1 / 64, -1 / 64])  # -x / 2**6
