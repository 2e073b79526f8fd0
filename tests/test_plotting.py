import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from helpers import draw_unrolled_rnn, use_course_style  # noqa: E402
from helpers.plotting import COURSE_STYLE  # noqa: E402


def _cells(ax):
    return [p for p in ax.patches if p.get_gid() == "rnn-box"]


def _labels(ax):
    return [t.get_text() for t in ax.texts]


def test_course_style_is_applied():
    use_course_style()
    assert plt.rcParams["axes.spines.top"] is False
    assert tuple(plt.rcParams["figure.figsize"]) == COURSE_STYLE["figure.figsize"]


def test_unrolled_rnn_has_one_cell_per_step():
    ax = draw_unrolled_rnn(5)
    assert len(_cells(ax)) == 5
    labels = _labels(ax)
    assert labels.count("cell") == 5
    assert r"$\mathbf{x}_{(0)}$" in labels and r"$\mathbf{y}_{(4)}$" in labels
    plt.close("all")


def test_rolled_view_adds_the_rolled_cell():
    ax = draw_unrolled_rnn(3, rolled=True, title="unrolled")
    assert len(_cells(ax)) == 4
    assert "=" in _labels(ax)
    assert ax.get_title() == "unrolled"
    plt.close("all")


def test_masks_choose_where_inputs_and_outputs_are():
    ax = draw_unrolled_rnn(4, inputs=[1, 1, 1, 0], outputs=[0, 0, 0, 1])
    labels = _labels(ax)
    assert sum(label.startswith(r"$\mathbf{x}") for label in labels) == 3
    assert sum(label.startswith(r"$\mathbf{y}") for label in labels) == 1
    plt.close("all")


def test_weight_labels_mark_every_shared_matrix():
    labels = _labels(draw_unrolled_rnn(3, show_weights=True))
    assert labels.count(r"$\mathbf{W}_x$") == 3  # one per input
    assert labels.count(r"$\mathbf{W}_y$") == 2  # one per step-to-step arrow
    plt.close("all")


def test_draws_into_a_given_axes():
    fig, ax = plt.subplots()
    assert draw_unrolled_rnn(2, ax=ax) is ax
    plt.close(fig)


@pytest.mark.parametrize("n_steps", [0, 13, 2.5, True])
def test_rejects_bad_step_count(n_steps):
    with pytest.raises(ValueError, match="n_steps must be an integer from 1 to 12"):
        draw_unrolled_rnn(n_steps)


def test_rejects_mask_of_wrong_length():
    with pytest.raises(
        ValueError, match=r"outputs has 2 entries, expected one per step \(n_steps=3\)"
    ):
        draw_unrolled_rnn(3, outputs=[1, 0])


def test_rejects_labels_of_wrong_length():
    with pytest.raises(ValueError, match="cell_labels has 1 entries, expected 2"):
        draw_unrolled_rnn(2, cell_labels=["enc"])


def test_box_and_arrow_are_public_drawing_primitives():
    from helpers import arrow, box

    fig, ax = plt.subplots()
    patch = box(ax, 1, 2, "LSTM", "#123456", width=2.0, fontsize=9)
    assert patch.get_gid() == "rnn-box" and patch in ax.patches
    assert patch.get_width() == 2.0
    [label] = ax.texts
    assert label.get_text() == "LSTM" and label.get_fontsize() == 9
    assert label.get_position() == (1, 2)
    drawn = arrow(ax, (0, 0), (1, 1), color="red", linestyle="--")
    assert drawn in ax.patches and drawn.get_linestyle() == "--"
    plt.close(fig)
