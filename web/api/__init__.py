"""JSON API v1 for scripts and the quiz page's autosave."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import class_routes, routes  # noqa: E402,F401  (attach the routes to bp)
