#!/usr/bin/python3
"""ner_eval.py - entity-level F1 of rasad's named-entity tagger (exact span
and type, as conlleval counts it), scored through `rasad tag --conll`, and
its speed.

    /usr/bin/python3 bench/ner_eval.py [--build DIR] [--data DIR] [--model M]
                                       [--skip-arman] [--skip-speed]
                                       [--arman-extra]

PEYMA: the test set tagged with the model (default: the shipped model,
DIR/ner.model, trained on PEYMA train+dev and NSURL-2019 train: docs/ner.md).
Arman: 3-fold, each fold tagged by a model trained here (with DIR's
rasad_ner_train, into /tmp) on the other two folds (--arman-extra: plus
PEYMA train+dev and NSURL), with the same unlabeled text for word clusters
and the same gazetteer lists as the shipped model (tools/ner_unlabeled.py,
tools/gen_ner_gazetteer.py --training-lists), no Arman test text in them. Arman's tags are mapped as the trainer maps
them: pers PER, loc LOC, org ORG; fac, pro, event O.
Speed: tokens per second of `rasad tag --conll` on one core (the program is
single-threaded), over the PEYMA test set repeated to about 300,000 tokens,
the median of 5 runs (model loading included).

The data is read from ../shared/data/ner at run time; when it is absent the
script says so and exits 0 without figures."""
import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARMAN_MAP = {"pers": "PER", "loc": "LOC", "org": "ORG"}
# the trainer's settings, as tools/ner_train.sh gives them
TRAIN_FLAGS = ["--seed", "1", "--min-count", "2", "--runs", "3", "--memory", "6"]


def read_corpus(path, fmt):
    """Sentences as lists of (token, tag) with tags as B-X / I-X / O."""
    opener = gzip.open if path.endswith(".gz") else open
    sents, cur = [], []
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r").lstrip("\ufeff")
            if not line.strip() or line.startswith("-DOCSTART-"):
                if cur:
                    sents.append(cur)
                cur = []
                continue
            if fmt == "peyma":
                tok, tag = line.rsplit("|", 1)
                tag = tag.replace("_", "-")
            elif fmt == "arman":
                tok, tag = line.rsplit(" ", 1)
                if tag != "O":
                    t = ARMAN_MAP.get(tag[2:])
                    tag = tag[:2] + t if t else "O"
            else:
                tok, tag = line.split("\t", 1)
            cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def spans(tags):
    """conlleval's chunks: (start, end, type); an I-X after anything but
    B-X/I-X starts a chunk."""
    out, start, typ = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        p, ty = (t[0], t[2:]) if t != "O" else ("O", None)
        if start is not None and (p != "I" or ty != typ):
            out.append((start, i, typ))
            start = None
        if p == "B" or (p == "I" and start is None):
            start, typ = i, ty
    return out


def score(gold_sents, pred_sents, types):
    counts = {t: [0, 0, 0] for t in types}  # correct, predicted, gold
    for g, p in zip(gold_sents, pred_sents):
        gs, ps = set(spans(g)), set(spans(p))
        for s in gs:
            if s[2] in counts:
                counts[s[2]][2] += 1
        for s in ps:
            if s[2] in counts:
                counts[s[2]][1] += 1
                if s in gs:
                    counts[s[2]][0] += 1
    return counts


def prf(c, pr, g):
    p = c / pr if pr else 0.0
    r = c / g if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name, counts, overall_types):
    print(f"{name}")
    print(f"  {'type':8} {'gold':>6} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}")
    tot = [0, 0, 0]
    for t, (c, pr, g) in counts.items():
        p, r, f = prf(c, pr, g)
        print(f"  {t:8} {g:6d} {pr:6d} {p:7.4f} {r:7.4f} {f:7.4f}")
        if t in overall_types:
            tot = [a + b for a, b in zip(tot, (c, pr, g))]
    p, r, f = prf(*tot)
    print(f"  {'overall':8} {tot[2]:6d} {tot[1]:6d} {p:7.4f} {r:7.4f} {f:7.4f}"
          f"   ({'+'.join(overall_types)})")
    return f


def tag_conll(rasad, model, sents, tmp):
    """Runs rasad tag --conll on the tokens of sents; checks the contract
    (one output line per input line, blank lines kept, tokens echoed)."""
    inp = os.path.join(tmp, "in.conll")
    with open(inp, "w", encoding="utf-8") as f:
        for s in sents:
            for tok, _ in s:
                f.write(tok + "\n")
            f.write("\n")
    out = subprocess.run([rasad, "tag", "--conll", "--model", model, inp],
                         check=True, capture_output=True).stdout.decode("utf-8")
    lines = out.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    want = sum(len(s) + 1 for s in sents)
    if len(lines) != want:
        sys.exit(f"contract broken: {len(lines)} output lines for {want} input lines")
    pred, k = [], 0
    for s in sents:
        cur = []
        for tok, _ in s:
            t, tag = lines[k].rsplit("\t", 1)
            if t != tok:
                sys.exit(f"contract broken: line {k + 1}: token {t!r} for {tok!r}")
            cur.append(tag)
            k += 1
        if lines[k] != "":
            sys.exit(f"contract broken: line {k + 1} should be blank")
        k += 1
        pred.append(cur)
    return pred


def train(trainer, out, corpora, epochs):
    cmd = [trainer, "--out", out, "--epochs", str(epochs)] + TRAIN_FLAGS + corpora
    t0 = time.time()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.time() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "ner"))
    ap.add_argument("--model", default=None, help="model for PEYMA (default BUILD/ner.model)")
    ap.add_argument("--epochs", type=int, default=int(os.environ.get("RASAD_NER_EPOCHS", "12")))
    ap.add_argument("--arman-extra", action="store_true")
    ap.add_argument("--skip-arman", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    a = ap.parse_args()

    data = os.path.abspath(a.data)
    if not os.path.isdir(os.path.join(data, "peyma")):
        print(f"ner_eval: no NER data at {data} (../shared/data/ner is absent): nothing measured")
        return 0
    rasad = os.path.join(a.build, "rasad")
    trainer = os.path.join(a.build, "rasad_ner_train")
    model = a.model or os.path.join(a.build, "ner.model")
    types = ["PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT"]

    with tempfile.TemporaryDirectory(prefix="rasad_ner_") as tmp:
        test = read_corpus(os.path.join(data, "peyma", "test.txt"), "peyma")
        pred = tag_conll(rasad, model, test, tmp)
        print(f"model: {model} ({os.path.getsize(model)} bytes)")
        report(f"PEYMA test ({len(test)} sentences, {sum(map(len, test))} tokens)",
               score([[t for _, t in s] for s in test], pred, types), types)
        c = score([[t for _, t in s] for s in test], pred, ["PER", "LOC", "ORG"])
        tot = [sum(v[i] for v in c.values()) for i in range(3)]
        print(f"  PER+LOC+ORG F1 {prf(*tot)[2]:.4f}")

        if not a.skip_arman:
            folds = [os.path.join(data, "arman", f"test_fold{k}.txt") for k in (1, 2, 3)]
            extra = []
            if a.arman_extra:
                extra = [f"peyma:{data}/peyma/train.txt", f"peyma:{data}/peyma/dev.txt",
                         f"conll:{data}/nsurl2019-train/train_600K.conll.gz"]
            text = os.path.join(tmp, "unlabeled.txt")
            subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "ner_unlabeled.py"),
                            os.path.dirname(data), text], check=True, capture_output=True)
            extra.append(f"text:{text}")
            gaz = os.path.join(tmp, "gazetteer.tsv")
            subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "gen_ner_gazetteer.py"),
                            "--training-lists", os.path.join(os.path.dirname(data), "gazetteers"),
                            gaz], check=True, capture_output=True)
            extra.append(f"gaz:{gaz}")
            pooled = {t: [0, 0, 0] for t in ["PER", "LOC", "ORG"]}
            f1s = []
            for k in range(3):
                others = [f"arman:{folds[j]}" for j in range(3) if j != k]
                m = os.path.join("/tmp", f"rasad_ner_arman_fold{k + 1}.model")
                secs = train(trainer, m, others + extra, a.epochs)
                gold = read_corpus(folds[k], "arman")
                pred = tag_conll(rasad, m, gold, tmp)
                c = score([[t for _, t in s] for s in gold], pred, ["PER", "LOC", "ORG"])
                f1s.append(report(f"Arman fold {k + 1} (trained on the other folds"
                                  f"{' + PEYMA + NSURL' if a.arman_extra else ''}, {secs:.0f} s, "
                                  f"{a.epochs} epochs x 3 runs; model {m})", c, ["PER", "LOC", "ORG"]))
                for t in pooled:
                    pooled[t] = [x + y for x, y in zip(pooled[t], c[t])]
            report("Arman, 3 folds pooled", pooled, ["PER", "LOC", "ORG"])
            print(f"  mean of the fold F1s {statistics.mean(f1s):.4f}")

        if not a.skip_speed:
            reps = max(1, 300000 // sum(map(len, test)))
            inp = os.path.join(tmp, "speed.conll")
            ntok = 0
            with open(inp, "w", encoding="utf-8") as f:
                for _ in range(reps):
                    for s in test:
                        f.write("".join(tok + "\n" for tok, _ in s) + "\n")
                        ntok += len(s)
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                subprocess.run([rasad, "tag", "--conll", "--model", model, inp], check=True,
                               stdout=subprocess.DEVNULL)
                times.append(time.perf_counter() - t0)
            med = statistics.median(times)
            print(f"speed: {ntok} tokens in {med:.3f} s (median of 5, one core): "
                  f"{ntok / med:,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
