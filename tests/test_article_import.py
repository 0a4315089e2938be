"""Reading uploaded articles: charsets, .txt/.md/.html extraction and the limits."""

import pytest

from quizzes.article_import import (
    MAX_BYTES,
    MAX_CHARACTERS,
    ArticleImportError,
    ExtractedArticle,
    decode_bytes,
    extract_text,
)


def test_utf8_comes_first_and_a_byte_order_mark_is_dropped():
    assert decode_bytes("naïve “quotes”".encode("utf-8")) == "naïve “quotes”"
    assert decode_bytes(b"\xef\xbb\xbfHello") == "Hello"


def test_a_declared_charset_is_used_when_utf8_fails():
    assert decode_bytes("Señor café".encode("latin-1"), declared="latin-1") == "Señor café"


def test_a_charset_is_detected_when_none_is_declared():
    text = "Правительство объявило о новых мерах поддержки семей с детьми."
    assert decode_bytes(text.encode("cp1251")) == text


def test_binary_bytes_raise_a_human_message():
    with pytest.raises(ArticleImportError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_the_error_is_a_value_error():
    assert issubclass(ArticleImportError, ValueError)


def test_txt_is_kept_exactly_as_decoded():
    raw = "  Headline\r\n\r\nFirst paragraph.  \n\n\tSecond one.\n"
    article = extract_text(raw.encode("utf-8"), "story.TXT")
    assert article == ExtractedArticle("Headline", raw)


def test_markdown_syntax_is_stripped_and_paragraphs_kept():
    source = (
        "# The *big* story\n\n"
        "Some **bold** claim with a [link](https://example.org) and `code`,\nwrapped over two lines.\n\n"
        "![a photo](photo.jpg)\n\n"
        "- first point\n- second point\n\n"
        "> a quoted line\n"
    )
    article = extract_text(source.encode("utf-8"), "story.md")
    assert article.title == "The big story"
    assert article.text.split("\n\n") == [
        "The big story",
        "Some bold claim with a link and code, wrapped over two lines.",
        "first point",
        "second point",
        "a quoted line",
    ]


def test_html_gives_title_and_main_text_without_scripts_or_navigation():
    html = """<html><head><meta charset="utf-8"><title>Library to close</title>
    <script>var tracking = "SCRIPT-TEXT";</script></head><body>
    <nav><a href="/">Home</a> <a href="/news">NAV-LINK</a></nav>
    <article><h1>Library to close</h1>
    <p>The council voted on Monday to close the central library, according to minutes seen by this paper.</p>
    <p>Professor Jane Doe of the University of Leeds said the decision was short-sighted because libraries reduce isolation.</p>
    <p>Residents have started a petition that has gathered more than three thousand signatures so far.</p>
    </article><footer>Copyright 2024</footer></body></html>"""
    article = extract_text(html.encode("utf-8"), "page.html")
    assert article.title == "Library to close"
    paragraphs = article.text.split("\n\n")
    assert any(p.startswith("The council voted on Monday") for p in paragraphs)
    assert any(p.startswith("Professor Jane Doe") for p in paragraphs)
    assert "SCRIPT-TEXT" not in article.text and "NAV-LINK" not in article.text


def test_html_in_a_declared_legacy_charset():
    html = ('<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>'
            "<p>Le café du coin a fermé ses portes après trente années de service dans le quartier.</p>"
            "<p>Les habitants regrettent déjà ce lieu de rencontre où tout le monde se retrouvait le matin.</p>"
            "</article></body></html>")
    article = extract_text(html.encode("cp1252"), "page.htm")
    assert "Le café du coin" in article.text


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.txt", "no text"),
        (b"  \n\t\n", "a.txt", "no text"),
        (b"<html><head><script>x()</script></head><body></body></html>", "a.html", "No article text"),
        (b"# \n\n---\n", "a.md", "no text"),
        (b"%PDF-1.4", "a.pdf", "not supported"),
        (b"text", "noextension", "not supported"),
        (b"a" * (MAX_CHARACTERS + 1), "a.txt", "limit"),
        (b"a" * (MAX_BYTES + 1), "a.txt", "2 MB"),
        (b"\x00\x01\x02\x03" * 64, "a.txt", "binary"),
    ],
)
def test_limits_and_bad_files_raise_clear_messages(data, name, message):
    with pytest.raises(ArticleImportError, match=message):
        extract_text(data, name)
