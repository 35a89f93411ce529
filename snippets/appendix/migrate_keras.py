"""keras.optimizers.Adam, seen in some "PyTorch optimizer" lists, is a
Keras optimizer: it takes a learning rate, not a model's parameters."""
import inspect
import os

# hide TensorFlow's C++ start-up log lines
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import keras

keras.utils.set_random_seed(0)
opt_class = keras.optimizers.Adam
first = list(inspect.signature(opt_class).parameters)[0]
print("keras.optimizers.Adam comes from:", opt_class.__module__)
print("its first argument:", first)
assert first == "learning_rate"

# what a PyTorch habit would pass: a generator of parameters
params = (w for w in [np.zeros(3), np.zeros(2)])
try:
    keras.optimizers.Adam(params)
except ValueError as err:
    print("Adam(parameters):", type(err).__name__, "-",
          str(err).split(" should")[0], "should be a float ...")
    assert "Argument `learning_rate` should be float" in str(err)
else:
    raise AssertionError("a Keras optimizer should refuse parameters")

# it has none of torch.optim.Optimizer's interface
opt = keras.optimizers.Adam(learning_rate=0.1)
missing = [name for name in ("param_groups", "zero_grad", "state_dict")
           if not hasattr(opt, name)]
print("attributes of torch.optim.Optimizer it lacks:", missing)
assert missing == ["param_groups", "zero_grad", "state_dict"]

# the Keras way: (gradient, variable) pairs of Keras variables
w = keras.Variable(np.ones(3, dtype="float32"))
opt.apply_gradients([(np.ones(3, dtype="float32"), w)])
print("after apply_gradients:", [round(float(v), 3) for v in w.numpy()])
assert np.allclose(np.asarray(w), 0.9, atol=1e-4)   # one step of lr
