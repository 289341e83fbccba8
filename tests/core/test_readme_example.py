"""The README's "Use the core from Python" example runs and prints what its comments say."""

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_example_prints_its_commented_numbers():
    section = README.read_text(encoding="utf-8").split("## Use the core from Python", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    simulated, theory, clipped, descent = printed.getvalue().splitlines()
    assert abs(float(simulated.split()[-1]) - 3.9) < 0.05  # "about +3.9 decades"
    assert abs(float(theory.split()[-1]) - 3.9) < 0.1  # the theory agrees within ~0.1
    assert clipped == "13.0 [0.23076921 0.30769228 0.92307685]"  # PyTorch's eps: x / (13 + 1e-6)
    assert "28.9254655" in descent and abs(1.4**10 - 28.9254655) < 1e-6
