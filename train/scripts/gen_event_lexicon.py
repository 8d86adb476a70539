#!/usr/bin/env python3
"""Generate the event lexicons used by `crates/events/` (`tempograph-events`).

Two tables, both TSV with a `#` header, read by `crates/events/src/lexicon.rs`:

* `crates/events/src/data/tbaq.tsv` -- per lower-cased word form: how often the form occurs in
  the TimeML corpora given, how often it is (part of) a gold EVENT, the majority event
  class and part of speech of those EVENTs.  Only counts and word forms are written,
  never corpus text.  Forms seen fewer than --min-count times are left out.
* `crates/events/src/data/wordnet.tsv` -- from Debian's `wordnet-base` (WordNet 3.0,
  /usr/share/wordnet): verb lemmas, irregular forms (verb.exc, noun.exc, adj.exc), and
  nouns whose most frequent sense is an act, event, process, phenomenon or state.

Usage:
    python3 train/scripts/gen_event_lexicon.py --corpus ../shared/corpora/tbaq/timebank \
        --corpus ../shared/corpora/tbaq/aquaint --out crates/events/src/data/tbaq.tsv
    python3 train/scripts/gen_event_lexicon.py --wordnet /usr/share/wordnet \
        --wordnet-out crates/events/src/data/wordnet.tsv

Run from the repository root. Part of the training crate's tools (train/, issue #14): its
tables are data the runtime reads; `tempograph-train relations links --event-lexicon(-folds)`
reads what --out / --fold-out write.

Deterministic: output is sorted; re-running on the same inputs gives identical files.
"""
import argparse
import collections
import glob
import html
import os
import re
import sys

WORD = re.compile(r"[^\W\d_]+")
TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path):
    """Plain text of <TEXT>, EVENT spans [(start, end, eid, class)], eid -> MAKEINSTANCE attrs."""
    src = open(path, encoding="utf-8").read()
    t0 = src.index("<TEXT>") + len("<TEXT>")
    t1 = src.index("</TEXT>")
    body = src[t0:t1]
    text = []
    pos = 0
    length = 0
    stack = []
    events = []
    for m in TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        text.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
        if selfclose:
            continue
        if closing:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == name:
                    n, start, a = stack.pop(k)
                    if n == "EVENT":
                        events.append((start, length, a.get("eid"), a.get("class", "OCCURRENCE")))
                    break
        else:
            stack.append((name, length, dict(ATTR.findall(attrs))))
    text.append(html.unescape(body[pos:]))
    inst = {}
    for m in re.finditer(r"<MAKEINSTANCE([^>]*)/>", src[t1:]):
        a = dict(ATTR.findall(m.group(1)))
        inst.setdefault(a.get("eventID"), a)
    return "".join(text), events, inst


# Context of a form: the word right before it (only whitespace between), read from the same
# data files as `context_of` in crates/events/src/grammar.rs (the English language package).
EVENT_WORDS = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "lang", "en", "data", "events"
)


def word_list(name):
    """The words of data file `name` (one a line; `#` starts a comment line)."""
    with open(os.path.join(EVENT_WORDS, name), encoding="utf-8") as f:
        return [w.strip() for w in f if w.strip() and not w.startswith("#")]


DETERMINERS = set(word_list("determiners.txt")) | {"s"}
PREPOSITIONS = set(word_list("prepositions.txt"))
VERBAL = set(word_list("verbal-context.txt"))
CONTEXTS = "DPVO"


def context_of(text, prev):
    if prev is None:
        return "O"
    w = prev.group(0).lower()
    if w in DETERMINERS:
        return "D"
    if w in PREPOSITIONS:
        return "P"
    if w in VERBAL:
        return "V"
    return "O"


def fold_files(dirs, k):
    """The documents of `dirs` as `relations links --folds K` orders them (each folder's
    `.tml` files sorted, folders in the given order), split into K folds by index modulo K."""
    files = [f for d in dirs for f in sorted(glob.glob(os.path.join(d, "*.tml")))]
    return [[f for i, f in enumerate(files) if i % k == fold] for fold in range(k)]


def corpus_table(dirs, min_count, files=None):
    total = collections.Counter()
    ev = collections.Counter()
    cls = collections.defaultdict(collections.Counter)
    pos = collections.defaultdict(collections.Counter)
    ctx_total = collections.Counter()
    ctx_ev = collections.Counter()
    if files is None:
        files = sorted(f for d in dirs for f in glob.glob(os.path.join(d, "*.tml")))
    for f in files:
        text, events, inst = read_tml(f)
        spans = sorted(events)
        k = 0
        prev = None
        for m in WORD.finditer(text):
            w = m.group(0).lower()
            total[w] += 1
            p = prev if prev is not None and text[prev.end():m.start()].isspace() else None
            cx = context_of(text, p)
            prev = m
            ctx_total[(w, cx)] += 1
            while k < len(spans) and spans[k][1] <= m.start():
                k += 1
            j = k
            while j < len(spans) and spans[j][0] < m.end():
                s, e, eid, c = spans[j]
                if s < m.end() and m.start() < e:
                    ev[w] += 1
                    ctx_ev[(w, cx)] += 1
                    cls[w][c] += 1
                    p = inst.get(eid, {}).get("pos", "UNKNOWN")
                    if p != "UNKNOWN":
                        pos[w][p] += 1
                    break
                j += 1
    rows = []
    for w in sorted(total):
        if total[w] < min_count:
            continue
        e = ev[w]
        c = max(sorted(cls[w]), key=lambda x: cls[w][x]) if e else "-"
        p = max(sorted(pos[w]), key=lambda x: pos[w][x]) if pos[w] else "-"
        ctxs = " ".join(f"{x}:{ctx_ev[(w, x)]}/{ctx_total[(w, x)]}" for x in CONTEXTS if ctx_total[(w, x)])
        rows.append((w, total[w], e, c, p, ctxs))
    return files, rows


LEXFILES = {"04": "act", "11": "event", "22": "process", "19": "phenomenon", "26": "state"}


def wordnet_table(wn):
    rows = []
    # Verb lemmas (single words) with their tagged-sense count, a rough frequency.
    for line in open(os.path.join(wn, "index.verb"), encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split()
        lemma = f[0]
        if "_" in lemma or "-" in lemma or not lemma.isalpha():
            continue
        rows.append(("verb", lemma, f[5 + int(f[3])], "-"))
    # Irregular inflections.
    for pos in ("verb", "noun", "adj"):
        for line in open(os.path.join(wn, pos + ".exc"), encoding="latin-1"):
            f = line.split()
            if len(f) >= 2 and f[0].isalpha() and f[1].isalpha():
                rows.append((pos + "-exc", f[0], f[1], "-"))
    # Event nouns: the lexicographer file of each of the first two senses.
    offsets = {}
    for line in open(os.path.join(wn, "data.noun"), encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split(" ", 3)
        offsets[f[0]] = f[1]
    for line in open(os.path.join(wn, "index.noun"), encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split()
        lemma = f[0]
        if "_" in lemma or "-" in lemma or not lemma.isalpha():
            continue
        nsyn = int(f[2])
        senses = f[-nsyn:]
        kinds = [LEXFILES.get(offsets.get(o, ""), "") for o in senses[:2]]
        if kinds[0]:
            rows.append(("event-noun", lemma, kinds[0], "1"))
        elif len(kinds) > 1 and kinds[1]:
            rows.append(("event-noun", lemma, kinds[1], "2"))
    rows.sort()
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", action="append", default=[], help="folder of .tml files (repeatable)")
    ap.add_argument("--out", help="TSV for the corpus table")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--wordnet", help="WordNet dict folder (Debian wordnet-base: /usr/share/wordnet)")
    ap.add_argument("--wordnet-out", help="TSV for the WordNet table")
    ap.add_argument("--folds", type=int, help="with --fold-out: one table per cross-validation fold")
    ap.add_argument(
        "--fold-out",
        help="folder for fold-F.tsv: counts from every --corpus document not in fold F, the "
        "folds of `tempograph-train relations links --test DIR... --folds K` (same folders, same order)",
    )
    a = ap.parse_args()
    cmd = "train/scripts/gen_event_lexicon.py"
    if a.corpus and a.folds and a.fold_out:
        os.makedirs(a.fold_out, exist_ok=True)
        folds = fold_files(a.corpus, a.folds)
        for f, held in enumerate(folds):
            train = [x for g, fold in enumerate(folds) if g != f for x in fold]
            files, rows = corpus_table(a.corpus, a.min_count, sorted(train))
            out = os.path.join(a.fold_out, f"fold-{f}.tsv")
            with open(out, "w", encoding="utf-8") as o:
                o.write(f"# auto-generated by {cmd} --min-count {a.min_count} from {len(files)} TimeML files (fold {f} of {a.folds} held out); do not edit.\n")
                o.write("# held out: " + " ".join(os.path.basename(x) for x in held) + "\n")
                o.write("# form\toccurrences\tas_event\tmajority_class\tmajority_pos\tby_context\n")
                for r in rows:
                    o.write("\t".join(str(x) for x in r) + "\n")
            print(f"{out}: {len(rows)} forms from {len(files)} files", file=sys.stderr)
    if a.corpus and a.out:
        files, rows = corpus_table(a.corpus, a.min_count)
        names = " ".join(os.path.basename(os.path.normpath(d)) for d in a.corpus)
        with open(a.out, "w", encoding="utf-8") as o:
            o.write(f"# auto-generated by {cmd} --min-count {a.min_count} from {len(files)} TimeML files ({names}); do not edit.\n")
            o.write("# form\toccurrences\tas_event\tmajority_class\tmajority_pos\tby_context (D determiner, P preposition, V verbal, O other before the form: events/occurrences)\n")
            for r in rows:
                o.write("\t".join(str(x) for x in r) + "\n")
        print(f"{a.out}: {len(rows)} forms from {len(files)} files", file=sys.stderr)
    if a.wordnet and a.wordnet_out:
        rows = wordnet_table(a.wordnet)
        with open(a.wordnet_out, "w", encoding="utf-8") as o:
            o.write(f"# auto-generated by {cmd} from WordNet 3.0 (Debian package wordnet-base); do not edit.\n")
            o.write("# kind\tword\tvalue\textra   (verb: lemma, tagged-sense count | *-exc: form, lemma | event-noun: lemma, lexfile, sense rank)\n")
            for r in rows:
                o.write("\t".join(str(x) for x in r) + "\n")
        print(f"{a.wordnet_out}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
