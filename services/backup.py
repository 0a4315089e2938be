"""Export and import: a whole instance or one class, as one JSON document, for backups and for
moving a school between servers (``flask --app app export-data`` / ``import-data``).

The document (``FORMAT``, ``VERSION`` 1)::

    {"format": "framecheck-export", "version": 1,
     "exported_at": "2026-11-25T06:00:00+00:00",
     "schema_revision": "<alembic revision of the exporting database>",
     "scope": {"kind": "instance"} | {"kind": "class", "class_id": 12, "class_name": "9B"},
     "tables": {"users": [{"id": 3, "role": "teacher", "email": ..., "password_hash": ...}, ...],
                "classes": [...], "enrollments": [...], ...}}

``tables`` holds every table of the models, parents before children, each row with every column
under its own name: datetimes and dates as ISO 8601 strings, JSON columns as JSON. The file holds
password hashes (argon2id) and API-token and attempt-token hashes (SHA-256), never a secret, but
it is personal data: keep it as safe as the database.

One class is the class, its teacher, every student enrolled or with an attempt on its
assignments, the enrolments, those users' API tokens, the assignments, the quizzes they use and
the teacher's own quizzes with their questions and articles, the attempts on the assignments and
their responses; rows of other tables come along when every row they point to does.

Import writes everything in one transaction, giving every row a new id and rewriting the
references. A quiz or article with a slug the database already has (the bundled quiz, which
``init-db`` installs) is the same quiz: the existing one and its questions are used. A user whose
email or username is taken, or a token hash already stored, stops the import before anything is
written (importing the same file twice is refused, not doubled). A join code already in use is
replaced by a new one, and the report says so.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa
from alembic.migration import MigrationContext

from models import db, utcnow
from quizzes.roster import new_join_code

FORMAT = "framecheck-export"
VERSION = 1
# A row with one of these values is the same thing on every server: an import uses the existing
# row. Below such a row, a child whose unique key (e.g. a question's quiz and position) is already
# there is the existing child.
MERGE_COLUMNS = {("articles", "slug"), ("quizzes", "slug")}
# Unique values an import may replace (with a fresh one) rather than refuse.
REGENERATE = {("classes", "join_code"): new_join_code}
BATCH = 1000


class BackupError(Exception):
    """The document cannot be exported or imported; the message says why and what to do."""


@dataclass
class ImportReport:
    inserted: dict[str, int] = field(default_factory=dict)
    reused: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{table} {count}" for table, count in self.inserted.items() if count]
        text = "Imported: " + (", ".join(parts) or "nothing") + "."
        reused = [f"{table} {count}" for table, count in self.reused.items() if count]
        if reused:
            text += " Already here, used as they are: " + ", ".join(reused) + "."
        return "\n".join([text, *self.notes])


# ---------------------------------------------------------------- values


def _dump(column: sa.Column, value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _load(column: sa.Column, value):
    if value is None:
        return None
    python_type = _python_type(column)
    if python_type is datetime:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise BackupError(f"{column.table.name}.{column.name}: a time without a zone ({value!r})")
        return moment
    if python_type is date:
        return date.fromisoformat(value)
    return value


def _python_type(column: sa.Column):
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):  # UTCDateTime: what it stores
        kind = kind.impl_instance
    if isinstance(kind, sa.DateTime):
        return datetime
    if isinstance(kind, sa.Date):
        return date
    try:
        return kind.python_type
    except NotImplementedError:  # JSON and other types without one
        return None


# ---------------------------------------------------------------- the schema, read from the models


def _tables() -> list[sa.Table]:
    return list(db.metadata.sorted_tables)


def _own_id(table: sa.Table) -> sa.Column | None:
    """The table's integer id column when the database assigns it (not a foreign key)."""
    primary = list(table.primary_key.columns)
    if len(primary) == 1 and not primary[0].foreign_keys and _python_type(primary[0]) is int:
        return primary[0]
    return None


def _references(table: sa.Table) -> dict[str, str]:
    """Foreign-key column name -> the table it points to (single-column keys to an id)."""
    return {column.name: next(iter(column.foreign_keys)).column.table.name
            for column in table.columns if column.foreign_keys}


def _schema_revision() -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


# ---------------------------------------------------------------- export


def _select_rows(table: sa.Table, where=None) -> list[dict]:
    statement = sa.select(table)
    if where is not None:
        statement = statement.where(where)
    key = _own_id(table)
    order = [key] if key is not None else list(table.primary_key.columns)
    rows = db.session.execute(statement.order_by(*order)).mappings()
    return [{column.name: _dump(column, row[column.name]) for column in table.columns} for row in rows]


def _class_roots(class_id: int) -> dict[str, sa.ColumnElement]:
    """The filters that choose one class's rows of the tables that start the selection."""
    t = db.metadata.tables
    classes, enrollments, assignments, attempts, quizzes = (
        t["classes"], t["enrollments"], t["assignments"], t["attempts"], t["quizzes"])
    teacher_id = db.session.scalar(sa.select(classes.c.teacher_id).where(classes.c.id == class_id))
    if teacher_id is None:
        raise BackupError(f"There is no class with id {class_id}.")
    assignment_ids = sa.select(assignments.c.id).where(assignments.c.classroom_id == class_id)
    student_ids = sa.union(
        sa.select(enrollments.c.student_id).where(enrollments.c.classroom_id == class_id),
        sa.select(attempts.c.user_id).where(attempts.c.assignment_id.in_(assignment_ids), attempts.c.user_id.is_not(None)),
    )
    quiz_ids = sa.union(
        sa.select(assignments.c.quiz_id).where(assignments.c.classroom_id == class_id),
        sa.select(quizzes.c.id).where(quizzes.c.owner_id == teacher_id),
    )
    return {
        "users": sa.or_(t["users"].c.id == teacher_id, t["users"].c.id.in_(student_ids)),
        "classes": classes.c.id == class_id,
        "assignments": assignments.c.classroom_id == class_id,
        "quizzes": quizzes.c.id.in_(quiz_ids),
        "articles": t["articles"].c.id.in_(sa.select(quizzes.c.article_id).where(quizzes.c.id.in_(quiz_ids))),
        "attempts": attempts.c.assignment_id.in_(assignment_ids),
    }


def export_data(class_id: int | None = None) -> dict:
    """The whole instance, or one class with everything it needs (see the module's docstring)."""
    tables: dict[str, list[dict]] = {}
    if class_id is None:
        scope = {"kind": "instance"}
        for table in _tables():
            tables[table.name] = _select_rows(table)
    else:
        roots = _class_roots(class_id)
        name = db.session.scalar(sa.select(db.metadata.tables["classes"].c.name).where(
            db.metadata.tables["classes"].c.id == class_id))
        scope = {"kind": "class", "class_id": class_id, "class_name": name}
        chosen: dict[str, set] = {}
        for table in _tables():
            if table.name in roots:
                rows = _select_rows(table, roots[table.name])
            else:  # a row comes along when it points somewhere and everything it points to is chosen
                references = {c: target for c, target in _references(table).items() if target != table.name}
                rows = [
                    row for row in _select_rows(table)
                    if references and all(row[c] is None or row[c] in chosen.get(target, ()) for c, target in references.items())
                    and any(row[c] is not None for c in references)
                ]
            tables[table.name] = rows
            key = _own_id(table)
            chosen[table.name] = {row[key.name] for row in rows} if key is not None else set()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": utcnow().isoformat(),
        "schema_revision": _schema_revision(),
        "scope": scope,
        "tables": tables,
    }


# ---------------------------------------------------------------- import


# Columns a later migration dropped: an older export still has them, and import leaves them out.
RETIRED_COLUMNS = {"attempts": {"last_saved_at"}}


def _check_document(document) -> dict[str, list[dict]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f"This is not a Framecheck export (no \"format\": \"{FORMAT}\").")
    if document.get("version") != VERSION:
        raise BackupError(f"Export format version {document.get('version')!r} is not supported; this Framecheck reads version {VERSION}.")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise BackupError("The export has no \"tables\" object.")
    known = {table.name: table for table in _tables()}
    for name, rows in tables.items():
        if name not in known:
            raise BackupError(f"The export has a table {name!r} this database does not: upgrade Framecheck "
                              "(and run flask --app app db upgrade) before importing.")
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise BackupError(f"Table {name!r} in the export is not a list of rows.")
        columns = set(known[name].columns.keys())
        for row in rows:
            extra = set(row) - columns - RETIRED_COLUMNS.get(name, set())
            if extra:
                raise BackupError(f"Table {name!r} in the export has columns this database does not "
                                  f"({', '.join(sorted(extra))}): upgrade Framecheck before importing.")
    return tables


def _existing(connection, table: sa.Table, column: str, values: set) -> set:
    found, values = set(), sorted(values, key=str)
    for i in range(0, len(values), BATCH):
        chunk = values[i:i + BATCH]
        found.update(connection.execute(sa.select(table.c[column]).where(table.c[column].in_(chunk))).scalars())
    return found


def _refuse_taken(connection, tables: dict[str, list[dict]]) -> None:
    """Stop before writing if a unique value (an email, a username, a token hash) is taken."""
    problems = []
    for table in _tables():
        rows = tables.get(table.name) or []
        for column in table.columns:
            if not column.unique or column.foreign_keys or (table.name, column.name) in REGENERATE:
                continue
            if (table.name, column.name) in MERGE_COLUMNS:
                continue
            values = {row[column.name] for row in rows if row.get(column.name) is not None}
            taken = _existing(connection, table, column.name, values) if values else set()
            if taken:
                sample = ", ".join(sorted(map(str, taken))[:5]) if "hash" not in column.name else f"{len(taken)} values"
                problems.append(f"{table.name}.{column.name} already has {sample}")
    if problems:
        raise BackupError(
            "Nothing was imported: this database already holds some of these rows ("
            + "; ".join(problems)
            + "). Was this file imported before? Import into a database without them."
        )


def _unique_keys(table: sa.Table) -> list[tuple[str, ...]]:
    keys = [tuple(c.name for c in constraint.columns) for constraint in table.constraints
            if isinstance(constraint, sa.UniqueConstraint)]
    keys += [(column.name,) for column in table.columns if column.unique]
    if _own_id(table) is None:
        keys.append(tuple(c.name for c in table.primary_key.columns))
    return keys


def _merge_keys(table: sa.Table, row: dict, reused: dict[str, set]) -> list[tuple[str, ...]]:
    """The unique keys by which ``row`` may already be here: a merge column, or a key that holds a
    reference to a row the import found already here (a fresh parent has no children yet)."""
    references = _references(table)
    keys = []
    for key in _unique_keys(table):
        if any(row.get(name) is None for name in key):
            continue
        if len(key) == 1 and (table.name, key[0]) in MERGE_COLUMNS:
            keys.append(key)
        elif any(name in references and row[name] in reused[references[name]] for name in key):
            keys.append(key)
    return keys


def _already_here(connection, table: sa.Table, row: dict, reused: dict[str, set]):
    """(True, id or None) when the row is already in the database, else (False, None)."""
    own = _own_id(table)
    for key in _merge_keys(table, row, reused):
        found = connection.execute(
            sa.select(own if own is not None else sa.literal(1)).select_from(table)
            .where(*(table.c[name] == row[name] for name in key))
        ).first()
        if found is not None:
            return True, (found[0] if own is not None else None)
    return False, None


def import_data(document: dict) -> ImportReport:
    """Add the document's rows to this database with new ids; all or nothing."""
    tables = _check_document(document)
    report = ImportReport()
    new_ids: dict[str, dict] = defaultdict(dict)  # table -> old id -> new id
    reused: dict[str, set] = defaultdict(set)  # table -> ids of rows that were already here
    connection = db.session.connection()
    try:
        _refuse_taken(connection, tables)
        for table in _tables():
            rows = tables.get(table.name) or []
            inserted, kept = _import_table(connection, table, rows, new_ids, reused, report)
            report.inserted[table.name], report.reused[table.name] = inserted, kept
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    return report


def _import_table(connection, table: sa.Table, rows: list[dict], new_ids: dict, reused: dict,
                  report: ImportReport) -> tuple[int, int]:
    key = _own_id(table)
    references = _references(table)
    pending, old_keys, kept, inserted = [], [], 0, 0
    # A table that points at itself (a set's previous version) is written row by row, so that a
    # row's new id is known before the rows after it that point to it.
    batch = 1 if table.name in references.values() else BATCH
    for source in rows:
        row = {}
        for column in table.columns:
            if column.name not in source or (key is not None and column.name == key.name):
                continue
            value = _load(column, source[column.name])
            if column.name in references and value is not None:
                target = references[column.name]
                if value not in new_ids[target]:
                    if not column.nullable:
                        raise BackupError(f"{table.name}.{column.name} points to {target} id {value}, "
                                          "which is not in the export.")
                    value = None  # e.g. a quiz's owner left out of a one-class export
                else:
                    value = new_ids[target][value]
            row[column.name] = value
        for (name, column_name), fresh in REGENERATE.items():
            if name == table.name and row.get(column_name) is not None:
                if _existing(connection, table, column_name, {row[column_name]}):
                    old, row[column_name] = row[column_name], fresh()
                    report.notes.append(f"{table.name} {row.get('name', '')!r}: {column_name} {old} was taken here; "
                                        f"it is now {row[column_name]}.")
        here, existing = _already_here(connection, table, row, reused)
        if here:
            if key is not None:
                new_ids[table.name][source[key.name]] = existing
                reused[table.name].add(existing)
            kept += 1
            continue
        pending.append(row)
        old_keys.append(source.get(key.name) if key is not None else None)
        if len(pending) == batch:
            _insert(connection, table, key, pending, old_keys, new_ids)
            inserted += len(pending)
            pending, old_keys = [], []
    _insert(connection, table, key, pending, old_keys, new_ids)
    return inserted + len(pending), kept


def _insert(connection, table: sa.Table, key, rows: list[dict], old_keys: list, new_ids: dict) -> None:
    if not rows:
        return
    if key is None:
        connection.execute(table.insert(), rows)
        return
    ids = connection.execute(table.insert().returning(key, sort_by_parameter_order=True), rows).scalars().all()
    new_ids[table.name].update(zip(old_keys, ids))
