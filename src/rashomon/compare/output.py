"""The comparison as JSON and as terminal text. Every statement shown carries its citation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rashomon.compare.align import AlignedGroup, Statement
from rashomon.compare.build import Comparison, Subject, Theme
from rashomon.compare.framing import ArticleFraming, Cited

LABEL_TITLES = {
    "conflict": "In conflict",
    "shared": "Reported by several articles",
    "single": "Reported by one article only",
}


def cited_json(c: Cited) -> dict[str, object]:
    return {"article": c.article_id, "sentence": c.sentence, "start": c.start, "end": c.end, "text": c.text}


def _statement_json(s: Statement) -> dict[str, object]:
    return {
        "article": s.article_id,
        "outlet": s.outlet,
        "sentence": s.sentence,
        "start": s.start,
        "end": s.end,
        "text": s.text,
    }


def group_json(group: AlignedGroup, articles: Sequence[str]) -> dict[str, object]:
    present = set(group.articles)
    return {
        "label": group.label,
        "conflict": group.conflict,
        "similarity": group.similarity,
        "statements": [_statement_json(s) for s in group.statements],
        "missing_from": [a for a in articles if a not in present],
    }


def subject_json(subject: Subject, articles: Sequence[str]) -> dict[str, object]:
    return {
        "entity": subject.entity_id,
        "name": subject.name,
        "type": subject.type,
        "mentioned_by": list(subject.articles),
        "missing_from": [a for a in articles if a not in subject.articles],
        "citations": [cited_json(c) for c in subject.citations],
    }


def theme_json(theme: Theme, articles: Sequence[str]) -> dict[str, object]:
    return {
        "term": theme.term,
        "count": theme.count,
        "used_by": list(theme.articles),
        "missing_from": [a for a in articles if a not in theme.articles],
        "citations": [cited_json(c) for c in theme.citations],
    }


def framing_json(f: ArticleFraming) -> dict[str, object]:
    return {
        "article": f.article_id,
        "outlet": f.outlet,
        "genre": None if f.genre is None else {"kind": f.genre.kind, "label": f.genre.label, "where": f.genre.where},
        "words": f.words,
        "loaded_words": [{"term": u.term, "category": u.category, "neutral": u.neutral, **cited_json(u.where)} for u in f.loaded],
        "loaded_per_1000_words": f.loaded_per_1000_words,
        "subjective_share": f.subjective_share,
        "subjective_sentences": [cited_json(c) for c in f.subjective],
        "biased_sentences": [cited_json(c) for c in f.biased],
        "tone": [
            {"entity": t.entity_id, "name": t.name, "score": t.score, "sentences": t.sentences,
             "favourable": t.favourable, "unfavourable": t.unfavourable, "examples": [cited_json(c) for c in t.examples]}
            for t in f.tone
        ],
        "speakers": [
            {"name": s.name, "entity": s.entity_id, "direct": s.direct, "indirect": s.indirect, "words": s.words}
            for s in f.speakers
        ],
        "attribution": dict(f.attribution),
        "ai_tool_citations": [cited_json(c) for c in f.tools],
        "listed_sources": None if f.listed_sources is None else list(f.listed_sources),
        "labels": {name: [cited_json(c) for c in found] for name, found in f.labels.items()},
    }  # fmt: skip


def comparison_json(comparison: Comparison) -> dict[str, object]:
    story = comparison.story
    ids = [a.id for a in comparison.articles]
    counts: Mapping[str, int] = {label: sum(g.label == label for g in comparison.groups) for label in LABEL_TITLES}
    return {
        "story": {"id": story.id, "title": story.title, "first_date": story.first_date, "last_date": story.last_date},
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published.isoformat() if a.published else None,
            }
            for a in comparison.articles
        ],
        "counts": dict(counts),
        "groups": [group_json(g, ids) for g in comparison.groups],
        "subjects": [subject_json(s, ids) for s in comparison.subjects],
        "themes": [theme_json(t, ids) for t in comparison.themes],
        "framing": [framing_json(f) for f in comparison.framing],
    }


def _short(text: str, width: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def comparison_text(comparison: Comparison) -> str:
    """The comparison for a terminal: articles, aligned statements by label, subjects, framing."""
    letters = {a.id: chr(ord("A") + i) for i, a in enumerate(comparison.articles)}
    lines = [f"story {comparison.story.id}: {comparison.story.title}", ""]
    if comparison.story.article_count > len(comparison.articles):
        lines.insert(
            1,
            f"comparing {len(comparison.articles)} of its {comparison.story.article_count} articles, each outlet's most typical report first",
        )
    for a in comparison.articles:
        when = a.published.isoformat() if a.published else "undated"
        lines.append(
            f"  [{letters[a.id]}] {a.outlet or '(outlet unknown)'}, {when}: {a.title or '(untitled)'}  ({a.id})"
        )
    for label, title in LABEL_TITLES.items():
        groups = [g for g in comparison.groups if g.label == label]
        if not groups:
            continue
        lines += ["", f"{title} ({len(groups)})"]
        for group in groups:
            if group.conflict:
                lines.append(f"  ! {group.conflict}")
            for s in group.statements:
                lines.append(f"  [{letters[s.article_id]} s{s.sentence}] {_short(s.text)}")
            if label != "single":
                lines.append("")
    shared = [s for s in comparison.subjects if len(s.citations) > 1]
    alone = [s for s in comparison.subjects if len(s.citations) == 1]
    lines += ["", "Named by more than one article: " + ", ".join(
        f"{s.name} ({'/'.join(letters[a] for a in s.articles)})" for s in shared[:30])]  # fmt: skip
    for a in comparison.articles:
        only = [s.name for s in alone if s.articles[0] == a.id]
        if only:
            lines.append(f"Named only by [{letters[a.id]}]: " + ", ".join(only[:30]))
    shared_themes = [t for t in comparison.themes if len(t.citations) > 1][:20]
    lines += ["", "Themes of more than one article: " + ", ".join(
        f"{t.term} ({'/'.join(letters[a] for a in t.articles)})" for t in shared_themes)]  # fmt: skip
    for a in comparison.articles:
        only = [t.term for t in comparison.themes if len(t.citations) == 1 and t.articles[0] == a.id]
        if only:
            lines.append(f"Themes only in [{letters[a.id]}]: " + ", ".join(only))
    lines += ["", "Framing"]
    for f in comparison.framing:
        tag = letters[f.article_id]
        genre = f"{f.genre.kind} ({f.genre.where}: {f.genre.label!r}); " if f.genre else ""
        lines.append(
            f"  [{tag}] {genre}{f.words} words; loaded words {len(f.loaded)} ({f.loaded_per_1000_words}/1000); "
            f"opinion sentences {len(f.subjective)}/{f.sentences}; biased-sounding {len(f.biased)}/{f.sentences}"
        )
        if f.loaded:
            lines.append(
                "      loaded: " + "; ".join(f"{u.term} ({u.category}, s{u.where.sentence})" for u in f.loaded)
            )
        for t in f.tone:
            sentences = "1 sentence" if t.sentences == 1 else f"{t.sentences} sentences"
            lines.append(f"      tone toward {t.name}: {t.score:+.2f} over {sentences}")
        if f.speakers:
            lines.append(
                "      quoted: " + "; ".join(f"{s.name} {s.direct}+{s.indirect} ({s.words} words)" for s in f.speakers)
            )
        lines.append("      claims by attribution: " + ", ".join(f"{k} {v}" for k, v in f.attribution.items()))
        for c in f.tools:
            lines.append(f"      cites an AI tool: s{c.sentence} {_short(c.text, 100)}")
        if f.listed_sources is not None:
            lines.append(
                f"      listed sources: {len(f.listed_sources)}" + (" (an empty list)" if not f.listed_sources else "")
            )
        for name, found in f.labels.items():
            lines.append(f"      labels for {name}: " + "; ".join(f"{c.text} (s{c.sentence})" for c in found))
    return "\n".join(lines)
