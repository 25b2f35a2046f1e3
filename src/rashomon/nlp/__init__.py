"""The spaCy pipeline and the per-article annotation pass."""

from rashomon.nlp.annotate import annotate_articles
from rashomon.nlp.pipeline import NlpPipeline, build_pipeline

__all__ = ["NlpPipeline", "annotate_articles", "build_pipeline"]
