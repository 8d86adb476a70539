#!/usr/bin/env python3
"""score.py BINARY [--probes DIR] [--out DIR] [--only SUBSTR] [--set 1|2|3|A-B] [--extra]

Scores a tempograph binary's event layer on the audit23 probe suite (probes/NN-name/).
Three held-out sets (SETS below): set 1 = probes 01-40 (audit23), set 2 = probes 41-60 (a25),
set 3 = probes 61-80 (a27).
`--set 1`, `--set 2` or `--set 41-50` scores only those probe numbers (default: all); when
the probes scored span more than one set, the totals are also printed for each set.
Python 3.11+ standard library only (tomllib, json, subprocess). Deterministic: the same
binary output gives the same report, byte for byte.

For every probe folder it runs

    BINARY -q build --manifest probes/NN/sources.yaml --format json -o OUT/NN.json
    BINARY -q build --manifest probes/NN/sources.yaml --format text --all -o OUT/NN.txt

(the JSON is the same model as the YAML timeline; the text table is kept for reading) and
compares the JSON with probes/NN/expect.toml.

expect.toml
-----------
    topic = "business"                 # for the per-topic figures
    order = [["a"], ["b", "c"], ["d"]] # groups in time order; inside a group order is free
    [events.ID]                        # an event an editor LISTS
    mentions = ["DOC:word", "DOC:w1|w2", "DOC:word@2"]   # every telling of it (merge!)
    date = ["EARLIEST", "LATEST"]      # the true interval, inclusive; "" = unbounded side;
                                       # no `date` = date not scored
    time = "03:42Z"                    # optional clock time, UTC
    label = ["Costa", "named|appointed"]  # words a headline label must contain
    conflict = true                    # optional: sources contradict, a conflict must name it
    tags = ["dated-lead", ...]         # phenomena, for the per-category figures
    [not_listed.ID]                    # a mention that must NOT be listed
    mentions = ["DOC:word"]
    reason = "reporting"               # what an editor would call it (informative)
    [[distinct]]                       # two events that must NOT merge (key cases; every
    pair = ["ID1", "ID2"]              # co-merged pair of expected items is counted anyway)

Matching (deterministic)
------------------------
* A mention "DOC:w1|w2@N" denotes, in document DOC (the file stem = the document id), the
  N-th (default 1st) case-insensitive occurrence of each alternative word: a word of >= 4
  letters matches as a prefix of a text word ("appoint" matches "appointed"), shorter words
  must match a whole word. Each alternative gives one character span.
* A built event "tells" a mention when one of its `sources` is in document DOC and its
  [start, end) character range overlaps one of the mention's spans.
* An expected item is FOUND when some built event tells one of its mentions. Its CHOSEN
  built event is the one telling the most of its mentions; ties: a listed event (no
  `unlisted`) first, then the earliest in the file's event order.
* LISTED: the chosen event has no `unlisted` field.

Definitions
-----------
* date right (two-sided truth [E1,E2]): the built date has both `earliest` b1 and `latest`
  b2, b1 <= E1 and E2 <= b2 (the truth lies inside), and b2-b1+1 <= 7 * (E2-E1+1) days (not
  more than 7x wider: a day may be dated within a week, a month within ~7 months, a year
  exactly at year precision or within 7 years).
  One-sided truth ["", L] ("has died", told on L): the built `latest` is between L and L+7
  days, and the built `earliest` is absent or no more than 31 days before L. ["E", ""]
  symmetric. A built event without a date is wrong.
  Dates are scored only on FOUND expected events with a `date` ("dates right X / Y found",
  and Y of Z dated expectations were found).
* time right: the chosen event's date.time, normalized to UTC (`Z`, `+01:00`, ...), equals
  the expected HH:MM; a time without zone is compared as written.
* must-not-list violation: a built event telling a not_listed mention is listed, and it
  tells no mention of an expected listed event (if it does, that is counted as a wrong
  merge instead).
* wrong merge: a pair of expected items (listed or not) whose mentions are told by the same
  built event; `distinct` pairs among them are flagged "(key pair)".
* merge expected: an expected event with >= 2 mentions. OK when one built event tells all of
  them; MISSED when all were found but in more than one event; UNTESTABLE when some mention
  was not found at all.
* order error: for groups g < h of `order`, a found event i of g and j of h whose chosen
  events are different and j's comes before i's in the file's event order (the timeline
  order: "earliest first, ties by first mention"). Pairs with an unfound side are skipped.
* label right: every item of `label` has one of its |-alternatives in the chosen event's
  label (case-insensitive substring): the subject/participant and the predicate, whole
  numbers and names kept. Scored on found events.
* conflict right: some entry of `conflicts` names (cycle from/to) an event that tells one
  of the event's mentions.
* extra listed (information only): listed built events that tell no expected mention.
"""
import tempfile
import json, os, re, subprocess, sys, tomllib
from datetime import date, timedelta
from collections import defaultdict, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = OrderedDict([("1", (1, 40)), ("2", (41, 60)), ("3", (61, 80))])  # set name -> probe numbers, inclusive
USAGE = "usage: score.py BINARY [--probes DIR] [--out DIR] [--only SUBSTR] [--set 1|2|3|A-B] [--extra]"


def D(s):
    return date.fromisoformat(s) if s else None


def parse_args(argv):
    a = {"binary": None, "probes": os.path.join(HERE, "probes"), "out": None, "only": None, "extra": False,
         "set": None}
    i = 0
    while i < len(argv):
        x = argv[i]
        if x in ("--probes", "--out", "--only", "--set"):
            if i + 1 >= len(argv):
                sys.exit(USAGE)
            a[x[2:]] = argv[i + 1]; i += 2; continue
        if x == "--extra":
            a["extra"] = True; i += 1; continue
        if a["binary"] is None:
            a["binary"] = x; i += 1; continue
        sys.exit(USAGE)
    if not a["binary"]:
        sys.exit(USAGE)
    if a["set"] is not None:
        m = re.fullmatch(r"(\d+)-(\d+)", a["set"])
        if a["set"] in SETS:
            a["set"] = SETS[a["set"]]
        elif m and int(m.group(1)) <= int(m.group(2)):
            a["set"] = (int(m.group(1)), int(m.group(2)))
        else:
            sys.exit("--set wants %s or a range A-B of probe numbers, got %r" % (" or ".join(SETS), a["set"]))
    if a["out"] is None:
        a["out"] = os.path.join(tempfile.gettempdir(), "tempograph-probes", os.path.basename(a["binary"]))
    return a


def spans_of(text, spec, where):
    """'w1|w2@N' -> list of (start, end) char spans in text."""
    out = []
    for alt in spec.split("|"):
        n = 1
        if "@" in alt:
            alt, n = alt.split("@"); n = int(n)
        w = re.escape(alt)
        pat = r"(?<!\w)" + w + (r"\w*" if len(alt) >= 4 else r"(?!\w)")
        ms = list(re.finditer(pat, text, re.IGNORECASE))
        if len(ms) < n:
            raise SystemExit("expect error in %s: %r occurs %d times, @%d asked" % (where, alt, len(ms), n))
        m = ms[n - 1]
        out.append((m.start(), m.end()))
    return out


def norm_time(t):
    """'03:42Z' / '16:15-05:00' / '09:15' -> ('HH:MM', zoned?) in UTC when zoned."""
    if t is None:
        return None
    m = re.match(r"^(\d\d):(\d\d)(?::\d\d)?(Z|[+-]\d\d(?::?\d\d)?)?$", str(t))
    if not m:
        return (str(t), False)
    h, mi, z = int(m.group(1)), int(m.group(2)), m.group(3)
    if not z:
        return ("%02d:%02d" % (h, mi), False)
    off = 0
    if z != "Z":
        sign = -1 if z[0] == "-" else 1
        zz = z[1:].replace(":", "")
        off = sign * (int(zz[:2]) * 60 + (int(zz[2:4]) if len(zz) >= 4 else 0))
    tot = (h * 60 + mi - off) % (24 * 60)
    return ("%02d:%02dZ" % (tot // 60, tot % 60), True)


def date_text(ev):
    d = ev.get("date")
    if not d:
        return "undated"
    e, l = d.get("earliest"), d.get("latest")
    s = "%s..%s" % (e or "", l or "")
    if d.get("time"):
        s += " " + str(d["time"])
    return s


def date_right(exp, ev):
    d = ev.get("date") or {}
    b1, b2 = D(d.get("earliest")), D(d.get("latest"))
    e1, e2 = D(exp[0]), D(exp[1])
    if e1 and e2:
        if not (b1 and b2):
            return False
        if not (b1 <= e1 and e2 <= b2):
            return False
        return (b2 - b1).days + 1 <= 7 * ((e2 - e1).days + 1)
    if e2 and not e1:
        if not b2 or not (e2 <= b2 <= e2 + timedelta(days=7)):
            return False
        return b1 is None or b1 >= e2 - timedelta(days=31)
    if e1 and not e2:
        if not b1 or not (e1 - timedelta(days=7) <= b1 <= e1):
            return False
        return b2 is None or b2 <= e1 + timedelta(days=31)
    return True


def run(binary, manifest, out_json, out_txt):
    r = subprocess.run([binary, "-q", "build", "--manifest", manifest, "--format", "json", "-o", out_json],
                       capture_output=True, text=True)
    subprocess.run([binary, "-q", "build", "--manifest", manifest, "--format", "text", "--all", "-o", out_txt],
                   capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr.strip()
    with open(out_json) as f:
        return json.load(f), None


class Tally:
    def __init__(self):
        self.c = defaultdict(int)

    def add(self, k, n=1):
        self.c[k] += n


class Tee:
    """Adds to several tallies at once (the totals and its set's totals)."""
    def __init__(self, *ts):
        self.ts = ts

    def add(self, k, n=1):
        for t in self.ts:
            t.add(k, n)


def probe_number(p):
    m = re.match(r"\d+", p)
    return int(m.group()) if m else None


def set_of(p):
    n = probe_number(p)
    for name, (lo, hi) in SETS.items():
        if n is not None and lo <= n <= hi:
            return name
    return "other"


def score_probe(pdir, name, tl, tot, cats, fails, extra_lines, want_extra):
    with open(os.path.join(pdir, "expect.toml"), "rb") as f:
        ex = tomllib.load(f)
    texts = {}
    for fn in sorted(os.listdir(pdir)):
        if fn.endswith(".txt"):
            with open(os.path.join(pdir, fn), encoding="utf-8") as f:
                texts[fn[:-4]] = f.read()
    events = tl.get("events", [])
    idx_of = {e["id"]: i for i, e in enumerate(events)}

    def tells(spans_by_doc):
        """set of event indices telling the mention."""
        hit = set()
        doc, spans = spans_by_doc
        for i, e in enumerate(events):
            for s in e.get("sources", []):
                if s.get("document") != doc:
                    continue
                if any(s["start"] < b and a < s["end"] for a, b in spans):
                    hit.add(i)
        return hit

    items = OrderedDict()  # id -> dict(kind, spec, mention_hits)
    for kind in ("events", "not_listed"):
        for iid, spec in ex.get(kind, {}).items():
            hits = []
            for m in spec["mentions"]:
                doc, w = m.split(":", 1)
                if doc not in texts:
                    raise SystemExit("expect error in %s: no document %r" % (name, doc))
                hits.append(tells((doc, spans_of(texts[doc], w, "%s/%s" % (name, iid)))))
            items[iid] = {"kind": kind, "spec": spec, "hits": hits}

    def listed(i):
        return "unlisted" not in events[i]

    def lab(i):
        e = events[i]
        return '[%s] "%s" %s%s' % (e["id"], e.get("label", ""), date_text(e),
                                   (" (unlisted: %s)" % e["unlisted"]) if "unlisted" in e else "")

    chosen = {}
    for iid, it in items.items():
        allh = set().union(*it["hits"]) if it["hits"] else set()
        if not allh:
            continue
        best = sorted(allh, key=lambda i: (-sum(1 for h in it["hits"] if i in h), 0 if listed(i) else 1, i))[0]
        chosen[iid] = best

    F = fails[name]
    topic = ex.get("topic", "?")
    # listed events
    for iid, it in items.items():
        if it["kind"] != "events":
            continue
        sp = it["spec"]
        tags = ["ALL", "topic:" + topic] + list(sp.get("tags", []))
        for t in tags:
            cats[t].add("expected")
        tot.add("expected")
        if "date" in sp:
            tot.add("dated_expected")
        if iid not in chosen:
            tot.add("missing")
            F.append("MISSING    %s: no built event tells %s" % (iid, ", ".join(sp["mentions"])))
            continue
        c = chosen[iid]
        tot.add("found")
        for t in tags:
            cats[t].add("found")
        if listed(c):
            tot.add("found_listed")
            for t in tags:
                cats[t].add("found_listed")
        else:
            F.append("UNLISTED   %s: should be listed, built %s" % (iid, lab(c)))
        if "label" in sp:
            tot.add("label_found")
            lb = events[c].get("label", "").lower()
            if all(any(w.lower() in lb for w in item.split("|")) for item in sp["label"]):
                tot.add("label_right")
            else:
                F.append("LABEL      %s: wants %s, built %s" % (iid, " + ".join(sp["label"]), lab(c)))
        if "date" in sp:
            for t in tags:
                cats[t].add("dated_found")
            tot.add("dated_found")
            ok = date_right(sp["date"], events[c])
            if ok:
                tot.add("date_right")
                for t in tags:
                    cats[t].add("date_right")
            else:
                der = ((events[c].get("date") or {}).get("derivation") or {}).get("text", "")
                F.append("DATE       %s: expected %s..%s, built %s  because %s" %
                         (iid, sp["date"][0], sp["date"][1], lab(c), der))
        if "time" in sp:
            tot.add("time_expected")
            got = norm_time((events[c].get("date") or {}).get("time"))
            want = norm_time(sp["time"])
            if got and (got[0] == want[0] if got[1] else got[0] == want[0].rstrip("Z")):
                tot.add("time_right")
            else:
                F.append("TIME       %s: expected %s, built %s" % (iid, sp["time"], lab(c)))
        if sp.get("conflict"):
            tot.add("conflict_expected")
            allh = set().union(*it["hits"])
            ids = {events[i]["id"] for i in allh}
            named = set()
            for cf in tl.get("conflicts", []):
                for st in cf.get("cycle", []):
                    named.add(st.get("from")); named.add(st.get("to"))
            if ids & named:
                tot.add("conflict_right")
            else:
                F.append("CONFLICT   %s: sources contradict, no conflict names %s" % (iid, sorted(ids)))
        if len(sp["mentions"]) >= 2:
            tot.add("merge_expected")
            for t in tags:
                cats[t].add("merge_expected")
            if any(not h for h in it["hits"]):
                tot.add("merge_untestable")
                lost = [m for m, h in zip(sp["mentions"], it["hits"]) if not h]
                F.append("MERGE?     %s: mention(s) %s not found, merge untestable" % (iid, ", ".join(lost)))
            elif set.intersection(*it["hits"]):
                tot.add("merge_ok")
                for t in tags:
                    cats[t].add("merge_ok")
            else:
                tot.add("merge_missed")
                for t in tags:
                    cats[t].add("merge_missed")
                parts = sorted(set().union(*it["hits"]))
                F.append("SPLIT      %s: %s told by %d events: %s" %
                         (iid, ", ".join(sp["mentions"]), len(parts), "; ".join(lab(i) for i in parts)))
    # must not list
    listed_items = [k for k, v in items.items() if v["kind"] == "events"]
    for iid, it in items.items():
        if it["kind"] != "not_listed":
            continue
        reason = it["spec"].get("reason", "?")
        tot.add("notlist_expected")
        cats["notlist:" + reason].add("expected")
        allh = set().union(*it["hits"])
        if not allh:
            tot.add("notlist_absent")
            continue
        viol = [i for i in sorted(allh) if listed(i) and not any(
            i in set().union(*items[k]["hits"]) for k in listed_items)]
        if viol:
            tot.add("notlist_violation")
            cats["notlist:" + reason].add("violation")
            F.append("LISTED     %s (%s): must not be listed, built %s" % (iid, reason, "; ".join(lab(i) for i in viol)))
        else:
            tot.add("notlist_kept_unlisted" if all(not listed(i) for i in allh) else "notlist_merged")
            if all(not listed(i) for i in allh):
                if any(events[i].get("unlisted") == reason for i in allh):
                    tot.add("notlist_reason_agrees")
    # wrong merges
    by_event = defaultdict(set)
    for iid, it in items.items():
        for h in it["hits"]:
            for i in h:
                by_event[i].add(iid)
    distinct = {tuple(sorted(d["pair"])) for d in ex.get("distinct", [])}
    seen = set()
    for i in sorted(by_event):
        ids = sorted(by_event[i])
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                p = (ids[a], ids[b])
                if p in seen:
                    continue
                seen.add(p)
                tot.add("wrong_merge")
                key = p in distinct
                if key:
                    tot.add("wrong_merge_key")
                F.append("MERGED     %s + %s%s: one built event %s" % (p[0], p[1], " (key pair)" if key else "", lab(i)))
    for p in sorted(distinct):
        tot.add("distinct_pairs")
    # order
    groups = ex.get("order", [])
    for g in range(len(groups)):
        for h in range(g + 1, len(groups)):
            for a in groups[g]:
                for b in groups[h]:
                    if a not in chosen or b not in chosen or chosen[a] == chosen[b]:
                        continue
                    tot.add("order_pairs")
                    if chosen[b] < chosen[a]:
                        tot.add("order_errors")
                        F.append("ORDER      %s should come before %s: built %s listed after %s" %
                                 (a, b, lab(chosen[a]), lab(chosen[b])))
    # extra listed
    told = set()
    for it in items.values():
        for h in it["hits"]:
            told |= h
    for i, e in enumerate(events):
        if listed(i) and i not in told:
            tot.add("extra_listed")
            if want_extra:
                extra_lines.append("%s  extra listed %s" % (name, lab(i)))
    tot.add("built_events", len(events))
    tot.add("built_listed", sum(1 for i in range(len(events)) if listed(i)))


def pct(a, b):
    return "%d/%d (%.0f%%)" % (a, b, 100.0 * a / b) if b else "%d/0" % a


def print_totals(c):
    print("  expected listed events            %d" % c["expected"])
    print("  found (some built event tells it) %s" % pct(c["found"], c["expected"]))
    print("  found and listed                  %s" % pct(c["found_listed"], c["expected"]))
    print("  dates right (of found, dated)     %s   [%d of %d dated expectations found]" %
          (pct(c["date_right"], c["dated_found"]), c["dated_found"], c["dated_expected"]))
    print("  dates right (of all dated)        %s" % pct(c["date_right"], c["dated_expected"]))
    print("  clock times right (of found)      %s" % pct(c["time_right"], c["time_expected"]))
    print("  labels right (of found)           %s" % pct(c["label_right"], c["label_found"]))
    print("  must-not-list mentions            %d: violations %d, kept unlisted %d (reason agrees %d), absent %d, merged into a listed event %d" %
          (c["notlist_expected"], c["notlist_violation"], c["notlist_kept_unlisted"], c["notlist_reason_agrees"],
           c["notlist_absent"], c["notlist_merged"]))
    print("  merges expected                   %d: ok %d, missed %d, untestable %d" %
          (c["merge_expected"], c["merge_ok"], c["merge_missed"], c["merge_untestable"]))
    print("  wrong merges (pairs)              %d (key must-not-merge pairs: %d of %d)" %
          (c["wrong_merge"], c["wrong_merge_key"], c["distinct_pairs"]))
    print("  order errors                      %d of %d ordered pairs checked" % (c["order_errors"], c["order_pairs"]))
    print("  conflicts reported (of found)    %s" % pct(c["conflict_right"], c["conflict_expected"]))
    print("  extra listed (unannotated, info)  %d" % c["extra_listed"])


def main():
    a = parse_args(sys.argv[1:])
    os.makedirs(a["out"], exist_ok=True)
    probes = sorted(p for p in os.listdir(a["probes"]) if os.path.isfile(os.path.join(a["probes"], p, "expect.toml")))
    if a["only"]:
        probes = [p for p in probes if a["only"] in p]
    if a["set"]:
        lo, hi = a["set"]
        probes = [p for p in probes if probe_number(p) is not None and lo <= probe_number(p) <= hi]
    tot = Tally()
    by_set = OrderedDict((s, Tally()) for s in sorted({set_of(p) for p in probes}))
    cats = defaultdict(Tally)
    fails = OrderedDict((p, []) for p in probes)
    extra = []
    for p in probes:
        pdir = os.path.join(a["probes"], p)
        tl, err = run(a["binary"], os.path.join(pdir, "sources.yaml"),
                      os.path.join(a["out"], p + ".json"), os.path.join(a["out"], p + ".txt"))
        t = Tee(tot, by_set[set_of(p)])
        t.add("probes")
        if tl is None:
            t.add("build_failed")
            tl = {"events": []}
            fails[p].append("BUILD      failed: %s" % err.splitlines()[-1] if err else "BUILD      failed")
        score_probe(pdir, p, tl, t, cats, fails, extra, a["extra"])
    c = tot.c
    print("audit23 probe score  binary: %s" % a["binary"])
    print("probes: %d (%d builds failed), documents' built events: %d, of them listed: %d" %
          (c["probes"], c["build_failed"], c["built_events"], c["built_listed"]))
    print()
    print("TOTALS")
    print_totals(c)
    if len(by_set) > 1:
        for name, t in by_set.items():
            lo_hi = ("probes %02d-%02d" % SETS[name]) if name in SETS else "other probes"
            print()
            print("TOTALS OF SET %s (%s, %d probes)" % (name, lo_hi, t.c["probes"]))
            print_totals(t.c)
    print()
    print("BY CATEGORY (expected listed events with the tag: found&listed, dates right of found dated, merges ok)")
    for k in sorted(cats):
        if k.startswith("notlist:"):
            continue
        t = cats[k].c
        m = (" merges ok %d/%d" % (t["merge_ok"], t["merge_expected"])) if t["merge_expected"] else ""
        print("  %-24s n=%-3d listed %-14s dates %-14s%s" % (k, t["expected"], pct(t["found_listed"], t["expected"]),
                                                              pct(t["date_right"], t["dated_found"]), m))
    print()
    print("MUST-NOT-LIST BY REASON (violations of n)")
    for k in sorted(cats):
        if k.startswith("notlist:"):
            t = cats[k].c
            print("  %-24s %d of %d listed" % (k[8:], t["violation"], t["expected"]))
    print()
    print("FAILURES BY PROBE")
    for p, fl in fails.items():
        if not fl:
            print("%s: ok" % p)
            continue
        print("%s: %d" % (p, len(fl)))
        for line in fl:
            print("  " + line)
    if extra:
        print()
        print("EXTRA LISTED EVENTS (not annotated; information only)")
        for line in extra:
            print("  " + line)


if __name__ == "__main__":
    main()
