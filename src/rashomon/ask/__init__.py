"""Questions answered from the corpus only, every sentence cited."""
