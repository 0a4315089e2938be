"""Turn answers, articles and highlights into what templates print. Plain functions, no request."""

from itertools import groupby


from quizzes.questions.choice import options
from quizzes.segmentation import segment


def article_paragraphs(text: str) -> list[list[dict]]:
    """The article as paragraphs of passages: ``{"index", "start", "end", "text"}``."""
    passages = segment(text)
    return [
        [{"index": p.index, "start": p.start, "end": p.end, "text": text[p.start:p.end]} for p in group]
        for _, group in groupby(passages, key=lambda p: p.paragraph)
    ]


def pieces(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """Split ``text[start:end]`` into (text, mark kind or None); earlier marks win where marks overlap."""
    cuts: list[tuple[int, int, str]] = []
    for s, e, kind in sorted(marks):
        s, e = max(s, start, cuts[-1][1] if cuts else start), min(e, end)
        if s < e:
            cuts.append((s, e, kind))
    out, cursor = [], start
    for s, e, kind in cuts:
        if cursor < s:
            out.append((text[cursor:s], None))
        out.append((text[s:e], kind))
        cursor = e
    if cursor < end:
        out.append((text[cursor:end], None))
    return out


def describe_answer(question: dict, answer: dict | None, article_text: str) -> list[str]:
    """An answer in words: the chosen options' text, or the selected words and passages, quoted."""
    if not answer:
        return []
    if "spans" in answer:
        return [article_text[s:e] for s, e in answer["spans"]]
    names = {o["id"]: o["text"] for o in options(question)}
    chosen = answer.get("choices", [answer.get("choice")])
    return [names.get(c, c) for c in chosen]


def verdict(points: float, max_points: float) -> str:
    if points >= max_points:
        return "correct"
    return "partly correct" if points > 0 else "incorrect"


def is_answered(answer: dict | None) -> bool:
    return bool(answer) and any(answer.values())





def word_runs(text: str, start: int, end: int, units: list[tuple[int, int]]) -> list[dict]:
    """A passage as its markable words, each with the text between it and the previous one."""
    runs, cursor = [], start
    for s, e in units:
        runs.append({"gap": text[cursor:s], "value": f"{s}-{e}", "word": text[s:e]})
        cursor = e
    if runs:
        runs[-1]["tail"] = text[cursor:end]
    return runs


def format_points(value: float) -> str:
    """37.0 -> '37', 9.0667 -> '9.07'."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
