"""The tables and the model extraction ships with (see README.md here for where each comes from)."""
