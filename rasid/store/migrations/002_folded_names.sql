-- rasid store, schema version 2: every mention's text and every actor's Arabic name also folded
-- (as rows.folded_name folds them), indexed, so that finding an actor by an Arabic name is an index
-- lookup instead of folding every stored mention. fold_name() is that Python function, which the
-- store registers on its connection.

ALTER TABLE mentions ADD COLUMN folded TEXT;
UPDATE mentions SET folded = fold_name(text);
CREATE INDEX mentions_folded ON mentions(folded, actor_key) WHERE actor_key IS NOT NULL;

ALTER TABLE actors ADD COLUMN name_ar_folded TEXT;
UPDATE actors SET name_ar_folded = fold_name(name_ar) WHERE name_ar IS NOT NULL;
CREATE INDEX actors_name_ar_folded ON actors(name_ar_folded);
