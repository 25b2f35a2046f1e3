"""News feeds saved as files: RSS 2.0, RSS 1.0 (RDF) and Atom, one raw document per item.

An item's text is its full content where the feed carries it (``content:encoded``, Atom
``content``), else its description or summary, which is often only a lede: such an item is
read, with a warning that says so. The feed's own title is the outlet; an item's title, link,
date, authors and categories are its metadata. Markup in the text becomes paragraphs. The XML
is parsed without fetching anything and without expanding entities, so a hostile feed cannot
reach out or blow up. Each item carries the line it starts on, so an error names the file and
the line.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from rashomon.model import Problem, RawDocument

FEED_ROOTS = {"rss", "feed", "RDF"}
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section", "article")
_DROPPED = ("script", "style", "noscript", "iframe", "form", "figure", "figcaption", "nav", "aside")
_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": False, "remove_comments": True}


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: etree._Element, name: str) -> str | None:
    found = next(iter(_children(element, name)), None)
    if found is None:
        return None
    value = "".join(found.itertext()).strip()
    return value or None


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file are those of an RSS or Atom feed."""
    return any(marker in head for marker in (b"<rss", b"<feed", b"<rdf:RDF"))


def html_to_text(markup: str) -> str:
    """Paragraphs of an HTML fragment as lines of text; scripts, styles and figures left out."""
    if "<" not in markup:
        return markup.strip()
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup.strip()
    for dropped in list(root.iter(*_DROPPED)):
        dropped.drop_tree()
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
        block.text = "\n" + (block.text or "")
    for line_break in root.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _item_body(item: etree._Element, atom: bool) -> tuple[str | None, bool]:
    """The item's text and whether it is the full content (not a description or summary)."""
    for name in ("encoded", "content") if not atom else ("content",):
        for found in _children(item, name):
            if atom and found.get("type") == "xhtml":
                markup = "".join(etree.tostring(child, encoding="unicode") for child in found)
            else:
                markup = "".join(found.itertext())
            text = markup.strip() if atom and found.get("type") == "text" else html_to_text(markup)
            if text:
                return text, True
    summary = _text(item, "summary" if atom else "description")
    return (html_to_text(summary), False) if summary else (None, False)


def _link(item: etree._Element, atom: bool) -> str | None:
    if not atom:
        return _text(item, "link")
    links = _children(item, "link")
    preferred = [link for link in links if link.get("rel", "alternate") == "alternate"] or links
    return preferred[0].get("href") if preferred else None


def _authors(item: etree._Element, atom: bool) -> str | None:
    if atom:
        names = [_text(author, "name") for author in _children(item, "author")]
    else:
        names = [_text(item, "creator"), _text(item, "author")]
    kept = [name for name in names if name]
    return "; ".join(dict.fromkeys(kept)) or None


def _categories(item: etree._Element, atom: bool) -> tuple[str, ...]:
    found = _children(item, "category") + _children(item, "subject")
    values = [(c.get("term") if atom else "".join(c.itertext())) or "" for c in found]
    return tuple(dict.fromkeys(value.strip() for value in values if value and value.strip()))


def read_feed(data: bytes, *, origin: str) -> Iterator[RawDocument | Problem]:
    """One RawDocument per item of the feed in ``data``; a Problem for a feed that cannot be read
    or an item without text."""
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        yield Problem(origin, "bad-feed", f"not well-formed XML ({exc.msg})", line=exc.lineno)
        return
    kind = _local(root.tag)
    if kind not in FEED_ROOTS:
        yield Problem(origin, "bad-feed", f"XML whose root is <{kind}>, not an RSS or Atom feed")
        return
    atom = kind == "feed"
    channel = root if atom else next(iter(_children(root, "channel")), root)
    outlet = _text(channel, "title")
    items = _children(root, "entry") if atom else _children(channel, "item") or _children(root, "item")
    if not items:
        yield Problem(origin, "bad-feed", "the feed has no items")
        return
    for item in items:
        line = item.sourceline
        body, full = _item_body(item, atom)
        link = _link(item, atom)
        identifier = _text(item, "id" if atom else "guid") or link or f"item-{line}"
        if not body:
            yield Problem(origin, "no-text", "feed item has no content, description or summary", line=line)
            continue
        published = (
            _text(item, "published") or _text(item, "updated")
            if atom
            else _text(item, "pubDate") or _text(item, "date")
        )
        notes: tuple[str, ...] = ()
        if not full:
            notes = ("the feed gives this item's description or summary only, not its full text",)
            yield Problem(origin, "summary-only", notes[0], line=line, severity="warning")
        yield RawDocument(
            source_id=identifier,
            origin=origin,
            body=body,
            fmt="text",
            line=line,
            title=_text(item, "title"),
            outlet=outlet,
            url=link,
            published=published,
            byline=_authors(item, atom),
            tags=_categories(item, atom),
            notes=notes,
        )
