"""When an assignment is open, how many attempts remain, and when feedback may be shown."""

from datetime import datetime

from .grading_methods import GRADING_METHODS

__all__ = ["GRADING_METHODS", "FEEDBACK_TIMES", "attempts_left", "feedback_visible", "window_state"]
FEEDBACK_TIMES = ("after_each", "after_submit", "after_close")
FEEDBACK_NAMES = {
    "after_each": "after each question",
    "after_submit": "after submitting",
    "after_close": "after the close time",
}

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"


def window_state(opens_at: datetime, closes_at: datetime | None, now: datetime) -> str:
    if now < opens_at:
        return UPCOMING
    if closes_at is not None and now >= closes_at:
        return CLOSED
    return OPEN


def attempts_left(max_attempts: int | None, used: int) -> int | None:
    """None means unlimited."""
    return None if max_attempts is None else max(max_attempts - used, 0)


def feedback_visible(feedback: str, closes_at: datetime | None, submitted: bool, now: datetime) -> bool:
    """Whether the right answers and explanations may be shown for a submitted attempt."""
    if not submitted:
        return False
    if feedback == "after_close":
        return closes_at is None or now >= closes_at
    return True
