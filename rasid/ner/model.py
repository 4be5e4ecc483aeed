"""Numpy-only inference for the BiLSTM-CRF tagger trained by rasid.ner.train.

Torch is a training-time tool; shipping only arrays keeps `rasid` light and the tagger fast on one core.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rasid.ner.features import N_GAZETTEER, Lexicon, gazetteer_bits, memory_key, neighbour_pairs, word_key
from rasid.resources import load_model, model_dir

MODEL_NAME = "ner-v1"
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")


def models_dir() -> Path:
    """Where the shipped model files live inside the package."""
    return model_dir("ner")


def pool_memory(states: np.ndarray, rows: list[int], cols: list[int]) -> np.ndarray:
    """[mean state of the token's other mentions nearby, has-any flag] for every token.

    A name that is easy in one sentence ("the coach Arsene Wenger") lends its reading to the
    same name elsewhere in the article ("Wenger said"), which one sentence alone cannot see.
    """
    out = np.zeros((len(states), states.shape[1] + 1), np.float32)
    if rows:
        r = np.asarray(rows)
        order = np.argsort(r, kind="stable")
        r = r[order]
        c = np.asarray(cols)[order]
        starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
        counts = np.diff(np.r_[starts, len(r)])
        targets = r[starts]
        out[targets, :-1] = np.add.reduceat(states[c], starts, axis=0) / counts[:, None]
        out[targets, -1] = 1.0
    return out


def valid_bio(tags: tuple[str, ...], trans: np.ndarray, start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Transition and start scores that let Viterbi produce only valid BIO: I-X only after B-X or I-X."""
    trans, start = trans.copy(), start.copy()
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            start[j] = -1e4
            for i, before in enumerate(tags):
                if before[2:] != tag[2:]:
                    trans[i, j] = -1e4
    return trans, start


def gazetteer_matrix(keys: list[str], gazetteer: dict[str, int]) -> np.ndarray:
    """[tokens, N_GAZETTEER] 0/1 name-list bits (see rasid.ner.features.build_gazetteer)."""
    masks = np.array([gazetteer_bits(k, gazetteer) for k in keys], np.int64)
    return ((masks[:, None] >> np.arange(N_GAZETTEER)) & 1).astype(np.float32)


class _Lstm:
    """One direction of one LSTM layer, gates in torch's order (input, forget, cell, output)."""

    def __init__(self, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray) -> None:
        self.w_ih_t = np.ascontiguousarray(w_ih.T)
        self.w_hh_t = np.ascontiguousarray(w_hh.T)
        self.bias = bias
        self.hidden = w_hh.shape[1]
        # sigmoid(x) = (1 + tanh(x / 2)) / 2, so one tanh call serves all four gates.
        h = self.hidden
        self.scale = np.ones(4 * h, np.float32)
        self.scale[: 2 * h] = 0.5
        self.scale[3 * h :] = 0.5

    def project(self, x: np.ndarray) -> np.ndarray:
        return x @ self.w_ih_t + self.bias

    def run(self, gates_in: np.ndarray, active: np.ndarray) -> np.ndarray:
        """Hidden states [L, B, H] for time-major input projections; rows are sorted longest first."""
        steps, batch, _ = gates_in.shape
        h = self.hidden
        out = np.zeros((steps, batch, h), np.float32)
        state = np.zeros((batch, h), np.float32)
        cell = np.zeros((batch, h), np.float32)
        for t in range(steps):
            n = active[t]
            g = gates_in[t, :n] + state[:n] @ self.w_hh_t
            g *= self.scale
            np.tanh(g, out=g)
            g[:, : 2 * h] += 1.0
            g[:, : 2 * h] *= 0.5
            g[:, 3 * h :] += 1.0
            g[:, 3 * h :] *= 0.5
            c = cell[:n]
            c *= g[:, h : 2 * h]
            c += g[:, :h] * g[:, 2 * h : 3 * h]
            np.tanh(c, out=state[:n])
            state[:n] *= g[:, 3 * h :]
            out[t, :n] = state[:n]
        return out


class NerModel:
    """BIO tagger over PERS, LOC, ORG, MISC for sentences already split into tokens."""


    def __init__(self, arrays: dict[str, np.ndarray], meta: dict) -> None:
        self.meta = meta
        self.tags = tuple(meta["tags"])
        self.lexicon = Lexicon(meta["words"], meta["chars"], meta.get("gazetteer"))
        self.word_q = arrays["word_q"]
        self.word_scale = arrays["word_scale"].astype(np.float32)
        self.feat_emb = arrays["feat_emb"].astype(np.float32)
        char_emb = arrays["char_emb"].astype(np.float32)
        # A convolution over embedded characters is a sum of per-offset lookups: precompute each
        # offset's (character → filter responses) table once, so inference only gathers and adds.
        self.convs = []
        for width in meta["char_widths"]:
            w = arrays[f"conv{width}_w"].astype(np.float32)  # [filters, char_dim, width]
            tables = np.stack([char_emb @ w[:, :, j].T for j in range(width)])  # [width, chars, filters]
            self.convs.append((width, tables, arrays[f"conv{width}_b"].astype(np.float32)))
        self.layers = [
            tuple(_Lstm(*(arrays[f"lstm{n}_{d}_{p}"].astype(np.float32) for p in ("wih", "whh", "b")))
                  for d in ("f", "b"))
            for n in range(meta["layers"])
        ]
        self.window = int(meta.get("memory_window", 0))
        self.out_w_t = np.ascontiguousarray(arrays["out_w"].T.astype(np.float32))
        self.out_b = arrays["out_b"].astype(np.float32)
        self.trans, self.start = valid_bio(self.tags, arrays["crf_trans"].astype(np.float32),
                                           arrays["crf_start"].astype(np.float32))
        self.end = arrays["crf_end"].astype(np.float32)

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerModel:
        """The model at path (the .npz; its .json sits beside it), read once per process."""
        return load_model(cls, models_dir(), MODEL_NAME, path)

    def tag(self, sentences: list[list[str]], batch_tokens: int = 4096) -> list[list[str]]:
        """BIO tags for each sentence. Sentences are batched by length so the recurrence runs wide;
        pass an article's sentences together, in order, so its document memory can work."""
        order = sorted((i for i in range(len(sentences)) if sentences[i]), key=lambda i: -len(sentences[i]))
        chunks: list[list[int]] = [[]]
        size = 0
        for i in order:
            if size >= batch_tokens:
                chunks.append([])
                size = 0
            chunks[-1].append(i)
            size += len(sentences[i])
        types: dict[str, int] = {}
        ids = [np.array([types.setdefault(t, len(types)) for t in s], np.int64) for s in sentences]
        fwd, bwd = self.layers[0]
        x = self._type_inputs(list(types)) if types else np.zeros((0, 0), np.float32)
        projected = (fwd.project(x), bwd.project(x)) if types else None
        states: list[np.ndarray] = [np.zeros((0, 0), np.float32)] * len(sentences)
        for chunk in chunks:
            if chunk:
                for i, h in zip(chunk, self._encode_chunk(ids, chunk, projected), strict=True):
                    states[i] = h
        result: list[list[str]] = [[] for _ in sentences]
        if not order:
            return result
        if self.window:
            keys = [[memory_key(t, self.lexicon.encode(t)) for t in s] for s in sentences]
            flat = np.concatenate([states[i] for i in range(len(sentences)) if sentences[i]])
            memory = pool_memory(flat, *neighbour_pairs(keys, self.window))
            offset = 0
            for i, s in enumerate(sentences):
                if s:
                    states[i] = np.concatenate([states[i], memory[offset : offset + len(s)]], 1)
                    offset += len(s)
        for chunk in chunks:
            if chunk:
                self._decode_chunk(sentences, chunk, states, result)
        return result

    def _encode_chunk(self, ids: list[np.ndarray], chunk: list[int], projected: tuple) -> list[np.ndarray]:
        """BiLSTM states [len, 2H] of each sentence of a chunk sorted longest first; `projected` holds
        every distinct token's first-layer input projection, computed once per call."""
        lengths = np.array([len(ids[i]) for i in chunk])
        steps = int(lengths[0])
        active = (lengths[None, :] > np.arange(steps)[:, None]).sum(1)
        index = np.zeros((len(chunk), steps), np.int64)
        for row, i in enumerate(chunk):
            index[row, : lengths[row]] = ids[i]
        # Time-major gather; the backward direction reads each sentence from its own end.
        cols = np.arange(steps)
        rev_cols = np.where(cols[None, :] < lengths[:, None], lengths[:, None] - 1 - cols[None, :], 0)
        rev_index = np.take_along_axis(index, rev_cols, 1)
        batch = np.arange(len(chunk))[None, :]
        rows_in = None
        for fwd, bwd in self.layers:
            if rows_in is None:
                hf = fwd.run(projected[0][index.T], active)
                hb = bwd.run(projected[1][rev_index.T], active)
            else:
                hf = fwd.run(fwd.project(rows_in), active)
                hb = bwd.run(bwd.project(rows_in[rev_cols.T, batch]), active)
            rows_in = np.concatenate([hf, hb[rev_cols.T, batch]], 2)  # backward states in reading order
        return [rows_in[: lengths[row], row] for row in range(len(chunk))]

    def _decode_chunk(self, sentences: list[list[str]], chunk: list[int], states: list[np.ndarray],
                      result: list[list[str]]) -> None:
        lengths = np.array([len(sentences[i]) for i in chunk])
        steps = int(lengths[0])
        active = (lengths[None, :] > np.arange(steps)[:, None]).sum(1)
        features = np.zeros((steps, len(chunk), self.out_w_t.shape[0]), np.float32)
        for row, i in enumerate(chunk):
            features[: lengths[row], row] = states[i]
        emissions = features @ self.out_w_t + self.out_b
        paths = self._viterbi(emissions, active, lengths)
        for row, i in enumerate(chunk):
            result[i] = [self.tags[k] for k in paths[: lengths[row], row]]

    def _type_inputs(self, tokens: list[str]) -> np.ndarray:
        """Input vectors of distinct tokens: word and stem vectors, shape/clitic feature, character CNN."""
        codes = [self.lexicon.encode(t) for t in tokens]
        words = np.array([c[0] for c in codes])
        stems = np.array([c[1] for c in codes])
        feats = np.array([c[2] for c in codes])
        width = max(len(c[3]) for c in codes)
        chars = np.zeros((len(codes), width), np.int64)
        for row, c in enumerate(codes):
            chars[row, : len(c[3])] = c[3]
        word_vecs = self.word_q[words].astype(np.float32) * self.word_scale[words, None]
        stem_vecs = self.word_q[stems].astype(np.float32) * self.word_scale[stems, None]
        parts = [word_vecs, stem_vecs, self.feat_emb[feats], self._char_cnn(chars)]
        if self.lexicon.gazetteer is not None:
            parts.append(gazetteer_matrix([word_key(t) for t in tokens], self.lexicon.gazetteer))
        return np.concatenate(parts, 1)

    def _char_cnn(self, chars: np.ndarray) -> np.ndarray:
        """Max-pooled ReLU character CNN, as torch's Conv1d(padding=k // 2) cut to the word length."""
        n, width = chars.shape
        pad_mask = chars == 0
        pooled = []
        for k, tables, bias in self.convs:
            left = k // 2
            padded = np.zeros((n, width + k), np.int64)
            padded[:, left : left + width] = chars
            conv = tables[0][padded[:, :width]] + bias
            for j in range(1, k):
                conv += tables[j][padded[:, j : j + width]]
            conv[pad_mask] = -1e4
            pooled.append(conv.max(1))
        return np.maximum(np.concatenate(pooled, 1), 0.0)

    def _viterbi(self, emissions: np.ndarray, active: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best tag paths [L, B] under the CRF's transition, start and end scores."""
        steps, batch, n_tags = emissions.shape
        score = self.start + emissions[0]
        back = np.zeros((steps, batch, n_tags), np.int64)
        for t in range(1, steps):
            n = active[t]
            cand = score[:n, :, None] + self.trans[None]
            back[t, :n] = cand.argmax(1)
            score[:n] = cand.max(1) + emissions[t, :n]
        best_last = (score + self.end).argmax(1)
        paths = np.zeros((steps, batch), np.int64)
        cur = np.zeros(batch, np.int64)
        for t in range(steps - 1, -1, -1):
            n = active[t]
            ending = lengths[:n] == t + 1
            cur[:n][ending] = best_last[:n][ending]
            paths[t, :n] = cur[:n]
            if t:
                cur[:n] = back[t, np.arange(n), cur[:n]]
        return paths
