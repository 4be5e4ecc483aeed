"""Places: the Arabic gazetteer and the stage that resolves place names and datelines."""
