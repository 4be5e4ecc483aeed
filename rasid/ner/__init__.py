"""Arabic named-entity tagging (PERS, LOC, ORG, MISC): numpy inference in `model`, scoring in `eval`,
the torch rebuild in `train` (needs the `train` extra)."""
