"""Events stage: who did what to whom, coded in PLOVER, with its evidence.

Each word (or phrase) of the trigger lexicon (rasid/data/events/triggers.tsv) opens a candidate
event of its type and mode. Its arguments come from the clause around it:
- source: the actor right after the trigger with no preposition before it (Arabic puts the
  subject after the verb, and the agent after a verbal noun: "انسحاب القوات الفرنسية"), else the
  nearest actor before the trigger in its clause ("فرنسا ستبدأ"), else, inside reported speech
  ("أعلنت الحكومة أنها طلبت …"), the speaker of that claim. Actors joined to the source by "و"
  ("لامت كل من فرنسا وألمانيا روسيا") are passed over, so that they are not taken for the target,
  but the event has the first of them alone as its source; a definite verbal noun takes no genitive agent
  ("التنديد باستخدام إسرائيل"); after a pronoun complementizer ("إنه يدين X") the subject is that
  pronoun; inside reported speech the words before the content are not searched; and a verbal
  noun that is the complement of the trigger before it ("دعا X إلى التنديد ب…", with nothing but
  the trigger's own arguments and an aside between commas between them) takes its source, while one
  after another word keeps the agent after it ("ردا على هجوم حزب الله");
- target: the first actor after the trigger introduced the way the lexicon says this trigger
  takes its object ("طلب من X", "تفاوض مع X", "اتهم X"), else the actor behind a noun so
  introduced ("ندد بقرار X"), else (for verbal nouns) one after ل, else a lone actor set off by a
  comma after the clause; for a verbal noun of a transitive verb whose agent comes before ("دفع
  مالي إلى اتهام فرنسا"), the actor after it is the target. A verbal noun after a clitic ب or ل
  ("بإدانة") is a trigger as well, and so is an imperfect verb after ل ("لتطالب"), but not a verb
  that only looks like one after ب (بحثت).
Polarity and modality come from the words before the trigger (negation, future, conditions,
hedges: rasid/data/events/modality.tsv) and from the claim it sits in (reported, or denied when
the speaker denies it). An announced future withdrawal is coded CONCEDE (PLOVER's rule), and a
request followed by talks is REQUEST with mode "meet". Date, place and quantity come from the
nearest DATE, place and QUANTITY mentions in the clause. Headlines of other stories embedded in
the body (lines that start "اقرأ أيضا") and the article's own title line are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from rasid.document import Actor, Claim, Document, Event, Mention
from rasid.geo.gazetteer import Gazetteer
from rasid.resources import table
from rasid.text.view import CLAUSE_PUNCTUATION, SentenceView, sentence_views, word_key

REQUIRES = ("text", "paragraphs", "sentences", "tokens", "actors", "claims", "dates", "quantities", "places")
PROVIDES = ("events", "claims.events")

# How many tokens before a trigger a negation or a future marker may stand.
MODIFIER_WINDOW = 3
# How many tokens (its own arguments, asides left out) may stand between a trigger and a verbal
# noun that is its complement.
GOVERNOR_WINDOW = 6
# How many tokens an aside between commas may have ("، في بيان،", "، المنسق الخاص لعملية …،").
_ASIDE = 12
# How many tokens after a REQUEST a talks word makes it a request to meet.
MEET_WINDOW = 8
_PREPOSITIONS = frozenset(word_key(w) for w in ("من", "على", "إلى", "مع", "ضد", "عن", "في", "ل", "ب", "لدى",
                                                "تجاه", "بحق"))
# A clitic preposition on the mention's first word ("لفرنسا", "بالحكومة") and the one it stands for.
_CLITIC_PREPOSITIONS = {"ل": "ل", "ب": "ب", "لل": "ل", "بال": "ب", "وب": "ب", "ول": "ل", "ولل": "ل",
                        "وبال": "ب"}
_MIN, _KULL = word_key("من"), word_key("كل")
# The first letters of an imperfect verb (folded as word_key folds them).
_IMPERFECT = frozenset(word_key("يتنأ"))
# Words that may join a trigger's own arguments between it and a verbal noun it governs.
_LINKS = frozenset(word_key(w) for w in ("و", "كل", "من"))
# "that he / she / they": the subject of the verb after it is that pronoun, not the actor after the verb.
_PRONOUN_COMPLEMENTIZERS = frozenset(word_key(w) for w in (
    "أنه", "أنها", "أنهم", "إنه", "إنها", "إنهم", "بأنه", "بأنها", "بأنهم", "لأنه", "لأنها", "لأنهم"))
_DATE_TYPES = frozenset({"DATE", "TIME"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# How precise an event's location is, by the gazetteer kind of the place it came from.
_PRECISION = {"city": "place", "facility": "place", "region": "region", "area": "region",
              "country": "country"}
_LOCATION_FIELDS = ("name_en", "geonames", "lat", "lon")


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    type: str
    mode: str | None
    targets: tuple[str, ...]  # "obj" or prepositions, in order of preference
    noun: bool = False  # a verbal noun (listed with the article as well), not a verb


# Mentions that are names: a trigger word inside one of them is part of the name.
NAME_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC", "NORP"})


@cache
def _triggers() -> dict[str, tuple[Trigger, ...]]:
    """Triggers by their first word, longest first."""
    by_first: dict[str, list[Trigger]] = {}
    for _lemma, kind, mode, forms, target, *_ in table("events/triggers.tsv")[1:]:
        targets = tuple(word_key(t) if t != "obj" else t for t in target.split("|") if t)
        rows = [words for form in forms.split("|") if (words := tuple(word_key(w) for w in form.split()))]
        firsts = {words[0] for words in rows}
        for words in rows:
            noun = words[0].startswith("ال") or "ال" + words[0] in firsts
            by_first.setdefault(words[0], []).append(Trigger(words, kind, mode or None, targets, noun))
    return {k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in by_first.items()}


@cache
def _modality_words() -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for word, kind, *_ in table("events/modality.tsv")[1:]:
        classes.setdefault(kind, set()).add(word_key(word))
    return {k: frozenset(v) for k, v in classes.items()}


@cache
def _noise_starts() -> tuple[str, ...]:
    return tuple(word_key(row[0]) for row in table("events/noise_lines.txt"))


def _forms(view: SentenceView, i: int) -> tuple[tuple[str, bool], ...]:
    """The lexicon forms of token i, and the same without a clitic preposition (بإدانة → إدانة,
    للهجوم → الهجوم), each with whether it is such a stem: a verbal noun after ب or ل is a trigger
    as well, and an imperfect verb after ل ("لأدعو", "ليطالب"); a verb after ب never is (بحثت is
    no ب + حثت)."""
    forms = tuple((form, False) for form in view.forms(i))
    prefix = word_key(view.tokens[i].prefix)
    if view.tokens[i].prefix in _CLITIC_PREPOSITIONS and view.keys[i].startswith(prefix):
        article = "ال" if prefix.endswith(("ال", "لل")) else ""
        stem = article + view.keys[i][len(prefix):]
        if len(stem) > 2:
            verb = _CLITIC_PREPOSITIONS[view.tokens[i].prefix] == "ل" and not article \
                and stem[0] in _IMPERFECT
            forms = (*forms, (stem, not verb))
    return forms


def _match(view: SentenceView, i: int) -> tuple[Trigger, int] | None:
    for form, stem in _forms(view, i):
        for trigger in _triggers().get(form, ()):
            if stem and not trigger.noun:  # a verb form behind ب, or a perfect one behind ل
                continue
            n = len(trigger.words)
            if n == 1 or tuple(view.keys[i + 1:i + n]) == trigger.words[1:]:
                return trigger, i + n
    return None


def _preposition(view: SentenceView, i: int) -> str | None:
    """The preposition that introduces the mention starting at token i, if any. A hashtag sign
    between them is passed over ("ضد #السعودية"), and the من of "كل من X وY" (both X and Y) is none."""
    token = view.tokens[i]
    if token.prefix and token.prefix in _CLITIC_PREPOSITIONS:
        return _CLITIC_PREPOSITIONS[token.prefix]
    j = i - 1
    while j >= 0 and view.tokens[j].text == "#":
        j -= 1
    if j >= 0 and view.keys[j] in _PREPOSITIONS:
        if view.keys[j] == _MIN and j > 0 and view.keys[j - 1] == _KULL:
            return None
        return view.keys[j]
    return None


def _definite(view: SentenceView, i: int) -> bool:
    """A word with the article, bare or after a clitic (الهجوم، بالهجوم، للتحقيق): it can head no
    genitive, so an actor after it is not its agent."""
    return view.keys[i].startswith("ال") or view.tokens[i].prefix.endswith(("ال", "لل"))


def _indirect_preposition(view: SentenceView, i: int) -> str | None:
    """The preposition before the noun whose genitive is the mention at token i: ب in "ندد
    باستخدام إسرائيل", "رحب بقرار فرنسا" (the actor behind the thing the trigger is about)."""
    k = i - 1
    if k < 0 or view.mention(k) is not None or not view.is_word(k) or view.keys[k].startswith("ال"):
        return None
    if view.tokens[k].prefix in _CLITIC_PREPOSITIONS:
        return _CLITIC_PREPOSITIONS[view.tokens[k].prefix]
    return view.keys[k - 1] if k > 0 and view.keys[k - 1] in _PREPOSITIONS else None


def _lone_actor_after(view: SentenceView, clause_end: int, actors: dict[str, Actor]) -> Actor | None:
    """An actor that stands alone between a comma and the next punctuation right after the clause:
    an object put after a long subject ("لامت كل من X وY، حليفة Z، روسيا")."""
    if clause_end >= len(view.tokens) or view.tokens[clause_end].text not in "،,":
        return None
    start = clause_end + 1
    if start >= len(view.tokens) or view.mention(start) is None or _preposition(view, start) is not None:
        return None
    end = view.mention_end(start)
    if end < len(view.tokens) and view.tokens[end].text not in CLAUSE_PUNCTUATION:
        return None
    return view.actor(start, actors)


def _coordinated(view: SentenceView, end: int, start: int) -> bool:
    """Whether the mention starting at token `start` is joined by "و" to one ending before token
    `end` ("الولايات المتحدة وبريطانيا", "فرنسا و ألمانيا")."""
    if start == end:
        return view.tokens[start].prefix.startswith("و")
    return start == end + 1 and view.keys[end] == "و"


@dataclass
class _Arguments:
    source: Actor | None
    target: Actor | None


# A group of civilians ("قتل الفلسطينيين", "اعتقال الصحفيين") after a violent trigger is what it
# befell, not who did it: collective civilian actors (collectives.tsv, sector CVL) never assault.
_VIOLENT = frozenset({"ASSAULT", "COERCE"})
_VICTIM_KINDS = frozenset({"other", "ethnic_group"})


def _victims(actor: Actor) -> bool:
    return actor.sector == "CVL" and actor.kind in _VICTIM_KINDS


def _arguments(view: SentenceView, trigger: Trigger, first: int, after: int, actors: dict[str, Actor],
               speaker: Actor | None, claim: Claim | None = None,
               governor: Event | None = None) -> _Arguments:
    clause_start, clause_end = view.clause_start(first), view.clause_end(after - 1)
    if claim is not None and view.start <= claim.content.start:
        # Inside reported speech the speaker's words before the content are no argument
        # ("قال مندوب الكويت في مجلس الأمن إنه يدين …": the speaker condemns, not the council).
        clause_start = max(clause_start, view.token_at(claim.content.start))
    following = []
    for i, m in view.mentions_between(after, clause_end):
        if m.actor in actors:
            preposition = _preposition(view, i)
            if preposition is None and following and view.mention_end(following[-1][0]) == i:
                preposition = following[-1][2]  # a name after its title: "للرئيس السوري بشار الأسد"
            following.append((i, actors[m.actor], preposition))
    before = [(i, actors[m.actor]) for i, m in reversed(view.mentions_between(clause_start, first))
              if m.actor in actors]
    preceding = [actor for _, actor in before]
    nominal = (first > 0 and view.keys[first - 1] in _PREPOSITIONS) or _definite(view, first) \
        or trigger.words[0] not in view.forms(first)  # matched only without its clitic: بإدانة
    definite = len(trigger.words) == 1 and _definite(view, first)

    source = None
    rest = following
    # The agent of a verbal noun stands before it when it governs the noun ("دفع مالي إلى اتهام
    # فرنسا"); an actor before it that is itself behind a preposition ("على لبنان ردا على هجوم حزب
    # الله") is no such agent, and the actor right after the noun is then its own agent.
    agent_before = nominal and "obj" in trigger.targets[:1] and \
        ((before and _preposition(view, before[0][0]) is None) or speaker or governor)
    pronoun_subject = first > 0 and view.keys[first - 1] in _PRONOUN_COMPLEMENTIZERS
    if following and following[0][2] is None and following[0][0] - after <= 2 and not agent_before \
            and not pronoun_subject and not (trigger.type in _VIOLENT and _victims(following[0][1])) \
            and (not definite or (following[0][0] == after and view.keys[after].startswith("ال"))):
        # The agent right after the trigger; after a definite verbal noun only an adjective can be
        # ("الهجوم الإسرائيلي"), not a genitive ("التنديد باستخدام إسرائيل").
        source, rest = following[0][1], following[1:]
        end = view.mention_end(following[0][0])
        while rest and _coordinated(view, end, rest[0][0]):  # "كل من الولايات المتحدة وبريطانيا"
            end, rest = view.mention_end(rest[0][0]), rest[1:]
    if source is None and governor is not None:
        source = actors.get(governor.source) if governor.source else None
    if source is None:
        source = preceding[0] if preceding else speaker
    wanted = trigger.targets + (("ل",) if nominal and "obj" in trigger.targets else ())
    target = _target(view, rest, wanted, source)
    if target is None and "obj" in trigger.targets and source is not None:
        lone = _lone_actor_after(view, clause_end, actors)
        target = lone if lone is not source else None
    if source is not None and trigger.type in _VIOLENT and _victims(source):
        # "المحكوم عليهم بالإعدام", "قُتل مدنيون": the civilians it befell, whoever did it
        source, target = None, target or source
    return _Arguments(source, target)


def _target(view: SentenceView, following: list[tuple[int, Actor, str | None]], wanted: tuple[str, ...],
            source: Actor | None) -> Actor | None:
    """The first actor after the trigger introduced as it wants ("obj": no preposition), in order of
    preference; failing that, the actor behind a noun so introduced ("ندد بقرار X")."""
    others = [(i, actor, preposition) for i, actor, preposition in following if actor is not source]
    for way in wanted:
        for _, actor, preposition in others:
            if preposition == way or (way == "obj" and preposition is None):
                return actor
    for way in wanted:
        for i, actor, preposition in others:
            if preposition is None and _indirect_preposition(view, i) == way:
                return actor
    return None


def _governor(view: SentenceView, first: int, previous: tuple[Event, Trigger, int] | None) -> Event | None:
    """The event whose trigger governs a verbal noun as its complement: "دعا X إلى التنديد ب…",
    "طالب بمنع …", "هدد بقصف …" (the noun after a preposition the earlier trigger takes)."""
    if previous is None:
        return None
    event, trigger, end = previous
    preposition = _CLITIC_PREPOSITIONS.get(view.tokens[first].prefix) or \
        (view.keys[first - 1] if first > 0 and view.keys[first - 1] in _PREPOSITIONS else None)
    if preposition is None or preposition not in trigger.targets:
        return None
    # Only the trigger's own arguments (names, "و", "كل من") and an aside between commas ("، في
    # بيان،") may stand between it and the noun: after any other word ("ردا على هجوم حزب الله")
    # the noun completes that word, not the trigger.
    k, stop, direct = end, first - (0 if _CLITIC_PREPOSITIONS.get(view.tokens[first].prefix) else 1), 0
    while k < stop:
        if view.tokens[k].text in "،,":
            close = next((j for j in range(k + 1, min(stop, k + 1 + _ASIDE)) if view.tokens[j].text in "،,"),
                         None)
            k = k + 1 if close is None else close + 1
            continue
        if view.mention(k) is None and view.keys[k] not in _LINKS:
            return None
        k, direct = k + 1, direct + 1
    return event if direct <= GOVERNOR_WINDOW else None


def _covering_claim(claims: list[Claim], start: int) -> Claim | None:
    inside = [c for c in claims if c.content.start <= start < c.content.end]
    return min(inside, key=lambda c: c.content.end - c.content.start) if inside else None


def _modality(view: SentenceView, first: int, claim: Claim | None) -> tuple[str, str]:
    """(polarity, modality) of the event whose trigger is token `first`."""
    words = _modality_words()
    window = [view.keys[k] for k in range(max(view.clause_start(first), first - MODIFIER_WINDOW), first)]
    clause = [view.keys[k] for k in range(view.clause_start(first), first)]
    negated = any(w in words.get("negation", ()) for w in window)
    future = any(w in words.get("future", ()) or (len(w) > 3 and w[0] == "س" and w[1] in "يتن")
                 for w in [*window, view.keys[first]]) or "لن" in window
    polarity = "negative" if negated else "positive"
    if claim is not None and claim.stance == "deny":
        return "negative", "denied"
    if any(w in words.get("conditional", ()) or w in words.get("hedge", ()) for w in clause):
        return polarity, "hypothetical"
    if claim is not None and claim.stance == "speculate":
        return polarity, "hypothetical"
    if future:
        return polarity, "future"
    if claim is not None:
        return polarity, "reported"
    return polarity, "asserted"


def _nearest(view: SentenceView, first: int, types: frozenset[str], usable) -> Mention | None:
    """The mention of one of `types` nearest to token `first`, in its clause or else its sentence."""
    clause = (view.clause_start(first), view.clause_end(first))
    for low, high in (clause, (0, len(view.tokens))):
        found = [(abs(i - first), m) for i, m in view.mentions_between(low, high)
                 if m.type in types and usable(m)]
        if found:
            return min(found, key=lambda pair: pair[0])[1]
    return None


def _skipped_paragraphs(doc: Document) -> set[int]:
    """The title line and embedded headlines of other stories ("اقرأ أيضا: …")."""
    skipped = set()
    noise = _noise_starts()
    for index, paragraph in enumerate(doc.paragraphs):
        head = word_key(doc.text[paragraph.start:paragraph.start + 40])
        if any(head.startswith(start) for start in noise):
            skipped.add(index)
    if doc.title and doc.paragraphs and word_key(doc.text[doc.paragraphs[0].start:doc.paragraphs[0].end]) \
            == word_key(doc.title):
        skipped.add(0)
    return skipped


def run(doc: Document) -> Document:
    actors = {a.id: a for a in doc.actors}
    skipped = _skipped_paragraphs(doc)
    published = dt.date.fromisoformat(doc.published) if doc.published else None
    seen: set[tuple] = set()
    for view in sentence_views(doc):
        if doc.sentences[view.index].paragraph in skipped:
            continue
        i = 0
        previous: tuple[Event, Trigger, int] | None = None  # the last event of this sentence
        while i < len(view.tokens):
            matched = _match(view, i)
            if matched is None:
                i += 1
                continue
            trigger, after = matched
            if _inside_a_name(view, i, after):
                i = after
                continue
            claim = _covering_claim(doc.claims, view.tokens[i].start)
            speaker = actors.get(claim.speaker) if claim and claim.speaker else None
            governor = _governor(view, i, previous)
            arguments = _arguments(view, trigger, i, after, actors, speaker, claim, governor)
            if arguments.source is None and arguments.target is None:
                i = after
                continue
            polarity, modality = _modality(view, i, claim)
            kind, mode = trigger.type, trigger.mode
            if kind == "RETREAT" and modality == "future":
                kind, mode = "CONCEDE", "retreat"
            if kind == "REQUEST" and _talks_follow(view, after):
                mode = "meet"
            first, i = i, after
            key = (kind, arguments.source and arguments.source.id, arguments.target and arguments.target.id,
                   view.index)
            if key in seen:
                continue
            seen.add(key)
            event = Event(f"e{len(doc.events) + 1}", kind,
                          doc.span(_trigger_start(view, first), view.tokens[after - 1].end), view.index,
                          mode=mode, source=arguments.source.id if arguments.source else None,
                          target=arguments.target.id if arguments.target else None,
                          polarity=polarity, modality=modality)
            _attach(event, view, first, published)
            doc.events.append(event)
            previous = (event, trigger, after)
            if claim is not None:
                claim.events.append(event.id)
    return doc


def _inside_a_name(view: SentenceView, first: int, after: int) -> bool:
    """A trigger word that is part of a longer name: الدعم in "قوات الدعم السريع" is no SUPPORT."""
    mention = view.mention(first)
    if mention is None or mention.type not in NAME_TYPES:
        return False
    return mention.start < view.tokens[first].start or view.tokens[after - 1].end < mention.end


def _trigger_start(view: SentenceView, i: int) -> int:
    """Where the trigger word starts once a leading conjunction is left out (وطلبت → طلبت)."""
    token, key = view.tokens[i], view.keys[i]
    return token.start + 1 if key[:1] in "وف" and len(key) > 3 and key[1:] in view.forms(i) else token.start


def _talks_follow(view: SentenceView, after: int) -> bool:
    for k in range(after, min(len(view.tokens), after + MEET_WINDOW)):
        found = _match(view, k)
        if found and found[0].type == "CONSULT":
            return True
    return False


def _attach(event: Event, view: SentenceView, first: int, published: dt.date | None) -> None:
    """Date, place and quantity from the mentions nearest the trigger; the place falls back to the
    dateline, then to the article's main country, and says how precise it is."""
    doc = view.doc
    date = _nearest(view, first, _DATE_TYPES, lambda m: m.value is not None and m.precision != "duration")
    if date is not None:
        event.date = {"value": date.value, "mention": date.id}
    elif published is not None:
        event.date = {"value": published.isoformat(), "mention": None, "defaulted": True}
    place = _nearest(view, first, _PLACE_TYPES, lambda m: m.place is not None)
    if place is None and doc.dateline is not None:  # else where the story was filed
        place = next((m for m in doc.mentions if m.place and m.start <= doc.dateline.start < m.end), None)
    if place is not None:
        event.location = {**{k: place.place.get(k) for k in _LOCATION_FIELDS},
                          "mention": place.id, "precision": _PRECISION.get(place.place.get("kind"), "place")}
    elif doc.focus_country and (country := Gazetteer.load().country(doc.focus_country)) is not None:
        event.location = {**{k: country.as_mention_place().get(k) for k in _LOCATION_FIELDS},
                          "mention": None, "precision": "country"}
    quantity = _nearest(view, first, frozenset({"QUANTITY"}), lambda m: isinstance(m.value, int | float))
    if quantity is not None:
        event.quantity = quantity.value
