"""The `provkg` command line: wires settings, stores, the ingest pipeline and the graph together."""
