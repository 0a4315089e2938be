"""The bundled question set "Who is speaking?": valid, complete, and every key agrees with the expert gold."""

import json
import re
from pathlib import Path

import pytest

from quizzes.labels import LABEL_IDS
from quizzes.question_sets import FORMAT, bundled_article_text, bundled_document, parse_question_set
from quizzes.questions import REGISTRY, grade

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_FILE = SHARED / "seed" / "article.gold.jsonl"
SHARED_ARTICLE = SHARED / "seed" / "article.txt"
REPO_ARTICLE = Path(__file__).resolve().parents[1] / "quizzes" / "seed" / "article.txt"

HARD_CASES = {
    "borrowed_quotation",
    "late_named_source",
    "continuation",
    "headline_that_frames",
    "plain_headline",
    "claim_vs_argument",
}
POINTS = {"classify": 1, "multiple_choice": 1, "multi_select": 2, "mark_words": 2, "find_in_article": 2}
QUOTES = "‘’“”'\""


@pytest.fixture(scope="module")
def document() -> dict:
    return bundled_document()


@pytest.fixture(scope="module")
def article() -> str:
    return bundled_article_text()


@pytest.fixture(scope="module")
def parsed(document, article) -> dict:
    return parse_question_set(document, article)


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    if not GOLD_FILE.is_file():
        pytest.skip(f"the shared gold labels are absent ({GOLD_FILE}); cannot check the keys against them")
    with GOLD_FILE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _raw_and_parsed(document, parsed):
    return list(zip(document["questions"], parsed["questions"], strict=True))


# --- the document as a whole ----------------------------------------------------------------


def test_document_header(document, article):
    assert document["format"] == FORMAT
    assert document["slug"] == "who-is-speaking"
    assert document["title"] == "Who is speaking?"
    assert document["article"] == {
        "slug": "putin-fears-most",
        "title": article.split("\n", 1)[0],
        "file": "article.txt",
    }


def test_parser_accepts_the_bundled_set(parsed, document):
    assert parsed["slug"] == "who-is-speaking"
    assert len(parsed["questions"]) == len(document["questions"]) >= 20


def test_all_five_types_are_used(parsed):
    assert {q["type"] for q in parsed["questions"]} == set(REGISTRY) == set(POINTS)


def test_points_follow_the_type(parsed):
    for i, q in enumerate(parsed["questions"]):
        assert q["points"] == POINTS[q["type"]], f"question {i} ({q['type']})"


def test_all_six_labels_are_covered(parsed):
    covered = set()
    for q in parsed["questions"]:
        if q["type"] == "classify":
            covered.add(q["key"]["choice"])
        elif q["type"] in ("mark_words", "find_in_article"):
            covered.add(q["label"])
    assert covered == set(LABEL_IDS)


def test_every_hard_case_is_taught(document):
    used = [q["hard_case"] for q in document["questions"] if "hard_case" in q]
    assert set(used) <= HARD_CASES, set(used) - HARD_CASES
    assert set(used) == HARD_CASES


def test_every_question_explains_itself_and_points_at_its_cues(document, article):
    for i, q in enumerate(document["questions"]):
        assert q["prompt"].strip(), f"question {i} has no prompt"
        assert q["explanation"].strip(), f"question {i} has no explanation"
        assert q.get("cues"), f"question {i} has no cue spans"
        for cue in q["cues"]:
            assert article[cue["start"]:cue["end"]] == cue["text"]
        # the explanation names every cue it highlights (outer quotation marks aside)
        unnamed = [c["text"] for c in q["cues"] if c["text"].strip(QUOTES) not in q["explanation"]]
        assert not unnamed, f"question {i}: the explanation does not name {unnamed}"


def test_choice_options_have_short_distinct_ids(parsed):
    for i, q in enumerate(parsed["questions"]):
        if q["type"] in ("multiple_choice", "multi_select"):
            ids = [o["id"] for o in q["options"]]
            assert len(ids) == len(set(ids)) >= 2
            assert all(re.fullmatch(r"[a-h]", option_id) for option_id in ids), f"question {i}: {ids}"


def test_mark_words_keys_are_short_word_aligned_cues(parsed, article):
    for i, q in enumerate(parsed["questions"]):
        if q["type"] != "mark_words":
            continue
        assert 2 <= len(q["key"]["spans"]) <= 4, f"question {i}"
        for start, end in q["key"]["spans"]:
            phrase = article[start:end]
            assert 1 <= len(phrase.split()) <= 4, f"question {i}: {phrase!r} is too long"
            assert phrase == phrase.strip(), f"question {i}: {phrase!r} has outer white space"
            for edge_out, edge_in in ((start - 1, start), (end, end - 1)):
                # a word edge: the key never cuts a word in two
                if 0 <= edge_out < len(article) and article[edge_in].isalnum():
                    assert not article[edge_out].isalnum(), f"question {i}: {phrase!r} cuts a word"


# --- every key against the expert gold -------------------------------------------------------


def test_bundled_article_is_the_shared_article():
    if not SHARED_ARTICLE.is_file():
        pytest.skip(f"the shared seed article is absent ({SHARED_ARTICLE})")
    assert REPO_ARTICLE.read_bytes() == SHARED_ARTICLE.read_bytes()


def test_gold_offsets_fit_the_article(gold, article):
    for sentence in gold:
        assert article[sentence["start"]:sentence["end"]] == sentence["text"]


def test_classify_keys_equal_the_gold_label(parsed, gold):
    by_offsets = {(g["start"], g["end"]): g for g in gold}
    classify = [q for q in parsed["questions"] if q["type"] == "classify"]
    assert classify
    for q in classify:
        sentence = by_offsets.get((q["start"], q["end"]))
        assert sentence, f"classify passage [{q['start']}, {q['end']}] is not a gold sentence"
        assert q["key"]["choice"] == sentence["label"], sentence["text"]


def test_find_in_article_keys_are_exactly_the_gold_sentences_of_the_label(parsed, gold):
    finds = [q for q in parsed["questions"] if q["type"] == "find_in_article"]
    assert finds
    for q in finds:
        expected = {(g["start"], g["end"]) for g in gold if g["label"] == q["label"]}
        assert {tuple(span) for span in q["key"]["spans"]} == expected, q["label"]
        assert len(q["key"]["spans"]) == len(expected), f"{q['label']}: a passage is keyed twice"


def test_mark_words_keys_lie_in_a_gold_sentence_of_the_label(parsed, gold):
    marks = [q for q in parsed["questions"] if q["type"] == "mark_words"]
    assert marks
    for q in marks:
        for start, end in q["key"]["spans"]:
            home = [g for g in gold if g["start"] <= start and end <= g["end"]]
            assert home, f"[{start}, {end}] is not inside one gold sentence"
            assert q["label"] in [home[0]["label"], *home[0].get("also", [])], (q["label"], home[0]["text"])


# --- grading through the question types ------------------------------------------------------


def _as_data(question: dict, article: str) -> dict:
    """The shape ``models.Question.as_data`` gives the graders."""
    data = dict(question)
    if question["start"] is not None:
        data["text"] = article[question["start"]:question["end"]]
    return data


def _perfect(question: dict):
    key = question["key"]
    if question["type"] in ("classify", "multiple_choice"):
        return {"choice": key["choice"]}
    if question["type"] == "multi_select":
        return {"choices": list(key["choices"])}
    return {"spans": [list(span) for span in key["spans"]]}


def _empty(question: dict):
    if question["type"] == "multi_select":
        return {"choices": []}
    if question["type"] in ("mark_words", "find_in_article"):
        return {"spans": []}
    return None


def test_a_perfect_answer_earns_full_marks(parsed, article):
    for i, q in enumerate(parsed["questions"]):
        result = grade(_as_data(q, article), _perfect(q))
        assert result.correct, f"question {i} ({q['type']}): {result.feedback}"
        assert result.points == result.max_points == q["points"], f"question {i}"


def test_an_empty_answer_earns_nothing(parsed, article):
    for i, q in enumerate(parsed["questions"]):
        for answer in (None, _empty(q)):
            result = grade(_as_data(q, article), answer)
            assert result.points == 0 and not result.correct, f"question {i} ({q['type']}) answer {answer!r}"
