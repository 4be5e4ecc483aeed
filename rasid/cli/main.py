"""The `rasid` command: a small group of commands, each a thin wrapper over a library call."""

from __future__ import annotations

import click

from rasid import __version__
from rasid.cli.analyze import analyze_command
from rasid.cli.schema import schema_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasid")
def cli() -> None:
    """rasid (راصد): read Arabic news, rebuild the conflict it describes as structured data.

    \b
    Example:
      rasid analyze examples/ --format text
    """


cli.add_command(analyze_command)
cli.add_command(schema_command)


def main() -> None:
    cli(prog_name="rasid")
