"""Who is speaking: attributions, the experts and works an article introduces, pronouns that
point back to them ("They argued", "The pair continued:", "he said"), and quotations that run
over several sentences or paragraphs."""

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from .document import Document, Name, Sentence, Speaker
from .lexicons import (
    LETTER_OPENING,
    ATTRIBUTION_VERBS,
    CITATION,
    NARRATIVE_CITATION,
    CLAIM_VERBS,
    CREDENTIAL_NOUNS,
    FACT_MARKERS,
    NAMING_VERBS,
    RESEARCHERS_AT,
    WORK_BY,
    DATA_SUBJECT,
    COMMENT_HANDLE,
    DATE_OR_TIME,
    EXPERT_MARKERS,
    EXPERT_VERBS,
    READ_TIME,
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
    # The page is published by a research body (an institute or university, or authors with a
    # credential, named above the body): "We find that …" is its authors reporting their research.
    research_publisher: bool = False
    # The page is a press release: the issuer's own managers speak for the issuer, as a party.
    press_release: bool = False

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
    expert_only: bool = False

    @property
    def inverted(self) -> bool:
        return self.left == self.verb.start()


def label_speakers(document: Document) -> None:
    """Find who speaks in each sentence, spread speakers over quotations, and label those sentences."""
    memory = _Memory(research_publisher=_research_publisher(document), press_release=bool(_PRESS_RELEASE.search(document.text)))
    _label_reader_comments(document)
    for sentence in document.sentences:
        if sentence.label:
            continue
        introduced = _learn_works(sentence, memory)
        cited = _learn_authors(sentence, memory)
        speaker = _checked_claim(sentence) or _speaker(sentence, memory)
        if cited and (speaker is None or speaker.kind == "party"):
            speaker = cited
        sentence.speaker = speaker or _work_as_subject(sentence, memory) or _stance(sentence, memory)
        memory.work_introduced = introduced
        if sentence.speaker:
            memory.last = sentence.speaker
            if sentence.speaker.plural:
                memory.last_group = sentence.speaker
        memory.previous = sentence
    _spread_over_quotations(document, memory)
    _label_transcript_turns(document)
    _label_interview_answers(document, memory)
    _label_named_turns(document)
    _label_reader_letters(document)
    _label_obituary_tributes(document)
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


# A kind of work named right before "Title (year)": the capitalised words are its title, not authors.
_TITLE_BEFORE = re.compile(
    r"\b(?:memoir|book|novel|film|album|play|poem|collection|biography|autobiography|documentary|series|opera|song|"
    r"exhibition|title)s?,?\s+(?:[A-Z][\w’'-]*,?\s+){0,6}$"
)


# A person described by a credential through a verb to be ("Jane Roe, who has died aged 87, was a soil
# microbiologist", "Ann Poe is an economist at …"): remembered as an expert.
_COPULAR_CREDENTIAL = re.compile(
    r"((?:(?:Dr|Prof|Professor) )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}),?(?: [^,.;]{3,60},)? (?:is|was|has been|had been) (?:an?|the) (?:[\w’'-]+ ){0,3}(?:"
    + "|".join(sorted((n for n in CREDENTIAL_NOUNS if n not in ("author", "co-author", "expert", "pundit")), key=len, reverse=True))
    + r"|[a-z]{3,}ologist)s?\b"
)


def _learn_authors(sentence: Sentence, memory: _Memory) -> Speaker | None:
    """Register the authors of a citation ("(Roe and Poe 2021, Journal of X)"), of "a study by
    Roe and Poe" and "researchers at <University>" as experts; a cited sentence is their finding."""
    plain = sentence.plain
    found = None
    for pattern, what in ((CITATION, "a study cited by its authors and year"), (NARRATIVE_CITATION, "a study cited by its authors and year"),
                          (WORK_BY, "a study named by its authors")):
        for match in pattern.finditer(plain):
            if pattern is NARRATIVE_CITATION and _TITLE_BEFORE.search(plain, max(0, match.start() - 60), match.start()):
                continue  # "her memoir, A Slow Country Underfoot (2011)": a title and its year, not authors
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
    for match in _COPULAR_CREDENTIAL.finditer(plain):
        person = match.group(1)
        memory.experts.add(_POSSESSIVE.sub("", person.split()[-1]))  # known from now on; the sentence itself reports no view
        if not found:
            reason = f"a person described by a credential: '{match.group()}'"
            found = Speaker("expert", (Name(match.start(1), match.end(1), tuple(person.split())),), False, sentence.cue(match.start(), match.end(), reason))
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


_WRITE_FORMS = frozenset({"write", "writes", "wrote", "written", "writing"})
_WORK_OBJECT = re.compile(r"\s+(?:a|an|the|his|her|their|its|two|three|four|several|many|dozens of|hundreds of|more than \d+)\s")


def _authoring(plain: str, verb: re.Match) -> bool:
    """"wrote a memoir", "has written two novels": writing a work, not reporting what someone said,
    unless "that", a colon or a quotation follows in the clause."""
    if verb.group().lower() not in _WRITE_FORMS or not _WORK_OBJECT.match(plain, verb.end()):
        return False
    clause = re.split(r"[;.]", plain[verb.end():verb.end() + 160], maxsplit=1)[0]
    return not re.search(r"\bthat\b|[:“\"]", clause)


# A person's name right after "according to": "according to Jane Roe, a criminologist at …", "according to Dr Roe".
_PERSON_AFTER = re.compile(r"\s+(?:(?:Dr|Prof|Professor)\.?\s+)?[A-Z][a-z][\w’'-]*\s+[A-Z][\w’'-]+")


def _expert_named_after(plain: str, end: int) -> bool:
    """"according to" followed by a person named with a credential or an institution: the expert's view,
    even without a quotation ("That figure is misleading, according to Jane Roe, a criminologist at X")."""
    person = _PERSON_AFTER.match(plain, end)
    if not person:
        return False
    window = plain[end:min(len(plain), person.end() + 60)]
    return any(lexicon.pattern.search(window) for lexicon in EXPERT_MARKERS)


def _find_attribution(sentence: Sentence) -> _Attribution | None:
    plain = sentence.plain
    verbs = [m for m in (_first_verb(ATTRIBUTION_VERBS, plain), _first_verb(MARKED_ATTRIBUTION_VERBS, plain), NAMING_VERBS.search(plain)) if m]
    expert_only = False
    if not verbs:
        verbs = [m for m in (_first_verb(EXPERT_VERBS, plain),) if m]
        expert_only = True
        if not verbs:
            return None
    verb = min(verbs, key=lambda m: m.start())
    if expert_only and re.match(r"\s+(?:about|of)\b", plain[verb.end():]):
        return None  # "changed how ecologists think about carbon": a way of thinking, nothing reported
    if verb.group() == "according to" and not sentence.quotations and not _expert_named_after(plain, verb.end()):
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
    return _Attribution(verb, left, right_end, expert_only)


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|his|her|their|its|our|such|another)\s+(?:[a-z]+\s+)?$")
# "The sleep claims are harder to judge": after a capitalised determiner, a claim word is a noun
# only when a verb of its own follows ("The trust insists the change is safe" is a claim).
_CAPITAL_DETERMINER_BEFORE = re.compile(r"\b(?:The|This|That|These|Those|His|Her|Their|Its|Our|Such)\s+(?:[a-z]+\s+)?$")
_VERB_AFTER_NOUN = re.compile(r"\s+(?:are|is|were|was|have|has|had|will|would|may|might|can|could|remain|remains|seem|seems|look|looks)\b")
# "accuracy claims." with nothing after and no quotation in the sentence: a noun, not a verb.
_ADVERB_BEFORE = re.compile(r"\b(?!only\b)[a-z]{2,}ly\s+$")
_NOTHING_AFTER = re.compile(r"[\s.,;:!?)\]]*$")


def _first_verb(pattern: re.Pattern, plain: str) -> re.Match | None:
    """The first match of ``pattern`` that is a verb, skipping claim words used as nouns and idioms
    in which nothing is reported ("says it all", "tells a story", "tell the difference")."""
    for match in pattern.finditer(plain):
        if not _claim_noun(plain, match) and not _IDIOM_AFTER.match(plain, match.end()) and not _authoring(plain, match):
            return match
    return None


# "Her reaction says it all", "the baseline that tells the best story", "hard to tell the difference":
# verbs of saying in idioms whose object is not anything said.
_IDIOM_AFTER = re.compile(
    r"\s+(?:it all\b|(?:a|an|the|its|their|his|her|our|your|its own|their own|a different|the same|the whole|the full|"
    r"the best|the worst|a good|a sad|a familiar|another)\s+(?:[a-z-]+\s+)?(?:story|stories|tale|tales|lie|lies|joke|jokes|time|difference)\b)"
)


# What is claimed when "claim" means asking for money: "claim back", "claim a refund", "claim the remaining £90".
_CLAIM_MONEY = re.compile(
    r"\s+(?:back\b|(?:(?:a|an|the|your|their|his|her|its|our|my|any|some)\s+)?(?:[\w-]+\s+)?"
    r"(?:refunds?|compensation|money|expenses|costs|damages|benefits?|allowances?|credits?|rebates?|reimbursement|[£$€]\d))"
)


def _claim_noun(plain: str, verb: re.Match) -> bool:
    """"a bold boast,", "his latest tweet.", "unproven accuracy claims": a claim verb used as a noun,
    with no claim after it."""
    if not CLAIM_VERBS.fullmatch(verb.group()):
        return False
    if verb.group().lower().startswith("claim") and _CLAIM_MONEY.match(plain, verb.end()):
        return True  # "claim the remaining £1,740", "claim back the fee": asking for money, nothing asserted
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
    speaker = _speaker_of(sentence, found, memory)
    if found.expert_only and (speaker is None or speaker.kind == "party" or not (speaker.names or speaker.via == "pronoun" or speaker.plural)
                              or _UNNAMED_EXPERTS.search(sentence.plain, 0, found.verb.start())):
        return None  # "The firm estimates that", "I think", "…, researchers reported": not a named expert's research
    return speaker


# A group of experts as the subject ("The report's authors argue", "the researchers conclude"):
# a later "They" points back to them.
_PLURAL_CREDENTIAL = re.compile(r"\b(?:authors|researchers|scientists|academics|economists|analysts|scholars|historians|[a-z]+ologists)\s+$")
# Unnamed experts right before the verb ("…, researchers reported", "our experts think"): nobody is named.
_UNNAMED_EXPERTS = re.compile(
    r"(?:^|[,;:—–-]\s*|\b(?:[Tt]he|[Ss]ome|[Mm]any|[Oo]ther|[Oo]ur|[Tt]heir|[Mm]ost)\s+)(?:[a-z-]+\s+)?"
    r"(?:[Rr]esearchers?|[Ss]cientists?|[Ee]xperts?|[Aa]cademics?|[Ee]conomists?|[Aa]nalysts?|[Ss]pecialists?|[Dd]octors?|[a-z]+ologists?)\s+$"
)


_OWN_RESEARCH = re.compile(
    r"^\W*(?:[Ww]e|[Oo]ur (?:[\w-]+ ){0,2}(?:analysis|paper|study|research|estimates?|findings|modell?ing|survey|report|briefing|"
    r"results|calculations?|data)(?: of [\w ,-]{0,40})?)\s*$"
)


def _speaker_of(sentence: Sentence, found: _Attribution, memory: _Memory) -> Speaker | None:
    plain, verb = sentence.plain, found.verb
    subject_text = plain[found.left:verb.start()]
    tail = _SUBJECT_TAIL.search(subject_text).group()
    claim = bool(CLAIM_VERBS.fullmatch(verb.group()))
    if memory.research_publisher and not found.inverted and not claim and _OWN_RESEARCH.match(subject_text):
        reason = f"the authors of this research publication report their own work: '{subject_text.strip(' •')} {verb.group()}'"
        return Speaker("work", (), True, sentence.cue(found.left, verb.end(), reason))
    data = DATA_SUBJECT.search(tail)
    if data and re.search(r"\b(?:[Tt]hey|[Hh]e|[Ss]he|[Ww]e)\b", tail[data.end():]):
        data = None  # "Using admissions data from X, they argue": the pronoun is the subject
    if data and re.search(r"\b(?:who|whose)\b", tail[:data.start()]) and re.search(r",\s*$", tail):
        data = None  # "Dr X, who leads the survey, said": the data noun sits in a clause about the speaker
    if not found.inverted and (data or UNNAMED_RESEARCH.search(subject_text)):
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
    if credential and memory.press_release and _issuers_manager(sentence, found):
        credential = None  # the issuer's own head of school or chief executive speaks for the issuer
    if claim:
        return Speaker("party", tuple(names), len(names) > 1, sentence.cue(verb.start(), verb.end(), f"a verb that reports a claim: '{verb.group()}'"))
    if credential and not found.inverted and _UNNAMED_EXPERTS.search(plain, 0, verb.start()):
        # "…, analyst says": an unnamed expert; the names earlier in the sentence are not theirs
        return Speaker("expert", (), bool(re.search(r"s\s+$", plain[:verb.start()])), credential)
    if credential:
        memory.experts.update(_POSSESSIVE.sub("", name.tokens[-1]) for name in names + _names_before_verb(sentence, found))
        plural = len(names) > 1 or bool(_PLURAL_CREDENTIAL.search(plain, 0, verb.start()))
        return Speaker("expert", tuple(names), plural, credential)
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
    return bool(FACT_MARKERS[0].pattern.search(rest)) and not re.search(r"\b(?:should|must|will|would|could|may|might|expects?|hopes?|plans?)\b", rest)


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
    names = [name for name in sentence.names(found.left, found.verb.start()) if not _DATE_WORDS.issuperset(name.tokens)]
    subject = names[:1]
    for name in names[1:]:
        if sentence.plain[subject[-1].end:name.start].strip() not in ("and", "or", "&"):
            break
        subject.append(name)
    return subject


# Days and months are capitalised but are dates, not speakers ("published on Wednesday, Jane Roe, …").
_DATE_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December".split()
)


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
    if pronoun is None and not names:
        # "They matched … and found that": the pronoun opens the sentence, the verb ends a coordination
        opening = sentence.plain[found.left:found.verb.start()].lstrip()
        pronoun = PLURAL_REFERENCE.match(opening) or SINGULAR_REFERENCE.match(opening)
        if pronoun and not re.search(r"[,;]", opening):
            return (memory.last_group or memory.last) if pronoun.re is PLURAL_REFERENCE else _singular_referent(sentence, found, memory)
        pronoun = None
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
    people = [name for name in (previous.names() if previous else []) if len(name.tokens) >= 2 and not _PLACE_BEFORE.search(previous.plain, 0, name.start)
              and not _TITLE_BEFORE.search(previous.plain, max(0, name.start - 80), name.start)]
    if people:
        return Speaker(_person_kind(previous, people[0], len(previous.plain), memory), tuple(people[:1]), False, sentence.cue(0, 0, ""))
    return memory.last


def _spread_over_quotations(document: Document, memory: _Memory | None = None) -> None:
    """Give every sentence of a quotation the speaker its attribution names, wherever that sits."""
    sentences = document.sentences
    for index, sentence in enumerate(sentences):
        if sentence.speaker or sentence.label or not sentence.quotations:
            continue
        source = _quotation_source(sentences, index) or _introduced_by_colon(sentences, index, memory)
        if source and source.speaker:
            what = "an expert" if source.speaker.kind != "party" else "someone in the story"
            where = _cue_text(document, source.speaker.cue)
            if source.speaker.via == "quotation" and "nearby: " in source.speaker.cue.reason:
                where = source.speaker.cue.reason.split("nearby: ", 1)[1].strip("'")
            reason = f"inside a quotation by {what}; the attribution is nearby: '{where}'"
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


def _introduced_by_colon(sentences: list[Sentence], index: int, memory: _Memory | None):
    """A quotation opening a paragraph right after a line that ends with a colon ("The minister said:",
    "When I asked Roe what worried her, the answer came at once:") is the words of the person that
    line names: its speaker, or an expert it names who was introduced earlier. Without a colon, a
    paragraph that is wholly an unattributed quotation belongs to the speaker, or the known expert,
    of the sentence just before it (the paragraph that introduces them)."""
    sentence = sentences[index]
    if index == 0 or not (_QUOTE_MARK.match(sentence.text) or (sentence.text[:1] in "'‘" and sentence.quoted >= 0.6)):
        return None
    before = sentences[index - 1]
    if before.passage.paragraph == sentence.passage.paragraph or before.label:
        return None
    # a colon introduces the quotation; without one, a paragraph that is wholly an unattributed
    # quotation belongs to the person the paragraph before ends on ("We asked X, an epidemiologist …")
    colon = before.text.rstrip().endswith(":")
    if not colon and sentence.quoted < 0.6:
        return None
    if before.speaker:
        return before
    if memory is None:
        return None
    names = before.names()
    kind = memory.kind_of(names)
    if kind is None:
        return None
    known = next(name for name in names if memory.kind_of([name]))
    reason = f"introduces the words of {'an expert' if kind == 'expert' else 'a work'} named earlier: '{' '.join(known.tokens)}'"
    speaker = Speaker(kind, (known,), False, before.cue(known.start, known.end, reason), via="pronoun")
    if colon:
        before.speaker = speaker  # the line that introduces the quotation is theirs too
        return before
    return SimpleNamespace(speaker=speaker)  # only the quotation is theirs, not the sentence naming them


def _cue_text(document: Document, cue: Cue) -> str:
    return document.text[cue.start:cue.end]


def _decide(sentence: Sentence) -> None:
    speaker = sentence.speaker
    confidence = 0.85 if speaker.via == "attribution" else 0.75
    sentence.decide(_SPEAKER_LABEL[speaker.kind], confidence, [speaker.cue])


# --- round 9: who publishes the page, fact-check claims, readers' comments, stance phrases ---------

_PRESS_RELEASE = re.compile(
    r"^(?:(?:PRESS|NEWS|MEDIA) RELEASE|(?:Press|News|Media) [Rr]elease|FOR IMMEDIATE RELEASE|For [Ii]mmediate [Rr]elease|"
    r"Notes? (?:to|for) [Ee]ditors?|NOTES? TO EDITORS?|(?:Media|Press) (?:[Cc]ontacts?|[Ee]nquiries|[Ii]nquiries)|ENDS?)\b",
    re.M,
)
# A manager's post, by which a person speaks for an organisation rather than from research.
_MANAGER = re.compile(
    r"\b(?:[Hh]ead of (?:the )?(?:School|Department|Faculty|College|Division|Institute)|[Vv]ice[- ][Cc]hancellor|[Dd]ean of\b|"
    r"[Pp]rovost|[Pp]resident of|[Pp]rincipal of|[Cc]hief [Ee]xecutive|CEO\b|[Mm]anaging [Dd]irector|[Cc]o-?founder|[Ff]ounder|"
    r"[Ss]pokes(?:person|man|woman)|[Cc]hair(?:man|woman)? of the (?:[Bb]oard|[Tt]rustees|[Gg]overnors))"
)
# ... unless the release marks them as the researcher or as independent of the issuer.
_RESEARCHER_ROLE = re.compile(
    r"\b(?:lead|senior|first|co-?|principal|chief) (?:author|investigator|researcher)|\bwho (?:led|co-led|ran|carried out|conducted)\b|"
    r"\bindependent\b|\bnot involved\b", re.I
)


def _issuers_manager(sentence: Sentence, found: _Attribution) -> bool:
    """In a press release, a speaker introduced by a manager's post ("Professor X, Head of the School of
    Biosciences, said", "Dr Y, chief executive of Z") speaks for the issuer: a party, not an expert,
    unless the release says they led the research or are independent of it."""
    window = sentence.plain[found.left:found.right_end]
    return bool(_MANAGER.search(window)) and not _RESEARCHER_ROLE.search(window)


def _research_publisher(document: Document) -> bool:
    """Lines above the body (masthead, breadcrumb, byline) name a research body or credentialed authors."""
    for sentence in document.sentences[:8]:
        if sentence.paragraph_size > 1 or len(sentence.words) > 30:
            break
        if sentence.label != "boilerplate":
            continue
        if any(lexicon.name in ("institution", "title") and lexicon.pattern.search(sentence.text) for lexicon in EXPERT_MARKERS):
            return True
    return False


# A fact-check's label for the statement it checks: "Claim: “…” — Minister X, on radio".
_CLAIM_LABEL = re.compile(r"^\W{0,3}(?:The )?(?:[Cc]laim|CLAIM|What was claimed|WHAT WAS CLAIMED)\s*:\s*\S")


def _checked_claim(sentence: Sentence) -> Speaker | None:
    label = _CLAIM_LABEL.match(sentence.text)
    if not label:
        return None
    reason = "a fact-check's 'Claim:' label: the words that follow are someone's claim, to be checked"
    return Speaker("party", (), False, sentence.cue(0, label.end() - 1, reason))


# The heading of the readers' comments under an article: "3 comments", "Comments (12)", "Join the debate".
_COMMENTS_HEADING = re.compile(
    r"^(?:\d[\d,]* comments?|\d[\d,]* (?:thoughts|comments|responses|replies) on\b.*|Comments?(?: \(\d[\d,]*\))?|COMMENTS?|Reader comments|Readers['’] comments|"
    r"(?:Join|Join in) the (?:debate|conversation|discussion)\b.*|What readers (?:say|think).*)\s*:?$"
)


def _label_reader_comments(document: Document) -> None:
    """Below a comments heading, each reader's comment sits under a line with their handle and a time
    ("TolbyMum82 · 27 Nov 2026, 6:20 PM"): what follows that line is the commenter's claim."""
    paragraphs = document.paragraphs()
    start = next((i for i, p in enumerate(paragraphs) if len(p) == 1 and p[0].label == "boilerplate" and _COMMENTS_HEADING.match(p[0].text.strip())), None)
    if start is None:
        return
    index = start + 1
    while index + 1 < len(paragraphs):
        handle, comment = paragraphs[index], paragraphs[index + 1]
        line = handle[0].text.strip()
        if len(handle) != 1 or handle[0].label != "boilerplate" or len(handle[0].words) > 10 or not (DATE_OR_TIME.search(line) or READ_TIME.search(line) or COMMENT_HANDLE.match(line)):
            break
        if any(s.label for s in comment):
            break
        name = re.split(r"\s*[·|•,–—-]\s*| says:", line, maxsplit=1)[0]
        for sentence in comment:
            reason = f"a reader's comment under the article, posted as '{name}': the commenter's own view"
            sentence.speaker = Speaker("party", (), False, sentence.cue(0, len(sentence.text), reason))
            sentence.decide("attributed_claim", 0.75, [sentence.speaker.cue])
        index += 2


# Whose view a sentence gives without a reporting verb: "To Enqvist, the forest is …", "Nor, in her
# view, does …", "In Roe's reading, …".
_STANCE_NAMED = re.compile(r"^(?:To|For) ((?:(?:Dr|Prof|Professor)\.? )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}),")
_STANCE_PHRASE = re.compile(
    r"\b[Ii]n (?:(his|her|their)|([A-Z][\w’'-]+)['’]s) (?:view|opinion|words|reading|account|judgement|judgment|analysis|estimation)\b|"
    # "His conclusion is that …", "Her answer was simple:": the argument of the person just quoted
    r"^(?:(His|Her|Their)) (?:conclusion|argument|view|verdict|answer|explanation|prediction|diagnosis|advice|point|case|reasoning|reading|hypothesis|theory) (?:is|was)\b"
)


def _stance(sentence: Sentence, memory: _Memory) -> Speaker | None:
    plain = sentence.plain
    named = _STANCE_NAMED.match(plain)
    phrase = None if named else _STANCE_PHRASE.search(plain)
    if named or (phrase and phrase.group(2)):
        group = 1 if named else 2
        match = named or phrase
        names = sentence.names(match.start(group), match.end(group))
        kind = memory.kind_of(names)
        if kind is None:
            return None
        reason = f"gives the view of {'an expert' if kind == 'expert' else 'a work'} named earlier: '{match.group()}'"
        return Speaker(kind, tuple(names), False, sentence.cue(match.start(), match.end(), reason), via="pronoun")
    if phrase is None:
        return None
    if (phrase.group(1) or phrase.group(3) or "").lower() == "their":
        referent = memory.last_group or memory.last
    else:
        previous = memory.previous
        referent = previous.speaker if previous is not None and previous.speaker else memory.last
    if referent is None:
        return None
    who = "someone" if referent.kind == "party" else "an expert"
    reason = f"gives the view of {who} named just before: '{phrase.group()}'"
    return Speaker(referent.kind, referent.names, referent.plural, sentence.cue(phrase.start(), phrase.end(), reason), via="pronoun")


# A question-and-answer interview: "Q: …" lines are the interviewer's, "A: …" the interviewee's.
_QUESTION_LINE = re.compile(r"^(?:Q|Q\.|Question)\s*[:.]\s+\S")
_ANSWER_LINE = re.compile(r"^(?:A|A\.|Answer)\s*[:.]\s+\S")


def _label_interview_answers(document: Document, memory: _Memory) -> None:
    """In a "Q: … / A: …" interview (two or more of each), every answer, and any paragraph that carries
    it on before the next question, is the interviewee's words: an expert when the article has
    introduced an expert (a credential or an institution next to a name), otherwise a party. The
    questions are left to the writer's-voice pass: the outlet asks them."""
    paragraphs = document.paragraphs()
    questions = [i for i, p in enumerate(paragraphs) if _QUESTION_LINE.match(p[0].text)]
    answers = [i for i, p in enumerate(paragraphs) if _ANSWER_LINE.match(p[0].text)]
    if len(questions) < 2 or len(answers) < 2:
        return
    kind = "expert" if memory.experts else "party"
    who = "the expert being interviewed" if kind == "expert" else "the person being interviewed"
    for start in answers:
        index = start
        while index < len(paragraphs) and (index == start or (not _QUESTION_LINE.match(paragraphs[index][0].text) and index < questions[-1])):
            paragraph = paragraphs[index]
            if any(s.label in ("boilerplate", "headline_teaser") for s in paragraph):
                break
            for sentence in paragraph:
                if sentence.label or (sentence.speaker and sentence.speaker.via == "attribution"):
                    continue  # page furniture, or the interviewee reporting someone else's words
                reason = f"an answer in a question-and-answer interview: the words of {who}"
                sentence.speaker = Speaker(kind, (), False, sentence.cue(0, 1, reason), via="quotation")
            index += 1


# --- round 10: interviews with named turns, readers' letters, obituary tributes -------------------

# A turn of an interview printed with the speaker's name or initials and a colon: "Jane Roe: …",
# "JR: …", "F&F: …".
_NAMED_TURN = re.compile(r"^([A-Z][a-z][\w’'-]*(?: [A-Z][a-z][\w’'-]*|(?: &| and) [A-Z][a-z][\w’'-]*){1,2}|[A-Z]{2,4}|[A-Z]{1,2}&[A-Z]{1,2}):\s+\S")


_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|us|me)\b")


def _initials(label: str) -> str:
    if " " not in label:
        return label.replace("&", "")
    return "".join(token[0] for token in label.split() if token[:1].isupper())


def _label_named_turns(document: Document) -> None:
    """An interview printed as turns under the speakers' names or initials ("Jane Roe: …", then "JR: …"):
    a name and its initials are one speaker. A speaker with two or more turns whose turns are not
    mostly questions is the interviewee: every sentence of those turns is theirs, an expert when a
    credential or institution sits next to the name elsewhere in the text, otherwise a party. The
    interviewer's questions are left to the writer's-voice pass: the outlet asks them."""
    paragraphs = document.paragraphs()
    turns: dict[str, list[tuple[list[Sentence], re.Match]]] = {}
    full_names: dict[str, str] = {}
    for paragraph in paragraphs:
        turn = _NAMED_TURN.match(paragraph[0].text)
        if not turn or paragraph[0].label or (paragraph[0].speaker and paragraph[0].speaker.cue.reason.startswith("a transcript turn")):
            continue
        label = turn.group(1)
        key = _initials(label)
        if " " in label:
            full_names.setdefault(key, label)
        turns.setdefault(key, []).append((paragraph, turn))
    speakers = {key: found for key, found in turns.items() if len(found) >= 2}
    if len(speakers) < 2 or sum(len(found) for found in speakers.values()) < 4:
        return
    text = document.text
    for key, found in speakers.items():
        questions = sum(paragraph[-1].text.rstrip().endswith("?") for paragraph, _ in found)
        name = full_names.get(key)
        if questions * 2 >= len(found) or not name:
            continue  # the interviewer, or initials nobody is named by
        expert = False
        start = 0
        while (where := text.find(name, start)) >= 0 and not expert:
            window = text[max(0, where - 40):where + len(name) + 100].split("\n")
            expert = any(lexicon.pattern.search(" ".join(window)) for lexicon in EXPERT_MARKERS)
            start = where + len(name)
        kind = "expert" if expert else "party"
        who = "the expert being interviewed" if expert else "the person being interviewed"
        for paragraph, turn in found:
            for sentence in paragraph:
                if sentence.label or (sentence.speaker and sentence.speaker.via == "attribution" and sentence is not paragraph[0]):
                    continue
                if sentence is not paragraph[0] and re.search(r"\d", sentence.plain) and not _FIRST_PERSON.search(sentence.plain):
                    continue  # a statistic from elsewhere in the answer ("The census shows 38 minutes …"): a fact
                reason = f"an interview turn under '{turn.group(1)}': the words of {who}, {name}"
                cue = sentence.cue(turn.start(1), turn.end(1), reason) if sentence is paragraph[0] else sentence.cue(0, 1, reason)
                sentence.speaker = Speaker(kind, (Name(turn.start(1), turn.end(1), tuple(name.split())),), False, cue,
                                           via="attribution" if sentence is paragraph[0] else "quotation")




def _label_reader_letters(document: Document) -> None:
    """A reader's letter in an advice column: from "Dear <Name>," to the signature line under it (which
    the layout pass made furniture), every sentence is the reader's account: a claim the column then
    answers, not the outlet's voice."""
    paragraphs = document.paragraphs()
    for index, paragraph in enumerate(paragraphs):
        if not LETTER_OPENING.match(paragraph[0].text):
            continue
        end = next((j for j in range(index + 1, min(len(paragraphs), index + 6))
                    if any("signature under a reader's letter" in cue.reason for cue in paragraphs[j][0].cues)), None)
        if end is None:
            continue
        for letter in paragraphs[index:end]:
            for sentence in letter:
                if sentence.label:
                    continue
                reason = "a reader's letter to the column (from 'Dear …' to the signature): the reader's own account"
                sentence.speaker = Speaker("party", (), False, sentence.cue(0, min(len(sentence.text), 4), reason), via="quotation")


_OBITUARY = re.compile(
    r"\b(?:who|has|had) (?:has )?died(?:,)? (?:on [^,.]{3,30},? |last [a-z]+,? |suddenly,? |peacefully,? )?aged \d{1,3}\b|"
    r"^(?:Obituar(?:y|ies)|OBITUAR(?:Y|IES))\s*$",
    re.M,
)
# The subject of an obituary: "Jane Roe, who has died aged 87," or a headline "Jane Roe (1939–2026)".
_OBITUARY_SUBJECT = re.compile(
    r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,3}),? (?:who|has) (?:has )?died|^([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,3}) \((?:19|18)\d\d\s*[–—-]\s*20\d\d\)",
    re.M,
)


# How tributes are given: said, told, recalled, remembered, paid tribute, described her as.
_TRIBUTE_VERB = re.compile(
    r"\b(?:said|says|told|tells|recalled|recalls|remembered|remembers|added|paid tribute|pays tribute|described (?:her|him|them) as|called (?:her|him|them))\b"
)


def _label_obituary_tributes(document: Document) -> None:
    """In an obituary, what colleagues and friends say about the dead person is a tribute: testimony,
    even from a professor, not an argument from evidence. Experts quoted or reported there, other than
    the subject (whose own published words stay sourced), speak as parties to the tribute."""
    head = document.text[:3000]
    if not _OBITUARY.search(head):
        return
    subject = _OBITUARY_SUBJECT.search(head)
    if not subject:
        return
    tokens = {_POSSESSIVE.sub("", token) for token in (subject.group(1) or subject.group(2)).split()}
    mourners: set[str] = set()
    for sentence in document.sentences:
        speaker = sentence.speaker
        if sentence.label or not speaker or speaker.kind != "expert" or not speaker.names or speaker.via == "pronoun":
            continue  # "she" in an obituary is mostly the dead person: pronouns keep what they point to
        named = {_POSSESSIVE.sub("", token) for name in speaker.names for token in name.tokens}
        if named & tokens:
            continue
        if speaker.via == "attribution" and _TRIBUTE_VERB.search(sentence.plain):
            mourners |= named
        elif not named & mourners:
            continue  # a cited paper or a finding, not a tribute
        reason = "in an obituary, a colleague's tribute to the dead person: testimony, not an argument from evidence"
        cue = Cue(speaker.cue.start, speaker.cue.end, f"{speaker.cue.reason}; {reason}")
        sentence.speaker = Speaker("party", speaker.names, speaker.plural, cue, via=speaker.via)
