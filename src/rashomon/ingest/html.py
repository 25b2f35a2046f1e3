"""HTML pages: main text and metadata through trafilatura.

A page's metadata is written for browsers and search engines, not for readers: the site's name may
carry a tagline ("LinkNaija | Nigeria's popular news platform"), the title the site's name before or
after it, and the author field the publisher ("Condé Nast", the page's copyright holder) or the outlet
itself ("CNN") beside the writers. Those are taken out here; when no writer is left, the people the
page's structured data (JSON-LD) names as authors are the byline.
"""

from __future__ import annotations

import html
import json
import re
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


# What separates a site's name from a tagline or a title: a bar or a dash between spaces, or a colon.
_BAR_OR_DASH = r"\s+[|\u2013\u2014-]\s+"
_SEPARATOR = rf"{_BAR_OR_DASH}|:\s+"
_COPYRIGHT_META = re.compile(
    r"<meta\s[^>]*?name=[\"']copyright[\"'][^>]*?content=[\"']([^\"']+)[\"']"
    r"|<meta\s[^>]*?content=[\"']([^\"']+)[\"'][^>]*?name=[\"']copyright[\"']",
    re.IGNORECASE,
)
_COPYRIGHT_WORDS = re.compile(r"copyright|\(c\)|\u00a9|\d{4}|all rights reserved\.?", re.IGNORECASE)


def site_name(sitename: str | None) -> str | None:
    """The site's own name, without a tagline after a bar or a dash."""
    if not sitename or not sitename.strip():
        return None
    name = re.split(_BAR_OR_DASH, sitename.strip(), maxsplit=1)[0].strip()
    return name or sitename.strip()


def title_without_site(title: str | None, names: tuple[str, ...]) -> str | None:
    """The title without the site's name before or after it ("CNN | Storm hits coast", "Storm hits coast - CNN"),
    nor a section after the name ("| CNN Politics")."""
    if not title:
        return title
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        escaped = re.escape(name)
        stripped = re.sub(rf"^{escaped}(?:{_SEPARATOR})", "", title, flags=re.IGNORECASE)
        after = rf"\s+(?:[|\u2013\u2014]|-{{1,2}})\s+{escaped}(?:\s+[A-Z][\w&'-]*){{0,2}}$"
        stripped = re.sub(after, "", stripped, flags=re.IGNORECASE)
        if stripped != title and len(stripped.split()) >= 2:
            return stripped.strip()
    return title


def copyright_holder(markup: str) -> str | None:
    """Who the page's copyright meta tag names ("Copyright (c) Condé Nast 2023": Condé Nast)."""
    found = _COPYRIGHT_META.search(markup)
    if found is None:
        return None
    holder = _COPYRIGHT_WORDS.sub(" ", html.unescape(found.group(1) or found.group(2)))
    holder = " ".join(holder.replace(",", " ").split()).strip(" .")
    return holder or None


def writers(byline: str | None, not_writers: tuple[str | None, ...]) -> str | None:
    """The byline's names without the publisher or the outlet ("Condé Nast; Tom Bennett": Tom Bennett)."""
    if not byline:
        return None
    excluded = {_name_key(name) for name in not_writers if name}
    names = [name.strip() for name in byline.split(";") if name.strip()]
    kept = [name for name in names if _name_key(name) not in excluded]
    return "; ".join(kept) or None


_JSON_LD = re.compile(r"<script[^>]*type=[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
# How deep to look for an "author" in a page's structured data (@graph, mainEntity ...).
_JSON_LD_DEPTH = 6


def json_ld_people(markup: str) -> tuple[str, ...]:
    """The people the page's structured data names as authors (schema.org ``author`` of type Person)."""
    names: list[str] = []
    for block in _JSON_LD.findall(markup):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        names.extend(_people_in(data, _JSON_LD_DEPTH))
    return tuple(dict.fromkeys(names))


def _people_in(data: object, depth: int) -> list[str]:
    if depth <= 0:
        return []
    if isinstance(data, list):
        return [name for item in data for name in _people_in(item, depth - 1)]
    if not isinstance(data, dict):
        return []
    found = []
    authors = data.get("author")
    for author in authors if isinstance(authors, list) else [authors]:
        if isinstance(author, dict) and author.get("@type", "Person") == "Person":
            name = author.get("name")
            if isinstance(name, str) and name.strip():
                found.append(" ".join(name.split()))
    for key, value in data.items():
        if key != "author" and isinstance(value, (dict, list)):
            found.extend(_people_in(value, depth - 1))
    return found


def _name_key(name: str) -> str:
    return re.sub(r"\W+", "", name.casefold())


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
    sitename = fields.get("sitename") or None
    outlet = site_name(sitename)
    not_writers = (copyright_holder(markup), sitename, outlet)
    return HtmlParts(
        body=body,
        title=title_without_site(fields.get("title") or None, (sitename or "", outlet or "")),
        byline=writers(fields.get("author") or None, not_writers)
        or writers("; ".join(json_ld_people(markup)), not_writers),
        published=fields.get("date") or None,
        outlet=outlet,
        url=fields.get("url") or url,
        tags=_as_tags(fields.get("tags"), fields.get("categories")),
    )
