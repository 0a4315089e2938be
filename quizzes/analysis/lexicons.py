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


def _words(*items: str) -> str:
    return r"\b(?:" + "|".join(items) + r")\b"


def _lexicon(name: str, pattern: str, reason: str, weight: float = 1.0, flags: int = 0) -> Lexicon:
    return Lexicon(name, re.compile(pattern, flags), reason, weight)


# --- who is speaking --------------------------------------------------------------------

# Verbs that attribute words or reasoning to someone whatever follows them.
ATTRIBUTION_VERBS = re.compile(
    _words(
        "said", "says", "say", "saying", "told", "tells", "wrote", "writes", "argued", "argues", "argue",
        "concluded", "concludes", "contends?", "contended", "explained", "explains", "warned", "warns",
        "points? out", "pointed out", "predicted", "predicts", "cautioned", "insists?", "insisted",
        "has claimed", "have claimed", "claimed", "is claiming", "alleges", "has alleged", "tweeted",
        "refers to", "calls (?:this|it|that|them|him|her)", "called (?:this|it|that|them|him|her)",
        "according to",
    )
)
# Verbs that only attribute when "that", a colon, a comma or a quotation follows ("He added that").
MARKED_ATTRIBUTION_VERBS = re.compile(
    _words("added", "adds", "continued", "continues", "noted", "notes", "found", "finds", "stated", "states",
           "suggested", "suggests", "observed", "observes", "maintained", "maintains", "believes")
    + r"(?=\s*(?:that\b|:|,|“|\"|\.|$))"
)
# Verbs by which an interested party asserts something the text does not establish.
CLAIM_VERBS = re.compile(
    _words("has claimed", "have claimed", "claimed", "is claiming", "insists?", "insisted", "alleges",
           "has alleged", "tweeted", "boasted", "vowed", "denied", "accused")
)
PLURAL_REFERENCE = re.compile(
    _words("They", "they", "[Tt]he pair", "[Tt]he duo", "[Tt]he two", "[Tt]he authors", "[Tt]he researchers",
           "[Tt]he scholars", "[Tt]he academics", "[Tt]he historians", "[Tt]he experts", "[Bb]oth")
)
SINGULAR_REFERENCE = re.compile(_words("He", "he", "She", "she"))
WORK_REFERENCE = re.compile(_words("It", "it", "[Tt]he book", "[Tt]he study", "[Tt]he paper", "[Tt]he report"))
# Subjects that are data, not speakers ("polls suggest").
DATA_SUBJECT = re.compile(_words("polls?", "data", "figures", "statistics", "surveys?", "census", "records"), re.I)

# A credential, institution or scholarly publication marks a speaker as an expert.
EXPERT_MARKERS = (
    _lexicon(
        "credential",
        _words("professors?", "historians?", "scholars?", "academics?", "researchers?", "scientists?",
               "economists?", "analysts?", "sociologists?", "psychologists?", "psychiatrists?",
               "epidemiologists?", "statisticians?", "demographers?", "lecturers?", "experts?",
               "specialists?", "co-authors?", "fellow at", "chief (?:medical|scientific) (?:officer|advis[eo]r)",
               "medical officer", "chief scientist", "scientific advis[eo]rs?", "physicians?"),
        "an expert's credential: '{m}'",
        flags=re.I,
    ),
    _lexicon(
        "institution",
        _words("University", "College", "Institute", "Journal of", "Faculty of", "School of", "Centre for",
               "Center for", "Academy of", "Laborator(?:y|ies)", "Think tank"),
        "a university, journal or research body: '{m}'",
    ),
    _lexicon("title", r"\b(?:Dr|Prof|Professor)\.?\s+[A-Z]", "an academic title: '{m}'"),
    _lexicon(
        "publication",
        _words("journal", "study published", "peer-reviewed", "in (?:a|their|his|her) (?:book|paper|study)"),
        "a scholarly publication: '{m}'",
        flags=re.I,
    ),
)
PUBLISHED_WORK = re.compile(r"((?:[A-Z][\w’'-]*[\s:]+(?:(?:or|and|of|for|the|a)\s+)?){1,8})(?:was|were|is) published")

# A run of capitalised words: the name of a person, a body or a work.
NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Dame|Sir)\.?\s+)?[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|[A-Z]\.))*")
# Ordinary words that open sentences with a capital; not names.
SENTENCE_OPENERS = frozenset(
    "however meanwhile instead still yet also then now last this that these those but and amid during despite "
    "although though while when since after before in on at as for from to with without under over unless if so "
    "one some many most all few every each only even such what why how who where there here it its their his her "
    "our your my not no yes later earlier today yesterday tomorrow first second finally indeed thus hence".split()
)
NAME_STOPWORDS = frozenset(
    "The A An In On At As To For From And But So If When While Since After Before He She They It We I This That "
    "Mr Mrs Ms Dr Prof Professor Dame Sir President Sen Senator Vice University College Institute Journal "
    "Faculty School Centre Center Department Of".split()
)

# --- the writer's own voice ---------------------------------------------------------------

FACT_MARKERS = (
    _lexicon("figure", r"[£$€]\s?\d|\d[\d,.]*\s?(?:%|per ?cent|bn|m\b)?", "a figure: '{m}'"),
    _lexicon(
        "number word",
        _words("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty",
               "hundreds?", "thousands?", "millions?", "billions?", "half-dozen", "dozens?"),
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
        "data source",
        _words("according to", "data (?:from|show)", "figures", "statistics", "survey", "polls?", "census",
               "announced", "reported", "published", "(?:is|are|was|were) estimated", "estimates?",
               "confirmed", "average", "rate", "total"),
        "checkable information or its source: '{m}'",
    ),
)
FRAMING_MARKERS = (
    _lexicon(
        "evaluative frame",
        r"\b(?:It is|It's|It was|it is|it's|That is|This is)\s+(?:\w+\s+)?(?:ironic|incredible|welcome|remarkable|"
        r"shameful|absurd|outrageous|obvious|striking|telling|astonishing|extraordinary|sad|tragic|disgraceful|"
        r"time|a cop-out|a scandal|a disgrace)\b",
        "the writer tells you what to think: '{m}'",
        2.0,
    ),
    _lexicon(
        "evaluative word",
        _words("rightly", "wrongly", "sadly", "fortunately", "unfortunately", "ironically", "ironic", "incredibl[ey]",
               "shocking(?:ly)?", "staggering(?:ly)?", "disastrous(?:ly)?", "disasters?", "disgrace(?:ful)?",
               "scandal(?:ous)?", "outrageous", "appalling", "absurd(?:ly)?", "ridiculous", "pathetic", "shameful",
               "shameless", "miserly", "scar(?:y|ier|iest)", "terrifying", "alarming(?:ly)?", "despot(?:ic)?",
               "dictator", "tyrant", "thugs?", "cronies", "cop-out", "misery", "so-called", "unrelenting", "relentless",
               "notorious", "infamous", "ruthless", "sinister", "seductive", "honeyed", "reckless", "cynical",
               "hypocritical", "hypocrisy", "sophomoric", "farce", "fiasco", "debacle", "catastroph(?:e|ic)",
               "lifesaving", "vital", "crucial", "welcome", "laudable", "admirable", "common sense", "makes sense",
               "no substitute", "can ill[- ]afford", "certainly", "clearly", "obviously", "of course", "undoubtedly",
               "surely", "for better or worse", "bad news", "good news", "sugar-coated", "\\w+-mongering"),
        "an evaluative or loaded word: '{m}'",
        1.5,
        re.I,
    ),
    _lexicon(
        "prescription",
        _words("should", "shouldn't", "should not", "must", "mustn't", "ought to", "has to", "have to",
               "need to", "needs to", "imperative", "requires?", "requiring"),
        "the writer says what ought to happen: '{m}'",
    ),
    _lexicon("writer's we", _words("we", "We", "us", "our", "Our", "ourselves"), "the writer speaks as 'we': '{m}'"),
    _lexicon(
        "generalisation",
        _words("many people", "most people", "some people", "everyone", "everybody", "not everyone", "nobody",
               "no one", "many believe", "some say"),
        "a sweeping claim with no source: '{m}'",
        1.5,
        re.I,
    ),
    _lexicon("parallel", _words("[Jj]ust as", "[Mm]uch like", "not unlike"), "the writer draws a parallel: '{m}'", 1.5),
    _lexicon(
        "speculation",
        _words("could", "might", "perhaps", "maybe", "possibly", "arguably", "presumably", "speculation"),
        "speculation: '{m}'",
        0.75,
    ),
    _lexicon(
        "steering opener",
        r"^(?:So,?\s|On the contrary|Of course|After all|Clearly|Surely|Indeed)",
        "the writer steers the argument: '{m}'",
    ),
)

# --- headlines, teasers and site furniture ------------------------------------------------

TEASER_MARKERS = (
    _lexicon("bracket tag", r"\[[A-Z][A-Z ]{1,24}\]", "a bracket tag that sells a link: '{m}'", 2.0),
    _lexicon(
        "teaser tag",
        r"^(?:Revealed|REVEALED|Exclusive|EXCLUSIVE|Watch|WATCH|Pictured|PICTURED|Breaking|BREAKING|Read more|"
        r"READ MORE|MORE|Related|RELATED|See also|SEE ALSO|Video|VIDEO|Live|LIVE|Insight|INSIGHT)\s*[:|–-]",
        "a tag written to win a click: '{m}'",
        2.0,
    ),
    _lexicon(
        "curiosity gap",
        r"^(?:What|Why|How|Who)\b[^.?!]{0,60}?\b(?:fears?|wants?|knows?|hides?|really|secretly|most)\b|"
        + _words("key insight", "the truth about", "you won't believe", "you need to know", "here's why",
                 "here is why", "[Hh]ere [Aa]re", "this is why", "the real reason", "secrets?", "inside the mind"),
        "a curiosity gap: '{m}'",
        2.0,
    ),
    _lexicon(
        "sensational word",
        _words("\\w+-style", "stunning", "jaw-dropping", "bombshell", "slams?", "shock", "horror", "fury",
               "meltdown", "savage(?:ly|s)?", "brutal"),
        "sensational wording: '{m}'",
    ),
    _lexicon("truncated", r"(?:\.\.\.|…)$", "the text is cut off to make you click: '{m}'"),
)
BOILERPLATE_MARKERS = (
    _lexicon(
        "site notice",
        _words("sign-up", "sign up", "signing up", "subscribe", "unsubscribe", "newsletter", "consent(?:ed)?",
               "cookies?", "privacy (?:policy|notice)", "terms (?:and conditions|of use|of service)",
               "Read Full Article", "Read more", "More info", "h/t", "hat tip", "All rights reserved", "Copyright",
               "Click here", "Follow us", "Share this (?:article|story)", "Advertisement", "Sponsored content",
               "Reporting by", "Editing by", "Additional reporting by")
        + r"|©|^Source:",
        "a website notice, not part of the news story: '{m}'",
        2.0,
        re.I,
    ),
)
# Words that mark a notice only next to a sentence that is plainly one.
BOILERPLATE_COMPANIONS = re.compile(
    _words("adverts?", "advertising partners", "3rd parties", "third parties", "our understanding", "at any time",
           "personalised"),
    re.I,
)
TERMINAL = re.compile(r"[.?!…][”’\"')\]]*$|[.?!][”’\"')\]]+\s*$")
