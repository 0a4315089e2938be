"""Who the visitor is, and the role checks every teacher and student route uses."""

from functools import wraps

from flask import abort, redirect, request, url_for
from flask_login import current_user

from services.accounts import load_session_user

from .errors import error_response
from .extensions import login_manager

login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to see that page."
login_manager.user_loader(load_session_user)

_PASSWORD_FREE = {"auth.change_password", "auth.logout", "static", "ops.healthz", "ops.readyz"}


def role_required(*roles: str):
    """Only signed-in users with one of ``roles``; others are sent to sign in, or refused (403)."""

    def decorate(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return guarded

    return decorate


def require_password_change():
    """Before any page or cookie-authenticated API call: a student with a one-time password must
    choose their own first."""
    if not (current_user.is_authenticated and current_user.must_change_password):
        return None
    if request.path.startswith("/api/"):
        if "Authorization" in request.headers:
            return None  # a token, not this session, authenticates the call
        return error_response(403, "Choose your own password first (you signed in with a one-time password).", "password")
    if request.endpoint not in _PASSWORD_FREE:
        return redirect(url_for("auth.change_password"))
    return None
