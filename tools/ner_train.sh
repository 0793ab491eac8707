#!/usr/bin/env bash
# ner_train.sh - trains the shipped named-entity model, models/ner.model.
#
#   tools/ner_train.sh [DATA_DIR]      (default: ../shared/data)
#
# Builds the trainer (build/rasad_ner_train) and runs it on PEYMA train and
# dev and NSURL-2019 train (labeled), in that order, plus unlabeled text for
# the word clusters (tools/ner_unlabeled.py: the news sets, ParsiNLU
# passages, PerDT sentences; written to a temporary file under /tmp and
# deleted) and gazetteer lists hashed into the model (given names, Iran's
# provinces and cities: tools/gen_ner_gazetteer.py --training-lists, also a
# temporary file), with the document memory (--memory 6: half models of 6
# passes give the memory's training tags), a fixed seed and epoch count: the
# same data gives the same model bytes. Debian packages only, no network. docs/ner.md describes the
# data, the model and the figures.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${1:-${RASAD_DATA:-$root/../shared/data}}
data=$shared/ner
build=${RASAD_BUILD:-$root/build}
epochs=${RASAD_NER_EPOCHS:-12}
for f in peyma/train.txt peyma/dev.txt nsurl2019-train/train_600K.conll.gz; do
    [ -f "$data/$f" ] || { echo "ner_train.sh: $data/$f is missing" >&2; exit 1; }
done
[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" -j2 --target rasad_ner_train >/dev/null
mkdir -p "$root/models"
start=$(date +%s)
text=$(mktemp /tmp/rasad_ner_text.XXXXXX)
gaz=$(mktemp /tmp/rasad_ner_gaz.XXXXXX)
trap 'rm -f "$text" "$gaz"' EXIT
/usr/bin/python3 "$root/tools/ner_unlabeled.py" "$shared" "$text"
/usr/bin/python3 "$root/tools/gen_ner_gazetteer.py" --training-lists "$shared/gazetteers" "$gaz"
"$build/rasad_ner_train" --out "$root/models/ner.model.tmp" --epochs "$epochs" --seed 1 \
    --min-count 2 --runs 3 --memory 6 \
    peyma:"$data/peyma/train.txt" peyma:"$data/peyma/dev.txt" \
    conll:"$data/nsurl2019-train/train_600K.conll.gz" text:"$text" gaz:"$gaz" \
    2> >(grep -v ': unknown tag ' >&2)
mv "$root/models/ner.model.tmp" "$root/models/ner.model"
echo "models/ner.model: $(stat -c %s "$root/models/ner.model") bytes, $(( $(date +%s) - start )) s" \
     "(sha256 $(sha256sum "$root/models/ner.model" | cut -c1-16))"
