"""Flask CLI commands: ``init-db`` (with ``--demo``) and ``users create`` / ``users token``."""

import sys

import click
from flask.cli import AppGroup, with_appcontext

from services import accounts
from services.catalog import install_bundled
from services.demo import install_demo
from services.errors import ServiceError
from web.migrate import upgrade_database


@click.command("init-db")
@click.option("--demo", is_flag=True, help="Also create a demo teacher, a class of students and their attempts.")
@with_appcontext
def init_db_command(demo: bool):
    """Migrate the schema to the newest revision and load the bundled article and its quiz (safe to run twice)."""
    schema = upgrade_database()
    click.echo(f"Schema: {schema}.")
    quiz, created = install_bundled()
    state = "loaded" if created else "already there"
    click.echo(f"Database ready. Bundled quiz {quiz.title!r} ({len(quiz.questions)} questions): {state}.")
    if demo:
        report = install_demo(quiz)
        click.echo(report)


users_command = AppGroup("users", help="Create users and API tokens.")


@users_command.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(["teacher", "admin"]), default="teacher", show_default=True)
@click.option("--name", help="Display name (default: the part of the email before @).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of a prompt.")
def create_user(email: str, role: str, name: str | None, password_stdin: bool):
    """Create a teacher (or admin) account."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_teacher(email, name or email.split("@")[0], password, role=role)
    except ServiceError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Created {user.role} {user.email} (id {user.id}).")


@users_command.command("token")
@click.argument("email")
@click.option("--name", default="command line", show_default=True, help="What the token is for.")
def create_token(email: str, name: str):
    """Print a new personal API token for the user (shown once; stored hashed)."""
    try:
        user = accounts.user_by_email(email)
        _, secret = accounts.create_api_token(user, name)
    except ServiceError as error:
        raise click.ClickException(error.message) from None
    click.echo(secret)
