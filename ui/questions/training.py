"""Questions of the training page (see ui/questions/__init__.py)."""

from ui.questions import check_questions
from ui.tables.training import TABLE

QUESTIONS = check_questions(TABLE, ())
