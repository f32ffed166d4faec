"""Fact rules: each reads a DocContext and returns typed facts with evidence."""
