"""
Custom modules: a model class of our own
========================================

``torch.nn.Sequential`` is handy when a model is a simple chain of
layers. For anything else, we write our own model as a subclass of
``torch.nn.Module``: the constructor creates the parameters, and the
``forward`` method says how to compute the output from the input.

Compared with the previous example, the ``Sequential`` model and the
features are replaced by a small class that holds :math:`a`,
:math:`b`, :math:`c` and :math:`d` itself and computes the cubic
directly from :math:`x`. The optimizer is now plain stochastic
gradient descent, ``torch.optim.SGD``, with the learning rate of the
first examples.
"""

# %%
# The model
# ---------
#
# Wrapping a tensor in ``torch.nn.Parameter`` and assigning it as an
# attribute in ``__init__`` registers it with the module.
# ``model.parameters()`` then finds it, ``model.to(device)`` moves it,
# and it requires gradients without being told. Calling ``model(x)``
# runs ``forward``.
#
# A module may have other methods as well: ``string`` returns the
# fitted polynomial as text, to print the result.

import math

import matplotlib.pyplot as plt
import torch

device = torch.device("cpu")  # "cuda" runs it on an NVIDIA GPU
dtype = torch.float


class Polynomial3(torch.nn.Module):
    """The cubic y = a + b x + c x^2 + d x^3, with trainable
    coefficients."""

    def __init__(self):
        super().__init__()
        self.a = torch.nn.Parameter(torch.randn(()))
        self.b = torch.nn.Parameter(torch.randn(()))
        self.c = torch.nn.Parameter(torch.randn(()))
        self.d = torch.nn.Parameter(torch.randn(()))

    def forward(self, x):
        return self.a + self.b * x + self.c * x**2 + self.d * x**3

    def string(self):
        a, b, c, d = (
            self.a.item(),
            self.b.item(),
            self.c.item(),
            self.d.item(),
        )
        return f"y = {a} + {b} x + {c} x^2 + {d} x^3"


# %%
# The data
# --------
#
# The seed is set before the model is created, because the constructor
# draws the starting coefficients. They come out the same as in the
# tensor and autograd examples, which drew four values in the same
# way.

torch.manual_seed(7)
# One thread: PyTorch then adds numbers in the same order on any
# number of cores, and the log below comes out the same, digit for
# digit.
torch.set_num_threads(1)

x = torch.linspace(
    -math.pi, math.pi, 2000, dtype=dtype, device=device
)
y = torch.sin(x)

model = Polynomial3().to(device=device, dtype=dtype)

loss_fn = torch.nn.MSELoss(reduction="sum")
optimizer = torch.optim.SGD(model.parameters(), lr=1e-6)

# %%
# Training
# --------
#
# The loop is the one of the previous example. Without momentum or
# other options, an ``SGD`` step is exactly the update we once wrote
# by hand: each parameter minus the learning rate times its gradient.

losses = []
for t in range(2000):
    # Forward pass: calling the model runs its forward method.
    y_pred = model(x)
    loss = loss_fn(y_pred, y)
    losses.append(loss.item())
    if t % 100 == 99:
        print(t, loss.item())

    # Gradients accumulate across backward() calls unless cleared.
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

print(f"Result: {model.string()}")

# %%
# How the loss fell
# -----------------
#
# Same start, same update, same learning rate: the loss follows the
# path of the tensor and autograd examples, up to rounding in the last
# digits. It also ends a little above the best value of about 8.82,
# because one small step size leaves :math:`a` and :math:`c`
# converging slowly.

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
# The model draws its own curve, called on ``x`` under
# ``torch.no_grad()``.

with torch.no_grad():
    y_fit = model(x)

fig, ax = plt.subplots()
ax.plot(x.cpu(), y.cpu(), label="sin(x)")
ax.plot(x.cpu(), y_fit.cpu(), linestyle="--", label="fitted cubic")
ax.set_xlabel("x")
ax.legend()
ax.set_title("Fitted cubic against sin(x)")
plt.show()

# %%
# Beyond the training interval
# ----------------------------
#
# A module is a function like any other: it can be called on inputs it
# never saw in training. Outside :math:`[-\pi, \pi]` the cubic and the
# sine soon part ways: the model learned the curve only where it had
# points, and a cubic cannot keep oscillating as the sine does.

x_wide = torch.linspace(
    -2 * math.pi, 2 * math.pi, 4000, dtype=dtype, device=device
)
with torch.no_grad():
    y_wide = model(x_wide)

# sphinx_gallery_thumbnail_number = 3
fig, ax = plt.subplots()
ax.axvspan(-math.pi, math.pi, color="0.9", label="training interval")
ax.plot(x_wide.cpu(), torch.sin(x_wide).cpu(), label="sin(x)")
ax.plot(
    x_wide.cpu(), y_wide.cpu(), linestyle="--", label="fitted cubic"
)
ax.set_ylim(-3, 3)
ax.set_xlabel("x")
ax.legend(loc="upper center")
ax.set_title("The fitted cubic beyond the training interval")
plt.show()
