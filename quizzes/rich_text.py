"""The small, safe subset of HTML allowed in rich text (explanations and quiz descriptions).

Rich text is cleaned with nh3 (the Ammonia sanitiser) when it is stored, and cleaned again when
it is rendered, so a value that reached the database some other way is still safe on a page.
Only the tags below survive; links keep ``href`` (http, https, mailto) and ``title`` and get
``rel="noopener noreferrer nofollow"``; comments are dropped; every other ``&``, ``<`` and ``>``
is escaped. All other text (titles, prompts, names) is never rich: templates escape it.
"""

import nh3

ALLOWED_TAGS = frozenset({"b", "strong", "i", "em", "u", "q", "code", "br", "p", "ul", "ol", "li", "a", "blockquote"})
ALLOWED_ATTRIBUTES = {"a": frozenset({"href", "title"})}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"


def clean_rich_text(value: str) -> str:
    """``value`` reduced to the allowed subset, as HTML; anything but a string gives ``""``."""
    if not isinstance(value, str):
        return ""
    return nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def rich_text_is_empty(value: str) -> bool:
    """Whether ``value`` has no text once cleaned (``"<b></b>"`` is empty)."""
    return not nh3.clean(clean_rich_text(value), tags=set()).strip()
