"""Questions of the weight clipping page (see ui/questions/__init__.py)."""

from ui.questions import check_questions
from ui.tables.weight_clipping import TABLE

QUESTIONS = check_questions(TABLE, ())
