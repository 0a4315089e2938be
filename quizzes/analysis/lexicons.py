"""Word lists the analyzer matches, each with the reason a reader is shown.

Every pattern is general (reporting verbs, credentials, evaluative words, teaser and
site-furniture conventions) and written so that matching stays linear in the text: no
pattern nests quantifiers, and optional gaps are bounded.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Lexicon:
    """A compiled pattern and the reason shown for a match (``{m}`` is the matched text)."""

    name: str
    pattern: re.Pattern
    reason: str
    weight: float = 1.0

    def reason_for(self, matched: str) -> str:
        return self.reason.format(m=matched.strip())


# Word lists are written as plain alternations ("\b(?:a|b|c)\b", kept as the readable source and
# the vocabulary of the trained model's features) but compiled as a prefix tree of their literal
# beginnings: the regex engine then tries only the words that share a prefix with the text, which
# makes the long lists (evaluative words, site notices) several times faster to search.
_FAST: dict[str, str] = {}
_SOURCES: dict[re.Pattern, str] = {}
_QUANTIFIER = frozenset("?*+{")
_SPECIAL = frozenset("\\.^$|()[]{}?*+")


def _words(*items: str) -> str:
    source = r"\b(?:" + "|".join(items) + r")\b"
    if len(items) > 8:
        _FAST[source] = r"\b(?:" + _prefix_tree(items) + r")\b"
    return source


def _literal_prefix(item: str) -> int:
    """How many leading characters of ``item`` are plain characters, none of them quantified."""
    end = 0
    while end < len(item) and item[end] not in _SPECIAL and not (end + 1 < len(item) and item[end + 1] in _QUANTIFIER):
        end += 1
    return end


def _expand_group(item: str) -> list[str]:
    """"(?:View|Show) comments" -> ["View comments", "Show comments"]: a leading group without
    nested groups or a quantifier after it, spelled out so that its words join the prefix tree."""
    if not item.startswith("(?:"):
        return [item]
    close = item.find(")")
    inner = item[3:close]
    if close < 0 or "(" in inner or "[" in inner or "\\" in inner or item[close + 1:close + 2] in _QUANTIFIER:
        return [item]
    rest = item[close + 1:]
    return [expanded for option in inner.split("|") for expanded in _expand_group(option + rest)]


def _prefix_tree(items: tuple[str, ...]) -> str:
    """The alternation of ``items`` as a tree over their literal prefixes (same matches)."""
    tree: dict = {}
    for item in (expanded for item in items for expanded in _expand_group(item)):
        node = tree
        end = _literal_prefix(item)
        for char in item[:end]:
            node = node.setdefault(char, {})
        node.setdefault("", []).append(item[end:])

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted((k, v) for k, v in node.items() if k)]
        tails = node.get("", [])
        if "" in tails:
            tails = [t for t in tails if t] + [""]  # the empty ending last: longer words are tried first
        options = branches + tails
        if len(options) == 1 and "|" not in options[0]:
            return options[0]  # a chain of single letters needs no group
        return "(?:" + "|".join(options) + ")"

    return build(tree)


def _compile(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile ``pattern`` with its word lists as prefix trees; remember the readable source."""
    fast = pattern
    for source in _FAST:
        if source in fast:
            fast = fast.replace(source, _FAST[source])
    compiled = re.compile(fast, flags)
    _SOURCES[compiled] = pattern
    return compiled


def source_of(pattern: re.Pattern) -> str:
    """The readable source of a pattern compiled here (word lists as written)."""
    return _SOURCES.get(pattern, pattern.pattern)


def _lexicon(name: str, pattern: str, reason: str, weight: float = 1.0, flags: int = 0) -> Lexicon:
    return Lexicon(name, _compile(pattern, flags), reason, weight)


# --- verb forms -------------------------------------------------------------------------

# Irregular forms (third person, past, participle, -ing) of the lemmas used below.
_IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "find": ("finds", "found", "found", "finding"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "hold": ("holds", "held", "held", "holding"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "slam": ("slams", "slammed", "slammed", "slamming"),
}


def inflections(lemma: str) -> tuple[str, ...]:
    """Every form of an English verb lemma: bare, third person, past, participle, -ing.

    A particle verb ("point out") inflects its first word. Regular spelling rules: -es after
    a sibilant or -o, -ies/-ied after a consonant and -y, a silent -e dropped before -ed/-ing.
    """
    head, _, particle = lemma.partition(" ")
    tail = f" {particle}" if particle else ""
    if head in _IRREGULAR:
        forms = (head, *_IRREGULAR[head])
    else:
        if head.endswith(("s", "sh", "ch", "x", "z", "o")):
            third = head + "es"
        elif head.endswith("y") and head[-2] not in "aeiou":
            third = head[:-1] + "ies"
        else:
            third = head + "s"
        if head.endswith("e"):
            past, ing = head + "d", (head if head.endswith("ee") else head[:-1]) + "ing"
        elif head.endswith("y") and head[-2] not in "aeiou":
            past, ing = head[:-1] + "ied", head + "ing"
        else:
            past, ing = head + "ed", head + "ing"
        forms = (head, third, past, past, ing)
    return tuple(dict.fromkeys(form + tail for form in forms))


def _verb_forms(lemmas: str, progressive: bool = True) -> list[str]:
    """Regex alternatives for the forms of space-separated lemmas ("point_out" for particle verbs);
    without ``progressive`` the -ing forms ("writing on Twitter") are left out, "saying" apart."""
    forms = []
    for lemma in lemmas.split():
        every = inflections(lemma.replace("_", " "))
        forms += [f.replace(" ", r"\s+") for f in every if progressive or "ing" not in f or f == "saying"]
    return sorted(set(forms), key=len, reverse=True)


def _progressive_forms(lemmas: str) -> list[str]:
    return [f.replace(" ", r"\s+") for lemma in lemmas.split() for f in inflections(lemma.replace("_", " "))[-1:]]


# --- who is speaking --------------------------------------------------------------------

# Lemmas of verbs that attribute words or reasoning to someone whatever follows them.
STRONG_REPORTING_LEMMAS = "say tell write argue conclude contend explain warn point_out predict caution"
# Lemmas that only report with a following "that", colon, comma or quotation ("He added that").
MARKED_REPORTING_LEMMAS = (
    "add continue note find state suggest observe maintain believe stress emphasise emphasize acknowledge "
    "propose concede admit agree disagree counter reply respond recommend"
)
# Bare forms that are mostly nouns ("the state.", "a note,"): only their inflected forms report.
_NOUN_LIKE = frozenset("note state stress continue propose counter reply".split())
# Lemmas by which an interested party asserts something the text does not establish.
CLAIM_LEMMAS = "claim insist allege tweet boast vow deny accuse"

# Not an infinitive ("refused to say") nor a participle used as an adjective ("the alleged thief").
_NOT_INFINITIVE = r"\b(?<!\bto )(?<!\bthe )(?<!\ban )(?<!\ba )"
# Not a passive ("the first rows are warned", "was told"): the subject hears, it does not speak.
_NOT_PASSIVE = r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bbe )"
# A reporting verb denied ("did not say how much", "declined to say whether"): nothing is reported.
NEGATED_REPORT = _compile(
    r"\b(?:[Nn]obody|[Nn]o one|[Nn]o-one) (?:has |have |had |will |would |can |could )?(?:said|says|say|told|explained|asked)\b|"
    r"\b(?:what|whatever) (?:it|he|she|they|we|you|I) (?:says|said|say|claims?|claimed)\b|"
    r"\b(?:did not|didn['’]t|does not|doesn['’]t|would not|wouldn['’]t|could not|couldn['’]t|will not|won['’]t|"
    r"declined to|refused to|was unable to|were unable to|did not immediately)\s+(?:say|tell|explain|specify|confirm|comment|"
    r"elaborate|reveal|disclose)\b"
)
ATTRIBUTION_VERBS = _compile(
    _NOT_INFINITIVE + _NOT_PASSIVE + _words(*_verb_forms(STRONG_REPORTING_LEMMAS + " " + CLAIM_LEMMAS, False), "according to",
                                            # "She is careful to add that …": a report through an adjective and an infinitive
                                            "(?:is|was|are|were) (?:careful|quick|keen|eager|at pains) to (?:add|note|stress|say|point out|emphasi[sz]e|caution|warn|explain)")
)
MARKED_ATTRIBUTION_VERBS = _compile(
    _NOT_INFINITIVE
    + _NOT_PASSIVE
    + _words(*(f for f in _verb_forms(MARKED_REPORTING_LEMMAS) if f not in _NOUN_LIKE), *_progressive_forms(STRONG_REPORTING_LEMMAS + " " + CLAIM_LEMMAS))
    + r"(?=\s*(?:that\b|:|,|“|\"|\.|$))"
)
# Verbs by which a scholar reports research or a considered view ("he and his colleagues reported that",
# "Dr Roe thinks this is", "She points to a trial", "We estimate that"): they attribute only when the
# subject is an expert, a cited work or the authors of a research publication; said of anyone else
# ("The firm estimates that", "I think") they stay in the writer's voice.
EXPERT_VERBS = _compile(
    _NOT_INFINITIVE + _NOT_PASSIVE
    + _words(*_verb_forms("think report estimate calculate show demonstrate find", False), r"point(?:s|ed)? to")
)
# Verbs that pin a quoted label on something: "calls this “finger wagging”", "described it as “…”".
_NAMING = _verb_forms("call dub brand describe label term blast slam condemn denounce hail praise criticise criticize", False)
NAMING_VERBS = _compile(_NOT_INFINITIVE + _words(*_NAMING) + r"\s+(?:[\w’'-]+\s+){0,3}?(?:as\s+)?(?=[“\"])")
CLAIM_VERBS = _compile(_words(*_verb_forms(CLAIM_LEMMAS)))

# Credential nouns (singular); plurals are generated.
CREDENTIAL_NOUNS = (
    "professor historian scholar academic researcher scientist economist analyst sociologist psychologist "
    "psychiatrist epidemiologist statistician demographer lecturer expert specialist co-author author "
    "physician clinician physicist chemist biologist ecologist geographer anthropologist criminologist "
    "political_scientist linguist archaeologist philosopher theologian educationist mathematician neuroscientist "
    "geneticist pharmacologist zoologist botanist entomologist ornithologist geologist climatologist meteorologist "
    "oceanographer astronomer virologist immunologist ethicist pathologist toxicologist pundit"
).split()
CREDENTIAL_NOUNS = [noun.replace("_", " ") for noun in CREDENTIAL_NOUNS]
_COLLECTIVE = "pair duo trio team group panel two three four five both".split()
# A subject that points back to the last group of speakers ("They argued", "The authors conclude").
PLURAL_REFERENCE = _compile(
    _words("They", "they", "Both", "both")
    + r"|\b[Tt]he\s+(?:(?:"
    + "|".join(_COLLECTIVE)
    + r")|(?:"
    + "|".join(sorted((n + "s" for n in CREDENTIAL_NOUNS), key=len, reverse=True))
    + r"))\b"
)
SINGULAR_REFERENCE = _compile(_words("He", "he", "She", "she"))
# A group that belongs to the last named person: "Her team", "his colleagues", "researchers led by".
TEAM_REFERENCE = _compile(
    r"\b(?:[Hh]er|[Hh]is) (?:team|colleagues|co-authors|group|lab|research group|students)\b|\b[Rr]esearchers led by\b"
)
# General nouns for a published work; "It" / "The <noun>" points back to a work just named.
WORK_NOUNS = "book study paper report review article analysis essay pamphlet survey research"
WORK_REFERENCE = _compile(_words("It", "it") + r"|\b[Tt]he\s+(?:" + "|".join(WORK_NOUNS.split()) + r")\b")
# Subjects that are data, not speakers ("polls suggest").
DATA_SUBJECT = _compile(_words("polls?", "data", "figures", "statistics", "surveys?", "census", "records"), re.I)
# Unnamed research as the subject of the verb ("a body of research suggesting", "the evidence suggests"):
# no speaker; the writer's voice pass decides.
UNNAMED_RESEARCH = _compile(r"\b(?:research|evidence|studies|findings|results|literature|science)\s*$", re.I)
# A poll or survey as the subject ("The poll of 2,013 adults ... found that"), or a share of its
# respondents ("Almost half (46%) said", "One in five said"): statistics about the data, reported facts.
SURVEY_SUBJECT = _compile(
    r"^\W*(?:[\w’'-]+\s+){0,2}?(?:(?:opinion )?polls?|surveys?|questionnaires?|census|ballot)\b", re.I
)
RESPONDENT_SHARE = _compile(
    r"^(?:(?:almost|nearly|more than|over|around|about|just over|just under|fewer than|less than|only|some|roughly)\s+)?"
    r"(?:\d[\d.]*\s?(?:%|per ?cent)|\b(?:half|a third|two-thirds|a quarter|three-quarters|a fifth|"
    r"(?:one|two|three|four|nine) in (?:three|four|five|ten)|(?:a|the) (?:majority|minority)|respondents|"
    r"participants|those (?:surveyed|polled|asked))\b)",
    re.I,
)
# A person named with an affiliation or a credential, without a reporting verb
# ("Jane Roe and Ann Poe of the University of X examined", "Jane Roe, an ecologist at X, has"):
# registered as experts, so "They found" / "The pair argue" later point to them.
_PERSON = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}"
AFFILIATED_PERSONS = _compile(
    rf"({_PERSON}(?:,? (?:and|&) {_PERSON})?),? (?:(?:of|at|from) (?:the )?(?:University|College|Institute|"
    r"Academy|Laborator|Observatory|School of|Centre for|Center for|Department of)|"
    r"(?:an?|the) (?:[\w’'-]+ ){0,3}(?:"
    + "|".join(sorted((n for n in CREDENTIAL_NOUNS if n not in ("author", "co-author")), key=len, reverse=True))
    + r"|[a-z]{3,}ologist)s?\b|"
    r"who (?:lectures|teaches|researches|studies|works) [^,.;]{0,60}? (?:at|in) (?:the )?(?:[A-Z][\w’'-]* ){0,3}"
    r"(?:University|College|Institute|School|Hospital|Academy))"
)

# A credential, institution or scholarly publication marks a speaker as an expert.
EXPERT_MARKERS = (
    _lexicon(
        "credential",
        _words(*(n + "s?" for n in CREDENTIAL_NOUNS if n != "author"), "fellow at", r"[a-z]{3,}ologists?",
               r"(?:medical|scientific|science|economic|statistical|clinical|research) (?:officer|advis[eo]r|director)s?",
               "chief scientist", "strategists?", r"head of (?:[a-z-]+ ){0,2}research", r"who (?:lectures|teaches|researches|studies|specialises|specializes) (?:in|at|on)?"),
        "an expert's credential: '{m}'",
        flags=re.I,
    ),
    _lexicon(
        "institution",
        r"\b(?:University|College|Institute|Academy|Laborator(?:y|ies)|Observatory|Polytechnic|Journal of|"
        r"(?:Centre|Center|Faculty|School|Society) (?:of|for) [A-Z]|[Tt]hink[- ]tank)",
        "a university, journal or research body: '{m}'",
    ),
    # Judges write reasoned opinions and are not parties to the case: "Justice X wrote for the majority".
    _lexicon("title", r"\b(?:Dr|Prof|Professor)\.?\s+[A-Z]|\b(?:(?:Chief|Lord|Lady) )?Justice\s+(?!(?:Minist|Department|Secretar|Committee|Select|Office|Reform|Party|League|System|Bill|Act)[a-z]*\b)[A-Z]|\bJudge\s+[A-Z]",
             "an academic or judicial title: '{m}'"),
    # Independence from the story is how reporters mark an outside expert ("who was not involved in the study").
    _lexicon(
        "independent",
        r"\b(?:(?:was|is|were|are|has been) not (?:involved|part of|connected)|had no (?:role|part|involvement)|has no (?:role|part|involvement))"
        r" (?:in|with|at)\b|\bindependent (?:expert|analyst|researcher|reviewer|assessor|economist|scientist)s?\b",
        "an outside expert, independent of the story: '{m}'",
    ),
    _lexicon(
        "publication",
        _words("journal", "study published", "peer-reviewed", "in (?:a|their|his|her) (?:(?:19|20)\\d\\d |new |recent |published |working |landmark )?(?:book|paper|study)",
               # the authors of a work named just before: "The report's authors argue"
               "(?:report|study|paper|review|analysis|book|survey)['’]s (?:co-)?authors", "(?:its|their) (?:co-)?authors"),
        "a scholarly publication: '{m}'",
        flags=re.I,
    ),
)
# A title announced as a published work: "<Title> was published", "the report <Title>".
PUBLISHED_WORK = _compile(
    r"((?:[A-Z][\w’'-]*[\s:]+(?:(?:or|and|of|for|the|a)\s+)?){1,8})(?:was|were|is|has been) (?:published|released)"
)
_SURNAME = r"[A-Z][\w’'-]+"
_AUTHORS = rf"((?:{_SURNAME} )?{_SURNAME}(?:,? (?:and|&) (?:{_SURNAME} )?{_SURNAME}| et al\.?)?)"
# Author-year citations "(Thompson and Reyes 2021, Journal of ...)" and "a study by X and Y".
CITATION = _compile(rf"\({_AUTHORS},? (?:19|20)\d\d[a-z]?(?:[,;][^()]{{0,120}})?\)")
# Narrative citations in academic style: "Okafor and Lindqvist (2023) argue", "Roe et al. (2021)".
NARRATIVE_CITATION = _compile(rf"{_AUTHORS},? \((?:19|20)\d\d[a-z]?\)")
WORK_BY = _compile(
    rf"\b(?:study|paper|research|report|book|analysis|review|survey|experiment|trial) (?:led )?(?:by|from) "
    rf"(?:(?:Dr|Prof|Professor)\.? )?{_AUTHORS}"
)
RESEARCHERS_AT = _compile(
    r"\b(?:[Rr]esearchers|[Ss]cientists|[Aa]cademics|[Ee]conomists|[Tt]eam) (?:at|from) (?:the )?[A-Z]"
)

# A run of capitalised words: the name of a person, a body or a work.
NAME = _compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Dame|Sir)\.?\s+)?[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|[A-Z]\.))*")
# Ordinary words that open sentences with a capital; not names.
SENTENCE_OPENERS = frozenset(
    "however meanwhile instead still yet also then now last this that these those but and amid during despite "
    "although though while when since after before in on at as for from to with without under over unless if so "
    "one some many most all few every each only even such what why how who where there here it its their his her "
    "our your my not no none nothing nobody neither yes later earlier today yesterday tomorrow first second finally indeed thus hence "
    "behind beyond beneath above below across along among around between within through throughout against toward towards upon "
    "almost nearly around about roughly more less fewer just again because whereas once until whether perhaps maybe "
    "nor or otherwise therefore meanwhile besides".split()
)
NAME_STOPWORDS = frozenset(
    "The A An In On At As To For From And But So If When While Since After Before He She They It We I This That "
    "Mr Mrs Ms Dr Prof Professor Dame Sir President Sen Senator Vice University College Institute Journal "
    "Faculty School Centre Center Department Of".split()
)

# --- the writer's own voice ---------------------------------------------------------------

_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()

# Common English judgement words (adjectives, nouns, stance adverbs), in the manner of the
# general sentiment lexicons; short adjectives get comparative and superlative forms.
_JUDGEMENT_ADJECTIVES = (
    "awful terrible dreadful horrible horrendous appalling atrocious abysmal lousy shoddy shabby dismal "
    "dangerous harmful damaging toxic reckless irresponsible foolish stupid silly idiotic naive misguided "
    "ill-conceived wrongheaded pointless useless worthless hopeless feeble shameful shameless disgraceful "
    "scandalous outrageous absurd ridiculous ludicrous preposterous pathetic laughable cynical hypocritical "
    "dishonest deceitful misleading corrupt cruel callous heartless greedy lazy incompetent inept careless "
    "negligent sinister scary frightening terrifying alarming worrying troubling disturbing depressing grim "
    "bleak dire woeful miserable tragic sad deplorable regrettable unacceptable inexcusable unforgivable "
    "indefensible unjust unfair insidious pernicious nefarious vile nasty ugly evil wicked despicable "
    "contemptible notorious infamous ruthless relentless tyrannical shocking staggering disastrous "
    "catastrophic incredible ironic cynical admirable laudable commendable praiseworthy excellent superb "
    "outstanding wonderful marvellous brilliant splendid impressive remarkable extraordinary fantastic "
    "terrific magnificent sensible wise prudent welcome vital crucial worthwhile "
    "desperate bloated brutal draconian punitive heavy-handed sneaky spiteful petty mean-spirited penny-pinching "
    "shambolic chaotic botched brazen blatant flagrant audacious galling"
).split()
_COMPARABLE = "scary sad grim bleak nasty ugly wise lazy greedy cruel silly".split()
_JUDGEMENT_NOUNS = (
    "disasters? disgrace scandal farce fiasco debacle catastrophe hypocrisy shame folly travesty nonsense "
    "dictators? tyrants? thugs? cronies"
).split()
_STANCE_ADVERBS = (
    "rightly wrongly sadly fortunately unfortunately ironically incredibly shockingly staggeringly disastrously "
    "absurdly alarmingly regrettably thankfully mercifully frankly certainly clearly obviously undoubtedly "
    "surely of_course no_doubt undeniably inevitably predictably"
).split()


def _graded(adjectives: list[str]) -> list[str]:
    forms = []
    for word in adjectives:
        stem = word[:-1] + "i" if word.endswith("y") else word[:-1] if word.endswith("e") else word
        forms += [word, stem + "er", stem + "est"]
    return forms


EVALUATIVE_WORDS = sorted(
    set(_JUDGEMENT_ADJECTIVES + _graded(_COMPARABLE) + _JUDGEMENT_NOUNS + [w.replace("_", " ") for w in _STANCE_ADVERBS]
        + ["so-called", r"\w+-mongering"]),
    key=len,
    reverse=True,
)

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
FACT_MARKERS = (
    _lexicon("figure", r"[£$€]\s?\d|(?<![\d,.])(?!(?:18|19|20)\d\d\b(?!\s?%))\d[\d,.]*\s?(?:%|per ?cent|bn|m\b)?", "a figure: '{m}'"),
    _lexicon(
        "number word",
        _words(*_NUMBER_WORDS, "hundreds?", "thousands?", "millions?", "billions?", "(?:half-)?dozens?", "half",
               "(?:a|one|two) (?:third|quarter|fifth)s?", "(?:one|two|three|four|nine) in (?:three|four|five|ten)",
               "(?:a|the) (?:majority|minority)"),
        "a number: '{m}'",
        0.5,
        re.I,
    ),
    _lexicon(
        "date",
        _words("January", "February", "March", "April", "June", "July", "August", "September", "October",
               "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
               "Sunday", "yesterday", "last (?:week|month|year|night)", "this (?:week|month|year)",
               "(?:18|19|20)\\d\\d"),
        "a date: '{m}'",
    ),
    _lexicon(
        "precise date",
        rf"\b(?:{_MONTHS}) (?:\d{{1,2}}(?:st|nd|rd|th)?,? )?(?:18|19|20)\d\d\b|\b\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})\b|"
        rf"\b(?:{_MONTHS}) \d{{1,2}}\b",
        "a precise date: '{m}'",
        0.5,
    ),
    _lexicon(
        "data source",
        _words("according to", "data (?:from|show)", "figures", "statistics", "survey", "polls?", "census",
               "announced", "reported", "published", "(?:is|are|was|were) estimated", "estimates?",
               "confirmed", "average", "rate", "total"),
        "checkable information or its source: '{m}'",
    ),
)
# A star rating or score: the outlet's verdict.
RATING = _compile(
    r"[★☆✩✭✰]{2,}|\b[1-5](?:\.5)?/5\b|\b(?:10|\d(?:\.5)?)/10\b|\b(?:one|two|three|four|five|[1-5])[- ]stars?\b|\b\d(?:\.5)? out of (?:5|five|10|ten)\b|"
    # a line of player ratings: "Roe 6; Poe 7, Doe 8"
    r"(?:\b[A-Z][\w’'-]+ (?:10|\d(?:\.5)?)[;,] ){3}",
    re.I,
)
FRAMING_MARKERS = (
    _lexicon(
        "evaluative frame",
        r"\b(?:It is|It's|It was|it is|it's|That is|This is)\s+(?:\w+\s+)?(?:ironic|incredible|welcome|remarkable|"
        r"shameful|absurd|outrageous|obvious|striking|telling|astonishing|extraordinary|sad|tragic|disgraceful|"
        r"possible|likely|unlikely|clear|true|important|worth|hard to|difficult to|easy to|time)\b",
        "the writer tells you what to think: '{m}'",
        2.0,
    ),
    _lexicon("evaluative word", _words(*EVALUATIVE_WORDS), "an evaluative or loaded word: '{m}'", 1.5, re.I),
    _lexicon(
        "promotional",
        r"\bthe most (?!of\b)[a-z]{4,}|\b(?:never been a (?:better|more|bigger)|no longer (?:have|has|need|needs) to)\b|"
        + _words("game-chang(?:ing|er)", "revolutionary", "cutting-edge", "state-of-the-art", "world-class",
                 "world-leading", "industry-leading", "market-leading", "best-in-class", "seamless(?:ly)?",
                 "hassle-free", "unrivalled", "unbeatable", "unparalleled", "innovative", "exciting",
                 "(?:proud|delighted|thrilled|excited) to"),
        "promotional language: '{m}'",
        1.5,
        re.I,
    ),
    _lexicon(
        "prescription",
        _words("should", "shouldn't", "should not", "must", "mustn't", "ought to", "has to", "have to",
               "need to", "needs to", "imperative", "requires?", "requiring"),
        "the writer says what ought to happen: '{m}'",
    ),
    _lexicon(
        "writer's voice",
        _words("we", "We", "us", "our", "Our", "ourselves", "I", "my", "in my (?:view|opinion)"),
        "the writer speaks in the first person: '{m}'",
    ),
    _lexicon("reader address", _words("you", "You", "your", "Your", "yourself"), "the writer speaks to you: '{m}'"),
    _lexicon(
        "imperative",
        r"^(?:Consider|Imagine|Remember|Think about|Look at|Take|Don't|Do not|Let's|Let us|Ask yourself|Try|Note that|"
        r"Make sure|Find out|Don’t)\b",
        "the writer tells the reader what to do: '{m}'",
        1.5,
    ),
    _lexicon(
        "generalisation",
        _words("many people", "most people", "some people", "everyone", "everybody",
               r"(?:nobody|no one)(?! (?:was|were|has been|had been|is) (?:\w+ )?(?:hurt|injured|killed|harmed|arrested|charged|hit|home|inside|aboard|available))",
               "many believe", "some say", "not (?:every|all)", "few people"),
        "a sweeping claim with no source: '{m}'",
        1.5,
        re.I,
    ),
    _lexicon(
        "concession",
        r"^(?:None|Nothing|Neither|Not all|Not every) of (?:this|that|these|it|them)\b|"
        r"\b(?:This|That|It) (?:does not|doesn't|doesn’t|need not|needn't) mean\b",
        "the writer weighs up what it all means: '{m}'",
        1.5,
    ),
    _lexicon(
        "parallel",
        r"\b(?:[Jj]ust|[Mm]uch|[Ee]xactly|[Pp]recisely) (?:as|like)\b|\bnot unlike\b|\bin the same way\b",
        "the writer draws a parallel: '{m}'",
        1.5,
    ),
    _lexicon(
        "normative",
        _words("deserves?", "deserved", "deserving", "would do (?:well|better) to", "had better", "ought", "owes? it to"),
        "the writer says what is right or owed: '{m}'",
        1.5,
        re.I,
    ),
    _lexicon(
        "vague authority",
        r"\b(?:(?:a|the) growing (?:body|number) of (?:research|evidence|studies|experts)|"
        r"(?:(?:the )?(?:best|available|mounting|growing|weight of(?: the)?) evidence|all the evidence) (?:suggests|shows|points)|"
        r"it is (?:widely|generally|commonly) (?:believed|accepted|agreed|known|thought)|"
        r"(?:widely|generally) (?:believed|accepted|regarded)|many (?:experts|observers|critics|commentators))\b",
        "an appeal to unnamed research or opinion, with no source given: '{m}'",
        1.5,
        re.I,
    ),
    _lexicon(
        "feeling generalisation",
        r"\b(?:[Mm]any|[Mm]ost|[Ss]ome|[Ff]ew|[Cc]ountless|[Tt]oo many|[Ss]o many) (?:[a-z-]+ ){0,2}?"
        r"(?:feel|felt|fear|believe|think|worry|suspect|wonder|agree|know)s?\b|"
        r"\b(?:Nobody|No one|Anyone|Everyone|Anybody|Everybody) who\b|"
        # the writer guesses what people will feel: "Commuters will be left wondering how …"
        r"\b(?:will|would|may|might|must) (?:be left )?(?:wondering|wonder|be wondering)\b|\bleft (?:wondering|scratching their heads)\b",
        "a claim about what a whole group feels or thinks, with no source: '{m}'",
        1.5,
    ),
    _lexicon(
        "interpretation",
        r"\b(?:[Tt]he|[Aa]) (?:real|true|bigger|harder|underlying|deeper) "
        r"(?:problem|issue|question|story|scandal|lesson|point|test|answer|culprit)\b|"
        r"\b(?:That|This|Here) is where\b|\b(?:no|little|small) (?:surprise|wonder)\b",
        "the writer tells you what it really means: '{m}'",
        1.5,
    ),
    _lexicon(
        "opinion label",
        r"\bview on\b|^(?:Our|The [A-Z]\w+) view\b|^(?:Comment|Editorial|Leader|Verdict)\s*[:|]",
        "the outlet's own view, labelled as such: '{m}'",
        2.0,
    ),
    # Tabloid wording that dramatises the story in the outlet's own voice ("plunged into chaos",
    # "stormed off", "furious"): weak alone, it adds up with other signs.
    _lexicon(
        "sensational",
        _words("stunned", "furious(?:ly)?", "fuming", "livid", "plunged into (?:chaos|crisis|turmoil|despair|misery)",
               "stormed (?:off|out)", "slanging match", "bust-up", "meltdown", "uproar", "furore", "in chaos"),
        "dramatic wording in the writer's own voice: '{m}'",
        0.75,
        re.I,
    ),
    _lexicon(
        "rhetorical inversion",
        r"^(?:Behind|Beneath|Beyond|Underneath|Below|At the heart of|At the root of) [^,.;]{3,60}? (?:is|are|lies|lie|sits|stands?)\b",
        "a rhetorical turn of phrase by the writer: '{m}'",
        1.0,
    ),
    _lexicon(
        "modal verdict",
        _words("cannot", "can't", "can’t", "won't", "won’t", "will not", "would not", "wouldn't"),
        "a verdict on what will or can happen: '{m}'",
        0.75,
    ),
    _lexicon(
        "intensifier",
        _words("simply", "really", "truly", "utterly", "deeply", "badly", "hugely", "desperately", "very",
               "every one of", "each and every", "the very", "even worse", "at all"),
        "an intensifier in the writer's own words: '{m}'",
        0.5,
        re.I,
    ),
    _lexicon(
        "hedge",
        _words("could", "might", "may", "perhaps", "maybe", "possibly", "arguably", "presumably", "speculation"),
        "a hedged judgement or speculation: '{m}'",
        0.75,
    ),
    _lexicon(
        "review verdict",
        r"^(?:(?:Our |The |Final )?[Vv]erdict|Pros|Cons|PROS|CONS|VERDICT|The good|The bad|(?:Our )?[Rr]ating|"
        r"(?:The )?[Bb]ottom line|Buy it if|Skip it if|Who (?:is it|it['’]s) for|"
        # the match report's verdicts on players: "Star man:", "Man of the match:", "Flop:"
        r"Star (?:man|woman|player|performer)|STAR (?:MAN|WOMAN|PLAYER)|(?:Man|Woman|Player) of the (?:[Mm]atch|[Tt]ournament)|"
        r"MAN OF THE MATCH|(?:Best|Worst) (?:player|performer))\s*:",
        "a reviewer's verdict, pros or cons: the outlet's own judgement: '{m}'",
        2.0,
    ),
    _lexicon("rating", RATING.pattern, "a star rating or score: the outlet's own verdict: '{m}'", 2.0, re.I),
    _lexicon(
        "steering opener",
        r"^(?:So,?\s|On the contrary|Of course|After all|Clearly|Surely|Indeed|In other words|Put simply|"
        r"To put it (?:simply|bluntly|another way)|In short|Translation:|Perhaps|Maybe|Presumably)",
        "the writer steers the argument: '{m}'",
    ),
)

# --- headlines, teasers and site furniture ------------------------------------------------

# Tags that open a link line naming another article or media item.
LINK_TAG = _compile(
    r"^(?:[^\w\s“\"‘'(\[]{1,3}\s*)?(?:More (?:from|on|in|about) [A-Z][^:.?!]{1,40}|Read more|READ MORE|Read also|Also read|ALSO READ|More|MORE|Related|RELATED|See also|SEE ALSO|"
    r"You (?:might|may) (?:also )?like|YOU (?:MIGHT|MAY) (?:ALSO )?LIKE|More like this|MORE LIKE THIS|Read next|READ NEXT|"
    r"Watch|WATCH|Listen|LISTEN|Video|VIDEO|Live|LIVE|Pictured|PICTURED|Exclusive|EXCLUSIVE|Breaking|BREAKING|"
    r"Opinion|OPINION|Analysis|ANALYSIS|Explainer|Recommended|Don't miss|DON'T MISS|Don’t miss|"
    r"Poll|POLL|Quiz|QUIZ|Vote|VOTE|"
    # previews of the next issue and of paid sections: "Next week: …", "For paid subscribers: …"
    r"Next (?:week|time|issue|month)|NEXT (?:WEEK|TIME|ISSUE)|Coming up|COMING UP|Coming (?:next|soon)|In the next issue|"
    r"For (?:paid |premium )?(?:subscribers|members)|Paid subscribers|Subscribers only|SUBSCRIBERS ONLY|Members only|"
    r"(?!(?:Posted|Updated|Published|Edited|Modified|Sponsored|Promoted|Supported|Presented|Produced|Hosted|Filed|Tagged|"
    r"Licensed|Reproduced|Republished|Embargoed|Released|Dated|Fact-checked|Reviewed|Verified|Powered)\b)"
    r"(?!(?:POSTED|UPDATED|PUBLISHED|EDITED|SPONSORED|PROMOTED|SUPPORTED|PRESENTED|PRODUCED|EMBARGOED|RELEASED|DATED)\b)"
    r"(?:[A-Z][a-z]+ed|[A-Z]{3,}ED))\s*[:|–—-]\s"
)
TEASER_MARKERS = (
    _lexicon("bracket tag", r"\[[A-Z][A-Z ]{1,24}\]", "a bracket tag that sells a link: '{m}'", 2.0),
    _lexicon("teaser tag", LINK_TAG.pattern, "a tag written to win a click: '{m}'", 2.0),
    _lexicon(
        "curiosity gap",
        _words("the truth about", "you won't believe", "you need to know", "here's why", "here is why",
               "this is why", "the real reason", "here['’]s (?:what|how)(?![^:]*:)", "here is (?:what|how)(?![^:]*:)", "this is what", "secrets?", "inside the mind", "what happened next",
               "the one thing", "want you to know", "will make your", "you need to see", "you have to see",
               "(?:says|said|say) it all", "(?:nobody|no one|everyone|everybody)(?: is| are| will be|['’]s|['’]ll be)? talking about"),
        "a curiosity gap: '{m}'",
        2.0,
        re.I,
    ),
    _lexicon(
        "sensational word",
        _words("stunning", "jaw-dropping", "bombshell", "slams?", "shock", "horror", "fury", "meltdown",
               "savage(?:ly|s)?", "brutal"),
        "sensational wording: '{m}'",
    ),
    _lexicon("truncated", r"(?:\.\.\.|…)$", "the text is cut off to make you click: '{m}'"),
    # An answer held back: an unpunctuated line led by a question word ("Why nobody wants to admit the
    # puzzle was solved"), or a label and then one ("The clock that ran slow: what the ledgers reveal").
    # Explainers' "what we know" and four-word section heads ("What you should do") are not held back.
    _lexicon(
        "held-back answer",
        r"(?:^|[:–—]\s+(?:and\s+)?)(?:What|Why|How|Who|what|why|how|who)\b(?!\s+(?:to|we know)\b)"
        r"(?=(?:\s+[^\s.?!:]+){4,}$)[^.?!:]{10,100}$",
        "a line that promises an answer and holds it back, to make you click: '{m}'",
        2.0,
    ),
    # A headline's second beat that holds back its payoff ("Star's split — and the one text that ended
    # it", "– and what you can do now"), "the one X" singled out, "X: inside the flats …".
    _lexicon(
        "second beat",
        r"(?:\s[–—-]\s+and\s+(?:what|why|how|who|where|the one|one)\b|\bthe one (?!of\b|and\b|or\b)[a-z]+\b|[:–—]\s+inside\s+(?:the|a|an)\b)(?=[^.?!]*$)",
        "a second beat that holds back the payoff, to make you click: '{m}'",
        2.0,
        re.I,
    ),
    # An aside in brackets that closes a headline ("… (and exactly what to order)", "(number 7 will
    # surprise you)"): the payoff saved for the click.
    _lexicon(
        "bracketed aside",
        r"\((?:and|but|plus|yes|number|spoiler)\b[^()]{3,60}\)[.!?]?$",
        "an aside in brackets that saves the payoff for the click: '{m}'",
        2.0,
        re.I,
    ),
    # Urgency that pushes the reader to act now ("ONLY 40 tickets left", "places are going FAST").
    _lexicon(
        "urgency",
        r"\b(?:[Oo]nly \d+ (?:[a-z]+ )?(?:left|remaining)|ONLY \d+|[Ll]ast chance|LAST CHANCE|HURRY|Hurry(?= [–—-]|!)|"
        r"(?:selling|going) (?:fast|FAST)|while stocks last|[Dd]on['’]t miss out)\b",
        "urgency that pushes you to act now: '{m}'",
        2.0,
    ),
    # A ranked list as the headline ("The 10 cheapest places to fly", "7 reasons you should …").
    _lexicon(
        "ranked list",
        r"^(?:The |These |Our )?\d{1,2} (?:best|worst|things|ways|reasons|signs|tips|places|most|[a-z]+est)\b(?=[^.]*$)",
        "a numbered list as the headline, to make you click through: '{m}'",
        2.0,
    ),
    # A review's headline that gives its verdict as a hook ("X review: a quiet storm that breaks").
    _lexicon(
        "review headline",
        r"\breview:\s+(?:a|an|the)\b(?=[^.]*$)",
        "a review headline that gives its verdict as a hook: '{m}'",
        2.0,
    ),
    # A label, then a noun phrase that points at a story without telling it ("Sella Minor: the island
    # the guidebooks forgot", "'We lost £14,000': the scam that looks like your provider").
    _lexicon(
        "labelled hook",
        r"^[^:.?!]{3,50}:\s+(?:the|a|an) (?:[\w’'-]+ ){1,4}(?:that|which|who|the|nobody|everyone)\b[^.?!:]*$",
        "a label, then a phrase that points at a story without telling it: '{m}'",
        2.0,
    ),
    # A quotation as the hook, then the story ("'They sent Dad home too soon': anger as …").
    _lexicon(
        "quoted hook",
        r"^[‘'\"“][^’'\"”]{5,80}[’'\"”]:\s+(?=[^.?!]{5,120}$)",
        "a quotation used as the hook of a headline, to draw you in: '{m}'",
        2.0,
    ),
    # A label, then the question it raises ("5-day forecast: the calm after the storm?", "The loneliness
    # economy: who profits?"); not an interview turn, whose label is a name in capitals ("JO KING: …?").
    _lexicon(
        "labelled question",
        r"^(?=[^:?]*[a-z][^:?]*:)[^:?]{3,50}:\s+[^:?]{3,90}\?[”’\"']?$",
        "a label, then a question held open, to make you read on: '{m}'",
        2.0,
    ),
)
# A headline that opens a question it does not answer: led by a question word, or asking one.
HEADLINE_QUESTION = _lexicon(
    "question headline",
    r"^(?:What|Why|How|Who|Which|Where|When|Is|Are|Can|Could|Should|Will|Does|Do|Did)\b(?=[^?]*$)|"
    r"(?:[–—:,;-]\s*(?:but|and|so|yet)?\s*)(?:what|why|how|who|which|is|are|can|could|should|will|does|do|did)\b[^?]{0,80}\?|\?\s*$",
    "a headline that opens a question to make you read on: '{m}'",
    2.0,
)
# A headline that speaks to the reader ("… you won't forget", "what it means for YOUR street").
HEADLINE_ADDRESS = _lexicon(
    "reader address",
    r"\b(?:you|your|yours|you['’](?:ll|re|ve|d))\b",
    "a headline that speaks to you, the reader, to pull you in: '{m}'",
    2.0,
    re.I,
)
# A caption or video link under a headline: media verbs, an imperative to watch, "the moment".
CAPTION_CUES = _lexicon(
    "caption",
    r"^(?:Watch|Listen|See|Look|Pictured|Video)\b|"
    + _words("describes", "explains", "reveals", "shows", "speaks", "talks", "discusses", "recalls",
             "opens up", "the moment", "footage", "pictured"),
    "a caption or media link under the headline: '{m}'",
)
BOILERPLATE_MARKERS = (
    _lexicon(
        "site notice",
        _words("sign-up", "sign up", "signing up", "subscribe", "unsubscribe", "newsletter", "consent(?:ed)?",
               "cookies?", "privacy (?:policy|notice)", "terms (?:and conditions|of use|of service)",
               "All rights reserved", "Copyright", "Click here", "Follow us", "Like us on", "Share this (?:article|story|post|page|item|link)",
               "Share (?:on|via) (?:Facebook|Twitter|X|WhatsApp|LinkedIn|email)", "Advertisement", "Sponsored content",
               "Paid (?:content|post|partnership)", "Partner content", "Skip (?:advert|ad)", "continues below",
               "Reporting by", "Editing by", "Additional reporting by", "Compiled by",
               # a newsletter's or programme's greeting to its readers ("Good evening.")
               "^Good (?:morning|afternoon|evening)(?=[,.!]| and | everyone)",
               # shop banners
               "(?:Free|FREE) (?:UK |standard |STANDARD |next-day )?(?:delivery|returns|shipping|DELIVERY|RETURNS|SHIPPING)\\b",
               # a note on who the writer is: "Jo Roe writes on planning for the Courier."
               "(?:writes|reports) (?:on|about) [^.]{3,60} for (?:the |The )?[A-Z][\\w’'-]*",
               "writes for (?:the |The )?[A-Z][^.]{0,40}(?:every|each) ",
               # reader appeals of a newsroom: tips, letters, comments
               "Got a (?:news )?(?:story|tip)", "Have you got a (?:news )?story", "Do you have a (?:news )?(?:story|tip)",
               "(?:Got|Have|Do you have|Have you got) (?:a|an|any) (?:question|query|news tip|tip-off|comment|view|opinion)s?\\b[^.?!]{0,60}(?=\\?)",
               "news ?desk", "Contact (?:our|the) (?:newsroom|reporters?|editor)", "Leave a (?:comment|reply)",
               "(?:View|Show|Read|Add|Post) (?:all )?comments?", "Join the (?:conversation|discussion|debate)",
               "Comments? \\(\\d+\\)",
               # donation and membership asks, syndication
               "Support (?:our|independent|quality|local|public[- ]interest) journalism", "Donate (?:now|today|here)",
               "Become a (?:member|supporter|subscriber|patron)", "Reuse this content",
               "(?:Republished|Reproduced|Reprinted|Used) with permission",
               "(?:first|originally) appeared (?:on|in)", "Syndicated by",
               # e-mail newsletters: web view, why you got it, forwarding, preferences, inbox promises
               "View (?:this|the|our) (?:e-?mail|newsletter|message)? ?(?:in|on) (?:your|a|the) (?:web )?browser",
               "View (?:this )?(?:e-?mail|newsletter) online", "(?:You(?:['’]re| are)|You['’]ve been) receiving this",
               "You (?:are|were) sent this", "Forwarded this(?: (?:e-?mail|newsletter|message))?", "Was this (?:e-?mail )?forwarded",
               "Manage (?:your )?(?:preferences|subscriptions?|e-?mail settings)", "Update your preferences",
               "(?:in|to|straight to|direct to) your inbox",
               # advertising and sponsorship disclosures, affiliate notices, shop buttons, promo codes
               "affiliate (?:links?|commissions?|partners?|programmes?|programs?)",
               "(?:may|might|could|will) (?:earn|receive|get) (?:(?:a|an|some) )?(?:small )?(?:affiliate )?(?:commission|fee|share)",
               "at no (?:extra|additional) cost to you", "(?:SPONSORED|Sponsored)(?= *(?:[:|–—-]|$| by| post| feature| article| story))",
               "(?:episode|post|article|newsletter|podcast|show|series|video|story|feature|edition|e-?mail|guide|issue|content|section|page) "
               "(?:is|was|has been) (?:supported|sponsored|brought to you|paid for|presented|funded|made possible) by",
               "brought to you by", "In (?:association|partnership) with", "Promoted by",
               "(?:use|with|enter) (?:the )?(?:promo |discount |voucher )?code [A-Z0-9]{3,}", "(?:T&Cs|Ts&Cs|terms) apply",
               "Try (?:it )?(?:free|for free)", "free trial", "SHOP NOW", "Shop now", "BUY NOW", "Buy now", "SHOP THE",
               # disclaimers of health, finance and opinion pages
               "(?:is|are|does not constitute|do not constitute|should not be taken as) (?:not )?(?:intended as )?"
               "(?:regulated |personal(?:ised|ized)? |individual |independent )?(?:medical|financial|legal|professional|investment|health) advice",
               "for (?:general )?(?:information(?:al)?|guidance) (?:purposes )?only",
               "(?:is|are) not a substitute for (?:professional |legal |medical |financial |independent )?advice",
               "(?:does|do|will) not (?:affect|influence|change) (?:how|which|what|where) we (?:rank|rate|review|recommend|cover|list|choose)",
               # press notes and safety notices: copies on request, emergencies
               "available (?:from the press office |from the media office )?on request", "(?:call|dial) (?:the emergency services|999|911|112)\\b",
               # newsletter and membership furniture
               "Thanks? (?:you )?for reading", "In (?:today['’]s|this week['’]s|this) (?:edition|issue|newsletter)\\b",
               "Not (?:a member|a subscriber|subscribed|signed up) yet",
               "(?:views|opinions) (?:expressed|in this [a-z]+)[^.?!]{0,60}(?:are|is) (?:those )?(?:of )?(?:the|its|their|his|her|my|our) (?:authors?|writers?|own)",
               # sponsors and partners named at the foot, issue numbers in a line of page furniture
               "^(?:Official|OFFICIAL) (?:[a-z]+ )?(?:partner|sponsor|supplier|PARTNER|SPONSOR)s?\\b", "(?<=[·|•] )Issue \\d{1,4}\\b",
               # a forum member's line: "hedgehog_hollow · Member · 214 posts · 12 Oct"
               "(?<=[·|•] )\\d[\\d,]* posts\\b",
               "not (?:responsible|liable) for the content of external", "(?:do|does) not necessarily (?:reflect|represent)",
               "(?:Views|Opinions) (?:are|expressed are) (?:the author['’]s|my|our|his|her|their) own",
               # investor releases: the legal notice on forecasts
               "forward-looking statements?",
               # review dates of advice pages, forwarding asks of newsletters
               "Last (?:reviewed|checked)(?=:)", "Next review (?:due|date)",
               "Forward (?:it|this)(?: (?:e-?mail|newsletter|issue))? to a (?:friend|colleague)", "(?:Always|Please) (?:check|seek|consult|follow) (?:local|your|a|professional|medical)",
               # series, print issues, republishing, moderation, reader calls to comment
               "(?:is|are) part of (?:our|the|a) [\\w’' -]{1,40}series", "(?:appears|appeared|will appear) in the [\\w’' -]{1,40}(?:issue|edition) of",
               "republish (?:it|this|them|our [a-z]+)", "open licen[cs]e", "Comments are (?:moderated|closed|open)",
               "Have your say", "Let us know (?:in the comments|what you think|your)", "(?:Send|Write) (?:us )?a letter",
               "Tell us (?:what you think|what you['’]re seeing|your (?:story|views|thoughts))",
               # health and safety advice notices of advice pages
               "(?:talk|speak) to your (?:GP|doctor|pharmacist|midwife|health visitor|school nurse)",
               "seek (?:urgent |immediate )?(?:medical|professional) (?:advice|help|attention)",
               # live pages: updating, refreshing, following
               "(?:This|The) (?:page|blog|live blog|article|story) (?:will be|is being|is) updated",
               "Refresh (?:the page |this page )?for (?:the )?latest", "Follow (?:our|the) live (?:coverage|updates|blog)",
               "send us your (?:pictures|photos|videos|stories)",
               # donation asks
               "(?:give|donate) what(?:ever)? you can", "Please (?:give|donate)", "make a donation",
               # what a small gift pays for: "Just £5 can plant …", "Only $10 could buy …"
               "(?:Just|Only|For just|For only|A gift of|A donation of) [£$€]\\d{1,3} (?:a month |a week )?(?:can|could|will|buys|pays for|helps)",
               # disclaimers of product and advice pages: outcomes vary, nothing is promised
               "(?:Individual |Your |Actual |Typical )?results (?:may|will|can|might) (?:vary|differ)",
               "Past performance (?:is|does) not", "(?:is|are) not (?:an? )?(?:guarantee|indication) of future",
               # corrections notes
               "An? (?:earlier|previous|original) version(?: of this [a-z]+)? (?:mis[a-z]+|incorrectly|wrongly|said|stated|gave|referred|described|named|omitted|included)",
               "(?:This|The) (?:article|story|piece|post|report) (?:was|has been) (?:corrected|amended|updated) (?:on|to)\\b",
               "We apologi[sz]e for (?:the|this|any) (?:error|mistake|confusion)",
               # feedback widgets
               "(?:Is|Was|Did you find) this (?:[a-z-]+ ){0,2}(?:page|article|information|answer|content|guide|story|post|check|summary|factsheet) (?:useful|helpful)",
               "Report a problem with this (?:page|article|content)", "Yes \\| No\\b",
               # comment forms: the rules a reader agrees to by posting
               "By (?:posting|submitting|leaving|adding|publishing) (?:a |your |this )?comments?",
               "(?:our|the|site|community) (?:house rules|community (?:guidelines|rules|standards)|commenting (?:guidelines|policy|rules))",
               "(?:Share|Comment) (?:or|and) (?:comment on|share) this (?:article|story|post|page)",
               # licences and statements of independence of the publisher
               "available under (?:the|an?) [^.?!]{0,50}licen[cs]e", "except where otherwise (?:stated|noted|indicated)",
               "(?:is|are) editorially independent",
               "(?:is|are) an? (?:independent|non-?profit|not-for-profit|reader-(?:funded|supported)|member-(?:funded|supported)|"
               "charitable|community-owned|employee-owned) (?:[a-z]+ ){0,2}(?:newsroom|news (?:organi[sz]ation|site|service|agency)|publication|publisher|outlet|magazine|newspaper)",
               # how the outlet treats what readers send and what others republish
               "(?:may|will|might) be (?:edited|shortened|cut) for (?:length|clarity|style|space|legal reasons)",
               "(?:and )?link (?:back )?to the original(?: (?:article|story|post|piece|page))?",
               # accessibility and advertising links of the page
               "Skip to (?:the )?(?:main )?(?:content|navigation|search)", "Advertise with us",
               "Scroll (?:down )?(?:for|to see) (?:the )?(?:video|more|pictures|photos|comments)",
               # a charity's or company's registration details at the foot
               "Registered (?:charity|company|office|address|in England|in Scotland)", "(?:Charity|Company) (?:no|number|registration)",
               # donation buttons: "Donate £30 | Donate £120 | Choose your own amount"
               "Donate [£$€]\\d", "Choose (?:your own|an?|another|a different) amount", "Give monthly", "Give once",
               # how the outlet works: fact-check ratings, citation lines
               "How we (?:rate|check|fact-check|verify|choose|test|review|score)", "Our methodology",
               "Cite this (?:article|paper|briefing|report|page|post|piece|study|publication|story)", "How to cite",
               # betting pages: odds and age notices
               "Odds (?:are )?(?:correct|accurate) (?:at|as)", "(?:Over[- ])?18s? only", "18\\+ only", "gamble responsibly",
               "BeGambleAware",
               # other formats of the page for access: "Listen to an audio version of this article",
               # "Watch this article in British Sign Language (BSL)"
               "(?:audio|BSL|sign[- ]language|large[- ]print|easy[- ]read|text[- ]only|printable|accessible|braille) "
               "(?:version|edition|format|transcript)s? of this (?:article|page|story|report|post|guide|programme|episode)",
               "(?:this|the) (?:article|page|story|report|guide|video|programme) in (?:British |Irish |American )?Sign Language",
               "Listen live", "On air now",
               # events promotions: "Book now for …", "Early-bird tables close on …"
               "Book (?:now|today|your (?:place|places|tickets?|tables?|seats?|stand)|tickets? (?:now|today|here|online))",
               "Early[- ]bird (?:tickets?|tables?|rates?|prices?|offers?|discounts?|booking|registration|places)",
               "Tickets (?:are )?(?:on sale|available) (?:now|today|from|at|online)",
               # letters and questions pages: the outlet cannot reply one by one
               "(?:We|I) (?:cannot|can['’]t|can not|am unable to|are unable to|regret (?:that )?(?:we|I) (?:cannot|can['’]t|are unable to|am unable to)) "
               "(?:answer|reply to|respond to|acknowledge|enter into correspondence|correspond)(?: (?:letters|e-?mails|questions|queries|every|all|each|individual|personally|individually))?",
               "(?:letters|questions|queries|e-?mails) (?:cannot|can['’]t|will not) be (?:answered|acknowledged|returned) (?:personally|individually)",
               # notes on how an interview or letter was edited
               "(?:has been|have been|was|were|is|are) (?:lightly )?(?:edited|condensed)(?: and (?:edited|condensed))? for (?:length|clarity|brevity|space)",
               # a wire story's contributor line: "Staff writer X contributed to this report."
               "contributed (?:additional )?(?:reporting|to this (?:report|story|article))")
        # what a gift pays for, opening the sentence: "£30 could pay for a water filter …"
        # a service widget of a broadcaster's or local site's page: "Weather: 7°C, light rain", "Now playing: …"
        + r"|^(?:Weather|Travel|Traffic|Travel news|Tides?|Pollen(?: count)?|Air quality|Now playing|Now on air|On air|Up next on air|Sunrise|Sunset)\s*:\s"
        r"|©|^Source:|^[£$€]\d{1,4}(?:\.\d\d)? (?:a month |a week |a year )?(?:can|could|will|would) (?:help )?"
        r"(?:pay|buy|provide|fund|give|feed|keep|train|plant|supply|cover|drill|send|protect)",
        "a website notice, not part of the news story: '{m}'",
        2.0,
        re.I,
    ),
    _lexicon(
        "publication furniture",
        r"\b(?:receives? funding from|(?:has|have) received funding from|is funded by|does not work for, consult|"
        r"own shares in|no relevant affiliations|(?:declares?|has|have) no (?:competing|conflicts? of) interests?|"
        r"republished (?:from|under|with)|Creative Commons|originally (?:published|appeared) (?:on|in|by)|"
        r"This (?:article|story|piece) (?:was|has been) (?:amended|corrected|updated) on|"
        r"An earlier version of this (?:article|story)|For (?:more|further) information,? (?:visit|contact|see|go to|call)|"
        r"(?:Photograph|Photo|Image|Picture|Illustration)s?(?: credit| source)?: |(?<![\w,] )Credits?: (?=[A-Z])|Getty Images|Shutterstock|Alamy|"
        r"File [Pp]hoto|Purchase [Ll]icensing [Rr]ights|(?:Market )?[Dd]ata (?:is )?delayed|[Qq]uotes (?:are )?delayed|"
        r"(?:First|Last) (?:published|modified|updated) on|"
        # a press office's offer to journalists: "Images are available on request"
        r"(?:images|photos|photographs|pictures|footage|interviews|spokespeople|case studies|samples)\b[^.?!]{0,50}? (?:are|is) available (?:on|upon) request|"
        r"available for interview|"
        # a pointer to another page of the site: "Guidance for applicants is available on the Fund page."
        r"(?:is|are) available (?:on|from|at) (?:the|our) [^.?!]{1,60}?\b(?:page|website|web page|webpage|site|portal)\b)",
        "publication furniture (credits, disclosures, licences, contacts), not the story: '{m}'",
        2.0,
        re.I,
    ),
    _lexicon(
        "disclaimer",
        # a company or publisher, named at the start, disclaims: "X does not guarantee …", "X cannot
        # accept responsibility for …", "X does not endorse …"
        r"^(?:The )?[A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*){0,3} (?:does not|do not|cannot|can not|can['’]t|will not) "
        r"(?:guarantee|warrant|endorse|accept (?:any )?(?:responsibility|liability)|be (?:held )?(?:responsible|liable))\b",
        "a disclaimer: the company or publisher says what it does not promise: '{m}'",
        2.0,
    ),
    _lexicon(
        "contact detail",
        r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|(?:\+\d{1,3}\s?)?\(?\d{2,5}\)?(?:[\s-]\d{3,4}){2,3}\b|"
        r"\bwww\.[\w-]+(?:\.[\w-]+)+|https?://\S+",
        "contact details for the press or readers: '{m}'",
        2.0,
    ),
)
# Words that mark a notice only next to a sentence that is plainly one.
BOILERPLATE_COMPANIONS = _compile(
    _words("adverts?", "advertising", "advertisers?", "third[- ]part(?:y|ies)", "personalised",
           "personalized", "preferences"),
    re.I,
)
# Press-release and agency furniture that fills a whole line: release banners, embargo lines,
# links to the agency's standards.
FURNITURE_LINE = _compile(
    r"^(?:(?:PRESS|NEWS|MEDIA) RELEASE|(?:Press|News|Media) [Rr]elease|FOR IMMEDIATE RELEASE|For [Ii]mmediate [Rr]elease|"
    r"EMBARGOED|Embargoed|EMBARGO|Embargo|Under embargo|Our [Ss]tandards|Editorial (?:standards|guidelines)|"
    r"Fact[- ]checked by|Trust Principles|Tags|Tagged|Topics|Filed under|Posted in|Categories|Category|Keywords|"
    r"Explore more on these topics|More on this story|Show notes|Episode notes|Chapters|Transcript|Credits|From(?=: [A-Z])|"
    r"Issue \d+(?= ?[|·•,–—-]))\b[^.?!]{0,80}[.]?"
    r"(?:,? opens (?:in )?(?:a )?new (?:tab|window))?$"
)
# The heading of a summary box, alone on its line ("Key points", "At a glance", "IN BRIEF"); the items
# under it are not furniture.
BOX_HEADING = _compile(
    r"^(?:(?:The )?[Kk]ey (?:points|facts|takeaways|findings|numbers)|KEY (?:POINTS|FACTS|TAKEAWAYS)|At a glance|AT A GLANCE|"
    r"In brief|IN BRIEF|In short|IN SHORT|What we know(?: so far)?|WHAT WE KNOW|Summary|SUMMARY|TL;DR|tl;dr|"
    # the ratings box of a match report
    r"(?:Player|PLAYER|Team|TEAM|Match|MATCH) (?:ratings|RATINGS)|Ratings|RATINGS)\s*:?$"
)
# Headings of the foot of a release or paper, alone on their line ("Further information", "Funding");
# what sits under them is judged on its own (facts often follow "Further information").
FOOT_HEADING = _compile(
    r"^(?:Further information|FURTHER INFORMATION|Funding|FUNDING|Disclaimers?|DISCLAIMERS?|Disclosures?|DISCLOSURES?|"
    r"Competing interests|Conflicts? of interests?|Acknowledge?ments|ACKNOWLEDGE?MENTS)\s*:?$"
)
# Segments of a line of page furniture: "By X · 27 Nov 2026 · 4 min read", "Home > News > Local".
META_SEPARATOR = _compile(r"\s+[·|•]\s+|\s+/\s+(?=\S)|\s*[·•]\s*(?=[A-Z0-9])|\s{3,}")
NAV_SEPARATOR = _compile(r"\s*[|›»>•·]\s*|\s{3,}|\s+/\s+")
# An entry of a reference list: "Roe J, Poe A (2021), Title, Journal" or "Roe, J. and Poe, A. (2021). Title."
REFERENCE_ENTRY = _compile(
    r"^(?:[A-Z][\w’'-]+,? (?:[A-Z]{1,3}|[A-Z]\.(?: ?[A-Z]\.)*)(?:,|;| and| &)? ){1,8}(?:(?:and|&) [A-Z][\w’'-]+,? (?:[A-Z]{1,3}|[A-Z]\.(?: ?[A-Z]\.)*) )?"
    r"(?:et al\.?,? )?\(?(?:19|20)\d\d[a-z]?\)?[.,:]"
)
# A chapter marker of a recording: "03:40 What the trial measured", "(12:05) Questions".
CHAPTER_MARKER = _compile(r"^\(?\d{1,2}:\d{2}(?::\d{2})?\)?(?!\s*[AaPp]\.?[Mm]\b)\s*[-–—]?\s*[A-Z]")  # not "2:15 AM …", a live entry
# Link text alone on a line, with nothing to sell: "Read more →", "Read the full story", "Continue reading".
BARE_LINK = _compile(
    r"^(?:Read (?:more|on|the (?:full |whole )?(?:story|article|piece|report|post|interview|transcript))|Continue reading|"
    r"(?:Find out|Learn|See|Discover|View) more|More details|Full story|Listen (?:now|here)|Watch (?:now|here)|Click here|Tap here|"
    # a download link with its file type and size: "Download the full report (PDF, 2.1 MB)"
    r"(?:Download|Read|View|Get) (?:the |our |this )?[\w ,’'-]{0,50}\((?:PDF|DOCX?|XLSX?|CSV|EPUB|ZIP|ODT)\b[^()]{0,20}\))"
    r"\s*(?:[→»›>▶➔⟶]+|\.{3}|…)?$",
    re.I,
)
# Press-release and publication furniture that fills a whole line.
END_MARKER = _compile(r"^[-–—#*\s]*(?:ENDS?|End|###|-30-|# # #)[-–—#*\s.]*$")
FURNITURE_HEADING = _compile(
    r"^(?:About (?:the author|the authors|us|[A-Z][\w&’'.-]*)|Media contacts?|Press contacts?|Media enquiries|"
    r"Press enquiries|Media inquiries|Press inquiries|Notes? (?:to|for) editors?|Editor['’]?s notes?|Contacts?|"
    r"References|Bibliography|Works cited|Sources|Footnotes|"
    r"For (?:more|further) information)\b[^.?!]{0,60}:?$"
)
CONTACT_ROLE = _compile(
    r"\b(?:Head of (?:Communications|Media|Press|PR|Public Relations)|Communications (?:Manager|Director|Officer|Lead)|"
    r"Press (?:Officer|Office|Secretary)|Media (?:Relations|Officer|Manager)|(?:PR|Public Relations) (?:Manager|Director|Officer)|"
    r"Spokes(?:person|man|woman))\b"
)
_ROLE = (
    r"(?:Lecturer|Professor|Reader|Fellow|Editor|Correspondent|Reporter|Researcher|Director|Head|Student|"
    r"Candidate|Writer|Columnist|Officer|Manager|Chair|Dean|Scientist|Analyst|Economist|Contributor|Associate|"
    r"Producer|Presenter|Host|Photographer|Critic|Lead|Strategist|Campaigner|Intern|Desk|"
    r"editor|correspondent|reporter|writer|columnist|producer|presenter|contributor|critic|photographer|journalist)s?"
)
# A byline ("By Jane Roe", "Jane Roe, Senior Lecturer in Law, Northfield University") or an
# author bio ("Jane Roe is Senior Lecturer in Law at Northfield University").
BYLINE = _compile(
    r"^(?:(?:(?:Words|Text|Written|Posted|Story|Reporting|Interview|Interviews|Photos?|Photographs?|Photography|Pictures?|"
    r"Images?|Illustrations?|Video|Edited|Additional reporting|Produced|Presented|Hosted|Music|Sound|Mixed|Directed|Filmed|"
    r"Narrated|Designed|Research|Graphics|Animation)(?: and [a-z]+)?:? by|By|by|BY|"
    r"(?:Posted|Published|Written|Updated|Filed)(?: on| at)? [\w ,:./]{3,40}? by):? (?:the )?[A-Z][\w’'-]+(?: [A-Z][\w’'.-]+){0,3}\b|"
    r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}(?:(?: and|,) [A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})?(?:,| \||\s[·–—]) (?:[\w’'-]+ ){0,4}"
    + _ROLE
    + r"\b|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3} is (?:an? |the )?(?:[\w’'-]+ ){0,4}"
    + _ROLE
    + r"s? (?:in|of|at|for)\b)"
)
# A dateline alone on its line ("LONDON, March 14 (Reuters) -") or a publication date line.
DATELINE = _compile(
    r"^(?:[A-Z][A-Z .’'-]{2,40},\s+[\w ,]{3,30}(?:\([^()]{1,40}\))?\s*[-–—]?|"
    r"(?:Published|Updated|Posted)(?: on)?:?\s+[\w ,:]{4,40})$"
)
# Timestamps and reading times alone on a line: "Updated 14:32 GMT", "Published 3 hours ago",
# "2 min read", "28 November 2026", "Tuesday 2 December 2026 09.15 GMT".
_MONTHS_ANY = rf"(?:{_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.?"
_DAYS_ANY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)"
_DATE = (
    rf"(?:{_DAYS_ANY},? )?(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS_ANY}|{_MONTHS_ANY} \d{{1,2}}(?:st|nd|rd|th)?),? \d{{4}}"
)
# A date or a clock time anywhere in a line (page furniture carries them: "· 27 Nov 2026 ·", "06.00 GMT").
DATE_OR_TIME = _compile(
    rf"\b{_DATE}\b|\b\d{{1,2}}[.:]\d{{2}}(?: ?[AaPp]\.?[Mm]\.?| ?[A-Z]{{2,4}}\b)|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
)
# A reading or listening time, or "… ago": "4 min read", "48 MIN", "3 hours ago".
READ_TIME = _compile(r"\b\d+ ?(?:min|mins|minutes?|MIN|MINS|hrs?|hours?)\b(?: (?:read|listen|watch|ago))?|\b(?:seconds?|minutes?|hours?|days?|weeks?) ago\b")
TIMESTAMP = _compile(
    rf"^(?:(?:Last )?(?:Published|Updated|Posted|Modified|Edited)(?: on| at)?:?\s+[\w ,:./+-]{{2,40}}|"
    rf"\d+ (?:min|mins|minute|minutes)(?: read| listen| watch)|\d+ (?:MIN|MINS|MINUTES?)(?: READ| LISTEN| WATCH)|(?:About )?\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago|"
    rf"{_DATE}(?:[, ]+(?:at )?\d{{1,2}}[.:]\d{{2}}(?: ?[AaPp][Mm]| [A-Z]{{3,4}})?)?|\d{{1,2}}[.:]\d{{2}}(?: ?[AaPp][Mm])?(?: [A-Z]{{3,4}})?(?:,? {_DATE})?)$"
)
# A line of share buttons and counters: "Share this post: Facebook | X | Email", "Comments (34)",
# "Tweet", "Like 1.2k", "12 shares".
_SOCIAL = (
    r"(?:Share(?: this(?: [a-z]+)?)?:?|Tweet|Like|Likes|Comment|Comments|Reply|Print|E-?mail|Save|Copy link|Facebook|Twitter|X|"
    r"WhatsApp|LinkedIn|Pinterest|Reddit|Instagram|Flipboard|Messenger|Telegram|Bluesky|Threads|Mastodon|YouTube|TikTok|"
    r"Advertisement|ADVERTISEMENT|ADVERT|Gift (?:this )?article|\d[\d,.]*[kKmM]? (?:comments?|shares?|likes?|views?))"
)
SOCIAL_LINE = _compile(rf"^(?:{_SOCIAL}(?:\s*\(?\d[\d,.]*[kKmM]?\)?)?[\s|·•,/:-]*)+$")
# The line above a reader's post under an article: "Janet P says:", "Jo Roe says: 15 October 2026 at
# 9:40 PM", "2 thoughts on “…”".
COMMENT_HANDLE = _compile(
    r"^(?:[A-Z][\w’'-]+(?: [A-Z][\w’'.-]*){0,2} says:(?:\s+[^.?!]{0,40}\d[^.?!]{0,20})?|\d{1,4} (?:thoughts|comments|responses|replies) on\b.*)$"
)
# The heading of a list of links to other articles: "Most read", "You might also like", "More from Sport".
LINK_LIST_HEADING = _compile(
    r"^(?:(?:Most (?:read|popular|viewed|shared|commented)|Trending(?: now| stories)?|Popular(?: now)?)(?: (?:in|on|from|at) [A-Z][\w&’' -]{1,30})?|"
    r"You (?:might|may) (?:also )?(?:like|be interested in|have missed)|More (?:from|on|in|stories|news)\b[^.?!]{0,40}|"
    r"Related(?: articles| stories| content| coverage| links| reading| topics)?|Recommended(?: for you| reading| stories)?|"
    r"Editor['’]?s (?:picks|choice)|Top stories|Latest(?: news| stories| headlines)?|What to read next|Read next|Up next|"
    r"In other news|Elsewhere on [^.?!]{1,30}|Also on [^.?!]{1,30}|Don['’]t miss|Further reading)\s*:?$",
    re.I,  # "Most Read", "You Might Also Like", "RELATED STORIES"
)
# A masthead tagline: what a publication says of itself ("The independent student newspaper of X since
# 1961", "Est. 1896", "News for the Pell valley").
TAGLINE = _compile(
    r"\b(?:newspaper|magazine|news ?site|website|podcast|newsletter|paper|weekly|daily|radio|station|blog|journal)"
    r" (?:of|for|from|serving|covering)\b|(?:^|[–—|:-] )(?:[Yy]our )?(?:[Ll]ocal |[Ii]ndependent )?(?:news|stories|journalism) (?:for|from|serving|covering) [A-Z]|\bsince (?:1[6-9]|20)\d\d$|\b(?:Est(?:ablished|\.|d)?|EST\.?|Founded) (?:in )?(?:1[6-9]|20)\d\d\b",
)
# A kicker alone on a line above a headline: "LIVE", "BREAKING NEWS", "EXCLUSIVE".
KICKER_LINE = _compile(
    r"^(?:LIVE|Live|BREAKING(?: NEWS)?|Breaking(?: news)?|EXCLUSIVE|Exclusive|JUST IN|Just in|DEVELOPING|Developing story|"
    r"WATCH|REVEALED|UPDATED|SPECIAL REPORT|INVESTIGATION|"
    # calls to look at the pictures or the video: "SEE THE PICS", "In pictures"
    r"(?:SEE|VIEW) (?:THE |ALL THE )?(?:PICS|PICTURES|PHOTOS|GALLERY|VIDEO)|(?:See|View) (?:the |all the )?(?:pics|pictures|photos|gallery)|"
    r"IN PICTURES|In pictures)\s*[:!]?$"
)
# A pull-quote: a quotation alone on its line, attributed with a dash ("“…” – Jane Roe").
PULL_QUOTE = _compile(r"^[“\"‘'][^“”\"]{8,300}[”\"’'][.,]?\s*[–—-]{1,2}\s*[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,4}(?:,[^.?!]{1,60})?$")
# A standfirst sentence: the writer (named) sets out on the story ("X goes in search of …", "X meets …").
STANDFIRST_CUES = _compile(
    r"\b(?:goes|went|set|sets) (?:in search of|out to|looking for|to find)|\b(?:investigates|explores|uncovers|meets|visits|"
    r"asks (?:why|whether|how|what|who)|finds out|tries to find|reports from|travels to|spends a (?:day|week|night|month|year)|"
    r"tells the story of|hears from|returns to|(?<!what )(?<!which )(?<!that )follows)\b"
)
# An update note opening a paragraph ("UPDATE:", "Update, 2 December:").
UPDATE_NOTE = _compile(r"^(?:UPDATE|UPDATED|Update|Updated)\b[^:.?!]{0,40}:\s+\S")
# A short credit line at the foot of an article: "Source: ...", "Via: ...", "h/t: ...".
CREDIT_LINE = _compile(r"^[A-Za-z][A-Za-z/ ]{0,11}:\s*[A-Z][\w .’'&-]{0,40}\.?$")
TERMINAL = _compile(r"[.?!…][”’\"')\]]*$|[.?!][”’\"')\]]+\s*$")

# The salutation that opens a reader's letter ("Dear Ms Roe," / "Dear Money Mailbag,").
LETTER_OPENING = re.compile(r"^(?:Dear|DEAR) [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?,")

# Line-shape evidence for the trained model (features.py), not rules: general classes of English.
# Verbs of the actions a web page asks its reader to take ("Update your details", "Give to the
# university", "Report a problem", "Watch the full report at 6pm"): an imperative opening a short line.
SITE_ACTION_VERBS = frozenset(
    """apply ask book browse buy call check choose claim click compare contact discover donate download email
    enter explore find follow get give go hear join learn listen log login manage meet nominate order play
    plan print read receive register renew report request reserve save search see send share shop sign start
    stay subscribe support take tap tell try update upgrade view visit vote watch""".split()
)
# Words that may follow such a verb: the reader, a determiner, a particle or an adverb of place or time.
SITE_ACTION_OBJECTS = frozenset(
    """a all an any at back for from here in more now on online our out the these this to today up us with
    your yours""".split()
)
# Finite verbs a short line is read by: auxiliaries, modals, copulas and their contractions.
FINITE_AUXILIARIES = frozenset(
    """am are is was were be been has have had do does did will would shall should can could may might must
    isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't wouldn't can't cannot
    couldn't shouldn't mustn't""".split()
)
SUBJECT_PRONOUNS = frozenset("i we you he she it they there".split())
# A price ("£18", "$2.50", "€40pp", "from 99p") and a clock time ("6.30pm", "18:00", "7pm").
PRICE = _compile(r"[£$€]\s?\d|\b\d+(?:\.\d\d)?p\b|\b\d+pp\b")
CLOCK_TIME = _compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b")
