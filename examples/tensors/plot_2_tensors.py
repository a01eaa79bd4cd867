"""
PyTorch tensors: the same passes, written by hand
=================================================

This time the arrays are PyTorch tensors. A tensor is an n-dimensional
array of numbers, much like a NumPy array, with one important
difference: it lives on a **device**. On the CPU it behaves very much
like NumPy; on a GPU the same code runs its arithmetic on the graphics
card, which can be many times faster for large arrays.

The mathematics has not changed from the NumPy version: the same cubic
:math:`y = a + b x + c x^2 + d x^3`, the same loss, the same gradients
worked out by hand and the same update. Only the array library is
different, and every tensor now says which device and which number
type it uses.
"""

# %%
# The data
# --------
#
# Every tensor is created with an explicit ``device`` and ``dtype``.
# The device is chosen on a single line just after the imports:
# changing ``"cpu"`` to ``"cuda"`` moves the whole example onto an
# NVIDIA GPU, and nothing else in the script has to change.
#
# PyTorch has its own random number generator. Seeding it with
# ``torch.manual_seed`` before the first draw makes the starting
# coefficients, and every number printed below, the same on every run.
#
# A seed alone does not fix the last digits, though. PyTorch may split
# a sum among the processor's cores, and adding the parts in another
# order changes the result slightly. ``torch.set_num_threads(1)`` runs
# PyTorch on one thread, so the log below comes out the same on any
# number of cores.

import math

import matplotlib.pyplot as plt
import torch

device = torch.device("cpu")  # "cuda" runs it on an NVIDIA GPU
dtype = torch.float

torch.manual_seed(7)
# One thread: PyTorch then adds numbers in the same order on any
# number of cores, and the log below comes out the same, digit for
# digit.
torch.set_num_threads(1)

x = torch.linspace(
    -math.pi, math.pi, 2000, dtype=dtype, device=device
)
y = torch.sin(x)

# Four random coefficients, each a tensor with no dimensions (a
# scalar).
a = torch.randn((), dtype=dtype, device=device)
b = torch.randn((), dtype=dtype, device=device)
c = torch.randn((), dtype=dtype, device=device)
d = torch.randn((), dtype=dtype, device=device)

# %%
# Training by gradient descent
# ----------------------------
#
# The loop is the NumPy loop almost line for line. The forward pass,
# the hand-written chain rule and the update are unchanged; a few
# names differ:
#
# - ``(y_pred - y).pow(2).sum()`` replaces ``np.square(...).sum()``;
# - the loss is a tensor with a single element, and ``loss.item()``
#   turns it into an ordinary Python number for printing and for the
#   list of losses;
# - ``a -= ...`` updates each coefficient tensor in place.

learning_rate = 1e-6
losses = []
for t in range(2000):
    # Forward pass: the prediction and the loss.
    y_pred = a + b * x + c * x**2 + d * x**3
    loss = (y_pred - y).pow(2).sum()
    losses.append(loss.item())
    if t % 100 == 99:
        print(t, loss.item())

    # Backward pass: the chain rule by hand, exactly as with NumPy.
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

print(
    f"Result: y = {a.item()} + {b.item()} x"
    f" + {c.item()} x^2 + {d.item()} x^3"
)

# %%
# How the loss fell
# -----------------
#
# The curve has the same shape as with NumPy: a steep drop, then a
# slow approach to the best cubic. The numbers differ because
# PyTorch's generator draws other starting coefficients, and because
# these tensors hold 32-bit numbers where NumPy used 64-bit ones.
#
# After 2000 steps the loss is a little above the best a cubic can do,
# about 8.82: the constant and :math:`x^2` terms have the smallest
# gradients, so one small learning rate moves them the slowest.

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
# Matplotlib reads its data from the computer's main memory, so a
# tensor on a GPU has to be copied back with ``.cpu()`` first. For a
# tensor that is already on the CPU, ``.cpu()`` simply returns it
# unchanged.

y_fit = a + b * x + c * x**2 + d * x**3

# sphinx_gallery_thumbnail_number = 2
fig, ax = plt.subplots()
ax.plot(x.cpu(), y.cpu(), label="sin(x)")
ax.plot(x.cpu(), y_fit.cpu(), linestyle="--", label="fitted cubic")
ax.set_xlabel("x")
ax.legend()
ax.set_title("Fitted cubic against sin(x)")
plt.show()
