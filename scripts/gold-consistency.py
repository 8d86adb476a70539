#!/usr/bin/env python3
"""How consistently does a TimeML gold corpus normalize the same surface form?

    scripts/gold-consistency.py $C/tbaq            # summary + the 25 worst forms
    scripts/gold-consistency.py $C/tbaq --all      # every inconsistent form

Groups the gold TIMEX3s by their surface form (lower-cased, digits -> 9, month names -> MON,
weekday names -> WD) and, within a form, by the *shape* of the gold annotation (type, value
with digits -> 9: `DATE 9999-W99`, `DATE 9999-WXX`, `DURATION P9W`, ...). A tagger that gives
one form one shape (it may still vary the digits) gets at most the majority shape of each form
right; the rest of the form's occurrences are counted as "disagreements". They bound the
value F1 reachable without reading the document's provenance (which annotation team, which
newswire) — context can legitimately separate some of them (`a year earlier` after a quarter),
so the bound is an estimate, not a proof. Prints surface forms only, never corpus text.
"""
import collections
import glob
import html
import os
import re
import sys

MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


def form(text):
    t = html.unescape(re.sub(r"<[^>]+>", "", text)).strip().lower()
    t = re.sub(r"\d", "9", t)
    t = re.sub(r"\b(" + MONTHS + r")\b\.?", "MON", t)
    return re.sub(r"\b(" + WEEKDAYS + r")\b", "WD", t)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1 or not os.path.isdir(args[0]):
        sys.exit("usage: gold-consistency.py GOLD_DIR [--all]   (a directory of .tml files)")
    files = sorted(glob.glob(os.path.join(args[0], "**", "*.tml"), recursive=True))
    if not files:
        sys.exit(f"{args[0]}: no .tml files")
    groups = collections.defaultdict(collections.Counter)
    total = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            doc = fh.read()
        body = doc.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
        for m in TIMEX.finditer(body):
            a = dict(ATTR.findall(m.group(1)))
            shape = f"{a.get('type', '?')} {re.sub(r'[0-9]', '9', a.get('value', ''))}"
            groups[form(m.group(2))][shape] += 1
            total += 1
    rows = []
    for f, shapes in groups.items():
        n, top = sum(shapes.values()), max(shapes.values())
        if n > top:
            rows.append((n - top, f, shapes))
    bad = sum(r[0] for r in rows)
    print(f"{len(files)} files, {total} gold TIMEX3, {len(groups)} surface forms")
    print(f"{len(rows)} forms annotated with more than one shape; {bad} occurrences disagree with their form's majority shape")
    print(f"value accuracy of a one-shape-per-form tagger on perfectly matched extents: at most {100 * (total - bad) / total:.2f}%")
    rows.sort(key=lambda r: (-r[0], r[1]))
    for d, f, shapes in rows if "--all" in sys.argv else rows[:25]:
        detail = ", ".join(f"{s} x{c}" for s, c in shapes.most_common())
        print(f"{d:4}  {f!r}: {detail}")


if __name__ == "__main__":
    main()
