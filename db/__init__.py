"""Positions data layer: schema, store, queries and the import pipeline.

Plain Python on purpose: the command line, the tests and the Qt application all call it, and none of it may
need a display. `tests/test_layers.py` keeps PySide6 out of this package.
"""
