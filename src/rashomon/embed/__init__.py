"""Sentence embeddings from a model that ships inside a package (no download at run time)."""

from rashomon.embed.encoder import SentenceEncoder, cosine_matrix

__all__ = ["SentenceEncoder", "cosine_matrix"]
