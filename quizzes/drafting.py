"""Draft a balanced question set from an article's labelled passages. Flask-free.

``draft_question_set(text, title, passages, cue_marks)`` returns a document in the format of
``quizzes.question_sets`` (it validates with ``parse_question_set``):

1. hard cases first, at most two of each: a *borrowed quotation* (a short quotation inside a passage
   that is not sourced), a *late-named source* (a sourced passage whose attribution comes only at its
   end), a *continuation* (a sourced passage with no attribution of its own right after a sourced
   one) and *claim vs argument* (a party's claim beside an expert's argument);
2. one ``classify`` question for every label present, then more, round robin over the labels;
3. ``mark_words`` questions from the teacher's cue marks, when there are some;
4. one ``find_in_article`` question for every core label present.

Each question's explanation names the cue behind its key: the teacher's note on a marked cue, else
the analyzer's reason, else the label's one-line test.

Students see the article cut by ``quizzes.segmentation.segment``; ``find_in_article`` keys are
those sentences that lie wholly inside passages of the label, and a ``classify`` question on a
passage that is not one of those sentences quotes the passage in its prompt.
"""

import re
from dataclasses import dataclass, field

from .labels import CORE_LABEL_IDS, LABEL_IDS, LABELS_BY_ID, label_name
from .question_sets import FORMAT
from .questions.spans import merge_word_runs
from .segmentation import segment

SOURCED = ("sourced_argument", "attributed_claim")
MAX_PER_HARD_CASE = 2
MAX_CLASSIFY = 10
MAX_MARK_WORDS = 3
SHORT_QUOTE_WORDS = 8

_WORD = re.compile(r"\w")
_QUOTE = re.compile(r"[“\"‘]([^“”\"‘’\n]{2,200})[”\"’]")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|argued|argues|argue|wrote|writes|write|claimed|claims|claim|insisted|insists"
    r"|alleged|alleges|stated|states|concluded|concludes|believes|believe|believed|warned|warns|added|adds"
    r"|explained|explains|noted|notes|suggested|suggests|continued|according to|in the view of)\b",
    re.I,
)


@dataclass(frozen=True)
class CueSpan:
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class LabelledPassage:
    """A passage of the article with its label and the cues behind it (the analyzer's, if any)."""

    start: int
    end: int
    label: str
    cues: tuple[CueSpan, ...] = field(default_factory=tuple)
    confidence: float = 1.0


class DraftError(ValueError):
    """Nothing to draft from (no labelled passage)."""


def _span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _Drafter:
    def __init__(self, text: str, passages: list[LabelledPassage], cue_marks: list[CueSpan]):
        self.text = text
        self.passages = sorted(passages, key=lambda p: p.start)
        self.cue_marks = sorted(cue_marks, key=lambda c: (c.start, c.end))
        self.sentences = [(s.start, s.end) for s in segment(text)]
        self.sentence_set = set(self.sentences)
        self.used: set[tuple[int, int]] = set()
        self.questions: list[dict] = []

    # -- what a passage says about itself ---------------------------------------------------

    def words(self, p: LabelledPassage) -> str:
        return self.text[p.start:p.end]

    def marks_in(self, p: LabelledPassage) -> list[CueSpan]:
        return [c for c in self.cue_marks if p.start <= c.start and c.end <= p.end]

    def cues_in(self, p: LabelledPassage) -> list[CueSpan]:
        """The teacher's marks first, then the analyzer's cues."""
        return self.marks_in(p) + [c for c in p.cues if p.start <= c.start and c.end <= p.end]

    def explanation(self, p: LabelledPassage, lead: str = "") -> str:
        name = label_name(p.label)
        cues = [c for c in self.cues_in(p) if len(_WORD.findall(self.text[c.start:c.end])) >= 2]
        if cues:
            named = "; ".join(self.name_cue(c) for c in cues[:3])
            because = f"{name}: the cue is {named}." if len(cues) == 1 else f"{name}: the cues are {named}."
        else:
            because = f"{name}: {LABELS_BY_ID[p.label].test}" if p.label in LABELS_BY_ID else name
        return f"{lead} {because}".strip()

    def name_cue(self, cue: CueSpan) -> str:
        """The cue in words: the analyzer's reasons already quote it; a teacher's note does not."""
        words = self.text[cue.start:cue.end]
        reason = cue.reason.strip().rstrip(".")
        if words in reason:
            return reason
        return f"“{_quote(words, 60)}” ({reason})" if reason else f"“{_quote(words, 60)}”"

    def question_cues(self, p: LabelledPassage) -> list[dict]:
        spans, seen = [], set()
        for c in self.cues_in(p):
            if (c.start, c.end) not in seen and c.start < c.end:
                seen.add((c.start, c.end))
                spans.append(_span(self.text, c.start, c.end))
        return spans

    # -- hard cases -------------------------------------------------------------------------

    def borrowed_quotation(self, p: LabelledPassage) -> bool:
        if p.label in SOURCED:
            return False
        return any(len(m.group(1).split()) <= SHORT_QUOTE_WORDS for m in _QUOTE.finditer(self.words(p)))

    def late_named(self, p: LabelledPassage) -> bool:
        if p.label not in SOURCED:
            return False
        words = self.words(p)
        first = _ATTRIBUTION.search(words)
        return bool(first) and first.start() > len(words) / 2 and len(words) > 60

    def continuation(self, index: int) -> bool:
        p = self.passages[index]
        if index == 0 or p.label not in SOURCED or _ATTRIBUTION.search(self.words(p)):
            return False
        before = self.passages[index - 1]
        return before.label in SOURCED and not self.text[before.end:p.start].count("\n") > 2

    # -- questions --------------------------------------------------------------------------

    def classify(self, p: LabelledPassage, hard_case: str | None = None, lead: str = "") -> None:
        if p.start == p.end:
            return
        if (p.start, p.end) in self.sentence_set:
            prompt = {
                "borrowed_quotation": "This passage contains a quotation. Who is speaking? Pick its label.",
                "late_named_source": "Read the whole passage before you decide. Pick its label.",
                "continuation": "This passage names no source of its own. Read the sentence before it, then pick its label.",
            }.get(hard_case or "", "Who is speaking in the highlighted passage? Pick its label.")
        else:
            prompt = f"Who is speaking in this passage: “{_quote(self.words(p))}”? Pick its label."
        self.questions.append({
            "type": "classify", "prompt": prompt, "points": 1, "passage": _span(self.text, p.start, p.end),
            "key": {"choice": p.label}, "label": p.label, "hard_case": hard_case,
            "cues": self.question_cues(p), "explanation": self.explanation(p, lead),
        })
        self.used.add((p.start, p.end))

    def claim_vs_argument(self, claim: LabelledPassage, argument: LabelledPassage) -> None:
        pair = sorted((claim, argument), key=lambda p: p.start)
        options = [{"id": letter, "text": _quote(self.words(p), 300)} for letter, p in zip("ab", pair)]
        if options[0]["text"] == options[1]["text"]:
            return
        key = "a" if pair[0] is claim else "b"
        explanation = (
            f"The claim is a party’s assertion the article does not establish; the argument is reasoning "
            f"it attributes to an expert. {self.explanation(claim)} {self.explanation(argument)}"
        )
        self.questions.append({
            "type": "multiple_choice",
            "prompt": "One of these passages reports a claim by a party to the story, the other an expert’s argument. "
                      "Which one is the attributed claim?",
            "points": 1, "options": options, "key": {"choice": key}, "hard_case": "claim_vs_argument",
            "cues": self.question_cues(claim) + self.question_cues(argument), "explanation": explanation,
        })

    def mark_words(self, p: LabelledPassage) -> bool:
        marks = sorted({(c.start, c.end) for c in self.marks_in(p)})
        spans = merge_word_runs(marks, self.text, 0)  # touching marks become one phrase
        if not spans:
            return False
        notes = {(c.start, c.end): c.reason for c in self.marks_in(p)}
        named = "; ".join(
            f"“{self.text[s:e]}”" + (f" ({notes[(s, e)]})" if (s, e) in notes else "") for s, e in spans
        )
        count = len(spans)
        self.questions.append({
            "type": "mark_words",
            "prompt": f"Mark the {count} cue{'s' if count > 1 else ''} that show this passage is "
                      f"{label_name(p.label).lower()} (one short cue at a time).",
            "points": 1, "passage": _span(self.text, p.start, p.end), "label": p.label,
            "key": {"spans": [_span(self.text, s, e) for s, e in spans]},
            "cues": [_span(self.text, s, e) for s, e in spans],
            "explanation": f"{label_name(p.label)}: {named}.",
        })
        return True

    def find_in_article(self, label: str) -> None:
        keys = [s for s in self.sentences if self._sentence_label(s) == label]
        if not keys:
            return
        cues = [c for p in self.passages if p.label == label for c in self.question_cues(p)][:10]
        some = "; ".join(f"“{_quote(self.text[s:e], 60)}”" for s, e in keys[:3])
        self.questions.append({
            "type": "find_in_article",
            "prompt": f"Select every passage of the article that is {label_name(label).lower()}.",
            "points": 1, "label": label, "key": {"spans": [_span(self.text, s, e) for s, e in keys]},
            "cues": cues,
            "explanation": f"{label_name(label)}: {LABELS_BY_ID[label].test} There are {len(keys)}, among them {some}.",
        })

    def _sentence_label(self, sentence: tuple[int, int]) -> str | None:
        """The label of the passages that hold this sentence, if they all agree."""
        covering = [p for p in self.passages if p.start < sentence[1] and sentence[0] < p.end]
        labels = {p.label for p in covering}
        inside = covering and covering[0].start <= sentence[0] and covering[-1].end >= sentence[1]
        return labels.pop() if inside and len(labels) == 1 else None

    # -- the set ----------------------------------------------------------------------------

    def draft(self) -> None:
        hard = {"borrowed_quotation": [], "late_named_source": [], "continuation": []}
        for index, p in enumerate(self.passages):
            if self.borrowed_quotation(p):
                hard["borrowed_quotation"].append(p)
            elif self.late_named(p):
                hard["late_named_source"].append(p)
            elif self.continuation(index):
                hard["continuation"].append(p)
        leads = {
            "borrowed_quotation": "A quotation does not make a passage sourced: here the writer borrows the words.",
            "late_named_source": "The source is named only at the end of the passage.",
            "continuation": "The passage carries on the attribution of the sentence before it.",
        }
        for case, found in hard.items():
            for p in found[:MAX_PER_HARD_CASE]:
                self.classify(p, case, leads[case])
        claims = [p for p in self.passages if p.label == "attributed_claim"]
        arguments = [p for p in self.passages if p.label == "sourced_argument"]
        for claim, argument in list(zip(claims, arguments))[:MAX_PER_HARD_CASE]:
            self.claim_vs_argument(claim, argument)

        by_label = {label: [p for p in self.passages if p.label == label] for label in LABEL_IDS}
        for label in by_label:  # prefer sentences students see highlighted, then confident labels
            by_label[label].sort(key=lambda p: ((p.start, p.end) not in self.sentence_set, -p.confidence, p.start))
        classified = sum(1 for q in self.questions if q["type"] == "classify")
        present = [label for label in LABEL_IDS if by_label[label]]
        asked = {q.get("label") for q in self.questions if q["type"] == "classify"}
        rounds = 0
        while classified < MAX_CLASSIFY and rounds < len(self.passages):
            added = False
            for label in present:
                if rounds == 0 and label in asked:
                    continue
                candidate = next((p for p in by_label[label] if (p.start, p.end) not in self.used), None)
                if candidate is not None and classified < MAX_CLASSIFY:
                    self.classify(candidate)
                    classified += 1
                    added = True
            rounds += 1
            if not added and rounds > 1:
                break

        marked = 0
        for p in self.passages:
            if marked < MAX_MARK_WORDS and self.mark_words(p):
                marked += 1
        for label in CORE_LABEL_IDS:
            if by_label[label]:
                self.find_in_article(label)


def draft_question_set(text: str, title: str, passages: list[LabelledPassage],
                       cue_marks: list[CueSpan] = ()) -> dict:
    """A question-set document drafted from ``passages`` (each with a label) and the teacher's ``cue_marks``."""
    labelled = [p for p in passages if p.label in LABEL_IDS and 0 <= p.start < p.end <= len(text)]
    if not labelled:
        raise DraftError("Label some passages (or ask for suggestions and use them) before drafting a quiz.")
    drafter = _Drafter(text, labelled, [c for c in cue_marks if 0 <= c.start < c.end <= len(text)])
    drafter.draft()
    present = sorted({p.label for p in labelled}, key=LABEL_IDS.index)
    return {
        "format": FORMAT,
        "title": f"Who is speaking? {title}".strip()[:200],
        "description": "A draft built from the labelled passages: "
                       + ", ".join(label_name(label) for label in present) + ".",
        "article": {"title": title},
        "questions": drafter.questions,
    }
