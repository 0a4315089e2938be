"""A student's mastery of each label over time, across quizzes (on the student blueprint)."""

from flask import render_template, request
from flask_login import current_user
from markupsafe import Markup

from quizzes.labels import label_name
from quizzes.mastery import MONTH, WEEK
from services import results

from . import charts
from .access import role_required
from .student import bp


def mastery_table(by_label: dict) -> tuple[list[str], dict[str, list]]:
    """The periods (oldest first) and, per label name, its PeriodScore in each period (None if untested)."""
    starts = sorted({s.start for scores in by_label.values() for s in scores})
    names = {s.start: s.name for scores in by_label.values() for s in scores}
    rows = {label_name(label): [next((s for s in scores if s.start == start), None) for start in starts]
            for label, scores in by_label.items()}
    return [names[start] for start in starts], rows


@bp.get("/me/progress")
@role_required("student")
def my_progress():
    period = MONTH if request.args.get("period") == MONTH else WEEK
    periods, rows = mastery_table(results.progress(current_user, period))
    shares = {name: [s.share if s else None for s in scores] for name, scores in rows.items()}
    chart = Markup(charts.mastery_lines(periods, shares, title="Your mastery of each label over time"))
    return render_template("student/progress.html", period=period, periods=periods, rows=rows, chart=chart)
