"""The `rasid` command: a small group of commands, each a thin wrapper over a library call."""

from __future__ import annotations

import click

from rasid import __version__
from rasid.cli.analyze import analyze_command
from rasid.cli.batch import batch_command
from rasid.cli.export import brief_command, export_command, graph_command
from rasid.cli.ner import eval_ner_command, train_ner_command
from rasid.cli.quad import eval_quad_command, train_quad_command
from rasid.cli.schema import schema_command
from rasid.cli.serve import serve_command
from rasid.cli.stance import eval_stance_command, train_stance_command
from rasid.cli.store import COMMANDS as STORE_COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasid")
def cli() -> None:
    """rasid (راصد): read Arabic news, rebuild the conflict it describes as structured data.

    \b
    Example:
      rasid analyze examples/ --format text
    """


@cli.group("train")
def train_group() -> None:
    """Rebuild a shipped model from the data under ../shared/data.

    \b
    Example:
      rasid train ner
    """


@cli.group("eval")
def eval_group() -> None:
    """Score a shipped model on a labelled file; the last line printed is JSON.

    \b
    Example:
      rasid eval ner ../shared/data/ner/aqmar/dev.bio
    """


cli.add_command(analyze_command)
cli.add_command(batch_command)
cli.add_command(schema_command)
cli.add_command(serve_command)
cli.add_command(export_command)
cli.add_command(graph_command)
cli.add_command(brief_command)
for command in STORE_COMMANDS:
    cli.add_command(command)
for command in (train_ner_command, train_quad_command, train_stance_command):
    train_group.add_command(command)
for command in (eval_ner_command, eval_quad_command, eval_stance_command):
    eval_group.add_command(command)


def main() -> None:
    cli(prog_name="rasid")
