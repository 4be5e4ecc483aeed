"""The article HTML: every item marked, every character escaped, overlaps still well-formed."""

from __future__ import annotations

from html.parser import HTMLParser

from rasid.web.glosses import event_sentence
from rasid.web.highlight import Span, render


class _Tree(HTMLParser):
    """Checks that tags nest and collects the text and the refs around each character."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text = ""
        self.refs: list[set[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(dict(attrs).get("data-ref") or "")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, "closing a tag that is not open"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        self.refs.extend({r for r in self.stack if r} for _ in data)


def parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == []
    return tree


def test_overlapping_items_keep_the_html_well_formed() -> None:
    text = "قالت الحكومة إن الجيش قصف القرية"
    spans = [Span(0, 12, "claim", "c1"), Span(5, 20, "m", "m1", layer=2), Span(17, 26, "ev", "e1", layer=3),
             Span(17, 26, "m", "m2", layer=2), Span(0, len(text), "s", layer=-1, anchor="s0")]
    tree = parse(render(text, spans))
    assert tree.text == text
    for i in range(len(text)):
        expected = {s.ref for s in spans if s.ref and s.start <= i < s.end}
        assert tree.refs[i] == expected, i


def test_text_and_glosses_are_escaped() -> None:
    text = "<script>alert(1)</script> & نص"
    html = render(text, [Span(0, 8, "m", "m1", gloss='"><img src=x onerror=alert(1)>')])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp; نص" in html
    assert parse(html).text == text


def test_spans_outside_the_text_are_dropped() -> None:
    assert render("نص", [Span(1, 9, "m"), Span(2, 2, "m")]) == "نص"


def test_event_sentences() -> None:
    event = {"type": "REQUEST", "mode": "meet", "source_name": "Government of Mali", "target_name": "JNIM",
             "polarity": "negative", "modality": "denied", "date": "2021-10-21"}
    assert event_sentence(event, denied_by_source=True) \
        == "Government of Mali DENIED requesting talks with JNIM — 2021-10-21"
    assert event_sentence(event).startswith("Government of Mali DID NOT request talks with JNIM")
    future = {"type": "RETREAT", "mode": "withdraw", "source_name": "the army", "polarity": "positive",
              "modality": "future", "quantity": 300, "place_name": "Menaka"}
    assert event_sentence(future) == "the army WILL withdraw (quantity 300) in Menaka"
    unknown = {"type": "ASSAULT", "polarity": "positive", "modality": "reported", "target_name": "a market"}
    assert event_sentence(unknown) == "Someone attacked a market (reported)"
