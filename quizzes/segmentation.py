"""Split an article into paragraphs and sentences ("passages") with stable character offsets.

Offsets are Python ``str`` indices into the text exactly as given: nothing is stripped or
normalised first. A paragraph is a line that is not blank; a sentence ends
after ``.``, ``?`` or ``!`` (and any closing quotes or brackets) when white space and then a
capital or an opening quote follow, unless the full stop ends a known abbreviation or
an initial ("Mr.", "Sen.", "George W."). Passages never start or end with white space, including
non-breaking spaces.
"""

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.?!…]+[”’\"')\]]*(?=\s+[“‘\"'(\[A-ZÀ-ÖØ-Þ])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc co corp ltd vs etc no fig approx dept univ"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")
_INITIALS = re.compile(r"(?:\b[A-Z]\.)+$")


@dataclass(frozen=True)
class Passage:
    """One sentence of an article: ``text[start:end]``, in paragraph ``paragraph`` (0-based)."""

    index: int
    start: int
    end: int
    paragraph: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, stop_end: int) -> bool:
    """Whether the full stop just before ``stop_end`` closes an abbreviation or an initial."""
    head = text[max(0, stop_end - 12):stop_end]
    if _INITIALS.search(head):
        return True
    word = _WORD_BEFORE.search(head)
    return bool(word) and word.group(1).lower() in _ABBREVIATIONS


def _sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group().startswith(".") and len(match.group()) == 1 and _is_abbreviation(text, match.end()):
            continue
        bounds.append((cursor, match.end()))
        cursor = match.end()
    bounds.append((cursor, end))
    return bounds


def segment(text: str) -> list[Passage]:
    """The passages of ``text`` in reading order."""
    passages: list[Passage] = []
    for paragraph, (line_start, line_end) in enumerate(paragraphs(text)):
        for start, end in _sentence_bounds(text, line_start, line_end):
            start, end = _trimmed(text, start, end)
            if start < end:
                passages.append(Passage(len(passages), start, end, paragraph))
    return passages


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that is not blank, trimmed of white space."""
    return [_trimmed(text, m.start(), m.end()) for m in _LINE.finditer(text) if not m.group().isspace()]
