"""Where: an offline gazetteer, toponym recognition, resolution in context and focus."""
