"""The import wizard (`ImportWizard`) and its pages, one module per page."""

from desktop.wizard.wizard import ImportWizard

__all__ = ["ImportWizard"]
