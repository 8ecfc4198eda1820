"""Confinement: the limits a sandboxed run is held to and the means of holding it there.

Landlock, seccomp, resource limits and the process trackers (``/proc`` on Linux,
psutil elsewhere); :mod:`grader.sandbox.confine` turns a forked child into a sandbox.
"""
