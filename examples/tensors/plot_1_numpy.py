"""
NumPy: a hand-written forward and backward pass
===============================================

Before any PyTorch, we solve the whole problem with NumPy alone. We
want a cubic polynomial :math:`y = a + b x + c x^2 + d x^3` that
follows :math:`\\sin(x)` on :math:`[-\\pi, \\pi]`. We start from
random coefficients, measure how wrong the polynomial is, work out by
hand how that error changes with each coefficient, and nudge every
coefficient against its gradient.

NumPy knows nothing about neural networks, gradients or training:
every step is written out explicitly. That makes this version the
reference against which the later variants show what PyTorch does for
us.
"""

# %%
# The data
# --------
#
# The inputs are 2000 evenly spaced points between :math:`-\pi` and
# :math:`\pi`, and the targets are the sine of each point. A seeded
# random number generator makes the starting coefficients, and with
# them every number printed below, the same on every run.

import math

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(seed=0)

x = np.linspace(-math.pi, math.pi, 2000)
y = np.sin(x)

# Four random coefficients: y = a + b x + c x^2 + d x^3
a, b, c, d = rng.standard_normal(4)
# The starting cubic, kept to draw it at the end.
y_start = a + b * x + c * x**2 + d * x**3

# %%
# Training by gradient descent
# ----------------------------
#
# Each iteration has three parts:
#
# - the **forward pass** computes the prediction and the loss, the sum
#   of squared errors over the 2000 points;
# - the **backward pass** applies the chain rule by hand: the
#   derivative of the loss with respect to the prediction is ``2 *
#   (y_pred - y)``, and each coefficient's gradient is that times the
#   power of ``x`` it multiplies;
# - the **update** moves each coefficient a small step, the learning
#   rate times its gradient, in the direction that lowers the loss.
#
# Every 100 iterations we print the iteration number and the loss, and
# we keep each loss to plot it afterwards.

learning_rate = 1e-6
losses = []
for t in range(2000):
    # Forward pass: the prediction and the loss.
    y_pred = a + b * x + c * x**2 + d * x**3
    loss = np.square(y_pred - y).sum()
    losses.append(loss)
    if t % 100 == 99:
        print(t, loss)

    # Backward pass: the gradient of the loss with respect to a, b, c
    # and d.
    grad_y_pred = 2.0 * (y_pred - y)
    grad_a = grad_y_pred.sum()
    grad_b = (grad_y_pred * x).sum()
    grad_c = (grad_y_pred * x**2).sum()
    grad_d = (grad_y_pred * x**3).sum()

    # Update: one step of gradient descent.
    a -= learning_rate * grad_a
    b -= learning_rate * grad_b
    c -= learning_rate * grad_c
    d -= learning_rate * grad_d

print(f"Result: y = {a} + {b} x + {c} x^2 + {d} x^3")

# %%
# How the loss fell
# -----------------
#
# The loss drops fast at first and then levels off: the steps get
# smaller as the gradient shrinks near the best cubic. A logarithmic
# scale shows both phases.

fig, ax = plt.subplots()
ax.plot(losses)
ax.set_yscale("log")
ax.set_xlabel("iteration")
ax.set_ylabel("loss (sum of squared errors)")
ax.set_title("Training loss")
plt.show()

# %%
# The fitted cubic
# ----------------
#
# The learned polynomial stays close to the sine in the middle of the
# interval and drifts away near the ends, where no cubic can follow
# the curve exactly. The dotted curve is the random cubic that
# training started from.

# sphinx_gallery_thumbnail_number = 2
fig, ax = plt.subplots()
ax.plot(x, y, label="sin(x)")
ax.plot(
    x,
    a + b * x + c * x**2 + d * x**3,
    linestyle="--",
    label="fitted cubic",
)
ax.plot(x, y_start, linestyle=":", label="starting cubic")
ax.set_ylim(-3, 3)
ax.set_xlabel("x")
ax.legend()
ax.set_title("Fitted cubic against sin(x)")
plt.show()
