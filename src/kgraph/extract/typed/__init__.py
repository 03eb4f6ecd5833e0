"""Mentions of every NEREL entity type, by taggers learned from NEREL train."""
