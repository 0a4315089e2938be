"""Framecheck: ``create_app`` factory and the module-level ``app`` for ``flask --app app run``."""

import os

from flask import Flask

from models import db
from web import api, auth, migrate, ops, request_logging, student, teacher, template_helpers
from web import authoring, question_editor_views, student_progress, teacher_results  # noqa: F401  (routes on teacher.bp, student.bp)
from web.api import authoring_routes, results_routes  # noqa: F401  (routes on api.bp)
from web.access import require_password_change
from web.analyze_command import analyze_command
from web.backup_commands import export_command, import_command
from web.cli import init_db_command, users_command
from web.config import load_config
from web.converters import IdConverter
from web.errors import register_error_handlers
from web.extensions import csrf, limiter, login_manager
from web.security import add_security_headers


def create_app(config: dict | None = None) -> Flask:
    """Build the app; ``config`` overrides settings read from the environment."""
    app = Flask(__name__, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(load_config(app.instance_path, config))
    app.url_map.converters["id"] = IdConverter
    request_logging.init_app(app)
    request_logging.init_proxy_fix(app)

    db.init_app(app)
    migrate.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    template_helpers.init_app(app)

    csrf.exempt(api.bp)  # the API checks CSRF itself, only for calls authenticated by the session cookie
    for blueprint in (student.bp, auth.bp, teacher.bp, api.bp, ops.bp):
        app.register_blueprint(blueprint)
    app.before_request(require_password_change)
    app.after_request(add_security_headers)
    app.cli.add_command(init_db_command)
    app.cli.add_command(users_command)
    app.cli.add_command(analyze_command)
    app.cli.add_command(export_command)
    app.cli.add_command(import_command)
    register_error_handlers(app)
    return app


app = create_app()
