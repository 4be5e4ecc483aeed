"""The NER stage: BIO spans, and place spans widened to the gazetteer's overlapping names."""

import rasid
from rasid.ner.stage import _snap_to_gazetteer, _spans


def test_spans_open_on_b_and_on_a_stray_i() -> None:
    assert _spans(["B-LOC", "I-LOC", "O", "I-ORG", "B-ORG", "I-PERS"]) == [
        (0, 2, "LOC"), (3, 4, "ORG"), (4, 5, "ORG"), (5, 6, "PERS")]


def test_snap_widens_to_a_name_that_holds_or_straddles_the_span() -> None:
    names = [(10, 22), (30, 35)]
    assert _snap_to_gazetteer(names, 17, 22) == (10, 22)  # the tagger took only the last word
    assert _snap_to_gazetteer(names, 33, 40) == (30, 40)  # overlapping edges: the union
    assert _snap_to_gazetteer(names, 28, 36) == (28, 36)  # a name inside the span is left as is
    assert _snap_to_gazetteer(names, 0, 5) == (0, 5)


def test_a_tagged_name_inside_a_longer_gazetteer_name_gets_its_place(monkeypatch) -> None:
    from rasid.ner.model import NerModel

    def tag(self, sentences, **_):
        return [["B-LOC" if "زواد" in token else "O" for token in s] for s in sentences]

    monkeypatch.setattr(NerModel, "tag", tag)
    doc = rasid.analyze("أعلنت الحركة استقلال منطقة «أزواد» عن مالي عام 2012.")
    places = [m for m in doc.mentions if "زواد" in m.text]
    assert places and all(m.place and m.place["lat"] is not None for m in places)
