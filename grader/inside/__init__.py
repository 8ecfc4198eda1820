"""What runs in the student's process: the sandboxed child and the tools it uses.

Modules here are imported by the zygote or a spawned worker, before any student code
exists (torch is imported by some of them, lazily where the app also reads them).
Nothing here logs: the sandboxed side only ever speaks through its channel's frames.
"""
