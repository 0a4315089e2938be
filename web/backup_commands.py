"""``flask --app app export-data [--class-id N] PATH`` and ``flask --app app import-data PATH``:
backups and moving a school between servers (the format is in services/backup.py)."""

import json
import os
import sys

import click
from flask.cli import with_appcontext

from services.backup import BackupError, export_data, import_data


@click.command("export-data")
@click.option("--class-id", type=int, help="Only this class, its teacher, students, quizzes and attempts.")
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True))
@with_appcontext
def export_command(class_id: int | None, path: str):
    """Write the whole instance (or one class) as JSON to PATH ('-' for standard output)."""
    try:
        document = export_data(class_id)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    if path == "-":
        sys.stdout.write(text + "\n")
        return
    temporary = f"{path}.partial"
    with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
        out.write(text)  # 0600: the file holds password hashes and students' names
    os.replace(temporary, path)  # never a half-written backup under the real name
    counts = ", ".join(f"{name} {len(rows)}" for name, rows in document["tables"].items() if rows)
    click.echo(f"Exported {document['scope']['kind']} to {path}: {counts}.", err=True)


@click.command("import-data")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@with_appcontext
def import_command(path: str):
    """Add the rows of an export (PATH, or '-' for standard input) to this database, with new ids."""
    try:
        with click.open_file(path, encoding="utf-8") as source:
            document = json.load(source)
    except ValueError as error:
        raise click.ClickException(f"{path} is not valid JSON: {error}") from None
    try:
        report = import_data(document)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(report.summary())
