"""
Autograd: PyTorch computes the gradients
========================================

Working out the backward pass by hand was easy for a cubic, but it
quickly becomes tedious and error-prone for larger models. PyTorch's
**autograd** does it for us: if a tensor is created with
``requires_grad=True``, PyTorch records every operation that uses it,
and a single call to ``loss.backward()`` fills in the gradient of the
loss with respect to it.

Compared with the previous example, the five lines of hand-written
chain rule are gone, replaced by ``loss.backward()``. In exchange, two
new details appear: the update must happen under ``torch.no_grad()``,
and the gradients have to be cleared after each step.
"""

# %%
# The data
# --------
#
# The data are the same as before. The only difference is that the
# four coefficients are created with ``requires_grad=True``: this asks
# autograd to track them, because they are the numbers we want
# gradients for. The inputs ``x`` and targets ``y`` need no gradients
# and are left untracked.

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

# Autograd tracks these four tensors, so that the loss can be
# differentiated.
a = torch.randn((), dtype=dtype, device=device, requires_grad=True)
b = torch.randn((), dtype=dtype, device=device, requires_grad=True)
c = torch.randn((), dtype=dtype, device=device, requires_grad=True)
d = torch.randn((), dtype=dtype, device=device, requires_grad=True)

# %%
# The computational graph
# -----------------------
#
# During the forward pass, autograd builds a **computational graph**:
# each tensor computed from a tracked tensor remembers which operation
# made it and from which inputs. The graph runs from the coefficients,
# through the powers of ``x``, the products and the sums, to the
# single number ``loss``.
#
# ``loss.backward()`` walks that graph from the loss back to the
# coefficients, applying the chain rule at every node. When it is
# done, ``a.grad`` holds :math:`\partial \text{loss} / \partial a`,
# and likewise for ``b``, ``c`` and ``d``: the same numbers we used to
# compute by hand.

# %%
# What a gradient is
# ------------------
#
# One forward and backward pass at the starting point shows what
# ``d.grad`` holds: how steeply the loss rises as :math:`d` alone
# grows. The figure draws the loss for values of :math:`d` around its
# starting value, the other coefficients fixed, and the straight line
# through the starting point whose slope is ``d.grad``: it touches the
# curve there. Gradient descent moves :math:`d` down that slope,
# towards the bottom of the curve. The gradients are cleared
# afterwards, so that training starts from none.

loss = (a + b * x + c * x**2 + d * x**3 - y).pow(2).sum()
loss.backward()
slope = d.grad.item()

with torch.no_grad():
    d_values = torch.linspace(
        d.item() - 1.5,
        d.item() + 1.5,
        101,
        dtype=dtype,
        device=device,
    )
    loss_along_d = [
        (a + b * x + c * x**2 + value * x**3 - y).pow(2).sum().item()
        for value in d_values
    ]
tangent = [
    loss.item() + slope * (value - d.item())
    for value in d_values.tolist()
]

a.grad = None
b.grad = None
c.grad = None
d.grad = None

# sphinx_gallery_thumbnail_number = 1
fig, ax = plt.subplots()
ax.plot(d_values.cpu(), loss_along_d, label="loss as d varies")
ax.plot(
    d_values.cpu(),
    tangent,
    linestyle="--",
    label="slope given by d.grad",
)
ax.plot([d.item()], [loss.item()], "o", label="starting point")
ax.set_ylim(bottom=0)
ax.set_xlabel("d")
ax.set_ylabel("loss (sum of squared errors)")
ax.legend()
ax.set_title("The gradient is the slope of the loss")
plt.show()

# %%
# Training by gradient descent
# ----------------------------
#
# The loop keeps the forward pass and the update of the previous
# example, with two changes worth noting:
#
# - the update is wrapped in ``torch.no_grad()``, because the update
#   itself is not part of the model and must not be recorded in the
#   graph;
# - ``backward()`` adds to whatever ``.grad`` already holds, so each
#   gradient is reset to ``None`` after the update, ready for the next
#   iteration.

learning_rate = 1e-6
losses = []
for t in range(2000):
    # Forward pass: autograd records each operation as it runs.
    y_pred = a + b * x + c * x**2 + d * x**3
    loss = (y_pred - y).pow(2).sum()
    losses.append(loss.item())
    if t % 100 == 99:
        print(t, loss.item())

    # Backward pass: fills a.grad, b.grad, c.grad and d.grad.
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
    f"Result: y = {a.item()} + {b.item()} x"
    f" + {c.item()} x^2 + {d.item()} x^3"
)

# %%
# How the loss fell
# -----------------
#
# The curve matches the one of the hand-written version. Autograd
# computes the same gradients we derived by hand, so gradient descent
# follows the same path; on this run, every printed loss agrees with
# the previous example to the last digit.

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
# The coefficients still require gradients, so the curve for the
# figure is computed under ``torch.no_grad()``: no graph is needed
# just to draw it.

with torch.no_grad():
    y_fit = a + b * x + c * x**2 + d * x**3

fig, ax = plt.subplots()
ax.plot(x.cpu(), y.cpu(), label="sin(x)")
ax.plot(x.cpu(), y_fit.cpu(), linestyle="--", label="fitted cubic")
ax.set_xlabel("x")
ax.legend()
ax.set_title("Fitted cubic against sin(x)")
plt.show()
