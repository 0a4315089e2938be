"""A student's mastery of each label over time, across quizzes.

Records are ``{"submitted_at": date or datetime, "label": label_id, "correct": bool}``, one per
graded item that tests a label. They are bucketed by ISO week (Monday first) or by calendar
month; each label gets the periods in which it was tested, in order, e.g. editorial framing:
4 of 9 in one week, 8 of 9 in the next. Periods without an item for a label are left out.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Iterable, Mapping

from .labels import LABEL_IDS, label_name

WEEK, MONTH = "week", "month"


@dataclass(frozen=True)
class PeriodScore:
    start: date
    period: str
    correct: int
    total: int

    @property
    def share(self) -> float:
        return self.correct / self.total

    @property
    def name(self) -> str:
        return f"week of {self.start.isoformat()}" if self.period == WEEK else self.start.strftime("%B %Y")


def period_start(moment: date | datetime, period: str) -> date:
    """The first day of the week (Monday) or month that contains ``moment``."""
    day = moment.date() if isinstance(moment, datetime) else moment
    if period == WEEK:
        return day - timedelta(days=day.weekday())
    if period == MONTH:
        return day.replace(day=1)
    raise ValueError(f"period must be {WEEK!r} or {MONTH!r}, not {period!r}")


def mastery_over_time(records: Iterable[Mapping[str, Any]], period: str = WEEK) -> dict[str, tuple[PeriodScore, ...]]:
    """Per label tested (in taxonomy order), its score in each period, oldest first."""
    tally: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for record in records:
        if record["label"] not in LABEL_IDS:
            raise ValueError(f"unknown label {record['label']!r}")
        counts = tally[record["label"]][period_start(record["submitted_at"], period)]
        counts[0] += bool(record["correct"])
        counts[1] += 1
    return {
        label: tuple(PeriodScore(start, period, *tally[label][start]) for start in sorted(tally[label]))
        for label in LABEL_IDS
        if label in tally
    }


def describe(label: str, scores: Iterable[PeriodScore]) -> str:
    """E.g. "Editorial framing: 4 of 9 in the week of 2024-03-04, 8 of 9 in the week of 2024-03-11"."""
    parts = ", ".join(f"{s.correct} of {s.total} in {'the ' if s.period == WEEK else ''}{s.name}" for s in scores)
    return f"{label_name(label)}: {parts}"
