"""Batch runs from the command line: one model over many files, resumable, written as Parquet or JSON Lines."""
