"""The data model and its contract JSON."""

import json

import jsonschema
import pytest

from rasid.document import (
    Actor,
    Claim,
    Contradiction,
    Document,
    Event,
    Mention,
    Paragraph,
    Relation,
    Sentence,
    Span,
    Token,
    from_json,
    to_json,
)
from rasid.resources import data_path

TEXT = "نفت الحكومة أمس أن تكون قد كلفت أحدا بالتفاوض. وقال الوزير إنه طلب ذلك."


def full_document() -> Document:
    """A document with every layer filled, by hand, so the round trip covers every type."""
    return Document(
        text=TEXT, id="doc-1", title=None, published="2021-10-27", source="test", url="https://x.test/a",
        paragraphs=[Paragraph(0, len(TEXT))],
        sentences=[Sentence(0, 47), Sentence(48, len(TEXT), paragraph=0, joined=False)],
        tokens=[Token(0, 3, "نفت", 0), Token(4, 11, "الحكومة", 0, prefix="ال")],
        mentions=[Mention("m1", 4, 11, "الحكومة", "ORG", actor="a1"),
                  Mention("m2", 12, 15, "أمس", "DATE", value="2021-10-26")],
        actors=[Actor("a1", "Government of Mali", "الحكومة المالية", "government", "MLI", None)],
        events=[Event("e1", "REQUEST", Span(63, 66, "طلب"), 1, mode="meet", source="a1", polarity="positive",
                      modality="reported", date={"value": "2021-10-26", "mention": "m2"}, quantity=5000)],
        claims=[Claim("c1", "a1", "deny", "indirect", Span(0, 3, "نفت"), Span(16, 46, TEXT[16:46]), []),
                Claim("c2", None, "assert", "indirect", Span(53, 56, "قال"), Span(60, 72, TEXT[60:72]),
                      ["e1"])],
        contradictions=[Contradiction("x1", ["c1", "c2"], "c2 asserts what c1 denies")],
        relations=[Relation("spokesperson_of", "a1", "a1", Span(0, 3))],
        warnings=["a warning"],
    )


def test_round_trip_is_lossless():
    doc = full_document()
    data = to_json(doc)
    back = from_json(json.loads(json.dumps(data, ensure_ascii=False)))
    assert back == doc
    assert isinstance(back.events[0].trigger, Span)
    assert isinstance(back.tokens[1], Token) and back.tokens[1].stem == "حكومة"


def test_json_follows_the_contract():
    data = to_json(full_document())
    assert data["schema"] == "rasid.document/1"
    assert data["tokens"][1] == {"start": 4, "end": 11, "text": "الحكومة", "sentence": 0,
                                 "prefix": "ال", "suffix": "", "stem": "حكومة"}
    assert "origin" not in data and "normalized" not in data
    schema = json.loads(data_path("document.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)


def test_schema_rejects_a_broken_document():
    schema = json.loads(data_path("document.schema.json").read_text(encoding="utf-8"))
    data = to_json(full_document())
    data["events"][0]["type"] = "BOMBED"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_from_json_refuses_another_schema():
    with pytest.raises(ValueError, match=r"rasid\.document/1"):
        from_json({"schema": "something/2", "text": ""})
