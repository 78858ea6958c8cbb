"""Comparison sheets: gathered as plain data (sheet_data), laid out and painted page by page (sheet_layout),
written to PDF or a printer through one path (output), previewed from the window (dialog)."""
