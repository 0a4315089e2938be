"""Sentences that carry on an attributed argument without naming its source again."""

import re

from .document import Document, Sentence
from .voice import fact_cues, framing_score

_CONSEQUENCE = re.compile(
    r"^(?:As a result|As a consequence|Consequently|Therefore|Thus|Hence|For this reason|"
    r"This means|That means|In turn|"
    # the argument carried on from its own premise: "Under that test, …", "On that view, …"
    r"(?:Under|On|By|In) (?:that|this|the same|such an?) (?:test|view|reading|logic|rule|standard|approach|reasoning|account|measure|definition)|"
    r"By the same (?:token|logic|reasoning)|In that case|If so|If (?:that|this) is (?:right|correct|true)|It follows that|That would mean)\b"
)
SOURCED = "sourced_argument"


def label_continuations(document: Document) -> None:
    """Relabel writer-voice sentences that continue a sourced argument.

    Two patterns: a consequence connective right after a sourced sentence ("As a result, ..."),
    and a plain sentence (no figures, dates, data or evaluation) between two sourced sentences.
    """
    body = [s for s in document.sentences if s.label not in ("headline_teaser", "boilerplate")]
    for index, sentence in enumerate(body):
        if sentence.speaker or index == 0:
            continue
        previous = body[index - 1]
        following = body[index + 1] if index + 1 < len(body) else None
        if previous.label != SOURCED:
            continue
        connective = _CONSEQUENCE.match(sentence.plain)
        if connective:
            reason = f"'{connective.group()}' carries on the argument of the source in the sentence before"
            sentence.decide(SOURCED, 0.65, [sentence.cue(0, connective.end(), reason)])
        elif following is not None and following.label == SOURCED and _plain(sentence):
            reason = "no source of its own, but sits inside an argument attributed just before and just after"
            sentence.decide(SOURCED, 0.6, [sentence.cue(0, len(sentence.text), reason)])


def _plain(sentence: Sentence) -> bool:
    return fact_cues(sentence)[0] < 1.0 and framing_score(sentence)[0] < 1.5
