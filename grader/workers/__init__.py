"""The app's side of the sandbox: the worker processes, the runs conducted on them, the pool.

:class:`grader.workers.pool.Grader` dispatches queued jobs to one runner per thread
(:mod:`grader.workers.backends`: a zygote on Linux, spawned single-use workers elsewhere).
"""
