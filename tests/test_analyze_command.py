"""The ``analyze`` CLI command, driven through click's test runner (no Flask app needed)."""

import json

import pytest
from click.testing import CliRunner

from quizzes.analysis import analyze
from quizzes.labels import LABEL_IDS, label_name
from web.analyze_command import analyze_command

ARTICLE = (
    "Café owners fear the worst\r\n\r\n"
    "Prices rose 4% in June, according to official figures.\r\n\r\n"
    "“People cannot afford this,” said Dr Ann Lee, an economist at the University of York.\r\n\r\n"
    "Surely it is time for ministers to act?\r\n"
)


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def test_json_output_has_passages_with_offsets_into_the_decoded_text(article_file):
    result = CliRunner().invoke(analyze_command, [str(article_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"passages"}
    expected = [p.as_dict() for p in analyze(ARTICLE)]
    assert data["passages"] == expected
    for passage in data["passages"]:
        assert passage["label"] in LABEL_IDS
        assert ARTICLE[passage["start"]:passage["end"]].strip() == ARTICLE[passage["start"]:passage["end"]]


def test_report_lists_every_passage_with_its_label_and_no_colour_off_a_terminal(article_file):
    result = CliRunner().invoke(analyze_command, [str(article_file)])
    assert result.exit_code == 0, result.output
    for passage in analyze(ARTICLE):
        assert label_name(passage.label) in result.output
    assert "\x1b[" not in result.output


def test_report_is_coloured_when_the_terminal_supports_it(article_file):
    result = CliRunner().invoke(analyze_command, [str(article_file)], color=True)
    assert result.exit_code == 0
    assert "\x1b[" in result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "no text"),
        ("binary.txt", b"\x00\xff\x00\xfe" * 100, "binary"),
        ("slides.pdf", b"%PDF-1.4", "not supported"),
    ],
)
def test_bad_input_gives_a_message_and_a_non_zero_exit_without_traceback(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = CliRunner().invoke(analyze_command, [str(path)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, (ValueError, OSError))


def test_a_missing_file_gives_a_message_and_a_non_zero_exit(tmp_path):
    result = CliRunner().invoke(analyze_command, [str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert "missing.txt" in result.output
    assert "Traceback" not in result.output
