"""Content identity: a stable id from normalised text, and MinHash signatures
with locality-sensitive banding for near-duplicates (same story, light edits)."""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5
BANDS = 20
ROWS_PER_BAND = 4
SIGNATURE_SIZE = BANDS * ROWS_PER_BAND
_PRIME = (1 << 32) - 5  # a*h + b stays below 2**64 for 32-bit a, b, h: no overflow in uint64
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_WORD = re.compile(r"\w+", re.UNICODE)


def _coefficients() -> tuple[tuple[int, int], ...]:
    # Derived from a fixed seed so signatures are comparable across runs and machines.
    pairs = []
    for index in range(SIGNATURE_SIZE):
        digest = hashlib.blake2b(f"rashomon-minhash-{index}".encode(), digest_size=16).digest()
        first, second = struct.unpack("<QQ", digest)
        pairs.append((first % (_PRIME - 1) + 1, second % _PRIME))
    return tuple(pairs)


_COEFFICIENTS = _coefficients()
_A = np.array([a for a, _ in _COEFFICIENTS], dtype=np.uint64).reshape(-1, 1)
_B = np.array([b for _, b in _COEFFICIENTS], dtype=np.uint64).reshape(-1, 1)


def normalise_for_identity(text: str) -> str:
    """Case-, quote-, dash- and whitespace-insensitive form of a text."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return " ".join(text.split())


def article_id(text: str) -> str:
    """Stable id: the same normalised body always gets the same id."""
    digest = hashlib.sha256(normalise_for_identity(text).encode("utf-8")).hexdigest()
    return f"a{digest[:15]}"


@dataclass(frozen=True)
class Signature:
    """MinHash signature of a text's word shingles."""

    values: tuple[int, ...]

    def bands(self) -> tuple[int, ...]:
        """One 63-bit hash per LSH band."""
        keys = []
        for band in range(BANDS):
            chunk = self.values[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
            digest = hashlib.blake2b(struct.pack(f"<{ROWS_PER_BAND}I", *chunk), digest_size=8).digest()
            keys.append(struct.unpack("<q", digest)[0])
        return tuple(keys)

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        same = sum(1 for mine, theirs in zip(self.values, other.values, strict=True) if mine == theirs)
        return same / SIGNATURE_SIZE

    def to_bytes(self) -> bytes:
        return struct.pack(f"<{SIGNATURE_SIZE}I", *self.values)

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(struct.unpack(f"<{SIGNATURE_SIZE}I", data))


def minhash(text: str) -> Signature:
    """MinHash signature over overlapping ``SHINGLE_WORDS``-word shingles."""
    words = _WORD.findall(normalise_for_identity(text))
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    hashed = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    permuted = (_A * hashed[np.newaxis, :] + _B) % np.uint64(_PRIME)
    return Signature(tuple(int(value) for value in permuted.min(axis=1)))
