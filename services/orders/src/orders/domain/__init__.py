"""Orders domain: plain Python rules with no I/O (stdlib + pydantic only)."""
