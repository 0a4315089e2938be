"""The article as the analyzer sees it: sentences with their paragraph, quotation and layout context."""

import re
from itertools import groupby
from dataclasses import dataclass, field
from functools import cached_property

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


_CACHED = 3  # matches kept per pattern: the most any caller asks for


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
    # Matches found so far per lexicon pattern (by id, up to _CACHED), shared by the rules and the features.
    _found: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def start(self) -> int:
        return self.passage.start

    @cached_property
    def words(self) -> list[str]:
        """The words of ``text`` (found once: every pass counts them)."""
        return _WORD.findall(self.text)

    def decide(self, label: str, confidence: float, cues: list[Cue]) -> None:
        self.label = label
        self.confidence = round(max(0.0, min(1.0, confidence)), 2)
        self.cues = cues

    def matches(self, lexicon: Lexicon, limit: int = 3) -> list[Cue]:
        """Cues for up to ``limit`` matches of ``lexicon`` in the writer's own words of this sentence."""
        plain = self.plain
        return [self.cue(start, end, lexicon.reason_for(plain[start:end])) for start, end in self.found(lexicon.pattern, limit)]

    def found(self, pattern: re.Pattern, limit: int = 3) -> tuple[tuple[int, int], ...]:
        """Spans of up to ``limit`` (at most 3) matches of ``pattern`` in ``plain``, searched once per sentence."""
        key = id(pattern)  # hashing a Pattern hashes its whole source; the lexicons live as long as the module
        cached = self._found.get(key)
        if cached is None:
            spans = []
            for match in pattern.finditer(self.plain):
                spans.append(match.span())
                if len(spans) == _CACHED:
                    break
            cached = self._found[key] = tuple(spans)
        return cached[:limit]

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
    # "However", "Clearly", and participle openers ("Writing in the journal, he", "Asked whether …").
    # "Here's", "It's", "There's": an opener with a contraction is still an ordinary word.
    base = re.split(r"['’]", word, maxsplit=1)[0]
    return " " not in word and (base.lower() in SENTENCE_OPENERS or word.endswith(("ly", "ing")) or word in ("Asked", "Pressed", "Questioned"))


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
