"""Self-training helpers: CRF marginals against brute force, and BIO repair of silver tags."""

import itertools

import pytest

torch = pytest.importorskip("torch")
train = pytest.importorskip("rasid.ner.train")


def test_marginals_match_brute_force() -> None:
    torch.manual_seed(0)
    crf = train.Crf(3)
    for p in crf.parameters():
        p.data.normal_()
    em = torch.randn(2, 4, 3)
    mask = torch.tensor([[True] * 4, [True, True, True, False]])
    marg = crf.marginals(em, mask)
    for b, length in enumerate((4, 3)):
        scores = {}
        for path in itertools.product(range(3), repeat=length):
            s = crf.start[path[0]] + crf.end[path[-1]] + sum(em[b, t, k] for t, k in enumerate(path))
            s = s + sum(crf.trans[path[t - 1], path[t]] for t in range(1, length))
            scores[path] = s
        z = torch.logsumexp(torch.stack(list(scores.values())), 0)
        for t in range(length):
            for k in range(3):
                expected = sum(torch.exp(s - z) for p, s in scores.items() if p[t] == k)
                assert abs(marg[b, t, k].item() - expected.item()) < 1e-4


def test_bio_opens_spans_on_stray_inside_tags() -> None:
    assert train.bio(["I-LOC", "I-LOC", "O", "I-ORG", "B-PERS", "I-ORG"]) == [
        "B-LOC", "I-LOC", "O", "B-ORG", "B-PERS", "B-ORG"]
