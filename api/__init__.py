"""User-facing interfaces: the REST API (api.app) and the command line (api.cli)."""
