"""``flask --app app init-db``: schema plus the bundled quiz, and nothing more the second time."""

import sqlalchemy as sa

from app import create_app
from models import Question, Quiz, db


def test_init_db_twice_changes_nothing(tmp_path):
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'cli.sqlite'}"})
    runner = app.test_cli_runner()
    first = runner.invoke(args=["init-db"])
    assert first.exit_code == 0 and "26 questions" in first.output and "loaded" in first.output
    second = runner.invoke(args=["init-db"])
    assert second.exit_code == 0 and "already there" in second.output
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Quiz.id))) == 1
        assert db.session.scalar(sa.select(sa.func.count(Question.id))) == 26
        db.engine.dispose()
