#!/usr/bin/env python3
"""Group the lines of `tempograph eval --errors GOLD SYSTEM` into error classes and count them.

    tempograph eval --errors $C/tbaq /tmp/ann | scripts/timex-error-classes.py

Reads the error listing on stdin; prints one line per class with its count. The classes are
heuristics on the gold/system text and values, for the note on what is left (docs/EVALUATION.md).
"""
import re
import sys
from collections import Counter

LINE = re.compile(r"^(\S+): (\w+)\s+gold (?:`(.*?)` (\w+) (\S+)|-)\s+\|\s+system (?:`(.*?)` (\w+) (\S+)|-)")
WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
FINANCE = re.compile(r"quarter|year-ago|year-earlier|year ago|year earlier|fiscal|period", re.I)
MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)


def value_class(gt, gty, gv, sty, sv):
    if gty != sty and {gty, sty} <= {"DATE", "DURATION"}:
        return "DATE vs DURATION"
    if "X" in gv and "X" not in sv and re.match(r"^\d", gv):
        return "gold keeps unspecified digits (1989-WXX, 1968-XX)"
    if gv.endswith(("REF",)) or sv.endswith("REF"):
        return "generic reference (PAST_REF/PRESENT_REF/FUTURE_REF) vs a value"
    if WEEKDAY.search(gt):
        return "weekday (direction or gold day)"
    if FINANCE.search(gt):
        return "financial reference (the quarter, a year ago)"
    if re.search(r"\bweek", gt, re.I):
        return "week"
    if MONTH.search(gt) and gv[:4] != sv[:4]:
        return "month without year: year"
    if "T" in gv or "T" in sv:
        return "time of day"
    if gv.startswith("P") and sv.startswith("P"):
        return "duration value"
    return "other"


def main():
    counts = Counter()
    for line in sys.stdin:
        m = LINE.match(line.strip())
        if not m:
            continue
        _, kind, gt, gty, gv, st, sty, sv = m.groups()
        if kind == "value":
            counts["wrong value: " + value_class(gt or "", gty or "", gv or "", sty or "", sv or "")] += 1
        elif kind == "extra" and st and st.lower() == "now":
            counts["extra: now"] += 1
        elif kind == "extra":
            counts["extra: other"] += 1
        else:
            counts[kind] += 1
    for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:5d}  {k}")


if __name__ == "__main__":
    main()
