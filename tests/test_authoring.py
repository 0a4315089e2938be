"""Authoring: a teacher's article library, corrected passages, labels, suggestions, cue marks,
drafted quizzes, and the pages that do all that (issue 4 items 1, 2, 3, 5; issue 5 item 4)."""


import pytest

from models import Question, Quiz, User, db
from models.authoring import Passage
from quizzes.drafting import CueSpan, LabelledPassage, draft_question_set
from quizzes.labels import LABEL_IDS
from quizzes.question_sets import parse_question_set
from services import articles, drafting, question_editor
from services.errors import Invalid, NotFound
from tests.conftest import csrf_token, post_form, sign_in

ARTICLE = (
    "Minister quits as storm grows [ANALYSIS]\n\n"
    "The minister resigned on Tuesday, according to a statement from the ministry. "
    "She had held the post since 2019.\n\n"
    "The government has claimed the storm caused “minor damage only”. "
    "Professor Ana Ruiz of the University of Leeds wrote in the Journal of Politics that the resignation "
    "was a sign of deeper weakness because the cabinet had lost its majority. "
    "She argued that the coalition could not survive the winter. "
    "The rot, it seems, goes deeper than anyone admits.\n\n"
    "So, is this the end of the government?\n\n"
    "Sign up to our newsletter for the latest news."
)

HTML_PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>Storm in the cabinet</title>
<script>window.tracker = "do not keep";</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport menu item</a></nav>
<article><h1>Storm in the cabinet</h1>
<p>The minister resigned on Tuesday, according to a statement from the ministry. She had held the post since 2019
and was widely expected to stay until the next election, colleagues said.</p>
<p>Professor Ana Ruiz of the University of Leeds wrote in the Journal of Politics that the resignation was a sign of
deeper weakness because the cabinet had lost its majority in the spring.</p>
<p>The government has claimed the storm caused only minor damage to the coast and to the harbour walls.</p>
</article><footer>Copyright footer text</footer></body></html>"""


@pytest.fixture
def teacher(app, make_teacher):
    user_id, email, password = make_teacher()
    return user_id, email, password


def _user(user_id) -> User:
    return db.session.get(User, user_id)


def _add(app, user_id, text=ARTICLE, **meta):
    with app.app_context():
        return articles.add_article(_user(user_id), title=meta.pop("title", "Minister quits"), text=text, **meta).id


def _bounds(article) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in articles.passages_of(article)]


# --- item 1: adding articles, every failure mode with its message ------------------------------


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"   \n\n  ", "empty.txt", "The article has no text."),
        (b"a" * 100_001, "long.txt", "The article has 100,001 characters; the limit is 100,000."),
        (b"a" * (2 * 1024 * 1024 + 1), "big.txt", "The file is 2.0 MB; the limit is 2 MB."),
        (b"\x00\x01\x02binary\x00", "blob.txt", "This looks like a binary file, not text."),
        (b"<p>hi</p>", "page.pdf", "Files of type '.pdf' are not supported: upload a .txt, .md or .html file."),
        (b"<html><head><script>var a=1;</script></head><body></body></html>", "empty.html", "No article text was found in this HTML page."),
    ],
)
def test_upload_failures_say_why(app, teacher, data, filename, message):
    with app.app_context():
        with pytest.raises(Invalid) as error:
            articles.add_article(_user(teacher[0]), upload=(data, filename))
        assert message in error.value.message
        assert error.value.field == "file"


def test_undecodable_bytes_are_refused_with_a_message(app, teacher, monkeypatch):
    import quizzes.article_import as article_import

    monkeypatch.setattr(article_import, "_detected", lambda data: None)
    monkeypatch.setattr(article_import, "_CONTROL", __import__("re").compile(r"."))  # no charset is acceptable
    with app.app_context():
        with pytest.raises(Invalid) as error:
            articles.add_article(_user(teacher[0]), upload=(b"caf\xe9 \x81\x8d", "latin.txt"))
    assert error.value.message == "The file's characters could not be read: save it as UTF-8 text and upload it again."


def test_latin1_text_is_decoded(app, teacher):
    with app.app_context():
        article = articles.add_article(_user(teacher[0]), upload=("Le café est fermé.".encode("cp1252"), "cafe.txt"))
        assert article.text == "Le café est fermé."
        assert article.title == "Le café est fermé."


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "The article has no text."), (" \n\t ", "The article has no text."),
     ("x" * 100_001, "The article has 100,001 characters; the limit is 100,000.")],
)
def test_paste_failures_say_why(app, teacher, text, message):
    with app.app_context():
        with pytest.raises(Invalid) as error:
            articles.add_article(_user(teacher[0]), title="T", text=text)
    assert error.value.message == message
    assert error.value.field == "text"


def test_metadata_is_checked(app, teacher):
    with app.app_context():
        user = _user(teacher[0])
        with pytest.raises(Invalid, match="http:// or https://"):
            articles.add_article(user, title="T", text="Some text.", url="javascript:alert(1)")
        with pytest.raises(Invalid, match="Give the article a title"):
            articles.add_article(user, title="  ", text="Some text.")
        with pytest.raises(Invalid, match="limit is 300"):
            articles.add_article(user, title="t" * 301, text="Some text.")


def test_html_upload_keeps_the_main_text_and_drops_navigation_and_scripts(app, teacher):
    with app.app_context():
        article = articles.add_article(_user(teacher[0]), upload=(HTML_PAGE, "storm.html"), outlet="The Daily")
        assert article.title == "Storm in the cabinet"
        assert "Professor Ana Ruiz" in article.text
        assert "tracker" not in article.text and "Sport menu item" not in article.text
        assert "\n\n" in article.text  # paragraph breaks kept
        assert articles.source_of(article).outlet == "The Daily"
        assert len(articles.passages_of(article)) >= 4


def test_pasted_crlf_becomes_lf_and_passages_are_the_segmentation(app, teacher):
    with app.app_context():
        article = articles.add_article(_user(teacher[0]), title="T", text="One line.\r\n\r\nTwo. Three.")
        assert article.text == "One line.\n\nTwo. Three."
        assert [article.text[s:e] for s, e in _bounds(article)] == ["One line.", "Two.", "Three."]


def test_a_teacher_sees_only_their_own_articles(app, make_teacher):
    first, _, _ = make_teacher()
    second, _, _ = make_teacher("u@example.org", "Other")
    article_id = _add(app, first)
    with app.app_context():
        assert [a.id for a, _ in articles.articles_of(_user(first))] == [article_id]
        assert articles.articles_of(_user(second)) == []
        with pytest.raises(NotFound):
            articles.article_of(_user(second), article_id)
        with pytest.raises(NotFound):
            question_editor.own_set(_user(second), 1)  # the bundled quiz belongs to no teacher


# --- item 2: merge and split keep offsets; labels move; questions needing review ---------------


def test_merge_and_split_keep_offsets_and_labels(app, teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        article = articles.article_of(_user(teacher[0]), article_id)
        before = _bounds(article)
        passages = articles.passages_of(article)
        first, second = passages[1], passages[2]
        articles.set_label(article, first.id, "reported_fact")
        change = articles.merge_with_next(article, first.id)
        merged = articles.passages_of(article)[1]
        assert (merged.start, merged.end) == (before[1][0], before[2][1])
        assert merged.label.label == "reported_fact"
        assert len(_bounds(article)) == len(before) - 1
        assert change.needs_review == []

        # split back at the start of the old second passage (the space before it is trimmed)
        change = articles.split_passage(article, merged.id, before[2][0] - 1)
        assert _bounds(article) == before
        assert [p.label.label for p in change.passages] == ["reported_fact", "reported_fact"]
        text = article.text
        assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in _bounds(article))


@pytest.mark.parametrize("where", ["start", "end", "outside", "space_only"])
def test_split_must_be_inside_the_passage(app, teacher, where):
    article_id = _add(app, teacher[0], text="Alpha beta gamma.  Delta.")
    with app.app_context():
        article = articles.article_of(_user(teacher[0]), article_id)
        passage = articles.passages_of(article)[0]
        at = {"start": passage.start, "end": passage.end, "outside": passage.end + 3, "space_only": passage.start}[where]
        with pytest.raises(Invalid, match="Split inside the passage"):
            articles.split_passage(article, passage.id, at)


def test_merging_the_last_passage_is_refused(app, teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        article = articles.article_of(_user(teacher[0]), article_id)
        with pytest.raises(Invalid, match="last passage"):
            articles.merge_with_next(article, articles.passages_of(article)[-1].id)


def test_merge_keeps_the_teachers_label_over_a_suggestion_and_names_a_dropped_one(app, teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        article = articles.article_of(_user(teacher[0]), article_id)
        a, b, c = articles.passages_of(article)[3:6]
        articles.set_label(article, b.id, "attributed_claim")
        articles.suggest_labels(article)
        assert a.label.source == "analyzer"
        change = articles.merge_with_next(article, a.id)
        assert (a.label.label, a.label.source) == ("attributed_claim", "teacher")
        assert change.dropped_label is None
        articles.set_label(article, c.id, "sourced_argument")
        change = articles.merge_with_next(article, a.id)
        assert a.label.label == "attributed_claim" and change.dropped_label == "sourced_argument"


def test_questions_whose_passage_changed_need_review(app, teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        user = _user(teacher[0])
        article = articles.article_of(user, article_id)
        articles.suggest_labels(article)
        quiz = drafting.draft_quiz(user, article, use_suggestions=True)
        asked = next(q for q in quiz.questions if q.type == "classify")
        passage = next(p for p in articles.passages_of(article) if (p.start, p.end) == (asked.start, asked.end))
        change = articles.split_passage(article, passage.id, (passage.start + passage.end) // 2)
        review = change.needs_review
        assert asked.position in {r.number for r in review if r.quiz_id == quiz.id}
        assert all((r.start, r.end) not in set(_bounds(article)) for r in review)
        assert articles.questions_needing_review(article) == review


# --- labels, suggestions, cue marks -----------------------------------------------------------


def test_suggest_fills_only_unlabelled_passages_and_accept(app, teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        article = articles.article_of(_user(teacher[0]), article_id)
        passages = articles.passages_of(article)
        articles.set_label(article, passages[0].id, "boilerplate")  # wrong on purpose: the teacher decides
        count = articles.suggest_labels(article)
        assert count == len(passages) - 1
        passages = articles.passages_of(article)
        assert (passages[0].label.label, passages[0].label.source) == ("boilerplate", "teacher")
        suggested = [p.label for p in passages[1:]]
        assert all(l.source == "analyzer" and not l.accepted and 0 <= l.confidence <= 1 for l in suggested)
        assert any(l.cues for l in suggested)
        assert all(p.start <= c["start"] < c["end"] <= p.end for p in passages[1:] for c in p.label.cues)
        assert articles.suggest_labels(article) == 0  # nothing left unlabelled

        articles.accept_suggestion(article, passages[1].id)
        assert passages[1].label.accepted and passages[1].label.source == "analyzer"
        articles.set_label(article, passages[2].id, "editorial_framing")
        assert (passages[2].label.source, passages[2].label.accepted) == ("teacher", True)
        assert articles.accept_all(article) == len(passages) - 3
        assert all(p.label.accepted for p in articles.passages_of(article))
        articles.set_label(article, passages[2].id, "")
        assert articles.passages_of(article)[2].label is None
        with pytest.raises(Invalid, match="one of the six labels"):
            articles.set_label(article, passages[2].id, "propaganda")


def test_cue_marks_by_phrase_or_offsets(app, teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        article = articles.article_of(_user(teacher[0]), article_id)
        passage = next(p for p in articles.passages_of(article) if "has claimed" in article.text[p.start:p.end])
        cue = articles.mark_cue(article, passage.id, "reporting verb of a claim", phrase="HAS CLAIMED")
        assert article.text[cue.start:cue.end] == "has claimed"
        with pytest.raises(Invalid, match="is not in this passage"):
            articles.mark_cue(article, passage.id, "x", phrase="Professor Ana Ruiz")
        with pytest.raises(Invalid, match="in a few words"):
            articles.mark_cue(article, passage.id, "  ", phrase="claimed")
        with pytest.raises(Invalid, match="inside the passage"):
            articles.mark_cue(article, passage.id, "x", start=passage.start - 5, end=passage.start + 3)
        with pytest.raises(Invalid, match="limit is 120"):
            articles.mark_cue(article, passage.id, "n" * 121, phrase="claimed")
        articles.delete_cue(article, cue.id)
        assert articles.cues_of(article) == []


# --- drafting ---------------------------------------------------------------------------------


def _labelled(text: str, labels: list[str], cues=()) -> list[LabelledPassage]:
    from quizzes.segmentation import segment

    return [LabelledPassage(p.start, p.end, label, tuple(cues)) for p, label in zip(segment(text), labels)]


DRAFT_TEXT = (
    "Storm claims minister [ANALYSIS]\n\n"
    "Professor Ana Ruiz wrote in the Journal of Politics that the cabinet had lost its majority. "
    "The coalition, in her view, cannot survive the winter. "
    "The government has claimed the damage was minor. "
    "In a long and winding statement that took the whole afternoon to deliver to the press, the shadow "
    "minister of finance argued that the budget would fail.\n\n"
    "After eight years of “unrelenting pressure”, the cabinet broke. "
    "The storm cost 2 million pounds.\n\n"
    "Sign up to our newsletter."
)
DRAFT_LABELS = ["headline_teaser", "sourced_argument", "sourced_argument", "attributed_claim", "sourced_argument",
                "editorial_framing", "reported_fact", "boilerplate"]


def test_draft_validates_covers_every_label_and_puts_hard_cases_first():
    passages = _labelled(DRAFT_TEXT, DRAFT_LABELS)
    claim = DRAFT_TEXT.index("has claimed")
    marks = [CueSpan(claim, claim + len("has claimed"), "a verb that reports a claim")]
    document = draft_question_set(DRAFT_TEXT, "Storm", passages, marks)
    parsed = parse_question_set(document, DRAFT_TEXT)
    questions = parsed["questions"]
    classified = {q["key"]["choice"] for q in questions if q["type"] == "classify"}
    assert classified == set(DRAFT_LABELS)
    hard = [q["hard_case"] for q in questions]
    assert {"borrowed_quotation", "late_named_source", "continuation", "claim_vs_argument"} <= set(hard)
    first_plain = next(i for i, h in enumerate(hard) if h is None)
    assert all(h is None for h in hard[first_plain:])  # hard cases first
    finds = {q["label"] for q in questions if q["type"] == "find_in_article"}
    assert finds == {"sourced_argument", "editorial_framing", "headline_teaser"}
    mark = next(q for q in questions if q["type"] == "mark_words")
    assert mark["key"]["spans"] == [[claim, claim + len("has claimed")]]
    assert "a verb that reports a claim" in mark["explanation"]
    borrowed = next(q for q in questions if q["hard_case"] == "borrowed_quotation")
    assert borrowed["key"]["choice"] == "editorial_framing"
    assert all(q["explanation"].strip() for q in questions)


def test_draft_explanations_name_the_analyzers_cue():
    text = "The government has claimed the damage was minor."
    cue = CueSpan(15, 26, "a verb that reports a claim: 'has claimed'")
    document = draft_question_set(text, "T", [LabelledPassage(0, len(text), "attributed_claim", (cue,))])
    question = parse_question_set(document, text)["questions"][0]
    assert question["explanation"] == "Attributed claim: the cue is a verb that reports a claim: 'has claimed'."
    assert question["cues"] == [[15, 26]]


def test_draft_needs_labels(app, teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        user = _user(teacher[0])
        article = articles.article_of(user, article_id)
        with pytest.raises(Invalid, match="Label some passages"):
            drafting.draft_quiz(user, article)
        articles.suggest_labels(article)
        with pytest.raises(Invalid, match="Label some passages"):
            drafting.draft_quiz(user, article)  # suggestions count only when asked for, or accepted
        quiz = drafting.draft_quiz(user, article, use_suggestions=True)
        assert quiz.owner_id == user.id and not quiz.published and quiz.questions
        present = {p.label.label for p in articles.passages_of(article)}
        assert present <= {q.key.get("choice") for q in quiz.questions if q.type == "classify"}
        question_editor.set_published(user, quiz.id, True)
        assert quiz.published
        question_editor.set_published(user, quiz.id, False)
        assert not quiz.published


# --- the pages --------------------------------------------------------------------------------

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def teacher_client(app, client, teacher):
    assert sign_in(client, teacher[1], teacher[2]).status_code == 302
    return client


def _upload(client, data: bytes, filename: str, **fields):
    from io import BytesIO

    page = client.get("/teach/articles").get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "title": "", "text": "", "outlet": "", "author": "", "url": "",
            "published_on": "", **fields}
    if data is not None:
        form["file"] = (BytesIO(data), filename)
    return client.post("/teach/articles", data=form, content_type="multipart/form-data")


def test_upload_an_html_page_through_the_form(app, teacher_client):
    response = _upload(teacher_client, HTML_PAGE, "storm.html", outlet="The Daily", published_on="2024-03-05")
    assert response.status_code == 302
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Storm in the cabinet" in page and "The Daily" in page and "2024-03-05" in page
    assert "tracker" not in page
    library = teacher_client.get("/teach/articles").get_data(as_text=True)
    assert "Storm in the cabinet" in library


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "empty.txt", "The article has no text."),
        (b"a" * 100_001, "long.txt", "The article has 100,001 characters; the limit is 100,000."),
        (b"a" * (2 * 1024 * 1024 + 1), "big.txt", "The file is 2.0 MB; the limit is 2 MB."),
        (b"\x00\x01binary", "blob.txt", "This looks like a binary file, not text."),
        (b"%PDF-1.4", "paper.pdf", "Files of type &#39;.pdf&#39; are not supported"),
    ],
)
def test_upload_failures_show_their_message_on_the_form(teacher_client, data, filename, message):
    response = _upload(teacher_client, data, filename, outlet="Kept outlet")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert 'value="Kept outlet"' in page  # what was typed is kept


def test_a_file_far_over_the_limit_gets_a_message_not_a_crash(teacher_client):
    response = _upload(teacher_client, b"a" * (4 * 1024 * 1024), "huge.txt")
    assert response.status_code == 413
    assert "The upload is over 2 MB; the limit is 2 MB." in response.get_data(as_text=True)


def test_paste_without_text_or_with_a_bad_url(teacher_client):
    response = _upload(teacher_client, None, "", title="T", text="  ")
    assert response.status_code == 422 and "The article has no text." in response.get_data(as_text=True)
    response = _upload(teacher_client, None, "", title="T", text="Some text.", url="javascript:alert(1)")
    assert response.status_code == 422 and "http:// or https://" in response.get_data(as_text=True)


def test_the_upload_form_needs_its_csrf_token(teacher_client):
    response = teacher_client.post("/teach/articles", data={"title": "T", "text": "Some text."})
    assert response.status_code == 422
    with teacher_client.application.app_context():
        assert db.session.scalar(__import__("sqlalchemy").select(__import__("sqlalchemy").func.count(Passage.id))) == 0


def _article_page(client, article_id, query=""):
    response = client.get(f"/teach/articles/{article_id}{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_annotation_view_labels_filters_merges_splits_and_drafts(app, teacher_client, teacher):
    article_id = _add(app, teacher[0])
    page = _article_page(teacher_client, article_id)
    with app.app_context():
        article = articles.article_of(_user(teacher[0]), article_id)
        ids = [p.id for p in articles.passages_of(article)]
    assert page.count('class="annotated unlabelled"') == len(ids)
    response = post_form(teacher_client, f"/teach/articles/{article_id}/passages/{ids[0]}/label",
                         {"label": "headline_teaser", "filter": "all"}, page)
    assert response.status_code == 303 and response.headers["Location"].endswith(f"#p-{ids[0]}")
    page = _article_page(teacher_client, article_id)
    assert 'class="annotated label-headline_teaser"' in page
    assert '<span class="label-chip label-headline_teaser">Headline teaser</span>' in page  # the name, not colour alone

    filtered = _article_page(teacher_client, article_id, "?label=headline_teaser")
    assert filtered.count('data-passage-id=') == 1
    assert "(1 of" in filtered
    assert _article_page(teacher_client, article_id, "?label=nonsense").count("data-passage-id=") == len(ids)

    post_form(teacher_client, f"/teach/articles/{article_id}/suggest", {}, page)
    page = _article_page(teacher_client, article_id)
    assert "suggested" in page and "Accept all suggestions" in page
    assert 'class="annotated label-headline_teaser"' in page  # the teacher's label was not replaced
    post_form(teacher_client, f"/teach/articles/{article_id}/passages/{ids[1]}/merge", {}, page)
    page = _article_page(teacher_client, article_id)
    assert page.count("data-passage-id=") == len(ids) - 1
    response = post_form(teacher_client, f"/teach/articles/{article_id}/passages/{ids[1]}/split",
                         {"words": "She had held"}, page)
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Passage split." in page and page.count("data-passage-id=") == len(ids)
    response = post_form(teacher_client, f"/teach/articles/{article_id}/passages/{ids[1]}/split",
                         {"words": "not in the passage"}, page)
    assert "is not in this passage" in teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    post_form(teacher_client, f"/teach/articles/{article_id}/accept-all", {}, page)
    page = _article_page(teacher_client, article_id)
    assert "Accept all suggestions" not in page

    response = post_form(teacher_client, f"/teach/articles/{article_id}/draft", {}, page)
    assert response.status_code == 303 and "/teach/quizzes/" in response.headers["Location"]
    preview = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "as a student sees them" in preview and "Draft" in preview and "Answer and explanation" in preview
    quiz_url = response.headers["Location"]
    post_form(teacher_client, quiz_url + "/publish", {}, preview)
    assert "Published: you can assign it" in teacher_client.get(quiz_url).get_data(as_text=True)
    with app.app_context():
        quiz = db.session.get(Quiz, int(quiz_url.rsplit("/", 1)[1]))
        assert quiz.published and quiz.owner_id == teacher[0]
        from services.assignments import assignable_quizzes

        assert quiz.id in [q.id for q in assignable_quizzes(db.session.get(User, teacher[0]))]


def test_split_then_the_article_page_lists_questions_to_review(app, teacher_client, teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        user = _user(teacher[0])
        article = articles.article_of(user, article_id)
        articles.suggest_labels(article)
        quiz = drafting.draft_quiz(user, article, use_suggestions=True)
        question = next(q for q in quiz.questions if q.type == "classify")
        passage = next(p for p in articles.passages_of(article) if p.start == question.start)
        passage_id, words, number = passage.id, article.text[question.start:question.end].split()[2], question.position
    page = _article_page(teacher_client, article_id)
    response = post_form(teacher_client, f"/teach/articles/{article_id}/passages/{passage_id}/split", {"words": words}, page)
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "no longer exists" in page and "Questions to review" in page and f"question {number}" in page


def test_cue_marks_through_the_form_and_in_the_draft(app, teacher_client, teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        article = articles.article_of(_user(teacher[0]), article_id)
        passage = next(p for p in articles.passages_of(article) if "has claimed" in article.text[p.start:p.end])
        passage_id = passage.id
    page = _article_page(teacher_client, article_id)
    post_form(teacher_client, f"/teach/articles/{article_id}/passages/{passage_id}/cues",
              {"phrase": "has claimed", "note": "reporting verb of a claim"}, page)
    post_form(teacher_client, f"/teach/articles/{article_id}/passages/{passage_id}/label", {"label": "attributed_claim"}, page)
    page = _article_page(teacher_client, article_id)
    assert '<mark class="mark-cue">has claimed</mark> — reporting verb of a claim' in page
    response = post_form(teacher_client, f"/teach/articles/{article_id}/draft", {}, page)
    with app.app_context():
        quiz = db.session.get(Quiz, int(response.headers["Location"].rsplit("/", 1)[1]))
        mark = next(q for q in quiz.questions if q.type == "mark_words")
        assert "reporting verb of a claim" in mark.explanation


def test_another_teacher_gets_404_and_a_student_403(app, client, teacher, make_teacher):
    article_id = _add(app, teacher[0])
    with app.app_context():
        user = _user(teacher[0])
        article = articles.article_of(user, article_id)
        articles.suggest_labels(article)
        quiz_id = drafting.draft_quiz(user, article, use_suggestions=True).id
        passage_id = articles.passages_of(article)[0].id
    _, email, password = make_teacher("other@example.org", "Other")
    sign_in(client, email, password)
    for url in (f"/teach/articles/{article_id}", f"/teach/quizzes/{quiz_id}"):
        assert client.get(url).status_code == 404
    page = client.get("/teach/articles").get_data(as_text=True)
    for url in (f"/teach/articles/{article_id}/passages/{passage_id}/label", f"/teach/articles/{article_id}/suggest",
                f"/teach/articles/{article_id}/draft", f"/teach/quizzes/{quiz_id}/publish"):
        assert post_form(client, url, {"label": "boilerplate"}, page).status_code == 404

    with app.app_context():
        from services.accounts import create_student

        create_student("pupil1", "Pupil", "a long student password")
    student = app.test_client()
    sign_in(student, "pupil1", "a long student password")
    for url in ("/teach/articles", f"/teach/articles/{article_id}", f"/teach/quizzes/{quiz_id}"):
        assert student.get(url).status_code == 403


def test_markup_in_titles_notes_and_metadata_is_escaped(app, teacher_client, teacher):
    response = _upload(teacher_client, None, "", title=XSS, text=f"The minister {XSS} resigned. She left.",
                       outlet=XSS, author=XSS, url="https://example.org/?q=<script>")
    assert response.status_code == 302
    article_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        article = articles.article_of(_user(teacher[0]), article_id)
        passage = articles.passages_of(article)[0]
        articles.mark_cue(article, passage.id, XSS, phrase="minister")
        articles.set_label(article, passage.id, "reported_fact")
    page = _article_page(teacher_client, article_id)
    library = teacher_client.get("/teach/articles").get_data(as_text=True)
    preview_url = post_form(teacher_client, f"/teach/articles/{article_id}/draft", {}, page).headers["Location"]
    preview = teacher_client.get(preview_url).get_data(as_text=True)
    for html in (page, library, preview):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert" in html


def test_a_published_quiz_can_be_made_open_practice_for_guests(app, make_teacher):
    from services.catalog import practice_quizzes

    teacher_id, email, password = make_teacher()
    with app.app_context():
        teacher = db.session.get(User, teacher_id)
        article = articles.add_article(teacher, title="Own article", text="Experts argued that it failed. So, could it?")
        for passage in articles.passages_of(article):
            articles.set_label(article, passage.id, "editorial_framing")
        quiz_id = question_editor.set_published(teacher, drafting.draft_quiz(teacher, article).id, True).id
    client = app.test_client()
    sign_in(client, email, password)
    page = client.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert "Make it open practice" in page
    client.post(f"/teach/quizzes/{quiz_id}/practice", data={"csrf_token": csrf_token(page)})
    with app.app_context():
        assert quiz_id in [q["id"] for q in practice_quizzes()]
    assert app.test_client().get(f"/quizzes/{quiz_id}").status_code == 200  # a guest can start it
