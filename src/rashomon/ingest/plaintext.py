"""Plain-text articles: a leading dateline/byline and trailing site furniture.

The rules are data (``data/datelines.txt``, ``data/boilerplate.tsv``); this
module only applies them. Furniture is removed from the body but kept, by
kind, so nothing the site printed is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rashomon.ingest.data import table_lines
from rashomon.ingest.headlines import headline_end, headline_words
from rashomon.ingest.metadata import looks_like_outlet
from rashomon.ingest.unwrap import unwrap_lines
from rashomon.model import BoilerplateBlock


@dataclass(frozen=True)
class BoilerplateRule:
    kind: str
    scope: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class PlainTextParts:
    """A plain-text article split into its parts."""

    body: str
    title: str | None
    published: str | None
    byline: str | None
    outlet: str | None
    tags: tuple[str, ...]
    listed_sources: tuple[str, ...] | None
    boilerplate: tuple[BoilerplateBlock, ...]


@lru_cache(maxsize=1)
def dateline_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, re.IGNORECASE) for line in table_lines("datelines.txt"))


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    rules = []
    for line in table_lines("boilerplate.tsv"):
        kind, scope, pattern = line.split("\t", 2)
        if scope not in {"line", "items", "rest", "inline", "headline"}:
            raise ValueError(f"boilerplate.tsv: unknown scope {scope!r} for {kind}")
        rules.append(BoilerplateRule(kind, scope, re.compile(pattern, re.IGNORECASE)))
    return tuple(rules)


def _match_rule(line: str) -> tuple[BoilerplateRule, re.Match[str]] | None:
    for rule in boilerplate_rules():
        if rule.scope in {"inline", "headline"}:
            continue
        found = rule.pattern.search(line.strip())
        if found:
            return rule, found
    return None


# A byline that names a desk, not a person ("By Staff Correspondent, Moskva Segodnya"): what follows
# its comma is the outlet whose staff it is, never a place.
_STAFF_BYLINE = re.compile(
    r"(?:(?:our|staff|special|foreign|news)\s+)*(?:staff|correspondent|reporter|writer|newsroom|desk)", re.I
)


@dataclass(frozen=True)
class LeadingLines:
    """What the lines before the body said: headline, date, byline, outlet."""

    headline: str | None = None
    date: str | None = None
    byline: str | None = None
    outlet: str | None = None


def _match_dateline(line: str) -> LeadingLines | None:
    for pattern in dateline_patterns():
        found = pattern.match(line.strip())
        if found:
            groups = {name: (value or "").strip() or None for name, value in found.groupdict().items()}
            outlet, byline = groups.get("outlet"), groups.get("byline")
            staff = byline is not None and _STAFF_BYLINE.fullmatch(byline) is not None
            return LeadingLines(
                date=groups.get("date"),
                byline=byline,
                outlet=outlet if outlet and (staff or looks_like_outlet(outlet)) else None,
            )
    return None


def split_dateline(lines: list[str]) -> tuple[list[str], LeadingLines]:
    """Remove a leading dateline/byline line; return the rest and what it said.

    The dateline may follow a headline line, which is then returned as the headline.
    """
    filled = [index for index, line in enumerate(lines) if line.strip()][:2]
    for position, index in enumerate(filled):
        found = _match_dateline(lines[index])
        if found is not None:
            headline = lines[filled[0]].strip() if position == 1 else None
            return lines[index + 1 :], replace(found, headline=headline)
    return lines, LeadingLines()


def _split_list(text: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,;\n]", text) if item.strip()]


_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?] [A-Z]")


def _is_item_line(line: str) -> bool:
    """Section items are lists or short lines, not running prose."""
    return len(line) <= 1000 and len(_SENTENCE_BREAK.findall(line)) <= 1


def _find_cut(lines: list[str], matches: list[tuple[BoilerplateRule, re.Match[str]] | None]) -> int:
    """Index where the trailing run of furniture starts (``len(lines)`` if none)."""
    cut = len(lines)
    opener_scope: str | None = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        found = matches[index]
        if not line:
            continue
        if found is not None:
            cut = index
            continue
        opener = next((matches[j] for j in range(index - 1, -1, -1) if matches[j] is not None), None)
        opener_scope = opener[0].scope if opener else None
        if opener_scope == "rest" or (opener_scope == "items" and _is_item_line(line)):
            cut = index
            continue
        break
    while cut < len(lines) and matches[cut] is None:
        cut += 1
    # Furniture never makes up a whole article: if nothing would be left, nothing is cut.
    if not any(line.strip() for line in lines[:cut]):
        return len(lines)
    return cut


def split_trailing_boilerplate(
    lines: list[str],
) -> tuple[list[str], list[BoilerplateBlock], list[str], list[str] | None]:
    """Find the trailing run of furniture lines; return body lines, blocks, tags, sources."""
    matches = [_match_rule(line) if line.strip() else None for line in lines]
    cut = _find_cut(lines, matches)
    blocks: list[BoilerplateBlock] = []
    tags: list[str] = []
    sources: list[str] | None = None
    current = "furniture"
    for line, found in zip(lines[cut:], matches[cut:], strict=True):
        if not line.strip():
            continue
        items = ""
        if found is not None:
            rule, match = found
            current = rule.kind
            items = (match.groupdict().get("inline") or "").strip()
        else:
            items = line
        blocks.append(BoilerplateBlock(current, line.strip()))
        if current == "tags":
            tags.extend(_split_list(items))
        elif current == "sources":
            sources = (sources or []) + _split_list(items)
    return lines[:cut], blocks, tags, sources


def cut_inline_furniture(text: str) -> tuple[str, list[BoilerplateBlock]]:
    """Take out furniture that can stand anywhere in a line (a share bar flattened into the text
    between two paragraphs); a paragraph break takes its place."""
    blocks: list[BoilerplateBlock] = []
    for rule in boilerplate_rules():
        if rule.scope == "headline":
            text = _cut_linked_headlines(text, rule, blocks)
            continue
        if rule.scope != "inline":
            continue

        def cut(found: re.Match[str], kind: str = rule.kind) -> str:
            blocks.append(BoilerplateBlock(kind, found.group(0).strip()))
            return "\n"

        text = rule.pattern.sub(cut, text)
    return text, blocks


def _cut_linked_headlines(text: str, rule: BoilerplateRule, blocks: list[BoilerplateBlock]) -> str:
    """Take out a link label and the headline after it, where the headline's end can be told."""
    words = headline_words()
    pieces: list[str] = []
    kept_from = 0
    for found in rule.pattern.finditer(text):
        if found.start() < kept_from:
            continue
        end = headline_end(text, found.end(), words, stop=rule.pattern)
        if end is None:
            continue
        pieces.append(text[kept_from : found.start()])
        pieces.append("\n")
        blocks.append(BoilerplateBlock(rule.kind, text[found.start() : end].strip()))
        kept_from = end
    pieces.append(text[kept_from:])
    return "".join(pieces)


def parse_plain_text(text: str) -> PlainTextParts:
    """Split a plain-text article into body and metadata."""
    text, inline_blocks = cut_inline_furniture(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    lines, leading = split_dateline(lines)
    lines = unwrap_lines(lines, keep_apart=lambda line: _match_rule(line) is not None)
    body_lines, blocks, tags, sources = split_trailing_boilerplate(lines)
    blocks = [*inline_blocks, *blocks]
    if sources is None and any(block.kind == "sources" for block in blocks):
        sources = []
    body = "\n".join(line.strip() for line in body_lines if line.strip())
    return PlainTextParts(
        body=body,
        title=leading.headline,
        published=leading.date,
        byline=leading.byline,
        outlet=leading.outlet,
        tags=tuple(tags),
        listed_sources=None if sources is None else tuple(sources),
        boilerplate=tuple(blocks),
    )
