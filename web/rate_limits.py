"""How fast attempts may be started: per signed-in student, or per network address for guests
(generous, since a whole class behind one school address may start together)."""

from flask_limiter.util import get_remote_address
from flask_login import current_user

from .extensions import limiter

STUDENT_STARTS = "20 per minute"
GUEST_STARTS_PER_ADDRESS = "600 per minute"
MESSAGE = "Too many new attempts in one minute: wait a minute, then try again. Saved answers are kept."


def _starter() -> str:
    return f"user:{current_user.id}" if current_user.is_authenticated else f"address:{get_remote_address()}"


def _rate() -> str:
    return STUDENT_STARTS if current_user.is_authenticated else GUEST_STARTS_PER_ADDRESS


#: One budget shared by every route that starts an attempt (HTML, API, try again, assignments).
attempt_starts = limiter.shared_limit(
    _rate, scope="attempt-starts", key_func=_starter, methods=["POST"], error_message=MESSAGE
)
