"""Class rosters without email: join codes, names from pasted text or CSV, generated usernames
and one-time passwords. All characters come from an alphabet without look-alikes (no 0/O, 1/I/l)."""

import csv
import io
import re
import secrets
import unicodedata

UNAMBIGUOUS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
JOIN_CODE_LENGTH = 6
ONE_TIME_PASSWORD_LENGTH = 10
MAX_ROSTER = 200
MAX_NAME = 80
_NAME_HEADERS = {"name", "full name", "student", "student name", "display name"}


class RosterError(ValueError):
    """A roster that cannot be used; the message says why."""


def new_join_code() -> str:
    return "".join(secrets.choice(UNAMBIGUOUS) for _ in range(JOIN_CODE_LENGTH))


def normalize_join_code(code: str) -> str:
    """What a student typed, as stored: upper case, without spaces or dashes."""
    return re.sub(r"[\s-]", "", code or "").upper()


def new_one_time_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(ONE_TIME_PASSWORD_LENGTH))


def parse_names(text: str) -> list[str]:
    """Student names from pasted lines or a CSV (a name column, or first and last name columns)."""
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if rows and len(rows[0]) > 1:
        names = _names_from_table(rows)
    else:
        names = [row[0].strip() for row in rows if row[0].strip().lower() not in _NAME_HEADERS]
    names = [" ".join(name.split()) for name in names if name.strip()]
    if not names:
        raise RosterError("No names found: paste one name per line, or a CSV with a 'name' column.")
    if len(names) > MAX_ROSTER:
        raise RosterError(f"At most {MAX_ROSTER} students at a time; this list has {len(names)}.")
    too_long = [n for n in names if len(n) > MAX_NAME]
    if too_long:
        raise RosterError(f"A name has at most {MAX_NAME} characters: {too_long[0][:20]}…")
    return names


def _names_from_table(rows: list[list[str]]) -> list[str]:
    header = [cell.strip().lower() for cell in rows[0]]
    if {"first name", "last name"} <= set(header) or {"first", "last"} <= set(header):
        first = header.index("first name" if "first name" in header else "first")
        last = header.index("last name" if "last name" in header else "last")
        return [f"{_cell(r, first)} {_cell(r, last)}".strip() for r in rows[1:]]
    column = next((i for i, cell in enumerate(header) if cell in _NAME_HEADERS), None)
    if column is None:
        return [r[0] for r in rows]
    return [_cell(r, column) for r in rows[1:]]


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def username_stem(name: str) -> str:
    """'Zoë van Dijk' -> 'zoe.v': first name and last initial, ASCII, for a generated username."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", ascii_name) or ["student"]
    stem = parts[0][:12] + ("." + parts[-1][0] if len(parts) > 1 else "")
    return stem


def username_candidates(name: str):
    """Usernames to try for ``name``: the stem with two digits, then more digits."""
    stem = username_stem(name)
    for digits in (2, 2, 2, 3, 3, 4, 4, 6):
        yield f"{stem}{secrets.randbelow(9 * 10 ** (digits - 1)) + 10 ** (digits - 1)}"
