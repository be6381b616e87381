"""The Delivery page's labelled scatter (issue 24: labels overlapped and were cut at 100 % time):
each label is placed beside its marker, inside the plot, on no other label where there is room."""
from __future__ import annotations

import itertools

from ui.scatter_labels import CHAR_PX, _label_box, _overlap, label_positions

X_RANGE, Y_RANGE, WIDTH, HEIGHT = (0.0, 1.05), (-0.02, 1.05), 1150, 360


def _boxes(xs, ys, texts, sizes):
    places = label_positions(xs, ys, texts, sizes, X_RANGE, Y_RANGE, WIDTH, HEIGHT)
    boxes = []
    for x, y, text, size, place in zip(xs, ys, texts, sizes, places, strict=True):
        cx = (x - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0]) * WIDTH
        cy = (y - Y_RANGE[0]) / (Y_RANGE[1] - Y_RANGE[0]) * HEIGHT
        boxes.append(_label_box(cx, cy, size / 2, len(text) * CHAR_PX, place))
    return places, boxes


def test_labels_at_the_edges_stay_inside_the_plot():
    xs, ys = [1.0, 1.0, 0.0, 0.0], [1.0, 0.0, 1.0, 0.0]  # a project at 100 % time, one at 0 %
    texts = ["Appui au cadre politique de gestion", "Jeunes et paix", "Peers for Peace", "Traité CAF"]
    places, boxes = _boxes(xs, ys, texts, [20] * 4)
    assert places[0].endswith("left") and places[2].endswith(("right", "center"))
    assert all(b[0] >= 0 and b[2] <= WIDTH and b[1] >= 0 and b[3] <= HEIGHT for b in boxes)


def test_labels_of_neighbours_do_not_cover_each_other():
    xs = [0.40, 0.42, 0.44, 0.41, 0.60, 0.62]
    ys = [0.30, 0.31, 0.29, 0.33, 0.70, 0.70]
    texts = ["Dialogue communautaire", "Femmes médiatrices", "Jeunes leaders", "Justice transitionnelle",
             "Réintégration", "Cohésion sociale"]
    _, boxes = _boxes(xs, ys, texts, [24, 18, 30, 14, 20, 20])
    assert [(a, b) for a, b in itertools.combinations(range(len(boxes)), 2) if _overlap(boxes[a], boxes[b]) > 0] == []


def test_a_crowd_too_dense_for_room_still_gets_a_place_each():
    places, _ = _boxes([0.5] * 12, [0.5] * 12, [f"Project {k}" for k in range(12)], [16] * 12)
    assert len(places) == 12 and len(set(places)) == 8  # every place tried; the rest overlap least
