"""Document actors made from dictionary entries, shared by the linking and coreference stages."""

from __future__ import annotations

from rasid.actors.dictionary import ActorEntry
from rasid.document import Actor, Document


def actor_from_entry(actor_id: str, entry: ActorEntry, surface: str) -> Actor:
    """The document's record of a dictionary actor; its Arabic name is the dictionary's first alias."""
    return Actor(actor_id, entry.name_en, entry.aliases[0] if entry.aliases else surface, entry.kind,
                 entry.country, entry.wikidata, canonical=entry.id, sector=entry.sector)


def ensure_actor(doc: Document, entry: ActorEntry, surface: str) -> Actor:
    """The document's actor for a dictionary entry, added (with the next free id) if it is new."""
    for actor in doc.actors:
        if actor.canonical == entry.id:
            return actor
    actor = actor_from_entry(f"a{len(doc.actors) + 1}", entry, surface)
    doc.actors.append(actor)
    return actor
