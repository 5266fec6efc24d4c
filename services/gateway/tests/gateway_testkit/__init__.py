"""Test support for the gateway suite (imported by conftest.py; not shipped)."""
