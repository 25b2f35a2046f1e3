"""Stories: articles from any outlet and day that report the same real-world event."""
