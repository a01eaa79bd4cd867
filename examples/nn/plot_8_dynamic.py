"""
Dynamic networks: control flow and weight sharing
=================================================

PyTorch builds the computational graph anew on every forward pass,
while the code runs. The ``forward`` method can therefore use ordinary
Python control flow, such as ``if`` statements, loops and random
choices, and the model can take a different shape on every call.
Autograd simply differentiates whatever graph the last forward pass
built.

Compared with the previous example, the cubic gains a fifth parameter,
:math:`e`. On each forward pass the model picks at random whether to
add the term :math:`e x^4` or the two terms :math:`e x^4 + e x^5`,
using the same weight :math:`e` for both. Training uses ``SGD`` with
momentum, a smaller learning rate and more iterations.
"""

# %%
# The model
# ---------
#
# The choice is made with Python's ``random`` module inside
# ``forward``: a loop adds the term for each power from 4 up to the
# chosen one. Nothing tells PyTorch about the choice in advance; it
# only sees the operations that actually run.
#
# The weight :math:`e` is **shared**: when both extra terms are
# present, it is used twice in the same graph. The backward pass then
# adds up the gradients from both uses, so ``e.grad`` is the sum of
# what each term contributes to the loss.
#
# The ``string`` method writes the trained model for the log. The term
# :math:`e x^5` is there on some forward passes only, so it is printed
# in square brackets: ``[+ e x^5]`` means "plus this term, when the
# pass draws it". Both extra terms print the same number, since they
# share :math:`e`.

import math
import random

import matplotlib.pyplot as plt
import torch

device = torch.device("cpu")  # "cuda" runs it on an NVIDIA GPU
dtype = torch.float


class DynamicNet(torch.nn.Module):
    """A cubic plus e x^4, and sometimes e x^5, chosen at random per
    call."""

    def __init__(self):
        super().__init__()
        self.a = torch.nn.Parameter(torch.randn(()))
        self.b = torch.nn.Parameter(torch.randn(()))
        self.c = torch.nn.Parameter(torch.randn(()))
        self.d = torch.nn.Parameter(torch.randn(()))
        self.e = torch.nn.Parameter(torch.randn(()))

    def forward(self, x):
        y = self.a + self.b * x + self.c * x**2 + self.d * x**3
        # An ordinary Python choice decides the graph built on this
        # call.
        top_power = random.choice([4, 5])
        for power in range(4, top_power + 1):
            # Each extra term reuses the one weight e.
            y = y + self.e * x**power
        return y

    def string(self):
        a, b, c, d = (
            self.a.item(),
            self.b.item(),
            self.c.item(),
            self.d.item(),
        )
        e = self.e.item()
        # Square brackets: the term that only some forward passes add.
        return (
            f"y = {a} + {b} x + {c} x^2 + {d} x^3"
            f" + {e} x^4 [+ {e} x^5]"
        )


# %%
# The data
# --------
#
# Two generators need a seed now: PyTorch's, for the starting
# parameters, and Python's ``random``, for the choices made in
# ``forward``. With both seeded, the sequence of graphs, and every
# number printed below, is the same on every run.

random.seed(0)
torch.manual_seed(0)
# One thread: PyTorch then adds numbers in the same order on any
# number of cores, and the log below comes out the same, digit for
# digit.
torch.set_num_threads(1)

x = torch.linspace(
    -math.pi, math.pi, 2000, dtype=dtype, device=device
)
y = torch.sin(x)

model = DynamicNet().to(device=device, dtype=dtype)

# %%
# Training
# --------
#
# The terms :math:`x^4` and :math:`x^5` reach about 97 and 306 at the
# ends of the interval, so their gradients are much larger than before
# and the learning rate has to come down, here to :math:`10^{-8}`.
# Momentum, which lets each step carry on part of the previous one,
# makes up some of the lost speed, but training still needs 30000
# iterations.
#
# The loop itself is unchanged. Because it runs fifteen times longer,
# it prints the loss every 2000 iterations instead of every 100.

loss_fn = torch.nn.MSELoss(reduction="sum")
optimizer = torch.optim.SGD(model.parameters(), lr=1e-8, momentum=0.9)

losses = []
for t in range(30000):
    # Forward pass: a new graph, with one or two extra terms.
    y_pred = model(x)
    loss = loss_fn(y_pred, y)
    losses.append(loss.item())
    if t % 2000 == 1999:
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
# The loss falls over the whole run, but the curve is jagged, with
# occasional spikes: each iteration's loss depends on which of the two
# forms was drawn, and each step follows the gradient of that form
# only. By the end, the form with :math:`e x^4` alone gives a loss of
# about 9.03, and the form with both extra terms about 8.56: slightly
# less than the best cubic, since the extra terms give the model a
# little more freedom.

# sphinx_gallery_thumbnail_number = 1
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
# The trained model can take either of two forms, so we draw both,
# writing out the terms instead of calling ``forward`` and its random
# choice. Training has made :math:`e` small, and the two curves lie
# close together.

with torch.no_grad():
    cubic_part = (
        model.a + model.b * x + model.c * x**2 + model.d * x**3
    )
    with_x4 = cubic_part + model.e * x**4
    with_x5 = with_x4 + model.e * x**5

fig, ax = plt.subplots()
ax.plot(x.cpu(), y.cpu(), label="sin(x)")
ax.plot(
    x.cpu(), with_x4.cpu(), linestyle="--", label="model with e x^4"
)
ax.plot(
    x.cpu(),
    with_x5.cpu(),
    linestyle=":",
    label="model with e x^4 + e x^5",
)
ax.set_xlabel("x")
ax.legend()
ax.set_title("Fitted dynamic model against sin(x)")
plt.show()
