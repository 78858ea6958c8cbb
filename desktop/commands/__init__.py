"""The `positions` subcommands; each module registers its parsers and the function that runs them."""

from desktop.commands import (
    annotation_commands,
    backup_commands,
    import_command,
    maintenance,
    print_command,
    reading,
)

COMMAND_MODULES = [reading, maintenance, backup_commands, print_command, import_command, annotation_commands]
