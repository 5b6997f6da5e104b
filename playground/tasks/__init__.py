"""Tasks: one module per kind of work; TASKS maps a card's `task` name to its implementation."""
