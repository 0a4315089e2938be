"""JSON API v1 for scripts and the quiz page's autosave."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import routes  # noqa: E402,F401  (attaches the routes to bp)
