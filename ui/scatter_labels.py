"""Where each text label of a small labelled scatter goes (the Delivery page's delivery-vs-time chart):
beside its marker, inside the plot, on no other label or marker where there is room."""
from __future__ import annotations

CHAR_PX = 6.6  # the width of an average character of a 12 px label
LINE_PX = 15  # a label's height
LABEL_PLACES = ("top center", "bottom center", "middle right", "middle left", "top right", "top left",
                "bottom right", "bottom left")  # plotly's textposition values, in the order tried


def label_positions(xs, ys, texts, sizes, x_range: tuple[float, float], y_range: tuple[float, float],
                    width_px: float = 1150, height_px: float = 360) -> list[str]:
    """A plotly `textposition` per point of a small labelled scatter: the first of above, below, right,
    left and the corners whose label stays inside the plot and covers no label placed before and no
    other marker; when none is free, the one covering least. Larger markers (larger budgets) choose
    first. Sizes are marker diameters in pixels; the plot's size in pixels is an estimate."""
    def to_px(x, y):
        return ((x - x_range[0]) / (x_range[1] - x_range[0]) * width_px,
                (y - y_range[0]) / (y_range[1] - y_range[0]) * height_px)

    points = [(*to_px(x, y), size / 2) for x, y, size in zip(xs, ys, sizes, strict=True)]
    placed: list[tuple[float, float, float, float]] = []
    chosen: dict[int, str] = {}
    for i in sorted(range(len(points)), key=lambda k: -points[k][2]):
        cx, cy, r = points[i]
        width = max(1, len(texts[i] or "")) * CHAR_PX
        costs = {}
        for place in LABEL_PLACES:
            box = _label_box(cx, cy, r, width, place)
            outside = max(0, -box[0]) + max(0, box[2] - width_px) + max(0, -box[1]) + max(0, box[3] - height_px)
            costs[place] = LINE_PX * 4 * outside + sum(_overlap(box, other) for other in placed) + sum(
                _overlap(box, (px - pr, py - pr, px + pr, py + pr)) for j, (px, py, pr) in enumerate(points) if j != i)
            if costs[place] == 0:
                break
        chosen[i] = min(costs, key=costs.get)  # the first free place, else the least covering
        placed.append(_label_box(cx, cy, r, width, chosen[i]))
    return [chosen[i] for i in range(len(points))]


def _label_box(cx: float, cy: float, r: float, width: float, place: str) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in pixels, y upwards, of a label at `place` beside a marker."""
    vertical, horizontal = place.split(" ")
    gap = r + 2
    corner = 0.7 if vertical != "middle" and horizontal != "center" else 1
    left = {"center": cx - width / 2, "right": cx + gap * corner, "left": cx - width - gap * corner}[horizontal]
    bottom = {"top": cy + gap * corner, "middle": cy - LINE_PX / 2, "bottom": cy - LINE_PX - gap * corner}[vertical]
    return (left, bottom, left + width, bottom + LINE_PX)


def _overlap(a, b) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
