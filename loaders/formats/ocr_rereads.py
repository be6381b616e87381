"""Second readings of a scanned page, where Tesseract's page pass is known to slip: a figure alone
in a table cell or a column (`0`, `2`) dropped as noise, or read as a letter (`1` as `l`, `L`,
`Hi`); and the lean of its lines, measured from the words it read, when the ink's profile missed it."""
from __future__ import annotations

import numpy as np
from PIL import Image

from loaders.formats.scan_pixels import ink_threshold, patches
from loaders.formats.tesseract import MIN_CONFIDENCE, words_in


def line_lean(words: list[dict]) -> float:
    """Degrees (counter-clockwise) to turn the page so that Tesseract's lines of text run level: the
    median slope of the middles of its words, over its lines of three words or more that span 100
    points or more; 0 with fewer than eight such lines (a page of narrow table cells says too little)."""
    lines: dict[tuple, list[dict]] = {}
    for word in words:
        lines.setdefault(word.get("line"), []).append(word)
    slopes = []
    for key, members in lines.items():
        if key is None or len(members) < 3 or members[-1]["x1"] - members[0]["x0"] < 100:
            continue
        xs = np.array([(w["x0"] + w["x1"]) / 2 for w in members])
        ys = np.array([(w["top"] + w["bottom"]) / 2 for w in members])
        slopes.append(np.polyfit(xs, ys, 1)[0])
    if len(slopes) < 8:
        return 0.0
    return float(np.degrees(np.arctan(np.median(slopes))))


def missed_ink(pixels: np.ndarray, ink: np.ndarray, words: list[dict], dpi: int) -> list[dict]:
    """Words Tesseract's page pass left out: a figure alone in a column (`0`, `2`) is taken for
    noise. The ink outside every word box is grouped into patches (6-pixel tiles, touching or one
    tile apart), the patches stacked into one image and read in one more pass, each word put back
    where its patch came from."""
    scale = dpi / 72
    left = ink.copy()
    for w in words:
        left[max(int(w["top"] * scale) - 3, 0):int(w["bottom"] * scale) + 4,
             max(int(w["x0"] * scale) - 3, 0):int(w["x1"] * scale) + 4] = False
    tile = 6
    rows, cols = left.shape[0] // tile, left.shape[1] // tile
    on = left[:rows * tile, :cols * tile].reshape(rows, tile, cols, tile).sum(axis=(1, 3)) >= 4
    found_patches = [(top * tile, x0 * tile, (bottom + 1) * tile, (x1 + 1) * tile) for top, x0, bottom, x1 in patches(on)
                     if (bottom - top + 1) * tile >= 0.08 * dpi and (x1 - x0 + 1) * tile <= 2 * dpi]
    if not found_patches:
        return []
    gap = 30
    width = max(x1 - x0 for _, x0, _, x1 in found_patches) + 2 * gap
    height = sum(bottom - top + gap for top, _, bottom, _ in found_patches) + gap
    sheet = Image.new("L", (width, height), 255)
    placed, y = [], gap
    for top, x0, bottom, x1 in found_patches:
        sheet.paste(Image.fromarray(pixels[top:bottom, x0:x1]), (gap, y))
        placed.append((y, y + bottom - top, top - y, x0 - gap))
        y += bottom - top + gap
    found = []
    for word in words_in(sheet, dpi, block=True):
        middle = (word["top"] + word["bottom"]) / 2 * scale
        for start, end, shift_y, shift_x in placed:
            if start - gap / 2 <= middle <= end + gap / 2:
                if len(word["text"]) <= 2 and not any(c.isdigit() for c in word["text"]):
                    word = as_figure(sheet, word, dpi)  # a mark alone on its patch: `1` read as `l`, `L`, `Hi`
                found.append({**word, "x0": word["x0"] + shift_x / scale, "x1": word["x1"] + shift_x / scale,
                              "top": word["top"] + shift_y / scale, "bottom": word["bottom"] + shift_y / scale})
                break
    return found


def lone_mark(word: dict, words: list[dict]) -> bool:
    """A short doubtful mark with no word beside it on its line: most likely a figure misread (`1` as `L`)."""
    if len(word["text"]) > 2 or word["conf"] >= MIN_CONFIDENCE or any(c.isdigit() for c in word["text"]):
        return False
    return not any(other is not word and abs(other["top"] - word["top"]) < 6 and
                   min(abs(other["x0"] - word["x1"]), abs(word["x0"] - other["x1"])) < 30 for other in words)


def as_figure(sheet: Image.Image, word: dict, dpi: int) -> dict:
    """A short mark alone on its patch read again as a figure (digits only); kept as read if it is
    none. Either way it is listed as uncertain (confidence below `MIN_CONFIDENCE`)."""
    scale = dpi / 72
    box = (max(int(word["x0"] * scale) - 20, 0), max(int(word["top"] * scale) - 20, 0),
           int(word["x1"] * scale) + 20, int(word["bottom"] * scale) + 20)
    digits = words_in(sheet.crop(box), dpi, block=True, digits=True)
    text = "".join(w["text"] for w in digits) or word["text"]
    return {**word, "text": text, "conf": min(word["conf"], MIN_CONFIDENCE - 1)}


def cells_read_again(pixels: np.ndarray, tables: list, words: list[dict], dpi: int) -> list[dict]:
    """The page's words, with short table cells read again on their own: Tesseract's page layout
    analysis drops a figure alone in a cell (`0`, `2`) as noise, or misreads it (`1` as `at`). A
    cell that holds ink but no word, or only a short doubtful one, is read as a block of its own;
    the surer reading is kept."""
    found, dropped = [], []
    scale = dpi / 72
    threshold = ink_threshold(pixels)
    for table in tables:
        for x0, top, x1, bottom in table.cells:
            inside = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
            if inside and (len("".join(w["text"] for w in inside)) > 4 or min(w["conf"] for w in inside) >= MIN_CONFIDENCE):
                continue
            box = (int(x0 * scale) + 3, int(top * scale) + 3, int(x1 * scale) - 3, int(bottom * scale) - 3)
            ys, xs = np.nonzero(pixels[box[1]:box[3], box[0]:box[2]] < threshold)
            if len(ys) < 12:
                continue
            left, upper = box[0] + xs.min(), box[1] + ys.min()  # the ink alone, with a white margin
            framed = Image.new("L", (int(xs.max() - xs.min()) + 41, int(ys.max() - ys.min()) + 41), 255)
            framed.paste(Image.fromarray(pixels[upper:box[1] + ys.max() + 1, left:box[0] + xs.max() + 1]), (20, 20))
            shift_x, shift_y = (left - 20) / scale, (upper - 20) / scale
            again = words_in(framed, dpi, block=True)
            if inside and (not again or np.mean([w["conf"] for w in again]) <= np.mean([w["conf"] for w in inside])):
                continue  # the page's reading of a short, doubtful cell stands unless this one is surer
            dropped.extend(id(w) for w in inside)
            found += [{**word, "x0": word["x0"] + shift_x, "x1": word["x1"] + shift_x, "top": word["top"] + shift_y,
                       "bottom": word["bottom"] + shift_y} for word in again]
    dropped_ids = set(dropped)
    return [w for w in words if id(w) not in dropped_ids] + found
