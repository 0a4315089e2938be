"""Item analysis against Moodle's own quiz-statistics fixture, plus hints and degenerate inputs."""

import csv
import json
import math
from pathlib import Path

import pytest

from quizzes.item_analysis import (
    HINT_LOW_EFFICIENCY,
    HINT_NEGATIVE_DISCRIMINATION,
    analyse,
    hint_for,
)

MOODLE = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "moodle-statistics"
SLOTS = range(1, 8)

# qstats00.csv column -> QuestionStats attribute
QUESTION_FIELDS = {
    "facility": "facility",
    "sd": "sd",
    "effectiveweight": "effective_weight",
    "covariance": "covariance",
    "markvariance": "mark_variance",
    "othermarkvariance": "other_mark_variance",
    "discriminationindex": "discrimination_index",
    "covariancemax": "covariance_max",
    "discriminativeefficiency": "discriminative_efficiency",
}
# expected_quiz_stats_00.json key -> QuizStats attribute. Every attempt of quiz 00 is a
# first attempt (firstattemptscount == allattemptscount == 25), so both averages are the mean.
QUIZ_FIELDS = {
    "median": "median",
    "firstattemptsavg": "mean",
    "allattemptsavg": "mean",
    "firstattemptscount": "attempts",
    "allattemptscount": "attempts",
    "standarddeviation": "standard_deviation",
    "skewness": "skewness",
    "kurtosis": "kurtosis",
    "cic": "cic",
    "errorratio": "error_ratio",
    "standarderror": "standard_error",
}


def moodle_file(name: str) -> Path:
    path = MOODLE / name
    if not path.is_file():
        pytest.skip(f"Moodle fixture {path} is absent (../shared/fixtures is not checked out next to the repo)")
    return path


def close_to_moodle(actual, expected: float) -> bool:
    """Moodle's tolerance in stats_from_steps_walkthrough_test.php: |expected| x 1.5e-5."""
    return actual is not None and abs(actual - expected) <= abs(expected) * 1.5e-5


@pytest.fixture(scope="module")
def moodle_analysis():
    with moodle_file("results00.csv").open(newline="") as f:
        attempts = [{slot: float(row[f"slots.{slot}.mark"]) for slot in SLOTS} for row in csv.DictReader(f)]
    return analyse(attempts, {slot: 1.0 for slot in SLOTS})


def qstats_rows():
    path = MOODLE / "qstats00.csv"
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"Moodle fixture {path} is absent"))]
    with path.open(newline="") as f:
        return [pytest.param(row, id=f"slot{row['slot']}") for row in csv.DictReader(f)]


@pytest.mark.parametrize("row", qstats_rows())
def test_question_statistics_match_moodle(moodle_analysis, row):
    stats = moodle_analysis.questions[int(row["slot"]) - 1]
    assert stats.slot == int(row["slot"])
    assert set(row) - {"slot"} == set(QUESTION_FIELDS), "a column of qstats00.csv is not checked"
    wrong = {
        column: (float(value), getattr(stats, QUESTION_FIELDS[column]))
        for column, value in row.items()
        if column != "slot" and not close_to_moodle(getattr(stats, QUESTION_FIELDS[column]), float(value))
    }
    assert not wrong


def test_quiz_statistics_match_moodle(moodle_analysis):
    expected = json.loads(moodle_file("expected_quiz_stats_00.json").read_text())
    expected.pop("_source")
    assert set(expected) == set(QUIZ_FIELDS), "a value of expected_quiz_stats_00.json is not checked"
    wrong = {
        key: (value, getattr(moodle_analysis.quiz, QUIZ_FIELDS[key]))
        for key, value in expected.items()
        if not close_to_moodle(getattr(moodle_analysis.quiz, QUIZ_FIELDS[key]), value)
    }
    assert not wrong


def test_every_negative_question_of_the_moodle_quiz_is_flagged(moodle_analysis):
    assert all(q.hint == HINT_NEGATIVE_DISCRIMINATION for q in moodle_analysis.questions)


# Four students, two questions: q1 is right exactly for the students who get q2 right.
GOOD_ITEMS = [{"q1": 1, "q2": 1}, {"q1": 1, "q2": 1}, {"q1": 0, "q2": 0}, {"q1": 0, "q2": 0}]


def test_a_question_that_tracks_the_rest_of_the_quiz_is_not_flagged():
    q1, q2 = analyse(GOOD_ITEMS, {"q1": 1, "q2": 1}).questions
    # marks 1,1,0,0 against rest 1,1,0,0: perfect correlation, and the maximum possible one.
    assert q1.facility == 0.5
    assert q1.discrimination_index == pytest.approx(100)
    assert q1.discriminative_efficiency == pytest.approx(100)
    assert q1.hint is None and q2.hint is None
    # both slots covary equally with the total, so they share the weight
    assert q1.effective_weight == pytest.approx(50)


def test_a_question_strong_students_miss_gets_the_key_hint():
    attempts = [{"key": 0, "a": 1, "b": 1}, {"key": 0, "a": 1, "b": 1}, {"key": 1, "a": 0, "b": 0}, {"key": 1, "a": 0, "b": 1}]
    key = analyse(attempts, {"key": 1, "a": 1, "b": 1}).questions[0]
    assert key.discrimination_index < 0
    assert key.hint == HINT_NEGATIVE_DISCRIMINATION


def test_hint_for_thresholds():
    assert hint_for(-0.1, 50) == HINT_NEGATIVE_DISCRIMINATION
    assert hint_for(10, 14.9) == HINT_LOW_EFFICIENCY
    assert hint_for(10, 15) is None
    assert hint_for(None, None) is None


def test_effective_weight_is_none_for_a_slot_that_covaries_negatively_with_the_total():
    # "x" goes against the total (1 when the total is low): sample covariance with the total < 0
    attempts = [{"x": 1, "y": 0, "z": 0}, {"x": 0, "y": 1, "z": 1}, {"x": 0, "y": 1, "z": 1}]
    x, y, z = analyse(attempts, {"x": 1, "y": 1, "z": 1}).questions
    assert x.covariance_with_overall_mark < 0
    assert x.effective_weight is None
    assert y.effective_weight == pytest.approx(50) and z.effective_weight == pytest.approx(50)


def test_no_attempts_gives_none_everywhere_but_the_counts():
    result = analyse([], {"q1": 1, "q2": 2})
    assert result.quiz.attempts == 0
    assert all(value is None for name, value in vars(result.quiz).items() if name != "attempts")
    for question in result.questions:
        assert question.attempts == 0
        assert question.facility is None and question.sd is None and question.effective_weight is None


def test_one_attempt_has_a_facility_but_no_spread():
    result = analyse([{"q1": 1, "q2": 0.5}], {"q1": 1, "q2": 2})
    assert [q.facility for q in result.questions] == [1.0, 0.25]
    assert result.quiz.mean == 1.5 and result.quiz.median == 1.5
    assert result.quiz.standard_deviation is None and result.quiz.cic is None
    assert all(q.sd is None and q.discrimination_index is None and q.hint is None for q in result.questions)


def test_zero_variance_gives_none_instead_of_dividing_by_zero():
    result = analyse([{"q1": 1, "q2": 1}] * 4, {"q1": 1, "q2": 1})
    assert result.quiz.standard_deviation == 0
    assert result.quiz.skewness is None and result.quiz.kurtosis is None and result.quiz.cic is None
    for question in result.questions:
        assert question.facility == 1.0 and question.sd == 0
        assert question.discrimination_index is None and question.discriminative_efficiency is None
        assert question.effective_weight is None and question.hint is None


def test_missing_and_ungraded_marks_count_zero():
    result = analyse([{"q1": 1}, {"q1": None, "q2": 1}], {"q1": 1, "q2": 1})
    assert [q.facility for q in result.questions] == [0.5, 0.5]
    assert result.quiz.mean == 1


def test_cronbach_alpha_by_hand():
    # Four students, two items. Item variances (s-1 = 3): q1 marks 1,1,0,0 -> 1/3; q2 1,0,1,0 -> 1/3.
    # Totals 2,1,1,0: mean 1, variance 2/3. alpha = 2/1 * (1 - (2/3) / (2/3)) = 0.
    result = analyse([{"a": 1, "b": 1}, {"a": 1, "b": 0}, {"a": 0, "b": 1}, {"a": 0, "b": 0}], {"a": 1, "b": 1})
    assert result.quiz.cic == pytest.approx(0)
    assert result.quiz.error_ratio == pytest.approx(100)
    assert result.quiz.standard_error == pytest.approx(math.sqrt(2 / 3))
