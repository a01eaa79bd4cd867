"""
Tiny: a constant by gradient descent
====================================

We fit one number by gradient descent.
"""

# %%
# Training
# --------
#
# Three steps are enough.

import matplotlib.pyplot as plt


def step(w):
    """Move ``w`` halfway to the target."""
    return w - 0.5 * 2 * (w - 1.0)


losses = []
w = 0.0
for t in range(3):
    # Step towards the target.
    loss = (w - 1.0) ** 2
    losses.append(loss)
    print(t, loss)
    w = step(w)
print(f"Result: y = {w}")

# %%
# The loss
# --------
#
# The figure shows the loss.

fig, ax = plt.subplots()
ax.plot(losses)
ax.set_title("Training loss")
plt.show()
