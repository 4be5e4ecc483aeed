"""Actors: the dictionary of who acts in the news (states, groups, people ...) and their names."""

from rasid.actors.dictionary import (
    ActorDataError,
    ActorDictionary,
    ActorEntry,
    Demonym,
    Institution,
    Role,
    alias_key,
)

__all__ = ["ActorDataError", "ActorDictionary", "ActorEntry", "Demonym", "Institution", "Role", "alias_key"]
