"""Accessible SVG charts as strings, drawn on the server from plain data (no Flask, no dependencies).

Every chart is ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that states the data in
words; every piece of text is escaped with :func:`html.escape`. Colour is never the only signal:
the heat map prints its numbers, the lines carry their names and distinct markers.
"""

import hashlib
from html import escape
from typing import Mapping, Sequence

#: Sequential, colour-blind-safe (viridis), light to dark.
SEQUENTIAL = ("#fde725", "#a0da39", "#4ac16d", "#1fa187", "#277f8e", "#365c8d", "#46327e", "#440154")
#: Okabe-Ito qualitative colours, safe for the common colour-vision deficiencies.
CATEGORICAL = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
MARKERS = ("circle", "square", "diamond", "triangle", "cross", "bar")
INK = "#222"


def _text(x: float, y: float, content: object, anchor: str = "middle", extra: str = "", size: int = 12) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-family="sans-serif" '
            f'font-size="{size}" {extra}>{escape(str(content))}</text>')


def _svg(width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    uid = "chart-" + hashlib.sha1(f"{title}\n{desc}".encode()).hexdigest()[:10]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{uid}-title {uid}-desc">'
        f'<title id="{uid}-title">{escape(title)}</title><desc id="{uid}-desc">{escape(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _axes(left: float, top: float, width: float, height: float, x_label: str, y_label: str) -> list[str]:
    bottom = top + height
    return [
        f'<line x1="{left}" y1="{bottom}" x2="{left + width}" y2="{bottom}" stroke="{INK}"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="{INK}"/>',
        _text(left + width / 2, bottom + 34, x_label),
        _text(14, top + height / 2, y_label, extra=f'transform="rotate(-90 14 {top + height / 2:.1f})"'),
    ]


def score_histogram(scores: Sequence[float], max_score: float, bins: int = 10, title: str = "Score distribution") -> str:
    """Bars of how many attempts scored in each of ``bins`` equal ranges from 0 to ``max_score``."""
    counts = [0] * bins
    for score in scores:
        counts[min(max(int(score / max_score * bins), 0), bins - 1) if max_score else 0] += 1
    edges = [max_score * i / bins for i in range(bins + 1)]
    ranges = [f"{edges[i]:g}–{edges[i + 1]:g}" for i in range(bins)]
    desc = f"{len(scores)} attempts. " + "; ".join(f"{r}: {c}" for r, c in zip(ranges, counts)) + "."
    left, top, width, height = 50, 20, 560, 220
    tallest = max(counts + [1])
    bar = width / bins
    body = _axes(left, top, width, height, "Score", "Attempts")
    for i, (label, count) in enumerate(zip(ranges, counts)):
        h = height * count / tallest
        x = left + i * bar
        body += [
            f'<rect x="{x + 2:.1f}" y="{top + height - h:.1f}" width="{bar - 4:.1f}" height="{h:.1f}" fill="{CATEGORICAL[0]}"/>',
            _text(x + bar / 2, top + height - h - 4, count),
            _text(x + bar / 2, top + height + 16, label, size=10),
        ]
    return _svg(640, 300, title, desc, body)


def facility_discrimination_scatter(
    points: Sequence[tuple[str, float | None, float | None]], title: str = "Facility and discrimination by question"
) -> str:
    """Questions as (name, facility 0-1, discrimination index -100..100); points without values are listed in the desc."""
    shown = [(n, f, d) for n, f, d in points if f is not None and d is not None]
    missing = [n for n, f, d in points if f is None or d is None]
    desc = "; ".join(f"{n}: facility {f:.0%}, discrimination {d:.0f}%" for n, f, d in shown) or "No question has both values"
    desc += f". Not enough data for: {', '.join(missing)}." if missing else "."
    left, top, width, height = 60, 20, 540, 260

    def y_of(index: float) -> float:
        return top + height * (100 - max(-100.0, min(100.0, index))) / 200

    body = _axes(left, top, width, height, "Facility (share of marks earned)", "Discrimination index (%)")
    body += [
        f'<line x1="{left}" y1="{y_of(0):.1f}" x2="{left + width}" y2="{y_of(0):.1f}" stroke="{INK}" stroke-dasharray="4 3"/>',
        _text(left - 6, y_of(100) + 4, "100", "end"), _text(left - 6, y_of(0) + 4, "0", "end"),
        _text(left - 6, y_of(-100) + 4, "-100", "end"),
        _text(left, top + height + 16, "0%"), _text(left + width, top + height + 16, "100%"),
    ]
    for name, facility, index in shown:
        x, y = left + width * facility, y_of(index)
        negative = index < 0
        body += [
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{CATEGORICAL[1] if negative else CATEGORICAL[0]}"/>',
            _text(x + 8, y + 4, name + (" (negative)" if negative else ""), "start"),
        ]
    return _svg(720, 330, title, desc, body)


def _cell_colour(count: int, highest: int) -> tuple[str, str]:
    """Fill and a text colour that stays readable on it."""
    step = round((len(SEQUENTIAL) - 1) * count / highest) if highest else 0
    return SEQUENTIAL[step], "#fff" if step >= len(SEQUENTIAL) // 2 else INK


def confusion_heatmap(matrix: Sequence[Sequence[int]], labels: Sequence[str], title: str = "Label confusion") -> str:
    """Rows are true labels, columns given labels (label names); each cell prints its count."""
    cells = [(t, g, matrix[i][j]) for i, t in enumerate(labels) for j, g in enumerate(labels)]
    confusions = [f"{t} read as {g}: {c}" for t, g, c in cells if t != g and c]
    desc = (f"Rows: true label; columns: label given. Correct readings: "
            + ", ".join(f"{labels[i]} {matrix[i][i]}" for i in range(len(labels)))
            + ". Confusions: " + ("; ".join(confusions) or "none") + ".")
    left, top, size = 150, 110, 60
    highest = max((c for _, _, c in cells), default=0)
    body = [_text(left + size * len(labels) / 2, 16, "Label given"),
            _text(16, top + size * len(labels) / 2, "True label",
                  extra=f'transform="rotate(-90 16 {top + size * len(labels) / 2:.1f})"')]
    for j, name in enumerate(labels):
        x = left + j * size + size / 2
        body.append(_text(x, top - 8, name, "start", f'transform="rotate(-45 {x:.1f} {top - 8})"'))
    for i, name in enumerate(labels):
        body.append(_text(left - 8, top + i * size + size / 2 + 4, name, "end"))
        for j in range(len(labels)):
            fill, ink = _cell_colour(matrix[i][j], highest)
            x, y = left + j * size, top + i * size
            body += [
                f'<rect x="{x}" y="{y}" width="{size}" height="{size}" fill="{fill}" stroke="#fff"/>',
                _text(x + size / 2, y + size / 2 + 4, matrix[i][j], extra=f'fill="{ink}" font-weight="bold"'),
            ]
    side = left + size * len(labels) + 20
    return _svg(side, top + size * len(labels) + 20, title, desc, body)


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    shapes = {
        "circle": f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4"',
        "square": f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8"',
        "diamond": f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"',
        "triangle": f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}"',
        "cross": f'<path d="M{x - 4:.1f},{y - 4:.1f}L{x + 4:.1f},{y + 4:.1f}M{x - 4:.1f},{y + 4:.1f}L{x + 4:.1f},{y - 4:.1f}" stroke-width="2"',
        "bar": f'<rect x="{x - 5:.1f}" y="{y - 2:.1f}" width="10" height="4"',
    }
    return f'{shapes[kind]} fill="{colour}" stroke="{colour}"/>'


def mastery_lines(
    periods: Sequence[str], series: Mapping[str, Sequence[float | None]], title: str = "Mastery over time"
) -> str:
    """One line per label name: its share correct (0-1, ``None`` if untested) in each of ``periods``."""
    desc = " ".join(
        f"{name}: " + ", ".join(f"{p} {'not tested' if v is None else f'{v:.0%}'}" for p, v in zip(periods, values)) + "."
        for name, values in series.items()
    ) or "No data."
    left, top, width, height = 60, 20, 460, 220
    step = width / max(len(periods) - 1, 1)

    def y_of(share: float) -> float:
        return top + height * (1 - share)

    body = _axes(left, top, width, height, "Period", "Share correct")
    body += [_text(left - 6, y_of(1) + 4, "100%", "end"), _text(left - 6, y_of(0) + 4, "0%", "end")]
    body += [_text(left + i * step, top + height + 16, p, size=10) for i, p in enumerate(periods)]
    for k, (name, values) in enumerate(series.items()):
        colour, marker = CATEGORICAL[k % len(CATEGORICAL)], MARKERS[k % len(MARKERS)]
        points = [(left + i * step, y_of(v)) for i, v in enumerate(values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        body += [_marker(marker, x, y, colour) for x, y in points]
        legend_y = top + 8 + 20 * k
        body += [_marker(marker, left + width + 24, legend_y, colour), _text(left + width + 36, legend_y + 4, name, "start")]
    return _svg(680, 290, title, desc, body)
