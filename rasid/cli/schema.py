"""`rasid schema`: the JSON Schema of the document JSON."""

from __future__ import annotations

import click

from rasid.resources import data_path


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the document JSON (rasid.document/1).

    \b
    Example:
      rasid schema > document.schema.json
    """
    click.echo(data_path("document.schema.json").read_text(encoding="utf-8"), nl=False)
