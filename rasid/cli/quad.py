"""`rasid train quad` and `rasid eval quad`: rebuild the PLOVER sentence classifier, or score it on a TSV."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rasid.cli.options import train_options

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "events" / "un-quad"


@click.command("quad")
@train_options("quad", "Folder holding ar_quad.train.tsv and ar_binary.train.tsv.",
               data_default="../shared/data/events/un-quad", files="quad-v1.npz and quad-v1.json")
def train_quad_command(data_dir: Path | None, out_dir: Path | None) -> None:
    """Rebuild the quad/relevance classifier (needs the `train` extra: scikit-learn). Prints dev
    scores, then refits on all the training data; takes about a minute.

    \b
    Example:
      pip install -e '.[train]'
      rasid train quad --data ../shared/data/events/un-quad --out /tmp/quad-model
    """
    data_dir = data_dir or DEFAULT_DATA
    if not (data_dir / "ar_quad.train.tsv").is_file() or not (data_dir / "ar_binary.train.tsv").is_file():
        raise click.UsageError(f"{data_dir} lacks ar_quad.train.tsv and ar_binary.train.tsv; pass --data DIR")
    from rasid.events.train_quad import train

    scores = train(data_dir, out_dir, log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps({"dev_quad_macro_f1": scores["quad"]["macro_f1"],
                           "dev_quad_accuracy": scores["quad"]["accuracy"],
                           "dev_relevance_f1": scores["relevance"]["f1"]}))


@click.command("quad")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--model", "model_path", type=click.Path(exists=True, path_type=Path), default=None,
              help="A model .npz (or its folder). Default: the shipped model.")
def eval_quad_command(file: Path, model_path: Path | None) -> None:
    """Score the classifier on a TSV with columns `ar` and `QuadClass` (0-4), or `ar` and `Relevant`
    (0/1; a sentence counts as relevant at probability >= 0.5). Prints P/R/F1 per class; the last
    line is a JSON object with task, n, accuracy, macro_f1 (and f1 for relevance) and sentences_per_s.

    \b
    Example:
      rasid eval quad held-out/ar_quad.test.tsv
    """
    from rasid.events.classify import QuadClassifier
    from rasid.events.eval_quad import evaluate

    try:
        result = evaluate(file, QuadClassifier.load(model_path))
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"{'class':<21} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for name, row in result["classes"].items():
        click.echo(f"{name:<21} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} "
                   f"{row['support']:6d}")
    click.echo(f"{result['n']} sentences, {result['sentences_per_s']:,.0f} sentences/s")
    keys = ["task", "n", "accuracy", "macro_f1", *(["f1"] if "f1" in result else []), "sentences_per_s"]
    summary = {k: round(result[k], 4) if isinstance(result[k], float) else result[k] for k in keys}
    click.echo(json.dumps(summary))
