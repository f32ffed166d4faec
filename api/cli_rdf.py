"""`provkg export` and `provkg validate`: RDF out of the graph, checked against shapes.ttl."""
