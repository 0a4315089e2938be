import pytest

from quizzes.confusion import classify_records, confusion_report, find_in_article_records, passage_ref
from quizzes.labels import LABEL_IDS

ARTICLE = (
    "Putin LEAVES Russia [INSIGHT]\n"
    "\n"
    "Experts argued that he acted because he felt threatened. The despot fears his own people.\n"
    "\n"
    "Sign up to our newsletter."
)


def span(text: str) -> tuple[int, int]:
    start = ARTICLE.index(text)
    return start, start + len(text)


HEADLINE = span("Putin LEAVES Russia [INSIGHT]")
ARGUMENT = span("Experts argued that he acted because he felt threatened.")
FRAMING = span("The despot fears his own people.")
SIGN_UP = span("Sign up to our newsletter.")
LABELLED = [
    {"start": HEADLINE[0], "end": HEADLINE[1], "label": "headline_teaser"},
    {"start": ARGUMENT[0], "end": ARGUMENT[1], "label": "sourced_argument"},
    {"start": FRAMING[0], "end": FRAMING[1], "label": "editorial_framing"},
    {"start": SIGN_UP[0], "end": SIGN_UP[1], "label": "boilerplate"},
]
CLASSIFY_FRAMING = {"type": "classify", "start": FRAMING[0], "end": FRAMING[1], "key": {"choice": "editorial_framing"}}
FIND_TEASERS = {"type": "find_in_article", "label": "headline_teaser", "key": {"spans": [list(HEADLINE)]}}

EF, SA, HT, BP = "editorial_framing", "sourced_argument", "headline_teaser", "boilerplate"


def cell(report, true, given):
    return report.matrix()[LABEL_IDS.index(true)][LABEL_IDS.index(given)]


def classify(student, choice, question_id="q1"):
    return classify_records(student, question_id, CLASSIFY_FRAMING, {"choice": choice}, ARTICLE)


def test_passage_ref_counts_paragraphs_from_one_and_shortens_the_excerpt():
    assert passage_ref(ARTICLE, *FRAMING) == {"paragraph": 2, "excerpt": "The despot fears his own people."}
    assert passage_ref(ARTICLE, *ARGUMENT)["excerpt"] == "Experts argued that he acted because…"


def test_classify_answers_fill_the_row_of_the_true_label():
    records = classify("ann", SA) + classify("bob", SA) + classify("cem", EF)
    report = confusion_report(records)
    assert cell(report, EF, SA) == 2
    assert cell(report, EF, EF) == 1
    assert sum(map(sum, report.matrix())) == 3
    (passage,) = report.cells[EF, SA].passages
    assert passage.students == ("ann", "bob") and (passage.start, passage.end) == FRAMING
    assert report.statements == (
        "2 of 3 students read the editorial framing in paragraph 2 (“The despot fears his own people.”) "
        "as sourced argument",
    )


def test_an_unanswered_classify_question_gives_no_record():
    assert classify_records("ann", "q1", CLASSIFY_FRAMING, None, ARTICLE) == []


def test_find_in_article_mapping():
    # ann finds the headline and also takes the framing sentence for a teaser;
    # bob selects nothing; cem selects half the sign-up notice and a blank line.
    ann = find_in_article_records("ann", "q2", FIND_TEASERS, {"spans": [list(HEADLINE), list(FRAMING)]}, LABELLED, ARTICLE)
    bob = find_in_article_records("bob", "q2", FIND_TEASERS, {"spans": []}, LABELLED, ARTICLE)
    blank = ARTICLE.index("\n\nSign")
    cem = find_in_article_records(
        "cem", "q2", FIND_TEASERS, {"spans": [[SIGN_UP[0], SIGN_UP[0] + 7], [blank, blank + 1]]}, LABELLED, ARTICLE
    )
    report = confusion_report(ann + bob + cem)
    assert cell(report, HT, HT) == 1  # ann found the headline
    assert cell(report, EF, HT) == 1  # ann read the framing as a teaser
    assert cell(report, BP, HT) == 1  # cem read the sign-up notice as a teaser; the blank line is ignored
    assert report.missed[HT].count == 2  # bob and cem did not find the headline
    assert report.missed[HT].passages[0].students == ("bob", "cem")
    assert sum(map(sum, report.matrix())) == 3


def test_two_selections_in_one_passage_count_once():
    half = (FRAMING[0], FRAMING[0] + 10)
    records = find_in_article_records("ann", "q2", FIND_TEASERS, {"spans": [list(half), list(FRAMING)]}, LABELLED, ARTICLE)
    assert [(r["true_label"], r["given_label"]) for r in records] == [(EF, HT), (HT, None)]


def test_top_three_confusions_are_the_most_frequent_off_diagonal_passages():
    # q1: 3 of 4 read the framing as argument, 1 as boilerplate; q3: 2 of 2 read the argument as framing.
    records = classify("a", SA) + classify("b", SA) + classify("c", SA) + classify("d", BP)
    question = {"start": ARGUMENT[0], "end": ARGUMENT[1], "key": {"choice": SA}}
    records += [r for s in "ef" for r in classify_records(s, "q3", question, {"choice": EF}, ARTICLE)]
    records += classify("e", EF, question_id="q4")  # right: never a confusion
    report = confusion_report(records)
    assert [(p.question_id, p.given_label, len(p.students), p.of_students) for p in report.top_confusions] == [
        ("q1", SA, 3, 4),
        ("q3", EF, 2, 2),
        ("q1", BP, 1, 4),
    ]
    assert report.statements[1].startswith("2 of 2 students read the sourced argument in paragraph 2")
    assert report.statements[1].endswith("as editorial framing")


def test_filtering_is_passing_fewer_records():
    records = classify("ann", SA) + classify("bob", EF)
    only_bob = confusion_report([r for r in records if r["student_id"] == "bob"])
    assert cell(only_bob, EF, SA) == 0 and cell(only_bob, EF, EF) == 1
    assert only_bob.top_confusions == ()


def test_records_without_paragraph_are_named_by_offsets_and_one_student_is_singular():
    report = confusion_report(
        [{"student_id": "s", "question_id": 1, "start": 5, "end": 9, "true_label": BP, "given_label": HT}]
    )
    assert report.statements == ("1 of 1 student read the boilerplate at characters 5–9 as headline teaser",)


def test_unknown_labels_are_rejected():
    with pytest.raises(ValueError):
        confusion_report([{"student_id": 1, "question_id": 1, "start": 0, "end": 1, "true_label": "spin", "given_label": EF}])


def test_the_matrix_is_six_by_six_in_label_order():
    report = confusion_report([])
    assert report.labels == LABEL_IDS
    assert report.matrix() == [[0] * 6 for _ in range(6)]
