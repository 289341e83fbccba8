"""Helpers for page tests: start a page, read chart data, check it is plottable."""

import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.testing.v1 import AppTest

from ui.charts.common import spec_objects

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 30


def open_page(page: str | None = None, params: dict[str, str] | None = None) -> AppTest:
    """Run ``app.py`` (with URL ``params``), then switch to ``page`` ("pages/1_chain_rule.py")."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def charts(at: AppTest) -> list:
    """Every Vega-Lite chart element on the page."""
    return list(at.get("vega_lite_chart"))


def chart_frames(chart) -> list[pd.DataFrame]:
    """The datasets a chart element sends to the browser, as DataFrames."""
    frames = []
    for dataset in chart.proto.datasets:
        reader = pa.ipc.open_stream(pa.py_buffer(dataset.data.data))
        frames.append(reader.read_all().to_pandas())
    if chart.proto.data.data:
        reader = pa.ipc.open_stream(pa.py_buffer(chart.proto.data.data))
        frames.append(reader.read_all().to_pandas())
    return frames


def chart_datasets(chart) -> dict[str, pd.DataFrame]:
    """A chart's named datasets (a template's data), by name."""
    return {dataset.name: pa.ipc.open_stream(pa.py_buffer(dataset.data.data)).read_all()
            .to_pandas() for dataset in chart.proto.datasets}


def chart_specs(at: AppTest) -> list[str]:
    """The Vega-Lite spec of every chart on the page, in order."""
    return [chart.proto.spec for chart in charts(at)]


def move_widget(at: AppTest, widget, value, redrawn: list[int] | None = None) -> dict[int, bool]:
    """Set ``widget`` to ``value`` and rerun; every redrawn chart must keep its spec (the browser
    then keeps its view) and its datasets' names. Returns, per chart index, whether its data
    changed. ``redrawn``: the indices of the charts a fragment rerun draws again (default all).
    """
    specs, before = chart_specs(at), [chart_datasets(chart) for chart in charts(at)]
    widget.set_value(value).run()
    assert not at.exception, at.exception
    after = charts(at)
    indices = list(range(len(before))) if redrawn is None else list(redrawn)
    assert len(after) == len(indices), f"{len(after)} charts redrawn, expected {indices}"
    changed = {}
    for index, chart in zip(indices, after, strict=True):
        assert chart.proto.spec == specs[index], f"chart {index}'s spec changed"
        data = chart_datasets(chart)
        assert data.keys() == before[index].keys(), index
        changed[index] = any(not data[name].equals(before[index][name]) for name in data)
    return changed


def numeric_values(chart) -> np.ndarray:
    """Every numeric value a chart plots, flattened."""
    values = [frame.select_dtypes("number").to_numpy(dtype=float).ravel()
              for frame in chart_frames(chart)]
    return np.concatenate(values) if values else np.array([])


def dataset_names(spec: object) -> set[str]:
    """The named datasets a Vega-Lite spec's layers read (``"data": {"name": ...}``)."""
    return {obj["data"]["name"] for obj in spec_objects(spec)
            if isinstance(obj.get("data"), dict) and isinstance(obj["data"].get("name"), str)}


def assert_all_finite(at: AppTest) -> None:
    """No chart on the page receives inf or NaN, and every dataset a chart reads is sent and
    has rows (an empty or missing one draws nothing and makes Vega warn of an infinite extent).
    """
    for chart in charts(at):
        values = numeric_values(chart)
        assert np.all(np.isfinite(values)), f"non-finite value in chart {chart.proto.spec[:120]}"
        sent = chart_datasets(chart)
        for name in dataset_names(json.loads(chart.proto.spec)):
            assert name in sent, f"dataset {name!r} is not sent: {chart.proto.spec[:120]}"
            assert len(sent[name]), f"dataset {name!r} is empty: {chart.proto.spec[:120]}"


def texts(at: AppTest) -> str:
    """All markdown, titles, captions, metric labels and notices of the page, joined."""
    parts = []
    for kind in ("markdown", "title", "header", "subheader", "caption", "warning", "info",
                 "error", "success", "latex"):
        parts += [str(element.value) for element in at.get(kind)]
    parts += [metric.label + " " + str(metric.value) for metric in at.metric]
    parts += [chart.proto.spec for chart in charts(at)]
    return "\n".join(parts)


def export_ids(at: AppTest) -> list[str]:
    """The chart ids of the page's export menus (one SVG button per menu)."""
    return [button.key.removeprefix("export_svg_") for button in at.get("download_button")
            if (button.key or "").startswith("export_svg_")]


def folded(at: AppTest) -> str:
    """The markdown folded into presenter mode's "Explanation" expanders."""
    return "\n".join(md.value for box in at.expander if box.label == "Explanation"
                     for md in box.markdown)


def cold_rerun_seconds(at: AppTest) -> float:
    """Wall time of rerunning the page with an empty st.cache_data."""
    st.cache_data.clear()
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start
