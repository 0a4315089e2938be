"""Choice questions: classify a passage, pick one option, pick several."""

from typing import Any

from ..labels import LABELS
from .base import (
    AnswerError,
    GradeResult,
    Question,
    QuestionType,
    partial_credit,
    register,
    require_mapping,
    scaled,
)


def option_ids(question: Question) -> list[str]:
    return [option["id"] for option in options(question)]


def options(question: Question) -> list[dict]:
    if question["type"] == "classify":
        return [{"id": label.id, "text": label.name} for label in LABELS]
    return [{"id": str(option["id"]), "text": option["text"]} for option in question["options"]]


class _SingleChoice(QuestionType):
    answer_schema = {
        "type": "object",
        "required": ["choice"],
        "properties": {"choice": {"type": "string"}},
        "additionalProperties": False,
    }

    def normalize(self, question: Question, answer: Any) -> dict:
        choice = require_mapping(answer, "choice")
        if not isinstance(choice, str) or choice not in option_ids(question):
            raise AnswerError("choose one of the options", "choice")
        return {"choice": choice}

    def grade(self, question: Question, answer: dict | None) -> GradeResult:
        key = question["key"]["choice"]
        picked = answer["choice"] if answer else None
        right = picked == key
        feedback = [{"option": picked, "verdict": "correct" if right else "wrong"}] if picked else []
        return GradeResult(scaled(question, 1.0 if right else 0.0), scaled(question, 1.0), right, {"choice": key}, feedback)

    def public(self, question: Question) -> dict:
        return {"options": options(question)}


@register
class Classify(_SingleChoice):
    """Which label is this highlighted passage? Answer ``{"choice": label_id}``."""

    name = "classify"


@register
class MultipleChoice(_SingleChoice):
    """One answer among the options. Answer ``{"choice": option_id}``."""

    name = "multiple_choice"


@register
class MultiSelect(QuestionType):
    """Several answers; each right pick earns, each wrong pick costs. Answer ``{"choices": [ids]}``."""

    name = "multi_select"
    answer_schema = {
        "type": "object",
        "required": ["choices"],
        "properties": {"choices": {"type": "array", "items": {"type": "string"}, "uniqueItems": True}},
        "additionalProperties": False,
    }

    def normalize(self, question: Question, answer: Any) -> dict:
        choices = require_mapping(answer, "choices")
        allowed = option_ids(question)
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            raise AnswerError("choices must be a list of option ids", "choices")
        if len(set(choices)) != len(choices):
            raise AnswerError("each option may be chosen once", "choices")
        if any(choice not in allowed for choice in choices):
            raise AnswerError("choose only among the options", "choices")
        return {"choices": [c for c in allowed if c in choices]}

    def grade(self, question: Question, answer: dict | None) -> GradeResult:
        key = set(question["key"]["choices"])
        picked = set(answer["choices"]) if answer else set()
        right, wrong = len(picked & key), len(picked - key)
        feedback = [
            {"option": option_id, "picked": option_id in picked, "in_key": option_id in key}
            for option_id in option_ids(question)
        ]
        share = partial_credit(right, wrong, len(key))
        ordered_key = [c for c in option_ids(question) if c in key]
        return GradeResult(scaled(question, share), scaled(question, 1.0), share == 1.0, {"choices": ordered_key}, feedback)

    def public(self, question: Question) -> dict:
        return {"options": options(question)}
