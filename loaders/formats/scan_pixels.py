"""The pixels of a scanned page: how far it leans, which tone is ink, where its ruling lines run
(as pdfplumber edges, in points) and which inked patches lie outside every word. Pure numpy."""
from __future__ import annotations

import numpy as np

MIN_RULE = 0.2  # inches: a straight run of ink at least this long is a ruling line, not a letter
MAX_SKEW = 3.0  # degrees a scan may lean and still be straightened


def skew_angle(pixels: np.ndarray) -> float:
    """Degrees to turn the page (counter-clockwise) so its lines of text run level: the angle at
    which the ink's row profile changes most sharply from row to row (lines and the gaps between
    them stand apart best), searched every 0.1° then every 0.02°."""
    small = pixels[::2, ::2]
    ys, xs = np.nonzero(small < ink_threshold(small))
    if len(ys) < 200:
        return 0.0
    if len(ys) > 150_000:
        pick = np.random.default_rng(0).choice(len(ys), 150_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys, xs = ys.astype(float), xs.astype(float) - small.shape[1] / 2

    def sharpness(degrees: float) -> float:
        rows = ys + xs * np.tan(np.radians(degrees))
        counts = np.bincount(np.clip(rows - rows.min(), 0, None).astype(int)).astype(float)
        return float((np.diff(counts) ** 2).sum())

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.1), key=sharpness)
    best = max(np.arange(best - 0.1, best + 0.101, 0.02), key=sharpness)
    return -float(best) if abs(best) > 1e-9 else 0.0


def ink_threshold(pixels: np.ndarray) -> int:
    """Darker than the paper by a clear margin: the paper's tone is the page's brightest common tone."""
    paper = int(np.percentile(pixels, 90))
    return max(60, paper - 70)


def find_rules(ink: np.ndarray, dpi: int) -> tuple[list[dict], np.ndarray]:
    """Ruling lines as pdfplumber edges (points), and the pixels they cover."""
    shortest = int(MIN_RULE * dpi)
    edges: list[dict] = []
    covered = np.zeros_like(ink)
    scale = 72 / dpi
    for orientation, mask in (("h", ink), ("v", ink.T)):
        padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
        padded[:, 1:-1] = mask
        steps = np.diff(padded, axis=1)
        starts, ends = np.argwhere(steps == 1), np.argwhere(steps == -1)
        long = (ends[:, 1] - starts[:, 1]) >= shortest
        for (line, start), (_, end) in zip(starts[long], ends[long], strict=True):
            if orientation == "h":
                covered[max(line - 1, 0):line + 2, start:end] = True
                edges.append(_edge("h", start * scale, end * scale, line * scale))
            else:
                covered[start:end, max(line - 1, 0):line + 2] = True
                edges.append(_edge("v", line * scale, line * scale, start * scale, end * scale))
    return edges, covered  # a pixel either side too: the rule's grey fringe


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float | None = None) -> dict:
    bottom = top if bottom is None else bottom
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation, "object_type": "line"}


def patches(on: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (top, left, bottom, right; inclusive tiles) of groups of inked tiles that touch
    or stand one tile apart."""
    seen = np.zeros_like(on)
    boxes = []
    for start in zip(*np.nonzero(on), strict=True):
        if seen[start]:
            continue
        seen[start] = True
        stack, box = [start], [start[0], start[1], start[0], start[1]]
        while stack:
            r, c = stack.pop()
            box = [min(box[0], r), min(box[1], c), max(box[2], r), max(box[3], c)]
            for dr in (-1, 0, 1):
                for dc in (-2, -1, 0, 1, 2):
                    nr, nc = r + dr, c + dc
                    if 0 <= nr < on.shape[0] and 0 <= nc < on.shape[1] and on[nr, nc] and not seen[nr, nc]:
                        seen[nr, nc] = True
                        stack.append((nr, nc))
        boxes.append(tuple(int(v) for v in box))
    return boxes
