"""Questions of the explosion page (see ui/questions/__init__.py)."""

from ui.questions import check_questions
from ui.tables.explosion import TABLE

QUESTIONS = check_questions(TABLE, ())
