#!/usr/bin/env python3
"""Generate N news-like documents as JSON Lines, from the bundled example sources only
(timelines/sony-hack-2014/sources/*.txt, the project's own texts: no corpus is read).

    python3 scripts/gen-docs.py 1000 > docs.jsonl
    python3 scripts/gen-docs.py 1000 --files DIR   # also DIR/doc-00001.txt ... and DIR/sources.yaml

Each document is a few paragraphs of the sources, picked and ordered by a fixed
pseudo-random sequence (the output depends only on N), with a publication date in
December 2014, a `story` (one of ten) and `entities`. Records carry `seq` (their
position), so that every way of building them orders the documents the same way.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = os.path.join(ROOT, "timelines", "sony-hack-2014", "sources")
ENTITIES = ["Sony", "FBI", "North Korea", "Obama", "Kim Jong Un"]


def paragraphs():
    out = []
    for name in sorted(os.listdir(SOURCES)):
        if name.endswith(".txt"):
            with open(os.path.join(SOURCES, name), encoding="utf-8") as f:
                text = f.read()
            out.extend(p.strip() for p in text.split("\n\n") if len(p.strip()) > 40)
    return out


def main():
    args = sys.argv[1:]
    if not args or not args[0].isdigit():
        sys.exit("usage: gen-docs.py N [--files DIR]")
    n = int(args[0])
    files = args[2] if len(args) >= 3 and args[1] == "--files" else None
    paras = paragraphs()
    state = 12345

    def rand(k):
        nonlocal state
        state = (state * 1103515245 + 12345) % (1 << 31)
        return (state >> 16) % k

    if files:
        os.makedirs(files, exist_ok=True)
        manifest = open(os.path.join(files, "sources.yaml"), "w", encoding="utf-8")
    for i in range(n):
        picked = [paras[rand(len(paras))] for _ in range(2 + rand(4))]
        text = "\n\n".join(picked) + "\n"
        day = 1 + rand(28)
        doc = {
            "id": "doc-%05d" % (i + 1),
            "seq": i,
            "published": "2014-12-%02d" % day,
            "story": "story-%d" % rand(10),
            "entities": [e for e in ENTITIES if e.split()[-1] in text],
            "text": text,
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
        if files:
            with open(os.path.join(files, doc["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
            manifest.write("- file: %s.txt\n  published: '%s'\n" % (doc["id"], doc["published"]))
    if files:
        manifest.close()


if __name__ == "__main__":
    main()
