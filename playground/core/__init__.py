"""Qt-free heart of the playground: cards, catalog, sessions, pipeline, metrics and media decoding."""
