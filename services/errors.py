"""Errors a use case raises; ``web.errors`` turns each kind into one HTTP answer."""


class ServiceError(Exception):
    status = 400

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(ServiceError):
    status = 404


class Invalid(ServiceError):
    status = 422


class Conflict(ServiceError):
    status = 409


class StaleAnswer(Conflict):
    """A save older than the answer already stored (another tab or device saved since)."""

    def __init__(self, question_id: int, current_answer, current_seq: int | None):
        super().__init__("A newer answer to this question was saved (in another tab or device).", "seq")
        self.current = {"question_id": question_id, "answer": current_answer, "seq": current_seq}
