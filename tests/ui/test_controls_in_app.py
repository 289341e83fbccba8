"""Controls inside a running script: link repair, notices, presets, the share link."""

from streamlit.testing.v1 import AppTest


def script():
    import streamlit as st

    from ui.control_table import ControlTable, Select, Slider
    from ui.controls import Controls

    table = ControlTable("test", "act.", (  # any label keys will do
        Slider("depth", "control.seed", 1, 200, 50),
        Select("act", "control.seed", ["relu", "tanh"], "relu", option_label="act."),
    ), presets={"tanh": {"depth": 150, "act": "tanh"}, "relu": {"depth": 5}})
    controls = Controls("en", table)
    depth, act = controls.widgets("depth", "act").values()
    controls.report()
    st.write(f"depth={depth} act={act} link={controls.link_params()}")


def run(params=None) -> AppTest:
    at = AppTest.from_function(script, default_timeout=10)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def shown(at: AppTest) -> str:
    return at.markdown[-1].value


def test_defaults_need_no_notice_and_no_link_parameters():
    at = run()
    assert not at.exception and not at.warning
    assert shown(at) == "depth=50 act=relu link={}"


def test_an_out_of_range_number_is_clamped_and_named():
    at = run({"depth": "100000"})
    assert "depth=200" in shown(at)
    assert "depth=100000" in at.warning[0].value and "1–200" in at.warning[0].value


def test_garbage_falls_back_to_the_default_with_a_notice():
    at = run({"depth": "abc", "act": "<script>", "bogus": "1"})
    assert not at.exception
    assert "depth=50 act=relu" in shown(at)
    notice = at.warning[0].value
    assert "depth=abc" in notice and "act=<script>" in notice and "bogus" in notice


def test_a_valid_link_seeds_the_controls_and_is_reproduced():
    at = run({"depth": "30", "act": "tanh", "lang": "zh"})
    assert not at.warning
    assert shown(at) == "depth=30 act=tanh link={'depth': '30', 'act': 'tanh'}"


def test_choosing_a_preset_sets_every_control_it_names():
    at = run()
    at.selectbox(key="preset").set_value("tanh").run()
    assert "depth=150 act=tanh" in shown(at)
    assert at.selectbox(key="preset").value == "tanh"
    at.slider(key="depth").set_value(149).run()
    assert at.selectbox(key="preset").value == "custom"


def flag_script():
    import streamlit as st

    from ui.control_table import ControlTable, Toggle
    from ui.controls import Controls

    controls = Controls("en", ControlTable("test", "", (Toggle("bn", "control.seed"),)))
    on = controls.widget("bn")
    controls.report()
    st.write(f"bn={on}")


def test_a_flag_accepts_true_false_and_1_0_and_names_garbage():
    for raw, expected, warned in (("true", True, False), ("1", True, False),
                                  ("false", False, False), ("maybe", False, True)):
        at = AppTest.from_function(flag_script, default_timeout=10)
        at.query_params["bn"] = raw
        at.run()
        assert at.markdown[-1].value == f"bn={expected}", raw
        assert bool(at.warning) == warned, raw


def test_a_choice_is_written_to_the_address_as_its_id_in_every_language():
    at = run({"lang": "zh"})
    at.selectbox(key="act").set_value("tanh").run()
    assert at.query_params["act"] == ["tanh"] or at.query_params["act"] == "tanh"
    at.selectbox(key="act").set_value("relu").run()
    assert "act" not in at.query_params
