"""Configuration from the environment: ``DATABASE_URL``, ``SECRET_KEY``, ``REDIS_URL``, ``FRAMECHECK_ENV``,
``TEACHER_INVITE_CODE``."""

import logging
import os

DEV_SECRET_KEY = "dev-only-insecure-key"
log = logging.getLogger(__name__)


class InsecureConfigError(RuntimeError):
    """Production start-up refused: the configuration is unsafe."""


def normalize_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs, whichever spelling they come in."""
    if url.startswith("postgres://"):  # the scheme Heroku-style platforms hand out
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def load_config(instance_path: str, overrides: dict | None = None) -> dict:
    """The settings for ``create_app``: environment first, then ``overrides`` (tests pass these)."""
    overrides = dict(overrides or {})
    production = overrides.get("ENV", os.environ.get("FRAMECHECK_ENV", "development")) == "production"
    config = {
        "ENV": "production" if production else "development",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or DEV_SECRET_KEY,
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL")
        or "sqlite:///" + os.path.join(instance_path, "framecheck.sqlite"),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": os.environ.get("REDIS_URL"),
        "RATELIMIT_STORAGE_URI": os.environ.get("REDIS_URL") or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "TEACHER_INVITE_CODE": os.environ.get("TEACHER_INVITE_CODE"),
        "MAX_CONTENT_LENGTH": 256 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "WTF_CSRF_TIME_LIMIT": None,
    }
    config.update(overrides)
    config["SQLALCHEMY_DATABASE_URI"] = normalize_database_url(config["SQLALCHEMY_DATABASE_URI"])
    if config["SECRET_KEY"] == DEV_SECRET_KEY:
        if production:
            raise InsecureConfigError("SECRET_KEY is missing or the development default: set a long random SECRET_KEY")
        log.warning("SECRET_KEY is not set: using the insecure development key")
    return config
