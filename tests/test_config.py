"""Configuration from the environment, and the refusal to start production with a weak key."""

import logging

import pytest

from app import create_app
from web.config import DEV_SECRET_KEY, InsecureConfigError, load_config


def test_production_refuses_a_missing_secret_key(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(InsecureConfigError):
        load_config(str(tmp_path), {"ENV": "production"})


def test_production_refuses_the_development_key(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", DEV_SECRET_KEY)
    monkeypatch.setenv("FRAMECHECK_ENV", "production")
    with pytest.raises(InsecureConfigError):
        load_config(str(tmp_path))


def test_development_warns_about_the_default_key(monkeypatch, tmp_path, caplog):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with caplog.at_level(logging.WARNING):
        config = load_config(str(tmp_path))
    assert config["SECRET_KEY"] == DEV_SECRET_KEY and "insecure" in caplog.text


def test_production_sets_secure_cookies(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "a" * 40)
    config = load_config(str(tmp_path), {"ENV": "production"})
    assert config["SESSION_COOKIE_SECURE"] and config["SESSION_COOKIE_HTTPONLY"]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_database_url_from_the_environment(monkeypatch, tmp_path, url, expected):
    monkeypatch.setenv("DATABASE_URL", url)
    assert load_config(str(tmp_path))["SQLALCHEMY_DATABASE_URI"] == expected


def test_the_default_database_is_sqlite_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert load_config(str(tmp_path))["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/framecheck.sqlite"


def test_creating_the_app_touches_no_database(tmp_path):
    database = tmp_path / "untouched.sqlite"
    create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "SECRET_KEY": "x"})
    assert not database.exists()
