"""Teacher results pages on the teacher blueprint (its role check applies): gradebook, a student's
attempts, CSV exports, item analysis with answer distributions, and confusion by label."""

import json
from datetime import timedelta
from functools import lru_cache

from flask import Response, abort, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup

from quizzes.csv_export import to_csv
from quizzes.labels import LABEL_IDS, label_name
from services import assignments, classes, results

from . import charts
from .presenters import describe_answer, format_points
from .teacher import bp

GRADEBOOK_HEADER = ["student_id", "username", "display_name", "state", "attempts", "time_taken_seconds",
                    "counted_score", "max_score"]
RESPONSE_HEADER = ["student_id", "username", "display_name", "attempt_id", "attempt_number", "attempt_state",
                   "question_id", "question_number", "question_type", "answer", "points", "max_points", "correct",
                   "saved_at"]


def duration(value: timedelta | None) -> str:
    """'12 min 5 s', '45 s', or a dash."""
    if value is None:
        return "—"
    minutes, seconds = divmod(int(value.total_seconds()), 60)
    return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


def score_bins(scores: list[float], max_score: float, bins: int = 10) -> list[tuple[str, int]]:
    """The histogram's numbers for its table: each range and its count, binned as ``charts.score_histogram``."""
    counts = [0] * bins
    for score in scores:
        counts[min(max(int(score / max_score * bins), 0), bins - 1) if max_score else 0] += 1
    edges = [max_score * i / bins for i in range(bins + 1)]
    return [(f"{edges[i]:g}–{edges[i + 1]:g}", counts[i]) for i in range(bins)]


@lru_cache(maxsize=256)
def _cell(value: float | None) -> str:
    return f"<td>{format_points(value)}</td>" if value is not None else "<td>—</td>"


def cells_html(cells: list[float | None]) -> Markup:
    """A row's point cells as ready HTML (numbers only: nothing to escape); 30,000 cells render fast."""
    return Markup("".join(_cell(value) for value in cells))


def _sheet(assignment_id: int, answers: bool = False) -> results.Sheet:
    return results.load_sheet(assignments.assignment_of_teacher(current_user, assignment_id), answers)


def _csv(text: str, name: str) -> Response:
    return Response(text, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.get("/assignments/<id:assignment_id>/gradebook")
def gradebook(assignment_id: int):
    sheet = _sheet(assignment_id)
    sort = request.args.get("sort") if request.args.get("sort") in results.SORTS else "name"
    descending = request.args.get("dir") == "desc"
    rows = results.sort_rows(results.gradebook(sheet), sort, descending)
    return render_template("teacher/results/gradebook.html", sheet=sheet, rows=rows, sort=sort,
                           descending=descending, duration=duration, cells_html=cells_html)


@bp.get("/assignments/<id:assignment_id>/students/<id:student_id>")
def student_attempts(assignment_id: int, student_id: int):
    sheet = _sheet(assignment_id, answers=True)
    student, attempts = results.student_attempts(sheet, student_id)
    described = [
        (attempt, [(q, r, describe_answer(q.as_data(), r.answer if r else None, sheet.article_text)) for q, r in items])
        for attempt, items in attempts
    ]
    return render_template("teacher/results/student.html", sheet=sheet, student=student, attempts=described,
                           duration=duration)


@bp.get("/assignments/<id:assignment_id>/gradebook.csv")
def gradebook_csv(assignment_id: int):
    sheet = _sheet(assignment_id)
    header = GRADEBOOK_HEADER + [f"Q{q.position} ({q.points:g})" for q in sheet.questions]
    rows = [
        [r.student.id, r.student.username, r.student.display_name, r.state, len(r.attempts),
         int(r.time_taken.total_seconds()) if r.time_taken else None, r.score, sheet.max_score, *r.cells]
        for r in results.gradebook(sheet)
    ]
    return _csv(to_csv(header, rows), f"gradebook-{assignment_id}.csv")


@bp.get("/assignments/<id:assignment_id>/responses.csv")
def responses_csv(assignment_id: int):
    rows = results.response_rows(_sheet(assignment_id, answers=True))
    for row in rows:
        row["answer"] = json.dumps(row["answer"], ensure_ascii=False) if row["answer"] is not None else None
    return _csv(to_csv(RESPONSE_HEADER, ([row[k] for k in RESPONSE_HEADER] for row in rows)),
                f"responses-{assignment_id}.csv")


@bp.get("/assignments/<id:assignment_id>/analysis")
def analysis(assignment_id: int):
    assignment = assignments.assignment_of_teacher(current_user, assignment_id)
    shown = results.distribution_shown(assignment, request.args.get("show") == "1")
    sheet = results.load_sheet(assignment, answers=shown)
    stats, totals = results.item_analysis(sheet)
    names = [f"Q{q.position}" for q in sheet.questions]
    scatter = [(n, s.facility, s.discrimination_index) for n, s in zip(names, stats.questions)]
    return render_template(
        "teacher/results/analysis.html", sheet=sheet, stats=stats, items=list(zip(sheet.questions, stats.questions)),
        bins=score_bins(totals, sheet.max_score),
        histogram=Markup(charts.score_histogram(totals, sheet.max_score, title="Scores of the counted attempts")),
        scatter=Markup(charts.facility_discrimination_scatter(scatter)),
        distributions=results.distributions(sheet) if shown else None,
    )


def _student_arg(classroom) -> int | None:
    """The ``?student=`` id, which must be a student of the class (404 otherwise)."""
    raw = request.args.get("student", "")
    if raw and not raw.isdigit():
        abort(404)
    return classes.student_in(classroom, int(raw)).id if raw else None


def _confusion_page(classroom, attempt_filter, assignment=None):
    students = results.class_students(classroom.id)
    student_id = _student_arg(classroom)
    report = results.confusion(attempt_filter, student_id)
    true, given = request.args.get("true"), request.args.get("given")
    cell = None
    if true in LABEL_IDS and given in LABEL_IDS:
        cell = report.cells[true, given]
    elif true in LABEL_IDS and given == "none":
        cell = report.missed[true]
    names = [label_name(label) for label in report.labels]

    def cell_url(true_label: str, given_label: str) -> str:
        return url_for(request.endpoint, **request.view_args, student=student_id, true=true_label,
                       given=given_label, _anchor="passages")

    return render_template(
        "teacher/results/confusion.html", classroom=classroom, assignment=assignment, report=report,
        students=students, student_id=student_id, cell=cell, names={s.id: s.display_name for s in students},
        heatmap=Markup(charts.confusion_heatmap(report.matrix(), names)), cell_url=cell_url,
    )


@bp.get("/assignments/<id:assignment_id>/confusion")
def assignment_confusion(assignment_id: int):
    assignment = assignments.assignment_of_teacher(current_user, assignment_id)
    return _confusion_page(assignment.classroom, results.submitted_in_assignment(assignment), assignment)


@bp.get("/classes/<id:class_id>/confusion")
def class_confusion(class_id: int):
    classroom = classes.class_of(current_user, class_id)
    return _confusion_page(classroom, results.submitted_in_class(classroom.id))

