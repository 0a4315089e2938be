"""Alembic environment for Flask-Migrate: the app's engine and the models' metadata.

Revisions never import the models: ``render_item`` writes the app's own column types
(``UTCDateTime``) as the plain SQLAlchemy type they store, so an old revision keeps working
however the models change later.
"""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

config = context.config

# Alembic's logging config only for a bare `flask db ...` with nothing configured yet; never
# disable the app's own (JSON) loggers when upgrade() runs inside the app (init-db, tests).
if config.config_file_name is not None and not logging.getLogger().handlers:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")


def get_engine():
    return current_app.extensions["migrate"].db.engine


def get_engine_url():
    return get_engine().url.render_as_string(hide_password=False).replace("%", "%%")


from web.migrate import load_all_models  # noqa: E402  (every model module, so no table looks dropped)

load_all_models()
config.set_main_option("sqlalchemy.url", get_engine_url())
target_db = current_app.extensions["migrate"].db


def get_metadata():
    if hasattr(target_db, "metadatas"):
        return target_db.metadatas[None]
    return target_db.metadata


def render_item(type_, obj, autogen_context):
    """Render the app's TypeDecorators as the column type they store."""
    if type_ == "type" and type(obj).__name__ == "UTCDateTime":
        return "sa.DateTime(timezone=True)"
    return False  # Alembic's default rendering


def run_migrations_offline():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=get_metadata(),
        literal_binds=True,
        render_item=render_item,
        **{k: v for k, v in current_app.extensions["migrate"].configure_args.items() if k != "render_item"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    # no empty revision when autogenerate finds nothing to change
    def process_revision_directives(context, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info("No changes in schema detected.")

    conf_args = dict(current_app.extensions["migrate"].configure_args)
    conf_args.setdefault("process_revision_directives", process_revision_directives)
    conf_args.setdefault("render_item", render_item)

    with get_engine().connect() as connection:
        context.configure(connection=connection, target_metadata=get_metadata(), **conf_args)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
