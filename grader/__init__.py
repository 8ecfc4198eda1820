"""The grader: runs submissions in a sandbox and judges them against hidden tests."""
