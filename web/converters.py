"""URL converters."""

from werkzeug.routing import BaseConverter

MAX_ID = 2**31 - 1


class IdConverter(BaseConverter):
    """A database id. Out-of-range numbers become 0, an id nothing has, so they answer 404
    (never a database overflow, and never the 405 Werkzeug gives when a converter refuses)."""

    regex = r"\d{1,19}"
    weight = 50

    def to_python(self, value: str) -> int:
        number = int(value)
        return number if 1 <= number <= MAX_ID else 0

    def to_url(self, value) -> str:
        return str(int(value))
