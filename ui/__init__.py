"""Shared pieces of the Streamlit pages."""
