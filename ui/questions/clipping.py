"""Questions of the clipping page (see ui/questions/__init__.py)."""

from ui.questions import check_questions
from ui.tables.clipping import TABLE

QUESTIONS = check_questions(TABLE, ())
