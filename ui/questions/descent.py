"""Questions of the descent page (see ui/questions/__init__.py)."""

from ui.questions import check_questions
from ui.tables.descent import TABLE

QUESTIONS = check_questions(TABLE, ())
