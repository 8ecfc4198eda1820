"""The teacher's side: a class report over a shared store, similar submissions, and
a class's folders graded into a gradebook. Imports neither Textual nor torch."""
