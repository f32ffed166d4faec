"""Benchmarks: one script per stage (extract, load, queries, api, rdf, memory), run all with `make bench`."""
