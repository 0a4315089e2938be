"""A student's reading of an article beside the analyzer's: passage by passage, after submitting."""

from .analysis import analyze


def compare_readings(text: str, questions: list[dict], answers: dict[int, dict]) -> list[dict]:
    """Every passage with the analyzer's label, confidence and cues; where a classify question
    asked about the passage, the key and the student's answer too."""
    asked = {(q["start"], q["end"]): q for q in questions if q["type"] == "classify"}
    rows = []
    for passage in analyze(text):
        question = asked.get((passage.start, passage.end))
        rows.append(
            {
                "start": passage.start,
                "end": passage.end,
                "text": text[passage.start:passage.end],
                "label": passage.label,
                "confidence": passage.confidence,
                "cues": [{"text": text[c.start:c.end], "reason": c.reason} for c in passage.cues],
                "key": question["key"]["choice"] if question else None,
                "given": (answers.get(question["id"]) or {}).get("choice") if question else None,
            }
        )
    return rows
