"""The kinds of job the pool runs: grade, plain run, training, reference, and their helpers."""
