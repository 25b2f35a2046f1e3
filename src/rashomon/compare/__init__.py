"""Compare a story's articles: aligned claims (shared, one outlet only, in conflict) and framing."""
