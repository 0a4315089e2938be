from datetime import datetime

import pytest

from quizzes.grading_methods import AVERAGE, FIRST, HIGHEST, LAST, counted_attempts, final_grade

# Given out of order on purpose: the methods must sort by started_at.
ATTEMPTS = [
    {"started_at": datetime(2024, 3, 3), "score": 6.0},
    {"started_at": datetime(2024, 3, 1), "score": 4.0},
    {"started_at": datetime(2024, 3, 4), "score": 9.0, "submitted": False},  # still in progress
    {"started_at": datetime(2024, 3, 2), "score": 8.0},
]


@pytest.mark.parametrize(
    "method, expected",
    [
        (HIGHEST, 8.0),  # the unsubmitted 9 does not count
        (AVERAGE, 6.0),  # (4 + 8 + 6) / 3
        (FIRST, 4.0),  # 1 March
        (LAST, 6.0),  # 3 March; the 4 March attempt is not submitted
    ],
)
def test_final_grade(method, expected):
    assert final_grade(ATTEMPTS, method) == expected


@pytest.mark.parametrize("method", [HIGHEST, AVERAGE, FIRST, LAST])
def test_no_submitted_attempt_gives_none(method):
    assert final_grade([], method) is None
    assert final_grade([{"started_at": 1, "score": 5.0, "submitted": False}], method) is None


def test_attempt_numbers_work_as_order():
    attempts = [{"started_at": 2, "score": 1.0}, {"started_at": 1, "score": 3.0}]
    assert final_grade(attempts, FIRST) == 3.0
    assert final_grade(attempts, LAST) == 1.0


def test_ungraded_attempts_are_left_out_of_highest_and_average_but_block_first():
    attempts = [{"started_at": 1, "score": None}, {"started_at": 2, "score": 2.0}, {"started_at": 3, "score": 5.0}]
    assert final_grade(attempts, HIGHEST) == 5.0
    assert final_grade(attempts, AVERAGE) == 3.5
    assert final_grade(attempts, FIRST) is None  # the first attempt awaits grading, as in Moodle
    assert final_grade(attempts, LAST) == 5.0


def test_highest_tie_picks_the_earliest_attempt():
    attempts = [{"started_at": 2, "score": 7.0, "id": "b"}, {"started_at": 1, "score": 7.0, "id": "a"}]
    assert [a["id"] for a in counted_attempts(attempts, HIGHEST)] == ["a"]


def test_average_counts_every_submitted_attempt():
    assert [a["score"] for a in counted_attempts(ATTEMPTS, AVERAGE)] == [4.0, 8.0, 6.0]


def test_unknown_method_is_an_error():
    with pytest.raises(ValueError):
        final_grade(ATTEMPTS, "best")
