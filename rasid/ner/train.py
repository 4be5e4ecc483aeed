"""Rebuild the shipped NER model from the shared data (training only: needs torch and gensim).

Steps: word vectors learned from the unlabelled news, the BiLSTM encoder pretrained as a
bidirectional language model on the same news, then the BiLSTM-CRF tagger fine-tuned on ANERcorp,
and finally an export to plain arrays that rasid.ner.model runs with numpy alone.
"""

from __future__ import annotations

import copy
import glob
import json
import math
import random
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import torch
from torch import nn

from rasid.ner.eval import Sentence, read_conll, score
from rasid.ner.features import (
    MAX_CHARS,
    N_FEATURES,
    N_GAZETTEER,
    Lexicon,
    build_gazetteer,
    memory_key,
    neighbour_pairs,
    tokenize,
    word_key,
)
from rasid.ner.model import MODEL_NAME, TAGS, NerModel, gazetteer_matrix, models_dir, pool_memory

TAG_IDS = {t: i for i, t in enumerate(TAGS)}
DEV_FRACTION = 0.15


@dataclass
class Config:
    """Hyperparameters, chosen on the dev split (see rasid/models/ner/CARD.md)."""

    vector_dim: int = 100
    vector_epochs: int = 5
    min_count: int = 3
    max_words: int = 100_000
    char_dim: int = 32
    char_filters: int = 50
    char_widths: tuple[int, ...] = (2, 3, 4)
    feat_dim: int = 16
    hidden: int = 128
    dropout: float = 0.5
    word_dropout: float = 0.1
    lr: float = 2e-3
    embedding_lr: float = 1e-3
    batch: int = 16
    epochs: int = 12
    memory_window: int = 10
    memory_dropout: float = 0.2
    gazetteer: bool = True
    silver_sentences: int = 0  # news sentences the first tagger labels for the second; 0: one tagger
    silver_min_prob: float = 0.9
    silver_epochs: int = 4
    gold_epochs: int = 3
    lm_tokens: int = 3_000_000
    lm_clusters: int = 2000
    lm_batch: int = 64
    lm_dropout: float = 0.3
    lm_max_len: int = 50
    threads: int = 2
    extra: dict = field(default_factory=dict)


def default_data_dir() -> Path:
    """../shared/data beside the repository checkout."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def split_dev(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """The last 15% of the tokens, sequentially, as ANERcorp's official test is its last sixth."""
    total = sum(len(t) for t, _ in sentences)
    seen = 0
    for i, (tokens, _) in enumerate(sentences):
        if seen >= total * (1 - DEV_FRACTION):
            return sentences[:i], sentences[i:]
        seen += len(tokens)
    return sentences, []


def news_texts(data_dir: Path) -> Iterator[str]:
    """Titles and bodies of the unlabelled news: ANT politics sample and all of SaudiNewsNet."""
    with open(data_dir / "news" / "ant" / "ant-politics-4000.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            yield f"{record.get('title') or ''}\n{record.get('text') or ''}"
    for path in sorted(glob.glob(str(data_dir / "news" / "saudinewsnet" / "dataset" / "*.zip"))):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name)):
                    yield f"{record.get('title') or ''}\n{record.get('content') or ''}"


def news_sentences(data_dir: Path) -> list[list[str]]:
    """Distinct sentences of normalised word keys; the same story recurs across outlets."""
    seen: set[int] = set()
    out: list[list[str]] = []
    for text in news_texts(data_dir):
        for paragraph in text.split("\n"):
            sentence: list[str] = []
            for token in [*tokenize(paragraph), "\n"]:
                if token != "\n":
                    sentence.append(word_key(token))
                if token in ".!?؟\n":
                    key = hash(" ".join(sentence))
                    if len(sentence) > 2 and key not in seen:
                        seen.add(key)
                        out.append(sentence)
                    sentence = []
    return out


def word_vectors(corpus: list[list[str]], cfg: Config, seed: int) -> tuple[list[str], np.ndarray]:
    """Skip-gram vectors, unit length, for the max_words most frequent keys (most frequent first)."""
    from gensim.models import Word2Vec

    model = Word2Vec(sentences=corpus, vector_size=cfg.vector_dim, window=5, min_count=cfg.min_count, sg=1,
                     epochs=cfg.vector_epochs, workers=cfg.threads, negative=5, seed=seed)
    words = model.wv.index_to_key[: cfg.max_words]
    vectors = np.stack([model.wv[w] for w in words]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    return words, vectors


class Crf(nn.Module):
    """Linear-chain CRF: transition[i, j] scores tag i followed by tag j."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))

    def nll(self, em: torch.Tensor, y: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        steps = em.shape[1]
        alpha = self.start + em[:, 0]
        gold = self.start[y[:, 0]] + em[:, 0].gather(1, y[:, :1]).squeeze(1)
        for t in range(1, steps):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), 1) + em[:, t]
            alpha = torch.where(mask[:, t : t + 1], nxt, alpha)
            step = self.trans[y[:, t - 1], y[:, t]] + em[:, t].gather(1, y[:, t : t + 1]).squeeze(1)
            gold = gold + step * mask[:, t]
        last = y.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        return (torch.logsumexp(alpha + self.end, 1) - gold - self.end[last]).sum()

    def marginals(self, em: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Posterior probability of every tag at every position (forward-backward)."""
        steps = em.shape[1]
        alphas = [self.start + em[:, 0]]
        for t in range(1, steps):
            nxt = torch.logsumexp(alphas[-1].unsqueeze(2) + self.trans.unsqueeze(0), 1) + em[:, t]
            alphas.append(torch.where(mask[:, t : t + 1], nxt, alphas[-1]))
        lengths = mask.sum(1, keepdim=True)
        end = self.end.expand_as(em[:, 0])
        betas: list[torch.Tensor] = [end] * steps
        beta = end
        for t in range(steps - 1, 0, -1):
            betas[t] = beta
            back = torch.logsumexp(self.trans.unsqueeze(0) + (em[:, t] + beta).unsqueeze(1), 2)
            beta = torch.where(t < lengths, back, end)
        betas[0] = beta
        joint = torch.stack(alphas, 1) + torch.stack(betas, 1)
        return torch.softmax(joint, 2)


class Tagger(nn.Module):
    """Word + stem vectors, shape/clitic feature and a character CNN into a BiLSTM, then a CRF."""

    def __init__(self, vectors: np.ndarray, n_chars: int, cfg: Config) -> None:
        super().__init__()
        dim = vectors.shape[1]
        self.word = nn.Embedding(len(vectors), dim, padding_idx=0, sparse=True)
        self.word.weight.data.copy_(torch.from_numpy(vectors))
        self.feat = nn.Embedding(N_FEATURES, cfg.feat_dim)
        self.char = nn.Embedding(n_chars, cfg.char_dim, padding_idx=0)
        self.convs = nn.ModuleList(nn.Conv1d(cfg.char_dim, cfg.char_filters, k, padding=k // 2)
                                   for k in cfg.char_widths)
        self.drop = nn.Dropout(cfg.dropout)
        inputs = 2 * dim + cfg.feat_dim + cfg.char_filters * len(cfg.char_widths)
        inputs += N_GAZETTEER if cfg.gazetteer else 0
        self.lstm = nn.LSTM(inputs, cfg.hidden, bidirectional=True, batch_first=True)
        self.memory_dropout = cfg.memory_dropout
        memory = 2 * cfg.hidden + 1 if cfg.memory_window else 0
        self.out = nn.Linear(2 * cfg.hidden + memory, len(TAGS))
        self.crf = Crf(len(TAGS))

    def encode(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        ch, mask = batch["chars"], batch["mask"]
        b, steps, width = ch.shape
        flat = ch.view(b * steps, width)
        c = self.char(flat).transpose(1, 2)
        pad = (flat == 0).unsqueeze(1)
        pooled = [conv(c)[:, :, :width].masked_fill(pad, -1e4).max(2).values for conv in self.convs]
        chars = torch.relu(torch.cat(pooled, 1)).view(b, steps, -1)
        words, stems = self.word(batch["words"]), self.word(batch["stems"])
        parts = [words, stems, self.feat(batch["feats"]), chars]
        if "gazetteer" in batch:
            parts.append(batch["gazetteer"])
        x = torch.cat(parts, 2)
        packed = nn.utils.rnn.pack_padded_sequence(self.drop(x), mask.sum(1).cpu(), batch_first=True,
                                                   enforce_sorted=False)
        h, _ = self.lstm(packed)
        return nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=steps)[0]

    def emissions(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        h = self.encode(batch)
        if "memory" in batch:
            memory = batch["memory"]
            if self.training and self.memory_dropout:
                memory = memory * (torch.rand(*memory.shape[:2], 1) >= self.memory_dropout)
            h = torch.cat([h, memory], 2)
        return self.out(self.drop(h))


def make_batch(lexicon: Lexicon, sentences: list[list[str]], tags: list[list[str]] | None = None,
               word_dropout: float = 0.0) -> dict[str, torch.Tensor]:
    """Padded id tensors for a list of sentences; word dropout hides words so the other inputs learn."""
    n, steps = len(sentences), max(map(len, sentences))
    codes = [[lexicon.encode(t) for t in s] for s in sentences]
    width = max(len(c[3]) for s in codes for c in s)
    words = torch.zeros(n, steps, dtype=torch.long)
    stems, feats, y = torch.zeros_like(words), torch.zeros_like(words), torch.zeros_like(words)
    chars = torch.zeros(n, steps, width, dtype=torch.long)
    mask = torch.zeros(n, steps, dtype=torch.bool)
    for row, sent in enumerate(codes):
        k = len(sent)
        words[row, :k] = torch.tensor([c[0] for c in sent])
        stems[row, :k] = torch.tensor([c[1] for c in sent])
        feats[row, :k] = torch.tensor([c[2] for c in sent])
        for j, c in enumerate(sent):
            chars[row, j, : len(c[3])] = torch.tensor(c[3])
        mask[row, :k] = True
        if tags is not None:
            y[row, :k] = torch.tensor([TAG_IDS[t] for t in tags[row]])
    out = {"words": words, "stems": stems, "feats": feats, "chars": chars, "mask": mask, "tags": y}
    if lexicon.gazetteer is not None:
        bits = torch.zeros(n, steps, N_GAZETTEER)
        for row, sent in enumerate(sentences):
            keys = [word_key(t) for t in sent]
            bits[row, : len(sent)] = torch.from_numpy(gazetteer_matrix(keys, lexicon.gazetteer))
        out["gazetteer"] = bits
    if word_dropout:
        hide = (torch.rand(n, steps) < word_dropout) & mask
        out["words"] = words.masked_fill(hide, 1)
        out["stems"] = stems.masked_fill(hide, 1)
    return out


def length_batches(lengths: list[int], size: int, rng: random.Random) -> list[list[int]]:
    """Batches of similar length (less padding), in random order."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i] + rng.random() * 8)
    batches = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(batches)
    return batches


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iters: int = 8) -> np.ndarray:
    """Cluster ids of unit vectors (cosine k-means): the language model predicts these, not words."""
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), np.int64)
    for _ in range(iters):
        for i in range(0, len(x), 20_000):
            assign[i : i + 20_000] = (x[i : i + 20_000] @ centres.T).argmax(1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                centres[j] = members.mean(0) / (np.linalg.norm(members.mean(0)) + 1e-8)
    return assign


def pretrain_lm(net: Tagger, lexicon: Lexicon, corpus: list[list[str]], vectors: np.ndarray, cfg: Config,
                rng: random.Random, log: Callable[[str], None]) -> None:
    """Teach the encoder context before it sees labels: forward states predict the next word's cluster,
    backward states the previous word's, over lm_tokens of news."""
    clusters = kmeans(vectors, cfg.lm_clusters, np.random.default_rng(rng.randrange(1 << 30)))
    unknown = cfg.lm_clusters
    target_of = torch.from_numpy(np.concatenate([[unknown, unknown], clusters]))
    heads = nn.ModuleList([nn.Linear(cfg.hidden, cfg.lm_clusters + 1) for _ in range(2)])
    pieces: list[list[str]] = []
    count = 0
    for i in rng.sample(range(len(corpus)), len(corpus)):
        for j in range(0, len(corpus[i]), cfg.lm_max_len):
            piece = corpus[i][j : j + cfg.lm_max_len]
            if len(piece) >= 4:
                pieces.append(piece)
                count += len(piece)
        if count >= cfg.lm_tokens:
            break
    dense = [p for n, p in net.named_parameters() if not n.startswith("word.")] + list(heads.parameters())
    opt = torch.optim.Adam(dense, lr=cfg.lr)
    opt_words = torch.optim.SparseAdam([net.word.weight], lr=cfg.embedding_lr)
    batches = length_batches([len(p) for p in pieces], cfg.lm_batch, rng)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1)
    saved_dropout = net.drop.p
    net.drop.p = cfg.lm_dropout
    net.train()
    start, running = time.time(), 0.0
    for step, idx in enumerate(batches):
        decay = max(0.05, 1 - step / len(batches))
        opt.param_groups[0]["lr"] = cfg.lr * decay
        opt_words.param_groups[0]["lr"] = cfg.embedding_lr * decay
        batch = make_batch(lexicon, [pieces[i] for i in idx])
        h = net.drop(net.encode(batch))
        target = target_of[batch["words"]].masked_fill(~batch["mask"], -1)
        nxt = torch.full_like(target, -1)
        nxt[:, :-1] = target[:, 1:]
        prv = torch.full_like(target, -1)
        prv[:, 1:] = target[:, :-1]
        k = cfg.hidden
        loss = (loss_fn(heads[0](h[:, :, :k]).flatten(0, 1), nxt.flatten())
                + loss_fn(heads[1](h[:, :, k:]).flatten(0, 1), prv.flatten()))
        opt.zero_grad()
        opt_words.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(dense, 5.0)
        opt.step()
        opt_words.step()
        running = 0.98 * running + 0.02 * loss.item() if step else loss.item()
        if step % 500 == 0:
            log(f"  lm step {step}/{len(batches)} loss {running:.3f} ({time.time() - start:.0f}s)")
    net.drop.p = saved_dropout


def states(net: Tagger, lexicon: Lexicon, sentences: list[list[str]], size: int = 64) -> np.ndarray:
    """Encoder states of every token, flattened in sentence order (no dropout, no gradient)."""
    was_training = net.training
    net.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(sentences), size):
            part = sentences[i : i + size]
            h = net.encode(make_batch(lexicon, part))
            out.extend(h[row, : len(s)].numpy() for row, s in enumerate(part))
    net.train(was_training)
    return np.concatenate(out)


def sentence_memory(net: Tagger, lexicon: Lexicon, sentences: list[list[str]],
                    pairs: tuple[list[int], list[int]]) -> list[np.ndarray]:
    """Per sentence, the document memory that rasid.ner.model computes at inference."""
    memory = pool_memory(states(net, lexicon, sentences), *pairs)
    offsets = np.cumsum([0, *map(len, sentences)])
    return [memory[offsets[i] : offsets[i + 1]] for i in range(len(sentences))]


def fit(net: Tagger, lexicon: Lexicon, train: list[Sentence], cfg: Config, rng: random.Random,
        log: Callable[[str], None], dev: list[Sentence] | None = None) -> None:
    """Train the tagger on gold sentences with Adam, the learning rate falling linearly to 5%.

    Sentences stay in corpus order for the document memory: neighbours are the same article's.
    """
    dense = [p for n, p in net.named_parameters() if not n.startswith("word.")]
    sentences = [tokens for tokens, _ in train]
    pairs = neighbour_pairs([[memory_key(t, lexicon.encode(t)) for t in s] for s in sentences],
                            cfg.memory_window) if cfg.memory_window else ([], [])
    opt = torch.optim.Adam(dense, lr=cfg.lr)
    opt_words = torch.optim.SparseAdam([net.word.weight], lr=cfg.embedding_lr)
    for epoch in range(cfg.epochs):
        decay = max(0.05, 1 - epoch / cfg.epochs)
        opt.param_groups[0]["lr"] = cfg.lr * decay
        opt_words.param_groups[0]["lr"] = cfg.embedding_lr * decay
        net.train()
        start, total = time.time(), 0.0
        memory = sentence_memory(net, lexicon, sentences, pairs) if cfg.memory_window else []
        for idx in length_batches([len(t) for t, _ in train], cfg.batch, rng):
            tags = [train[i][1] for i in idx]
            batch = make_batch(lexicon, [sentences[i] for i in idx], tags, cfg.word_dropout)
            if memory:
                batch["memory"] = pad_memory([memory[i] for i in idx], batch["mask"].shape[1])
            loss = net.crf.nll(net.emissions(batch), batch["tags"], batch["mask"])
            opt.zero_grad()
            opt_words.zero_grad()
            (loss / len(idx)).backward()
            nn.utils.clip_grad_norm_(dense, 5.0)
            opt.step()
            opt_words.step()
            total += loss.item()
        message = f"  epoch {epoch + 1}/{cfg.epochs} loss {total:.0f} ({time.time() - start:.0f}s)"
        if dev:
            message += f" dev F1 {quick_f1(net, lexicon, dev, cfg):.2f}"
        log(message)


def silver(net: Tagger, lexicon: Lexicon, corpus: list[list[str]], cfg: Config, rng: random.Random,
           log: Callable[[str], None], size: int = 64) -> list[Sentence]:
    """News sentences the trained tagger labels with confidence (every token's tag at least
    silver_min_prob), up to silver_sentences, read in corpus order so document memory works."""
    net.eval()
    kept: list[Sentence] = []
    start, seen = rng.randrange(len(corpus)), 0
    while len(kept) < cfg.silver_sentences and seen < len(corpus):
        window = (corpus[(start + seen + i) % len(corpus)] for i in range(20 * size))
        part = [s for s in window if 5 <= len(s) <= 60]
        seen += 20 * size
        if not part:
            continue
        pairs = neighbour_pairs([[memory_key(t, lexicon.encode(t)) for t in s] for s in part],
                                cfg.memory_window) if cfg.memory_window else ([], [])
        memory = sentence_memory(net, lexicon, part, pairs) if cfg.memory_window else []
        with torch.no_grad():
            for i in range(0, len(part), size):
                batch = make_batch(lexicon, part[i : i + size])
                if memory:
                    batch["memory"] = pad_memory(memory[i : i + size], batch["mask"].shape[1])
                probs, best = net.crf.marginals(net.emissions(batch), batch["mask"]).max(2)
                for row, tokens in enumerate(part[i : i + size]):
                    if probs[row, : len(tokens)].min().item() >= cfg.silver_min_prob:
                        kept.append((tokens, bio([TAGS[k] for k in best[row, : len(tokens)].tolist()])))
    entities = sum(t.startswith("B-") for _, tags in kept for t in tags)
    log(f"silver: kept {len(kept)} of {seen} news sentences, {entities} entities")
    return kept[: cfg.silver_sentences]


def bio(tags: list[str]) -> list[str]:
    """Valid BIO: an I- that does not continue its type opens a span (B-)."""
    out = list(tags)
    for i, tag in enumerate(out):
        if tag.startswith("I-") and (i == 0 or out[i - 1][2:] != tag[2:]):
            out[i] = "B-" + tag[2:]
    return out


def pad_memory(parts: list[np.ndarray], steps: int) -> torch.Tensor:
    out = torch.zeros(len(parts), steps, parts[0].shape[1])
    for row, part in enumerate(parts):
        out[row, : len(part)] = torch.from_numpy(part)
    return out


def quick_f1(net: Tagger, lexicon: Lexicon, dev: list[Sentence], cfg: Config) -> float:
    """Dev micro F1 through the exported arrays, so it is exactly what numpy inference gives."""
    model = NerModel(*export_arrays(net, lexicon, cfg))
    return score([t for _, t in dev], model.tag([s for s, _ in dev]))["micro"]["f1"]


def quantize(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with one float scale each: a quarter of the float32 size, no measurable F1 change."""
    scale = np.abs(matrix).max(1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(matrix / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def export_arrays(net: Tagger, lexicon: Lexicon, cfg: Config) -> tuple[dict[str, np.ndarray], dict]:
    """The arrays and metadata rasid.ner.model.NerModel reads; weights kept as float16."""
    st = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    word_q, word_scale = quantize(st["word.weight"])
    arrays = {"word_q": word_q, "word_scale": word_scale, "feat_emb": st["feat.weight"],
              "char_emb": st["char.weight"], "out_w": st["out.weight"], "out_b": st["out.bias"],
              "crf_trans": st["crf.trans"], "crf_start": st["crf.start"], "crf_end": st["crf.end"]}
    for i, k in enumerate(cfg.char_widths):
        arrays[f"conv{k}_w"] = st[f"convs.{i}.weight"]
        arrays[f"conv{k}_b"] = st[f"convs.{i}.bias"]
    for d, suffix in (("f", ""), ("b", "_reverse")):
        arrays[f"lstm0_{d}_wih"] = st[f"lstm.weight_ih_l0{suffix}"]
        arrays[f"lstm0_{d}_whh"] = st[f"lstm.weight_hh_l0{suffix}"]
        arrays[f"lstm0_{d}_b"] = st[f"lstm.bias_ih_l0{suffix}"] + st[f"lstm.bias_hh_l0{suffix}"]
    arrays = {k: v.astype(np.float16) if v.dtype == np.float32 and k != "word_scale" else v
              for k, v in arrays.items()}
    meta = {"version": 1, "tags": list(TAGS), "words": lexicon.words, "chars": lexicon.chars,
            "char_widths": list(cfg.char_widths), "layers": 1, "max_chars": MAX_CHARS,
            "memory_window": cfg.memory_window}
    if lexicon.gazetteer is not None:
        meta["gazetteer"] = lexicon.gazetteer
    return arrays, meta


def train(output_dir: str | Path | None = None, data_dir: str | Path | None = None, dev: bool = False,
          seed: int = 1, config: Config | None = None, log: Callable[[str], None] = print,
          vectors_cache: str | Path | None = None) -> dict:
    """Rebuild the model into output_dir (default: the package's models/ner) and return a small report.

    With dev=True the last 15% of ANERcorp train is held out and scored, as in the model card.
    vectors_cache, if given, keeps the word vectors in that .npz between runs (they take minutes).
    """
    cfg = config or Config()
    data = Path(data_dir) if data_dir else default_data_dir()
    out = Path(output_dir) if output_dir else models_dir()
    began = time.time()
    rng = random.Random(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(cfg.threads)
    gold = read_conll(data / "ner" / "anercorp" / "train.txt")
    train_set, dev_set = split_dev(gold) if dev else (gold, [])
    log(f"ANERcorp: {len(train_set)} training sentences, {len(dev_set)} dev sentences")

    corpus = news_sentences(data)
    corpus += [[word_key(t) for t in tokens] for tokens, _ in train_set]
    log(f"news: {len(corpus)} sentences, {sum(map(len, corpus)):,} tokens ({time.time() - began:.0f}s)")
    cache = Path(vectors_cache) if vectors_cache else None
    if cache and cache.exists():
        with np.load(cache) as saved:
            words, vectors = [str(w) for w in saved["words"]], saved["vectors"]
    else:
        words, vectors = word_vectors(corpus, cfg, seed)
        if cache:
            np.savez(cache, words=np.array(words), vectors=vectors)
    log(f"word vectors: {len(words)} words ({time.time() - began:.0f}s)")

    char_counts = Counter(c for tokens, _ in train_set for t in tokens for c in word_key(t))
    lexicon = Lexicon(words, sorted(c for c, n in char_counts.items() if n >= 2),
                      build_gazetteer() if cfg.gazetteer else None)
    scaled = vectors * math.sqrt(vectors.shape[1]) / 10
    table = np.concatenate([np.zeros((2, scaled.shape[1]), np.float32), scaled])  # padding, unknown rows
    net = Tagger(table, len(lexicon.chars) + 3, cfg)
    torch.set_num_threads(1)  # the recurrences are small: one thread is faster than two here
    if cfg.lm_tokens:
        pretrain_lm(net, lexicon, corpus, vectors, cfg, rng, log)
        log(f"language-model pretraining done ({time.time() - began:.0f}s)")
    pretrained = copy.deepcopy(net.state_dict())
    fit(net, lexicon, train_set, cfg, rng, log, dev_set or None)
    if cfg.silver_sentences:
        # Self-training: the tagger labels news it is sure about; a second tagger, from the same
        # pretrained start, learns from gold and silver, then from gold alone at a lower rate.
        extra = silver(net, lexicon, corpus[: len(corpus) - len(train_set)], cfg, rng, log)
        net = Tagger(table, len(lexicon.chars) + 3, cfg)
        net.load_state_dict(pretrained)
        mixed = replace(cfg, epochs=cfg.silver_epochs)
        fit(net, lexicon, train_set + extra, mixed, rng, log, dev_set or None)
        tuned = replace(cfg, epochs=cfg.gold_epochs, lr=cfg.lr * 0.3, embedding_lr=cfg.embedding_lr * 0.3)
        fit(net, lexicon, train_set, tuned, rng, log, dev_set or None)

    arrays, meta = export_arrays(net, lexicon, cfg)
    meta["trained"] = {"seed": seed, "sentences": len(train_set), "config": asdict(cfg)}
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / f"{MODEL_NAME}.npz", **arrays)
    (out / f"{MODEL_NAME}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    report: dict = {"seconds": round(time.time() - began), "words": len(words), "output": str(out)}
    if dev_set:
        from rasid.ner.eval import evaluate

        model = NerModel(*export_arrays(net, lexicon, cfg))
        result = evaluate(model, dev_set)
        report["dev"] = {k: round(v["f1"], 2) for k, v in result["types"].items()}
    log(f"done in {report['seconds']}s")
    return report
