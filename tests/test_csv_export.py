"""CSV for spreadsheets: a BOM, CRLF, quoting, and formulas neutralised."""

import csv
import io

import pytest

from quizzes.csv_export import BOM, neutralise, to_csv


def parse(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM):], newline="")))


@pytest.mark.parametrize("risky", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")'])
def test_text_that_could_run_as_a_formula_gets_a_quote(risky):
    assert neutralise(risky) == "'" + risky


@pytest.mark.parametrize("value, written", [(None, ""), (-0.5, -0.5), (3, 3), ("Ana", "Ana"), ("a=b", "a=b"), (True, "True")])
def test_other_cells_are_written_as_they_are(value, written):
    assert neutralise(value) == written


def test_the_file_has_a_bom_crlf_and_survives_a_round_trip():
    text = to_csv(["name", "score"], [['=HYPERLINK("x")', 1.5], ["Chloé, \"C\"\nMartin", -1]])
    assert text.startswith(BOM + "name,score\r\n")
    assert parse(text) == [["name", "score"], ['\'=HYPERLINK("x")', "1.5"], ['Chloé, "C"\nMartin', "-1"]]


def test_a_header_is_neutralised_too():
    assert parse(to_csv(["-x"], []))[0] == ["'-x"]
