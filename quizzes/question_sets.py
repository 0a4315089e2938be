"""The question-set document format (import, export and the bundled set) and its validation.

A document is JSON::

    {"format": "framecheck-question-set/1", "slug": "...", "title": "...", "description": "...",
     "article": {"slug": "...", "title": "...", "file": "article.txt"},
     "questions": [{"type": "classify", "prompt": "...", "points": 1,
                    "passage": {"start": 711, "end": 894, "text": "..."},
                    "key": {"choice": "attributed_claim"},
                    "cues": [{"start": 731, "end": 742, "text": "has claimed"}],
                    "explanation": "...", "hard_case": "claim_vs_argument"}, ...]}

Every span carries its ``text`` so that a document cannot silently point at the wrong words:
loading checks ``article_text[start:end] == text``. ``explanation`` and ``description`` are rich text,
stored cleaned (see ``rich_text``). Span keys (``mark_words``,
``find_in_article``) are ``{"spans": [{"start", "end", "text"}, ...]}``; choice keys are
``{"choice": id}`` or ``{"choices": [ids]}``. ``options`` (choice types) are ``[{"id", "text"}]``.
"""

import json
from importlib import resources

from .labels import LABEL_IDS
from .questions import REGISTRY
from .questions.spans import merge_word_runs
from .rich_text import clean_rich_text, rich_text_is_empty
from .segmentation import segment

FORMAT = "framecheck-question-set/1"
BUNDLED_SET = "who_is_speaking.json"


class QuestionSetError(ValueError):
    """A document that does not describe a valid question set; ``errors`` lists every problem."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _span(span: dict, text: str, where: str, errors: list[str]) -> list[int] | None:
    try:
        start, end, quoted = int(span["start"]), int(span["end"]), span["text"]
    except (KeyError, TypeError, ValueError):
        errors.append(f"{where}: a span needs start, end and text")
        return None
    if not 0 <= start < end <= len(text) or text[start:end] != quoted:
        errors.append(f"{where}: [{start}, {end}] is not {quoted!r} in the article")
        return None
    return [start, end]


def _spans(spans, text: str, where: str, errors: list[str]) -> list[list[int]]:
    if not isinstance(spans, list) or not spans:
        errors.append(f"{where}: needs at least one span")
        return []
    return [s for i, span in enumerate(spans) if (s := _span(span, text, f"{where}[{i}]", errors))]


def _choice_key(question: dict, key: dict, where: str, errors: list[str]) -> dict:
    kind = question["type"]
    if kind == "classify":
        allowed = list(LABEL_IDS)
    else:
        options = question.get("options") or []
        allowed = [o.get("id") for o in options if isinstance(o, dict)]
        if len(allowed) < 2 or len(set(allowed)) != len(allowed) or not all(o.get("text") for o in options):
            errors.append(f"{where}: needs at least two options with distinct ids and text")
    if kind == "multi_select":
        choices = key.get("choices")
        if not isinstance(choices, list) or not choices or any(c not in allowed for c in choices):
            errors.append(f"{where}: key.choices must name options")
        return {"choices": choices}
    if key.get("choice") not in allowed:
        errors.append(f"{where}: key.choice must be one of {allowed}")
    return {"choice": key.get("choice")}


def _check_span_key(parsed: dict, text: str, where: str, errors: list[str]) -> None:
    spans = parsed["key"]["spans"]
    if parsed["type"] == "find_in_article":
        passages = {(p.start, p.end) for p in segment(text)}
        if any(tuple(span) not in passages for span in spans):
            errors.append(f"{where}: every key span must be a whole passage of the article")
        return
    if parsed["start"] is None:
        return
    if any(s < parsed["start"] or e > parsed["end"] for s, e in spans):
        errors.append(f"{where}: key spans must lie inside the passage")
    ordered = sorted(tuple(span) for span in spans)
    if len(merge_word_runs(ordered, text, 0)) != len(ordered):
        errors.append(f"{where}: two key spans touch; a student's selection would join them into one")


def parse_question(question: dict, text: str, where: str, errors: list[str]) -> dict:
    """One authored question as stored data (span objects become ``[start, end]``)."""
    if not isinstance(question, dict):
        errors.append(f"{where}: a question must be an object")
        return {}
    kind = question.get("type")
    if kind not in REGISTRY:
        errors.append(f"{where}: unknown type {kind!r}")
        return {}
    if not str(question.get("prompt", "")).strip():
        errors.append(f"{where}: the prompt is empty")
    if rich_text_is_empty(question.get("explanation")):
        errors.append(f"{where}: the explanation is empty")
    points = question.get("points", 1)
    if isinstance(points, bool) or not isinstance(points, int | float) or points <= 0:
        errors.append(f"{where}: points must be a positive number")
    parsed = {
        "type": kind,
        "prompt": question.get("prompt", ""),
        "points": points,
        "explanation": clean_rich_text(question.get("explanation")),
        "options": question.get("options"),
        "label": question.get("label"),
        "hard_case": question.get("hard_case"),
        "start": None,
        "end": None,
        "cues": _spans(question["cues"], text, f"{where}.cues", errors) if question.get("cues") else [],
    }
    if "passage" in question:
        passage = _span(question["passage"], text, f"{where}.passage", errors)
        if passage:
            parsed["start"], parsed["end"] = passage
    elif kind in ("classify", "mark_words"):
        errors.append(f"{where}: a {kind} question needs a passage")
    key = question.get("key") if isinstance(question.get("key"), dict) else {}
    if kind in ("mark_words", "find_in_article"):
        if parsed["label"] not in LABEL_IDS:
            errors.append(f"{where}: label must be one of {list(LABEL_IDS)}")
        parsed["key"] = {"spans": _spans(key.get("spans"), text, f"{where}.key.spans", errors)}
        _check_span_key(parsed, text, where, errors)
    else:
        parsed["key"] = _choice_key(question, key, where, errors)
    return parsed


def parse_question_set(document: dict, article_text: str) -> dict:
    """Validate a document against its article; return title, slug, description and questions."""
    errors: list[str] = []
    if document.get("format") != FORMAT:
        errors.append(f"format must be {FORMAT!r}")
    if not str(document.get("title", "")).strip():
        errors.append("title is empty")
    raw_questions = document.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        errors.append("questions must be a non-empty list")
        raw_questions = []
    questions = [parse_question(q, article_text, f"questions[{i}]", errors) for i, q in enumerate(raw_questions)]
    if errors:
        raise QuestionSetError(errors)
    return {
        "slug": document.get("slug"),
        "title": document["title"],
        "description": clean_rich_text(document.get("description")),
        "questions": questions,
    }


def bundled_document() -> dict:
    return json.loads(resources.files(__package__).joinpath("seed", BUNDLED_SET).read_text(encoding="utf-8"))


def bundled_article_text() -> str:
    """The bundled article, verbatim (read as bytes so that no newline is translated)."""
    return resources.files(__package__).joinpath("seed", "article.txt").read_bytes().decode("utf-8")
