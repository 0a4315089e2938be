"""Flask CLI commands: ``flask --app app init-db``."""

import click
from flask.cli import with_appcontext

from models import db
from services.catalog import install_bundled


@click.command("init-db")
@with_appcontext
def init_db_command():
    """Create the schema and load the bundled article and its quiz (safe to run twice)."""
    db.create_all()
    quiz, created = install_bundled()
    state = "loaded" if created else "already there"
    click.echo(f"Database ready. Bundled quiz {quiz.title!r} ({len(quiz.questions)} questions): {state}.")
