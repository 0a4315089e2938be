"""CSV that opens cleanly in a spreadsheet: UTF-8 with a byte-order mark, formulas neutralised.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return could run as a
formula (CSV injection, OWASP); it gets a leading ``'``, which spreadsheets show as text. Numbers
are written as they are: they cannot carry a formula, and ``-0.5`` must stay a number.
"""

import csv
import io
from typing import Iterable, Sequence

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str | int | float:
    """The cell as written: numbers unchanged, ``None`` empty, risky text prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The whole file as text, BOM first, CRLF line ends (RFC 4180)."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return out.getvalue()
