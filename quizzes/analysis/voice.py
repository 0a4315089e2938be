"""The writer's own voice: checkable report (``reported_fact``) or evaluation (``editorial_framing``).

Each sentence is scored on cues of both kinds; the article's genre breaks ties: in a piece
whose writer evaluates often (an opinion column), a plain generalisation is more likely
opinion; in a news report it is more likely a report.
"""

import math
import re

from .document import Document, Sentence
from .lexicons import FACT_MARKERS, FRAMING_MARKERS, Lexicon
from .result import Cue

_QUESTION = re.compile(r"\?[”’\"')\]]*$")
_SHORT_QUOTE_WORDS = 5
_PUNCHY_WORDS = 4
_PAST = re.compile(r"\b(?:was|were|had|did)\b|\w{3,}ed\b")
_TERMINAL_STOP = re.compile(r"[.!][”’\"')\]]*\s*$")
OPINION_SHARE = 0.3
_STRONG = ("evaluative frame", "evaluative word", "promotional", "writer's voice", "opinion label", "rating")
_DATES = tuple(lexicon for lexicon in FACT_MARKERS if lexicon.name in ("date", "precise date"))
_GENRE_PRIOR = {"opinion": ("editorial_framing", 1.0), "news": ("reported_fact", 0.5)}


def _weighted(sentence: Sentence, lexicons: tuple[Lexicon, ...]) -> tuple[float, list[Cue]]:
    score, cues = 0.0, []
    for lexicon in lexicons:
        found = sentence.matches(lexicon, limit=2)
        if found:
            score += lexicon.weight * (1 + 0.25 * (len(found) - 1))
            cues += found
    return score, cues


def fact_cues(sentence: Sentence) -> tuple[float, list[Cue]]:
    """How much ``sentence`` reads as checkable information, and why."""
    score, cues = _weighted(sentence, FACT_MARKERS)
    names = sentence.names()
    if names:
        score += 0.5
    if _PAST.search(sentence.plain) and any(sentence.matches(lexicon, limit=1) for lexicon in _DATES):
        score += 1.0  # "Nobody was hurt when the ferry ran aground in March.": a dated event, reported
    return score, cues


def framing_score(sentence: Sentence) -> tuple[float, list[Cue]]:
    """How much ``sentence`` reads as the writer's evaluation, and why."""
    score, cues = _weighted(sentence, FRAMING_MARKERS)
    question = _QUESTION.search(sentence.plain)
    if question and sentence.quoted < 0.5:
        score += 2.0
        cues.append(sentence.cue(question.start(), question.end(), "a question the writer asks the reader"))
    punchy = _punchy(sentence)
    if punchy:
        score += 1.5
        cues.append(punchy)
    borrowed = _borrowed_phrase(sentence)
    if borrowed:
        score += 1.0
        cues.append(borrowed)
    return score, cues


def _punchy(sentence: Sentence) -> Cue | None:
    """A sentence of one to four words in the body ("It won't.", "That is a cop-out."): a verdict, not a report."""
    words = sentence.words
    if not words or len(words) > _PUNCHY_WORDS or sentence.quoted >= 0.5 or not _TERMINAL_STOP.search(sentence.text):
        return None
    if any(char.isdigit() for char in sentence.text) or _PAST.search(sentence.plain):
        return None  # "Nobody was hurt.", "He resigned.": a short report of an event
    return sentence.cue(0, len(sentence.text), "a very short sentence that passes a verdict in the writer's own voice")


def framing_cues(sentence: Sentence) -> list[Cue]:
    """Strong evaluative cues only (loaded or promotional words, 'we', evaluative frames): what makes a headline frame."""
    strong = [lex for lex in FRAMING_MARKERS if lex.name in _STRONG]
    return _weighted(sentence, tuple(strong))[1]


def _borrowed_phrase(sentence: Sentence) -> Cue | None:
    """A few quoted words inside the writer's own sentence: scare quotes or a borrowed phrase."""
    if not sentence.quotations or sentence.quoted > 0.4:
        return None
    inner = re.search(r"[“\"]([^”\"]{1,80})[”\"]", sentence.text)
    if not inner or len(inner.group(1).split()) > _SHORT_QUOTE_WORDS:
        return None
    return sentence.cue(inner.start(), inner.end(), f"a borrowed phrase in quotation marks inside the writer's own sentence: '{inner.group()}'")


def genre(document: Document) -> str:
    """``opinion`` when the writer evaluates in a large share of unattributed sentences, else ``news``."""
    own = [s for s in document.sentences if not s.label and not s.speaker]
    if not own:
        return "news"
    evaluative = sum(1 for s in own if framing_score(s)[0] >= 1.5)
    return "opinion" if evaluative / len(own) >= OPINION_SHARE else "news"


def label_voice(document: Document) -> None:
    """Label every sentence still undecided as ``reported_fact`` or ``editorial_framing``."""
    from .layout import emphasis_capitals, lowercase_vocabulary  # layout imports this module

    prior_label, prior = _GENRE_PRIOR[genre(document)]
    vocabulary = lowercase_vocabulary(document)
    for sentence in document.sentences:
        if sentence.label:
            continue
        fact, fact_found = fact_cues(sentence)
        framing, framing_found = framing_score(sentence)
        shouted = emphasis_capitals(sentence, vocabulary) if sentence.paragraph_size > 1 or len(sentence.words) > 8 else []
        # five letters or more: short capitals in a body sentence are mostly acronyms ("the WHO", "NICE")
        shouted = [cue for cue in shouted if cue.end - cue.start >= 5]
        if shouted:
            # ordinary words in capitals in a body sentence ("Viewers have been FURIOUS"): the outlet shouts
            framing += 1.5
            framing_found = framing_found + [shouted[0]]
        if prior_label == "editorial_framing":
            framing += prior
        else:
            fact += prior
        margin = framing - fact
        label, cues = ("editorial_framing", framing_found) if margin > 0 else ("reported_fact", fact_found)
        if not cues:
            reason = (
                "no source and no evaluation: stated as plain information"
                if label == "reported_fact"
                else "no source given, in a piece where the writer argues a view"
            )
            cues = [sentence.cue(0, len(sentence.text), reason)]
        sentence.decide(label, 0.5 + 0.4 * math.tanh(abs(margin) / 2), cues)
