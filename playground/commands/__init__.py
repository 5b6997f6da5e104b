"""Command-line subcommands; each module exposes add_parser(subparsers) and handles its own arguments."""
