#!/usr/bin/python3
"""Generate rasad's Persian word tables from Debian's myspell-fa word list.

usage: gen_zwnj_lexicon.py DIC LISTS.c NEWS.tsv OUT.c

DIC is /usr/share/hunspell/fa_IR.dic (full word forms, one a line, first line
the count, no affix flags). LISTS.c is src/core/text/zwnj_lists.c, the
planner's closed lists, whose suffix lists get a table keyed by their last
two letters. NEWS.tsv is models/zwnj_news.tsv, the ZWNJ spellings
tools/learn_zwnj_news.py learned from news text (hashes only). DIC is GPL,
so OUT.c is written at build time into the build tree and never committed.
The output is deterministic: the same inputs give the same bytes.

Three tables come out (layout in src/core/text/lexicon_tables.h):
  lex:  every word of the list, normalized;
  zw:   the ZWNJ words rasad trusts to restore a lost ZWNJ, keyed by the word
        with its ZWNJs removed. The list writes some pairs with a ZWNJ that
        Persian news text writes apart (به‌عنوان, کرده‌است); rasad's rules
        below leave those out. See docs/zwnj.md.
  news: the learned spellings the zw table does not hold, by their hashes.
        A learned spelling the zw table holds lets its joined form be split
        even where the list has that joined form too (پیشبینی).
"""

import re
import sys

ZWNJ = "\u200c"

# Letters folded to their Persian form (the normalizer does the same).
FOLD = str.maketrans({
    "\u064a": "\u06cc",  # Arabic yeh
    "\u0649": "\u06cc",  # alef maksura
    "\u0643": "\u06a9",  # Arabic kaf
    "\u06c0": "\u0647\u0654",  # heh with yeh above -> heh + hamza above
    "\u0629": "\u0629",
})

# A ZWNJ word is left out of the zw table when its first part is one of
# these function words: the language writes them apart from what follows
# (به عنوان, این که, در باره), and joining them back would damage text that
# was right.
FIRST_APART = set("""
به در از با بر برای تا که چه چون این آن همین همان هر یک هیچ چند
و یا نه اگر مگر پس ای ز
""".split())

# ...or when a later part is one of these: auxiliaries that follow a word
# with a space (کرده است, رفته بود, کرده باشند).
LATER_APART = set("""
است هست نیست باید
باشم باشی باشد باشیم باشید باشند بودم بودی بود بودیم بودید بودند
""".split())

# ...or when any part is the future auxiliary (خواهد کرد).
FUTURE = set("خواهم خواهی خواهد خواهیم خواهید خواهند".split())

# Personal endings of verbs, longest first ("" is the past third person).
# ی is left out: a present stem + ی is the noun of so many compounds
# (تصمیم‌گیری, سرمایه‌گذاری) and so rarely a verb.
ENDINGS = ["یم", "ید", "ند", "م", "د", ""]


BLOOM_BITS = 1 << 20  # RASAD__ZW_BLOOM_BITS in lexicon_tables.h
PAIR_WORDS = 1 << 14  # RASAD__ZW_PAIR_WORDS in lexicon_tables.h
PART_BITS = 1 << 16   # RASAD__ZW_PART_BITS in lexicon_tables.h


def normalize(w):
    return w.translate(FOLD)


def is_verb_form(p, words):
    """A finite verb or an infinitive: the second part of a compound verb,
    which Persian writes after a space (دوست دارند, قرار گرفتن)."""
    if p.endswith("ن") and p[-2:-1] in ("د", "ت") and p in words:
        return True
    for e in ENDINGS:
        if e and not p.endswith(e):
            continue
        stem = p[:len(p) - len(e)]
        if len(stem) < 1:
            continue
        # a present stem with an ending; a bare present stem is the noun of
        # an agent compound (اصلاح‌طلب) and stays trusted
        if e and "ب" + stem + "د" in words and "ب" + stem + "ند" in words:
            return True
        if stem[-1:] in ("د", "ت") and len(stem) >= 2 and stem + "ن" in words:
            return True
    return False


def is_second_person(w, words):
    """w's last part is a past stem + ی and w less that ی is a word too:
    the verb's second person (دستور‌دادی beside دستور‌داد), which Persian
    writes after a space, not the adjective (روان‌شناختی: no روان‌شناخت)."""
    p = w.split(ZWNJ)[-1]
    stem = p[:-1]
    return (p.endswith("ی") and stem[-1:] in ("د", "ت") and len(stem) >= 2 and
            stem + "ن" in words and w[:-1] in words)


def is_participle(p, words):
    """A past participle (کرده, گرفته, شده): the second part of a verb in
    the perfect or passive, which Persian writes after a space."""
    return (len(p) >= 3 and p.endswith("ه") and p[-2] in ("د", "ت") and
            p[:-1] + "ن" in words)


def trusted_zwnj(w, words):
    parts = w.split(ZWNJ)
    if any(not p for p in parts):
        return False
    if parts[0] in FIRST_APART:
        return False
    if any(p in FUTURE for p in parts):
        return False
    if any(p in LATER_APART or is_verb_form(p, words) or
           is_participle(p, words) for p in parts[1:]):
        return False
    if len(parts) > 1 and is_second_person(w, words):
        return False
    return True


# A two-part compound in the list is joined across a space only when one
# part is bound or productive: the second part is no word of its own, or
# it ends at least PAIR_SECOND compounds (گذاری, سازی, نامه), or the first
# part starts at least PAIR_FIRST of them (بی, نیم). Pairs like جمهوری
# اسلامی or ایالات متحده, which news writes apart, fail all three.
PAIR_SECOND = 10
PAIR_FIRST = 100
# ... or the compound is a lexicalized word: the list has it inflected at
# least PAIR_FAMILY times (نرم‌افزارها, نرم‌افزاری, نرم‌افزاران), as a phrase it has not
# (جمهوری اسلامی is not listed with its plural).
PAIR_FAMILY = 3
# Plural endings a second part may carry (longest first).
PAIR_PLURALS = ("هایشان", "هایتان", "هایمان", "هایی", "هایش", "هایت", "هایم", "های", "ها")
FAMILY_ENDINGS = ("ها", "های", "\u200cها", "\u200cهای", "ی", "ان", "ای", "\u200cای")


def family(w, wset):
    """How many inflected forms of the compound w the word list holds."""
    return sum(1 for e in FAMILY_ENDINGS if w + e in wset)

# zw flags (RASAD__ZW_SPLIT, RASAD__ZW_PAIR in lexicon_tables.h).
F_SPLIT = 1  # the joined form is no word of the list: restore inside a word
F_PAIR = 2   # two parts, one bound or productive: join across a space


# Last parts the planner's own rules place (plural, comparative, clitics
# after ه): a table entry ending in one never overrides those rules
# (کاره‌ای must not beat کارهای).
RULE_SUFFIX = set("""
ها های هایی هایم هایت هایش هایمان هایتان هایشان تر ترین تری ای ام ات اش
ایم اید اند
""".split())

# Second parts that news writes joined (هدفمند, اصولگرا) unless the first
# part ends in ه (علاقه‌مند); the planner's bound_after_heh list agrees.
JOINED_SECOND = set("""
مند مندی مندان مندانه گرا گرایی گرایان
""".split())

# Plain endings the list often lacks forms with (بیکاری, دانشمندان).
PLAIN_ENDINGS = ["یان", "ان", "ی"]


def split_trusted(w, words, news_says=False):
    """May a joined occurrence of w be split? Not when its letters are a word
    of the list, nor when its last part is one the planner's rules decide
    (ها, ای, تر), unless the news writes w with its ZWNJs (news_says:
    پیش‌بینی, though the list has پیشبینی too; کلمه‌ای, not the plural of
    کلم); and never when its letters less a plain ending are a word of the
    list (فرماندهی) or its last part is مند/گرا after a letter other than ه.
    tools/learn_zwnj_news.py asks it with news_says too."""
    k = w.replace(ZWNJ, "")
    parts = w.split(ZWNJ)
    if not news_says and (k in words or parts[-1] in RULE_SUFFIX):
        return False
    if parts[-1] in JOINED_SECOND and not parts[-2].endswith("ه"):
        return False
    for e in PLAIN_ENDINGS:
        if k.endswith(e) and len(k) - len(e) >= 2 and k[:-len(e)] in words:
            return False
    return True


def hash_state(b, h=2166136261):
    """FNV-1a over two-byte units (Persian letters are two bytes), then one
    byte for an odd tail: rasad__lex_hash_more() in lexicon_tables.h."""
    n = len(b)
    for i in range(0, n - 1, 2):
        h = ((h ^ (b[i] | (b[i + 1] << 8))) * 16777619) & 0xFFFFFFFF
    if n & 1:
        h = ((h ^ b[n - 1]) * 16777619) & 0xFFFFFFFF
    return h


def fnv1a(b):
    """rasad__lex_hash_final(rasad__lex_hash_more(INIT, b))."""
    h = hash_state(b)
    h ^= h >> 15
    h = (h * 0x2C1B3C6D) & 0xFFFFFFFF
    h ^= h >> 12
    return h


def pair_bits(ha, hb):
    """rasad__zw_pair_key() in lexicon_tables.h: the filter word and its two
    bits for a pair whose parts hash (final) to ha and hb."""
    k = ((ha * 0x9E3779B1) & 0xFFFFFFFF) ^ hb
    k = ((k ^ (k >> 16)) * 0x85EBCA6B) & 0xFFFFFFFF
    k ^= k >> 13
    return k >> 18, (1 << (k & 63)) | (1 << ((k >> 6) & 63))


# Suffix lists of zwnj_lists.c the tail table covers, in the order of enum
# rasad__zw_tail_list in zwnj_lists.h.
TAIL_LISTS = ["plural", "compar", "after_heh", "after_yeh", "kept", "bound",
              "bound_after_heh", "month_suffix"]
TAIL_CLASSES = 32  # rasad__zw_tail_id is 32 x 32


def read_lists(path):
    """The lists of zwnj_lists.c: name -> entries, in order."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lists = {}
    for m in re.finditer(r"const rasad__zw_affix rasad__zw_(\w+)\[\] = \{(.*?)\};",
                         text, re.S):
        lists[m.group(1)] = re.findall(r'AFFIX\("([^"\\]*)"\)', m.group(2))
    for name in TAIL_LISTS:
        if not lists.get(name):
            raise SystemExit("gen_zwnj_lexicon: list %s missing from %s" % (name, path))
        if len(lists[name]) > 32:
            raise SystemExit("gen_zwnj_lexicon: list %s has over 32 entries" % name)
    return lists


def tail_tables(lists):
    """Letter classes, the 32 x 32 tail ids, one mask per list per tail
    (zwnj_lists.h): bit k of a mask is set when entry k ends with the tail;
    and the candidates by tail and the letter before it."""
    letters = set()
    for name in TAIL_LISTS:
        for a in lists[name]:
            if len(a) < 2 or any(not 0x600 <= ord(c) <= 0x6ff for c in a[-3:]):
                raise SystemExit("gen_zwnj_lexicon: entry %r cannot be indexed" % a)
            letters.update(a[-3:])
    letters = sorted(letters)
    if len(letters) >= TAIL_CLASSES:
        raise SystemExit("gen_zwnj_lexicon: too many tail letters")
    cls = {c: i + 1 for i, c in enumerate(letters)}
    masks = {}
    for li, name in enumerate(TAIL_LISTS):
        for k, a in enumerate(lists[name]):
            key = (cls[a[-2]], cls[a[-1]])
            masks.setdefault(key, [0] * len(TAIL_LISTS))[li] |= 1 << k
    tails = [[0] * len(TAIL_LISTS)]
    ids = [0] * (TAIL_CLASSES * TAIL_CLASSES)
    for key in sorted(masks):
        ids[key[0] * TAIL_CLASSES + key[1]] = len(tails)
        tails.append(masks[key])
    classes = [0] * 256
    for c, i in cls.items():
        classes[ord(c) - 0x600] = i
    # Per tail and class of the letter before it, the entries that may end
    # a word so, as (list << 8 | entry), in list order.
    cand_off, cand = [], []
    for t in range(len(tails)):
        for c3 in range(TAIL_CLASSES):
            cand_off.append(len(cand))
            for li, name in enumerate(TAIL_LISTS):
                for k, a in enumerate(lists[name]):
                    if t == 0 or not (tails[t][li] >> k) & 1:
                        continue
                    if len(a) == 2 or cls[a[-3]] == c3:
                        cand.append(li << 8 | k)
    cand_off.append(len(cand))
    return classes, ids, tails, cand_off, cand


NEWS_CHECK_INIT = 0x9747B28C  # RASAD__ZW_NEWS_CHECK_INIT in lexicon_tables.h


def zwnj_offsets(w):
    """Byte offsets in w's key (w without ZWNJs) where its ZWNJs go."""
    offs, at = [], 0
    for part in w.split(ZWNJ)[:-1]:
        at += len(part.encode("utf-8"))
        offs.append(at)
    return tuple(offs)


def read_news(path):
    """models/zwnj_news.tsv: {(key hash, check hash, key bytes): offsets};
    a word kept joined has no offsets (written -)."""
    news = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            try:
                h, c, nb, offs = line.rstrip("\n").split("\t")
                offs = () if offs == "-" else tuple(int(o) for o in offs.split(","))
                key = (int(h, 16), int(c, 16), int(nb))
            except ValueError:
                raise SystemExit("%s:%d: not key_hash check_hash bytes offsets" % (path, n))
            # keys are Persian letters, two bytes each; the offsets rise
            # inside the key, on letter boundaries (lexicon.c relies on it)
            if not 0 < key[2] < 256 or key[2] % 2 or not len(offs) <= 3 or \
                    any(not 0 < o < key[2] or o % 2 for o in offs) or \
                    list(offs) != sorted(set(offs)):
                raise SystemExit("%s:%d: offsets out of the key" % (path, n))
            if not (0 <= key[0] < 1 << 32 and 0 <= key[1] < 1 << 32):
                raise SystemExit("%s:%d: a hash is not 32 bits" % (path, n))
            if key in news:
                raise SystemExit("%s:%d: the same key twice" % (path, n))
            news[key] = offs
    return news


def news_key(w):
    """w's key in the news table: (key hash, check hash, key bytes)."""
    kb = w.replace(ZWNJ, "").encode("utf-8")
    h = hash_state(kb, NEWS_CHECK_INIT)
    h ^= h >> 15
    h = (h * 0x2C1B3C6D) & 0xFFFFFFFF
    h ^= h >> 12
    return (fnv1a(kb), h, len(kb))


def news_table(entries):
    """The learned spellings left for the news table, open addressing by
    key hash (load <= 1/2): three words a slot, key hash, check hash, and
    key bytes | offset << 8 | offset << 16 | offset << 24 (0 when unused;
    a word kept joined has no offset);
    a slot whose third word is 0 is empty (no key is empty)."""
    size = 2
    while size < 2 * len(entries):
        size *= 2
    slots = [(0, 0, 0)] * size
    for (h, c, nb), offs in sorted(entries.items()):
        if nb == 0:
            raise SystemExit("gen_zwnj_lexicon: empty news key")
        info = nb
        for i, o in enumerate(offs):
            info |= o << (8 * (i + 1))
        i = h & (size - 1)
        while slots[i][2]:
            i = (i + 1) & (size - 1)
        slots[i] = (h, c, info)
    return slots, size - 1


def build_table(entries, slot_of, key_of):
    """Open addressing, linear probing, load <= 1/2. entries are sorted, so
    the layout is deterministic."""
    size = 1
    while size < 2 * len(entries):
        size *= 2
    slots = [0] * size
    mask = size - 1
    for e in entries:
        i = fnv1a(key_of(e)) & mask
        while slots[i]:
            i = (i + 1) & mask
        slots[i] = slot_of[e]
    return slots, mask


def c_string_lines(blob_words):
    out = []
    line = []
    width = 0
    for w in blob_words:
        line.append(w)
        width += len(w)
        if width > 60:
            out.append('    "' + "".join(line) + '"')
            line, width = [], 0
    if line:
        out.append('    "' + "".join(line) + '"')
    return out


def emit_slots(name, slots):
    out = ["const uint32_t %s[%d] = {" % (name, len(slots))]
    for i in range(0, len(slots), 8):
        out.append("    " + ", ".join("%du" % s for s in slots[i:i + 8]) + ",")
    out.append("};")
    return out


def main():
    if len(sys.argv) != 5:
        sys.stderr.write("usage: gen_zwnj_lexicon.py DIC LISTS.c NEWS.tsv OUT.c\n")
        return 2
    dic, lists_path, news_path, outpath = sys.argv[1:5]
    news = read_news(news_path)
    # Words the news keeps joined go to the news table as they are; the
    # planner asks for them before any rule (zwnj.c, plan_rules).
    kept = {k: o for k, o in news.items() if not o}
    news = {k: o for k, o in news.items() if o}
    classes, tail_ids, tails, cand_off, cand = tail_tables(read_lists(lists_path))
    with open(dic, encoding="utf-8") as f:
        lines = f.read().split("\n")
    words = set()
    for line in lines[1:]:
        w = normalize(line.strip())
        if not w or len(w.encode("utf-8")) > 255:
            continue
        words.add(w)
    words = sorted(words, key=lambda s: s.encode("utf-8"))

    blob = []
    slot_of = {}
    off = 0
    for w in words:
        b = w.encode("utf-8")
        slot_of[w] = (off << 8) | len(b)
        blob.append(w)
        off += len(b)
    if off >= 1 << 24:
        sys.stderr.write("gen_zwnj_lexicon: word list too large\n")
        return 1
    # Offset 0 with any length would still be nonzero; a slot of 0 can only
    # mean empty because no word is empty.

    lex_slots, lex_mask = build_table(words, slot_of,
                                      lambda w: w.encode("utf-8"))
    wset = set(words)
    zw = [w for w in words if ZWNJ in w and trusted_zwnj(w, wset)]
    # One entry per key: when two ZWNJ spellings share the letters, keep the
    # first in byte order (deterministic; such pairs are rare).
    seen = set()
    zw_unique = []
    for w in zw:
        k = w.replace(ZWNJ, "")
        if k in seen:
            continue
        seen.add(k)
        zw_unique.append(w)
    # A list word whose letters the news spells with other ZWNJs, and that
    # the list would not let split anyway, gives way to the news spelling
    # (نشسته‌ای in the list, نشست‌های in the news: the rules would read the
    # joined word as the list's).
    zw_unique = [w for w in zw_unique
                 if not (news.get(news_key(w), zwnj_offsets(w)) != zwnj_offsets(w) and
                         not split_trusted(w, wset))]
    zw_slots, zw_mask = build_table(
        zw_unique, slot_of, lambda w: w.replace(ZWNJ, "").encode("utf-8"))
    first_of, second_of = {}, {}
    for w in zw_unique:
        parts = w.split(ZWNJ)
        first_of.setdefault(parts[0], set()).add(parts[1])
        second_of.setdefault(parts[1], set()).add(parts[0])
    word_of_slot = {slot_of[w]: w for w in zw_unique}
    # A learned spelling the zw table holds flags that word; one whose key
    # the table holds with other ZWNJs is dropped (the table answers first).
    news_says = set()
    for w in zw_unique:
        key = news_key(w)
        if key in news:
            if news.pop(key) == zwnj_offsets(w):
                news_says.add(w)
    zw_set = set(zw_unique)

    def pair_base(w, parts):
        return len(parts) == 2 and (
            parts[1] not in wset or
            len(second_of[parts[1]]) >= PAIR_SECOND or
            len(first_of[parts[0]]) >= PAIR_FIRST or
            family(w, wset) >= PAIR_FAMILY)

    def pair(w):
        """PAIR for w. A second part that is a word of the list + a plural
        ending (الله‌اکبرها: اکبر + ها) is as bound as that word: typed
        «الله اکبر ها», the planner sees the pair الله + اکبر before it
        drops the space of the plural, and the next pass would see الله +
        اکبرها; so w is joined only where its uninflected pair is."""
        parts = w.split(ZWNJ)
        if not pair_base(w, parts):
            return False
        for end in PAIR_PLURALS:
            b0 = parts[1][:-len(end)]
            if parts[1].endswith(end) and len(b0) >= 2 and b0 in wset:
                base = parts[0] + ZWNJ + b0
                return base in zw_set and pair_base(base, base.split(ZWNJ))
        return True

    zw_flags = []
    flag_of = {}
    for sl in zw_slots:
        f = 0
        w = word_of_slot.get(sl)
        if w is not None:
            if split_trusted(w, wset, w in news_says):
                f |= F_SPLIT
            if pair(w):
                f |= F_PAIR
            flag_of[w] = f
        zw_flags.append(f)

    out = [
        "/* DO NOT EDIT: generated by tools/gen_zwnj_lexicon.py from %s" % dic,
        " * (Debian myspell-fa, GPL; generated at build time, never committed).",
        " * %d words, %d trusted ZWNJ words (%d of them written so in news),"
        % (len(words), len(zw_unique), len(news_says)),
        " * %d more learned from news and %d words it keeps joined (models/zwnj_news.tsv). */"
        % (len(news), len(kept)),
        '#include "lexicon_tables.h"',
        '#include "zwnj_lists.h"',
        "",
        "const char rasad__lex_blob[] =",
    ]
    out += c_string_lines(blob)
    out[-1] += ";"
    out.append("")
    out += emit_slots("rasad__lex_slot", lex_slots)
    out.append("const uint32_t rasad__lex_mask = %du;" % lex_mask)
    out.append("")
    out += emit_slots("rasad__zw_slot", zw_slots)
    out.append("const uint32_t rasad__zw_mask = %du;" % zw_mask)
    out.append("")
    out.append("const uint8_t rasad__zw_flag[%d] = {" % len(zw_flags))
    for i in range(0, len(zw_flags), 32):
        out.append("    " + ",".join("%d" % x for x in zw_flags[i:i + 32]) + ",")
    out.append("};")
    # Two-bit filter in front of the zw table: most words are not keys,
    # and the filter (128 KiB) stays in cache where the table does not.
    bloom = [0] * (BLOOM_BITS // 64)
    for h in [fnv1a(w.replace(ZWNJ, "").encode("utf-8")) for w in zw_unique] + \
            [k[0] for k in news] + [k[0] for k in kept]:
        for b in (h & (BLOOM_BITS - 1), ((h >> 16) | (h << 16)) & (BLOOM_BITS - 1)):
            bloom[b >> 6] |= 1 << (b & 63)
    out.append("")
    out.append("const uint64_t rasad__zw_bloom[%d] = {" % len(bloom))
    for i in range(0, len(bloom), 4):
        out.append("    " + ", ".join("0x%016xu" % x for x in bloom[i:i + 4]) + ",")
    out.append("};")
    news_slots, news_mask = news_table({**news, **kept})
    out.append("")
    out.append("const uint32_t rasad__zw_news[%d][3] = {" % len(news_slots))
    for sl in news_slots:
        out.append("    { 0x%08xu, 0x%08xu, 0x%08xu }," % sl)
    out.append("};")
    out.append("const uint32_t rasad__zw_news_mask = %du;" % news_mask)
    # Filter in front of the pair lookup (two words apart that a PAIR entry
    # joins): keyed by both parts' hashes, which the planner has anyway.
    pair = [0] * PAIR_WORDS
    for w in zw_unique:
        parts = w.split(ZWNJ)
        if len(parts) != 2 or not flag_of[w] & F_PAIR:
            continue
        i, bits = pair_bits(fnv1a(parts[0].encode("utf-8")),
                            fnv1a(parts[1].encode("utf-8")))
        pair[i] |= bits
    out.append("")
    out.append("const uint64_t rasad__zw_pair_filter[%d] = {" % len(pair))
    for i in range(0, len(pair), 4):
        out.append("    " + ", ".join("0x%016xu" % x for x in pair[i:i + 4]) + ",")
    out.append("};")
    # One filter per part of those pairs, keyed by that part's hash alone:
    # a word may be a first (second) part of a PAIR entry. The planner asks
    # them of each word once (its word cache keeps the answers), and the
    # pair filter only for two words that pass both.
    parts_of = ([0] * (PART_BITS // 64), [0] * (PART_BITS // 64))
    for w in zw_unique:
        parts = w.split(ZWNJ)
        if len(parts) != 2 or not flag_of[w] & F_PAIR:
            continue
        for k in (0, 1):
            b = fnv1a(parts[k].encode("utf-8")) & (PART_BITS - 1)
            parts_of[k][b >> 6] |= 1 << (b & 63)
    for name, bits in (("first", parts_of[0]), ("second", parts_of[1])):
        out.append("")
        out.append("const uint64_t rasad__zw_pair_%s[%d] = {" % (name, len(bits)))
        for i in range(0, len(bits), 4):
            out.append("    " + ", ".join("0x%016xu" % x for x in bits[i:i + 4]) + ",")
        out.append("};")
    # The planner's tail table (zwnj_lists.h), from the lists of LISTS.c.
    out.append("")
    out.append("const uint8_t rasad__zw_tail_class[256] = {")
    for i in range(0, 256, 32):
        out.append("    " + ",".join("%d" % x for x in classes[i:i + 32]) + ",")
    out.append("};")
    out.append("const uint8_t rasad__zw_tail_id[%d] = {" % len(tail_ids))
    for i in range(0, len(tail_ids), TAIL_CLASSES):
        out.append("    " + ",".join("%d" % x for x in tail_ids[i:i + TAIL_CLASSES]) + ",")
    out.append("};")
    out.append("const uint32_t rasad__zw_tail_mask[%d][%d] = {" % (len(tails), len(TAIL_LISTS)))
    for t in tails:
        out.append("    { " + ", ".join("0x%xu" % x for x in t) + " },")
    out.append("};")
    out.append("const uint16_t rasad__zw_cand_off[%d] = {" % len(cand_off))
    for i in range(0, len(cand_off), 16):
        out.append("    " + ",".join("%d" % x for x in cand_off[i:i + 16]) + ",")
    out.append("};")
    out.append("const uint16_t rasad__zw_cand[%d] = {" % max(len(cand), 1))
    for i in range(0, len(cand), 16):
        out.append("    " + ",".join("%d" % x for x in cand[i:i + 16]) + ",")
    out.append("};")
    text = "\n".join(out) + "\n"
    tmp = outpath + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    import os
    os.replace(tmp, outpath)
    return 0


if __name__ == "__main__":
    sys.exit(main())
