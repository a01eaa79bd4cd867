"""
The nn module: a model built from layers
========================================

Autograd computes gradients, but writing every model coefficient by
coefficient would be tiresome for anything large. The ``torch.nn``
package provides ready-made **layers**, which hold their own trainable
parameters, and **loss functions**. We use them to build the same
cubic.

Compared with the previous examples, the four separate coefficients
are replaced by a linear layer: its bias plays the part of :math:`a`,
and its three weights the parts of :math:`b`, :math:`c` and :math:`d`.
The loss comes from ``torch.nn.MSELoss``. Gradients still come from
``loss.backward()``, and we still update the parameters ourselves.
"""

# %%
# The data
# --------
#
# A linear layer computes a weighted sum of its inputs plus a bias, so
# the cubic becomes a linear model once we give it the features
# :math:`x`, :math:`x^2` and :math:`x^3`. Raising ``x.unsqueeze(-1)``,
# of shape ``(2000, 1)``, to the powers ``[1, 2, 3]`` broadcasts to a
# tensor of shape ``(2000, 3)``: one row per point, one column per
# power. The figure draws the three columns: the model's prediction
# will be a weighted sum of these three curves, plus the bias.

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

powers = torch.tensor([1, 2, 3], device=device)
features = x.unsqueeze(-1).pow(powers)

# sphinx_gallery_thumbnail_number = 1
fig, ax = plt.subplots()
ax.plot(x.cpu(), features[:, 0].cpu(), label="x")
ax.plot(x.cpu(), features[:, 1].cpu(), linestyle="--", label="x^2")
ax.plot(x.cpu(), features[:, 2].cpu(), linestyle=":", label="x^3")
ax.set_xlabel("x")
ax.legend()
ax.set_title("The three features of each point")
plt.show()

# %%
# The model and the loss
# ----------------------
#
# ``torch.nn.Sequential`` chains layers, passing each one's output to
# the next:
#
# - ``Linear(3, 1)`` maps the three features of each point to one
#   number; PyTorch fills its weights and bias with small random
#   values, drawn from the seeded generator;
# - ``Flatten(0, 1)`` turns the output of shape ``(2000, 1)`` into
#   shape ``(2000,)``, to match ``y``.
#
# ``MSELoss(reduction="sum")`` adds up the squared errors instead of
# averaging them, so the loss is the same sum of squared errors as
# before.

model = torch.nn.Sequential(
    torch.nn.Linear(3, 1),
    torch.nn.Flatten(0, 1),
).to(device=device, dtype=dtype)

loss_fn = torch.nn.MSELoss(reduction="sum")

# %%
# Training by gradient descent
# ----------------------------
#
# The loop has the familiar shape. Calling ``model(features)`` runs
# the forward pass; ``model.zero_grad()`` clears the gradients of all
# parameters at once; ``model.parameters()`` lists the tensors to
# update, so the update no longer names each coefficient.

learning_rate = 1e-6
losses = []
for t in range(2000):
    # Forward pass: the model's prediction and the loss.
    y_pred = model(features)
    loss = loss_fn(y_pred, y)
    losses.append(loss.item())
    if t % 100 == 99:
        print(t, loss.item())

    # Gradients accumulate across backward() calls unless cleared.
    model.zero_grad()
    loss.backward()

    # The update is bookkeeping, not part of the model: keep it off
    # the graph.
    with torch.no_grad():
        for param in model.parameters():
            param -= learning_rate * param.grad

# The coefficients are the linear layer's bias and its three weights.
linear_layer = model[0]
a = linear_layer.bias
b, c, d = linear_layer.weight[0]
print(
    f"Result: y = {a.item()} + {b.item()} x"
    f" + {c.item()} x^2 + {d.item()} x^3"
)

# %%
# How the loss fell
# -----------------
#
# The model starts from other random values than before, but the loss
# follows the same pattern: a steep drop, then a slow approach to the
# best cubic.

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
# The model itself draws the curve: calling it on the features under
# ``torch.no_grad()`` gives the prediction without building a graph.

with torch.no_grad():
    y_fit = model(features)

fig, ax = plt.subplots()
ax.plot(x.cpu(), y.cpu(), label="sin(x)")
ax.plot(x.cpu(), y_fit.cpu(), linestyle="--", label="fitted cubic")
ax.set_xlabel("x")
ax.legend()
ax.set_title("Fitted cubic against sin(x)")
plt.show()
