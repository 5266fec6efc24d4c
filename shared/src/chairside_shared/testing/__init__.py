"""Test support shared by every service's suite: fixtures, fakes and process helpers."""
