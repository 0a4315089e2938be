"""The question-type protocol, the registry of types and the grade result they return.

A question is plain data: a mapping with ``type``, ``prompt``, ``points`` and, by type,
``start``/``end`` (its passage), ``text`` (the passage's text), ``options``, ``label``, ``key``
and ``explanation``. An answer is plain JSON data; each type documents its shape.
"""

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Mapping

Question = Mapping[str, Any]


class AnswerError(ValueError):
    """An answer of the wrong shape; ``field`` names the part that is wrong."""

    def __init__(self, message: str, field: str = "answer"):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class GradeResult:
    points: float
    max_points: float
    correct: bool
    correct_answer: dict
    feedback: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def partial_credit(right: int, wrong: int, needed: int) -> float:
    """Share of the points earned: max(right - wrong, 0) / needed (wrong picks cost)."""
    if needed <= 0:
        return 0.0
    return max(right - wrong, 0) / needed


def scaled(question: Question, share: float) -> float:
    return round(float(question.get("points", 1)) * share, 4)


class QuestionType:
    """One kind of question. Subclasses set ``name`` and implement the three methods."""

    name: ClassVar[str]
    #: the answer shape, as the API documents it
    answer_schema: ClassVar[dict]

    def normalize(self, question: Question, answer: Any) -> dict:
        """Return the answer in canonical form, or raise :class:`AnswerError`."""
        raise NotImplementedError

    def grade(self, question: Question, answer: dict | None) -> GradeResult:
        """Grade a normalized answer; ``None`` means not answered."""
        raise NotImplementedError

    def public(self, question: Question) -> dict:
        """What a student may see before submitting: never the key or the explanation."""
        return {}


REGISTRY: dict[str, QuestionType] = {}


def register(cls: type[QuestionType]) -> type[QuestionType]:
    REGISTRY[cls.name] = cls()
    return cls


def question_type(name: str) -> QuestionType:
    try:
        return REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown question type {name!r}") from None


def validate_answer(question: Question, answer: Any) -> dict:
    return question_type(question["type"]).normalize(question, answer)


def grade(question: Question, answer: Any) -> GradeResult:
    """Grade ``answer`` (``None`` if unanswered) against ``question``'s key."""
    kind = question_type(question["type"])
    return kind.grade(question, None if answer is None else kind.normalize(question, answer))


def require_mapping(answer: Any, key: str) -> Any:
    if not isinstance(answer, Mapping):
        raise AnswerError(f"the answer must be an object with {key!r}")
    if key not in answer:
        raise AnswerError(f"the answer needs {key!r}", key)
    extra = sorted(map(str, set(answer) - {key}))
    if extra:
        raise AnswerError(f"unexpected field {extra[0]!r}", extra[0] or "answer")
    return answer[key]
