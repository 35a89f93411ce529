"""A classic TensorFlow 1 bug: creating ops inside
the training loop grows the graph every step.

graph.finalize() turns the silent growth into an error.
"""
import os

# hide TensorFlow's C++ start-up log lines
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import tensorflow as tf

# hide the deprecation notes tf.compat.v1 logs
tf.get_logger().setLevel("ERROR")
tf1 = tf.compat.v1
tf1.disable_eager_execution()

rng = np.random.default_rng(0)
x_data = rng.standard_normal((8, 3))                  # (N, D)
y_data = x_data @ np.array([1.0, -2.0, 0.5])          # (N,)

x = tf1.placeholder(tf.float64, shape=(None, 3))
y = tf1.placeholder(tf.float64, shape=(None,))
w = tf1.Variable(np.zeros(3))
loss = tf.reduce_sum((tf.linalg.matvec(x, w) - y) ** 2)
grad_w, = tf1.gradients(loss, [w])
graph = tf1.get_default_graph()
feed = {x: x_data, y: y_data}

with tf1.Session() as sess:
    sess.run(tf1.global_variables_initializer())
    sizes = []
    for t in range(5):
        # builds new ops every step
        sess.run(tf1.assign(w, w - 0.01 * grad_w), feed_dict=feed)
        sizes.append(len(graph.get_operations()))
    print("buggy loop, ops after each step:", sizes)

    update = tf1.assign(w, w - 0.01 * grad_w)  # built once, before the loop
    graph.finalize()  # from now on, adding an op raises
    for t in range(200):
        sess.run(update, feed_dict=feed)
    w_value = sess.run(w)
    print("fixed loop, ops:", len(graph.get_operations()),
          "| w:", w_value.round(3).tolist())
    message = None
    try:
        w + 1.0                                       # any new op
    except RuntimeError as e:
        message = str(e)
    print("RuntimeError:", message)

steps = np.diff(sizes)
assert (steps > 0).all() and len(set(steps)) == 1, (
    "the graph grows by the same ops every step"
)
assert np.allclose(w_value, [1.0, -2.0, 0.5], atol=0.05), (
    "the fixed loop still trains"
)
assert message and "finalized" in message
