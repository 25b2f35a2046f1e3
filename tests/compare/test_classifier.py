import numpy as np

from rashomon.compare.classifier import LinearClassifier, load_reported_speech, subjectivity_labels


def test_reported_speech_is_found_by_its_verb_or_by_according_to() -> None:
    speech = load_reported_speech()
    assert speech.marks("The talks were a betrayal of the revolution, the opposition spokesman said.")
    assert speech.marks("According to the ministry, the convoy was a disgrace.")
    assert speech.marks("She insists the port deal is a triumph.")
    # Nouns that look like reporting verbs, and verbs a writer uses in their own voice, are not reports.
    assert not speech.marks("The United States claims the largest share of the market.")
    assert not speech.marks("These claims are absurd, and the minister should resign.")
    assert not speech.marks("Critics slammed the plan.")


def test_a_sentence_that_reports_speech_is_labelled_objective_whatever_the_model_says() -> None:
    always_subjective = LinearClassifier("subjectivity", "SUBJ", "OBJ", np.zeros(2, np.float32), 5.0, 0.5, "test")
    texts = ["This shameful deal will haunt the region.", "This shameful deal will haunt the region, he said."]
    labels = subjectivity_labels(always_subjective, np.zeros((2, 2), np.float32), texts, load_reported_speech())
    assert labels == ["SUBJ", "OBJ"]
