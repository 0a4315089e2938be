"""Every question type: answer validation, grading, partial credit and bad shapes (no app needed)."""

import pytest

from quizzes.questions import REGISTRY, AnswerError, grade, validate_answer
from quizzes.questions.spans import merge_word_runs, word_spans

CLASSIFY = {"type": "classify", "points": 1, "start": 0, "end": 10, "key": {"choice": "attributed_claim"}}
SINGLE = {
    "type": "multiple_choice",
    "points": 1,
    "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}],
    "key": {"choice": "b"},
}
MULTI = {
    "type": "multi_select",
    "points": 2,
    "options": [{"id": x, "text": x.upper()} for x in "abcd"],
    "key": {"choices": ["a", "c"]},
}
TEXT = "President Putin has claimed Russia is waging war."
MARK = {
    "type": "mark_words",
    "points": 2,
    "start": 100,
    "end": 100 + len(TEXT),
    "text": TEXT,
    "label": "attributed_claim",
    "key": {"spans": [[116, 127], [138, 148]]},  # "has claimed", "waging war"
}
FIND = {"type": "find_in_article", "points": 2, "label": "boilerplate", "key": {"spans": [[0, 10], [20, 30], [40, 50]]}}


def test_the_registry_holds_the_five_types():
    assert set(REGISTRY) == {"classify", "multiple_choice", "multi_select", "mark_words", "find_in_article"}


def test_classify_accepts_only_label_ids():
    assert grade(CLASSIFY, {"choice": "attributed_claim"}).points == 1
    assert grade(CLASSIFY, {"choice": "reported_fact"}).points == 0
    with pytest.raises(AnswerError) as error:
        validate_answer(CLASSIFY, {"choice": "opinion"})
    assert error.value.field == "choice"


def test_a_right_single_choice_earns_full_points_and_reports_the_key():
    result = grade(SINGLE, {"choice": "b"})
    assert (result.points, result.max_points, result.correct) == (1, 1, True)
    wrong = grade(SINGLE, {"choice": "a"})
    assert (wrong.points, wrong.correct, wrong.correct_answer) == (0, False, {"choice": "b"})


def test_unanswered_scores_zero_for_every_type():
    for question in (CLASSIFY, SINGLE, MULTI, MARK, FIND):
        result = grade(question, None)
        assert result.points == 0 and not result.correct
        assert result.max_points == question["points"]


@pytest.mark.parametrize(
    "picks, points",
    [
        (["a", "c"], 2.0),  # all right
        (["a"], 1.0),  # half the key
        (["a", "b"], 0.0),  # one right, one wrong: 1 - 1 = 0
        (["a", "c", "b"], 1.0),  # (2 - 1) / 2 of 2 points
        (["b", "d"], 0.0),  # never negative
        ([], 0.0),
    ],
)
def test_multi_select_partial_credit_and_wrong_picks_cost(picks, points):
    assert grade(MULTI, {"choices": picks}).points == points


def test_multi_select_feedback_covers_every_option():
    feedback = grade(MULTI, {"choices": ["a", "b"]}).feedback
    assert [(f["option"], f["picked"], f["in_key"]) for f in feedback] == [
        ("a", True, True),
        ("b", True, False),
        ("c", False, True),
        ("d", False, False),
    ]


@pytest.mark.parametrize(
    "answer, field",
    [
        ("b", "answer"),
        ({}, "choice"),
        ({"choice": 3}, "choice"),
        ({"choice": "z"}, "choice"),
        ({"choice": "a", "extra": 1}, "extra"),
        (None, "answer"),
    ],
)
def test_single_choice_bad_shapes_name_the_field(answer, field):
    with pytest.raises(AnswerError) as error:
        validate_answer(SINGLE, answer)
    assert error.value.field == field


@pytest.mark.parametrize("choices", ["a", ["a", "a"], ["a", 1], ["z"], None])
def test_multi_select_bad_shapes(choices):
    with pytest.raises(AnswerError) as error:
        validate_answer(MULTI, {"choices": choices})
    assert error.value.field == "choices"


def test_mark_words_full_marks_for_the_key_phrases():
    result = grade(MARK, {"spans": [[116, 127], [138, 148]]})
    assert result.points == 2 and result.correct


def test_mark_words_neighbouring_words_join_into_one_phrase():
    # "has" and "claimed" clicked separately form the key phrase "has claimed"
    assert validate_answer(MARK, {"spans": [[116, 119], [120, 127]]}) == {"spans": [[116, 127]]}
    assert grade(MARK, {"spans": [[116, 119], [120, 127]]}).points == 1.0


def test_mark_words_partial_overlap_rule():
    # "claimed" alone covers 7 of the 11 characters of "has claimed": at least half -> found
    assert grade(MARK, {"spans": [[120, 127]]}).points == 1.0
    # "has" alone covers 3 of 11: not found, yet not wrong either (it is part of a cue)
    assert grade(MARK, {"spans": [[116, 119]]}).feedback == [
        {"start": 116, "end": 127, "verdict": "missed"},
        {"start": 138, "end": 148, "verdict": "missed"},
    ]
    # a word half covered by a selection counts as marked
    assert grade(MARK, {"spans": [[116, 119], [123, 127]]}).points == 1.0


def test_mark_words_a_phrase_with_a_wide_separator_is_found_by_its_words():
    # "A – A": the words cover 2 of its 5 characters; marking both words must still find it
    question = {"type": "mark_words", "points": 1, "start": 0, "end": 7, "text": "A – A A",
                "label": "sourced_argument", "key": {"spans": [[0, 5]]}}
    assert grade(question, {"spans": [[0, 5]]}).correct
    assert grade(question, {"spans": [[0, 1], [4, 5]]}).correct
    # one of its two words is half of the phrase's word characters: found, as "claimed" finds "has claimed"
    assert grade(question, {"spans": [[4, 5]]}).correct
    # the word outside the phrase is wrong, and finds nothing
    assert grade(question, {"spans": [[6, 7]]}).points == 0


def test_mark_words_marking_the_whole_passage_earns_nothing():
    whole = grade(MARK, {"spans": [[100, 100 + len(TEXT)]]})
    # both keys found, but four words outside them (President, Putin, Russia, is) are wrong
    assert whole.points == 0
    assert [f["verdict"] for f in whole.feedback] == ["correct", "correct", "wrong", "wrong", "wrong", "wrong"]


def test_mark_words_one_more_key_word_never_lowers_the_score():
    # "has claimed Russia" (one wrong word) scores 0; adding "is waging war" joins into one run
    # whose key words find the second cue: 2 found - 2 wrong (Russia, is) = 0, never below
    before = grade(MARK, {"spans": [[116, 134]]}).points
    after = grade(MARK, {"spans": [[116, 134], [138, 148]]}).points
    assert after >= before


def test_mark_words_wrong_words_cost():
    # one hit ("has claimed") and one wrong word ("President"): (1 - 1) / 2
    assert grade(MARK, {"spans": [[100, 109], [116, 127]]}).points == 0
    # two hits and one wrong: (2 - 1) / 2 of 2 points
    assert grade(MARK, {"spans": [[100, 109], [116, 127], [138, 148]]}).points == 1.0


@pytest.mark.parametrize(
    "spans",
    [
        [[90, 95]],  # outside the passage
        [[120, 119]],  # empty
        [[1.5, 3]],  # not integers
        [[True, 3]],
        [[1, 2, 3]],
        "1-2",
        [[-1, 3]],
        [[100, 101]] * 201,  # too many
    ],
)
def test_mark_words_bad_shapes(spans):
    with pytest.raises(AnswerError) as error:
        validate_answer(MARK, {"spans": spans})
    assert error.value.field == "spans"


def test_find_in_article_partial_credit():
    assert grade(FIND, {"spans": [[0, 10], [20, 30], [40, 50]]}).points == 2
    assert grade(FIND, {"spans": [[0, 10], [20, 30]]}).points == round(2 * 2 / 3, 4)
    assert grade(FIND, {"spans": [[0, 10], [60, 70]]}).points == 0
    assert grade(FIND, {"spans": []}).points == 0


def test_find_in_article_does_not_merge_neighbouring_passages():
    assert validate_answer(FIND, {"spans": [[20, 30], [0, 10], [0, 10]]}) == {"spans": [[0, 10], [20, 30]]}


def test_word_spans_keep_apostrophes_and_hyphens_inside_words():
    text = "Russia’s de-Nazify “plan”"
    assert [text[s:e] for s, e in word_spans(text)] == ["Russia’s", "de-Nazify", "plan"]


def test_merge_word_runs_only_across_spaces_and_punctuation():
    text = "a, b c"
    assert merge_word_runs([(0, 1), (3, 4)], text, 0) == [(0, 4)]
    assert merge_word_runs([(0, 1), (5, 6)], text, 0) == [(0, 1), (5, 6)]


def test_the_answer_schema_of_each_type_is_published():
    for kind in REGISTRY.values():
        assert kind.answer_schema["type"] == "object"
