"""Simulation core of Gradient Lab: pure NumPy, no Streamlit."""
