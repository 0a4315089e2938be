"""Labels that come from where a line sits: headline and captions at the top, teaser lines
between paragraphs, site notices and footers."""

import re

from .document import Document, Sentence
from .lexicons import BOILERPLATE_COMPANIONS, BOILERPLATE_MARKERS, TEASER_MARKERS, TERMINAL
from .result import Cue
from .voice import framing_cues

_CAPITALS = re.compile(r"\b[A-Z]{3,}\b")
_FUNCTION_WORDS = frozenset(
    "this that these those own all not now what why how who never ever only more most must will here there "
    "you your they their his her him its our out off over after before into from with just first last".split()
)
_ENGLISH_ENDING = re.compile(r"(?:ING|ED|ES|LY)$")
_HEADLINE_WORDS = 20


def label_layout(document: Document) -> None:
    """Decide the sentences whose position or furniture settles their label."""
    _label_boilerplate(document)
    _label_top(document)
    _label_teaser_lines(document)


def emphasis_capitals(sentence: Sentence, lowercase_vocabulary: set[str]) -> list[Cue]:
    """Ordinary words written in capitals for emphasis ("LEAVES", "OWN"), not acronyms ("NATO")."""
    cues = []
    for match in _CAPITALS.finditer(sentence.plain):
        word = match.group()
        lower = word.lower()
        if lower in _FUNCTION_WORDS or lower in lowercase_vocabulary or (len(word) >= 5 and _ENGLISH_ENDING.search(word)):
            cues.append(sentence.cue(match.start(), match.end(), f"an ordinary word in capitals for emphasis: '{word}'"))
    return cues


def _teaser_cues(sentence: Sentence, vocabulary: set[str]) -> list[Cue]:
    cues = [cue for lexicon in TEASER_MARKERS for cue in sentence.matches(lexicon)]
    return cues + emphasis_capitals(sentence, vocabulary)


def _vocabulary(document: Document) -> set[str]:
    return {word for word in re.findall(r"\b[a-z]{3,}\b", document.text[:200_000])}


def _is_line(sentence: Sentence) -> bool:
    """A paragraph of one short sentence with no closing punctuation: a headline, caption or link."""
    return (
        sentence.paragraph_size == 1
        and len(sentence.words) <= _HEADLINE_WORDS
        and not TERMINAL.search(sentence.text)
    )


def _label_boilerplate(document: Document) -> None:
    for paragraph in document.paragraphs():
        marked = {id(s): cues for s in paragraph if (cues := [c for lex in BOILERPLATE_MARKERS for c in s.matches(lex)])}
        if not marked:
            continue
        for sentence in paragraph:
            cues = marked.get(id(sentence)) or _companion_cues(sentence)
            if cues and len(sentence.words) <= 40:
                sentence.decide("boilerplate", 0.95 if id(sentence) in marked else 0.8, cues)


def _companion_cues(sentence: Sentence) -> list[Cue]:
    match = BOILERPLATE_COMPANIONS.search(sentence.plain)
    if not match:
        return []
    return [sentence.cue(match.start(), match.end(), f"part of a site notice next to it: '{match.group()}'")]


def _label_top(document: Document) -> None:
    sentences = document.sentences
    if len(sentences) < 2 or sentences[0].paragraph_size != 1 or sentences[0].label:
        return
    headline = sentences[0]
    if not _looks_like_headline(headline, sentences[1]):
        return
    vocabulary = _vocabulary(document)
    teaser = _teaser_cues(headline, vocabulary)
    framing = framing_cues(headline)
    headline_cue = headline.cue(0, len(headline.text), "the headline, at the top of the article")
    if teaser:
        headline.decide("headline_teaser", 0.85, [headline_cue, *teaser])
    elif framing:
        headline.decide("editorial_framing", 0.6, [headline_cue, *framing])
    else:
        headline.decide("reported_fact", 0.6, [headline_cue])
    for sentence in sentences[1:]:
        if sentence.label == "boilerplate":
            continue
        if not _is_line(sentence):
            break
        reason = "a caption or link under the headline, written to draw a click"
        sentence.decide("headline_teaser", 0.7, [sentence.cue(0, len(sentence.text), reason)])


def _looks_like_headline(first: Sentence, following: Sentence) -> bool:
    words = first.words
    if not words or len(words) > _HEADLINE_WORDS or following.passage.paragraph == first.passage.paragraph:
        return False
    capitalised = sum(word[0].isupper() for word in words) / len(words)
    return not TERMINAL.search(first.text) or capitalised >= 0.5 or len(words) <= 15


def _label_teaser_lines(document: Document) -> None:
    vocabulary = _vocabulary(document)
    lines = [s for s in document.sentences if s.paragraph_size == 1 and not s.label and len(s.words) <= 30]
    for sentence in lines:
        cues = _teaser_cues(sentence, vocabulary)
        tagged = any("bracket tag" in cue.reason or "tag written" in cue.reason for cue in cues)
        if tagged or (cues and _is_line(sentence)):
            sentence.decide("headline_teaser", 0.9 if tagged else 0.7, cues)
    for index, sentence in enumerate(document.sentences):
        if sentence.label or not _is_line(sentence):
            continue
        neighbours = document.sentences[max(0, index - 1):index] + document.sentences[index + 1:index + 2]
        if any(n.label == "headline_teaser" and abs(n.passage.paragraph - sentence.passage.paragraph) == 1 for n in neighbours):
            reason = "a short unpunctuated line among other promotional links"
            sentence.decide("headline_teaser", 0.6, [sentence.cue(0, len(sentence.text), reason)])
