#!/usr/bin/env python3
"""Check the held-out labelled test sets and the fit sets in testdata/labelled.

Every row must have the columns title,label,language,source,note; the label must
be a six-digit ANZSCO occupation, a four-digit unit group that exists, or NONE;
no title may be an ANZSCO title, alternative title or specialisation, a title of
the default corpus (titles, everyday titles, role x context pattern expansions),
or a title of the project's other labelled sets (the fitting and development
sets), compared after lowercasing, dropping accents and punctuation. Rows of the
5411 set must be labelled 541111, 541112 or NONE, the note of a NONE row naming
the nearest outside occupation as its first code.

The fit sets (FIT: anzsco-common-pt.csv, anzsco-common-en.csv, anzsco-ads-pt.csv, anzsco-ads-en.csv,
anzsco-ads2-pt.csv, anzsco-ads2-en.csv, anzsco-ads3-en.csv, anzsco-ads3-pt.csv, anzsco-ads4-en.csv,
anzsco-ads4-pt.csv, anzsco-ads5-en.csv, anzsco-ads5-pt.csv, anzsco-ads6-en.csv,
anzsco-ads6-pt.csv, anzsco-ads7-en.csv, anzsco-ads8-en.csv, anzsco-ads9-en.csv,
anzsco-ads10-en.csv, anzsco-ads11-en.csv, anzsco-ads12-en.csv, anzsco-common2-en.csv) are checked
with the test sets, so that no row of a fit set repeats a row of a test set, and like them
but for two rules: a fit set may share titles with the default corpus and the fitting and
development sets, which are of the 5411 scope ("Assistente administrativo" is a
NONE row of titles.csv there, and a fit row of the whole ANZSCO).

The calibration sets (CALIBRATION: anzsco-calib-en.csv, anzsco-calib-pt.csv) are a third
kind: they measure the whole-ANZSCO confidence models and decision rule, which
are not fitted on them, and are never studied title by title nor used for lexicon
or corpus changes. They
are checked like the test sets (no fit row may repeat one of their rows), and
more strictly: the first part of a calibration title (before " - ", "|" or "(")
may not be the first part of a title of any other labelled set, so that no
lexicon entry made for another set's head title reaches them by chance.

The ANZSCO titles and codes come from a TSV (code, unit_group, unit_title, title,
alternative_titles, specialisations) given with --tsv, or else from the ABS
workbooks in ../shared/abs.

Usage: python3 scripts/check-labelled.py [--tsv FILE] [--show] [FILE ...]
With no FILE, checks the test sets, the calibration sets and the fit sets. Exit status 1 when a check fails.
"""

import argparse
import collections
import csv
import json
import os
import re
import sys
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = {
    "anzsco-test-en.csv": {"languages": {"en"}, "scope": None},
    "anzsco-test-pt.csv": {"languages": {"pt"}, "scope": None},
    "5411-test.csv": {"languages": {"en", "pt-BR", "pt-PT"}, "scope": {"541111", "541112"}},
    "5411-test-2.csv": {"languages": {"en", "pt-BR", "pt-PT"}, "scope": None},
    "5411-test-3.csv": {"languages": {"en", "pt-BR", "pt-PT"}, "scope": {"541111", "541112"}},
    "5411-test-4.csv": {"languages": {"en", "pt-BR", "pt-PT"}, "scope": {"541111", "541112"}},
    "5411-test-5.csv": {"languages": {"en", "pt-BR", "pt-PT"}, "scope": {"541111", "541112"}},
    "5411-test-6.csv": {"languages": {"en", "pt-BR", "pt-PT"}, "scope": {"541111", "541112"}},
    "5411-test-7.csv": {"languages": {"en", "pt-BR", "pt-PT"}, "scope": {"541111", "541112"}},
}
# Calibration sets: labelled like the test sets, fitted on by the whole-ANZSCO
# confidence models only; never studied title by title.
CALIBRATION = {
    "anzsco-calib-en.csv": {"languages": {"en"}, "scope": None, "calibration": True},
    "anzsco-calib-pt.csv": {"languages": {"pt"}, "scope": None, "calibration": True},
}
# Fit sets: labelled like the test sets, but their misses may be studied.
FIT = {
    "anzsco-common-pt.csv": {"languages": {"pt"}, "scope": None, "fit": True},
    "anzsco-common-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads-pt.csv": {"languages": {"pt"}, "scope": None, "fit": True},
    "anzsco-ads-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads2-pt.csv": {"languages": {"pt"}, "scope": None, "fit": True},
    "anzsco-ads2-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads3-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads3-pt.csv": {"languages": {"pt"}, "scope": None, "fit": True},
    "anzsco-ads4-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads4-pt.csv": {"languages": {"pt"}, "scope": None, "fit": True},
    "anzsco-ads5-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads5-pt.csv": {"languages": {"pt"}, "scope": None, "fit": True},
    "anzsco-ads6-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads6-pt.csv": {"languages": {"pt"}, "scope": None, "fit": True},
    "anzsco-ads7-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads10-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads11-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads8-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads9-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-ads12-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
    "anzsco-common2-en.csv": {"languages": {"en"}, "scope": None, "fit": True},
}
OTHER_SETS = [
    os.path.join(ROOT, "testdata", "labelled", "titles.csv"),
    os.path.join(ROOT, "testdata", "labelled", "described.csv"),
    os.path.join(ROOT, "..", "shared", "eval", "dev.csv"),
]
HEADER = ["title", "label", "language", "source", "note"]
MAJOR = {
    "1": "Managers",
    "2": "Professionals",
    "3": "Technicians and Trades Workers",
    "4": "Community and Personal Service Workers",
    "5": "Clerical and Administrative Workers",
    "6": "Sales Workers",
    "7": "Machinery Operators and Drivers",
    "8": "Labourers",
}


def norm(s):
    """Lowercase, drop accents, keep letters and digits separated by single spaces."""
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", s).split())


def read_tsv(path):
    occ, titles = {}, set()
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t")
        head = next(rows)
        if head[:4] != ["code", "unit_group", "unit_title", "title"]:
            sys.exit(f"{path}: line 1: unexpected header {head}")
        for n, r in enumerate(rows, 2):
            if len(r) < 4 or not re.fullmatch(r"\d{6}", r[0]):
                sys.exit(f"{path}: line {n}: not an occupation row")
            occ[r[0]] = r[3]
            for cell in r[3:6]:
                for t in cell.split(";"):
                    if t.strip():
                        titles.add(norm(t))
    return occ, titles


def read_xlsx_strings(path):
    """All shared strings and numeric cell values of a workbook."""
    z = zipfile.ZipFile(path)
    ss = re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode("utf-8"), re.S)
    strings = ["".join(re.findall(r"<t[^>]*>([^<]*)</t>", s)) for s in ss]
    strings = [s.replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", '"') for s in strings]
    nums = []
    for name in z.namelist():
        if name.startswith("xl/worksheets/sheet"):
            nums += re.findall(r'<c r="[A-Z]+\d+"(?: s="\d+")?><v>(\d+)</v>', z.read(name).decode("utf-8"))
    return strings, nums


def read_workbooks(folder):
    """Codes and titles from the ABS index of titles: every string of it counts as a title."""
    strings, nums = read_xlsx_strings(os.path.join(folder, "anzsco-2022-index-of-titles.xlsx"))
    occ = {c: c for c in set(nums + strings) if re.fullmatch(r"\d{6}", c)}
    titles = set()
    for s in strings:
        if re.fullmatch(r"\d+", s):
            continue
        titles.add(norm(s))
        for part in s.split(" / "):
            titles.add(norm(re.sub(r"\((Aus|NZ)\)", "", part)))
    return occ, titles


def corpus_titles(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        c = json.load(f)
    for o in c["occupations"]:
        for t in o["text"].values():
            names = [t.get("title", "")]
            for k in ("alternative_titles", "specialisations", "everyday_titles"):
                names += t.get(k) or []
            for p in t.get("patterns") or []:
                for r in p.get("roles") or []:
                    for x in p.get("contexts") or []:
                        names += [r + " " + x, x + " " + r]
            out |= {norm(n) for n in names if n}
    return out


def other_titles(paths):
    out = {}
    for p in paths:
        if not os.path.exists(p):
            print(f"warning: {p} not found; titles not compared with it", file=sys.stderr)
            continue
        with open(p, encoding="utf-8", newline="") as f:
            for n, r in enumerate(csv.DictReader(f), 2):
                out.setdefault(norm(r["title"]), f"{os.path.relpath(p, ROOT)}:{n}")
    return out


def first_part(title):
    """The head of a title: what comes before " - ", "|" or "(", normalised."""
    return norm(re.split(r" - | \u2013 |\||\(", title, maxsplit=1)[0])


def first_parts(paths):
    """The first parts of the titles of paths, each with where it comes from."""
    out = {}
    for p in paths:
        if not os.path.exists(p):
            continue
        with open(p, encoding="utf-8", newline="") as f:
            for n, r in enumerate(csv.DictReader(f), 2):
                out.setdefault(first_part(r["title"]), f"{os.path.relpath(p, ROOT)}:{n}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", help="ANZSCO occupations TSV")
    ap.add_argument("--show", action="store_true", help="print each row with the title of its label")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()

    tsv = a.tsv or next((p for p in [os.path.join(ROOT, "..", "anzsco-occupations.tsv")] if os.path.exists(p)), None)
    if tsv:
        occ, anzsco = read_tsv(tsv)
    else:
        occ, anzsco = read_workbooks(os.path.join(ROOT, "..", "shared", "abs"))
    groups = {c[:4] for c in occ}
    corpus = corpus_titles(os.path.join(ROOT, "corpus", "default.json"))
    others = other_titles(OTHER_SETS)

    labelled = os.path.join(ROOT, "testdata", "labelled")
    files = a.files or [os.path.join(labelled, n) for n in list(TESTS) + list(CALIBRATION) + list(FIT)]
    heads = first_parts(OTHER_SETS + [os.path.join(labelled, n) for n in list(TESTS) + list(FIT)])
    errors, seen = [], {}
    for path in files:
        name = os.path.basename(path)
        spec = TESTS.get(name) or CALIBRATION.get(name) or FIT.get(name, {"languages": None, "scope": None})
        level = collections.Counter()
        major = collections.Counter()
        lang = collections.Counter()
        labels = collections.Counter()
        ambiguous = 0
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        if not rows or rows[0] != HEADER:
            errors.append(f"{path}: line 1: header must be {','.join(HEADER)}")
            continue
        for n, r in enumerate(rows[1:], 2):
            where = f"{os.path.relpath(path, ROOT)}:{n}"
            if len(r) != len(HEADER):
                errors.append(f"{where}: {len(r)} fields, want {len(HEADER)}")
                continue
            title, label, language, source, note = (x.strip() for x in r)
            if not title or not source or not note:
                errors.append(f"{where}: empty title, source or note")
            if r[0] != title:
                errors.append(f"{where}: title has leading or trailing space")
            k = norm(title)
            if k in seen:
                errors.append(f"{where}: {title!r} repeats {seen[k]}")
            seen.setdefault(k, where)
            if k in anzsco:
                errors.append(f"{where}: {title!r} is an ANZSCO title")
            if spec.get("calibration") and first_part(title) in heads:
                errors.append(f"{where}: the first part of {title!r} begins a title of another labelled set")
            if k in corpus and not spec.get("fit"):
                errors.append(f"{where}: {title!r} is a title of the default corpus")
            if k in others and not spec.get("fit"):
                errors.append(f"{where}: {title!r} is in {others[k]}")
            if spec["languages"] and language not in spec["languages"]:
                errors.append(f"{where}: language {language!r} not one of {sorted(spec['languages'])}")
            if label == "NONE":
                level["NONE"] += 1
                major["NONE"] += 1
            elif re.fullmatch(r"\d{6}", label) and label in occ:
                level["occupation"] += 1
                major[label[0]] += 1
            elif re.fullmatch(r"\d{4}", label) and label in groups:
                level["unit group"] += 1
                major[label[0]] += 1
            else:
                errors.append(f"{where}: label {label!r} is not an ANZSCO occupation, unit group or NONE")
            if spec["scope"] is not None:
                if label != "NONE" and label not in spec["scope"]:
                    errors.append(f"{where}: label {label} outside the scope {sorted(spec['scope'])}; use NONE")
                if label == "NONE":
                    near = re.findall(r"\b(\d{6})\b", note)
                    if not near or near[0] not in occ or near[0] in spec["scope"]:
                        errors.append(f"{where}: a NONE note must name the nearest outside occupation code first")
            if note.startswith("AMBIGUOUS"):
                ambiguous += 1
            lang[language] += 1
            labels[label] += 1
            if a.show:
                name = occ.get(label) or (label in groups and "unit group") or ""
                print(f"{label:7} {name[:40]:40} | {title}")
        print(f"{os.path.relpath(path, ROOT)}: {len(rows) - 1} rows; "
              + ", ".join(f"{k} {v}" for k, v in sorted(level.items())) + f"; ambiguous {ambiguous}")
        print("  languages: " + ", ".join(f"{k} {v}" for k, v in sorted(lang.items())))
        if spec["scope"] is not None:
            print("  labels: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
        print("  major groups: " + ", ".join(
            f"{k} {MAJOR.get(k, '')} {v}".replace("  ", " ") for k, v in sorted(major.items())))
    sys.stdout.flush()
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problems", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
