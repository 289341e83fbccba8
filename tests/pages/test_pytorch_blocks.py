"""Every page with a "Copy as PyTorch" block: the block is there (folded), its code compiles,
holds the page's settings, and moving a slider (in the sidebar or in a section) changes it."""

import pytest

from tests.apptest import open_page

TITLE = {"en": "Copy as PyTorch", "zh": "复制为 PyTorch 代码"}
# page, light link parameters, the slider to move, its new value, what the code then holds
CASES = {
    "chain_rule": ("pages/1_chain_rule.py", {"depth": "20", "width": "32", "samples": "2"},
                   "gain", 1.5, "GAIN = torch.nn.ReLU(), \"he\", 1.5"),
    "clipping": ("pages/2_gradient_clipping.py", {"steps": "20", "depth": "6"},
                 "mag", 4.5, "MAGNITUDE, ANGLE, THRESHOLD = 4.5, 30, 1.0"),
    "weight_clipping": ("pages/3_weight_clipping.py", {"depth": "12", "width": "32"},
                        "depth", 8, "C, DEPTH, WIDTH, GAIN = 0.1, 8, 32, 1.2"),
    "explosion": ("pages/5_explosion_vs_vanishing.py",
                  {"l_depth": "10", "r_depth": "10", "width": "32"},
                  "max_norm", 2.5, "WIDTH, BATCH, MAX_NORM = 32, 32, 2.5"),
    "training": ("pages/6_training_lab.py", {"steps": "100"}, "thr", 2.5, '"thr": 2.5,'),
}


def pytorch_code(at, lang: str = "en") -> str:
    """The script in the page's one "Copy as PyTorch" expander."""
    blocks = [block for block in at.expander if block.label == TITLE[lang]]
    assert len(blocks) == 1, [block.label for block in at.expander]
    codes = [code for code in blocks[0].code if code.language == "python"]
    assert len(codes) == 1
    return codes[0].value


@pytest.mark.parametrize("page_id", list(CASES))
def test_block_compiles_and_follows_a_slider(page_id):
    page, params, key, value, expected = CASES[page_id]
    if page_id == "training":  # the run's clipping must be on for its threshold to matter
        params = {**params, "clip": "norm"}
    at = open_page(page, params)
    assert not at.exception, at.exception
    before = pytorch_code(at)
    compile(before, page, "exec")
    assert "import torch" in before and expected not in before
    at.slider(key=key).set_value(value).run()
    assert not at.exception, at.exception
    after = pytorch_code(at)
    compile(after, page, "exec")
    assert expected in after and after != before


def test_block_speaks_chinese():
    page, params, *_ = CASES["chain_rule"]
    at = open_page(page, {**params, "lang": "zh"})
    assert not at.exception, at.exception
    compile(pytorch_code(at, "zh"), page, "exec")
