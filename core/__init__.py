"""What every stage shares: the typed models between stages, ids and folding, errors, settings.

Depends on no other package of the project; graph/, ingest/, api/ and cli/ depend on it."""
