"""The lessons window: one page per idea, each a live demonstration beside a short text."""
