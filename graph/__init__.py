"""Graph stores, the ontology-derived schema, loading and RDF export."""
