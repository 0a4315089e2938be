"""Labels that come from where a line sits: headline, standfirst and captions at the top, link
lines between paragraphs, site notices and publication furniture (press-release footers,
bylines, disclosures, credits)."""

import re

from .document import Document, Sentence
from .lexicons import (
    LETTER_OPENING,
    ATTRIBUTION_VERBS,
    BARE_LINK,
    CHAPTER_MARKER,
    COMMENT_HANDLE,
    CLAIM_VERBS,
    DATE_OR_TIME,
    FACT_MARKERS,
    FINITE_AUXILIARIES,
    PRICE,
    FRAMING_MARKERS,
    META_SEPARATOR,
    NAV_SEPARATOR,
    READ_TIME,
    REFERENCE_ENTRY,
    BOILERPLATE_COMPANIONS,
    BOILERPLATE_MARKERS,
    BOX_HEADING,
    FOOT_HEADING,
    BYLINE,
    CAPTION_CUES,
    CONTACT_ROLE,
    CREDIT_LINE,
    DATELINE,
    END_MARKER,
    SITE_ACTION_OBJECTS,
    SITE_ACTION_VERBS,
    FURNITURE_HEADING,
    FURNITURE_LINE,
    HEADLINE_ADDRESS,
    HEADLINE_QUESTION,
    KICKER_LINE,
    LINK_LIST_HEADING,
    LINK_TAG,
    PULL_QUOTE,
    SOCIAL_LINE,
    STANDFIRST_CUES,
    SUBJECT_PRONOUNS,
    TAGLINE,
    TEASER_MARKERS,
    TERMINAL,
    TIMESTAMP,
    UPDATE_NOTE,
)
from .result import Cue
from .voice import framing_cues

_CAPITALS = re.compile(r"\b[A-Z]{2,}(?:['’][A-Z]{1,2})?\b")
_FUNCTION_WORDS = frozenset(
    "this that these those own all not now what why how who never ever only more most must will here there "
    "you your they their his her him its our out off over after before into from with just first last "
    "again still even every real truth don't won't can't didn't isn't doesn't yet too".split()
)
_SECTION_LABEL = re.compile(r"^[A-Z][A-Z’' ]{1,24}\s*[|:]\s")
_ENGLISH_ENDING = re.compile(r"(?:ING|ED|ES|LY|OUS|FUL)$")
_SHORT_ENDING = re.compile(r"[^AEIOU](?:ING|IED|ED)$")
_PHOTO_CREDIT = re.compile(r"^(?:Photograph|Photo|Image|Picture|Illustration)s?(?: credit)?: |(?:Getty Images|Shutterstock|Alamy|/[A-Z][A-Za-z]+)\.?$")
_HEADLINE_WORDS = 20
# A line that points to a published work ("Journal reference: …, DOI: 10.5555/…"): checkable, not a link to sell.
_REFERENCE_TO_WORK = re.compile(r"\b(?:doi|DOI)\b|\b10\.\d{4,}/")
# A signpost question heading a section of a question-and-answer explainer ("What happens next?").
_SIGNPOST = re.compile(r"^(?:What|Why|How|When|Who|Where|Which)\b[^?]{0,60}\?$")
_LINK_PARAGRAPH_WORDS = 40
_FOOT = 4  # paragraphs from the end where credit lines sit
BOILERPLATE = "boilerplate"
TEASER = "headline_teaser"


def label_layout(document: Document) -> None:
    """Decide the sentences whose position or furniture settles their label."""
    vocabulary = _vocabulary(document)
    kickers = _label_kickers(document) | _label_score_lines(document)
    _label_link_paragraphs(document, vocabulary)
    _label_link_lists(document)
    kickers |= _label_banners(document, vocabulary)
    _label_boilerplate(document)
    _label_top(document, vocabulary, kickers)
    _label_pull_quotes(document)
    _label_teaser_lines(document, vocabulary)
    _label_captions_and_updates(document)
    _label_signposts(document)


def emphasis_capitals(sentence: Sentence, lowercase_vocabulary: set[str]) -> list[Cue]:
    """Ordinary words written in capitals for emphasis ("LEAVES", "OWN"), not acronyms ("NATO")."""
    cues = []
    label = _SECTION_LABEL.match(sentence.plain)  # "OUR VIEW | …", "COMMENT: …": a section label, not emphasis
    for match in _CAPITALS.finditer(sentence.plain):
        word = match.group()
        if label and match.end() <= label.end():
            continue
        if len(word) < 3:
            continue
        lower = word.lower().replace("’", "'")
        if (
            lower in _FUNCTION_WORDS
            or lower in lowercase_vocabulary
            or (len(word) >= 5 and _ENGLISH_ENDING.search(word))
            or (len(word) == 4 and _SHORT_ENDING.search(word))
        ):
            cues.append(sentence.cue(match.start(), match.end(), f"an ordinary word in capitals for emphasis: '{word}'"))
    return cues


def _teaser_cues(sentence: Sentence, vocabulary: set[str]) -> list[Cue]:
    cues = [cue for lexicon in TEASER_MARKERS for cue in sentence.matches(lexicon)]
    return cues + emphasis_capitals(sentence, vocabulary)


def _vocabulary(document: Document) -> set[str]:
    return {word for word in re.findall(r"\b[a-z]{3,}\b", document.text[:200_000])}


def lowercase_vocabulary(document: Document) -> set[str]:
    """The words the article writes in lower case (for telling emphasis from acronyms)."""
    return _vocabulary(document)


def _is_line(sentence: Sentence) -> bool:
    """A paragraph of one short sentence with no closing punctuation: a headline, caption or link."""
    return (
        sentence.paragraph_size == 1
        and len(sentence.words) <= _HEADLINE_WORDS
        and not TERMINAL.search(sentence.text)
    )


def _whole(sentence: Sentence, reason: str) -> list[Cue]:
    return [sentence.cue(0, len(sentence.text), reason)]


# --- links to other articles ---------------------------------------------------------------

def _label_link_paragraphs(document: Document, vocabulary: set[str]) -> None:
    """A short paragraph opened by a link tag ("Read more: …", "Related: …", "[WATCH] …") names
    another article: every sentence of it is one teaser, even when the segmenter split it."""
    for paragraph in document.paragraphs():
        first = paragraph[0]
        tag = LINK_TAG.match(first.text) or re.match(r"\[[A-Z][A-Z ]{1,24}\]", first.text)
        if not tag or len(paragraph) > 3 or sum(len(s.words) for s in paragraph) > _LINK_PARAGRAPH_WORDS:
            continue
        if _section_label(document, first):
            continue  # "Opinion | Courts and justice" over the headline: the page's section, not a link
        for sentence in paragraph:
            if sentence is first:
                cues = [first.cue(tag.start(), tag.end(), _tag_reason(tag.group().strip()))]
            else:
                cues = _whole(sentence, "the rest of a link to another article, split in two")
            sentence.decide(TEASER, 0.9, cues + emphasis_capitals(sentence, vocabulary))
        if _POLL_TAG.match(first.text):
            _label_poll_answers(document, paragraph[-1])


# Tags that sell the story itself ("Revealed:", "EXCLUSIVE:", "Pictured:"), not a way to another page.
_SELLING_TAG = re.compile(r"\W*(?:Exclusive|EXCLUSIVE|Breaking|BREAKING|Live|LIVE|Pictured|PICTURED|[A-Z][a-z]+ed|[A-Z]{3,}ED)\b")


def _tag_reason(tag: str) -> str:
    if _SELLING_TAG.match(tag):
        return f"a tag written to sell the story ('exclusive', 'revealed'): '{tag}'"
    return f"a tag that links to another article: '{tag}'"


_POLL_TAG = re.compile(r"^\W{0,3}\s*(?:Poll|POLL|Quiz|QUIZ|Vote|VOTE)\s*[:|–—-]\s")


def _section_label(document: Document, sentence: Sentence) -> bool:
    """A section label of the page above the headline ("Opinion | Courts and justice", "News | Local"):
    a section word, a bar and a few words of navigation, unpunctuated, among the first three lines."""
    text = sentence.text.strip()
    if not any(paragraph[0] is sentence for paragraph in document.paragraphs()[:3]):
        return False
    if "|" not in text or TERMINAL.search(text) or text.endswith(("?", "!")):
        return False
    segments = [seg for seg in NAV_SEPARATOR.split(text) if seg.strip()]
    return 2 <= len(segments) <= 4 and all(len(seg.split()) <= 3 for seg in segments)


def _label_poll_answers(document: Document, question: Sentence) -> None:
    """The answer buttons under a reader poll ("POLL: Should X go?" over "Yes" / "No, keep him"):
    short lines of their own, one per answer, that are part of the page's widget, not the story."""
    sentences = document.sentences
    index = sentences.index(question) + 1
    answers = 0
    while index < len(sentences) and answers < 6:
        line = sentences[index]
        if line.label or line.paragraph_size != 1 or len(line.words) > 8 or line.text.rstrip().endswith("?"):
            break
        line.decide(BOILERPLATE, 0.8, _whole(line, "an answer button of a reader poll: part of the page, not the story"))
        answers += 1
        index += 1


# --- site notices and publication furniture ------------------------------------------------

def _label_boilerplate(document: Document) -> None:
    paragraphs = document.paragraphs()
    for paragraph in paragraphs:
        marked = {
            id(s): cues
            for s in paragraph
            if not s.label and (cues := [c for lex in BOILERPLATE_MARKERS for c in s.matches(lex)])
        }
        if not marked:
            continue
        seen_notice = False
        for sentence in paragraph:
            if id(sentence) in marked:
                seen_notice = True
            if sentence.label:
                continue
            cues = marked.get(id(sentence)) or _companion_cues(sentence) or _link_text(sentence) or (_notice_tail(sentence) if seen_notice else [])
            if cues and len(sentence.words) <= 40:
                sentence.decide(BOILERPLATE, 0.95 if id(sentence) in marked else 0.8, cues)
    _label_furniture_lines(document, paragraphs)


def _link_text(sentence: Sentence) -> list[Cue]:
    """A few unpunctuated words inside a notice ("Learn more", "Manage settings"): its link text."""
    if len(sentence.words) <= 4 and not TERMINAL.search(sentence.text):
        return _whole(sentence, "link text belonging to the site notice around it")
    return []


def _notice_tail(sentence: Sentence) -> list[Cue]:
    """A very short sentence right after a notice in its paragraph ("Here's how it works."): its link."""
    if len(sentence.words) <= 5 and not re.search(r"\d", sentence.text) and not sentence.quotations:
        return _whole(sentence, "a short line that goes with the site notice just before it")
    return []


def _companion_cues(sentence: Sentence) -> list[Cue]:
    match = BOILERPLATE_COMPANIONS.search(sentence.plain)
    if not match:
        return []
    return [sentence.cue(match.start(), match.end(), f"part of a site notice next to it: '{match.group()}'")]


def _label_furniture_lines(document: Document, paragraphs: list[list[Sentence]]) -> None:
    """Whole-line furniture: end markers, footer headings and what sits under them, bylines,
    author bios, contact lines, datelines alone, credit lines at the foot, link text after a notice."""
    ended = False
    under_heading = False
    about = False  # inside an "About <organisation>" section: its standard self-description
    for index, paragraph in enumerate(paragraphs):
        first = paragraph[0]
        one_line = len(paragraph) == 1
        if one_line and len(first.words) <= 8 and FURNITURE_HEADING.match(first.text):
            first.decide(BOILERPLATE, 0.9, _whole(first, f"a footer heading (about the company, contacts): '{first.text}'"))
            under_heading, about = True, first.text.startswith("About ")
            continue
        if about:
            _decide_all(paragraph, 0.85, _ABOUT_SECTION)
            about = ended  # after the end marker the section runs to the next heading
            under_heading = False
            continue
        if ended:
            _decide_all(paragraph, 0.85, "after the end marker of a press release: notes, contacts, footers")
            continue
        if one_line and END_MARKER.match(first.text):
            first.decide(BOILERPLATE, 0.95, _whole(first, f"the end marker of a press release: '{first.text.strip()}'"))
            ended = True
            continue
        if under_heading:
            _decide_all(paragraph, 0.8, "under a footer heading (about the company, contacts)")
            under_heading = False
            continue
        if len(paragraph) <= 6 and sum(len(s.words) for s in paragraph) <= 60 and REFERENCE_ENTRY.match(first.text.strip()):
            _decide_all(paragraph, 0.85, "an entry in a reference list: where a source can be found, not the story")
            continue
        for sentence in paragraph:
            if sentence.label:
                continue
            reason = _furniture_reason(sentence, index, len(paragraphs), paragraphs)
            if reason:
                sentence.decide(BOILERPLATE, 0.85, _whole(sentence, reason))
    _label_reader_calls(paragraphs)
    _label_author_notes(paragraphs)
    _label_note_continuations(paragraphs)


_NAME_TOKENS = re.compile(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}")
_BIO_VERB = re.compile(r"\s*(?:(?:and|&) [A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}\s*)?,?\s*(?:is|was|are|were|has|have|writes|teaches|works|leads|chairs|runs)\b")


# A writer's bio at the foot, by the convention of newspapers and magazines: "<Full Name> is a
# <Paper> columnist", "... is a contributing editor at ...", "... is the author of <Book>".
_WRITER_BIO = re.compile(
    r"[A-Z][\w’'-]+(?: [A-Z][\w’'.-]+){1,3} (?:is|was) (?:a|an|the)\b[^.?!;]{0,60}?"
    r"\b(?:columnists?|contributors?|contributing (?:editor|writer)|correspondents?|commentators?|bloggers?|"
    r"freelance (?:writer|journalist)|(?:author|co-author) of)\b"
)


def _is_about_byline_name(sentence: Sentence, names: set[str]) -> bool:
    """The sentence opens with a name from the byline and goes on "is/was/writes …"."""
    opening = _NAME_TOKENS.match(sentence.text)
    return bool(opening) and opening.group().lower() in names and bool(_BIO_VERB.match(sentence.text, opening.end()))


def _label_author_notes(paragraphs: list[list[Sentence]]) -> None:
    """A note about the author at the foot ("Jane Roe is a history student.", "Jane Roe was head of
    X and now chairs Y."): a sentence that opens with the full name given in the byline at the top."""
    names, top = set(), 0
    for index, paragraph in enumerate(paragraphs[:8]):
        for sentence in paragraph:
            if sentence.label == BOILERPLATE:
                line = re.sub(r"^(?:.{0,40}?\b)?(?:[Bb]y|BY):?\s+", "", sentence.text.strip())
                for match in _NAME_TOKENS.finditer(line if not line.isupper() else line.title()):
                    names.add(match.group().lower())
                    top = index + 1
    for paragraph in paragraphs[max(len(paragraphs) * 3 // 5, 2):]:
        for sentence in paragraph:
            if sentence.label or sentence.quotations or len(sentence.words) > 45:
                continue
            if sentence.paragraph_size <= 2 and _WRITER_BIO.match(sentence.text):
                sentence.decide(BOILERPLATE, 0.8, _whole(sentence, "a note about the writer at the foot: who writes for the publication"))
    if not names:
        return
    for paragraph in paragraphs[:top + 2]:
        # the contributor line next to the byline ("Jane Roe is MP for X and chair of Y")
        sentence = paragraph[0]
        if len(paragraph) != 1 or sentence.label or sentence.quotations or len(sentence.words) > 30:
            continue
        if _is_about_byline_name(sentence, names):
            sentence.decide(BOILERPLATE, 0.8, _whole(sentence, "a note about the author, next to the byline"))
    for paragraph in paragraphs[max(len(paragraphs) - _FOOT, top + 2):]:
        for sentence in paragraph:
            if sentence.label or sentence.quotations or len(sentence.words) > 45:
                continue
            if _is_about_byline_name(sentence, names):
                sentence.decide(BOILERPLATE, 0.8, _whole(sentence, "a note about the author, named in the byline at the top"))


_PRONOUN_OPENER = re.compile(r"^(?:He|She|They|His|Her|Their)\b")


def _label_note_continuations(paragraphs: list[list[Sentence]]) -> None:
    """The rest of a note about the writer at the foot ("Jane Roe is a science writer. Her book on
    soil is published by X."): sentences after it in its paragraph that go on about the same person."""
    for paragraph in paragraphs[max(len(paragraphs) * 3 // 5, 2):]:
        for before, sentence in zip(paragraph, paragraph[1:]):
            if before.label != BOILERPLATE or not any("note about the" in c.reason for c in before.cues):
                continue
            if sentence.label or sentence.quotations or len(sentence.words) > 40 or not _PRONOUN_OPENER.match(sentence.text):
                continue
            sentence.decide(BOILERPLATE, 0.75, _whole(sentence, "the rest of the note about the writer at the foot"))


_CONTACT = next(lexicon for lexicon in BOILERPLATE_MARKERS if lexicon.name == "contact detail")
_READER_APPEAL = re.compile(r"\b(?:[Ll]et us know|[Tt]ell us|[Ee]-?mail (?:us|your)|[Ww]rite to us|[Ss]end (?:us|your)|[Cc]omment below)\b")


def _label_reader_calls(paragraphs: list[list[Sentence]]) -> None:
    """A short question opening a line, right before a notice with contact details ("Are you at the
    count?" over "Email us at …", "Should X go? Let us know in the comments"): the outlet's call to
    readers, part of the notice."""
    for index, paragraph in enumerate(paragraphs):
        question = paragraph[0]
        if question.label or len(question.words) > 14 or not question.text.rstrip().endswith("?"):
            continue
        after = paragraph[1:] or (paragraphs[index + 1] if index + 1 < len(paragraphs) else [])
        if not after:
            continue
        if not all(s.label == BOILERPLATE for s in after):
            continue
        if any(s.matches(_CONTACT, limit=1) or _READER_APPEAL.search(s.plain) for s in after):
            question.decide(BOILERPLATE, 0.8, _whole(question, "a call to readers, just above the notice that says how to reply"))


_ABOUT_SECTION = "in an 'About' section at the foot: how the organisation describes itself every time"


def _decide_all(paragraph: list[Sentence], confidence: float, reason: str) -> None:
    for sentence in paragraph:
        if not sentence.label:
            sentence.decide(BOILERPLATE, confidence, _whole(sentence, reason))


# A rule of punctuation alone on its line ("___", "* * *", "———"): a separator of the page.
_SEPARATOR_LINE = re.compile(r"[_\-–—=*~·•#+\s]{3,}")
# A person's name alone on its line: two or three capitalised words ("Jane Roe", "Ann-Marie de Poe").
_NAME_LINE = re.compile(r"[A-Z][\w’'-]+(?: (?:de|van|von|da|del|di|le|la|bin|al))?(?: [A-Z][\w’'-]+){1,2}")
# A reader's sign-off under a letter: a first name and an initial or surname, a comma, a place.
_SIGNATURE_LINE = re.compile(r"[A-Z][a-z’'-]+(?: [A-Z][\w’'-]*\.?)?, [A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}")


# "Arthur Penhallow, CEng (retired), Upper Wexhallow", "Cllr Neil Ash, Cabinet Member for Environment, X Council"
_CREDITED_SIGNATURE = re.compile(
    r"(?:(?:Cllr|Councillor|Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Rev|Canon) )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}"
    r"(?:, [^,.;:!?]{2,50}){2,3}"
)
_TIME_WORDS = re.compile(r"\b(?:Updated|Published|Posted|Modified|Last updated|Release date|Released|Date|ago|GMT|BST|UTC|CET|ET|PT|EST|PST)\b|[,:|·•]")


def _credited_signature(text: str) -> bool:
    """A name, then two or three comma-separated parts (a role, a credential, a place), with no verb."""
    plain = re.sub(r"\([^()]*\)", " ", text)  # "(retired)" is a credential, not a verb
    return len(text.split()) <= 14 and bool(_CREDITED_SIGNATURE.fullmatch(text)) and not has_finite_verb(line_tokens(plain))


def _offer(text: str) -> bool:
    """An imperative of a site action opening a line that names a price ("Join from £2.95 a week …")."""
    tokens = line_tokens(text)
    return bool(tokens) and len(tokens) <= 30 and tokens[0][0].isupper() and tokens[0].lower() in SITE_ACTION_VERBS and bool(PRICE.search(text))


def _mostly_time(sentence: Sentence, text: str) -> bool:
    """A line that is dates, clock times, "… ago" and words like "Updated" or "GMT", with at most two other words."""
    if len(sentence.words) > 16 or not DATE_OR_TIME.search(text):
        return False
    rest = READ_TIME.sub(" ", DATE_OR_TIME.sub(" ", text))
    return len(line_tokens(_TIME_WORDS.sub(" ", rest))) <= 2


_SUBHEAD_WORDS = 5
_PROSE_WORDS = 20


def _prose(paragraph: list[Sentence]) -> bool:
    """A paragraph of running text: twenty words or more, ending on a full stop, question or quotation."""
    return sum(len(s.words) for s in paragraph) >= _PROSE_WORDS and bool(TERMINAL.search(paragraph[-1].text))


def _under_letter(paragraph: list[Sentence]) -> bool:
    """The paragraph above a sign-off: a letter's salutation, or prose of several finished sentences."""
    return bool(LETTER_OPENING.match(paragraph[0].text)) or (len(paragraph) >= 2 and bool(TERMINAL.search(paragraph[-1].text)))


def _date_or_byline(paragraph: list[Sentence]) -> bool:
    text = paragraph[0].text.strip()
    return len(paragraph) == 1 and bool(TIMESTAMP.match(text) or DATELINE.match(text) or BYLINE.match(text))


def _furniture_reason(sentence: Sentence, index: int, count: int, paragraphs: list[list[Sentence]]) -> str | None:
    text = sentence.text.strip()
    if sentence.paragraph_size == 1 and _SEPARATOR_LINE.fullmatch(text):
        return "a separator line of the page (punctuation alone), not part of the story"
    if _is_line(sentence) and len(sentence.words) <= 4 and _NAME_LINE.fullmatch(text) and (
        (index + 1 < count and _date_or_byline(paragraphs[index + 1])) or (index > 0 and _date_or_byline(paragraphs[index - 1]))
    ) and any(len(p[0].words) >= 5 for p in paragraphs[:index]):  # below a headline: a short headline is not a name
        return "the writer's name alone on a line next to the date or byline: a byline"
    if _is_line(sentence) and len(sentence.words) <= 6 and index > 0 and _SIGNATURE_LINE.fullmatch(text) and _under_letter(paragraphs[index - 1]):
        return "the signature under a reader's letter (name and place): page furniture"
    if _is_line(sentence) and index > 0 and _credited_signature(text) and _under_letter(paragraphs[index - 1]):
        return "the sign-off under a letter or statement (a name, then a role or place): page furniture"
    if sentence.paragraph_size == 1 and _offer(text):
        return "an offer with a price that asks the reader to act (join, subscribe, buy): page furniture"
    if sentence.paragraph_size == 1 and _mostly_time(sentence, text):
        return "a date, a time and a note of when the page was updated: page furniture"
    short = sentence.paragraph_size <= 2 and len(sentence.words) <= 30
    if short and BYLINE.match(text) and not ATTRIBUTION_VERBS.search(sentence.plain):
        return "a byline or a note about the author, not part of the story"
    if _is_line(sentence) and CONTACT_ROLE.search(text):
        return "a press contact's name and job, not part of the story"
    if sentence.paragraph_size == 1 and BOX_HEADING.match(text):
        return "the heading of a summary box on the page, not part of the story"
    if sentence.paragraph_size == 1 and FOOT_HEADING.match(text):
        return "a heading of the notes at the foot (funding, disclosures, further information), not the story"
    if sentence.paragraph_size == 1 and FURNITURE_LINE.match(text):
        return "a label of the page (release banner, embargo, standards, tags, show notes), not the story"
    if sentence.paragraph_size == 1 and DATELINE.match(text):
        return "a dateline or publication date on its own line"
    if _is_line(sentence) and TIMESTAMP.match(text):
        return "a time stamp or reading time on its own line"
    if _is_line(sentence) and COMMENT_HANDLE.match(text):
        return "the heading or the name line of readers' posts under the article: page furniture"
    if _is_line(sentence) and SOCIAL_LINE.match(text):
        return "share buttons, comment or share counts: page furniture"
    if sentence.paragraph_size == 1 and index >= count - _FOOT and CREDIT_LINE.match(text) and len(sentence.words) <= 6:
        return "a credit line at the foot of the article"
    if sentence.paragraph_size == 1 and len(sentence.words) <= 40 and REFERENCE_ENTRY.match(text):
        return "an entry in a reference list: where a source can be found, not the story"
    if _is_line(sentence) and BARE_LINK.match(text):
        return "link text with nothing to sell ('read more'): page furniture"
    if sentence.paragraph_size == 1 and len(sentence.words) <= 12 and CHAPTER_MARKER.match(text) and not _has_teaser_marker(sentence):
        return "a chapter marker of a recording (time and title): page furniture"
    reason = _meta_line(sentence, text) if sentence.paragraph_size == 1 and len(sentence.words) <= 30 else None
    if reason:
        return reason
    if index >= TOP_BLOCK and _is_line(sentence) and len(sentence.words) <= _SUBHEAD_WORDS and 0 < index < count - 1 and not _has_teaser_marker(sentence) \
            and _prose(paragraphs[index - 1]) and _prose(paragraphs[index + 1]):
        return "a short heading between paragraphs of the body: it signposts the page, it makes no claim"
    if index >= TOP_BLOCK and _is_line(sentence) and site_action_line(text) and not _has_teaser_marker(sentence):
        return "a short line that asks the reader to act on the site (an imperative with no story in it): page furniture"
    if _is_line(sentence) and len(sentence.words) <= 4 and index > 0 and not re.match(r"\W*\d", text) and not has_finite_verb(line_tokens(text)):
        before = paragraphs[index - 1]
        if all(s.label == BOILERPLATE for s in before):
            return "link text belonging to the site notice just above"
    return None


TOP_BLOCK = 3  # lines from the top: headline, standfirst, byline
_LINE_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d[\d,.]*")


def line_tokens(text: str) -> list[str]:
    """The words and numbers of a line, as the line-shape checks count them."""
    return _LINE_TOKEN.findall(text)


def has_finite_verb(tokens: list[str]) -> bool:
    """Whether a short line's words hold a finite verb: an auxiliary, a contraction, a past form after
    the first word (a first "Related", "Featured" is an adjective), or a subject pronoun before a word
    ("we wore", "it works")."""
    lower = [t.lower().replace("’", "'") for t in tokens]
    return any(
        t in FINITE_AUXILIARIES or t.endswith(("'s", "'re", "'ve", "'ll", "'d", "n't")) or (i > 0 and len(t) > 4 and t.endswith("ed"))
        for i, t in enumerate(lower)
    ) or any(a in SUBJECT_PRONOUNS and b.isalpha() for a, b in zip(lower, lower[1:]))


def site_action_line(text: str, max_words: int = 6) -> bool:
    """A short line opened by an imperative of a site action addressed to the reader ("Update your details",
    "Give to the appeal", "Report a problem"): the verb, then the reader, a determiner or a particle."""
    tokens = line_tokens(text)
    if not tokens or len(tokens) > max_words or not tokens[0][0].isupper():
        return False
    lower = [t.lower() for t in tokens]
    return lower[0] in SITE_ACTION_VERBS and (len(lower) == 1 or lower[1] in SITE_ACTION_OBJECTS)


def _has_teaser_marker(sentence: Sentence) -> bool:
    return any(sentence.matches(lexicon, limit=1) for lexicon in TEASER_MARKERS)


def _meta_line(sentence: Sentence, text: str) -> str | None:
    """A line cut into short segments by separators: a line of names, dates and reading times
    ("By X · 27 Nov 2026 · 4 min read") or of navigation and section labels ("Home > News")."""
    if _breadcrumb(sentence, text):
        return "a breadcrumb trail from the home page to this section: page furniture"
    if ATTRIBUTION_VERBS.search(sentence.plain) or text.endswith(("?", "!")):
        return None
    segments = [seg for seg in META_SEPARATOR.split(text) if seg.strip()]
    if len(segments) >= 2 and all(len(seg.split()) <= 10 for seg in segments) and any(
        DATE_OR_TIME.search(seg) or READ_TIME.search(seg) for seg in segments
    ):
        return "a line of names, dates and reading times above or below the article: page furniture"
    if TERMINAL.search(text):
        return None
    segments = [seg for seg in NAV_SEPARATOR.split(text) if seg.strip()]
    spaced = [seg for seg in re.split(r"\s{2,}", text) if seg.strip()]  # "News  Travel  Weather  Sport"
    if len(segments) < 2 and len(spaced) >= 4:
        segments = spaced
    if len(segments) >= 2 and all(len(seg.split()) <= 3 for seg in segments) and len(sentence.words) <= 15:
        return "navigation links or section labels: page furniture"
    return None


def _breadcrumb(sentence: Sentence, text: str) -> bool:
    """"Home › News › Weather explained", "Parents › Newsletters › Issue 9", "« Older post | Newer post »":
    a section's name may hold a reporting verb, so this is checked before anything reads the line's verbs."""
    segments = [seg for seg in NAV_SEPARATOR.split(text) if seg.strip()]
    trail = bool(re.match(r"(?:Home|HOME)\s*[|›»>/]", text)) or text.count("›") >= 2 or bool(re.match(r"[«‹←].*[|·].*[»›→]$", text))
    return (
        len(segments) >= 2 and trail and not TERMINAL.search(text)
        and all(len(seg.split()) <= 8 for seg in segments) and len(sentence.words) <= 24
    )


# --- headline, standfirst and captions -----------------------------------------------------

def _label_mastheads(document: Document, kickers: set[int]) -> None:
    """Lines above the headline that name the publication or the section: a short line in capitals
    ("THE QUADRANT", "OPINION"), a tagline ("The independent student newspaper of X since 1961"), or
    a name of one to three words over a longer unpunctuated line (the headline)."""
    sentences = [s for s in document.sentences if s.label != BOILERPLATE and id(s) not in kickers]
    for index, sentence in enumerate(sentences[:4]):
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if sentence.label or following is None or sentence.paragraph_size != 1 or following.passage.paragraph == sentence.passage.paragraph:
            return
        text = sentence.text.strip()
        if TERMINAL.search(text) or any(sentence.matches(lexicon, limit=1) for lexicon in TEASER_MARKERS):
            return
        words = len(sentence.words)
        if words <= 4 and text.isupper():
            reason = f"the name of the publication or section above the headline: '{text}'"
        elif words <= 3 and _SECTION_NAME.fullmatch(text):
            reason = f"the name of the section above the headline: '{text}'"
        elif words <= 20 and TAGLINE.search(text):
            reason = f"the publication's tagline under its name: '{text}'"
        elif words <= 3 and _longer_line_below(sentences, index, words + 2):
            reason = f"the name of the publication or section above the headline: '{text}'"
        elif words <= 12 and any(_ORGANISATION_NAME.fullmatch(part.strip()) for part in _NAME_PARTS.split(text)) and _longer_line_below(sentences, index, 3):
            reason = f"the name of the publisher above the headline: '{text}'"
        elif index == 0 and sentence is document.sentences[0] and words <= 5 and _ORGANISATION_NAME.fullmatch(text):
            reason = f"the name of the publication at the very top of the page: '{text}'"
        else:
            return
        sentence.decide(BOILERPLATE, 0.8, _whole(sentence, reason))


# The name of a newspaper section alone on a line above the headline ("Obituaries", "Money", "HEALTH").
_SECTION_NAME = re.compile(
    r"(?:News|Local news|World|UK|US|Politics|Business|Money|Personal finance|Sport|Sports|Opinion|Comment|Obituar(?:y|ies)|"
    r"Health|Science|Technology|Tech|Culture|Arts|Books|Lifestyle|Travel|Education|Environment|Letters|Features?|"
    r"Reviews?|Food|Motoring|Property|Farming|Weather|Life|Family|Jobs|Tributes)",
    re.I,
)
# A publisher's name in title case with an organisation or newspaper noun ("Ashgrove Institute for
# Public Finance", "The Wyford Echo").
_ORGANISATION_NAME = re.compile(
    r"(?:The )?(?:[A-Z][\w’'&-]*(?: (?:of|for|and|on|the|&))? ){0,4}"
    r"(?:Institute|Institution|Foundation|Centre|Center|Trust|Society|Council|University|College|Forum|Network|Observatory|"
    r"Laboratory|Lab|Academy|Review|Times|News|Post|Herald|Gazette|Echo|Courier|Chronicle|Journal|Telegraph|Mail|Express|"
    r"Standard|Tribune|Observer|Guardian|Ledger|Record|Press|Mirror|Star|Sun|Argus|Advertiser|Bulletin|Dispatch|Examiner|"
    r"Sentinel|Inquirer|Monitor|Week|Weekly|Daily|Magazine|Blog)(?: (?:of|for|on) (?:the )?[A-Z][\w’'&-]*(?: [A-Z][\w’'&-]*){0,2})?"
)


_NAME_PARTS = re.compile(r"\s*[|·•,–—]\s*")


def _longer_line_below(sentences: list[Sentence], index: int, words: int) -> bool:
    """A line of more than ``words`` words (the headline) comes within two lines below: past at most
    one other short label ("Planning")."""
    for following in sentences[index + 1:index + 3]:
        if following.paragraph_size != 1 or len(following.words) > _HEADLINE_WORDS:
            return False
        if len(following.words) > words and (_is_line(following) or following.text.rstrip().endswith("?")):
            return True
        if len(following.words) > 3 or TERMINAL.search(following.text):
            return False
    return False


def _label_top(document: Document, vocabulary: set[str], kickers: set[int]) -> None:
    _label_mastheads(document, kickers)
    sentences = [s for s in document.sentences if s.label != BOILERPLATE and id(s) not in kickers]
    if _two_beat_headline(sentences) or _split_headline(sentences, vocabulary):
        return
    if len(sentences) < 2 or sentences[0].paragraph_size != 1 or sentences[0].label:
        return
    headline = sentences[0]
    if not _looks_like_headline(headline, sentences[1]):
        return
    slug = _WIRE_SLUG.match(headline.text)
    if slug and not headline.matches(HEADLINE_QUESTION, limit=1):
        reason = f"a news agency's headline with its slug '{slug.group()}': agencies write plain headlines that report"
        headline.decide("reported_fact", 0.7, [headline.cue(0, len(headline.text), _HEADLINE_REASON), headline.cue(0, slug.end(), reason)])
        return
    teaser = (
        _teaser_cues(headline, vocabulary)
        + _exclamation(headline)
        + headline.matches(HEADLINE_QUESTION, limit=1)
        + (headline.matches(HEADLINE_ADDRESS, limit=1) if headline.quoted < 0.5 else [])
    )
    framing = framing_cues(headline)
    headline_cue = headline.cue(0, len(headline.text), _HEADLINE_REASON)
    if teaser:
        headline.decide(TEASER, 0.85, [headline_cue, *teaser])
    elif framing:
        headline.decide("editorial_framing", 0.6, [headline_cue, *framing])
    else:
        headline.decide("reported_fact", 0.6, [headline_cue])
    if _label_standfirst(document, headline):
        return
    for sentence in sentences[1:]:
        if sentence.label or not _is_line(sentence):
            break
        cues = _teaser_cues(sentence, vocabulary) + sentence.matches(CAPTION_CUES, limit=1)
        if not cues:
            break  # a standfirst or subhead: the writer's voice pass decides fact or framing
        sentence.decide(TEASER, 0.7, [sentence.cue(0, len(sentence.text), "a caption or link under the headline, written to draw a click"), *cues])


_HEADLINE_REASON = "the headline, at the top of the article"
# A news agency's slug before its headline: "UPDATE 3-", "REFILE-", "WRAPUP 1-".
_WIRE_SLUG = re.compile(r"^(?:UPDATE|REFILE|CORRECTED|WRAPUP|RPT|RECAST)(?: \d{1,2})?-(?=\S)")
_QUESTION_REASON = "a headline that opens a question"
_LABELLED_QUESTION_REASON = "a label, then a question"  # the start of the "labelled question" teaser cue


def _two_beat_headline(sentences: list[Sentence]) -> bool:
    """A headline of two short sentences on one line ("The beavers came back. Then the arguments
    started."): the second beat holds back the payoff to make you read on, a teaser."""
    if len(sentences) < 3 or sentences[0].label or sentences[1].label:
        return False
    first, second, after = sentences[:3]
    if first.paragraph_size != 2 or second.passage.paragraph != first.passage.paragraph or after.passage.paragraph == first.passage.paragraph:
        return False
    if len(first.words) > 8 or len(second.words) > 8 or first.quotations or second.quotations:
        return False
    for sentence in (first, second):
        reason = "a headline in two short beats: the second holds back the story to make you read on"
        sentence.decide(TEASER, 0.7, _whole(sentence, reason))
    return True


def _exclamation(sentence: Sentence) -> list[Cue]:
    text = sentence.text.rstrip("”’\"' ")
    if text.endswith("!") and not sentence.quotations:
        return [sentence.cue(len(text) - 1, len(text), "an exclamation mark in a headline: written to excite, not to inform")]
    return []


def _split_headline(sentences: list[Sentence], vocabulary: set[str]) -> bool:
    """A headline line the segmenter cut in two or three ("SHOUTED PART! rest of the headline"): with
    teaser cues anywhere in it (capitals for emphasis, an exclamation mark), every part is the teaser."""
    if not sentences or sentences[0].label or sentences[0].paragraph_size not in (2, 3):
        return False
    first = sentences[0]
    line = [s for s in sentences if s.passage.paragraph == first.passage.paragraph]
    rest = sentences[len(line):]
    if len(line) != first.paragraph_size or not rest or any(s.label for s in line):
        return False
    last = line[-1].text.rstrip()
    if sum(len(s.words) for s in line) > _HEADLINE_WORDS + 5 or (TERMINAL.search(last) and not last.endswith(("!", "?"))):
        return False
    cues = [cue for s in line for cue in _teaser_cues(s, vocabulary) + _exclamation(s)]
    if not cues:
        return False
    for sentence in line:
        own = [c for c in cues if sentence.start <= c.start < sentence.passage.end]
        sentence.decide(TEASER, 0.8, [sentence.cue(0, len(sentence.text), "the headline, at the top of the article, written to win a click"), *own])
    return True


def _looks_like_headline(first: Sentence, following: Sentence) -> bool:
    words = first.words
    if not words or len(words) > _HEADLINE_WORDS or following.passage.paragraph == first.passage.paragraph:
        return False
    capitalised = sum(word[0].isupper() for word in words) / len(words)
    return not TERMINAL.search(first.text) or first.text.rstrip().endswith("?") or capitalised >= 0.5 or len(words) <= 15


# --- teaser lines between paragraphs -------------------------------------------------------

def _label_teaser_lines(document: Document, vocabulary: set[str]) -> None:
    _label_split_link_lines(document, vocabulary)
    lines = [s for s in document.sentences if s.paragraph_size == 1 and not s.label and len(s.words) <= 30]
    for sentence in lines:
        cues = _teaser_cues(sentence, vocabulary)
        tagged = any(marker in cue.reason for cue in cues for marker in ("bracket tag", "tag written", _LABELLED_QUESTION_REASON))
        if tagged or (cues and (not TERMINAL.search(sentence.text) or _cliffhanger(sentence, cues))):  # up to 30 words: tabloid headlines run long
            sentence.decide(TEASER, 0.9 if tagged else 0.7, cues)
    for index, sentence in enumerate(document.sentences):
        if sentence.label or not _is_line(sentence) or _REFERENCE_TO_WORK.search(sentence.text) or _verdict(sentence):
            continue
        if _BULLET.match(sentence.text) and not _teaser_cues(sentence, vocabulary) and (
            any(sentence.matches(lexicon, limit=1) for lexicon in FACT_MARKERS[:2])
            or ATTRIBUTION_VERBS.search(sentence.plain) or CLAIM_VERBS.search(sentence.plain)
        ):
            continue  # a bullet-point summary under the headline: facts or claims, judged by the later passes
        neighbours = document.sentences[max(0, index - 1):index] + document.sentences[index + 1:index + 2]
        if any(n.label == TEASER and abs(n.passage.paragraph - sentence.passage.paragraph) == 1 and n.start > document.sentences[0].passage.end for n in neighbours):
            reason = "a short unpunctuated line among other promotional links"
            sentence.decide(TEASER, 0.6, [sentence.cue(0, len(sentence.text), reason)])


_BULLET = re.compile(r"^\s*[•▪◦‣●]\s+\S")
_SHOUT_END = re.compile(r"[!?][”’\"')\]]*$")


def _cliffhanger(sentence: Sentence, cues: list[Cue]) -> bool:
    """A line alone that stops mid-story ("… that got people talking…"), or shouts or presses the
    reader and exclaims or asks ("Bins not collected AGAIN - is it just us??", "Only 9 days left!"):
    punctuated, and still a teaser."""
    text = sentence.text.strip()
    if sentence.quoted >= 0.5:
        return False
    if any("cut off" in cue.reason for cue in cues):
        return True
    return bool(_SHOUT_END.search(text)) and any("capitals for emphasis" in cue.reason or "urgency" in cue.reason for cue in cues)


def _label_split_link_lines(document: Document, vocabulary: set[str]) -> None:
    """A link line the segmenter cut in two ("Who will win the Shield? Here's why our experts think
    it's a two-horse race"): a short line of two or three parts whose last part has no closing
    punctuation and whose parts carry a curiosity gap or a tag is one link, a teaser."""
    for paragraph in document.paragraphs()[1:]:
        if not 2 <= len(paragraph) <= 3 or any(s.label for s in paragraph) or sum(len(s.words) for s in paragraph) > 25:
            continue
        if TERMINAL.search(paragraph[-1].text) or any(s.quoted >= 0.5 for s in paragraph):
            continue
        cues = [cue for s in paragraph for cue in _teaser_cues(s, vocabulary)]
        if not any("curiosity gap" in cue.reason or "tag" in cue.reason for cue in cues):
            continue
        for sentence in paragraph:
            own = [c for c in cues if sentence.start <= c.start < sentence.passage.end]
            sentence.decide(TEASER, 0.75, [sentence.cue(0, len(sentence.text), "a link line to another article, cut in two"), *own])


# --- kickers, standfirsts, pull-quotes, link lists, captions, updates ---------------------

def _verdict(sentence: Sentence) -> bool:
    """A rating or a reviewer's label ("Star man: …", "Roe 6; Poe 7, …", "8/10"): the outlet's verdict."""
    return any(sentence.matches(lex, limit=1) for lex in FRAMING_MARKERS if lex.name in ("rating", "review verdict"))


# The result box of a match report: "FT | Rovers 2-1 Vale", "HT 0-1 · Attendance 8,412", "Rovers 2 Vale 1".
_SCORE_LINE = re.compile(
    r"^(?:(?:FT|HT|AET|Full[- ]time|FULL[- ]TIME|Half[- ]time|HALF[- ]TIME|Final score|FINAL SCORE|Result|RESULT)\b[^.?!]{0,80}?\b\d{1,2} ?[-–] ?\d{1,2}\b[^.?!]{0,80}|"
    r"[A-Z][\w.’'&-]*(?: [A-Z][\w.’'&-]*){0,4} \d{1,2} ?[-–] ?\d{1,2} [A-Z][\w.’'&-]*(?: [A-Z][\w.’'&-]*){0,4})$"
)


def _label_score_lines(document: Document) -> set[int]:
    """Score lines at the top of a match report (the result box) are checkable facts, not the headline."""
    found = set()
    for sentence in document.sentences[:8]:
        if sentence.label or sentence.paragraph_size != 1 or len(sentence.words) > 20:
            continue
        if _SCORE_LINE.match(sentence.text.strip()):
            sentence.decide("reported_fact", 0.7, _whole(sentence, "a score line in the result box at the top of a match report: a checkable fact"))
            found.add(id(sentence))
    return found


def _label_banners(document: Document, vocabulary: set[str]) -> set[int]:
    """A campaign banner: a short line of ordinary words in capitals ("DROUGHT EMERGENCY") under the
    page's furniture, over a paragraph of full sentences that makes the appeal. Banner and appeal are
    written to win the reader (a teaser), not the publication's name (a masthead is a name)."""
    paragraphs = document.paragraphs()
    for index, paragraph in enumerate(paragraphs[:8]):
        if len(paragraph) != 1 or index == 0 or index + 1 >= len(paragraphs):
            continue
        banner = paragraph[0]
        text = banner.text.strip()
        words = banner.words
        if banner.label or not 2 <= len(words) <= 5 or not text.isupper() or re.search(r"\d", text) or TERMINAL.search(text):
            continue
        appeal = paragraphs[index + 1]
        if any(s.label for s in appeal) or not TERMINAL.search(appeal[-1].text) or len(appeal[0].words) < 6 or len(appeal) > 3:
            continue
        if not emphasis_capitals(banner, vocabulary):
            continue
        banner.decide(TEASER, 0.75, _whole(banner, f"a campaign banner in capitals, written to win the reader: '{text}'"))
        cues = [cue for s in appeal for cue in _teaser_cues(s, vocabulary) + s.matches(HEADLINE_ADDRESS, limit=1)]
        if cues:
            for sentence in appeal:
                own = [c for c in cues if sentence.start <= c.start < sentence.passage.end]
                sentence.decide(TEASER, 0.7, [sentence.cue(0, len(sentence.text), "the appeal under a campaign banner, written to win the reader"), *own])
        return {id(banner)}
    return set()


def _label_kickers(document: Document) -> set[int]:
    """A kicker alone on a line ("LIVE", "BREAKING NEWS", "EXCLUSIVE"): a label that sells the story."""
    found = set()
    for sentence in document.sentences:
        if sentence.paragraph_size == 1 and not sentence.label and KICKER_LINE.match(sentence.text.strip()):
            sentence.decide(TEASER, 0.85, _whole(sentence, f"a kicker written to win a click: '{sentence.text.strip()}'"))
            found.add(id(sentence))
    return found


def _label_standfirst(document: Document, headline: Sentence) -> bool:
    """The short paragraph under the headline that sells the piece (the standfirst or deck): a
    teaser when it sends the writer out on the story ("Jane Roe goes in search of …", "… meets the
    people who …"). A plain summary there is left to the writer's-voice pass: outlets differ."""
    paragraphs = document.paragraphs()
    index = next((i for i, p in enumerate(paragraphs) if headline in p), None)
    if index is None or index + 1 >= len(paragraphs):
        return False
    deck = paragraphs[index + 1]
    if any(s.label for s in deck) or len(deck) > 3 or sum(len(s.words) for s in deck) > 60:
        return False
    if any(s.quoted >= 0.3 or ATTRIBUTION_VERBS.search(s.plain) for s in deck):
        return False
    cues = []
    for sentence in deck:
        match = STANDFIRST_CUES.search(sentence.plain)
        if match:
            cues.append(sentence.cue(match.start(), match.end(), f"the writer sets out on the story: '{match.group()}'"))
    if not cues:
        return False  # a plain summary under the headline: the writer's-voice pass decides fact or framing
    for sentence in deck:
        reason = "the standfirst under the headline, written to pull the reader in"
        sentence.decide(TEASER, 0.7, [sentence.cue(0, len(sentence.text), reason), *[c for c in cues if sentence.start <= c.start < sentence.passage.end]])
    return True


def _label_pull_quotes(document: Document) -> None:
    """A quotation standing alone on its line, attributed with a dash ("“…” – Jane Roe"), or repeated
    word for word from the body: a pull-quote, a layout device to draw the eye."""
    text = document.text
    for sentence in document.sentences:
        if sentence.label or sentence.paragraph_size != 1 or len(sentence.words) > 60:
            continue
        line = sentence.text.strip()
        if PULL_QUOTE.match(line):
            reason = "a pull-quote: a quotation alone on its line, signed with a dash"
        elif sentence.quoted >= 0.9 and not TERMINAL.search(line.rstrip("”\"’'")):
            core = line.strip("“”\"‘’' ")[:40]
            if len(core) < 20 or (text.count(core) < 2 and (not core.isupper() or text.lower().count(core.lower()) < 2)):
                continue
            reason = "a pull-quote: words from the article repeated alone on a line"
        else:
            continue
        sentence.decide(TEASER, 0.8, _whole(sentence, reason))


def _label_link_lists(document: Document) -> None:
    """A heading such as "Most read" or "You might also like" is page furniture; the short
    headline lines listed under it are links to other articles (teasers)."""
    sentences = document.sentences
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        index += 1
        line = sentence.text.strip()
        if sentence.label or len(sentence.words) > 8 or not LINK_LIST_HEADING.match(line):
            continue
        if sentence.paragraph_size > 1 and sentence is not _first_in_paragraph(document, sentence):
            continue
        sentence.decide(BOILERPLATE, 0.85, _whole(sentence, f"the heading of a list of links to other articles: '{line}'"))
        while index < len(sentences):
            item = sentences[index]
            item_text = item.text.strip()
            numbered = re.match(r"^(?:\d{1,2}[.)]|[-•*·▪])\s+\S", item_text)
            number_alone = re.fullmatch(r"\d{1,2}[.)]", item_text)  # the segmenter splits "1." from its item
            if item.label or len(item.words) > 25 or not (numbered or number_alone or not TERMINAL.search(item_text) or item_text.endswith("?")):
                break
            if any(item.matches(lexicon, limit=1) for lexicon in BOILERPLATE_MARKERS):
                break  # a copyright or site notice closes the list
            if SOCIAL_LINE.match(item_text) or TIMESTAMP.match(item_text) or LINK_LIST_HEADING.match(item_text) or FURNITURE_HEADING.match(item_text):
                break  # a comment count, time stamp or the next heading closes it too
            item.decide(TEASER, 0.75, _whole(item, f"a link listed under '{line}'"))
            index += 1


def _first_in_paragraph(document: Document, sentence: Sentence) -> Sentence:
    for paragraph in document.paragraphs():
        if sentence in paragraph:
            return paragraph[0]
    return sentence


def _label_captions_and_updates(document: Document) -> None:
    """A photo caption right before its credit ("X at the Y Theatre. Photograph: Z") describes the
    picture: a reported fact. An update note ("UPDATE: Since this post went live, …") reports a later
    event in the outlet's own voice: a reported fact unless it evaluates."""
    for paragraph in document.paragraphs():
        for position, sentence in enumerate(paragraph):
            if sentence.label:
                continue
            after = paragraph[position + 1] if position + 1 < len(paragraph) else None
            if after is not None and after.label == BOILERPLATE and _PHOTO_CREDIT.search(after.text.strip()) and len(sentence.words) <= 30:
                sentence.decide("reported_fact", 0.6, _whole(sentence, "a photo caption: it describes the picture, credited just after"))
            elif position == 0 and UPDATE_NOTE.match(sentence.text) and not _evaluates(sentence):
                marker = UPDATE_NOTE.match(sentence.text)
                sentence.decide("reported_fact", 0.6, [sentence.cue(0, marker.end() - 1, "an update note: a later development reported by the outlet")])


def _label_signposts(document: Document) -> None:
    """Question-and-answer explainers head their sections with plain questions ("What is the levy?",
    "What happens next?"). With two or more such lines, each one signposts the answer below it:
    a reported fact, not a question the writer puts to win an argument (unless it evaluates)."""
    lines = [
        s for s in document.sentences[1:]
        if not s.label and s.paragraph_size == 1 and len(s.words) <= 8 and _SIGNPOST.match(s.text.strip()) and not _evaluates(s)
    ]
    if len(lines) < 2:
        return
    for sentence in lines:
        sentence.decide("reported_fact", 0.6, _whole(sentence, "a question heading a section of an explainer: the answer follows"))
    # The explainer's headline question ("X: What is it and why is my bill going up?") is answered
    # in the sections below it, not held back to win a click: a teaser only by its other cues.
    headline = next((s for s in document.sentences[:8] if s.label == TEASER and s.cues and s.cues[0].reason == _HEADLINE_REASON), None)
    if headline is not None and all(c.reason == _HEADLINE_REASON or c.reason.startswith((_QUESTION_REASON, _LABELLED_QUESTION_REASON)) for c in headline.cues) and not _evaluates(headline):
        headline.decide("reported_fact", 0.6, [headline.cues[0], *_whole(headline, "the question an explainer answers in its sections below")])


def _evaluates(sentence: Sentence) -> bool:
    """Loaded, evaluative or promotional words (not "we"/"us": in an update the outlet speaks of itself)."""
    return any(sentence.matches(lex, limit=1) for lex in FRAMING_MARKERS if lex.name in ("evaluative frame", "evaluative word", "promotional"))
