"""
Autograd: defining a function of our own
========================================

Autograd knows the derivative of every operation PyTorch provides.
When we need an operation it does not provide, or want to control how
its gradient is computed, we can write it ourselves as a subclass of
``torch.autograd.Function``, with a ``forward`` method that computes
the result and a ``backward`` method that computes the gradient.

As an example we build the Legendre polynomial of degree three,
:math:`P_3(t) = \\frac{1}{2} (5 t^3 - 3 t)`, as such a function, and
change the model to :math:`y = a + b P_3(c + d x)`. This is still a
cubic in :math:`x`, and it can express the best cubic found before.
Compared with the previous example, the model, its starting point and
the learning rate change; the loop, ``loss.backward()`` and the update
under ``torch.no_grad()`` stay the same.
"""

# %%
# The function
# ------------
#
# A ``torch.autograd.Function`` subclass has two static methods. Both
# receive a context object ``ctx`` as their first argument, which
# carries information from the forward pass to the backward pass:
#
# - ``forward`` gets the input tensor and returns the output. It calls
#   ``ctx.save_for_backward(t)`` to keep the input, because the
#   derivative has to be evaluated at it later;
# - ``backward`` gets the gradient of the loss with respect to the
#   output, reads the saved input from ``ctx.saved_tensors`` and
#   returns the gradient with respect to the input, using
#   :math:`P_3'(t) = \frac{3}{2} (5 t^2 - 1)`.
#
# Tensors should be stored with ``ctx.save_for_backward`` rather than
# as plain attributes of ``ctx``: autograd then manages their memory
# and raises an error if a saved tensor was modified in place before
# the backward pass.
#
# Writing a function by hand is worth it when autograd cannot see
# inside an operation (for instance, one computed by another library),
# or when a hand-written derivative is cheaper or more accurate than
# the one autograd would build from the individual steps.

import math

import matplotlib.pyplot as plt
import torch

device = torch.device("cpu")  # "cuda" runs it on an NVIDIA GPU
dtype = torch.float


class LegendrePolynomial3(torch.autograd.Function):
    """The Legendre polynomial P3 with a hand-written derivative."""

    @staticmethod
    def forward(ctx, t):
        # The derivative depends on t, so backward() needs it later.
        ctx.save_for_backward(t)
        return 0.5 * (5 * t**3 - 3 * t)

    @staticmethod
    def backward(ctx, grad_output):
        (t,) = ctx.saved_tensors
        # Chain rule: the incoming gradient times the derivative of P3
        # at t.
        return grad_output * 1.5 * (5 * t**2 - 1)


# %%
# The function at work
# --------------------
#
# Before training with it, we can watch both methods run. Applying the
# function to points of :math:`[-1, 1]` that require gradients calls
# ``forward``; ``backward()`` on the sum of the outputs then calls our
# ``backward`` with an incoming gradient of one for each point, so
# ``t.grad`` holds :math:`P_3'(t)`. The derivative is zero where
# :math:`P_3` turns, as it should be.

t = torch.linspace(
    -1, 1, 201, dtype=dtype, device=device, requires_grad=True
)
p3_of_t = LegendrePolynomial3.apply(t)
p3_of_t.sum().backward()

# sphinx_gallery_thumbnail_number = 1
fig, ax = plt.subplots()
ax.plot(
    t.detach().cpu(),
    p3_of_t.detach().cpu(),
    label="P3(t), from forward",
)
ax.plot(
    t.detach().cpu(),
    t.grad.cpu(),
    linestyle="--",
    label="P3'(t), from backward",
)
ax.axhline(0, color="gray", linewidth=0.5)
ax.set_xlabel("t")
ax.legend()
ax.set_title("The Legendre polynomial P3 and its derivative")
plt.show()


# %%
# The data
# --------
#
# The inputs and targets are the same as before. The starting point is
# not fully random this time: when :math:`c + d x` strays far outside
# :math:`[-1, 1]`, the cubic term of :math:`P_3` dominates, the first
# gradients are huge and the loss overflows within a few steps. We
# start instead near :math:`a = 0`, :math:`b = -1`, :math:`c = 0`,
# :math:`d = 0.3`, and a little seeded noise moves each coefficient
# away from those values.

torch.manual_seed(0)
# One thread: PyTorch then adds numbers in the same order on any
# number of cores, and the log below comes out the same, digit for
# digit.
torch.set_num_threads(1)

x = torch.linspace(
    -math.pi, math.pi, 2000, dtype=dtype, device=device
)
y = torch.sin(x)


def start_near(value):
    """Return a tracked scalar tensor close to ``value``."""
    noise = 0.1 * torch.randn((), dtype=dtype, device=device)
    return (value + noise).requires_grad_()


a = start_near(0.0)
b = start_near(-1.0)
c = start_near(0.0)
d = start_near(0.3)

# %%
# Training by gradient descent
# ----------------------------
#
# A custom function is used through its ``apply`` method, which we
# give the short name ``P3``. Autograd records it in the graph like
# any built-in operation and calls our ``backward`` when
# ``loss.backward()`` reaches it. With the earlier learning rate of
# :math:`10^{-6}` this model would still be far from a good fit after
# 2000 iterations, so we use :math:`5 \times 10^{-6}`.

P3 = LegendrePolynomial3.apply

learning_rate = 5e-6
losses = []
for t in range(2000):
    # Forward pass: our function is one node of the graph.
    y_pred = a + b * P3(c + d * x)
    loss = (y_pred - y).pow(2).sum()
    losses.append(loss.item())
    if t % 100 == 99:
        print(t, loss.item())

    # Backward pass: autograd calls LegendrePolynomial3.backward on
    # the way.
    loss.backward()

    # The update is bookkeeping, not part of the model: keep it off
    # the graph.
    with torch.no_grad():
        a -= learning_rate * a.grad
        b -= learning_rate * b.grad
        c -= learning_rate * c.grad
        d -= learning_rate * d.grad

        # Gradients accumulate across backward() calls unless cleared.
        a.grad = None
        b.grad = None
        c.grad = None
        d.grad = None

print(
    f"Result: y = {a.item()} + {b.item()}"
    f" * P3({c.item()} + {d.item()} x)"
)

# %%
# How the loss fell
# -----------------
#
# The loss falls steadily and ends close to the best value a cubic can
# reach, about 8.82: written out in powers of :math:`x`, the trained
# model is almost the same polynomial as the earlier examples find.

fig, ax = plt.subplots()
ax.plot(losses)
ax.set_yscale("log")
ax.set_xlabel("iteration")
ax.set_ylabel("loss (sum of squared errors)")
ax.set_title("Training loss")
plt.show()

# %%
# The fitted model
# ----------------
#
# The custom function works under ``torch.no_grad()`` too: it then
# computes its output without recording anything for a backward pass.

with torch.no_grad():
    y_fit = a + b * P3(c + d * x)

fig, ax = plt.subplots()
ax.plot(x.cpu(), y.cpu(), label="sin(x)")
ax.plot(
    x.cpu(), y_fit.cpu(), linestyle="--", label="a + b P3(c + d x)"
)
ax.set_xlabel("x")
ax.legend()
ax.set_title("Fitted Legendre model against sin(x)")
plt.show()
