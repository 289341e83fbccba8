"""Questions of the explanations page (see ui/questions/__init__.py)."""

from ui.questions import check_questions
from ui.tables.explanations import TABLE

QUESTIONS = check_questions(TABLE, ())
