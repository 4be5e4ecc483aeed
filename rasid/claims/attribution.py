"""Claims stage: who said what, quoted or reported, and whether they assert, deny or speculate.

A claim starts at a reporting cue from the lexicon (rasid/data/claims/cues.tsv): a verb (قال،
أكد، نفت، يرى …) or a nominal attribution (بحسب، وفقا لـ، نقلا عن …). Around the cue:
- the speaker is the actor right after a verb (Arabic puts the subject after the verb: "قالت
  الوزارة"), else the actor before it in the clause ("فرنسا أعلنت"), else an unnamed source named
  there ("مصدر عسكري", "بعض المراقبين", which become actors of their own), else — for "وأضاف"
  with no subject — the speaker of the claim just before;
- the content is the quotation that follows («…», "…", after ":" or قائلا), making the claim
  direct, or the clause introduced by أن / إن / بأن, or else the verb's object up to the end of
  the clause ("نفت الحكومة تكليف أي شخص"); for a nominal cue, the clause it is attached to.
Declining to comment ("رفض التعليق") is not a claim. A claim whose content is hedged (ربما، قد
تكون …) or conditional on its own truth ("إذا تأكدت المعلومات") by a speaker who only asserts is
marked speculate, and one whose content opens by denying a past fact ("أكد أن قواته لم تقصف"، "عدم وجود")
is a denial, unless a coordinated verb clause follows ("لم تلتزم بالهدنة وقصفت رفح": the denial is not
the whole content); عدم after أن or before a definite noun is a noun ("أن عدم الاستقرار يهدد").
A nominal cue after the clause it vouches for ("…، وفق الأمم المتحدة"، "…، حسبما قال الجيش") takes
that clause as its content, unless that is only a short adjunct or a quotation mark ("في غضون ذلك،
وبحسب …، قتل"), when what follows is the content; a source may stand in quotation marks (وفق
"رويترز"). A circumstantial participle after a comma ("دانت فرنسا الهجوم، معتبرة أن …") is a claim
of the sentence's subject (past an opening adjunct: "في سوريا، دانت فرنسا"), unless it stands inside
the content of the claim before it ("قال إن …، مشيرا إلى أن …"). A person named in apposition to a
title ("المبعوث البريطاني، فلان") or at the end of a long description of the speaker is the speaker;
an unnamed source takes its relational adjectives ("مصدر قضائي"، "مسؤول محلي"). Cues inside a direct
quotation make no claims of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasid.document import Actor, Claim, Document
from rasid.resources import table
from rasid.text.view import SentenceView, sentence_views, word_key

REQUIRES = ("text", "paragraphs", "sentences", "tokens", "actors")
PROVIDES = ("claims",)

# How many words may stand between a cue and its speaker ("قال وزير الخارجية اليوم الأحد").
SPEAKER_WINDOW = 4
# How far after the speaker the content may start ("قال المتحدث باسم الوزارة في بيان، إن ...").
LOOKAHEAD = 12
COLON_LOOKAHEAD = 20
# How many sentences back an implicit speaker ("وأضاف") may be found.
CARRY_SENTENCES = 2
_OPENING_QUOTES = {"«": "»", '"': '"', "“": "”", "„": "”"}
_COMPLEMENTIZERS = frozenset(word_key(w) for w in ("أن", "إن", "بأن", "أنه", "أنها", "إنه", "إنها", "أنهم",
                                                   "إنهم", "بأنه", "بأنها", "بأنهم", "أنّ", "إنّ"))
_SAYING = frozenset(word_key(w) for w in ("قائلا", "قائلة", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة"))
_HEDGES = frozenset(word_key(w) for w in ("ربما", "قد", "يحتمل", "محتمل", "المحتمل", "يرجح", "لعل"))
_NEGATIONS = frozenset(word_key(w) for w in ("لم", "لن", "لا", "ليس", "ما"))
# A claim whose content opens by denying that something happened or exists ("أكد أن قواته لم تقصف",
# «لم نرسل سلاحا»، "أكد عدم وجود أدلة") is a denial. Negations of the present (لا، ليس) mostly judge
# rather than deny ("لا يمكن الوثوق"، "ليست المرة الأولى") and are left out, as are the future لن
# ("لن نشارك"), "no longer" (لم يعد) and an exception ("لم يكن سوى"), which assert.
_CONTENT_NEGATIONS = frozenset(word_key(w) for w in ("لم", "عدم"))
_NEGATION_NOUN = word_key("عدم")
_NOT_DENIALS = frozenset(word_key(w) for w in ("يعد", "تعد", "سوى", "إلا", "الا"))
# A content made conditional on its own truth ("تتحمل المسؤولية إذا تأكدت المعلومات") is
# speculation; a condition on events ("إذا هاجمونا فسنرد") is not.
_CONDITIONALS = frozenset(word_key(w) for w in ("إذا", "إن", "لو", "حال"))
_VERIFYING = frozenset(word_key(w) for w in ("تأكد", "تأكدت", "ثبت", "ثبتت", "صح", "صحت", "صحة", "تبين",
                                             "تأكيد", "ثبوت"))
# Words that start an adjunct, not a description of the speaker ("نفى في تغريدة").
_ADJUNCT_STARTS = frozenset(word_key(w) for w in ("في", "من", "على", "إلى", "عن", "خلال", "أمام", "عبر",
                                                "بعد", "قبل", "مع", "لدى", "أيضا", "اليوم", "أمس"))
# How many words of the content are read for a negation, and for a condition.
NEGATION_WINDOW = 3
CONDITION_WINDOW = 12
# How far a speaker's description may run before the name it ends with ("قال زعيم أكبر تحالف في
# المنطقة فلان إن"), when no actor is found within SPEAKER_WINDOW.
DESCRIPTION_WINDOW = 14
_COMMAS = frozenset("،,")
# The most words of a prepositional adjunct before a nominal cue ("من جهة أخرى، وبحسب …").
ADJUNCT_WORDS = 4
# A nominal cue may be followed by ما and a reporting verb ("وفق ما ذكره"، "بحسب ما قال").
_WHAT = word_key("ما")


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    stance: str
    complements: tuple[str, ...]

    @property
    def nominal(self) -> bool:
        """بحسب / وفقا لـ / نقلا عن: the speaker follows and the content is the clause around."""
        return "source" in self.complements

    @property
    def circumstantial(self) -> bool:
        """مؤكدا / معتبرة / نافيا after a comma: the speaker is the subject of the sentence's verb."""
        return "circ" in self.complements


@dataclass(frozen=True)
class UnnamedSource:
    words: tuple[str, ...]
    name_en: str
    kind: str
    needs_adjective: bool = False  # a bare head (مصدر، مصادر): a source only as "مصدر قضائي"


@cache
def _cues() -> dict[str, tuple[Cue, ...]]:
    """Cues by first word, longest first."""
    by_first: dict[str, list[Cue]] = {}
    for _lemma, stance, forms, complement, *_ in table("claims/cues.tsv")[1:]:
        complements = tuple(c.strip() for c in complement.split("|") if c.strip())
        for form in forms.split("|"):
            words = tuple(word_key(w) for w in form.split())
            if words:
                by_first.setdefault(words[0], []).append(Cue(words, stance, complements))
    return {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in by_first.items()}


@cache
def _non_claims() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(word_key(w) for w in row[0].split()) for row in table("claims/non_claims.tsv")[1:])


@cache
def _unnamed() -> dict[str, tuple[UnnamedSource, ...]]:
    by_first: dict[str, list[UnnamedSource]] = {}
    for phrase, name_en, kind, *rest in table("claims/unnamed_sources.tsv")[1:]:
        words = tuple(word_key(w) for w in phrase.split())
        needs_adjective = bool(rest) and rest[0].strip() == "adjective"
        by_first.setdefault(words[0], []).append(UnnamedSource(words, name_en, kind, needs_adjective))
    return {k: tuple(sorted(v, key=lambda s: -len(s.words))) for k, v in by_first.items()}


def _match_cue(view: SentenceView, i: int) -> tuple[Cue, int, int] | None:
    """(cue, its first token, one past its last token) starting at token i."""
    for form in view.forms(i):
        for cue in _cues().get(form, ()):
            n = len(cue.words)
            if n == 1 or tuple(view.keys[i + 1:i + n]) == cue.words[1:]:
                return cue, i, i + n
    return None


def _is_non_claim(view: SentenceView, i: int) -> bool:
    """A phrase of non_claims.tsv starting at the cue, or one word before it ("في إشارة إلى")."""
    for phrase in _non_claims():
        n = len(phrase)
        for start in (i, i - 1):
            if start >= 0 and start + n > i and phrase[0] in view.forms(start) \
                    and tuple(view.keys[start + 1:start + n]) == phrase[1:]:
                return True
    return False


def _object_before_ba(view: SentenceView, end: int) -> bool:
    """Whether a ب-phrase follows the actor right after a cue that takes an object and a ب
    (اتهم فلانا بكذا، وصف الأمر بكذا): with no second actor, the one found is the object."""
    if end >= len(view.tokens) or view.keys[end] in _COMPLEMENTIZERS:
        return False
    return view.tokens[end].prefix.startswith("ب")


def _is_nisba(view: SentenceView, j: int) -> bool:
    """A relational adjective with no mention of its own (قضائي، رسمية، محلي، روسي، الماليين)."""
    key = view.keys[j]
    mention = view.mention(j)
    if (mention is not None and mention.actor) or key in _COMPLEMENTIZERS:
        return False
    return len(key) >= 4 and key.endswith(("ي", "يه", "يين", "يون")) and key.isalpha()


class _Speakers:
    """Finds speakers and makes actors for unnamed sources (one actor per phrase per article)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.actors = {a.id: a for a in doc.actors}
        self.unnamed: dict[str, Actor] = {}

    def named(self, view: SentenceView, i: int) -> Actor | None:
        return view.actor(i, self.actors)

    def unnamed_at(self, view: SentenceView, i: int) -> tuple[Actor, int] | None:
        """An unnamed source starting at token i (مصدر عسكري، بعض المراقبين): its actor and end."""
        for source in _unnamed().get(view.keys[i], ()) + _unnamed().get(view.forms(i)[-1], ()):
            n = len(source.words)
            if tuple(view.keys[i + 1:i + n]) == source.words[1:]:
                end = i + n
                while end < len(view.tokens) and end < i + n + 2 and _is_nisba(view, end):
                    end += 1  # مصدر عسكري روسي، مسؤول محلي
                if source.needs_adjective and end == i + n:
                    continue
                start, stop = view.tokens[i].start, view.tokens[end - 1].end
                key = word_key(self.doc.text[start:stop])
                actor = self.unnamed.get(key)
                if actor is None:
                    actor = Actor(f"a{len(self.doc.actors) + 1}", source.name_en, self.doc.text[start:stop],
                                  source.kind)
                    self.doc.actors.append(actor)
                    self.actors[actor.id] = actor
                    self.unnamed[key] = actor
                self.doc.add_mention(start, stop, "PER" if source.kind in ("person", "other") else "ORG",
                                     actor=actor.id)
                return actor, end
        return None

    def after(self, view: SentenceView, first: int, quoted: bool = False) -> tuple[Actor, int] | None:
        """The speaker right after a cue: (actor, index after its mention). A person named in
        apposition ("وكيل الوزير، فلان") is preferred to the title before it; when no actor comes
        within SPEAKER_WINDOW words, a person ending a longer description ("قال زعيم أكبر تحالف
        في المنطقة فلان إن") is taken. quoted: the source may stand in quotation marks (وفق "رويترز")."""
        j = first
        words = 0
        closing = None
        while j < len(view.tokens) and words <= SPEAKER_WINDOW:
            text = view.tokens[j].text
            if quoted and text in _OPENING_QUOTES and closing is None:
                closing = _OPENING_QUOTES[text]
                j += 1
                continue
            if view.keys[j] in _COMPLEMENTIZERS or text in _OPENING_QUOTES or text in ":،,":
                return None
            found = (actor, view.mention_end(j)) if (actor := self.named(view, j)) is not None \
                else self.unnamed_at(view, j)
            if found is not None:
                actor, end = found
                if closing is not None and end < len(view.tokens) and view.tokens[end].text == closing:
                    end += 1  # وفق "رويترز": the closing mark belongs to the source
                return self._apposed(view, actor, end)
            words += view.is_word(j)
            j += 1
        return None

    def _apposed(self, view: SentenceView, actor: Actor, end: int) -> tuple[Actor, int]:
        """A person named right after the speaker, set off by a comma, is the speaker."""
        if end + 1 < len(view.tokens) and view.tokens[end].text in _COMMAS:
            person = self.named(view, end + 1)
            if person is not None and person.kind == "person" and person.id != actor.id:
                return person, view.mention_end(end + 1)
        return actor, end

    def described(self, view: SentenceView, first: int) -> tuple[Actor, int] | None:
        """A person further on, before the content starts, ending a description of the speaker
        that has no actor of its own ("قال المبعوث البريطاني بالمنظمة، فلان إن")."""
        if first >= len(view.tokens) or not view.is_word(first) or view.keys[first] in _ADJUNCT_STARTS:
            return None
        j = first
        words = 0
        while j < len(view.tokens) and words <= DESCRIPTION_WINDOW:
            text = view.tokens[j].text
            if view.keys[j] in _COMPLEMENTIZERS or text in _OPENING_QUOTES or text in ":.؟!":
                return None
            actor = self.named(view, j)
            if actor is not None and actor.kind == "person":
                return actor, view.mention_end(j)
            words += view.is_word(j)
            j += 1
        return None

    def subject(self, view: SentenceView, cue_start: int) -> Actor | None:
        """The first actor of the sentence before a circumstantial cue ("دانت الدولة الهجوم، معتبرة"),
        past a short adjunct set off by a comma that opens the sentence ("في سوريا، دانت فرنسا")."""
        start = 0
        comma = next((k for k in range(cue_start) if view.tokens[k].text in _COMMAS), None)
        if comma is not None and _is_adjunct(view, 0, comma):
            start = comma + 1
        for j in range(start, cue_start):
            if (actor := self.named(view, j)) is not None:
                return actor
        return None

    def before(self, view: SentenceView, cue_start: int) -> Actor | None:
        """The speaker before a cue in the same clause ("فرنسا أعلنت")."""
        for j in range(cue_start - 1, view.clause_start(cue_start) - 1, -1):
            if (actor := self.named(view, j)) is not None:
                return actor
        return None


def _content(view: SentenceView, start: int, stop: int) -> tuple[int, int, bool] | None:
    """(first token, one past the last, direct?) of what was said, looking from token `start`."""
    j = start
    while j < stop and not view.is_word(j) and view.tokens[j].text not in _OPENING_QUOTES:
        j += 1  # punctuation between the speaker and the content
    while j < stop and view.keys[j] in _SAYING | {":"}:
        j += 1
    if j >= stop:
        return None
    # A speaker described at length ("المتحدث باسم السلطة المحلية في تعز، فلان:") puts the content
    # further on: the first quote, colon or complementizer close ahead starts it.
    # A colon ("…، فلان، للصحفيين: «…»") is a firm boundary and may come further on than a quote or
    # a complementizer, which can as well open a part of the content itself.
    for k in range(j, min(stop, j + COLON_LOOKAHEAD)):
        near = k < j + LOOKAHEAD
        if near and (view.tokens[k].text in _OPENING_QUOTES or view.keys[k] in _COMPLEMENTIZERS):
            j = k
            break
        if view.tokens[k].text == ":":
            j = k + 1
            break
    if j >= stop:
        return None
    opening = view.tokens[j].text
    if opening in _OPENING_QUOTES:
        closing = _OPENING_QUOTES[opening]
        for k in range(j + 1, len(view.tokens)):
            if view.tokens[k].text == closing:
                return j, k + 1, True
        return j, len(view.tokens), True
    if view.keys[j] in _COMPLEMENTIZERS:
        k = j + 1
        if k < len(view.tokens) and view.tokens[k].text in _OPENING_QUOTES:
            inner = _content(view, k, stop)
            if inner is not None:
                return j, inner[1], True
        return j, stop, False
    return j, view.clause_end(j), False


def _is_adjunct(view: SentenceView, first: int, last: int) -> bool:
    """Whether tokens [first, last) are a short phrase that opens with a preposition ("في سوريا"،
    "في غضون ذلك"، "من جهة أخرى")."""
    words = [k for k in range(first, last) if view.is_word(k)]
    return 0 < len(words) <= ADJUNCT_WORDS and bool(set(view.forms(words[0])) & _ADJUNCT_STARTS)


def _full_clause(view: SentenceView, first: int, last: int) -> bool:
    """Whether tokens [first, last) may be a clause a source vouches for: not only punctuation
    nor a short adjunct that opens with a preposition ("في غضون ذلك"، "من جهة أخرى")."""
    return any(view.is_word(k) for k in range(first, last)) and not _is_adjunct(view, first, last)


def _vouched_content(view: SentenceView, first: int,
                     following: tuple[int, int, bool] | None) -> tuple[int, int, bool] | None:
    """The content a nominal cue at token first (بحسب، وفق) vouches for, given the one after its source."""
    end = first - 1 if first > 0 and view.tokens[first - 1].text in _COMMAS else first
    before = (view.clause_start(end - 1) if end > 0 else 0, end, False)
    if not _full_clause(view, *before[:2]) and following is not None \
            and any(view.is_word(k) for k in range(*following[:2])):
        # Between an adjunct or a quotation mark and the rest of the sentence ("في غضون ذلك، وبحسب
        # الأمم المتحدة، قتل …"، «وفق …» قتل …): what follows.
        return following
    clause = view.clause_start(first)
    if clause < first:
        return clause, first, False
    opens = following is not None and following[0] < following[1] \
        and view.keys[following[0]] in _COMPLEMENTIZERS
    # After a clause ("…، وفق الأمم المتحدة."): what came before, unless the source introduces what
    # follows ("…، بحسب المصدر، فإن …").
    return before if first > 0 and not opens else following


def _stance(cue: Cue, view: SentenceView, first: int, last: int) -> str:
    """The cue's stance; an asserted content that is hedged or conditional is speculation, and
    one that opens by negating its predicate is a denial."""
    if cue.stance != "assert":
        return cue.stance
    opening = [view.keys[k] for k in range(first, min(last, first + 5))]
    # إن right after the cue is the complementizer ("قال إن ثبوت …"), never the conditional "if".
    body = first + 1 if first < last and view.keys[first] in _COMPLEMENTIZERS else first
    if any(word in _HEDGES for word in opening) \
            or any(view.keys[k] in _CONDITIONALS and _VERIFYING & set(view.keys[k + 1:k + 3])
                   for k in range(body, min(last, first + CONDITION_WINDOW))):
        return "speculate"
    indices = [k for k in range(body, last) if view.is_word(k)]
    words = [view.keys[k] for k in indices]
    for n, word in enumerate(words[:NEGATION_WINDOW]):
        if word == _NEGATION_NOUN and not _denies_by_noun(view, indices, n, body > first):
            continue
        if word in _CONTENT_NEGATIONS and not any(w in _NOT_DENIALS for w in words[:NEGATION_WINDOW + 6]) \
                and not any(_opens_clause(view, k) for k in indices[n + 2:]):
            return "deny"
    return "assert"


def _denies_by_noun(view: SentenceView, indices: list[int], n: int, after_complementizer: bool) -> bool:
    """عدم denies only as the cue's object, before an indefinite verbal noun ("أكد عدم وجود أدلة");
    after أن, or before a definite noun, it is a noun of its own ("أن عدم الاستقرار يهدد")."""
    if after_complementizer or n + 1 >= len(indices):
        return False
    return not view.keys[indices[n + 1]].startswith("ال")


def _opens_clause(view: SentenceView, k: int) -> bool:
    """Whether token k starts a coordinated verb clause (وقصفت، ثم اعتقلت), which a negation
    before it does not cover: و or ف on a word that is neither definite, a particle, an imperfect
    carrying on the negation ("لم تلتزم وتنسحب") nor a noun ending in ة."""
    key = view.keys[k]
    if key[:1] not in "وف" or len(key) < 4:
        return False
    stem = key[1:]
    if stem not in view.forms(k) and not view.tokens[k].prefix:
        return False
    return not (stem.startswith(("ال", "لم", "لا", "لن", "ما", "ب", "ل", "ك")) or stem[0] in "ينم"
                or stem.endswith("ه") or stem in _ADJUNCT_STARTS or stem in _COMPLEMENTIZERS)


def run(doc: Document) -> Document:
    speakers = _Speakers(doc)
    last_speaker: tuple[Actor, int] | None = None  # (actor, sentence index)
    for view in sentence_views(doc):
        i = 0
        sentence_speaker: Actor | None = None
        lead_in = -1  # the cue words and speaker of the last claim, up to its content
        content_end = -1  # where the content of the last indirect claim ends
        while i < len(view.tokens):
            matched = _match_cue(view, i)
            if matched is None or _is_non_claim(view, i) or (i > 0 and view.keys[i - 1] in _NEGATIONS):
                i += 1
                continue
            cue, first, after = matched
            stop = len(view.tokens)
            if cue.circumstantial:
                # Only after a comma, not as the lead-in of the claim just made ("قال، مؤكدا أن") and
                # not inside its content ("قال إن الهجوم وقع، مشيرا إلى أن …" is one claim).
                if first == 0 or view.tokens[first - 1].text not in _COMMAS or first <= lead_in \
                        or first < content_end:
                    i += 1
                    continue
                speaker = sentence_speaker or speakers.subject(view, first)
                if speaker is None and last_speaker and view.index - last_speaker[1] <= CARRY_SENTENCES:
                    speaker = last_speaker[0]
                content = _content(view, after, stop)
            elif cue.nominal:
                if after < stop and view.keys[after] == _WHAT:
                    after += 1  # وفق ما، بحسب ما
                if after < stop and (verb := _match_cue(view, after)) is not None and not verb[0].nominal:
                    after = verb[2]  # حسبما قال، وفق ما ذكرت: the verb belongs to the nominal cue
                found = speakers.after(view, after, quoted=True)
                speaker = found[0] if found else None
                content = _vouched_content(view, first, _content(view, found[1] if found else after, stop))
            else:
                found = speakers.after(view, after)
                if found is not None and "acc" in cue.complements and _object_before_ba(view, found[1]):
                    found = None  # "واتهمت حماس بالتصعيد": the one actor is the object, the subject unsaid
                speaker = found[0] if found else speakers.before(view, first)
                if speaker is None and (found := speakers.described(view, after)) is not None:
                    speaker = found[0]
                if speaker is None and last_speaker and view.index - last_speaker[1] <= CARRY_SENTENCES:
                    speaker = last_speaker[0]
                content = _content(view, found[1] if found else after, stop)
            if content is None or content[0] >= content[1]:
                i = after
                continue
            begin, end, direct = content
            lead_in = begin
            content_end = end if not direct else content_end
            cue_span = doc.span(_cue_start(view, first), view.tokens[after - 1].end)
            content_span = doc.span(view.tokens[begin].start, view.tokens[end - 1].end)
            doc.claims.append(Claim(f"c{len(doc.claims) + 1}", speaker.id if speaker else None,
                                    _stance(cue, view, begin, end), "direct" if direct else "indirect",
                                    cue_span, content_span))
            if speaker is not None:
                last_speaker = (speaker, view.index)
                sentence_speaker = sentence_speaker or speaker
            # Cues inside a quotation are the speaker's own words, not claims of their own.
            i = max(after, end) if direct else after
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    return doc


def _cue_start(view: SentenceView, i: int) -> int:
    """Where the cue word starts once a leading conjunction is left out (وقال → قال)."""
    token = view.tokens[i]
    key = view.keys[i]
    if key in _cues():
        return token.start  # وفقا is a cue as written, not و + فقا
    return token.start + 1 if key[:1] in "وف" and len(key) > 3 and key[1:] in view.forms(i) else token.start

