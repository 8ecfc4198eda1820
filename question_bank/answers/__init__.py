"""Whether an answer is right, in one place: the check entry point and the rules behind it.

- :mod:`.check`: :func:`~.check.judge` and :func:`~.check.check_answer` for every written
  item type (choices compared, typed answers matched), the answer as the review log keeps
  it, and the right answer as text;
- :mod:`.typed`: short answers and cloze blanks judged as a fair Korean teacher would;
- :mod:`.numbers`: numbers as students type them (units, ratios, percentages);
- :mod:`.normal`: the normalisation both use; :mod:`.judgement`: the verdict.

The models read :mod:`.numbers` (a numeric ``reject`` must be a number), so this package
imports nothing itself: import the module you need.
"""
