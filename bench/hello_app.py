"""The reference for bench/latency.py: one slider and one 200-point Altair line chart."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

st.title("Hello")
frequency = st.sidebar.slider("Frequency", 1, 50, 5)
x = np.linspace(0, 1, 200)
data = pd.DataFrame({"x": x, "y": np.sin(2 * np.pi * frequency * x)})
st.altair_chart(alt.Chart(data).mark_line().encode(x="x:Q", y="y:Q"), width="stretch")
