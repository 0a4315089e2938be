"""Where quotations open and close, across sentences and paragraphs.

Double quotation marks only: single curly quotes double as apostrophes. A quotation left open
at the end of a paragraph continues when the next paragraph opens with a quotation mark (the
print convention for a quote running over several paragraphs), or when the next paragraph's first
quotation mark closes it (a quote broken by a line break in copied web text); otherwise it is
closed there.
"""

from dataclasses import dataclass

from quizzes.segmentation import paragraphs

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
QUOTE_MARKS = OPENING + CLOSING + STRAIGHT


@dataclass(frozen=True)
class Quotation:
    """``text[start:end]`` is one quotation, marks included; it may span paragraphs."""

    start: int
    end: int


SINGLE_OPENING = "'‘"
SINGLE_CLOSING = "'’"


def quotations(text: str) -> list[Quotation]:
    """Every quotation of ``text`` in order. A text with no double quotation mark at all quotes with
    single marks (the British tabloid and house style): then single marks are read, within a paragraph."""
    if not any(mark in text for mark in QUOTE_MARKS):
        return _single_quotations(text)
    found: list[Quotation] = []
    open_at: int | None = None
    for line_start, line_end in paragraphs(text):
        if open_at is not None and text[line_start] not in (OPENING, STRAIGHT) and not _closes_first(text, line_start, line_end):
            found.append(Quotation(open_at, _last_non_space(text, open_at, line_start)))
            open_at = None
        for index in range(line_start, line_end):
            char = text[index]
            if char not in QUOTE_MARKS:
                continue
            if open_at is None and char != CLOSING:
                open_at = index
            elif open_at is not None and char != OPENING and index > open_at and not _reopens(text, index, line_start):
                found.append(Quotation(open_at, index + 1))
                open_at = None
    if open_at is not None:
        found.append(Quotation(open_at, _last_non_space(text, open_at, len(text))))
    return found


def _single_quotations(text: str) -> list[Quotation]:
    """Quotations in single marks. A mark opens only at the start of a paragraph or after a space,
    colon or bracket, before a capital letter or digit ("told us: 'It was …"); it closes only right after
    punctuation that ends a clause, before a space, comma or the end of the paragraph ("… brush.'", "…
    can,' she said"). Apostrophes ("it's", "the farmers' union") and scare quotes ('for years') never
    match both tests, so they are left alone. A quotation still open at the end of its paragraph ends there."""
    found: list[Quotation] = []
    for line_start, line_end in paragraphs(text):
        open_at: int | None = None
        for index in range(line_start, line_end):
            char = text[index]
            if char not in SINGLE_OPENING and char not in SINGLE_CLOSING:
                continue
            before = text[index - 1] if index > line_start else " "
            after = text[index + 1] if index + 1 < line_end else " "
            if open_at is None:
                if char in SINGLE_OPENING and before in " \t:(—–-" and (after.isupper() or after.isdigit()):
                    open_at = index
            elif char in SINGLE_CLOSING and before in ".,!?…" and (after.isspace() or after in ",;)"):
                found.append(Quotation(open_at, index + 1))
                open_at = None
        if open_at is not None:
            found.append(Quotation(open_at, _last_non_space(text, open_at, line_end)))
    return found


def _closes_first(text: str, line_start: int, line_end: int) -> bool:
    """The first quotation mark of the line closes a quotation (a curly closing mark, or a straight
    one right after punctuation at the end of a sentence or before ", she said"): a quotation broken
    by a line break in copied web text, not a new one."""
    for index in range(line_start, line_end):
        char = text[index]
        if char == OPENING:
            return False
        if char == CLOSING:
            return True
        if char == STRAIGHT:
            after = text[index + 1:index + 2]
            return index > line_start and text[index - 1] in ".,!?…" and (after == "" or after.isspace() or after in ",;")
    return False


def _reopens(text: str, index: int, line_start: int) -> bool:
    """A straight mark opening a paragraph continues the open quotation rather than closing it."""
    return index == line_start and text[index] == STRAIGHT


def _last_non_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def quoted_mask(text: str, spans: list[Quotation]) -> bytearray:
    """1 for every character inside a quotation (marks excluded), else 0."""
    mask = bytearray(len(text))
    for span in spans:
        mask[span.start + 1:span.end - 1] = b"\x01" * max(0, span.end - span.start - 2)
    return mask


def masked(text: str, mask: bytearray, start: int, end: int) -> str:
    """``text[start:end]`` with quoted words blanked out, so only the writer's words match patterns."""
    return "".join("·" if mask[i] and not text[i].isspace() else text[i] for i in range(start, end))
