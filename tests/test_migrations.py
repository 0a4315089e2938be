"""Migrations (migrations/, Flask-Migrate): from an empty database to head and back, every step
on its own, no drift between the models and the revisions, and data kept when a revision adds a
column. On SQLite always, and on PostgreSQL when TEST_DATABASE_URL is set, in a database of its
own (framecheck_migr_test) so that the other tests' schema in the shared one is left alone."""

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import flask_migrate
import psycopg
import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

import web.migrate
from app import create_app
from models import db

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"
PG_DATABASE = "framecheck_migr_test"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def scratch_pg_database(name: str, create: bool = True) -> str:
    """(Re)create, or with ``create=False`` drop, the PostgreSQL database ``name`` beside
    TEST_DATABASE_URL's (through a connection to that one); returns its URL. Also used by
    test_two_servers.py and test_backup.py, which need a database of their own."""
    shared = sa.make_url(os.environ["TEST_DATABASE_URL"]).set(drivername="postgresql")
    with psycopg.connect(shared.render_as_string(hide_password=False), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if create:
            connection.execute(f"CREATE DATABASE {name}")
    return shared.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=BACKENDS)
def empty_app(request, tmp_path):
    """An app (with Flask-Migrate) on an empty database: no tables at all."""
    if request.param == "postgresql":
        url = scratch_pg_database(PG_DATABASE)
    else:
        url = f"sqlite:///{tmp_path / 'migr.sqlite'}"
    application = create_app({"TESTING": True, "SECRET_KEY": "test-secret-key", "SQLALCHEMY_DATABASE_URI": url})
    web.migrate.init_app(application)
    with application.app_context():
        assert sa.inspect(db.engine).get_table_names() == []
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()
    if request.param == "postgresql":
        scratch_pg_database(PG_DATABASE, create=False)


def _tables() -> set[str]:
    return set(sa.inspect(db.engine).get_table_names())


def _current_revision() -> str | None:
    with db.engine.connect() as connection:
        if "alembic_version" not in sa.inspect(connection).get_table_names():
            return None
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def _revisions(directory: Path) -> list[str]:
    """Every revision id, oldest first (one line of history: no branches)."""
    script = ScriptDirectory(str(directory))
    assert len(script.get_heads()) == 1, "the migrations have more than one head: merge them"
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


web.migrate.load_all_models()
MODEL_TABLES = set(db.metadata.tables)


def test_upgrade_from_empty_to_head_and_back_to_base(empty_app):
    head = _revisions(MIGRATIONS)[-1]
    with empty_app.app_context():
        flask_migrate.upgrade()
        assert _tables() == MODEL_TABLES | {"alembic_version"}
        assert _current_revision() == head
        flask_migrate.upgrade()  # already at head: nothing to do, nothing fails
        assert _current_revision() == head
        flask_migrate.downgrade(revision="base")
        assert _tables() == {"alembic_version"}
        assert _current_revision() is None


def test_every_revision_upgrades_and_downgrades_one_step_at_a_time(empty_app):
    revisions = _revisions(MIGRATIONS)
    with empty_app.app_context():
        for revision in revisions:
            flask_migrate.upgrade(revision="+1")
            assert _current_revision() == revision
        for revision in reversed(revisions[:-1]):
            flask_migrate.downgrade(revision="-1")
            assert _current_revision() == revision
        flask_migrate.downgrade(revision="-1")
        assert _current_revision() is None and _tables() == {"alembic_version"}


def test_models_and_migrations_do_not_drift(empty_app):
    """Autogenerate against the models after ``upgrade`` finds nothing: a model change without its
    revision fails here (run ``flask --app app db migrate -m "..."``, review, commit)."""
    with empty_app.app_context():
        flask_migrate.upgrade()
        assert web.migrate.schema_differences() == []


def test_constraint_and_index_names_are_the_same_on_every_database(empty_app):
    with empty_app.app_context():
        flask_migrate.upgrade()
        inspector = sa.inspect(db.engine)
        assert {u["name"] for u in inspector.get_unique_constraints("users")} == {"uq_users_email", "uq_users_username"}
        assert {u["name"] for u in inspector.get_unique_constraints("responses")} == {
            "uq_responses_attempt_id_question_id"
        }
        assert {f["name"] for f in inspector.get_foreign_keys("enrollments")} == {
            "fk_enrollments_classroom_id_classes", "fk_enrollments_student_id_users",
        }
        assert "ix_attempts_assignment_user" in {i["name"] for i in inspector.get_indexes("attempts")}


def test_init_db_migrates_an_empty_database_and_adopts_one_made_by_create_all(empty_app):
    runner = empty_app.test_cli_runner()
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    head = _revisions(MIGRATIONS)[-1]
    with empty_app.app_context():
        assert _current_revision() == head and MODEL_TABLES <= _tables()
        # a database from before migrations: tables made by create_all, no alembic_version
        flask_migrate.downgrade(revision="base")
        db.create_all()
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert "adopted as current" in result.output
    with empty_app.app_context():
        assert _current_revision() == head
        assert web.migrate.schema_differences() == []


ADD_COLUMN_REVISION = '''"""throwaway: users.nickname

Revision ID: {revision}
Revises: {down_revision}
"""
from alembic import op
import sqlalchemy as sa

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.String(length=40), nullable=True))


def downgrade():
    with op.batch_alter_table("users") as batch_op:  # SQLite: the table is copied without the column
        batch_op.drop_column("nickname")
'''


def _insert_rows() -> None:
    """A teacher, a student, a class, an enrolment: rows that reference ``users``."""
    now = datetime(2026, 3, 1, 8, 30, tzinfo=timezone.utc)
    with db.engine.begin() as connection:
        users = sa.table(
            "users", *(sa.column(c) for c in (
                "id", "role", "email", "username", "display_name", "password_hash", "must_change_password",
                "session_version", "timezone", "created_at",
            ))
        )
        connection.execute(users.insert(), [
            {"id": 1, "role": "teacher", "email": "t@example.org", "username": None, "display_name": "Ms T",
             "password_hash": "h1", "must_change_password": False, "session_version": 3, "timezone": "Europe/Oslo",
             "created_at": now},
            {"id": 2, "role": "student", "email": None, "username": "ana.b", "display_name": "Ana B",
             "password_hash": "h2", "must_change_password": True, "session_version": 1, "timezone": "UTC",
             "created_at": now},
        ])
        connection.execute(sa.text(
            "INSERT INTO classes (id, teacher_id, name, join_code, join_enabled, archived, created_at) "
            "VALUES (1, 1, '9B', 'ABCD-1234', :t, :f, :now)"
        ), {"t": True, "f": False, "now": now})
        connection.execute(sa.text(
            "INSERT INTO enrollments (classroom_id, student_id, joined_at) VALUES (1, 2, :now)"
        ), {"now": now})


def _rows() -> dict:
    with db.engine.connect() as connection:
        return {
            "users": connection.execute(sa.text(
                "SELECT id, role, email, username, display_name, password_hash, must_change_password, "
                "session_version, timezone FROM users ORDER BY id"
            )).all(),
            "classes": connection.execute(sa.text("SELECT id, teacher_id, name, join_code FROM classes")).all(),
            "enrollments": connection.execute(sa.text("SELECT classroom_id, student_id FROM enrollments")).all(),
        }


def test_a_revision_that_adds_a_column_keeps_existing_data(empty_app, tmp_path):
    """A throwaway revision on top of the repository's head, in a copy of migrations/: rows written at
    head survive the upgrade that adds ``users.nickname`` and the downgrade that drops it again
    (on SQLite a batch copy of the table)."""
    directory = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, directory, ignore=shutil.ignore_patterns("__pycache__"))
    head = _revisions(MIGRATIONS)[-1]
    (directory / "versions" / "ffff0001_add_nickname.py").write_text(
        ADD_COLUMN_REVISION.format(revision="ffff0001", down_revision=head)
    )
    assert _revisions(directory)[-1] == "ffff0001"
    with empty_app.app_context():
        flask_migrate.upgrade(directory=str(directory), revision=head)
        _insert_rows()
        before = _rows()
        assert len(before["users"]) == 2 and len(before["classes"]) == 1 and len(before["enrollments"]) == 1

        flask_migrate.upgrade(directory=str(directory))
        assert _current_revision() == "ffff0001"
        assert _rows() == before
        with db.engine.begin() as connection:
            assert connection.execute(sa.text("SELECT nickname FROM users ORDER BY id")).scalars().all() == [None, None]
            connection.execute(sa.text("UPDATE users SET nickname = 'Ana' WHERE id = 2"))

        flask_migrate.downgrade(directory=str(directory), revision=head)
        assert _current_revision() == head
        assert "nickname" not in {c["name"] for c in sa.inspect(db.engine).get_columns("users")}
        assert _rows() == before
        # the copied table keeps its constraints: a duplicate username is still refused
        with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as connection:
            connection.execute(sa.text(
                "INSERT INTO users (id, role, username, display_name, password_hash, must_change_password, "
                "session_version, timezone, created_at) "
                "VALUES (3, 'student', 'ana.b', 'Other', 'h3', :f, 1, 'UTC', :now)"
            ), {"f": False, "now": datetime.now(timezone.utc)})
