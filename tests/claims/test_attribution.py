"""Claims and contradictions on short articles written for these tests."""

import pytest

import rasid

PUBLISHED = "2021-10-27"


def by_cue(doc: rasid.Document) -> dict[str, rasid.document.Claim]:
    return {c.cue.text: c for c in doc.claims}


def canonical(doc: rasid.Document, actor_id: str | None) -> str | None:
    return next((a.canonical or a.name_en for a in doc.actors if a.id == actor_id), None)


@pytest.fixture(scope="module")
def article() -> rasid.Document:
    text = ("الحكومة المالية تنفي\n\n"
            "أعلنت وزارة الشؤون الإسلامية في مالي أنها طلبت من المجلس الإسلامي الأعلى التفاوض مع الجماعات "
            "المسلحة. ونفت الحكومة المالية الخميس أن تكون طلبت من أي جهة التفاوض مع المسلحين.\n"
            "وقال المتحدث باسم الوزارة: «لقد كلفنا المجلس رسميا بهذه المهمة».\n"
            "ويرى بعض المراقبين أن هذه الخطوة قد تكون فرصة للسلام. ورفض الجيش المالي التعليق.\n")
    return rasid.analyze(text, published=PUBLISHED)


def test_speakers_and_stances(article):
    claims = by_cue(article)
    assert canonical(article, claims["أعلنت"].speaker) == "MLI_MIN_RELIGIOUS"
    assert claims["أعلنت"].stance == "assert" and claims["أعلنت"].kind == "indirect"
    assert canonical(article, claims["نفت"].speaker) == "MLI_GOV"
    assert claims["نفت"].stance == "deny"
    assert claims["يرى"].stance == "speculate"
    observers = next(a for a in article.actors if a.id == claims["يرى"].speaker)
    assert observers.canonical is None and "مراقبين" in observers.name_ar


def test_direct_quote_is_the_content(article):
    quoted = by_cue(article)["قال"]
    assert quoted.kind == "direct"
    assert quoted.content.text == "«لقد كلفنا المجلس رسميا بهذه المهمة»"


def test_declining_to_comment_is_not_a_claim(article):
    assert "رفض" not in by_cue(article)


def test_offsets_slice_the_text(article):
    for claim in article.claims:
        for span in (claim.cue, claim.content):
            assert article.text[span.start:span.end] == span.text


def test_events_inside_claims_and_the_contradiction(article):
    claims = by_cue(article)
    events = {e.id: e for e in article.events}
    asserted = [events[e] for e in claims["أعلنت"].events]
    denied = [events[e] for e in claims["نفت"].events]
    assert any(e.type == "REQUEST" and e.polarity == "positive" for e in asserted)
    assert any(e.type == "REQUEST" and e.modality == "denied" for e in denied)
    pairs = [set(x.claims) for x in article.contradictions]
    assert {claims["أعلنت"].id, claims["نفت"].id} in pairs


def test_a_long_speaker_description_before_a_colon_is_not_the_content():
    doc = rasid.analyze("وقال المتحدث باسم المجلس المحلي في مدينة الحديدة، سالم عبد الله الأهدل، للصحفيين: "
                        "«المسلحون قصفوا الميناء فجر اليوم».", published="2024-04-20")
    [claim] = doc.claims
    assert claim.content.text == "«المسلحون قصفوا الميناء فجر اليوم»"
    assert claim.kind == "direct"
