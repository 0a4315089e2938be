"""The six discourse labels (ids fixed by docs/taxonomy.md) and what the learning page says of them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    id: str
    name: str
    test: str
    cues: tuple[str, ...]
    examples: tuple[str, ...]


LABELS: tuple[Label, ...] = (
    Label(
        "sourced_argument",
        "Sourced argument",
        "Reasoning that the text attributes to a named expert or publication.",
        (
            "a named person with a credential or a journal (“wrote in the Journal of Democracy that”)",
            "reporting verbs of argument: argued, wrote, concluded, “the duo say it’s plausible”",
            "a direct quotation of the expert",
            "causal connectives inside the attribution: “because”, “as a result”",
            "continuation sentences: “They argued…”, “The pair continued:”",
        ),
        (
            "Robert Person and Michael McFaul wrote in the Journal of Democracy that President Putin did this "
            "because he believed Russian national interests were being threatened…",
            "They argued that President Putin believes in spheres of influence…",
        ),
    ),
    Label(
        "attributed_claim",
        "Attributed claim",
        "An assertion reported as someone’s claim, usually an interested party’s, that the text does not establish.",
        ("“has claimed”, “insists”, “alleges”", "a quoted justification by a party to the story"),
        ("President Putin has claimed Russia is waging war to “demilitarise and de-Nazify Ukraine”…",),
    ),
    Label(
        "reported_fact",
        "Reported fact",
        "Checkable information stated without evaluation, with or without a named data source.",
        (
            "figures and dates",
            "“according to data from the United Nations”",
            "hedged estimates: “is estimated”, “no exact figure has been confirmed”",
        ),
        (
            "According to data from the United Nations (UN) nearly four million people have fled into "
            "neighbouring countries…",
        ),
    ),
    Label(
        "editorial_framing",
        "Editorial framing",
        "The outlet’s own evaluative voice: it tells the reader what to think without a source.",
        (
            "loaded labels (“despot”)",
            "rhetorical questions (“So, could…?”)",
            "unsourced generalisations (“many people”) and speculation",
            "parallels drawn by the writer (“Just as … now”)",
            "a borrowed quoted phrase inside the writer’s own conclusion",
        ),
        (
            "So, could the Russian President have invaded Ukraine partly out of fear he was losing the country "
            "from his sphere of influence?",
            "But after eight years of “unrelenting Russian pressure”, Ukrainian failed to break.",
        ),
    ),
    Label(
        "headline_teaser",
        "Headline teaser",
        "Text whose job is to win a click: headlines, captions, cross-promotional links.",
        (
            "a curiosity gap (“What X fears most”, “key insight”)",
            "capitals for emphasis (“LEAVES”, “OWN”)",
            "bracket tags: [INSIGHT], [JUST IN], [ANALYSIS]",
            "truncated text and sensational compounds (“Stalin-style”)",
        ),
        (
            "What Vladimir Putin fears most – key insight into mind of Russian despot",
            "Putin mutiny as ‘highest-level official’ steps down and LEAVES Russia [INSIGHT]",
        ),
    ),
    Label(
        "boilerplate",
        "Boilerplate",
        "Site furniture unrelated to the story.",
        ("sign-up, consent and advertising notices", "“More info”", "“Source: Read Full Article”"),
        ("We use your sign-up to provide content in ways you’ve consented to…", "Source: Read Full Article"),
    ),
)

LABEL_IDS: tuple[str, ...] = tuple(label.id for label in LABELS)
LABELS_BY_ID: dict[str, Label] = {label.id: label for label in LABELS}
CORE_LABEL_IDS: tuple[str, ...] = ("sourced_argument", "editorial_framing", "headline_teaser")


def label_name(label_id: str) -> str:
    """The human name of a label id (the id itself if unknown)."""
    label = LABELS_BY_ID.get(label_id)
    return label.name if label else label_id
