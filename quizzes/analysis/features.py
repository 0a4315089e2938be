"""Features of every passage for the trained model (``model.py``), read after the rules have run.

Three kinds, none of them topic words, so the model cannot memorise what an article is about:

- what the rules decided and why: their label and confidence, the speaker they found (expert,
  work, party; by attribution, pronoun or quotation), and which cue classes fire in the
  sentence (every named lexicon of ``lexicons.py`` plus the line patterns of page furniture);
- layout and context: position in the article, line alone, short line, end punctuation,
  capitals and digits, quotation marks, the rules' labels of the passages before and after,
  how much of the article the rules read as the writer's evaluation;
- a small bag of lowercase words and word pairs restricted to ``VOCABULARY``: English
  function words plus the words the analyzer's own lexicons are written in.

Features are a sparse ``{name: value}`` dict per passage; values are 0..1 (counts are capped).
"""

import re
from functools import lru_cache

from . import lexicons as lx
from .document import Document, Sentence
from .layout import TOP_BLOCK, has_finite_verb, line_tokens, site_action_line

_LEXICON_GROUPS = {
    "fact": lx.FACT_MARKERS,
    "framing": lx.FRAMING_MARKERS,
    "teaser": lx.TEASER_MARKERS,
    "notice": lx.BOILERPLATE_MARKERS,
    "expert": lx.EXPERT_MARKERS,
    "headline": (lx.HEADLINE_QUESTION, lx.HEADLINE_ADDRESS, lx.CAPTION_CUES),
}

# Patterns searched in the writer's own words (quotations blanked out).
_SEARCHED = {
    "attribution_verb": lx.ATTRIBUTION_VERBS,
    "marked_attribution_verb": lx.MARKED_ATTRIBUTION_VERBS,
    "claim_verb": lx.CLAIM_VERBS,
    "naming_verb": lx.NAMING_VERBS,
    "negated_report": lx.NEGATED_REPORT,
    "citation": lx.CITATION,
    "work_by": lx.WORK_BY,
    "affiliated_person": lx.AFFILIATED_PERSONS,
    "researchers_at": lx.RESEARCHERS_AT,
    "data_subject": lx.DATA_SUBJECT,
    "survey_subject": lx.SURVEY_SUBJECT,
    "published_work": lx.PUBLISHED_WORK,
    "notice_companion": lx.BOILERPLATE_COMPANIONS,
    "standfirst_cue": lx.STANDFIRST_CUES,
    "contact_role": lx.CONTACT_ROLE,
    "rating": lx.RATING,
    "plural_reference": lx.PLURAL_REFERENCE,
    "singular_reference": lx.SINGULAR_REFERENCE,
    "team_reference": lx.TEAM_REFERENCE,
}
# Patterns matched against the whole stripped line (furniture shapes).
_LINE = {
    "link_tag": lx.LINK_TAG,
    "byline": lx.BYLINE,
    "furniture_line": lx.FURNITURE_LINE,
    "dateline": lx.DATELINE,
    "timestamp": lx.TIMESTAMP,
    "social_line": lx.SOCIAL_LINE,
    "credit_line": lx.CREDIT_LINE,
    "end_marker": lx.END_MARKER,
    "furniture_heading": lx.FURNITURE_HEADING,
    "link_list_heading": lx.LINK_LIST_HEADING,
    "kicker_line": lx.KICKER_LINE,
    "pull_quote": lx.PULL_QUOTE,
    "update_note": lx.UPDATE_NOTE,
    "work_reference": lx.WORK_REFERENCE,
    "reference_entry": lx.REFERENCE_ENTRY,
    "chapter_marker": lx.CHAPTER_MARKER,
    "comment_handle": lx.COMMENT_HANDLE,
    "bare_link": lx.BARE_LINK,
    "numbered_item": re.compile(r"(?:\d{1,2}|#\d{1,2}|[a-z])[.)]\s+\S|\(\d{1,2}\)\s"),
    "labelled_line": re.compile(r"[A-Z][A-Za-z’' ]{1,20}:\s"),
    "speaker_turn": re.compile(r"[A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+){1,3}:\s"),
}
# Words in the rules' reasons that say which rule decided (headline, byline, footer, ...).
_REASON_KEYS = (
    "headline", "byline", "footer", "link", "caption", "pull-quote", "standfirst", "kicker", "notice",
    "end marker", "time stamp", "dateline", "credit", "share buttons", "press-release", "contact",
    "quotation", "points back", "introduced earlier", "study", "credential", "university", "claim",
    "someone's own view", "no source", "continues", "carries on", "argument attributed", "update note",
    "photo caption", "question", "very short sentence", "borrowed phrase", "capitals", "transcript turn",
    "reference list", "chapter marker", "nothing to sell", "names, dates", "navigation", "outside expert",
    "reader poll", "explainer", "exclamation", "publisher", "about the author",
    "verdict", "score line", "campaign banner", "fact-check", "reader's comment", "research publication",
    "gives the view", "introduces the words", "wire", "cut in two", "note about the writer",
    "interview turn", "reader's letter", "obituary", "separator", "signature", "section above", "described by a credential",
    "asks the reader to act", "'about' section", "sell the story",
)
# The section label of an opinion page near the top ("Opinion · Schools", "OUR VIEW | …", "Comment").
_OPINION_SECTION = re.compile(
    r"(?:^|[|·•›>]\s*)(?:Opinion|OPINION|Comment|COMMENT|Comment is free|Column|Columnists?|Editorial|EDITORIAL|Leader|"
    r"Our view|OUR VIEW|Viewpoint|Op-?[Ee]d|Review|REVIEW|Letters|Analysis|ANALYSIS|Blog|Perspective|Essay)\b(?!\s+\w+\s+\w)"
)
_OPINION_LINES = 6  # lines from the top where a section label sits
_ARROW_END = re.compile(r"[→»›>▶➔⟶↗]\s*$|\.\.\.$|…$")
_SYMBOL_START = re.compile(r"^[^\w\s“\"‘'(\[£$€]")
_SEPARATORS = re.compile(r"\s[|·•›>/]\s|\s{3,}|(?<=\S) {2}(?=\S)")

STOPWORDS = frozenset(
    """a about above after again against all also although am an and another any are as at be because been
    before being below between both but by can could did do does doing done down during each either else
    even ever every few for from further had has have having he her here hers herself him himself his how
    however i if in into is it its itself just least less like may me might more most much must my myself
    neither never no nor not now of off on once one only or other our ours out over own per perhaps quite
    rather same she should since so some still such than that the their theirs them themselves then there
    these they this those though through thus to too under until up upon us very was we were what when
    where whether which while who whom whose why will with within without would yet you your yours
    yourself""".split()
)

_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_LEXICON_WORD = re.compile(r"(?<![\\?])\b[a-z]{3,}\b")
_DIGIT = re.compile(r"\d")
MIN_PARAGRAPHS = 8  # paragraphs (lines); every training article has at least this many
_LONG_ARTICLE = MIN_PARAGRAPHS
_OPEN_QUOTE = re.compile(r"^[“\"‘]")
_CLOSE_QUOTE = re.compile(r"[”\"’][.,?!]?$")


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Function words plus every lowercase word the analyzer's lexicons are written in."""
    words = set(STOPWORDS)
    patterns = [lx.source_of(lex.pattern) for group in _LEXICON_GROUPS.values() for lex in group]
    patterns += [lx.source_of(p) for p in (*_SEARCHED.values(), *_LINE.values())]
    for pattern in patterns:
        words.update(_LEXICON_WORD.findall(pattern))
    return frozenset(words)


def _bucket(value: float, cap: float) -> float:
    return min(value, cap) / cap


def passage_features(document: Document) -> list[dict[str, float]]:
    """One feature dict per sentence of ``document``, after the rules have labelled it."""
    sentences = document.sentences
    count = len(sentences)
    paragraphs = document.paragraphs()
    paragraph_count = max(1, len(paragraphs))
    body_start = next((i for i, p in enumerate(paragraphs) if len(p) > 1 or len(p[0].words) > 30), 0)
    own = [s for s in sentences if s.label in ("reported_fact", "editorial_framing")]
    framing_share = sum(s.label == "editorial_framing" for s in own) / len(own) if own else 0.0
    rule_counts: dict[str, int] = {}
    for s in sentences:
        rule_counts[s.label or "none"] = rule_counts.get(s.label or "none", 0) + 1
    vocab = vocabulary()
    first_paragraph = sentences[0].passage.paragraph if sentences else 0
    cue_rows = [_cue_classes(s) for s in sentences]
    contact = [any(k.startswith("cue:notice:contact") for k in row) for row in cue_rows]
    top_lines = {id(s) for p in paragraphs[:_OPINION_LINES] for s in p}
    opinion_page = any(id(s) in top_lines and len(s.words) <= 8 and _OPINION_SECTION.search(s.text.strip()) for s in sentences)
    body_end = max((i for i, p in enumerate(paragraphs) if len(p) > 1 or len(p[0].words) > 30), default=paragraph_count)
    evaluative = sum(any(k.startswith("cue:framing:") for k in row) for s, row in zip(sentences, cue_rows) if s.label in ("reported_fact", "editorial_framing"))
    evaluative_share = evaluative / len(own) if own else 0.0
    features = []
    for index, sentence in enumerate(sentences):
        f: dict[str, float] = dict(cue_rows[index])
        f["rule=" + (sentence.label or "none")] = 1.0
        f["rule_confidence"] = sentence.confidence
        f["rule=" + (sentence.label or "none") + "*confidence"] = sentence.confidence
        if sentence.speaker:
            f["speaker=" + sentence.speaker.kind] = 1.0
            f["speaker_via=" + sentence.speaker.via] = 1.0
        _layout(sentence, index, sentences, paragraphs, paragraph_count, body_start, first_paragraph, f)
        for label, share in rule_counts.items():
            f["article_share_rule=" + label] = share / count
        f["article_framing_share"] = framing_share
        f["article_evaluative_share"] = evaluative_share
        _words(sentence, vocab, f)
        for step, side in ((-1, "prev"), (1, "next")):
            if 0 <= index + step < count and contact[index + step]:
                f[f"{side}_contact"] = 1.0
        paragraph = sentence.passage.paragraph - first_paragraph
        if paragraph_count >= _LONG_ARTICLE and paragraph > body_end:
            f["after_body"] = 1.0
        _shape(sentence, paragraph, f)
        if opinion_page:
            f["opinion_page"] = 1.0
            f["opinion_page*rule=" + (sentence.label or "none")] = 1.0
        features.append(f)
    return features


def _cue_classes(sentence: Sentence) -> dict[str, float]:
    f: dict[str, float] = {}
    plain = sentence.plain
    line = sentence.text.strip()
    for group, lexicons in _LEXICON_GROUPS.items():
        for lexicon in lexicons:
            hits = len(sentence.found(lexicon.pattern, 2))
            if hits:
                f[f"cue:{group}:{lexicon.name}"] = hits / 2
    for name, pattern in _SEARCHED.items():
        if pattern.search(plain):
            f["cue:" + name] = 1.0
    for name, pattern in _LINE.items():
        if pattern.match(line):
            f["line:" + name] = 1.0
    for cue in sentence.cues:
        reason = cue.reason.lower()
        for key in _REASON_KEYS:
            if key in reason:
                f["reason:" + key] = 1.0
    return f


def _layout(sentence, index, sentences, paragraphs, paragraph_count, body_start, first_paragraph, f):
    text = sentence.text
    line = text.strip()
    words = sentence.words
    n_words = len(words)
    paragraph = sentence.passage.paragraph - first_paragraph
    if paragraph_count >= _LONG_ARTICLE:
        f["position"] = index / max(1, len(sentences) - 1)
        f["paragraph_position"] = paragraph / paragraph_count
    if paragraph_count < _LONG_ARTICLE:
        f["short_article"] = 1.0  # a snippet: where a line sits says little about furniture
    else:
        if paragraph < body_start:
            f["before_body"] = 1.0
        # a line standing alone near the end (a prose paragraph there is the article's close)
        if sentence.paragraph_size == 1 and paragraph >= paragraph_count - 4:
            f["foot"] = 1.0
        if sentence.paragraph_size == 1 and paragraph_count - paragraph <= 1:
            f["last_line"] = 1.0
    f["paragraph_size"] = _bucket(sentence.paragraph_size, 6)
    if sentence.paragraph_size == 1:
        f["alone_on_line"] = 1.0
    own_paragraph = paragraphs[sentence.passage.paragraph - first_paragraph] if 0 <= paragraph < len(paragraphs) else [sentence]
    if own_paragraph and own_paragraph[0] is sentence:
        f["first_in_paragraph"] = 1.0
    f["words"] = _bucket(n_words, 60)
    for limit in (4, 8, 15, 25):
        if n_words <= limit:
            f[f"words<={limit}"] = 1.0
    if not lx.TERMINAL.search(text):
        f["no_end_punctuation"] = 1.0
    last = line.rstrip("”’\"')] ")[-1:] if line else ""
    if last in "?!:":
        f["ends_with=" + (last or "none")] = 1.0
        if last == "?" and sentence.paragraph_size == 1 and n_words <= 8:
            f["short_question_line"] = 1.0
    if words:
        f["capitalised_share"] = sum(w[0].isupper() for w in words) / n_words
        f["all_caps_share"] = sum(w.isupper() and len(w) > 1 for w in words) / n_words
    visible = sum(not c.isspace() for c in text) or 1
    f["digit_share"] = _bucket(len(_DIGIT.findall(text)) / visible, 0.3)
    if _DIGIT.search(text):
        f["has_digit"] = 1.0
    if lx.DATE_OR_TIME.search(text):
        f["has_date_or_time"] = 1.0
    if lx.READ_TIME.search(text):
        f["has_read_time"] = 1.0
    if _ARROW_END.search(line):
        f["ends_with_arrow"] = 1.0
    if _SYMBOL_START.match(line):
        f["starts_with_symbol"] = 1.0
    separators = len(_SEPARATORS.findall(text))
    if separators:
        f["separators"] = _bucket(separators, 3)
    for mark, name in (("|", "pipe"), ("·", "middle_dot"), ("•", "bullet"), ("@", "at_sign"), ("http", "url"), ("www.", "url"), ("©", "copyright")):
        if mark in text:
            f["char:" + name] = 1.0
    f["quoted_share"] = sentence.quoted
    if sentence.quotations:
        f["touches_quotation"] = 1.0
    if _OPEN_QUOTE.search(line):
        f["opens_with_quote"] = 1.0
    if _CLOSE_QUOTE.search(line):
        f["closes_with_quote"] = 1.0
    for step, side in ((-1, "prev"), (1, "next")):
        other_index = index + step
        if 0 <= other_index < len(sentences):
            other = sentences[other_index]
            f[f"{side}_rule=" + (other.label or "none")] = 1.0
            if other.passage.paragraph == sentence.passage.paragraph:
                f[f"{side}_same_paragraph"] = 1.0
            if other.paragraph_size == 1 and len(other.words) <= 20 and not lx.TERMINAL.search(other.text):
                f[f"{side}_short_line"] = 1.0
        else:
            f[f"{side}_none"] = 1.0
            # what the rules read in the page's first or last line (a bare headline, or site furniture)
            f[f"{side}_none*rule=" + (sentence.label or "none")] = 1.0


def _shape(sentence: Sentence, paragraph: int, f: dict[str, float]) -> None:
    """Line shapes of page furniture and promotion that need no phrase list: an imperative of a site action
    opening a short line, a short line with no finite verb, a label with a number, a price, a clock time,
    a capitalised tag opening a sentence ("BETA This is a new service"). The model weighs them; no rule reads them."""
    line = sentence.text.strip()
    tokens = line_tokens(line)
    if not tokens or len(tokens) > 15:
        return
    short = len(tokens) <= 8
    outside_top = paragraph >= TOP_BLOCK
    # "Update your details", "Give to the university", "Report a product safety problem"
    if site_action_line(line, max_words=len(tokens)):
        f["shape:site_action"] = 1.0
        if short:
            f["shape:site_action*short"] = 1.0
    finite = has_finite_verb(tokens)
    capitalised = sum(token[0].isupper() for token in tokens) / len(tokens)
    if finite and len(tokens) >= 5 and capitalised >= 0.6 and sentence.paragraph_size == 1 and not _SEPARATORS.search(line):
        f["shape:title_case_headline"] = 1.0  # "Here Are The Conservatives The Establishment Has Blacklisted"
    if not finite:
        f["shape:verbless"] = 1.0
        if short:
            f["shape:verbless*short"] = 1.0
            if outside_top:
                f["shape:verbless*short*outside_top"] = 1.0
            if lx.TERMINAL.search(sentence.text):
                f["shape:verbless*short*full_stop"] = 1.0
        if len(tokens) <= 6 and tokens[-1][0].isdigit():
            f["shape:label_number"] = 1.0  # "Class of 2009", "Platform 4", "Route 66"
    if lx.PRICE.search(line):
        f["shape:price"] = 1.0
        if not finite:
            f["shape:price*verbless"] = 1.0
    if lx.CLOCK_TIME.search(line):
        f["shape:clock_time"] = 1.0
    if len(tokens) > 2 and tokens[0].isupper() and 2 <= len(tokens[0]) <= 8 and tokens[1][0].isupper() and not tokens[1].isupper():
        f["shape:caps_tag_open"] = 1.0  # "BETA This is a new service", "LIVE Council votes"


def _words(sentence: Sentence, vocab: frozenset[str], f: dict[str, float]) -> None:
    tokens = [t.replace("’", "'") for t in _WORD.findall(sentence.plain.lower())]
    kept = [t if t in vocab else None for t in tokens]
    for token in kept:
        if token:
            f["w:" + token] = 1.0
    for left, right in zip(kept, kept[1:]):
        if left and right:
            f[f"w2:{left}_{right}"] = 1.0
    if tokens and kept[0]:
        f["first_word:" + kept[0]] = 1.0
