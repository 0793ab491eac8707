#!/usr/bin/python3
"""gen_norm_tables.py - writes src/core/text/norm_tables.c.

Inputs: data/persian_norm.tsv (rasad's rules) and Debian's unicode-data
(/usr/share/unicode/UnicodeData.txt for the decompositions of the Arabic
presentation forms, ArabicShaping.txt for which letters join to the left).

Usage: tools/gen_norm_tables.py [OUT]   (default: src/core/text/norm_tables.c)
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNIDIR = os.environ.get("RASAD_UNICODE_DIR", "/usr/share/unicode")

KINDS = ["KEEP", "MAP", "DROP", "SPACE", "DIGIT", "ZWNJ", "ZWJ", "PUNCT", "HAMZA"]
FLAGS = {"LETTERS": 1 << 0, "MARKS": 1 << 1, "SPACE": 1 << 2, "DIGITS": 1 << 3,
         "PUNCT": 1 << 5, "ZWNJ": 1 << 6, "FOLD": 1 << 8}
# Character property bits (must match norm_tables.h).
P_LETTER, P_JOIN, P_CLOSE, P_OPEN, P_AFTER, P_BEFORE, P_DECIMAL, P_GROUP, P_LATIN, P_HAMZA_MARK = \
    (1 << i for i in range(10))
PUNCT_BITS = {"close": P_CLOSE, "open": P_OPEN, "after": P_AFTER, "before": P_BEFORE,
              "decimal": P_DECIMAL, "group": P_GROUP, "latin": P_LATIN}


def read_unicode():
    decomp, cat = {}, {}
    with open(os.path.join(UNIDIR, "UnicodeData.txt"), encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            cp = int(fields[0], 16)
            cat[cp] = fields[2]
            d = fields[5].split()
            if d and d[0].startswith("<"):
                d = d[1:]
            if d:
                decomp[cp] = [int(x, 16) for x in d]
    joining = {}
    with open(os.path.join(UNIDIR, "ArabicShaping.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line:
                fields = [x.strip() for x in line.split(";")]
                joining[int(fields[0], 16)] = fields[2]
    return decomp, cat, joining


def read_rules():
    rules = []
    with open(os.path.join(ROOT, "data", "persian_norm.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            first, last, action, flag, out, _reason = line.rstrip("\n").split("\t")
            rules.append((int(first, 16), int(last, 16), action, flag, out, n))
    return rules


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "src/core/text/norm_tables.c")
    decomp, cat, joining = read_unicode()
    rules = read_rules()
    entry = {}  # cp -> [kind, flag, props, out list]

    def is_arabic_letter(cp):
        return cat.get(cp, "") in ("Lo", "Lm") and (0x0600 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFEFF)

    for cp, c in cat.items():
        if cp < 0x10000 and is_arabic_letter(cp):
            props = P_LETTER | (P_JOIN if joining.get(cp) == "D" else 0)
            entry[cp] = ["KEEP", None, props, []]
    for cp in (0x0653, 0x0654, 0x0655):
        entry[cp] = ["HAMZA", None, P_HAMZA_MARK, []]
    letter_map = {}
    for first, last, action, flag, out, n in rules:
        for cp in range(first, last + 1):
            e = entry.setdefault(cp, ["KEEP", None, 0, []])
            if action == "map":
                if out.startswith("+"):
                    target = [cp + int(out[1:], 16)]
                else:
                    target = [int(x, 16) for x in out.split()]
                e[0], e[1], e[3] = "MAP", flag, target
                if flag == "LETTERS":
                    letter_map[cp] = target
            elif action == "punct":
                e[0], e[1] = "PUNCT", flag
                for word in out.split():
                    e[2] |= PUNCT_BITS[word]
            else:
                e[0], e[1] = action.upper(), flag
                if action == "digit":
                    e[3] = [cp - first]

    def canon(cps):
        res = []
        for c in cps:
            if c in decomp and (0xFB50 <= c <= 0xFDFF or 0xFE70 <= c <= 0xFEFF):
                res.extend(canon(decomp[c]))
            elif c in letter_map:
                res.extend(letter_map[c])
            elif c in entry and entry[c][0] == "DROP":
                continue
            else:
                res.append(c)
        return res

    # Presentation forms fold to their base letters.
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        if cp not in decomp:
            continue
        target = [c for c in canon([cp]) if c != 0x20]
        e = entry.setdefault(cp, ["KEEP", None, 0, []])
        if target:
            e[0], e[1], e[3] = "MAP", "LETTERS", target
        else:
            e[0], e[1], e[3] = "DROP", "MARKS", []
    # Properties of the output: a map takes the properties of its last output letter.
    for cp, e in entry.items():
        if e[0] == "MAP" and e[1] == "LETTERS":
            last = [c for c in e[3] if c not in (0x0653, 0x0654, 0x0655)][-1]
            e[2] = entry.get(last, ["", None, 0, []])[2]

    # Build unique entries and the two-stage table over the BMP.
    uniq, uniq_index, pool, pool_index = [], {}, bytearray(), {}

    def pool_add(cps):
        b = "".join(chr(c) for c in cps).encode("utf-8")
        if b not in pool_index:
            pool_index[b] = len(pool)
            pool.extend(b)
        return pool_index[b], len(b)

    def entry_id(e):
        kind, flag, props, out = e
        if kind == "DIGIT":
            key = (kind, flag, props, out[0], 0)
        else:
            off, ln = pool_add(out) if out else (0, 0)
            key = (kind, flag, props, off, ln)
        if key not in uniq_index:
            uniq_index[key] = len(uniq)
            uniq.append(key)
        return uniq_index[key]

    entry_id(["KEEP", None, 0, []])  # entry 0: plain character
    stage2_blocks, block_index, stage1 = [], {}, []
    for hi in range(256):
        block = tuple(entry_id(entry[cp]) if cp in entry else 0
                      for cp in range(hi << 8, (hi + 1) << 8))
        if block not in block_index:
            block_index[block] = len(stage2_blocks)
            stage2_blocks.append(block)
        stage1.append(block_index[block])
    assert len(uniq) < 65536 and len(stage2_blocks) < 256

    # Bitmasks of the two-byte letters (lead bytes D8..DB) that are copied
    # as they are: the normalizer's fast path.
    plain = [0, 0, 0, 0]
    for cp in range(0x0600, 0x0700):
        e = entry.get(cp)
        if e is not None and e[0] == "KEEP" and e[2] & P_LETTER:
            b = chr(cp).encode("utf-8")
            plain[b[0] - 0xD8] |= 1 << (b[1] & 0x3F)

    lines = []
    w = lines.append
    w("/* DO NOT EDIT: generated by tools/gen_norm_tables.py from data/persian_norm.tsv")
    w(" * and Debian's unicode-data (UnicodeData.txt, ArabicShaping.txt). */")
    w('#include "norm_tables.h"')
    w("")
    w("const rasad__norm_entry rasad__norm_entries[%d] = {" % len(uniq))
    for kind, flag, props, a, b in uniq:
        fl = "RASAD_NORM_" + flag if flag else "0"
        if kind == "DIGIT":
            w("    { RASAD__NK_%s, %d, 0x%03x, %s, 0 }," % (kind, a, props, fl))
        else:
            w("    { RASAD__NK_%s, %d, 0x%03x, %s, %d }," % (kind, b, props, fl, a))
    w("};")
    w("")
    w("const uint64_t rasad__norm_plain_arabic[4] = {")
    w("    " + ", ".join("0x%016xu" % m for m in plain) + ",")
    w("};")
    w("")
    w("const uint8_t rasad__norm_stage1[256] = {")
    for i in range(0, 256, 16):
        w("    " + ", ".join("%d" % x for x in stage1[i:i + 16]) + ",")
    w("};")
    w("")
    w("const uint16_t rasad__norm_stage2[%d][256] = {" % len(stage2_blocks))
    for block in stage2_blocks:
        w("    {")
        for i in range(0, 256, 16):
            w("        " + ", ".join("%d" % x for x in block[i:i + 16]) + ",")
        w("    },")
    w("};")
    w("")
    w("const unsigned char rasad__norm_pool[%d] = {" % max(1, len(pool)))
    for i in range(0, len(pool), 16):
        w("    " + ", ".join("0x%02x" % x for x in pool[i:i + 16]) + ",")
    if not pool:
        w("    0")
    w("};")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
