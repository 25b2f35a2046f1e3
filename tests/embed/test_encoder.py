from __future__ import annotations

import numpy as np

from rashomon.embed import SentenceEncoder


def test_vectors_are_unit_length_and_paraphrases_are_closest():
    encoder = SentenceEncoder()
    vectors = encoder.encode(
        ["A man is eating food.", "A man is eating a piece of bread.", "The girl carries a baby.", ""]
    )
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-4)
    # all-MiniLM-L6-v2 gives this pair about 0.75; the int8 export agrees closely.
    assert 0.70 < float(vectors[0] @ vectors[1]) < 0.80
    assert float(vectors[0] @ vectors[2]) < 0.2
    assert encoder.encode([]).shape == (0, 384)
