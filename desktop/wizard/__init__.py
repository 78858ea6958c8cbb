"""The import wizard (`ImportWizard`) and its pages, one module per page."""

from desktop.wizard import immortal_constants  # noqa: F401  (first: see the module)
from desktop.wizard.wizard import ImportWizard

__all__ = ["ImportWizard"]
