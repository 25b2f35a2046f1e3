"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from rashomon.errors import InputError


@dataclass(frozen=True)
class HtmlParts:
    body: str
    title: str | None
    byline: str | None
    published: str | None
    outlet: str | None
    url: str | None
    tags: tuple[str, ...]


def _as_tags(*values: object) -> tuple[str, ...]:
    tags: list[str] = []
    for value in values:
        if not value:
            continue
        items = value if isinstance(value, list) else str(value).split(",")
        tags.extend(str(item).strip() for item in items if str(item).strip())
    return tuple(dict.fromkeys(tags))


def parse_html(markup: str, *, url: str | None = None) -> HtmlParts:
    """Main text and metadata of an HTML page; raises InputError when it has none."""
    document = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if document is None:
        raise InputError("no article text found in the HTML (only scripts, navigation or markup)", code="no-text")
    fields = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = (fields.get("text") or "").strip()
    if not body:
        raise InputError("no article text found in the HTML (only scripts, navigation or markup)", code="no-text")
    return HtmlParts(
        body=body,
        title=fields.get("title") or None,
        byline=fields.get("author") or None,
        published=fields.get("date") or None,
        outlet=fields.get("sitename") or None,
        url=fields.get("url") or url,
        tags=_as_tags(fields.get("tags"), fields.get("categories")),
    )
