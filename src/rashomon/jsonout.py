"""JSON shapes of the machine interface (``analyze``, ``--json`` listings)."""

from __future__ import annotations

from rashomon.model import Annotation, Article, CorpusEntity, DocEntity, Problem


def _mention_json(entity: DocEntity) -> list[dict[str, object]]:
    return [{"start": m.start, "end": m.end, "text": m.text} for m in entity.mentions]


def article_metadata_json(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "source_id": article.source_id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "byline": article.byline,
        "tags": list(article.tags),
    }


def annotation_json(annotation: Annotation) -> dict[str, object]:
    """The stable ``analyze`` object for one article (docs/analyze-json.md)."""
    article = annotation.article
    return {
        **article_metadata_json(article),
        "text": article.text,
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "country": entity.country,
                "roles": [{"title": role.title, "country": role.country} for role in entity.roles],
                "mentions": _mention_json(entity),
            }
            for entity in annotation.entities
        ],
        "sentences": [{"start": span.start, "end": span.end} for span in annotation.sentences],
        "boilerplate": [{"kind": block.kind, "text": block.text} for block in article.boilerplate],
        "listed_sources": None if article.listed_sources is None else list(article.listed_sources),
        "provenance": {
            "rashomon": annotation.provenance.rashomon_version,
            "model": annotation.provenance.model_name,
            "model_version": annotation.provenance.model_version,
        },
    }


def corpus_entity_json(entity: CorpusEntity) -> dict[str, object]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "country": entity.country,
        "aliases": list(entity.aliases),
        "roles": [{"title": role.title, "country": role.country} for role in entity.roles],
        "mentions": entity.mention_count,
        "articles": entity.article_count,
    }


def problem_json(problem: Problem) -> dict[str, object]:
    return {
        "origin": problem.origin,
        "line": problem.line,
        "code": problem.code,
        "reason": problem.reason,
        "severity": problem.severity,
    }
