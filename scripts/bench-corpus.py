#!/usr/bin/env python3
"""Build the benchmark inputs of docs/PERFORMANCE.md into bench-data/ (gitignored, never committed).

The text comes from the TempEval-3 TimeBank+AQUAINT (TBAQ) TimeML files, read where they are
(--corpora, $TEMPOGRAPH_CORPORA, or ../shared/corpora next to the repository); nothing from
them is copied into the repository.

    scripts/bench-corpus.py [--corpora DIR] [--out bench-data] [--docs 5000] [--big-mb 100]

writes
    tbaq.txt          every TBAQ document's text, in file-name order, separated by blank lines
    slice-64k.txt     the first 64 KiB of tbaq.txt (cut at a line end): the slice on which all
                      three taggers are compared, HeidelTime being too slow for more
    news-1mb.txt      tbaq.txt repeated up to 1 MiB, one document (cut at a line end)
    news-100mb.txt    the same up to --big-mb MiB, one document
    docs/NNNNN.txt    --docs synthetic news documents: a dateline (M/D/YYYY) then 5-40 TBAQ
                      sentences drawn with a fixed-seed generator (deterministic)
    docs.jsonl        the same documents as JSON Lines {"id", "published", "text"} (for --stream)
    timeline-10k.yaml, timeline-100k.yaml
                      consistent synthetic timelines of 10,000 / 100,000 events for `check`:
                      every other event dated (dates rise with the index), each event `before`
                      one or two later events (fixed seed, so a DAG that agrees with the dates)
"""
import argparse
import html
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_corpora(arg):
    cands = [arg, os.environ.get("TEMPOGRAPH_CORPORA"), ROOT / ".." / "shared" / "corpora",
             ROOT / ".." / ".." / "shared" / "corpora"]
    for c in cands:
        if c and (Path(c) / "tbaq").is_dir():
            return Path(c)
    sys.exit("bench-corpus: TBAQ not found; pass --corpora DIR or set TEMPOGRAPH_CORPORA")


def tbaq_texts(corpora):
    """(dct, text) for each .tml file, in path order."""
    out = []
    for p in sorted((corpora / "tbaq").rglob("*.tml")):
        src = p.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*?)</TEXT>", src, re.S)
        d = re.search(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})', src)
        if not m:
            continue
        text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
        out.append((d.group(1) if d else "1998-01-08", text))
    return out


def repeat_to(text, size):
    unit = (text + "\n\n").encode("utf-8")
    reps = size // len(unit) + 1
    data = (unit * reps)[:size]
    cut = data.rfind(b"\n")
    return data[: cut + 1]


def write_timeline(path, n):
    import datetime
    rng = random.Random(n)
    base = datetime.date(2000, 1, 1)
    lines = ["schema: tempograph/1", f"title: synthetic timeline of {n} events", "events:"]
    for i in range(n):
        lines.append(f"  - id: e{i}")
        lines.append(f"    label: event {i}")
        if i % 2 == 0:
            lines.append(f"    date: {base + datetime.timedelta(days=i // 4)}")
        later = sorted({i + rng.randint(5, 50) for _ in range(rng.randint(1, 2))})
        later = [j for j in later if j < n]
        if later:
            lines.append("    before: [" + ", ".join(f"e{j}" for j in later) + "]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora")
    ap.add_argument("--out", default=str(ROOT / "bench-data"))
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--big-mb", type=int, default=100)
    a = ap.parse_args()
    corpora = find_corpora(a.corpora)
    out = Path(a.out)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    docs = tbaq_texts(corpora)
    allt = "\n\n".join(t for _, t in docs) + "\n"
    (out / "tbaq.txt").write_text(allt, encoding="utf-8")
    b = allt.encode("utf-8")
    sl = b[: 64 * 1024]
    (out / "slice-64k.txt").write_bytes(sl[: sl.rfind(b"\n") + 1])
    (out / "news-1mb.txt").write_bytes(repeat_to(allt, 1 << 20))
    big = out / "news-100mb.txt"
    if not big.exists() or big.stat().st_size < (a.big_mb << 20) - 4096:
        big.write_bytes(repeat_to(allt, a.big_mb << 20))

    sentences = [s.strip() for _, t in docs for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", t) if len(s.strip()) > 20]
    rng = random.Random(20141218)
    for old in (out / "docs").glob("*.txt"):
        old.unlink()
    with open(out / "docs.jsonl", "w", encoding="utf-8") as jl:
        for i in range(a.docs):
            y, m, d = rng.randint(1990, 2020), rng.randint(1, 12), rng.randint(1, 28)
            body = " ".join(rng.choice(sentences) for _ in range(rng.randint(5, 40)))
            ident = f"{i:05d}"
            (out / "docs" / f"{ident}.txt").write_text(f"{m}/{d}/{y}\n\n{body}\n", encoding="utf-8")
            jl.write(json.dumps({"id": ident, "published": f"{y:04d}-{m:02d}-{d:02d}", "text": body}) + "\n")
    for n, name in [(10_000, "timeline-10k.yaml"), (100_000, "timeline-100k.yaml")]:
        write_timeline(out / name, n)
    for f in ["timeline-10k.yaml", "timeline-100k.yaml", "tbaq.txt", "slice-64k.txt", "news-1mb.txt", "news-100mb.txt", "docs.jsonl"]:
        print(f"{out / f}: {(out / f).stat().st_size} bytes")
    print(f"{out / 'docs'}: {a.docs} documents")


if __name__ == "__main__":
    main()
