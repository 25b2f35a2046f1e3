"""RawDocument -> Article: body cleaning, metadata, identity, sanity checks."""

from __future__ import annotations

import re
import unicodedata

from rashomon.config import Settings
from rashomon.datelines import dateline_date
from rashomon.errors import InputError
from rashomon.ingest.dedupe import article_id
from rashomon.ingest.encoding import repair_lost_characters
from rashomon.ingest.html import parse_html
from rashomon.ingest.language import dominant_script, english_share, other_language
from rashomon.ingest.metadata import outlet_from_url, outlet_name, parse_published
from rashomon.ingest.plaintext import parse_plain_text
from rashomon.model import Article, BoilerplateBlock, RawDocument

_TITLE_END = re.compile(r"[.!?:;,\"\u201d\u2019)]$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MIN_WORDS = 5
MIN_WORDS_FOR_LANGUAGE = 30


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text.replace("\u00a0", " "))
    paragraphs = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(paragraph for paragraph in paragraphs if paragraph)


def _leading_title(body: str) -> tuple[str | None, str]:
    """Take a short first line with no closing punctuation as the headline."""
    first, _, rest = body.partition("\n")
    if rest.strip() and len(first.split()) <= 25 and not _TITLE_END.search(first.strip()):
        return first.strip(), rest
    return None, body


def _without_leading_labels(body: str, labels: tuple[str | None, ...]) -> str:
    """A page's headline and the site's name ("CNN" from its logo) are not the text's first sentences:
    leading lines that repeat them go."""
    known = {" ".join(label.split()).casefold() for label in labels if label}
    while True:
        first, _, rest = body.partition("\n")
        if not rest.strip() or " ".join(first.split()).casefold() not in known:
            return body
        body = rest


_COPYRIGHT_HOLDER = re.compile(
    r"(?:copyright|\u00a9)\s*(?:\u00a9\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?(?P<holder>[A-Z][\w.&' -]{1,60}?)\s*\.?$",
    re.IGNORECASE,
)


def _copyright_holder(parts_boilerplate: tuple[BoilerplateBlock, ...]) -> str | None:
    """The site named in a copyright line, used as outlet when nothing else names one."""
    for block in parts_boilerplate:
        if block.kind == "copyright":
            found = _COPYRIGHT_HOLDER.search(block.text)
            if found and not found.group("holder").lower().startswith("all "):
                return found.group("holder").strip()
    return None


def _check_usable(text: str, origin: str, settings: Settings) -> None:
    if len(text.split()) < MIN_WORDS:
        raise InputError(f"no article text (only {len(text.split())} words after cleaning)", code="no-text")
    if len(text) > settings.max_chars:
        raise InputError(
            f"article text is {len(text):,} characters, over the {settings.max_chars:,} limit", code="too-large"
        )
    script = dominant_script(text)
    if script not in {"LATIN", "NONE"}:
        raise InputError(
            f"text does not look like English ({script.lower()} script); only English is supported", code="not-english"
        )
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return  # too few words to judge a language by
    found = other_language(text)
    if found is not None and english_share(text) < settings.min_english_share:
        name, share = found
        raise InputError(
            f"text looks like {name}, not English ({share:.0%} {name} function words); only English is supported",
            code="not-english",
        )


def clean_document(raw: RawDocument, *, settings: Settings) -> Article:
    """Clean one raw document; raises InputError when no usable article results."""
    title, byline, published, outlet, url = raw.title, raw.byline, raw.published, raw.outlet, raw.url
    tags = raw.tags
    body = raw.body
    if raw.fmt == "html":
        page = parse_html(body, url=url)
        body = page.body
        title, byline, published = title or page.title, byline or page.byline, published or page.published
        outlet, url = outlet or page.outlet, url or page.url
        tags = tags or page.tags
    parts = parse_plain_text(repair_lost_characters(body))
    body = _normalise(parts.body)
    title = title or parts.title
    if raw.fmt == "text" and title is None:
        title, body = _leading_title(body)
    if raw.fmt == "html":
        body = _without_leading_labels(body, (title, outlet))
    _check_usable(body, raw.origin, settings)
    # A wire's dateline may be the only place that dates it ("BERLIN, March 3, 2026 -").
    published_date = parse_published(published or parts.published or dateline_date(body))
    return Article(
        id=article_id(body),
        source_id=raw.source_id,
        origin=raw.origin,
        title=_normalise(repair_lost_characters(title)) if title else None,
        outlet=outlet_name(outlet or parts.outlet) or outlet_from_url(url) or _copyright_holder(parts.boilerplate),
        url=url,
        published=published_date,
        byline=byline or parts.byline,
        tags=tuple(dict.fromkeys(tags + parts.tags)),
        text=body,
        boilerplate=parts.boilerplate,
        listed_sources=parts.listed_sources,
        notes=raw.notes,
        line=raw.line,
    )
