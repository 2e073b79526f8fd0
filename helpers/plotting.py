"""One figure style for the course, the drawing primitives of its diagrams (:func:`box`,
:func:`arrow`) and the unrolled-RNN diagram the first notebooks draw.

Colours follow the usual convention for RNN diagrams: inputs red, recurrent state green,
outputs blue.
"""

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

INPUT_COLOR = "#e4572e"
STATE_COLOR = "#4c9f70"
OUTPUT_COLOR = "#3a6ea5"
PALETTE = [OUTPUT_COLOR, INPUT_COLOR, STATE_COLOR, "#f3a712", "#7d5ba6", "#555555"]

COURSE_STYLE = {
    "figure.figsize": (7.0, 3.5),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.autolayout": True,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "legend.frameon": False,
    "image.cmap": "viridis",
}


def use_course_style():
    """Apply the course's figure style to every later figure."""
    mpl.rcParams.update(COURSE_STYLE)


def box(ax, x, y, text, color, width=1.0, height=0.6, fontsize=11):
    """A rounded box centred at (x, y) with white bold text: a cell, a layer, a state."""
    patch = FancyBboxPatch(
        (x - width / 2, y - height / 2),
        width,
        height,
        boxstyle="round,pad=0.05",
        facecolor=color,
        edgecolor="black",
        linewidth=1.0,
        alpha=0.9,
        gid="rnn-box",
    )
    ax.add_patch(patch)
    ax.text(
        x, y, text, ha="center", va="center", color="white", fontsize=fontsize, fontweight="bold"
    )
    return patch


def arrow(ax, start, end, color="black", **kwargs):
    """An arrow from ``start`` to ``end`` (data coordinates); kwargs go to FancyArrowPatch."""
    patch = FancyArrowPatch(
        start, end, arrowstyle="-|>", mutation_scale=12, linewidth=1.2, color=color, **kwargs
    )
    ax.add_patch(patch)
    return patch


def _mask(name, mask, n_steps):
    if mask is None:
        return [True] * n_steps
    mask = [bool(m) for m in mask]
    if len(mask) != n_steps:
        raise ValueError(
            f"{name} has {len(mask)} entries, expected one per step (n_steps={n_steps})"
        )
    return mask


def draw_unrolled_rnn(
    n_steps=4,
    *,
    inputs=None,
    outputs=None,
    cell_labels=None,
    rolled=False,
    show_weights=False,
    title=None,
    ax=None,
):
    """Draw a recurrent layer unrolled through time and return the Axes.

    ``inputs`` and ``outputs`` are one flag per step saying whether an input arrives or an
    output leaves at that step (default: every step), which is enough to draw every
    configuration of the course. ``cell_labels`` names each step's cell (for example
    "enc" and "dec"). With ``rolled=True`` the rolled-up cell with its loop is drawn first,
    then "=" and the unrolled chain. With ``show_weights=True`` every input arrow is labelled
    Wx and every arrow from one step to the next Wy: the same matrices at every step.
    """
    if not isinstance(n_steps, int) or isinstance(n_steps, bool) or not 1 <= n_steps <= 12:
        raise ValueError(f"n_steps must be an integer from 1 to 12, got {n_steps!r}")
    inputs = _mask("inputs", inputs, n_steps)
    outputs = _mask("outputs", outputs, n_steps)
    if cell_labels is None:
        cell_labels = ["cell"] * n_steps
    if len(cell_labels) != n_steps:
        raise ValueError(f"cell_labels has {len(cell_labels)} entries, expected {n_steps}")
    if ax is None:
        width = 1.6 * n_steps + (3.0 if rolled else 0.5)
        _, ax = plt.subplots(figsize=(min(width, 12), 3.2))

    offset = 0.0
    if rolled:
        box(ax, 0, 0, "cell", STATE_COLOR)
        arrow(ax, (0, -1.1), (0, -0.35))
        arrow(ax, (0, 0.35), (0, 1.1))
        ax.text(0, -1.35, r"$\mathbf{x}_{(t)}$", ha="center", va="top", color=INPUT_COLOR)
        ax.text(0, 1.35, r"$\mathbf{y}_{(t)}$", ha="center", va="bottom", color=OUTPUT_COLOR)
        # The loop: the output fed back as the next step's extra input.
        arrow(
            ax,
            (0.0, 0.8),
            (0.55, 0.0),
            connectionstyle="arc,angleA=0,angleB=0,armA=45,armB=25,rad=6",
        )
        ax.text(1.6, 0, "=", ha="center", va="center", fontsize=20)
        offset = 3.0

    for t in range(n_steps):
        x = offset + 1.6 * t
        box(ax, x, 0, cell_labels[t], STATE_COLOR)
        if inputs[t]:
            arrow(ax, (x, -1.1), (x, -0.35))
            ax.text(
                x, -1.35, rf"$\mathbf{{x}}_{{({t})}}$", ha="center", va="top", color=INPUT_COLOR
            )
            if show_weights:
                ax.text(x + 0.1, -0.75, r"$\mathbf{W}_x$", ha="left", va="center", fontsize=9)
        if outputs[t]:
            arrow(ax, (x, 0.35), (x, 1.1))
            ax.text(
                x, 1.35, rf"$\mathbf{{y}}_{{({t})}}$", ha="center", va="bottom", color=OUTPUT_COLOR
            )
        if t > 0:
            arrow(ax, (x - 1.05, 0), (x - 0.55, 0))
            if show_weights:
                ax.text(x - 0.8, 0.12, r"$\mathbf{W}_y$", ha="center", va="bottom", fontsize=9)
    ax.set_xlim(-1.0 if rolled else offset - 1.0, offset + 1.6 * (n_steps - 1) + 1.0)
    ax.set_ylim(-2.0, 2.0)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax
