"""Filters and globals every template may use."""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask_login import current_user
from markupsafe import Markup

from quizzes.assignment_rules import FEEDBACK_NAMES
from quizzes.labels import label_name
from quizzes.rich_text import clean_rich_text

from .presenters import format_points, word_runs


def viewer_zone() -> ZoneInfo:
    zone = getattr(current_user, "timezone", None) if current_user else None
    return ZoneInfo(zone or "UTC")


def localtime(value: datetime | str | None) -> str:
    """A UTC time in the viewer's time zone, e.g. '2026-11-25 14:30 (Europe/Paris)'."""
    if value is None:
        return "—"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    zone = viewer_zone()
    return f"{value.astimezone(zone):%Y-%m-%d %H:%M} ({zone.key})"


def rich(value: str | None) -> Markup:
    """Rich text (an explanation or description) cleaned again as it is rendered, then trusted."""
    return Markup(clean_rich_text(value))


def init_app(app) -> None:
    app.add_template_filter(format_points, "points")
    app.add_template_filter(localtime, "localtime")
    app.add_template_filter(rich, "rich")
    app.add_template_global(label_name, "label_name")
    app.add_template_global(word_runs, "word_runs")
    app.add_template_global(FEEDBACK_NAMES, "FEEDBACK_NAMES")
