"""The two-layer net in TensorFlow 1 style: build
a static graph first, then run it in a Session.

Runs through tf.compat.v1 with eager execution
disabled; same data as the NumPy warm-up.
"""
import os

# hide TensorFlow's C++ start-up log lines
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import tensorflow as tf

# hide the deprecation notes tf.compat.v1 logs
tf.get_logger().setLevel("ERROR")
tf1 = tf.compat.v1
# TF1 semantics: ops build a graph, nothing runs yet
tf1.disable_eager_execution()

# TensorFlow 2 keeps the TensorFlow 1 API only under tf.compat.v1
print("tf.placeholder exists:", hasattr(tf, "placeholder"),
      "| tf.compat.v1.placeholder exists:", hasattr(tf1, "placeholder"))
assert not hasattr(tf, "placeholder") and hasattr(tf1, "placeholder")

rng = np.random.default_rng(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x_data = rng.standard_normal((N, D_in))
y_data = rng.standard_normal((N, D_out))
w1_init = rng.standard_normal((D_in, H))
w2_init = rng.standard_normal((H, D_out))

# 1. define: placeholders for the data, variables for the weights
x = tf1.placeholder(tf.float64, shape=(None, D_in))    # (N, D_in)
y = tf1.placeholder(tf.float64, shape=(None, D_out))   # (N, D_out)
w1 = tf1.Variable(w1_init)                             # (D_in, H)
w2 = tf1.Variable(w2_init)                             # (H, D_out)

h_relu = tf.maximum(tf.matmul(x, w1), 0.0)             # (N, H)
y_pred = tf.matmul(h_relu, w2)                         # (N, D_out)
loss = tf.reduce_sum((y_pred - y) ** 2)
ops_forward = len(tf1.get_default_graph().get_operations())

lr = 1e-6
grad_w1, grad_w2 = tf1.gradients(loss, [w1, w2])       # (1)!
ops_backward = len(tf1.get_default_graph().get_operations()) - ops_forward
new_w1 = tf1.assign(w1, w1 - lr * grad_w1)             # (2)!
new_w2 = tf1.assign(w2, w2 - lr * grad_w2)
ops = len(tf1.get_default_graph().get_operations())
print(f"ops in the graph: {ops} ({ops_forward} "
      f"forward, {ops_backward} from tf.gradients)")
print("loss is", loss)

# 2. run: feed real arrays into the graph, many times
losses = []
with tf1.Session() as sess:
    sess.run(tf1.global_variables_initializer())
    for t in range(500):
        loss_value, _, _ = sess.run([loss, new_w1, new_w2],      # (3)!
                                    feed_dict={x: x_data, y: y_data})
        losses.append(float(loss_value))
        if t % 100 == 99:
            print(f"step {t + 1:3d}  loss {loss_value:.4g}")

assert ops_backward > ops / 2, "most of the graph is the backward pass"
assert losses[-1] < 1e-3 * losses[0], (
    "the loss should fall by three orders of magnitude"
)
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
