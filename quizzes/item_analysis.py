"""Item analysis of quiz attempts, computed as Moodle's quiz statistics report computes it.

Input is plain data: a list of attempts, each a mapping ``slot -> mark`` (a missing or ``None``
mark counts 0, as Moodle's ungraded ``fraction * maxmark`` does), and each slot's max mark.
Pass the attempts you want analysed (all of them, or one per student chosen with
:mod:`quizzes.grading_methods`), as Moodle's "which attempts" setting does.

Sources (moodle/moodle): per-question values follow
``question/classes/statistics/questions/calculator.php`` (``initial_question_walker``,
``secondary_steps_walker``, ``secondary_question_walker``, effective weight in ``calculate``);
quiz values follow ``mod/quiz/report/statistics/classes/calculator.php`` (``calculate``).
See docs/results-analytics.md.

Degenerate inputs never raise: a value Moodle leaves unset, or that would divide by zero,
is ``None`` (no attempts: every value but the count; one attempt: every spread, correlation
and shape value; zero variance: discrimination, skewness, kurtosis, alpha and what follows).
"""

import math
import statistics
from dataclasses import dataclass
from typing import Hashable, Mapping, Sequence

#: Moodle marks a question "dubious" below this discriminative efficiency (statistics_table.php).
LOW_EFFICIENCY = 15

HINT_NEGATIVE_DISCRIMINATION = (
    "Strong students got this wrong more often than weak ones: check the key and the wording."
)
HINT_LOW_EFFICIENCY = (
    "This question hardly separates students who did well on the quiz from those who did not "
    "(discriminative efficiency below 15%). It may be too easy, too hard or ambiguous; with few "
    "attempts it may also be chance. Read it again before reusing it."
)

Attempt = Mapping[Hashable, float | None]


@dataclass(frozen=True)
class QuestionStats:
    """One slot's statistics; percentages (index, efficiency, weight) are 0-100 like Moodle's."""

    slot: Hashable
    attempts: int
    max_mark: float
    facility: float | None
    sd: float | None
    mark_variance: float | None
    other_mark_variance: float | None
    covariance: float | None
    covariance_max: float | None
    covariance_with_overall_mark: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    effective_weight: float | None
    hint: str | None


@dataclass(frozen=True)
class QuizStats:
    """Statistics of the attempt totals; ``cic`` is Cronbach's alpha x 100, ratios in percent."""

    attempts: int
    mean: float | None
    median: float | None
    standard_deviation: float | None
    skewness: float | None
    kurtosis: float | None
    cic: float | None
    error_ratio: float | None
    standard_error: float | None


@dataclass(frozen=True)
class ItemAnalysis:
    quiz: QuizStats
    questions: tuple[QuestionStats, ...]


def _mark(attempt: Attempt, slot: Hashable) -> float:
    return float(attempt.get(slot) or 0.0)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _sample_moment(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Sum of products of deviations from the means over s - 1 (None below two values)."""
    if len(xs) < 2:
        return None
    x_mean, y_mean = _mean(xs), _mean(ys)
    return sum((x - x_mean) * (y - y_mean) for x, y in zip(xs, ys)) / (len(xs) - 1)


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``100 * numerator / denominator``, None when either is missing or the denominator is 0."""
    if numerator is None or not denominator:
        return None
    return 100 * numerator / denominator


def hint_for(discrimination_index: float | None, discriminative_efficiency: float | None) -> str | None:
    """A plain-language warning for a question Moodle would highlight, or None."""
    if discrimination_index is not None and discrimination_index < 0:
        return HINT_NEGATIVE_DISCRIMINATION
    if discriminative_efficiency is not None and discriminative_efficiency < LOW_EFFICIENCY:
        return HINT_LOW_EFFICIENCY
    return None


def _question_stats(slot: Hashable, max_mark: float, marks: list[float], totals: list[float]) -> dict:
    """Everything but the effective weight, which needs every slot (Moodle's two walkers)."""
    others = [total - mark for total, mark in zip(totals, marks)]
    average = _mean(marks)
    mark_variance = _sample_moment(marks, marks)
    other_mark_variance = _sample_moment(others, others)
    covariance = _sample_moment(marks, others)
    # Largest covariance these marginals allow: both lists sorted (Moodle's covariancemax).
    covariance_max = _sample_moment(sorted(marks), sorted(others))
    spread_product = None if mark_variance is None else mark_variance * other_mark_variance
    index = _ratio(covariance, math.sqrt(spread_product)) if spread_product else None
    efficiency = _ratio(covariance, covariance_max)
    return {
        "slot": slot,
        "attempts": len(marks),
        "max_mark": max_mark,
        "facility": average / max_mark if average is not None and max_mark else None,
        "sd": None if mark_variance is None else math.sqrt(mark_variance),
        "mark_variance": mark_variance,
        "other_mark_variance": other_mark_variance,
        "covariance": covariance,
        "covariance_max": covariance_max,
        "covariance_with_overall_mark": _sample_moment(marks, totals),
        "discrimination_index": index,
        "discriminative_efficiency": efficiency,
        "hint": hint_for(index, efficiency),
    }


def _with_effective_weights(rows: list[dict]) -> tuple[QuestionStats, ...]:
    """Effective weight: sqrt(cov with total) as a share of the sum over non-negative slots."""
    roots = [math.sqrt(c) for row in rows if (c := row["covariance_with_overall_mark"]) is not None and c >= 0]
    total = sum(roots)
    result = []
    for row in rows:
        covariance = row["covariance_with_overall_mark"]
        usable = total and covariance is not None and covariance >= 0
        result.append(QuestionStats(**row, effective_weight=100 * math.sqrt(covariance) / total if usable else None))
    return tuple(result)


def attempt_totals(attempts: Sequence[Attempt], max_marks: Mapping[Hashable, float]) -> list[float]:
    """Each attempt's sum of marks over the slots of ``max_marks`` (Moodle's sumgrades)."""
    return [sum(_mark(attempt, slot) for slot in max_marks) for attempt in attempts]


def question_statistics(attempts: Sequence[Attempt], max_marks: Mapping[Hashable, float]) -> tuple[QuestionStats, ...]:
    """Per-slot statistics, in the order of ``max_marks``."""
    totals = attempt_totals(attempts, max_marks)
    rows = [
        _question_stats(slot, float(max_mark), [_mark(attempt, slot) for attempt in attempts], totals)
        for slot, max_mark in max_marks.items()
    ]
    return _with_effective_weights(rows)


def quiz_statistics(totals: Sequence[float], slots: int, sum_of_mark_variance: float | None) -> QuizStats:
    """Statistics of attempt totals; ``sum_of_mark_variance`` is the sum of the slots' mark variances."""
    s = len(totals)
    mean = _mean(totals)
    values = {"standard_deviation": None, "skewness": None, "kurtosis": None,
              "cic": None, "error_ratio": None, "standard_error": None}
    if s > 1:
        power2, power3, power4 = (sum((t - mean) ** n for t in totals) for n in (2, 3, 4))
        values["standard_deviation"] = math.sqrt(power2 / (s - 1))
        m2, m3, m4 = power2 / s, power3 / s, power4 / s
        k2 = s * m2 / (s - 1)
        if s > 2 and k2:
            k3 = s * s * m3 / ((s - 1) * (s - 2))
            values["skewness"] = k3 / k2 ** 1.5
            if s > 3:
                k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
                values["kurtosis"] = k4 / (k2 * k2)
            if slots > 1 and sum_of_mark_variance is not None:
                cic = (100 * slots / (slots - 1)) * (1 - sum_of_mark_variance / k2)
                # cic <= 100 in exact arithmetic; max() only absorbs rounding noise.
                error_ratio = 100 * math.sqrt(max(0.0, 1 - cic / 100))
                values |= {"cic": cic, "error_ratio": error_ratio,
                           "standard_error": error_ratio * values["standard_deviation"] / 100}
    return QuizStats(attempts=s, mean=mean, median=statistics.median(totals) if totals else None, **values)


def analyse(attempts: Sequence[Attempt], max_marks: Mapping[Hashable, float]) -> ItemAnalysis:
    """Item analysis of ``attempts`` (each ``slot -> mark``) for slots with the given max marks."""
    questions = question_statistics(attempts, max_marks)
    totals = attempt_totals(attempts, max_marks)
    variances = [q.mark_variance for q in questions]
    sum_of_mark_variance = None if None in variances else sum(variances)
    return ItemAnalysis(quiz_statistics(totals, len(max_marks), sum_of_mark_variance), questions)
