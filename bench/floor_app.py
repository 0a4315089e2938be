"""The floor for bench/load.py: the smallest Flask + Flask-SQLAlchemy app that stores one row per POST.

Same server, workers and ``DATABASE_URL`` as Framecheck, so the ratio of their throughputs is
what Framecheck's own work costs. ``flask --app bench.floor_app init-db`` creates its table.
"""

import os
from datetime import datetime, timezone

import sqlalchemy as sa
from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy


def _url(url: str) -> str:
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = _url(os.environ["DATABASE_URL"])
app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True}  # as web/config.py
db = SQLAlchemy(app)


class FloorRow(db.Model):
    __tablename__ = "floor_rows"

    id = sa.Column(sa.Integer, primary_key=True)
    student = sa.Column(sa.String(64), nullable=False)
    payload = sa.Column(sa.JSON)
    created_at = sa.Column(sa.DateTime(timezone=True))


@app.post("/rows")
def insert_row():
    body = request.get_json()
    row = FloorRow(student=str(body["student"]), payload=body.get("payload"), created_at=datetime.now(timezone.utc))
    db.session.add(row)
    db.session.commit()
    return jsonify({"id": row.id}), 201


@app.get("/")
def alive():
    return jsonify({"status": "ok"})


@app.cli.command("init-db")
def init_db():
    db.drop_all()
    db.create_all()
