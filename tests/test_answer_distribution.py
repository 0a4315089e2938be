from quizzes.answer_distribution import answer_distribution, question_distribution
from quizzes.labels import LABEL_IDS

TEXT = "Putin has claimed Russia is waging war. Critics disagree."
CLAIMED = (TEXT.index("has claimed"), TEXT.index("has claimed") + len("has claimed"))

QUESTIONS = {
    "mc": {"type": "multiple_choice", "options": [{"id": "a", "text": "Yes"}, {"id": "b", "text": "No"},
                                                   {"id": "c", "text": "Maybe"}], "key": {"choice": "b"}},
    "ms": {"type": "multi_select", "options": [{"id": "x", "text": "X"}, {"id": "y", "text": "Y"}],
           "key": {"choices": ["x", "y"]}},
    "cl": {"type": "classify", "start": 0, "end": 39, "key": {"choice": "attributed_claim"}},
    "mw": {"type": "mark_words", "start": 0, "end": 39, "label": "attributed_claim", "key": {"spans": [list(CLAIMED)]}},
}


def counts(distribution):
    return {option.id: option.count for option in distribution.options}


def test_single_choice_counts_every_option_including_unchosen_ones():
    answers = [{"choice": "a"}, {"choice": "b"}, {"choice": "b"}, None]
    result = question_distribution("mc", QUESTIONS["mc"], answers)
    assert counts(result) == {"a": 1, "b": 2, "c": 0}
    assert (result.responses, result.unanswered) == (4, 1)
    assert [o.id for o in result.options if o.in_key] == ["b"]
    assert result.options[0].text == "Yes"


def test_multi_select_counts_each_chosen_option():
    result = question_distribution("ms", QUESTIONS["ms"], [{"choices": ["x", "y"]}, {"choices": ["x"]}])
    assert counts(result) == {"x": 2, "y": 1}
    assert all(o.in_key for o in result.options)


def test_classify_options_are_the_six_labels():
    result = question_distribution("cl", QUESTIONS["cl"], [{"choice": "attributed_claim"}, {"choice": "reported_fact"}])
    assert [o.id for o in result.options] == list(LABEL_IDS)
    assert counts(result)["attributed_claim"] == 1 and counts(result)["reported_fact"] == 1


def test_spans_count_exact_selections_and_words():
    claimed = TEXT.index("claimed")
    answers = [
        {"spans": [list(CLAIMED)]},  # "has claimed"
        {"spans": [list(CLAIMED)]},
        {"spans": [[claimed, claimed + 4], [claimed + 2, claimed + 7]]},  # "clai", "aimed": one word, counted once
    ]
    result = question_distribution("mw", QUESTIONS["mw"], answers, TEXT)
    assert [(s.text, s.count) for s in result.selections] == [("has claimed", 2), ("clai", 1), ("aimed", 1)]
    assert [(w.text, w.count) for w in result.words] == [("has", 2), ("claimed", 3)]
    assert result.options == ()


def test_answer_distribution_groups_records_by_question_and_skips_unknown_questions():
    responses = [
        {"question_id": "mc", "answer": {"choice": "a"}},
        {"question_id": "mw", "answer": {"spans": [list(CLAIMED)]}},
        {"question_id": "mc", "answer": None},
        {"question_id": "other", "answer": {"choice": "a"}},
    ]
    result = answer_distribution(QUESTIONS, responses, TEXT)
    assert set(result) == set(QUESTIONS)
    assert counts(result["mc"]) == {"a": 1, "b": 0, "c": 0} and result["mc"].unanswered == 1
    assert result["ms"].responses == 0
    assert [w.text for w in result["mw"].words] == ["has", "claimed"]
