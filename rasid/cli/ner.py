"""`rasid train ner` and `rasid eval ner`: rebuild the shipped tagger, or score it on a CoNLL file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rasid.cli.options import train_options


@click.command("ner")
@train_options("ner", "The shared data folder (ner/anercorp, ner/aqmar, news/...).")
@click.option("--dev/--no-dev", default=False,
              help="Hold out the last 15% of ANERcorp train as a dev split and report on it "
                   "(the shipped model is trained on all of it).")
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
def train_ner_command(data_dir: Path | None, out_dir: Path | None, dev: bool, seed: int) -> None:
    """Rebuild the Arabic NER tagger from the shared data (needs the `train` extra: torch, gensim).

    \b
    Example:
      pip install -e '.[train]'
      rasid train ner --data ../shared/data --out /tmp/ner-model
    """
    from rasid.ner.train import train

    report = train(out_dir, data_dir=data_dir, dev=dev, seed=seed, log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(report, ensure_ascii=False))


@click.command("ner")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["conll"]), default="conll", show_default=True,
              help="conll: `token TAG` lines (space or tab), blank line between sentences; "
                   "PER is read as PERS.")
@click.option("--model", "model_path", type=click.Path(exists=True, path_type=Path), default=None,
              help="A model .npz (or its folder). Default: the shipped model.")
def eval_ner_command(file: Path, fmt: str, model_path: Path | None) -> None:
    """Score the NER tagger on a labelled file: exact-span P/R/F1 per type and micro-averaged.

    The last line printed is a JSON object with f1, precision, recall and tokens_per_s.

    \b
    Example:
      rasid eval ner ../shared/data/ner/anercorp/test.txt --format conll
    """
    from rasid.ner.eval import evaluate, read_conll
    from rasid.ner.model import NerModel

    sentences = read_conll(file)
    model = NerModel.load(model_path)
    result = evaluate(model, sentences)
    click.echo(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for kind, row in result["types"].items():
        cells = f"{row['precision']:6.2f} {row['recall']:6.2f} {row['f1']:6.2f} {row['support']:6d}"
        click.echo(f"{kind:<6} {cells}")
    click.echo(f"{result['tokens']} tokens, {result['tokens_per_s']:,.0f} tokens/s")
    # The table shows percentages; the JSON line gives fractions (0.81), like every rasid eval.
    scores = {k: round(result[k] / 100, 4) for k in ("f1", "precision", "recall")}
    click.echo(json.dumps({**scores, "tokens_per_s": round(result["tokens_per_s"])}))
