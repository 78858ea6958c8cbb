"""Widgets of the main window: each one a view over a model or a form over one statement."""
