"""Rich text (explanations, descriptions) keeps a small safe subset of HTML; all other text is escaped."""

import pytest

from models import Question, Quiz, db
from quizzes.question_sets import FORMAT, QuestionSetError, parse_question_set
from quizzes.rich_text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES, LINK_REL, clean_rich_text
from tests.conftest import post_form
from tests.test_student_pages import start

HOSTILE = "<em>ok</em><script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.mark.parametrize(
    "payload, forbidden",
    [
        ("<script>alert(1)</script>", ["<script", "alert(1)"]),
        ("<img src=x onerror=alert(1)>", ["<img", "onerror"]),
        ('<a href="javascript:alert(1)">x</a>', ["javascript:", "href"]),
        ('<iframe src="https://evil.example"></iframe>', ["<iframe", "evil.example"]),
        ("<svg onload=alert(1)><circle /></svg>", ["<svg", "onload"]),
        ('<p style="background:url(javascript:alert(1))">x</p>', ["style", "javascript:"]),
        ("<a href=https://x.example onclick=alert(1)>x</a>", ["onclick"]),
        ("<b>x</b><!-- <script>alert(1)</script> -->", ["<!--", "<script"]),
        ('<em class="big" id="i">x</em>', ["class=", "id="]),
    ],
)
def test_hostile_markup_is_removed(payload, forbidden):
    cleaned = clean_rich_text(payload)
    for fragment in forbidden:
        assert fragment not in cleaned


def test_the_allowed_tags_survive():
    html = "<p><em>a</em> <strong>b</strong> <b>c</b> <i>d</i> <u>e</u> <q>f</q> <code>g</code><br></p>"
    html += "<ul><li>h</li></ul><ol><li>i</li></ol><blockquote>j</blockquote>"
    assert clean_rich_text(html) == html


def test_a_link_keeps_href_and_title_and_gains_rel():
    cleaned = clean_rich_text('<a href="https://example.org/a" title="More" target="_blank">more</a>')
    assert cleaned == f'<a href="https://example.org/a" title="More" rel="{LINK_REL}">more</a>'
    assert 'href="mailto:t@example.org"' in clean_rich_text('<a href="mailto:t@example.org">mail</a>')


def test_the_policy_is_the_small_subset():
    assert "script" not in ALLOWED_TAGS and "img" not in ALLOWED_TAGS and "a" in ALLOWED_TAGS
    assert ALLOWED_ATTRIBUTES == {"a": {"href", "title"}}
    assert ALLOWED_URL_SCHEMES == {"http", "https", "mailto"}


def test_plain_text_stays_readable_as_html():
    cleaned = clean_rich_text("Fish & chips: 1 < 2 > 0, 'quoted' “curly”")
    assert cleaned == "Fish &amp; chips: 1 &lt; 2 &gt; 0, 'quoted' “curly”"
    assert clean_rich_text(cleaned) == cleaned  # cleaning again at render changes nothing


def test_anything_but_a_string_is_empty():
    assert clean_rich_text(None) == "" and clean_rich_text(42) == ""


TEXT = "President Putin has claimed Russia is waging war."


def document(explanation: str, description: str = "") -> dict:
    question = {
        "type": "classify", "prompt": "Which label?", "explanation": explanation,
        "passage": {"start": 0, "end": len(TEXT), "text": TEXT}, "key": {"choice": "attributed_claim"},
    }
    return {"format": FORMAT, "title": "T", "description": description, "questions": [question]}


def test_a_parsed_set_stores_explanation_and_description_cleaned():
    parsed = parse_question_set(document("<em>'has claimed'</em><script>alert(1)</script>", HOSTILE), TEXT)
    assert parsed["questions"][0]["explanation"] == "<em>'has claimed'</em>"
    assert parsed["description"] == "<em>ok</em>"


@pytest.mark.parametrize("explanation", ["<b></b>", "<script>alert(1)</script>", "<p> </p>"])
def test_an_explanation_with_no_text_once_cleaned_is_empty(explanation):
    with pytest.raises(QuestionSetError) as error:
        parse_question_set(document(explanation), TEXT)
    assert error.value.errors == ["questions[0]: the explanation is empty"]


def test_the_rich_filter_cleans_again_at_render(app):
    template = app.jinja_env.from_string("{{ value|rich }}|{{ value }}")
    rendered = template.render(value=HOSTILE)
    rich, plain = rendered.split("|")
    assert rich == "<em>ok</em>"
    assert plain.startswith("&lt;em&gt;ok&lt;/em&gt;&lt;script&gt;")


@pytest.fixture
def hostile_quiz(app, quiz_id):
    """The bundled quiz with hostile rich text written straight to the database, past parsing."""
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        quiz.description = HOSTILE
        quiz.title = "<em>Title</em>"
        for question in db.session.query(Question).filter_by(quiz_id=quiz_id):
            question.explanation = HOSTILE
        db.session.commit()
    return quiz_id


def assert_rich_and_safe(page: str) -> None:
    assert "<em>ok</em>" in page
    assert "<script>alert(1)" not in page and "onerror" not in page and "alert(2)" not in page


def test_home_and_intro_render_the_description_cleaned_and_the_title_escaped(client, hostile_quiz):
    for url in ("/", f"/quizzes/{hostile_quiz}"):
        page = client.get(url).get_data(as_text=True)
        assert_rich_and_safe(page)
        assert "&lt;em&gt;Title&lt;/em&gt;" in page and "<em>Title</em>" not in page


def test_the_result_page_renders_explanations_cleaned_and_the_name_escaped(client, hostile_quiz):
    attempt_id = start(client, hostile_quiz, name="<em>Ana</em>")
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    post_form(client, f"/attempts/{attempt_id}/submit", {}, review)
    page = client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert page.count('<strong>Why:</strong> <em>ok</em></div>') == 26
    assert_rich_and_safe(page)
    assert "&lt;em&gt;Ana&lt;/em&gt;" in page and "<em>Ana</em>" not in page
    assert "&lt;em&gt;Title&lt;/em&gt;" in page
