"""Which labels students confuse: a 6x6 matrix (true label x given label) with the passages behind it.

A *record* is one student's reading of one passage in one question::

    {"student_id", "question_id", "start", "end", "true_label", "given_label",
     "paragraph": 19, "excerpt": "But after eight years…"}   # the last two optional

``given_label`` is a label id, or ``None`` for a key passage the student did not find.
:func:`classify_records` and :func:`find_in_article_records` turn answers into records:

- classify: the passage's key is the true label, the student's choice the given label.
- find_in_article (asked label L): each selection points at the passage it overlaps most
  (the question's key spans win ties, then the labelled passages in order); a selection
  overlapping no passage is ignored. A pointed-at key span is (L, L); a pointed-at passage of
  another label T is (T, L), "the student read it as L"; a key span nobody pointed at is
  (L, None), "the student did not read it as L". Passages of other labels that the student
  rightly left alone are not recorded (they would swamp the matrix). This asks which passage
  the student meant, not whether the selection was tight enough to score: that is the grader's job.

Filter by passing only the records you want (a class, an assignment, one student).
"""

from dataclasses import dataclass
from typing import Any, Hashable, Iterable, Mapping, Sequence

from .labels import LABEL_IDS, label_name
from .segmentation import paragraphs

Record = Mapping[str, Any]
EXCERPT_WORDS = 6


@dataclass(frozen=True)
class PassageConfusion:
    """The students who gave ``given_label`` (None: missed) to one passage of one question."""

    question_id: Hashable
    start: int
    end: int
    true_label: str
    given_label: str | None
    students: tuple[Hashable, ...]
    of_students: int
    paragraph: int | None = None
    excerpt: str | None = None


@dataclass(frozen=True)
class Cell:
    true_label: str
    given_label: str | None
    count: int
    passages: tuple[PassageConfusion, ...]


@dataclass(frozen=True)
class ConfusionReport:
    labels: tuple[str, ...]
    cells: dict[tuple[str, str], Cell]
    missed: dict[str, Cell]
    top_confusions: tuple[PassageConfusion, ...]
    statements: tuple[str, ...]

    def matrix(self) -> list[list[int]]:
        """Counts of readings, rows the true label and columns the given label, in ``labels`` order."""
        return [[self.cells[true, given].count for given in self.labels] for true in self.labels]


def passage_ref(article_text: str, start: int, end: int) -> dict:
    """``paragraph`` (1-based, as a reader counts) and a short ``excerpt`` of ``article_text[start:end]``."""
    paragraph = sum(1 for p_start, _ in paragraphs(article_text) if p_start <= start)
    words = article_text[start:end].split()
    excerpt = " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")
    return {"paragraph": paragraph or None, "excerpt": excerpt}


def _record(student_id, question_id, span, true_label, given_label, article_text) -> dict:
    start, end = span
    return {"student_id": student_id, "question_id": question_id, "start": start, "end": end,
            "true_label": true_label, "given_label": given_label, **passage_ref(article_text, start, end)}


def classify_records(student_id, question_id, question: Mapping, answer: Mapping | None, article_text: str) -> list[dict]:
    """The one record of a classify answer (none if unanswered)."""
    if not answer:
        return []
    span = (question["start"], question["end"])
    return [_record(student_id, question_id, span, question["key"]["choice"], answer["choice"], article_text)]


def _overlap(a: Sequence[int], b: Sequence[int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def find_in_article_records(
    student_id, question_id, question: Mapping, answer: Mapping | None,
    labelled_passages: Sequence[Mapping], article_text: str,
) -> list[dict]:
    """Records of a find_in_article answer; ``labelled_passages`` are ``{start, end, label}`` of the article."""
    asked = question["label"]
    keys = [tuple(span) for span in question["key"]["spans"]]
    candidates = [(span, asked) for span in keys] + [((p["start"], p["end"]), p["label"]) for p in labelled_passages]
    pointed: dict[tuple[int, int], str] = {}
    for selection in (answer or {}).get("spans", []):
        span, label = max(candidates, key=lambda c: _overlap(selection, c[0]))
        if _overlap(selection, span):
            pointed.setdefault(span, label)
    records = [_record(student_id, question_id, span, label, asked, article_text) for span, label in pointed.items()]
    missed = [span for span in keys if span not in pointed]
    return records + [_record(student_id, question_id, span, asked, None, article_text) for span in missed]


def _check_label(label: str | None) -> None:
    if label is not None and label not in LABEL_IDS:
        raise ValueError(f"unknown label {label!r}")


def _passage_confusions(records: Iterable[Record]) -> list[PassageConfusion]:
    students_by_question: dict[Hashable, set] = {}
    readers: dict[tuple, dict] = {}
    for r in records:
        _check_label(r["true_label"])
        _check_label(r["given_label"])
        students_by_question.setdefault(r["question_id"], set()).add(r["student_id"])
        key = (r["question_id"], r["start"], r["end"], r["true_label"], r["given_label"])
        entry = readers.setdefault(key, {"students": {}, "paragraph": r.get("paragraph"), "excerpt": r.get("excerpt")})
        entry["students"][r["student_id"]] = None  # an ordered set
    return [
        PassageConfusion(question_id, start, end, true, given, tuple(entry["students"]),
                         len(students_by_question[question_id]), entry["paragraph"], entry["excerpt"])
        for (question_id, start, end, true, given), entry in readers.items()
    ]


def _cell(true: str, given: str | None, passages: list[PassageConfusion]) -> Cell:
    mine = tuple(p for p in passages if p.true_label == true and p.given_label == given)
    return Cell(true, given, sum(len(p.students) for p in mine), mine)


def _most_frequent(passages: Iterable[PassageConfusion], n: int) -> tuple[PassageConfusion, ...]:
    ranked = sorted(passages, key=lambda p: (-len(p.students), -len(p.students) / p.of_students, str(p.question_id), p.start))
    return tuple(ranked[:n])


def _name(label: str) -> str:
    return label_name(label).lower()


def _where(p: PassageConfusion) -> str:
    place = f"in paragraph {p.paragraph}" if p.paragraph else f"at characters {p.start}–{p.end}"
    return f"{place} (“{p.excerpt}”)" if p.excerpt else place


def describe(p: PassageConfusion) -> str:
    """One confusion in words: "12 of 25 students read the editorial framing in paragraph 19 (…) as sourced argument"."""
    students = "student" if p.of_students == 1 else "students"
    head = f"{len(p.students)} of {p.of_students} {students}"
    passage = f"the {_name(p.true_label)} {_where(p)}"
    if p.given_label is None:
        return f"{head} did not find {passage} when asked for {_name(p.true_label)}"
    return f"{head} read {passage} as {_name(p.given_label)}"


def confusion_report(records: Iterable[Record], top: int = 3) -> ConfusionReport:
    """The confusion matrix of ``records`` and its ``top`` most frequent off-diagonal confusions."""
    passages = _passage_confusions(records)
    cells = {(true, given): _cell(true, given, passages) for true in LABEL_IDS for given in LABEL_IDS}
    missed = {label: _cell(label, None, passages) for label in LABEL_IDS}
    confusions = _most_frequent((p for p in passages if p.given_label not in (None, p.true_label)), top)
    return ConfusionReport(LABEL_IDS, cells, missed, confusions, tuple(describe(p) for p in confusions))
