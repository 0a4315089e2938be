"""Who is speaking: attributions, the experts and works an article introduces, pronouns that
point back to them ("They argued", "The pair continued:", "he said"), and quotations that run
over several sentences or paragraphs."""

import re
from dataclasses import dataclass, field

from .document import Document, Name, Sentence, Speaker
from .lexicons import (
    ATTRIBUTION_VERBS,
    CITATION,
    NARRATIVE_CITATION,
    CLAIM_VERBS,
    FACT_MARKERS,
    NAMING_VERBS,
    RESEARCHERS_AT,
    WORK_BY,
    DATA_SUBJECT,
    EXPERT_MARKERS,
    MARKED_ATTRIBUTION_VERBS,
    NEGATED_REPORT,
    PLURAL_REFERENCE,
    PUBLISHED_WORK,
    SINGULAR_REFERENCE,
    WORK_REFERENCE,
    AFFILIATED_PERSONS,
    RESPONDENT_SHARE,
    SURVEY_SUBJECT,
    TEAM_REFERENCE,
    UNNAMED_RESEARCH,
)
from .quotes import QUOTE_MARKS
from .result import Cue

_RIGHT_WINDOW = 160
_SUBJECT_TAIL = re.compile(r"(?:\S+\s+){0,3}\S*\s*$")
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")
_ADJACENT = re.compile(r"\s+(?:[a-z]+\s+){0,2}")
_POSSESSIVE = re.compile(r"[’']s?$")
_SPEAKER_LABEL = {"expert": "sourced_argument", "work": "sourced_argument", "party": "attributed_claim"}


@dataclass
class _Memory:
    """What the article has said so far: expert surnames, titles of works, the last speakers."""

    experts: set[str] = field(default_factory=set)
    works: set[str] = field(default_factory=set)
    work_introduced: bool = False
    last: Speaker | None = None
    last_group: Speaker | None = None
    previous: Sentence | None = None

    def kind_of(self, names: list[Name]) -> str | None:
        tokens = {_POSSESSIVE.sub("", token) for name in names for token in name.tokens}
        if tokens & self.experts:
            return "expert"
        if len(tokens & self.works) >= 2:
            return "work"
        return None


@dataclass(frozen=True)
class _Attribution:
    verb: re.Match
    left: int
    right_end: int

    @property
    def inverted(self) -> bool:
        return self.left == self.verb.start()


def label_speakers(document: Document) -> None:
    """Find who speaks in each sentence, spread speakers over quotations, and label those sentences."""
    memory = _Memory()
    for sentence in document.sentences:
        if sentence.label:
            continue
        introduced = _learn_works(sentence, memory)
        cited = _learn_authors(sentence, memory)
        speaker = _speaker(sentence, memory)
        if cited and (speaker is None or speaker.kind == "party"):
            speaker = cited
        sentence.speaker = speaker or _work_as_subject(sentence, memory)
        memory.work_introduced = introduced
        if sentence.speaker:
            memory.last = sentence.speaker
            if sentence.speaker.plural:
                memory.last_group = sentence.speaker
        memory.previous = sentence
    _spread_over_quotations(document)
    _label_transcript_turns(document)
    for sentence in document.sentences:
        if sentence.speaker and not sentence.label:
            _decide(sentence)


# A transcript turn: a speaker's name in capitals and a colon opening the line ("JANE ROE: Well, …").
_TURN = re.compile(r"^([A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+){1,3}):\s+\S")
# The interviewer's own questions and links are the programme's voice, not a source's.
_HOST = re.compile(r"\b(?:[Hh]ost|[Pp]resenter|[Ii]nterviewer|[Mm]oderator|[Aa]nchor|[Cc]hair(?:ed)? by|[Pp]resented by)\W+(?:\w+\W+){0,1}$")


def _label_transcript_turns(document: Document) -> None:
    """Every line of a transcript turn ("JANE ROE: …") is the words of the person named in capitals,
    when that person is introduced elsewhere in the text in ordinary case: an expert if a credential
    or institution sits next to that introduction, otherwise a party. The host's turns are left to
    the writer's-voice pass: the programme speaks in them."""
    text = document.text
    for paragraph in document.paragraphs():
        first = paragraph[0]
        turn = _TURN.match(first.text)
        if not turn or first.label:
            continue
        name = " ".join(token.capitalize() if "-" not in token else "-".join(p.capitalize() for p in token.split("-")) for token in turn.group(1).split())
        where = text.find(name)
        if where < 0:
            continue
        before = text[max(0, where - 30):where]
        if _HOST.search(before):
            continue
        end = where + len(name)
        window = before[-25:] + text[where:min(len(text), end + 80)].split("\n", 1)[0]
        expert = any(lexicon.pattern.search(window) for lexicon in EXPERT_MARKERS)
        kind = "expert" if expert else "party"
        who = "an expert" if expert else "someone in the story"
        for sentence in paragraph:
            if sentence.label:
                continue
            reason = f"a transcript turn by {who} named in capitals: '{turn.group(1)}'"
            if sentence is first:
                cue = sentence.cue(turn.start(1), turn.end(1), reason)
            else:
                cue = sentence.cue(0, 1, reason)
            sentence.speaker = Speaker(kind, (Name(turn.start(1), turn.end(1), tuple(name.split())),), False, cue,
                                       via="attribution" if sentence is first else "quotation")


def _learn_works(sentence: Sentence, memory: _Memory) -> bool:
    """Remember the titles of works announced as published; whether this sentence announced one."""
    found = False
    for match in PUBLISHED_WORK.finditer(sentence.plain):
        for name in sentence.names(match.start(1), match.end(1)):
            memory.works.update(_POSSESSIVE.sub("", token) for token in name.tokens)
            found = True
    return found


def _learn_authors(sentence: Sentence, memory: _Memory) -> Speaker | None:
    """Register the authors of a citation ("(Roe and Poe 2021, Journal of X)"), of "a study by
    Roe and Poe" and "researchers at <University>" as experts; a cited sentence is their finding."""
    plain = sentence.plain
    found = None
    for pattern, what in ((CITATION, "a study cited by its authors and year"), (NARRATIVE_CITATION, "a study cited by its authors and year"),
                          (WORK_BY, "a study named by its authors")):
        for match in pattern.finditer(plain):
            authors = re.findall(r"[A-Z][\w’'-]+", match.group(1))
            memory.experts.update(_POSSESSIVE.sub("", a) for a in authors)
            plural = len(authors) > 1 or "et al" in match.group(1)
            found = found or Speaker("work", (Name(match.start(1), match.end(1), tuple(authors)),), plural,
                                     sentence.cue(match.start(), match.end(), f"{what}: '{match.group()}'"))
    for match in AFFILIATED_PERSONS.finditer(plain):
        people = [p for p in re.split(r",? (?:and|&) ", match.group(1)) if p]
        memory.experts.update(_POSSESSIVE.sub("", person.split()[-1]) for person in people)
        if not found:
            reason = f"a person named with a university or a credential: '{match.group()}'"
            found = Speaker("expert", (Name(match.start(1), match.end(1), tuple(people)),), len(people) > 1,
                            sentence.cue(match.start(), match.end(), reason))
    group = RESEARCHERS_AT.search(plain)
    if group and not found:
        found = Speaker("expert", (), True, sentence.cue(group.start(), group.end(), f"researchers at a named institution: '{group.group()}'"))
    if found:
        memory.last = found
        if found.plural:
            memory.last_group = found
    return found if found and found.cue.reason.startswith("a study cited") else None


def _work_as_subject(sentence: Sentence, memory: _Memory) -> Speaker | None:
    """"It"/"The study" opening the sentence after a work was announced: the work's content,
    unless the sentence reports figures from it (then it is a reported fact)."""
    if not memory.work_introduced or not WORK_REFERENCE.match(sentence.plain):
        return None
    if sentence.matches(FACT_MARKERS[0], limit=1):
        return None
    reference = WORK_REFERENCE.match(sentence.plain)
    reason = f"describes what the work named just before says: '{reference.group()}'"
    return Speaker("work", (), False, sentence.cue(reference.start(), reference.end(), reason), via="pronoun")


def _find_attribution(sentence: Sentence) -> _Attribution | None:
    plain = sentence.plain
    verbs = [m for m in (_first_verb(ATTRIBUTION_VERBS, plain), _first_verb(MARKED_ATTRIBUTION_VERBS, plain), NAMING_VERBS.search(plain)) if m]
    if not verbs:
        return None
    verb = min(verbs, key=lambda m: m.start())
    if verb.group() == "according to" and not sentence.quotations:
        return None
    if not sentence.quotations and _NOTHING_AFTER.match(plain, verb.end()) and _ADVERB_BEFORE.search(plain, 0, verb.start()):
        return None  # "a fair idea, badly explained.": a participle used as an adjective, nothing reported
    if not sentence.quotations and NEGATED_REPORT.search(plain) and not re.search(r"\b(?:said|says|told|added)\b", plain[:verb.start()]):
        return None  # "He did not say how much that would save.": a report that nothing was said
    marks = [m.end() for m in _QUOTE_MARK.finditer(plain, 0, verb.start())]
    left = marks[-1] if marks else 0
    if not re.search(r"\w", plain[left:verb.start()]):
        left = verb.start()
    next_mark = _QUOTE_MARK.search(plain, verb.end())
    right_end = min(next_mark.start() if next_mark else len(plain), verb.end() + _RIGHT_WINDOW)
    return _Attribution(verb, left, right_end)


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|his|her|their|its|our|such|another)\s+(?:[a-z]+\s+)?$")
# "The sleep claims are harder to judge": after a capitalised determiner, a claim word is a noun
# only when a verb of its own follows ("The trust insists the change is safe" is a claim).
_CAPITAL_DETERMINER_BEFORE = re.compile(r"\b(?:The|This|That|These|Those|His|Her|Their|Its|Our|Such)\s+(?:[a-z]+\s+)?$")
_VERB_AFTER_NOUN = re.compile(r"\s+(?:are|is|were|was|have|has|had|will|would|may|might|can|could|remain|remains|seem|seems|look|looks)\b")
# "accuracy claims." with nothing after and no quotation in the sentence: a noun, not a verb.
_ADVERB_BEFORE = re.compile(r"\b(?!only\b)[a-z]{2,}ly\s+$")
_NOTHING_AFTER = re.compile(r"[\s.,;:!?)\]]*$")


def _first_verb(pattern: re.Pattern, plain: str) -> re.Match | None:
    """The first match of ``pattern`` that is a verb, skipping claim words used as nouns."""
    for match in pattern.finditer(plain):
        if not _claim_noun(plain, match):
            return match
    return None


def _claim_noun(plain: str, verb: re.Match) -> bool:
    """"a bold boast,", "his latest tweet.", "unproven accuracy claims": a claim verb used as a noun,
    with no claim after it."""
    if not CLAIM_VERBS.fullmatch(verb.group()):
        return False
    if _NOTHING_AFTER.match(plain, verb.end()) and not _QUOTE_MARK.search(plain) and re.search(r"[a-z]\s+$", plain[:verb.start()]):
        return True
    if _CAPITAL_DETERMINER_BEFORE.search(plain, 0, verb.start()) and _VERB_AFTER_NOUN.match(plain, verb.end()):
        return True
    if not _DETERMINER_BEFORE.search(plain, 0, verb.start()):
        return False
    return not re.match(r"\s*(?:that\b|:|“|\"|to\b)", plain[verb.end():])


def _speaker(sentence: Sentence, memory: _Memory) -> Speaker | None:
    found = _find_attribution(sentence)
    if not found:
        return None
    plain, verb = sentence.plain, found.verb
    subject_text = plain[found.left:verb.start()]
    tail = _SUBJECT_TAIL.search(subject_text).group()
    claim = bool(CLAIM_VERBS.fullmatch(verb.group()))
    if not found.inverted and (DATA_SUBJECT.search(tail) or UNNAMED_RESEARCH.search(subject_text)):
        return None
    if not found.inverted and not claim and _survey_finding(sentence, subject_text):
        return None
    names = _subject_names(sentence, found)
    cue_start = names[0].start if names and not found.inverted else found.left if not found.inverted else verb.start()
    cue_end = max(verb.end(), names[-1].end if names and found.inverted else verb.end())
    snippet = plain[cue_start:cue_end]
    referent = _referent(sentence, found, tail, names, memory)
    if referent is not None:
        kind = "party" if claim else referent.kind
        reason = f"points back to {'experts' if kind != 'party' else 'someone'} named earlier: '{snippet}'"
        return Speaker(kind, referent.names, referent.plural, sentence.cue(cue_start, cue_end, reason), via="pronoun")
    credential = _credential(sentence, found)
    if claim:
        return Speaker("party", tuple(names), len(names) > 1, sentence.cue(verb.start(), verb.end(), f"a verb that reports a claim: '{verb.group()}'"))
    if credential:
        memory.experts.update(_POSSESSIVE.sub("", name.tokens[-1]) for name in names + _names_before_verb(sentence, found))
        return Speaker("expert", tuple(names), len(names) > 1, credential)
    known = memory.kind_of(names)
    if known:
        what = "an expert" if known == "expert" else "a published work"
        reason = f"{what} introduced earlier in the article: '{snippet}'"
        return Speaker(known, tuple(names), len(names) > 1, sentence.cue(cue_start, cue_end, reason))
    if not names and not re.search(r"\w", subject_text):
        return None
    if _official_count(sentence, found, subject_text):
        return None
    reason = f"words reported as someone's own view, not established by the text: '{snippet}'"
    return Speaker("party", tuple(names), len(names) > 1, sentence.cue(cue_start, cue_end, reason))


# An official body that keeps the records ("the disaster agency", "the institute", "police", "the
# statistics office") reporting a count in a plain verb: a checkable figure, reported as fact.
_OFFICIAL_BODY = re.compile(
    r"\b(?:[Oo]ffice|[Aa]gency|[Mm]inistry|[Dd]epartment|[Pp]olice|[Ii]nstitute|[Ss]ervice|[Aa]uthority|[Aa]uthorities|"
    r"[Bb]ureau|[Cc]ommission|[Cc]oastguard|[Bb]rigade|[Rr]egulator|[Ss]urvey|[Oo]bservatory|[Rr]egistry|[Cc]ensus)\s*,?\s*$"
)
_PLAIN_REPORT = re.compile(r"(?:said|says|confirmed|confirms|reported|reports|recorded|announced|announces|stated)$")


def _official_count(sentence: Sentence, found: _Attribution, subject_text: str) -> bool:
    if sentence.quotations or not _PLAIN_REPORT.fullmatch(found.verb.group()):
        return False
    subject = subject_text if not found.inverted else sentence.plain[found.verb.end():found.right_end]
    if not _OFFICIAL_BODY.search(subject.rstrip(" .,")):
        return False
    after = sentence.plain[found.verb.end():]
    rest = sentence.plain[:found.verb.start()] if found.inverted or _NOTHING_AFTER.match(after) else after
    return bool(re.search(r"\d", rest)) and not re.search(r"\b(?:should|must|will|would|could|may|might|expects?|hopes?|plans?)\b", rest)


def _survey_finding(sentence: Sentence, subject_text: str) -> bool:
    """A poll's result or a share of its respondents as the subject ("The poll of 2,013 adults
    found that", "Almost half (46%) said"): statistics about the data, not anyone's argument."""
    if SURVEY_SUBJECT.search(subject_text):
        return True
    clause = subject_text.rsplit(",", 1)[-1].strip()
    return bool(RESPONDENT_SHARE.match(clause)) and len(clause.split()) <= 8


def _subject_names(sentence: Sentence, found: _Attribution) -> list[Name]:
    """The speaker's names: the first name of the subject and any joined to it by "and"."""
    if found.inverted:
        return sentence.names(found.verb.end(), found.right_end)[:1]
    names = sentence.names(found.left, found.verb.start())
    subject = names[:1]
    for name in names[1:]:
        if sentence.plain[subject[-1].end:name.start].strip() not in ("and", "or", "&"):
            break
        subject.append(name)
    return subject


def _names_before_verb(sentence: Sentence, found: _Attribution) -> list[Name]:
    """The name right before the verb, no punctuation between ("IMF chief economist Jane Roe said")."""
    if found.inverted:
        return []
    names = sentence.names(found.left, found.verb.start())
    if names and _ADJACENT.fullmatch(sentence.plain[names[-1].end:found.verb.start()]):
        return names[-1:]
    return []


# The person told is the listener, not the speaker: "X told analysts", "X told a conference of
# economists", "X said to reporters".
_LISTENER_BEFORE = re.compile(
    r"(?:\b(?:told|tells|telling|tell|briefed|briefing|addressed|addressing)|\b(?:said|says|explained|wrote) to)"
    r"\s+(?:(?:a|an|the|some|several|visiting|assembled|gathered|[a-z]+ing)\s+)?(?:(?:meeting|conference|group|room|audience|panel|call|gathering|dinner) of\s+)?(?:[a-z-]+\s+)?$"
)
# A party's own promotional statement as the subject: "The institute's press release described …".
_OWN_STATEMENT = re.compile(r"\b(?:press|news|media) releases?\b|\b(?:statement|announcement|advert(?:isement)?|brochure|marketing|website|prospectus)s?\s*$", re.I)


def _credential(sentence: Sentence, found: _Attribution) -> Cue | None:
    window = sentence.plain[:found.right_end]
    if not found.inverted and _OWN_STATEMENT.search(window[found.left:found.verb.start()]):
        return None
    for lexicon in EXPERT_MARKERS:
        match = next((m for m in lexicon.pattern.finditer(window, found.left)
                      if m.start() < found.verb.end() or not _LISTENER_BEFORE.search(window, found.verb.start(), m.start())), None)
        if match:
            start, end = min(match.start(), found.verb.start()), max(match.end(), found.verb.end())
            reason = f"{lexicon.reason_for(match.group())}, with a reporting verb: '{sentence.plain[start:end]}'"
            return sentence.cue(start, end, reason)
    return None


def _referent(sentence: Sentence, found: _Attribution, tail: str, names: list[Name], memory: _Memory) -> Speaker | None:
    """The earlier speaker a pronoun subject points to ("They argued", "he said", "It says")."""
    if found.inverted:
        return None
    tail_start = found.verb.start() - len(tail)
    team = TEAM_REFERENCE.search(tail)
    if team and not any(name.end > tail_start + team.end() for name in names):
        person = _singular_referent(sentence, found, memory) if team.group()[0] in "Hh" else None
        group = person or memory.last_group or memory.last
        return Speaker(group.kind, group.names, True, group.cue, group.via) if group else None
    pronoun = PLURAL_REFERENCE.search(tail) or SINGULAR_REFERENCE.search(tail)
    if pronoun and any(name.end > tail_start + pronoun.start() for name in names):
        return None  # a name stands between the pronoun and the verb: it is the subject
    if pronoun is None and names:
        return None
    if pronoun and pronoun.re is PLURAL_REFERENCE:
        return memory.last_group or memory.last
    if pronoun:
        return _singular_referent(sentence, found, memory)
    opening = sentence.plain[:found.verb.start()]
    if WORK_REFERENCE.match(opening) or WORK_REFERENCE.search(tail):
        previous = memory.previous
        if previous and memory.kind_of(previous.names()) == "work":
            return Speaker("work", tuple(previous.names()), False, previous.cue(0, 0, ""))
    return None


def _person_kind(sentence: Sentence, name: Name, limit: int, memory: _Memory) -> str:
    """The kind of the person a pronoun points to: known from earlier, or an expert when a credential
    or an institution sits right next to the name ("Dr Jane Roe, who lectures in law at X, has been
    watching … "…," she said"; "the economist Tom Roe examined …. He found that …")."""
    known = memory.kind_of([name])
    if known:
        return known
    window = sentence.plain[max(0, name.start - 30):min(limit, name.end + 120)]
    if any(lexicon.pattern.search(window) for lexicon in EXPERT_MARKERS):
        memory.experts.add(_POSSESSIVE.sub("", name.tokens[-1]))
        return "expert"
    return "party"


_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Oo]f|[Ff]or|[Ff]rom|[Tt]o|[Bb]y|[Oo]n|[Ii]nto|[Tt]he)\s+$")


def _singular_referent(sentence: Sentence, found: _Attribution, memory: _Memory) -> Speaker | None:
    # People, not places or publications: "Writing in the Vale Journal, he found" points back past the journal.
    earlier = [name for name in sentence.names(0, found.verb.start()) if not _PLACE_BEFORE.search(sentence.plain, 0, name.start)]
    if earlier:
        kind = _person_kind(sentence, earlier[0], found.verb.start(), memory)
        return Speaker(kind, tuple(earlier[:1]), False, sentence.cue(0, 0, ""))
    previous = memory.previous
    if previous and previous.speaker:
        return previous.speaker
    people = [name for name in (previous.names() if previous else []) if len(name.tokens) >= 2 and not _PLACE_BEFORE.search(previous.plain, 0, name.start)]
    if people:
        return Speaker(_person_kind(previous, people[0], len(previous.plain), memory), tuple(people[:1]), False, sentence.cue(0, 0, ""))
    return memory.last


def _spread_over_quotations(document: Document) -> None:
    """Give every sentence of a quotation the speaker its attribution names, wherever that sits."""
    sentences = document.sentences
    for index, sentence in enumerate(sentences):
        if sentence.speaker or sentence.label or not sentence.quotations:
            continue
        source = _quotation_source(sentences, index)
        if source and source.speaker:
            what = "an expert" if source.speaker.kind != "party" else "someone in the story"
            reason = f"inside a quotation by {what}; the attribution is nearby: '{_cue_text(document, source.speaker.cue)}'"
            cue = sentence.cue(0, 1, reason)
            sentence.speaker = Speaker(source.speaker.kind, source.speaker.names, source.speaker.plural, cue, via="quotation")


def _quotation_source(sentences: list[Sentence], index: int) -> Sentence | None:
    """The attributed sentence sharing a quotation with ``sentences[index]``, or a neighbour in its paragraph."""
    sentence = sentences[index]
    for step in (1, -1):
        cursor = index + step
        while 0 <= cursor < len(sentences) and sentences[cursor].quotations & sentence.quotations:
            if sentences[cursor].speaker:
                return sentences[cursor]
            cursor += step
    if sentence.quoted < 0.6:
        return None
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(sentences):
            other = sentences[neighbour]
            same_paragraph = other.passage.paragraph == sentence.passage.paragraph
            opens_with_attribution = neighbour > index and other.speaker and other.speaker.cue.start - other.start <= 2
            quoting = other.quotations or opens_with_attribution
            if same_paragraph and other.speaker and other.speaker.via != "quotation" and quoting:
                return other
    return None


def _cue_text(document: Document, cue: Cue) -> str:
    return document.text[cue.start:cue.end]


def _decide(sentence: Sentence) -> None:
    speaker = sentence.speaker
    confidence = 0.85 if speaker.via == "attribution" else 0.75
    sentence.decide(_SPEAKER_LABEL[speaker.kind], confidence, [speaker.cue])
