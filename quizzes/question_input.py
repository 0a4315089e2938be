"""What a teacher types into the question editor (a form or an API body), as a question document.

The editor's fields are plain data, the same for the HTML form and the API::

    {"type": "classify", "prompt": "...", "points": 1, "explanation": "...",
     "passage": {"start": 711, "end": 894},          # classify, mark_words; optional for choice types
     "answer": "attributed_claim",                    # classify: the right label
     "label": "editorial_framing",                   # mark_words, find_in_article: the asked label
     "options": [{"text": "...", "correct": true}],  # multiple_choice, multi_select
     "phrases": ["has claimed"]}                      # mark_words: the key phrases, in the passage

:func:`question_document` checks them field by field (:class:`QuestionInputError` maps each field
to one message) and returns a question of the ``framecheck-question-set/1`` format, which
``question_sets.parse_question`` then validates as it does every imported question. A
``find_in_article`` key is every sentence that lies wholly inside passages the teacher gave that
label; with none, an existing question of the same label keeps its key.
"""

from dataclasses import dataclass
from string import ascii_lowercase

from .labels import LABEL_IDS, label_name
from .questions import REGISTRY
from .segmentation import segment

MAX_PROMPT = 2000
MAX_EXPLANATION = 4000
MAX_OPTIONS = 12
MAX_OPTION_TEXT = 500
MAX_PHRASES = 20
MAX_POINTS = 100
CHOICE_TYPES = ("multiple_choice", "multi_select")
PASSAGE_TYPES = ("classify", "mark_words")


class QuestionInputError(ValueError):
    """Editor fields that do not make a question; ``errors`` maps a field name to its message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class LabelledRange:
    """A passage of the article as the teacher labelled it."""

    start: int
    end: int
    label: str


def parse_option_lines(text: str) -> list[dict]:
    """Options typed one per line; a line starting with ``*`` is a right answer."""
    options = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            correct = line.startswith("*")
            options.append({"text": line.lstrip("*").strip(), "correct": correct})
    return options


def option_lines(question: dict) -> str:
    """The reverse of :func:`parse_option_lines`, for editing a stored question."""
    key = question.get("key") or {}
    right = set(key.get("choices") or [key.get("choice")])
    return "\n".join(("* " if o["id"] in right else "") + o["text"] for o in question.get("options") or [])


def _text(fields: dict, name: str, limit: int, errors: dict, required: bool = True) -> str:
    value = fields.get(name)
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors[name] = "must be text"
        return ""
    value = value.strip()
    if required and not value:
        errors[name] = "This field is required."
    elif len(value) > limit:
        errors[name] = f"At most {limit:,} characters."
    return value


def _points(fields: dict, errors: dict) -> float:
    value = fields.get("points", 1)
    try:
        points = float(value) if not isinstance(value, bool) else None
    except (TypeError, ValueError, OverflowError):
        points = None
    if points is None or not 0 < points <= MAX_POINTS:
        errors["points"] = f"Points must be a number above 0 and at most {MAX_POINTS}."
        return 1
    return int(points) if points.is_integer() else points


def _passage(fields: dict, text: str, kind: str, errors: dict) -> tuple[int, int] | None:
    value = fields.get("passage")
    if value in (None, "", {}):
        if kind in PASSAGE_TYPES:
            errors["passage"] = "Choose the passage the question is about."
        return None
    try:
        start, end = int(value["start"]), int(value["end"])
    except (KeyError, TypeError, ValueError, OverflowError):
        errors["passage"] = "A passage is an object with start and end offsets."
        return None
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        errors["passage"] = "That passage is not in the article."
        return None
    return start, end


def _label(fields: dict, name: str, errors: dict) -> str:
    value = fields.get(name)
    if value not in LABEL_IDS:
        errors[name] = "Choose one of the six labels."
    return value


def _options(fields: dict, kind: str, errors: dict) -> tuple[list[dict], dict]:
    raw = fields.get("options")
    if not isinstance(raw, list) or not all(isinstance(o, dict) for o in raw):
        errors["options"] = "Options are a list of {text, correct}."
        return [], {}
    if not 2 <= len(raw) <= MAX_OPTIONS:
        errors["options"] = f"Give between 2 and {MAX_OPTIONS} options."
        return [], {}
    texts = [o.get("text").strip() if isinstance(o.get("text"), str) else "" for o in raw]
    if not all(texts) or any(len(t) > MAX_OPTION_TEXT for t in texts):
        errors["options"] = f"Every option needs text of at most {MAX_OPTION_TEXT} characters."
        return [], {}
    if len(set(texts)) != len(texts):
        errors["options"] = "Two options have the same text."
        return [], {}
    options = [{"id": ascii_lowercase[i], "text": t} for i, t in enumerate(texts)]
    right = [options[i]["id"] for i, o in enumerate(raw) if o.get("correct") is True]
    if kind == "multiple_choice" and len(right) != 1:
        errors["options"] = "Mark exactly one option as right (start its line with *)."
    elif kind == "multi_select" and not right:
        errors["options"] = "Mark at least one option as right (start its line with *)."
    key = {"choice": right[0]} if kind == "multiple_choice" and right else {"choices": right}
    return options, key


def _phrases(fields: dict, text: str, passage: tuple[int, int] | None, errors: dict) -> list[dict]:
    raw = fields.get("phrases")
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        errors["phrases"] = "The key phrases are a list of text."
        return []
    phrases = [p.strip() for p in raw if p.strip()]
    if not phrases:
        errors["phrases"] = "Give at least one phrase the student should mark."
        return []
    if len(phrases) > MAX_PHRASES:
        errors["phrases"] = f"At most {MAX_PHRASES} phrases."
        return []
    if passage is None:
        return []
    start, end = passage
    within = text[start:end]
    spans = []
    for phrase in phrases:
        at = within.find(phrase)
        if at < 0:
            at = within.lower().find(phrase.lower())
        if at < 0:
            errors["phrases"] = f"“{phrase}” is not in the passage: copy it exactly."
            return []
        spans.append((start + at, start + at + len(phrase)))
    spans.sort()
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
        errors["phrases"] = "Two phrases overlap: give each words once."
        return []
    return [{"start": s, "end": e, "text": text[s:e]} for s, e in spans]


def find_key(text: str, label: str, labelled: list[LabelledRange]) -> list[tuple[int, int]]:
    """The sentences (as students see the article cut) lying wholly inside passages of ``label``."""
    ranges = [(p.start, p.end) for p in labelled if p.label == label]
    return [(s.start, s.end) for s in segment(text) if any(a <= s.start and s.end <= b for a, b in ranges)]


def _span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def question_document(fields: dict, text: str, labelled: list[LabelledRange] = (),
                      cue_marks: list[tuple[int, int]] = (), existing: dict | None = None) -> dict:
    """Editor fields as a question document; raise :class:`QuestionInputError` naming each bad field.

    ``labelled`` are the teacher's labelled passages (for ``find_in_article`` keys), ``cue_marks``
    the marked cue ranges (shown as the question's cues), ``existing`` the stored question being edited.
    """
    if not isinstance(fields, dict):
        raise QuestionInputError({"question": "The question must be an object of fields."})
    errors: dict[str, str] = {}
    kind = fields.get("type")
    if not isinstance(kind, str) or kind not in REGISTRY:
        raise QuestionInputError({"type": f"Choose a question type: {', '.join(REGISTRY)}."})
    document = {
        "type": kind,
        "prompt": _text(fields, "prompt", MAX_PROMPT, errors),
        "explanation": _text(fields, "explanation", MAX_EXPLANATION, errors),
        "points": _points(fields, errors),
    }
    passage = _passage(fields, text, kind, errors)
    if passage:
        document["passage"] = _span(text, *passage)
        document["cues"] = [_span(text, s, e) for s, e in cue_marks if passage[0] <= s and e <= passage[1]]
    if kind == "classify":
        document["key"] = {"choice": _label(fields, "answer", errors)}
    elif kind in CHOICE_TYPES:
        document["options"], document["key"] = _options(fields, kind, errors)
    else:
        document["label"] = _label(fields, "label", errors)
    if kind == "mark_words":
        spans = _phrases(fields, text, passage, errors)
        document["key"] = {"spans": spans}
        document["cues"] = spans
    elif kind == "find_in_article" and "label" not in errors:
        document["key"] = {"spans": _find_spans(text, document["label"], labelled, existing, errors)}
    if errors:
        raise QuestionInputError(errors)
    return document


def _find_spans(text: str, label: str, labelled, existing: dict | None, errors: dict) -> list[dict]:
    keys = find_key(text, label, labelled)
    if not keys and existing and existing.get("type") == "find_in_article" and existing.get("label") == label:
        keys = [tuple(span) for span in existing["key"]["spans"]]
    if not keys:
        errors["label"] = (f"No sentence of the article is labelled {label_name(label).lower()}: "
                           "label its passages in the annotation view first.")
    return [_span(text, s, e) for s, e in keys]


def editor_fields(question: dict) -> dict:
    """A stored question (``Question.as_data()``) as editor fields, to fill the form for editing."""
    fields = {
        "type": question["type"],
        "prompt": question["prompt"],
        "points": question["points"],
        "explanation": question["explanation"],
        "passage": {"start": question["start"], "end": question["end"]} if question.get("start") is not None else None,
        "label": question.get("label"),
        "answer": (question.get("key") or {}).get("choice") if question["type"] == "classify" else None,
        "options": [],
        "phrases": [],
    }
    if question["type"] in CHOICE_TYPES:
        fields["options"] = parse_option_lines(option_lines(question))
    if question["type"] == "mark_words":
        fields["phrases"] = [question["text"][s - question["start"]:e - question["start"]]
                             for s, e in question["key"]["spans"]]
    return fields
