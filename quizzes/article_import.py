"""Turn an uploaded file (.txt, .md, .html) into article text the analyzer can read. Flask-free.

Offsets the analyzer returns are indices into ``ExtractedArticle.text``. For ``.txt`` that is the
file exactly as decoded; Markdown and HTML are reduced to plain paragraphs separated by a blank line.
"""

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath

MAX_BYTES = 2 * 1024 * 1024
MAX_CHARACTERS = 100_000
SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class ArticleImportError(ValueError):
    """The file cannot be used as an article; the message says why in plain words."""


@dataclass(frozen=True)
class ExtractedArticle:
    title: str
    text: str


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of ``data``: UTF-8 first (a byte-order mark is dropped), then ``declared``, then a detected charset."""
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ArticleImportError("This looks like a binary file, not text. Upload a .txt, .md or .html article.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for charset in filter(None, (declared, _detected(data), "cp1252")):
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
        if not _CONTROL.search(text):
            return text
    raise ArticleImportError(
        "The file's characters could not be read: save it as UTF-8 text and upload it again."
    )


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if not best or best.encoding.startswith(("utf_16", "utf_32")):
        return None  # wide encodings without a byte-order mark are guesses on short text
    return best.encoding


def extract_text(data: bytes, filename: str) -> ExtractedArticle:
    """The title and text of an uploaded article, or ``ArticleImportError`` with a message for the user."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUPPORTED:
        raise ArticleImportError(
            f"Files of type '{suffix or filename}' are not supported: upload a .txt, .md or .html file."
        )
    if len(data) > MAX_BYTES:
        raise ArticleImportError(f"The file is {len(data) / 1_048_576:.1f} MB; the limit is 2 MB.")
    if suffix in (".html", ".htm"):
        article = _from_html(decode_bytes(data, _declared_charset(data)))
    elif suffix == ".txt":
        text = decode_bytes(data)
        article = ExtractedArticle(_first_line(text), text)
    else:
        article = _from_markdown(decode_bytes(data))
    return _checked(article)


def _checked(article: ExtractedArticle) -> ExtractedArticle:
    if not article.text.strip():
        raise ArticleImportError("The article has no text.")
    if len(article.text) > MAX_CHARACTERS:
        raise ArticleImportError(
            f"The article has {len(article.text):,} characters; the limit is {MAX_CHARACTERS:,}."
        )
    return article


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


# --- Markdown -----------------------------------------------------------------------------

_MD_LINE_RULES = (
    (re.compile(r"^\s{0,3}#{1,6}\s+"), ""),  # heading marks
    (re.compile(r"\s+#+\s*$"), ""),  # closing heading marks
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+"), ""),  # list markers
)
_MD_INLINE_RULES = (
    (re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)"), ""),  # images
    (re.compile(r"\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]\n]{0,300})\]\[[^\]\n]{0,300}\]"), r"\1"),  # reference links
    (re.compile(r"<[^<>\n]{1,500}>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?=\S)([^\n*_]{0,2000}?\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`([^`\n]{0,2000})`"), r"\1"),  # inline code
)
_MD_BLOCK_START = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_MD_DROPPED_LINE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\[[^\]]+\]:\s+\S+|^\s*(?:```|~~~)|^\s*[=-]{3,}\s*$")


def _from_markdown(source: str) -> ExtractedArticle:
    paragraphs, current, title = [], [], ""
    for raw in source.splitlines():
        if not raw.strip() or _MD_DROPPED_LINE.match(raw):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        line = raw
        heading = bool(re.match(r"^\s{0,3}#{1,6}\s", line))
        block_start = heading or bool(_MD_BLOCK_START.match(line))
        for pattern, replacement in _MD_LINE_RULES + _MD_INLINE_RULES:
            line = pattern.sub(replacement, line)
        line = line.strip()
        if not line:
            continue
        if block_start and current:
            paragraphs.append(" ".join(current))
            current = []
        if heading:
            title = title or line
            paragraphs.append(line)
        else:
            current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    text = "\n\n".join(paragraphs)
    return ExtractedArticle(title or _first_line(text), text)


# --- HTML ----------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset=["']?([\w.:-]{1,40})""", re.I)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _from_html(html: str) -> ExtractedArticle:
    import trafilatura

    body = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False, include_images=False
    )
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata and metadata.title else "") or ""
    if not body:
        raise ArticleImportError("No article text was found in this HTML page.")
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    if title and paragraphs and paragraphs[0] != title:
        paragraphs.insert(0, title)
    return ExtractedArticle(title or (paragraphs[0] if paragraphs else ""), "\n\n".join(paragraphs))
