"""The REST API (api.app): routes, schemas, problem responses, middleware."""
