"""Sentence segmentation with stable offsets, on the bundled article's hard spots."""

import json

from quizzes.question_sets import bundled_article_text
from quizzes.segmentation import paragraphs, segment

ARTICLE = bundled_article_text()


def texts(text):
    return [text[p.start:p.end] for p in segment(text)]


def test_every_gold_sentence_of_the_bundled_article_is_one_passage(shared):
    gold = [json.loads(line) for line in (shared / "seed" / "article.gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(p.start, p.end) for p in segment(ARTICLE)] == [(g["start"], g["end"]) for g in gold]


def test_offsets_index_the_text_unchanged():
    for passage in segment(ARTICLE):
        piece = ARTICLE[passage.start:passage.end]
        assert piece == piece.strip() and piece


def test_non_breaking_spaces_are_trimmed_from_passage_edges():
    text = "First line.\u00a0\n\u00a0‘Second’ line [TAG]"
    assert texts(text) == ["First line.", "‘Second’ line [TAG]"]


def test_a_sentence_may_end_inside_a_quotation():
    text = "They wrote: “Putin is threatened. He cannot tolerate it.” Then they stopped."
    assert texts(text) == ["They wrote: “Putin is threatened.", "He cannot tolerate it.”", "Then they stopped."]


def test_titles_and_initials_do_not_end_sentences():
    text = "Mr. Person met Sen. Cruz and George W. Bush. Mr Person left."
    assert texts(text) == ["Mr. Person met Sen. Cruz and George W. Bush.", "Mr Person left."]


def test_bracket_tags_stay_with_their_line():
    lines = ARTICLE.splitlines()
    teaser = next(line for line in lines if line.endswith("[INSIGHT]"))
    assert teaser in texts(ARTICLE)


def test_a_question_mark_before_a_number_is_not_a_boundary():
    assert texts("It cost ? 5.5bn a year. Then more.") == ["It cost ? 5.5bn a year.", "Then more."]


def test_paragraphs_are_the_non_blank_lines():
    assert paragraphs("a\n\n  \nb c\n") == [(0, 1), (6, 9)]
    assert [p.paragraph for p in segment("One. Two.\n\nThree.")] == [0, 0, 1]


def test_empty_text_has_no_passages():
    assert segment("") == [] and segment(" \n\u00a0\n") == []
