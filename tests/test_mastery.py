from datetime import date, datetime

import pytest

from quizzes.mastery import MONTH, WEEK, describe, mastery_over_time, period_start


def records(label, when, right, wrong):
    return [{"submitted_at": when, "label": label, "correct": True}] * right + [
        {"submitted_at": when, "label": label, "correct": False}
    ] * wrong


def test_weeks_start_on_monday_and_months_on_the_first():
    assert period_start(date(2024, 3, 6), WEEK) == date(2024, 3, 4)  # a Wednesday
    assert period_start(datetime(2024, 3, 10, 23, 59), WEEK) == date(2024, 3, 4)  # Sunday night
    assert period_start(date(2024, 3, 11), WEEK) == date(2024, 3, 11)
    assert period_start(date(2024, 3, 31), MONTH) == date(2024, 3, 1)


def test_a_student_improves_from_one_week_to_the_next():
    data = (
        records("editorial_framing", datetime(2024, 3, 12, 9), 8, 1)  # Tuesday of the second week
        + records("editorial_framing", date(2024, 3, 4), 3, 2)  # Monday of the first week
        + records("editorial_framing", datetime(2024, 3, 10, 18), 1, 3)  # Sunday of the first week
    )
    (first, second) = mastery_over_time(data)["editorial_framing"]
    assert (first.start, first.correct, first.total) == (date(2024, 3, 4), 4, 9)
    assert (second.start, second.correct, second.total) == (date(2024, 3, 11), 8, 9)
    assert second.share == pytest.approx(8 / 9)


def test_labels_come_in_taxonomy_order_and_only_when_tested():
    data = records("headline_teaser", date(2024, 3, 4), 1, 0) + records("sourced_argument", date(2024, 3, 4), 0, 1)
    assert list(mastery_over_time(data)) == ["sourced_argument", "headline_teaser"]


def test_months_merge_weeks():
    data = records("boilerplate", date(2024, 3, 4), 1, 0) + records("boilerplate", date(2024, 3, 25), 0, 1)
    (march,) = mastery_over_time(data, MONTH)["boilerplate"]
    assert (march.correct, march.total, march.name) == (1, 2, "March 2024")


def test_describe_states_each_period_in_words():
    data = records("editorial_framing", date(2024, 3, 4), 4, 5) + records("editorial_framing", date(2024, 3, 11), 8, 1)
    text = describe("editorial_framing", mastery_over_time(data)["editorial_framing"])
    assert text == "Editorial framing: 4 of 9 in the week of 2024-03-04, 8 of 9 in the week of 2024-03-11"


def test_no_records_no_labels():
    assert mastery_over_time([]) == {}


@pytest.mark.parametrize("bad", [{"period": "year"}, {"label": "spin"}])
def test_bad_period_or_label_is_an_error(bad):
    record = {"submitted_at": date(2024, 3, 4), "label": bad.get("label", "boilerplate"), "correct": True}
    with pytest.raises(ValueError):
        mastery_over_time([record], bad.get("period", WEEK))
