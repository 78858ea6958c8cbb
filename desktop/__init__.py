"""The Positions Qt application and its command line."""
