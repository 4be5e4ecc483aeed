"""Contradictions stage: two claims that cannot both be true.

Two claims contradict when they state the same proposition with opposite polarity: an event of
the same PLOVER type inside each, with compatible source and target (the same actor, an actor
left unnamed on one side, or two organs of the same state: "the Ministry" and "the Government"),
asserted by one and denied (or stated negated) by the other. `contradiction_between` works on
claims of any two documents (actors compared by their dictionary ids), so the store can run it
across outlets; `run` applies it within one article.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasid.document import Actor, Claim, Contradiction, Document, Event
from rasid.text.view import word_key

REQUIRES = ("claims", "events", "actors")
PROVIDES = ("contradictions",)

# Organs of one state: a claim about "the government" and one about "its ministry" may collide.
_STATE_KINDS = frozenset({"state", "government", "ministry", "military"})


@dataclass(frozen=True)
class Stated:
    """A claim with the events inside it and the actors they name, from one document."""

    claim: Claim
    events: tuple[Event, ...]
    actors: dict[str, Actor]

    def name(self, actor_id: str | None) -> str:
        actor = self.actors.get(actor_id or "")
        return (actor.name_en or actor.name_ar or actor.id) if actor else "someone"


def _identity(stated: Stated, actor_id: str | None) -> Actor | None:
    return stated.actors.get(actor_id) if actor_id else None


def _identity_key(actor: Actor) -> str:
    """The same actor in two documents: its dictionary id, else its Arabic name."""
    return actor.canonical or "name:" + word_key(actor.name_ar or actor.id)


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return True
    if _identity_key(a) == _identity_key(b):
        return True
    same_state = a.country is not None and a.country == b.country
    return same_state and a.kind in _STATE_KINDS and b.kind in _STATE_KINDS


def contradiction_between(first: Stated, second: Stated) -> str | None:
    """Why two claims contradict, or None: the first pair of opposite events they state."""
    for one in first.events:
        for other in second.events:
            if one.type != other.type or one.polarity == other.polarity:
                continue
            if not (_compatible(_identity(first, one.source), _identity(second, other.source))
                    and _compatible(_identity(first, one.target), _identity(second, other.target))):
                continue
            positive, negative = (first, second) if one.polarity == "positive" else (second, first)
            event = one if positive is first else other
            verb = "denies" if negative.claim.stance == "deny" else "says it did not happen"
            return (f"{positive.claim.id} asserts {event.type}({positive.name(event.source)} -> "
                    f"{positive.name(event.target)}); {negative.claim.id} {verb}")
    return None


def run(doc: Document) -> Document:
    actors = {a.id: a for a in doc.actors}
    events = {e.id: e for e in doc.events}
    stated = [Stated(c, tuple(events[e] for e in c.events), actors) for c in doc.claims if c.events]
    for i, first in enumerate(stated):
        for second in stated[i + 1:]:
            reason = contradiction_between(first, second)
            if reason is not None:
                doc.contradictions.append(Contradiction(f"x{len(doc.contradictions) + 1}",
                                                        [first.claim.id, second.claim.id], reason))
    return doc
