"""The `positions` subcommands; each module registers its parsers and the function that runs them."""

from desktop.commands import maintenance, reading

COMMAND_MODULES = [reading, maintenance]
