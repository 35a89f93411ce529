"""Reuse a TensorFlow 1 graph: after training,
feed new data, of another batch size, to it.

Nothing is rebuilt: the graph has the same ops before and after.
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
N, D_in, H, D_out = 64, 1000, 100, 10
x_train, y_train = rng.standard_normal((N, D_in)), rng.standard_normal(
    (N, D_out))
w1_init, w2_init = rng.standard_normal((D_in, H)), rng.standard_normal(
    (H, D_out))
# 32 new
x_new, y_new = rng.standard_normal((32, D_in)), rng.standard_normal(
    (32, D_out))

x = tf1.placeholder(tf.float64, shape=(None, D_in))    # None: any batch size
y = tf1.placeholder(tf.float64, shape=(None, D_out))
w1, w2 = tf1.Variable(w1_init), tf1.Variable(w2_init)
y_pred = tf.matmul(tf.maximum(tf.matmul(x, w1), 0.0), w2)
loss = tf.reduce_sum((y_pred - y) ** 2)
grad_w1, grad_w2 = tf1.gradients(loss, [w1, w2])
train = [tf1.assign(w1, w1 - 1e-6 * grad_w1),
         tf1.assign(w2, w2 - 1e-6 * grad_w2)]
init = tf1.global_variables_initializer()
graph = tf1.get_default_graph()
ops_before = len(graph.get_operations())

with tf1.Session() as sess:
    sess.run(init)
    for t in range(500):
        sess.run(train, feed_dict={x: x_train, y: y_train})
    train_loss = sess.run(loss, feed_dict={x: x_train, y: y_train})
    # same graph, new feed
    new_loss = sess.run(loss, feed_dict={x: x_new, y: y_new})
    # fetch only what needs x
    predictions = sess.run(y_pred, feed_dict={x: x_new})

print(f"loss on the training batch (64 samples): {train_loss:.3g}")
print(f"loss on a new batch (32 samples):        {new_loss:.3g}")
print("predictions for the new batch:", predictions.shape)
print("ops before training:", ops_before,
      "| after:", len(graph.get_operations()))
assert len(graph.get_operations()) == ops_before, (
    "feeding new data builds nothing"
)
assert new_loss > 1e6 * train_loss, (
    "memorised random data: useless on new random data"
)
