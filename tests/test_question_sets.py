"""The question-set document format: every problem is reported, with where it is."""

import copy

import pytest

from quizzes.question_sets import FORMAT, QuestionSetError, parse_question_set

TEXT = "President Putin has claimed Russia is waging war. Source: Read Full Article"


def document(*questions):
    return {"format": FORMAT, "title": "T", "questions": list(questions)}


CLASSIFY = {
    "type": "classify",
    "prompt": "Which label?",
    "explanation": "'has claimed': a party's claim",
    "passage": {"start": 0, "end": 49, "text": TEXT[0:49]},
    "key": {"choice": "attributed_claim"},
    "cues": [{"start": 16, "end": 27, "text": "has claimed"}],
    "hard_case": "claim_vs_argument",
}


def errors_of(doc):
    with pytest.raises(QuestionSetError) as error:
        parse_question_set(doc, TEXT)
    return error.value.errors


def test_a_valid_document_becomes_stored_question_data():
    parsed = parse_question_set(document(CLASSIFY), TEXT)
    question = parsed["questions"][0]
    assert (question["start"], question["end"], question["cues"]) == (0, 49, [[16, 27]])
    assert question["hard_case"] == "claim_vs_argument"


def test_a_span_whose_text_does_not_match_is_refused():
    bad = copy.deepcopy(CLASSIFY)
    bad["cues"][0]["text"] = "claimed"
    assert errors_of(document(bad)) == ["questions[0].cues[0]: [16, 27] is not 'claimed' in the article"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"points": True}, "points must be a positive number"),
        ({"points": 0}, "points must be a positive number"),
        ({"explanation": " "}, "the explanation is empty"),
        ({"key": {"choice": "opinion"}}, "key.choice must be one of"),
        ({"type": "essay"}, "unknown type 'essay'"),
    ],
)
def test_each_problem_is_named(change, message):
    bad = {**CLASSIFY, **change}
    assert any(message in error for error in errors_of(document(bad)))


def test_a_question_that_is_not_an_object_is_refused():
    assert errors_of(document("classify")) == ["questions[0]: a question must be an object"]


def test_find_keys_must_be_whole_passages():
    find = {
        "type": "find_in_article",
        "prompt": "Find the boilerplate",
        "explanation": "'Read Full Article'",
        "label": "boilerplate",
        "key": {"spans": [{"start": 50, "end": 56, "text": "Source"}]},
    }
    assert any("whole passage" in e for e in errors_of(document(find)))
    find["key"]["spans"] = [{"start": 50, "end": 75, "text": TEXT[50:75]}]
    assert parse_question_set(document(find), TEXT)["questions"][0]["key"] == {"spans": [[50, 75]]}


def test_touching_mark_words_keys_are_refused():
    mark = {
        "type": "mark_words",
        "prompt": "Mark the cue",
        "explanation": "'has claimed'",
        "label": "attributed_claim",
        "passage": {"start": 0, "end": 49, "text": TEXT[0:49]},
        "key": {"spans": [{"start": 16, "end": 19, "text": "has"}, {"start": 20, "end": 27, "text": "claimed"}]},
    }
    assert any("touch" in e for e in errors_of(document(mark)))


def test_the_document_itself_is_checked():
    assert set(errors_of({"format": "x", "title": "", "questions": []})) == {
        f"format must be {FORMAT!r}",
        "title is empty",
        "questions must be a non-empty list",
    }
