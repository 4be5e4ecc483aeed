"""Build aids for the event-trigger and claim-cue lexicons (rasid/data/events/, rasid/data/claims/).

The shipped TSV files are curated by hand; this script makes the curation reproducible and helps
an expert extend it. Subcommands:

  candidates   Read the Arabic CAMEO verb dictionary of UniversalPetrarch (PETRARCH format:
               `--- LEMMA [CODE] ---` blocks, synonym lines, `- * pattern [CODE]` lines) and the
               CAMEO-to-PLOVER table, and print one TSV row per candidate verb: the PLOVER types its
               patterns code to (with counts), the modes, the CAMEO codes, an English gloss, and
               whether triggers.tsv already lists it. This is where the first list of lemmas came from.
  forms        Conjugate a verb and print its surface forms joined by " | ", ready to paste into the
               `forms` column: perfect (3ms 3fs 3mp 3fp 3md 3fd 1s 1p 2mp), imperfect (ي ت ن أ, plural
               ـون and ـوا, dual ـان and ـا, 3fp ـن), the passive where its spelling differs, and the
               verbal nouns given with --masdar (with ال and, where Arabic writes one, the accusative alif).
               Weak verbs are recognised from the two stems (نفى/ينفي, دعا/يدعو, تلقى/يتلقى, قال/يقول);
               doubled verbs need --doubled (رد/يرد, احتل/يحتل).
  coverage     Run rasid's segmentation over an ANT JSONL file, count the sentences that contain at least
               one trigger form, and list the most frequent verb-like tokens that no trigger covers.
  collisions   List every folded form that two rows of triggers.tsv share, with their types.

Examples:
  .venv/bin/python tools/build_lexicon.py candidates > /tmp/candidates.tsv
  .venv/bin/python tools/build_lexicon.py forms قصف يقصف --masdar قصف
  .venv/bin/python tools/build_lexicon.py forms اتفق يتفق --tail "على وقف إطلاق النار"
  .venv/bin/python tools/build_lexicon.py coverage ../shared/data/news/ant/ant-politics-4000.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "events"
CAMEO_AR = SHARED / "upetrarch-arabic-dictionaries" / "CAMEO.ar.0.5.txt"
ASSAULT_AR = SHARED / "upetrarch-arabic-dictionaries" / "verbs_assualt_only.txt"
CAMEO2PLOVER = SHARED / "plover" / "CAMEO2PLOVER-2021.txt"
TRIGGERS = ROOT / "rasid" / "data" / "events" / "triggers.tsv"
ANT = ROOT.parent / "shared" / "data" / "news" / "ant" / "ant-politics-4000.jsonl"

# PLOVER 2.0 renamed or merged some draft-0.8 categories that the conversion table still uses.
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO 01 (make statement) and 02 (appeal) are not in the table: PLOVER dropped comments; an appeal
# is the weak end of REQUEST.
CAMEO_PREFIX_FALLBACK = {"01": None, "02": "REQUEST"}

ALEF_HAMZA = "أ"
LONG_VOWELS = "اوي"
NO_ACCUSATIVE_ALEF = "ةاىءآأ"
PREPOSITION_WORDS = {"من", "على", "إلى", "عن", "في", "مع", "ضد", "لدى", "بين"}


# --------------------------------------------------------------------------- conjugation


def _uniq(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


def verb_kind(perfect: str, imperfect: str) -> str:
    """sound, def_y (نفى/ينفي), def_a (تلقى/يتلقى), def_w (دعا/يدعو), def_i (خشي/يخشى) or hollow
    (قال/يقول, أشار/يشير, اغتال/يغتال). Doubled verbs cannot be told from their letters."""
    if perfect.endswith("ى"):
        return "def_a" if imperfect.endswith("ى") else "def_y"
    if perfect.endswith("ا") and imperfect.endswith("و"):
        return "def_w"
    if perfect.endswith("ي") and imperfect.endswith("ى"):
        return "def_i"
    if len(perfect) >= 3 and perfect[-2] == "ا" and len(imperfect) >= 3 and imperfect[-2] in LONG_VOWELS:
        return "hollow"
    return "sound"


def _imperfect(stem: str, plural_stem: str, dual_stem: str, fem_plural: str) -> list[str]:
    """Imperfect forms from the stem after the person prefix (قصف in يقصف)."""
    first = "آ" + stem[1:] if stem.startswith(ALEF_HAMZA) else ALEF_HAMZA + stem
    return [
        "ي" + stem,
        "ت" + stem,
        "ن" + stem,
        first,
        "ي" + plural_stem + "ون",
        "ت" + plural_stem + "ون",
        "ي" + plural_stem + "وا",
        "ت" + plural_stem + "وا",
        "ي" + dual_stem + "ان",
        "ت" + dual_stem + "ان",
        "ي" + dual_stem + "ا",
        "ت" + dual_stem + "ا",
        "ي" + fem_plural,
    ]


def conjugate(
    perfect: str,
    imperfect: str,
    *,
    doubled: bool = False,
    passive: bool = True,
    perfect_forms: bool = True,
    imperfect_forms: bool = True,
    short_forms: bool = True,
) -> list[str]:
    """The surface forms of a verb, without clitics or diacritics. short_forms=False leaves out a
    hollow verb's shortened perfects (لمن، دنت), which are rare in news and often spell other words."""
    kind = "doubled" if doubled else verb_kind(perfect, imperfect)
    stem = imperfect[1:]
    perf: list[str] = []
    impf: list[str] = []
    passives: list[str] = []
    if kind == "sound":
        perf = [
            perfect,
            perfect + "ت",
            perfect + "وا",
            perfect + "ن",
            perfect + "ا",
            perfect + "تا",
            perfect + "نا",
            perfect + "تم",
        ]
        impf = _imperfect(stem, stem, stem, stem + "ن")
        if len(perfect) == 4 and perfect[1] == "ا" and stem == perfect:  # form III: هاجم → هوجم
            passive_stem = perfect[0] + "و" + perfect[2:]
            passives = [passive_stem, passive_stem + "ت", passive_stem + "وا"]
    elif kind == "doubled":
        long = perfect + perfect[-1]
        perf = [
            perfect,
            perfect + "ت",
            perfect + "وا",
            long + "ن",
            perfect + "ا",
            perfect + "تا",
            long + "ت",
            long + "نا",
            long + "تم",
        ]
        impf = _imperfect(stem, stem, stem, stem + stem[-1] + "ن")
    elif kind in ("def_y", "def_a", "def_w", "def_i"):
        base = perfect[:-1]
        if kind == "def_w":
            perf = [
                perfect,
                base + "ت",
                base + "وا",
                base + "ون",
                base + "تا",
                base + "وت",
                base + "ونا",
                base + "وتم",
            ]
            passives = [base + "ي", base + "يت"]
        elif kind == "def_i":  # خشي/يخشى: the perfect keeps its ya
            perf = [
                perfect,
                perfect + "ت",
                base + "وا",
                perfect + "ن",
                perfect + "ا",
                perfect + "تا",
                perfect + "نا",
                perfect + "تم",
            ]
        else:
            perf = [
                perfect,
                base + "ت",
                base + "وا",
                base + "ين",
                base + "يا",
                base + "تا",
                base + "يت",
                base + "ينا",
                base + "يتم",
            ]
            if kind == "def_y" and not perfect.startswith(("ت", "ان", "است")):
                passives = [base + "ي", base + "يت"]
        short = stem[:-1]
        if kind in ("def_y", "def_w"):
            impf = _imperfect(stem, short, stem, stem + "ن")
        else:  # def_a, def_i: يتلقى, يتلقون, يتلقيان, يتلقين
            impf = _imperfect(stem, short, short + "ي", short + "ين")
    elif kind == "hollow":
        short = perfect[:-2] + perfect[-1]
        perf = [
            perfect,
            perfect + "ت",
            perfect + "وا",
            short + "ن",
            perfect + "ا",
            perfect + "تا",
            short + "ت",
            short + "نا",
            short + "تم",
        ]
        if not short_forms:
            perf = [form for form in perf if not form.startswith(short)]
        short_stem = stem[:-2] + stem[-1]
        impf = _imperfect(stem, stem, stem, short_stem + "ن")
        if not perfect.startswith(("ان", "است", "ت")):
            passive_stem = perfect[:-2] + "ي" + perfect[-1]
            passives = [passive_stem, passive_stem + "ت", passive_stem + "وا"]
    forms: list[str] = []
    if perfect_forms:
        forms += perf
        if passive:
            forms += passives
    if imperfect_forms:
        forms += impf
    return _uniq(forms)


def takes_article(word: str) -> bool:
    return not word.startswith("ال")


def nominal(word: str, *, article: bool = True, accusative: bool = True) -> list[str]:
    """A verbal noun or noun: itself, with ال, and its indefinite accusative (هجوما) where written."""
    forms = [word]
    if article and takes_article(word):
        forms.append("ال" + word)
    last = word[-1]
    if (
        accusative
        and " " not in word
        and last not in NO_ACCUSATIVE_ALEF
        and not word.endswith("ات")
        and not word.startswith("ال")
    ):
        forms.append(word + "ا")
    return forms


def with_tail(forms: Iterable[str], tail: str) -> list[str]:
    return [f"{form} {tail}" for form in forms]


def tail_allows_article(tail: str) -> bool:
    """A verbal noun before a genitive (إطلاق سراح) takes no article; before a preposition it may."""
    first = tail.split()[0]
    return first in PREPOSITION_WORDS or (first[0] in "بل" and len(first) > 2 and first not in {"لائحة"})


# --------------------------------------------------------------------------- CAMEO → PLOVER


def read_cameo2plover(path: Path = CAMEO2PLOVER) -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER 2.0 type, mode)."""
    table: dict[str, tuple[str, str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        match = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not match or not match.group(2):
            continue
        parts = [p.strip() for p in match.group(2).split(",")]
        plover = PLOVER_RENAMES.get(parts[0], parts[0])
        mode = parts[1] if len(parts) > 1 else ""
        if parts[0] == "INVESTIGATE":
            mode = "investigate"
        table.setdefault(match.group(1), (plover, mode))
    return table


def plover_for(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    fallback = CAMEO_PREFIX_FALLBACK.get(code[:2])
    return (fallback, "") if fallback else None


def _clean(word: str) -> str:
    word = re.sub(r"[\u064B-\u065F\u0670]", "", word).strip().strip("_")
    return word.replace("+", " ").replace("_", " ").strip()


def read_petrarch_verbs(path: Path) -> Iterator[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]]:
    """(block lemma, [(word, gloss)], [(pattern, code)]) for each `--- LEMMA [CODE] ---` block."""
    lemma = None
    words: list[tuple[str, str]] = []
    patterns: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        header = re.match(r"^---\s*(.+?)\s*\[(.*?)\]\s*---", line)
        if header:
            if lemma:
                yield lemma, words, patterns
            lemma, words, patterns = _clean(header.group(1)), [], []
            if header.group(2).strip("-"):
                patterns.append(("*", header.group(2)))
            continue
        if lemma is None or not line or line.startswith("#"):
            continue
        body, _, gloss = line.partition("#")
        code = re.search(r"\[(\d{2,4})\]", body)
        if line.startswith("-"):
            if code:
                patterns.append((re.sub(r"\[.*?\]", "", body[1:]).strip(), code.group(1)))
        else:
            word = _clean(re.sub(r"\[.*?\]", "", body))
            if word:
                words.append((word, gloss.strip()))
                if code:
                    patterns.append((word, code.group(1)))
    if lemma:
        yield lemma, words, patterns


def listed_forms(path: Path = TRIGGERS) -> dict[str, list[tuple[str, str]]]:
    """Folded form → [(lemma, type)] from triggers.tsv."""
    from rasid.text.normalize import fold

    forms: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if not path.exists():
        return forms
    for row in read_tsv(path):
        for form in row["forms"].split(" | "):
            forms[fold(form.strip(), ta_marbuta=True, hamza=True)].append((row["lemma"], row["type"]))
    return forms


def read_tsv(path: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def cmd_candidates(_: argparse.Namespace) -> None:
    from rasid.text.normalize import fold

    table = read_cameo2plover()
    covered = listed_forms()
    stats: dict[str, dict] = {}
    for path in (CAMEO_AR, ASSAULT_AR):
        for lemma, words, patterns in read_petrarch_verbs(path):
            types: Counter[str] = Counter()
            modes: Counter[str] = Counter()
            codes: Counter[str] = Counter()
            for _pattern, code in patterns:
                mapped = plover_for(code, table)
                codes[code] += 1
                if mapped:
                    types[mapped[0]] += 1
                    if mapped[1]:
                        modes[f"{mapped[0]}:{mapped[1]}"] += 1
            for word, gloss in words or [(lemma, "")]:
                entry = stats.setdefault(
                    word,
                    {
                        "types": Counter(),
                        "modes": Counter(),
                        "codes": Counter(),
                        "blocks": set(),
                        "glosses": set(),
                    },
                )
                entry["types"].update(types)
                entry["modes"].update(modes)
                entry["codes"].update(codes)
                entry["blocks"].add(lemma)
                if gloss:
                    entry["glosses"].update(g.strip() for g in gloss.split(","))
    print("word\tplover_types\tmodes\tcameo_codes\tblocks\tgloss\tin_triggers")
    for word, entry in sorted(stats.items(), key=lambda item: -sum(item[1]["types"].values())):
        if not entry["types"]:
            continue
        fmt = " ".join(f"{k}:{v}" for k, v in entry["types"].most_common())
        print(
            "\t".join(
                [
                    word,
                    fmt,
                    " ".join(f"{k}:{v}" for k, v in entry["modes"].most_common(4)),
                    " ".join(sorted(entry["codes"])[:12]),
                    " ".join(sorted(entry["blocks"])),
                    ", ".join(sorted(entry["glosses"]))[:80],
                    "yes" if fold(word, ta_marbuta=True, hamza=True) in covered else "",
                ]
            )
        )


def cmd_forms(args: argparse.Namespace) -> None:
    forms = conjugate(
        args.perfect,
        args.imperfect,
        doubled=args.doubled,
        passive=not args.no_passive,
        perfect_forms=not args.no_perfect,
        imperfect_forms=not args.no_imperfect,
    )
    nouns: list[str] = []
    for masdar in args.masdar or []:
        nouns += nominal(masdar)
    if args.tail:
        tailed = with_tail(forms, args.tail)
        for masdar in args.masdar or []:
            tailed.append(f"{masdar} {args.tail}")
            if tail_allows_article(args.tail) and takes_article(masdar):
                tailed.append(f"ال{masdar} {args.tail}")
        forms, nouns = tailed, []
    print(" | ".join(_uniq(forms + nouns)))


# --------------------------------------------------------------------------- coverage


def _candidates(token: str, prefix: str, suffix: str, fold_fn) -> set[str]:
    """What a detector may look up for one token: the stem, with and without its article, with the
    ta marbuta and the alef of ـوا restored before a pronoun suffix."""
    text = fold_fn(token)
    stem = fold_fn(token[len(prefix) : len(token) - len(suffix)] if suffix else token[len(prefix) :])
    out = {text, stem}
    if prefix.endswith("ال") or prefix.endswith("لل"):
        out.add("ال" + stem)
    if suffix:
        if stem.endswith("ت"):
            out.add(stem[:-1] + "ه")  # ta marbuta folded to ha
        if stem.endswith("و"):
            out.add(stem + "ا")
    if text.startswith(("و", "ف")) and len(text) > 3:
        out.add(text[1:])
    return out


def cmd_coverage(args: argparse.Namespace) -> None:
    import rasid
    from rasid.text.normalize import fold

    def fold_fn(s: str) -> str:
        return fold(s, ta_marbuta=True, hamza=True)

    single: set[str] = set()
    multi: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for form in listed_forms():
        parts = form.split()
        if len(parts) == 1:
            single.add(form)
        else:
            multi[parts[0]].append(tuple(parts[1:]))
    sentences = covered = 0
    uncovered: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    form_type = {form: {t for _, t in rows} for form, rows in listed_forms().items()}
    with open(args.jsonl, encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if args.limit and n >= args.limit:
                break
            record = json.loads(line)
            text = record.get("text") or ""
            if not text.strip():
                continue
            doc = rasid.analyze(text)
            per_sentence: dict[int, list] = defaultdict(list)
            for tok in doc.tokens:
                per_sentence[tok.sentence].append(tok)
            for toks in per_sentence.values():
                sentences += 1
                hit_types: set[str] = set()
                words = [fold_fn(t.text) for t in toks]
                for i, tok in enumerate(toks):
                    cands = _candidates(tok.text, tok.prefix, tok.suffix, fold_fn)
                    found = cands & single
                    for c in found:
                        hit_types |= form_type[c]
                    for c in cands:
                        for rest in multi.get(c, ()):
                            if tuple(words[i + 1 : i + 1 + len(rest)]) == rest:
                                hit_types |= form_type[" ".join((c, *rest))]
                    if not found and not any(c in multi for c in cands):
                        stem = fold_fn(
                            tok.text[len(tok.prefix) : len(tok.text) - len(tok.suffix)]
                            if tok.suffix
                            else tok.text[len(tok.prefix) :]
                        )
                        if len(stem) >= 3 and (stem[0] in "يتنا" or stem.endswith(("ت", "وا"))):
                            uncovered[stem] += 1
                if hit_types:
                    covered += 1
                    by_type.update(hit_types)
    print(f"sentences: {sentences}  with a trigger: {covered} ({100 * covered / max(sentences, 1):.1f}%)")
    print("sentences by type: " + ", ".join(f"{t} {c}" for t, c in by_type.most_common()))
    print(f"\n{args.top} most frequent verb-like tokens not covered:")
    for word, count in uncovered.most_common(args.top):
        print(f"{count}\t{word}")


def cmd_collisions(_: argparse.Namespace) -> None:
    for form, rows in sorted(listed_forms().items()):
        if len({t for _, t in rows}) > 1:
            print(form + "\t" + "; ".join(f"{lemma} ({t})" for lemma, t in rows))


TRIGGER_SPEC = ROOT / "tools" / "trigger_spec.tsv"
CUE_SPEC = ROOT / "tools" / "cue_spec.tsv"
CUES = ROOT / "rasid" / "data" / "claims" / "cues.tsv"


def spec_forms(perfect: str, imperfect: str, masdars: str, flags: set[str]) -> list[str]:
    """Every surface form of one spec row: the verb conjugated (with its fixed tail words, e.g.
    "أطلق النار"), and its verbal nouns with and without the article."""
    forms: list[str] = []
    if "asis" in flags:  # fixed forms listed in full (حسبما، مؤكدا، مؤكدة): no article, no accusative
        return _uniq([perfect, *filter(None, (m.strip() for m in masdars.split(",")))])
    if perfect and "noverb" not in flags:
        head, _, tail = perfect.partition(" ")
        verb = conjugate(
            head,
            imperfect.split(" ")[0],
            doubled="doubled" in flags,
            passive="nopassive" not in flags,
            short_forms="noshort" not in flags,
            perfect_forms="noperfect" not in flags,
            imperfect_forms="noimperfect" not in flags,
        )
        forms += with_tail(verb, tail) if tail else verb
    elif perfect:
        forms += nominal(perfect) if " " not in perfect else [perfect]
    for masdar in filter(None, (m.strip() for m in masdars.split(","))):
        forms += nominal(masdar) if " " not in masdar else [masdar]
    return _uniq(forms)


def cmd_build(_: argparse.Namespace) -> None:
    """Write triggers.tsv and cues.tsv from the curated spec files in tools/."""
    header = (
        "# Built by tools/build_lexicon.py build from tools/trigger_spec.tsv; edit the spec, then rebuild.\n"
    )
    rows = []
    for row in read_tsv(TRIGGER_SPEC):
        flags = set(row.get("flags", "").split(","))
        forms = spec_forms(row["perfect"], row["imperfect"], row["masdars"], flags)
        lemma = row["perfect"] or row["masdars"].split(",")[0]
        rows.append(
            "\t".join(
                (
                    lemma,
                    row["type"],
                    row.get("mode", ""),
                    " | ".join(forms),
                    row.get("target", ""),
                    row.get("gloss", ""),
                )
            )
        )
    TRIGGERS.write_text(
        header + "lemma\ttype\tmode\tforms\ttarget\tnote\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    rows = []
    for row in read_tsv(CUE_SPEC):
        flags = set(row.get("flags", "").split(","))
        forms = spec_forms(row["perfect"], row["imperfect"], row["masdars"], flags)
        rows.append(
            "\t".join(
                (row["perfect"], row["stance"], " | ".join(forms), row["complement"], row.get("gloss", ""))
            )
        )
    CUES.write_text(
        header.replace("trigger_spec", "cue_spec")
        + "lemma\tstance\tforms\tcomplement\tnote\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {TRIGGERS} and {CUES}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("candidates", help="candidate lemmas from CAMEO.ar + CAMEO2PLOVER").set_defaults(
        func=cmd_candidates
    )
    forms = sub.add_parser("forms", help="conjugate a verb into a forms cell")
    forms.add_argument("perfect")
    forms.add_argument("imperfect")
    forms.add_argument("--masdar", action="append", help="verbal noun (repeatable)")
    forms.add_argument("--tail", help="fixed words after the verb (multi-word trigger)")
    forms.add_argument("--doubled", action="store_true", help="doubled verb (رد/يرد, احتل/يحتل)")
    forms.add_argument("--no-passive", action="store_true")
    forms.add_argument("--no-perfect", action="store_true")
    forms.add_argument("--no-imperfect", action="store_true")
    forms.set_defaults(func=cmd_forms)
    coverage = sub.add_parser("coverage", help="share of ANT sentences with a trigger")
    coverage.add_argument("jsonl", nargs="?", default=str(ANT))
    coverage.add_argument("--top", type=int, default=100)
    coverage.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    coverage.set_defaults(func=cmd_coverage)
    sub.add_parser("collisions", help="forms listed under two types").set_defaults(func=cmd_collisions)
    sub.add_parser("build", help="write triggers.tsv and cues.tsv from tools/*_spec.tsv").set_defaults(
        func=cmd_build
    )
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
