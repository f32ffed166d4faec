"""`provkg query`: the named query library (see queries/README.md)."""
