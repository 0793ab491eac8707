#!/usr/bin/python3
"""gen_ner_gazetteer.py - writes the NER gazetteer table (a C file) from
Debian's unicode-cldr-core (Persian CLDR: territories, subdivisions,
time-zone exemplar cities, languages, month and day names) and iso-codes
(Persian translations of ISO 3166-1 and 3166-3 country names).

usage: gen_ner_gazetteer.py CLDR_DIR ISO_LOCALE_DIR OUT.c
       gen_ner_gazetteer.py --training-lists GAZETTEER_DIR OUT.tsv

The second form writes the lists the NER trainer hashes into the model's
own gazetteer (tools/ner_train.sh; rasad_ner_train's gaz: input), one
CLASS<TAB>ENTRY a line, from ../shared/data/gazetteers at training time:
  name      Persian given names (persian-names/: both CSV lists, either gender)
  province  Iran's provinces (iran-provinces-cities/province_city.json), also
            without a leading «استان»
  city      Iran's cities (the same file)
OUT.tsv goes under /tmp and is never committed; only 64-bit hashes of the
entries' forms end up in models/ner.model.

CLDR_DIR is /usr/share/unicode/cldr/common, ISO_LOCALE_DIR is
/usr/share/locale/fa/LC_MESSAGES. The output is generated at build time
and never committed (the data's licences stay theirs). The classes are
enum ner_gaz_class in src/core/ner/ner_internal.h."""
import gettext
import os
import re
import sys
import xml.etree.ElementTree as ET

MAX_WORDS = 6


def clean(name):
    name = re.sub(r"\([^)]*\)", " ", name)
    name = name.replace("\u200f", "").replace("\u200e", "")
    words = name.split()
    if not words or len(words) > MAX_WORDS:
        return None
    return " ".join(words)


def cldr(cldr_dir, out):
    root = ET.parse(os.path.join(cldr_dir, "main", "fa.xml")).getroot()
    for t in root.iter("territory"):
        typ = t.get("type", "")
        cls = "GAZ_REGION" if typ.isdigit() else "GAZ_COUNTRY"
        if typ in ("ZZ",):
            continue
        out.append((t.text or "", cls))
    for c in root.iter("exemplarCity"):
        out.append((c.text or "", "GAZ_CITY"))
    for lang in root.iter("language"):
        out.append((lang.text or "", "GAZ_LANG"))
    for cal in root.iter("calendar"):
        if cal.get("type") not in ("gregorian", "persian", "islamic"):
            continue
        for w in cal.iter("monthWidth"):
            if w.get("type") == "wide":
                for m in w.iter("month"):
                    out.append((m.text or "", "GAZ_MONTH"))
        for w in cal.iter("dayWidth"):
            if w.get("type") == "wide":
                for d in w.iter("day"):
                    out.append((d.text or "", "GAZ_DAY"))
    sub = ET.parse(os.path.join(cldr_dir, "subdivisions", "fa.xml")).getroot()
    for s in sub.iter("subdivision"):
        name = s.text or ""
        out.append((name, "GAZ_SUBDIV"))
        for head in ("استان ", "ایالت ", "شهرستان "):
            if name.startswith(head):
                out.append((name[len(head):], "GAZ_SUBDIV"))


def iso(locale_dir, out):
    for dom in ("iso_3166-1", "iso_3166-3"):
        path = os.path.join(locale_dir, dom + ".mo")
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            cat = gettext.GNUTranslations(f)._catalog
        for k, v in cat.items():
            if k and isinstance(v, str) and v != k:
                out.append((v, "GAZ_COUNTRY"))


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def training_lists(gaz_dir, out_path):
    import csv
    import json
    rows = set()
    for name in ("pngt26k_persian-gender-by-name.csv", "peymanslh_names_gender.csv"):
        path = os.path.join(gaz_dir, "persian-names", name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                n = clean(r.get("name") or "")
                if n:
                    rows.add(("name", n))
    path = os.path.join(gaz_dir, "iran-provinces-cities", "province_city.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for p in json.load(f):
                n = clean(p.get("province-fa") or "")
                if n:
                    rows.add(("province", n))
                    if n.startswith("استان "):
                        rows.add(("province", n[len("استان "):]))
                for c in p.get("cities", []):
                    n = clean(c.get("city-fa") or "")
                    if n:
                        rows.add(("city", n))
    with open(out_path, "w", encoding="utf-8") as f:
        for c, n in sorted(rows):
            f.write(f"{c}\t{n}\n")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--training-lists":
        training_lists(sys.argv[2], sys.argv[3])
        return
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    cldr_dir, locale_dir, out_path = sys.argv[1:]
    raw = []
    cldr(cldr_dir, raw)
    iso(locale_dir, raw)
    entries = sorted({(n, c) for n, c in ((clean(n), c) for n, c in raw) if n})
    with open(out_path + ".tmp", "w", encoding="utf-8") as f:
        f.write("/* DO NOT EDIT: generated by tools/gen_ner_gazetteer.py from Debian's\n"
                " * unicode-cldr-core and iso-codes. */\n")
        f.write('#include "ner_internal.h"\n\n')
        f.write("const ner_gaz_entry rasad__ner_gaz[] = {\n")
        for n, c in entries:
            f.write("    { %s, %s },\n" % (c_string(n), c))
        f.write("};\n")
        f.write("const size_t rasad__ner_ngaz = sizeof rasad__ner_gaz / sizeof rasad__ner_gaz[0];\n")
    os.replace(out_path + ".tmp", out_path)


if __name__ == "__main__":
    main()
