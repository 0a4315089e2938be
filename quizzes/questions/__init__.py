"""Question types as a registry of classes: ``grade(question, answer) -> GradeResult``."""

from . import choice, spans  # noqa: F401  (registers the types)
from .base import REGISTRY, AnswerError, GradeResult, QuestionType, grade, question_type, validate_answer

__all__ = ["REGISTRY", "AnswerError", "GradeResult", "QuestionType", "grade", "question_type", "validate_answer"]
