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


def test_batches_keep_attention_within_budget_and_cover_every_text_once():
    from rashomon.embed.encoder import ATTENTION_BUDGET, BATCH_SIZE, _batches

    lengths = sorted([5] * 40 + [40] * 30 + [120] * 10 + [256] * 3)
    order = list(range(len(lengths)))
    batches = _batches(order, lengths)
    assert [index for batch in batches for index in batch] == order
    for batch in batches:
        longest = max(lengths[index] for index in batch)
        assert len(batch) == 1 or len(batch) * longest**2 <= ATTENTION_BUDGET
        assert len(batch) <= BATCH_SIZE
    assert [len(batch) for batch in batches if lengths[batch[0]] == 256] == [1, 1, 1]
    assert len(batches[0]) == BATCH_SIZE  # short texts still go 32 at a time


def test_a_text_gets_the_same_vector_alone_or_beside_long_ones():
    encoder = SentenceEncoder()
    short = "The ministers met in Moscow on Wednesday."
    long_ones = [" ".join(["The talks covered the bases, wheat and reconstruction."] * 30)] * 3
    alone = encoder.encode([short])[0]
    together = encoder.encode([*long_ones, short])[3]
    assert np.allclose(alone, together, atol=1e-5)
