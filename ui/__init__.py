"""Gradient Lab's Streamlit/Altair layer: page shell, controls, chart builders, strings."""
