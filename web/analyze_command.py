"""``flask analyze PATH [--json]``: label every sentence of an article file from the command line."""

import json
from collections import Counter
from pathlib import Path

import click

from quizzes.analysis import AnalyzedPassage, analyze
from quizzes.article_import import ArticleImportError, extract_text
from quizzes.labels import LABEL_IDS, label_name

LABEL_COLOURS = dict(zip(LABEL_IDS, ("green", "yellow", "blue", "red", "magenta", "white")))


@click.command("analyze")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print passages as JSON (offsets into the decoded text).")
def analyze_command(path: Path, as_json: bool) -> None:
    """Label each sentence of the article at PATH (.txt, .md or .html)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise click.ClickException(f"Cannot read {path}: {error.strerror or error}") from None
    try:
        article = extract_text(data, path.name)
    except ArticleImportError as error:
        raise click.ClickException(str(error)) from None
    passages = analyze(article.text)
    if as_json:
        click.echo(json.dumps({"passages": [p.as_dict() for p in passages]}, ensure_ascii=False))
    else:
        click.echo(_report(article.text, article.title, passages))


def _report(text: str, title: str, passages: list[AnalyzedPassage]) -> str:
    counts = Counter(p.label for p in passages)
    lines = [click.style(title or "(untitled)", bold=True), f"{len(passages)} passages: " + ", ".join(
        f"{counts[label]} {label_name(label).lower()}" for label in LABEL_IDS if counts[label]
    ), ""]
    for number, passage in enumerate(passages, 1):
        label = click.style(f"{label_name(passage.label):<18}", fg=LABEL_COLOURS.get(passage.label), bold=True)
        lines.append(f"{number:>3}. {label} {passage.confidence:.2f}  {_clip(text[passage.start:passage.end])}")
        lines += [f"       - {cue.reason}" for cue in passage.cues[:3]]
    return "\n".join(lines)


def _clip(sentence: str, width: int = 100) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"
