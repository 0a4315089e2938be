"""The article as the analyzer sees it: sentences with their paragraph, quotation and layout context."""

import re
from itertools import groupby
from dataclasses import dataclass, field

from quizzes.segmentation import Passage, segment

from .lexicons import NAME, NAME_STOPWORDS, SENTENCE_OPENERS, Lexicon
from .quotes import Quotation, masked, quotations, quoted_mask
from .result import Cue

_WORD = re.compile(r"[^\W\d_][\w’'-]*")


@dataclass(frozen=True)
class Name:
    """A capitalised name at ``plain[start:end]`` and its tokens without titles ("Mr", "Professor")."""

    start: int
    end: int
    tokens: tuple[str, ...]


@dataclass
class Speaker:
    """Who a sentence's words belong to: an ``expert``, a published ``work`` or a ``party``.

    ``via`` says how it was found: its own ``attribution``, a ``pronoun`` pointing back, or the
    ``quotation`` the sentence belongs to.
    """

    kind: str
    names: tuple[Name, ...]
    plural: bool
    cue: Cue
    via: str = "attribution"


@dataclass
class Sentence:
    """One passage plus what the passes learn about it."""

    passage: Passage
    text: str
    plain: str
    quoted: float
    quotations: frozenset[int]
    paragraph_size: int
    label: str | None = None
    confidence: float = 0.0
    cues: list[Cue] = field(default_factory=list)
    speaker: Speaker | None = None

    @property
    def start(self) -> int:
        return self.passage.start

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)

    def decide(self, label: str, confidence: float, cues: list[Cue]) -> None:
        self.label = label
        self.confidence = round(max(0.0, min(1.0, confidence)), 2)
        self.cues = cues

    def matches(self, lexicon: Lexicon, limit: int = 3) -> list[Cue]:
        """Cues for up to ``limit`` matches of ``lexicon`` in the writer's own words of this sentence."""
        found = []
        for match in lexicon.pattern.finditer(self.plain):
            found.append(self.cue(match.start(), match.end(), lexicon.reason_for(match.group())))
            if len(found) == limit:
                break
        return found

    def cue(self, start: int, end: int, reason: str) -> Cue:
        """A cue at offsets relative to this sentence."""
        return Cue(self.start + start, self.start + end, reason)

    def names(self, start: int = 0, end: int | None = None) -> list["Name"]:
        """Capitalised names in ``plain[start:end]``, minus a lone sentence-initial capital and title words."""
        names = []
        for match in NAME.finditer(self.plain, start, len(self.plain) if end is None else end):
            tokens = tuple(token for token in match.group().split() if token.rstrip(".") not in NAME_STOPWORDS)
            if tokens and not (match.start() == 0 and _ordinary_opener(match.group())):
                names.append(Name(match.start(), match.end(), tokens))
        return names


def _ordinary_opener(word: str) -> bool:
    """A lone capitalised word opening a sentence that is an ordinary word, not a name ("However")."""
    return " " not in word and (word.lower() in SENTENCE_OPENERS or word.endswith("ly"))


@dataclass
class Document:
    text: str
    sentences: list[Sentence]
    quotations: list[Quotation]

    def paragraphs(self) -> list[list[Sentence]]:
        """The sentences grouped by paragraph, in reading order."""
        return [list(group) for _, group in groupby(self.sentences, key=lambda s: s.passage.paragraph)]


def read_document(text: str) -> Document:
    """Segment ``text`` and attach quotation context to every sentence."""
    spans = quotations(text)
    mask = quoted_mask(text, spans)
    passages = segment(text)
    sizes: dict[int, int] = {}
    for passage in passages:
        sizes[passage.paragraph] = sizes.get(passage.paragraph, 0) + 1
    sentences = []
    cursor = 0
    for passage in passages:
        while cursor < len(spans) and spans[cursor].end <= passage.start:
            cursor += 1
        touching = _touching(spans, cursor, passage)
        inside = sum(mask[passage.start:passage.end])
        visible = sum(1 for char in text[passage.start:passage.end] if not char.isspace()) or 1
        sentences.append(
            Sentence(
                passage=passage,
                text=text[passage.start:passage.end],
                plain=masked(text, mask, passage.start, passage.end),
                quoted=min(1.0, inside / visible),
                quotations=frozenset(touching),
                paragraph_size=sizes[passage.paragraph],
            )
        )
    return Document(text, sentences, spans)


def _touching(spans: list[Quotation], first: int, passage: Passage) -> list[int]:
    touching = []
    index = first
    while index < len(spans) and spans[index].start < passage.end:
        if spans[index].end > passage.start:
            touching.append(index)
        index += 1
    return touching
