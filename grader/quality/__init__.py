"""How good a task's hidden tests are: mutants of the reference and the verification of a bank."""
