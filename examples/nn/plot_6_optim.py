"""
Optimizers: letting PyTorch update the parameters
=================================================

So far we have updated the parameters ourselves, one gradient descent
step at a time. The ``torch.optim`` package holds ready-made update
rules, called **optimizers**. An optimizer is given the model's
parameters once; after each backward pass, ``optimizer.step()``
updates them all.

The model and the loss are the same as in the previous example. What
changes is the update: the hand-written loop under ``torch.no_grad()``
is replaced by the **RMSprop** optimizer, which adapts the step size
of each parameter separately, and the gradients are cleared with
``optimizer.zero_grad()``.
"""

# %%
# The data and the model
# ----------------------
#
# The features, the model and the loss function are built exactly as
# before, from the same seed, so training starts from the same
# parameters.

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

model = torch.nn.Sequential(
    torch.nn.Linear(3, 1),
    torch.nn.Flatten(0, 1),
).to(device=device, dtype=dtype)

loss_fn = torch.nn.MSELoss(reduction="sum")

# %%
# Why an adaptive optimizer
# -------------------------
#
# The four parameters see very different gradients. A change in
# :math:`d` moves the prediction by up to :math:`\pi^3 \approx 31`
# times as much at the ends of the interval, while a change in
# :math:`a` moves it by the same amount everywhere. The gradient for
# :math:`d` is therefore far larger than the one for :math:`a`.
#
# Plain gradient descent uses one step size for all of them. A step
# size large enough to move :math:`a` quickly makes :math:`d`
# overshoot and diverge; one small enough for :math:`d`, such as
# :math:`10^{-6}`, leaves :math:`a` and :math:`c` crawling, which is
# why the previous examples ended a little above the best possible
# loss of about 8.82.
#
# **RMSprop** keeps, for each parameter, a running average of its
# recent squared gradients, and divides that parameter's step by the
# square root of this average. Parameters with large gradients take
# smaller steps, and those with small gradients larger ones, so all of
# them make progress. Its learning rate, :math:`10^{-3}`, is roughly
# how far each parameter moves in one step.

learning_rate = 1e-3
optimizer = torch.optim.RMSprop(model.parameters(), lr=learning_rate)

# %%
# Training
# --------
#
# Each iteration now has four steps: the forward pass, clearing the
# old gradients, the backward pass, and one optimizer step.

losses = []
for t in range(2000):
    # Forward pass: the model's prediction and the loss.
    y_pred = model(features)
    loss = loss_fn(y_pred, y)
    losses.append(loss.item())
    if t % 100 == 99:
        print(t, loss.item())

    # Gradients accumulate across backward() calls unless cleared.
    optimizer.zero_grad()
    loss.backward()

    # The optimizer updates every parameter it was given.
    optimizer.step()

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
# At first the loss falls more slowly than with plain gradient
# descent, whose very first steps move :math:`d` a long way at once;
# RMSprop moves each parameter only about :math:`10^{-3}` per step.
# But it does not stall: it comes close to the best value a cubic can
# reach, about 8.82, well within the 2000 iterations.
#
# With a fixed learning rate the steps never shrink to zero, so near
# the end the loss wobbles slightly above that value instead of
# settling on it.

# sphinx_gallery_thumbnail_number = 1
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
# The fitted curve is drawn by calling the model under
# ``torch.no_grad()``, as in the previous example.

with torch.no_grad():
    y_fit = model(features)

fig, ax = plt.subplots()
ax.plot(x.cpu(), y.cpu(), label="sin(x)")
ax.plot(x.cpu(), y_fit.cpu(), linestyle="--", label="fitted cubic")
ax.set_xlabel("x")
ax.legend()
ax.set_title("Fitted cubic against sin(x)")
plt.show()
