"""Accounts: teachers and students, passwords (argon2id), sessions that can be ended, API tokens."""

import hashlib
import re
import secrets
from zoneinfo import available_timezones

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError

from models import ApiToken, User, db, utcnow
from quizzes.roster import new_one_time_password, username_candidates

from .errors import Conflict, Invalid, NotFound

# argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane): a deliberate cost of a few tens of ms.
HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
MIN_PASSWORD = 8
MAX_PASSWORD = 200
TOKEN_PREFIX = "fcp_"
ROLES = ("teacher", "student", "admin")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
_DUMMY_HASH = HASHER.hash("framecheck-timing-equaliser")


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def check_password(password) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise Invalid(f"Use at least {MIN_PASSWORD} characters for the password.", "password")
    if len(password) > MAX_PASSWORD:
        raise Invalid(f"A password has at most {MAX_PASSWORD} characters.", "password")
    return password


def clean_email(email) -> str:
    email = (email or "").strip().lower() if isinstance(email, str) else ""
    if not _EMAIL.match(email) or len(email) > 254:
        raise Invalid("Enter a valid email address.", "email")
    return email


def clean_username(username) -> str:
    username = (username or "").strip().lower() if isinstance(username, str) else ""
    if not _USERNAME.match(username):
        raise Invalid("A username has 3 to 40 letters, digits, dots, dashes or underscores.", "username")
    return username


def clean_display_name(name, field: str = "display_name") -> str:
    name = " ".join(name.split()) if isinstance(name, str) else ""
    if not name or len(name) > 80 or any(ord(c) < 32 for c in name):
        raise Invalid("Enter a name of 1 to 80 characters.", field)
    return name


def _add_user(user: User, taken_field: str) -> User:
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(f"That {taken_field} is already taken.", taken_field) from None
    return user


def create_teacher(email, display_name, password, role: str = "teacher") -> User:
    if role not in ("teacher", "admin"):
        raise Invalid("role must be teacher or admin", "role")
    user = User(
        role=role,
        email=clean_email(email),
        display_name=clean_display_name(display_name),
        password_hash=HASHER.hash(check_password(password)),
    )
    return _add_user(user, "email")


def create_student(username, display_name, password, must_change_password: bool = False) -> User:
    user = User(
        role="student",
        username=clean_username(username),
        display_name=clean_display_name(display_name),
        password_hash=HASHER.hash(check_password(password)),
        must_change_password=must_change_password,
    )
    return _add_user(user, "username")


def create_generated_student(name: str) -> tuple[User, str]:
    """A student with a generated username and one-time password (changed at first sign-in)."""
    password = new_one_time_password()
    for username in username_candidates(name):
        if db.session.scalar(sa.select(User.id).where(User.username == username)) is None:
            return create_student(username, name, password, must_change_password=True), password
    raise Conflict("Could not find a free username; try again.", "names")


def authenticate(identifier, password) -> User | None:
    """The user if the email or username and password match; None otherwise, in about the same time."""
    identifier = identifier.strip().lower() if isinstance(identifier, str) else ""
    user = db.session.scalar(sa.select(User).where(sa.or_(User.email == identifier, User.username == identifier)))
    try:
        HASHER.verify(user.password_hash if user else _DUMMY_HASH, password if isinstance(password, str) else "")
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
        db.session.commit()
    return user


def load_session_user(session_id: str) -> User | None:
    """Flask-Login's user loader: ``"<id>:<session version>"``; an old version is signed out."""
    user_id, _, version = (session_id or "").partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    return user if user and user.session_version == int(version) else None


def end_sessions(user: User) -> None:
    """Sign the user out everywhere: every session cookie issued so far stops working."""
    user.session_version += 1
    db.session.commit()


def change_password(user: User, new_password) -> None:
    """Set a new password; every other session of the user ends."""
    user.password_hash = HASHER.hash(check_password(new_password))
    user.must_change_password = False
    end_sessions(user)


def reset_password(user: User) -> str:
    """A new one-time password for a student; their sessions end and they choose a new one at sign-in."""
    password = new_one_time_password()
    user.password_hash = HASHER.hash(password)
    user.must_change_password = True
    end_sessions(user)
    return password


def set_timezone(user: User, zone: str) -> None:
    if zone not in available_timezones():
        raise Invalid("Choose a time zone from the list.", "timezone")
    user.timezone = zone
    db.session.commit()


def user_by_email(email: str) -> User:
    user = db.session.scalar(sa.select(User).where(User.email == (email or "").strip().lower()))
    if user is None:
        raise NotFound("no user with that email", "email")
    return user


def create_api_token(user: User, name) -> tuple[ApiToken, str]:
    """A personal token; the secret is returned once and only its hash is kept."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=clean_display_name(name or "API token", "name"), token_hash=_sha256(secret))
    db.session.add(token)
    db.session.commit()
    return token, secret


def user_for_api_token(secret: str) -> User | None:
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = db.session.scalar(
        sa.select(ApiToken).where(ApiToken.token_hash == _sha256(secret), ApiToken.revoked_at.is_(None))
    )
    if token is None:
        return None
    token.last_used_at = utcnow()
    db.session.commit()
    return token.user


def api_tokens(user: User) -> list[ApiToken]:
    return list(db.session.scalars(sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)))


def revoke_api_token(user: User, token_id: int) -> None:
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound("no such token", "token_id")
    token.revoked_at = token.revoked_at or utcnow()
    db.session.commit()
