"""Teacher pages for authoring: the article library, the annotation view, drafted quizzes.

Routes are added to ``web.teacher.bp`` (under /teach, teachers and admins only); ``app.py`` imports
this module before it registers the blueprint."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from quizzes.article_import import MAX_BYTES
from quizzes.labels import LABELS, LABELS_BY_ID
from services import articles, classes, drafting, question_editor
from services.errors import ServiceError

from .authoring_forms import ArticleForm, CueForm, DraftForm, LabelForm, SplitForm
from .extensions import csrf
from .forms import ActionForm, answer_form
from .presenters import article_paragraphs, pieces
from .teacher import _applied, bp

FILTERS = {"all": "All passages", "unlabelled": "Unlabelled", "suggested": "Suggestions to accept"}
FILTERS.update((label.id, label.name) for label in LABELS)


# --- the library ---------------------------------------------------------------------------


def _library(form, status=200):
    return render_template(
        "teacher/authoring/library.html", form=form, rows=articles.articles_of(current_user)
    ), status


@bp.get("/articles")
def article_library():
    return _library(ArticleForm(formdata=None))


@csrf.exempt
@bp.post("/articles")
def add_article():
    """Exempt from the global CSRF check only so that the upload limit can be raised before the body
    is read (the app's is 256 KB); the form checks its own CSRF token."""
    request.max_content_length = MAX_BYTES + 512 * 1024
    request.max_form_memory_size = 1024 * 1024
    try:
        form = ArticleForm()
    except RequestEntityTooLarge:
        form = ArticleForm(formdata=None)
        form.file.errors = ["The upload is over 2 MB; the limit is 2 MB."]
        return _library(form, 413)
    added = []

    def add():
        upload = None
        if form.file.data and getattr(form.file.data, "filename", ""):
            upload = (form.file.data.read(MAX_BYTES + 1), form.file.data.filename)
        added.append(articles.add_article(
            current_user, title=form.title.data, text=form.text.data, upload=upload, outlet=form.outlet.data,
            author=form.author.data, url=form.url.data, published_on=form.published_on.data,
        ))

    if _applied(form, add):
        flash("Article added. Label its passages, or ask for suggestions.")
        return redirect(url_for(".article_page", article_id=added[0].id))
    return _library(form, 422)


# --- the annotation view -------------------------------------------------------------------


def _keep(passage, label_filter: str) -> bool:
    label = passage.label
    if label_filter == "unlabelled":
        return label is None
    if label_filter == "suggested":
        return label is not None and not label.accepted
    if label_filter in LABELS_BY_ID:
        return label is not None and label.label == label_filter
    return True


def _paragraph_rows(article, passages, cue_marks):
    """Passages grouped by paragraph (a blank line or line break between them starts a new one)."""
    groups, current, last_end = [], [], None
    for passage in passages:
        if current and "\n" in article.text[last_end:passage.start]:
            groups.append(current)
            current = []
        marks = [(c.start, c.end, "cue") for c in cue_marks if passage.start <= c.start and c.end <= passage.end]
        if passage.label is not None:
            marks += [(c["start"], c["end"], "suggested-cue") for c in passage.label.cues or []]
        current.append({
            "passage": passage,
            "pieces": pieces(article.text, passage.start, passage.end, marks),
            "cues": [c for c in cue_marks if passage.start <= c.start and c.end <= passage.end],
            "reasons": [
                {"text": article.text[c["start"]:c["end"]], "reason": c.get("reason", "")}
                for c in (passage.label.cues if passage.label is not None else []) or []
            ],
        })
        last_end = passage.end
    if current:
        groups.append(current)
    return groups


@bp.get("/articles/<id:article_id>")
def article_page(article_id: int):
    article = articles.article_of(current_user, article_id)
    label_filter = request.args.get("label", "all")
    if label_filter not in FILTERS:
        label_filter = "all"
    passages = articles.passages_of(article)
    shown = [p for p in passages if _keep(p, label_filter)]
    counts = {label.id: sum(1 for p in passages if p.label and p.label.label == label.id) for label in LABELS}
    return render_template(
        "teacher/authoring/article.html",
        article=article,
        source=articles.source_of(article),
        paragraphs=_paragraph_rows(article, shown, articles.cues_of(article)),
        passage_count=len(passages),
        shown_count=len(shown),
        last_id=passages[-1].id if passages else None,
        counts=counts,
        unlabelled=sum(1 for p in passages if p.label is None),
        suggested=sum(1 for p in passages if p.label and not p.label.accepted),
        label_filter=label_filter,
        filters=FILTERS,
        review=articles.questions_needing_review(article),
        drafts=drafting.drafts_of_article(current_user, article),
        label_form=LabelForm(formdata=None),
        split_form=SplitForm(formdata=None),
        cue_form=CueForm(formdata=None),
        draft_form=DraftForm(formdata=None),
        action_form=ActionForm(formdata=None),
    )


def _back(article_id: int, passage_id: int | None = None):
    anchor = f"p-{passage_id}" if passage_id else None
    label_filter = request.form.get("filter")
    args = {"label": label_filter} if label_filter in FILTERS and label_filter != "all" else {}
    return redirect(url_for(".article_page", article_id=article_id, _anchor=anchor, **args), 303)


def _refused(form) -> None:
    """Flash every error of a form that failed (the annotation view holds one form per passage)."""
    for field in form:
        for error in field.errors:
            flash(f"{field.label.text}: {error}" if field.name != "csrf_token" else error)
    for error in form.form_errors:
        flash(error)


def _report(change) -> None:
    if change.dropped_label:
        flash(f"The second passage’s label ({LABELS_BY_ID[change.dropped_label].name}) was dropped: check the label.")
    if change.needs_review:
        flash(f"{len(change.needs_review)} question(s) now point at a passage that no longer exists: see “Questions to review”.")


@bp.post("/articles/<id:article_id>/passages/<id:passage_id>/label")
def label_passage(article_id: int, passage_id: int):
    article = articles.article_of(current_user, article_id)
    form = LabelForm()
    if _applied(form, lambda: articles.set_label(article, passage_id, form.label.data)):
        flash("Label saved." if form.label.data else "Label cleared.")
    else:
        _refused(form)
    return _back(article_id, passage_id)


@bp.post("/articles/<id:article_id>/passages/<id:passage_id>/accept")
def accept_passage(article_id: int, passage_id: int):
    article = articles.article_of(current_user, article_id)
    articles.accept_suggestion(article, passage_id)
    flash("Suggestion accepted.")
    return _back(article_id, passage_id)


@bp.post("/articles/<id:article_id>/passages/<id:passage_id>/merge")
def merge_passage(article_id: int, passage_id: int):
    article = articles.article_of(current_user, article_id)
    change = articles.merge_with_next(article, passage_id)
    flash("Passages merged.")
    _report(change)
    return _back(article_id, passage_id)


@bp.post("/articles/<id:article_id>/passages/<id:passage_id>/split")
def split_passage(article_id: int, passage_id: int):
    article = articles.article_of(current_user, article_id)
    form = SplitForm()
    changes = []

    def split():
        passage = next((p for p in articles.passages_of(article) if p.id == passage_id), None)
        if passage is None:
            raise ServiceError("no such passage", "words")
        if form.words.data and form.words.data.strip():
            at = articles.find_phrase(article, passage, form.words.data)[0]
        elif form.position.data:
            at = passage.start + form.position.data - 1
        else:
            raise ServiceError("Type the words the new passage starts with, or a character position.", "words")
        changes.append(articles.split_passage(article, passage_id, at))

    if _applied(form, split):
        flash("Passage split.")
        _report(changes[0])
    else:
        _refused(form)
    return _back(article_id, passage_id)


@bp.post("/articles/<id:article_id>/passages/<id:passage_id>/cues")
def mark_cue(article_id: int, passage_id: int):
    article = articles.article_of(current_user, article_id)
    form = CueForm()

    def mark():
        start, end = _offset(form.start.data), _offset(form.end.data)
        if start is not None and end is not None and not (form.phrase.data or "").strip():
            articles.mark_cue(article, passage_id, form.note.data, start=start, end=end)
        else:
            articles.mark_cue(article, passage_id, form.note.data, phrase=form.phrase.data)

    if _applied(form, mark):
        flash("Cue marked.")
    else:
        _refused(form)
    return _back(article_id, passage_id)


def _offset(value) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) < 10 else None


@bp.post("/articles/<id:article_id>/cues/<id:cue_id>/delete")
def delete_cue(article_id: int, cue_id: int):
    article = articles.article_of(current_user, article_id)
    articles.delete_cue(article, cue_id)
    flash("Cue removed.")
    return _back(article_id)


@bp.post("/articles/<id:article_id>/suggest")
def suggest_labels(article_id: int):
    article = articles.article_of(current_user, article_id)
    count = articles.suggest_labels(article)
    flash(f"{count} passage(s) got a suggested label. Accept them, or change any you disagree with."
          if count else "Every passage already has a label.")
    return _back(article_id)


@bp.post("/articles/<id:article_id>/accept-all")
def accept_all(article_id: int):
    article = articles.article_of(current_user, article_id)
    count = articles.accept_all(article)
    flash(f"{count} suggestion(s) accepted.")
    return _back(article_id)


@bp.post("/articles/<id:article_id>/draft")
def draft_quiz(article_id: int):
    article = articles.article_of(current_user, article_id)
    form = DraftForm()
    drafted = []
    if _applied(form, lambda: drafted.append(drafting.draft_quiz(current_user, article, form.use_suggestions.data))):
        flash(f"Draft quiz made with {len(drafted[0].questions)} questions. Check them, then publish.")
        return redirect(url_for(".quiz_preview", quiz_id=drafted[0].id), 303)
    _refused(form)
    return _back(article_id)


# --- drafted quizzes -----------------------------------------------------------------------


@bp.get("/quizzes/<id:quiz_id>")
def quiz_preview(quiz_id: int):
    """The quiz as a student sees it, question by question, with the key and explanation folded away.

    Any set the teacher can see; only its owner gets the controls (on its newest version)."""
    quiz = question_editor.visible_set(current_user, quiz_id)
    owner = quiz.owner_id == current_user.id
    source = articles.source_of(quiz.article)
    text = quiz.article.text
    items = []
    for number, question in enumerate(quiz.questions, start=1):
        data = question.as_data()
        form = answer_form(data, text, None)
        for field in form:  # a preview: nothing to submit, so no field may clash with another question's
            field.id = f"q{number}-{field.id}"
        items.append({
            "number": number,
            "question": data,
            "form": form,
            "passage": pieces(text, data["start"], data["end"], []) if data["start"] is not None else None,
            "key": [text[s:e] for s, e in data["key"].get("spans", [])],
            "choice": _choice_names(data),
        })
    return render_template(
        "teacher/authoring/quiz.html",
        quiz=quiz,
        items=items,
        paragraphs=article_paragraphs(text),
        owner=owner,
        newest=question_editor.versions_of(quiz)[-1] if owner else quiz,
        own_article=source is not None and source.owner_id == current_user.id,
        classes=[c for c in classes.classes_of(current_user) if not c.archived] if owner else [],
        assignment_count=drafting.assignment_count(quiz) if owner else 0,
        review=[r for r in articles.questions_needing_review(quiz.article) if r.quiz_id == quiz.id] if owner else [],
    )


def _choice_names(data: dict) -> list[str]:
    from quizzes.questions.choice import options

    if "spans" in data["key"]:
        return []
    names = {o["id"]: o["text"] for o in options(data)}
    return [names.get(c, c) for c in data["key"].get("choices", [data["key"].get("choice")])]


@bp.post("/quizzes/<id:quiz_id>/practice")
def toggle_practice(quiz_id: int):
    quiz = question_editor.set_open_practice(
        current_user, quiz_id, not question_editor.own_set(current_user, quiz_id).open_practice)
    flash("Open practice: anyone can practise it from the home page while it is published."
          if quiz.open_practice else "No longer open practice: only assigned students can take it.")
    return redirect(url_for(".quiz_preview", quiz_id=quiz_id), 303)


@bp.post("/quizzes/<id:quiz_id>/publish")
def publish_quiz(quiz_id: int):
    quiz = question_editor.set_published(
        current_user, quiz_id, not question_editor.own_set(current_user, quiz_id).published)
    flash("Published: you can now assign it to a class." if quiz.published
          else "Unpublished: it can no longer be assigned (existing assignments keep it).")
    return redirect(url_for(".quiz_preview", quiz_id=quiz_id), 303)

