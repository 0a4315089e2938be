"""URL converters."""

from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """A database id: 1 to 2**31 - 1, so an oversized id is a 404, never a database overflow."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=MAX_ID)
