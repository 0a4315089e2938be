"""Framecheck: ``create_app`` factory and the module-level ``app`` for ``flask --app app run``."""

import os

from flask import Flask

from models import db
from web.config import load_config
from web import api, student
from web.cli import init_db_command
from web.converters import IdConverter
from web.errors import register_error_handlers
from web.extensions import csrf


def create_app(config: dict | None = None) -> Flask:
    """Build the app; ``config`` overrides settings read from the environment."""
    app = Flask(__name__, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(load_config(app.instance_path, config))
    app.url_map.converters["id"] = IdConverter

    db.init_app(app)
    csrf.init_app(app)


    csrf.exempt(api.bp)  # the API authenticates with bearer tokens, never cookies
    app.register_blueprint(student.bp)
    app.register_blueprint(api.bp)
    app.cli.add_command(init_db_command)
    register_error_handlers(app)
    return app


app = create_app()
