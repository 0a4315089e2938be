"""Property tests for every question type in the registry (Hypothesis, no app needed).

For generated questions (shaped as ``quizzes.question_sets`` would accept them) and answers:
points lie in [0, max_points]; a perfect answer earns max_points; adding a right pick never
lowers the score (multi_select, mark_words, find_in_article); and any JSON of the wrong shape
raises ``AnswerError`` -- never another exception.
"""

import json
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quizzes.labels import LABEL_IDS
from quizzes.questions import REGISTRY, AnswerError, GradeResult, grade, validate_answer
from quizzes.questions.spans import MAX_SPANS, word_spans

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- questions ----------------------------------------------------------------------------------

points = st.one_of(
    st.integers(min_value=1, max_value=20),
    st.floats(min_value=0.25, max_value=20, allow_nan=False, allow_infinity=False).map(lambda p: round(p, 2)),
)
option_id = st.text(alphabet=string.ascii_lowercase + string.digits + "_-", min_size=1, max_size=6)
words = st.lists(
    st.text(alphabet=string.ascii_letters + "éüß’", min_size=1, max_size=9), min_size=1, max_size=25
)
separators = st.sampled_from([" ", " ", ", ", " – ", ". ", "\n", " (", ") ", "\u00a0"])


@st.composite
def passage_text(draw) -> str:
    """A passage of words joined by spaces and punctuation (as article text is)."""
    tokens = draw(words)
    seps = draw(st.lists(separators, min_size=len(tokens) - 1, max_size=len(tokens) - 1))
    text = tokens[0]
    for sep, token in zip(seps, tokens[1:]):
        text += sep + token
    return text


@st.composite
def classify_question(draw) -> dict:
    start = draw(st.integers(min_value=0, max_value=5000))
    end = start + draw(st.integers(min_value=1, max_value=400))
    return {
        "type": "classify",
        "points": draw(points),
        "start": start,
        "end": end,
        "key": {"choice": draw(st.sampled_from(list(LABEL_IDS)))},
    }


def _options(ids: list[str]) -> list[dict]:
    return [{"id": i, "text": f"Option {i}"} for i in ids]


@st.composite
def multiple_choice_question(draw) -> dict:
    ids = draw(st.lists(option_id, min_size=2, max_size=7, unique=True))
    return {"type": "multiple_choice", "points": draw(points), "options": _options(ids), "key": {"choice": draw(st.sampled_from(ids))}}


@st.composite
def multi_select_question(draw) -> dict:
    ids = draw(st.lists(option_id, min_size=2, max_size=8, unique=True))
    key = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
    return {"type": "multi_select", "points": draw(points), "options": _options(ids), "key": {"choices": key}}


@st.composite
def mark_words_question(draw) -> dict:
    """A passage at some offset; key phrases are runs of whole words, never touching (as the
    question-set validator requires: a word always separates two key phrases)."""
    offset = draw(st.integers(min_value=0, max_value=3000))
    text = draw(passage_text())
    units = word_spans(text, offset)
    assume(units)
    # choose runs of consecutive words, with at least one unchosen word between runs
    key, i = [], draw(st.integers(min_value=0, max_value=len(units) - 1))
    while i < len(units):
        length = draw(st.integers(min_value=1, max_value=3))
        run = units[i:i + length]
        key.append([run[0][0], run[-1][1]])
        i += length + 1 + draw(st.integers(min_value=0, max_value=3))
        if not draw(st.booleans()):
            break
    return {
        "type": "mark_words",
        "points": draw(points),
        "start": offset,
        "end": offset + len(text),
        "text": text,
        "label": draw(st.sampled_from(list(LABEL_IDS))),
        "key": {"spans": key},
    }


@st.composite
def find_in_article_question(draw) -> dict:
    """Key spans: disjoint passages, in order, with gaps (passages of an article never overlap)."""
    count = draw(st.integers(min_value=1, max_value=8))
    key, cursor = [], draw(st.integers(min_value=0, max_value=50))
    for _ in range(count):
        start = cursor + draw(st.integers(min_value=1, max_value=40))
        end = start + draw(st.integers(min_value=1, max_value=300))
        key.append([start, end])
        cursor = end
    return {
        "type": "find_in_article",
        "points": draw(points),
        "label": draw(st.sampled_from(list(LABEL_IDS))),
        "key": {"spans": key},
    }


QUESTIONS = {
    "classify": classify_question(),
    "multiple_choice": multiple_choice_question(),
    "multi_select": multi_select_question(),
    "mark_words": mark_words_question(),
    "find_in_article": find_in_article_question(),
}


def test_every_registered_type_has_a_strategy():
    """A new question type must get a generator here before it ships."""
    assert set(QUESTIONS) == set(REGISTRY)


# --- answers ------------------------------------------------------------------------------------


def _choice_ids(question: dict) -> list[str]:
    if question["type"] == "classify":
        return list(LABEL_IDS)
    return [o["id"] for o in question["options"]]


@st.composite
def valid_answer(draw, question: dict) -> dict:
    """Any answer of the right shape for ``question`` (right or wrong)."""
    kind = question["type"]
    if kind in ("classify", "multiple_choice"):
        return {"choice": draw(st.sampled_from(_choice_ids(question)))}
    if kind == "multi_select":
        return {"choices": draw(st.lists(st.sampled_from(_choice_ids(question)), unique=True))}
    if kind == "mark_words":
        lo, hi = question["start"], question["end"]
        words = word_spans(question["text"], lo)
        free = st.tuples(st.integers(lo, hi - 1), st.integers(1, hi - lo)).map(lambda t: [t[0], min(t[0] + t[1], hi)])
        picks = st.one_of(st.sampled_from(words).map(list), free)
        return {"spans": draw(st.lists(picks, max_size=12))}
    # find_in_article: spans anywhere, near the key or exactly on it
    last = question["key"]["spans"][-1][1] + 50
    free = st.tuples(st.integers(0, last), st.integers(1, 400)).map(lambda t: [t[0], t[0] + t[1]])
    exact = st.sampled_from(question["key"]["spans"]).map(list)
    return {"spans": draw(st.lists(st.one_of(free, exact), max_size=12))}


def perfect_answer(question: dict) -> dict:
    key = question["key"]
    return {"spans": [list(s) for s in key["spans"]]} if "spans" in key else json.loads(json.dumps(key))


def check_bounds(result: GradeResult, question: dict) -> None:
    assert result.max_points == round(float(question["points"]), 4)
    assert 0 <= result.points <= result.max_points
    assert result.correct == (result.points == result.max_points)
    json.dumps(result.as_dict())  # storable as JSON (the Response row keeps feedback as JSON)


@st.composite
def question_and_answer(draw, kind: str):
    question = draw(QUESTIONS[kind])
    return question, draw(valid_answer(question))


@pytest.mark.parametrize("kind", sorted(REGISTRY))
@PROPERTY
@given(data=st.data())
def test_points_stay_within_zero_and_max(kind, data):
    question, answer = data.draw(question_and_answer(kind))
    check_bounds(grade(question, answer), question)
    check_bounds(grade(question, None), question)
    assert grade(question, None).points == 0


@pytest.mark.parametrize("kind", sorted(REGISTRY))
@PROPERTY
@given(data=st.data())
def test_a_perfect_answer_scores_max(kind, data):
    question = data.draw(QUESTIONS[kind])
    result = grade(question, perfect_answer(question))
    assert result.correct and result.points == result.max_points == round(float(question["points"]), 4)
    expected = perfect_answer(question)
    if "choices" in expected:  # reported in the options' order
        assert sorted(result.correct_answer["choices"]) == sorted(expected["choices"])
    else:
        assert result.correct_answer == expected
    # what the key says is the right answer is itself graded perfect (the result page shows it)
    assert grade(question, result.correct_answer).points == result.max_points


@pytest.mark.parametrize("kind", sorted(REGISTRY))
@PROPERTY
@given(data=st.data())
def test_normalizing_is_idempotent_and_keeps_the_grade(kind, data):
    """What is stored (the normalized answer) grades exactly as what was sent."""
    question, answer = data.draw(question_and_answer(kind))
    normalized = validate_answer(question, answer)
    assert validate_answer(question, normalized) == normalized
    assert grade(question, normalized) == grade(question, answer)


# --- adding a right pick never lowers the score ---------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_multi_select_adding_a_key_option_never_lowers_the_score(data):
    question = data.draw(multi_select_question())
    answer = data.draw(valid_answer(question))
    missing = [c for c in question["key"]["choices"] if c not in answer["choices"]]
    assume(missing)
    added = data.draw(st.sampled_from(missing))
    before = grade(question, answer).points
    after = grade(question, {"choices": answer["choices"] + [added]}).points
    assert after >= before
    assert after > before or before == 0  # with a positive score, one more right pick always earns


@PROPERTY
@given(data=st.data())
def test_find_in_article_adding_a_key_passage_never_lowers_the_score(data):
    """A student ticks whole passages; ticking one more passage of the key never costs."""
    question = data.draw(find_in_article_question())
    key = [list(s) for s in question["key"]["spans"]]
    # other passages of the article: disjoint from the key passages, in the gaps between them
    gaps = [(0 if i == 0 else key[i - 1][1], key[i][0]) for i in range(len(key))] + [(key[-1][1], key[-1][1] + 200)]
    others = [[a, b] for a, b in gaps if b > a]
    picks = data.draw(st.lists(st.sampled_from(key + others) if others else st.sampled_from(key), unique_by=tuple))
    missing = [s for s in key if s not in picks]
    assume(missing)
    added = data.draw(st.sampled_from(missing))
    before = grade(question, {"spans": picks}).points
    after = grade(question, {"spans": picks + [added]}).points
    assert after >= before
    assert after > before or before == 0


@PROPERTY
@given(data=st.data())
def test_find_in_article_adding_a_key_span_apart_from_the_selection_never_lowers_the_score(data):
    """Through the API spans are free: a key span that overlaps no selected span only adds a hit."""
    question, answer = data.draw(question_and_answer("find_in_article"))
    spans = answer["spans"]
    apart = [k for k in question["key"]["spans"] if all(min(k[1], s[1]) <= max(k[0], s[0]) for s in spans)]
    assume(apart)
    added = data.draw(st.sampled_from(apart))
    before = grade(question, answer).points
    assert grade(question, {"spans": spans + [list(added)]}).points >= before


@PROPERTY
@given(data=st.data())
def test_mark_words_adding_a_key_phrase_apart_from_the_selection_never_lowers_the_score(data):
    """Marking a whole key phrase that neither overlaps nor touches the marked words only adds a hit."""
    question = data.draw(mark_words_question())
    text, offset = question["text"], question["start"]
    units = word_spans(text, offset)
    picks = data.draw(st.lists(st.sampled_from(units), unique=True))
    marked = validate_answer(question, {"spans": [list(u) for u in picks]})["spans"]

    def apart(key):  # no marked run overlaps it or joins it (only spaces/punctuation between)
        merged = validate_answer(question, {"spans": marked + [list(key)]})["spans"]
        return len(merged) == len(marked) + 1

    candidates = [k for k in question["key"]["spans"] if apart(k)]
    assume(candidates)
    added = data.draw(st.sampled_from(candidates))
    before = grade(question, {"spans": marked}).points
    assert grade(question, {"spans": marked + [list(added)]}).points >= before


@PROPERTY
@given(data=st.data())
def test_mark_words_ticking_a_word_of_the_key_never_lowers_the_score(data):
    """The form's view: the student ticks words; ticking one more word of a key phrase never costs."""
    question = data.draw(mark_words_question())
    units = word_spans(question["text"], question["start"])
    key = question["key"]["spans"]
    in_key = [u for u in units if any(s <= u[0] and u[1] <= e for s, e in key)]
    picks = data.draw(st.lists(st.sampled_from(units), unique=True))
    missing = [u for u in in_key if u not in picks]
    assume(missing)
    added = data.draw(st.sampled_from(missing))
    before = grade(question, {"spans": [list(u) for u in picks]}).points
    after = grade(question, {"spans": [list(u) for u in picks + [added]]}).points
    assert after >= before, (question["text"], key, picks, added)


# --- wrong shapes ---------------------------------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),  # json.loads accepts NaN and Infinity
    st.text(max_size=20),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.text(max_size=8), st.sampled_from(["choice", "choices", "spans"])), children, max_size=4),
    ),
    max_leaves=25,
)
# arbitrary JSON under the right key, to reach the inner checks
wrapped = st.one_of(
    json_values,
    st.builds(lambda v: {"choice": v}, json_values),
    st.builds(lambda v: {"choices": v}, json_values),
    st.builds(lambda v: {"spans": v}, json_values),
    st.builds(lambda v: {"spans": [v]}, json_values),
    st.builds(lambda a, b: {"spans": [[a, b]]}, json_scalars, json_scalars),
)


@pytest.mark.parametrize("kind", sorted(REGISTRY))
@PROPERTY
@given(data=st.data(), answer=wrapped)
def test_arbitrary_json_is_either_a_valid_answer_or_an_answer_error(kind, data, answer):
    question = data.draw(QUESTIONS[kind])
    try:
        normalized = validate_answer(question, answer)
    except AnswerError as error:
        assert isinstance(error.message, str) and error.message
        assert isinstance(error.field, str) and error.field
        if answer is not None:  # None is "not answered" to grade()
            with pytest.raises(AnswerError):
                grade(question, answer)
        return
    # it happened to be a valid answer: it must then grade within bounds
    check_bounds(grade(question, normalized), question)


@pytest.mark.parametrize("kind", sorted(REGISTRY))
@PROPERTY
@given(data=st.data(), answer=st.one_of(json_scalars, st.lists(json_values, max_size=4)))
def test_an_answer_that_is_not_an_object_is_refused(kind, data, answer):
    question = data.draw(QUESTIONS[kind])
    with pytest.raises(AnswerError) as error:
        validate_answer(question, answer)
    assert error.value.field == "answer"


@pytest.mark.parametrize("kind", sorted(REGISTRY))
@PROPERTY
@given(data=st.data(), extra=st.text(min_size=1, max_size=8), value=json_values)
def test_an_extra_field_is_refused_and_named(kind, data, extra, value):
    question = data.draw(QUESTIONS[kind])
    answer = perfect_answer(question)
    assume(extra not in answer)
    with pytest.raises(AnswerError) as error:
        validate_answer(question, {**answer, extra: value})
    assert error.value.field == extra


@pytest.mark.parametrize("kind", ["mark_words", "find_in_article"])
@PROPERTY
@given(
    data=st.data(),
    span=st.one_of(
        st.tuples(st.integers(max_value=-1), st.integers()).map(list),  # negative start
        st.integers(0, 10_000).flatmap(lambda s: st.tuples(st.just(s), st.integers(max_value=s)).map(list)),  # end <= start
        st.lists(st.integers(0, 100), min_size=0, max_size=1),
        st.lists(st.integers(0, 100), min_size=3, max_size=5),
        st.tuples(st.booleans(), st.booleans()).map(list),
        st.tuples(st.floats(0, 100), st.floats(0, 100)).map(list),
        st.tuples(st.text(max_size=3), st.text(max_size=3)).map(list),
    ),
)
def test_a_malformed_span_is_refused_and_names_spans(kind, data, span):
    question = data.draw(QUESTIONS[kind])
    with pytest.raises(AnswerError) as error:
        validate_answer(question, {"spans": [span]})
    assert error.value.field == "spans"


@pytest.mark.parametrize("kind", ["mark_words", "find_in_article"])
def test_too_many_spans_are_refused(kind):
    question = {"type": kind, "points": 1, "start": 0, "end": 10_000, "text": "w " * 5000, "label": "reported_fact",
                "key": {"spans": [[0, 1]]}}
    spans = [[2 * i, 2 * i + 1] for i in range(MAX_SPANS + 1)]
    with pytest.raises(AnswerError) as error:
        validate_answer(question, {"spans": spans})
    assert error.value.field == "spans"
    assert validate_answer(question, {"spans": spans[:MAX_SPANS]})


def test_mark_words_ticking_a_key_word_next_to_a_marked_phrase_never_lowers_the_score():
    """The property above, on the case that broke a phrase-level rule: "claimed foo" finds "has
    claimed" but "foo" is a wrong word (1 - 1 = 0); ticking "bar", the second key, joins the run
    "claimed foo bar", and word by word it now finds both keys (2 - 1 = 1 of 2 keys)."""
    text = "has claimed foo bar"
    question = {"type": "mark_words", "points": 2, "start": 0, "end": len(text), "text": text,
                "label": "attributed_claim", "key": {"spans": [[0, 11], [16, 19]]}}
    before = grade(question, {"spans": [[4, 11], [12, 15]]}).points
    after = grade(question, {"spans": [[4, 11], [12, 15], [16, 19]]}).points
    assert (before, after) == (0.0, 1.0)
