"""Benchmarks, generators and demo data: run from the repository, never shipped.

Nothing in the runtime packages imports from here.
"""
