#!/usr/bin/env python3
"""Build a timeline on Apache Spark: the map step pipes every partition's JSON Lines
documents through `tempograph extract --stream`, the reduce step merges the extraction
records with `tempograph assemble --partial` in a tree, and the driver writes the timeline
with `tempograph assemble` (docs/SCALING.md, "A build on Spark").

    python scripts/spark-build.py --tempograph target/release/tempograph \
        --input docs.jsonl --output timeline.yaml [--master local[2]] [--partitions 8]
    python scripts/spark-build.py ... --group-by story --output timelines/   # one per key

The output is byte for byte what `tempograph build --stream < docs.jsonl -o OUT` writes
(and, with --group-by, what `tempograph assemble --group-by KEY --out-dir OUT` writes):
the partial merge is associative, so the tree Spark chooses does not matter. A document
that cannot be extracted fails the job, naming it. Needs `pip install pyspark` and Java.
"""
import argparse
import json
import os
import subprocess
import sys
import time


def run_raw(cmd, lines):
    """Run `cmd` with `lines` (strings without line ends) on stdin; its stdout."""
    data = "".join(l + "\n" for l in lines).encode("utf-8")
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise RuntimeError("%s failed (exit %d): %s" % (" ".join(cmd), p.returncode, p.stderr.decode("utf-8", "replace")))
    return p.stdout.decode("utf-8")


def run(cmd, lines):
    """`run_raw`, as lines (record lines are never empty)."""
    return [l for l in run_raw(cmd, lines).split("\n") if l]


def check_record(line):
    """An `extract --stream` error line fails the job with its message."""
    if line.startswith('{"id":') and '"format":"tempograph-extract/' not in line[:200]:
        rec = json.loads(line)
        if "error" in rec:
            raise RuntimeError("document %s (input line %s): %s" % (rec.get("id"), rec.get("line"), rec["error"]))
    return line


def group_keys(line, key):
    """The keys of a record for --group-by, as `assemble --group-by` reads them."""
    fields = json.loads(line)
    f = fields.get("fields", {})
    if key == "story":
        v = f.get("story")
    elif key in ("entity", "entities"):
        v = f.get("entities", f.get("entity"))
    elif key in ("title", "kind"):
        v = fields.get(key)
    else:
        v = f.get(key)
    vals = v if isinstance(v, list) else [v]
    out = set()
    for x in vals:
        if x is None:
            continue
        if isinstance(x, bool):
            out.add("true" if x else "false")
        elif isinstance(x, (str, int, float)):
            out.add(x if isinstance(x, str) else json.dumps(x))
        else:
            raise RuntimeError("a `%s` field to group by: found %s" % (key, json.dumps(x)))
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tempograph", required=True, help="the tempograph binary (on every worker)")
    ap.add_argument("--input", required=True, help="JSON Lines documents (any path Spark reads)")
    ap.add_argument("--output", required=True, help="the timeline file, or with --group-by a folder")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--group-by", help="one timeline per value of this field (story, entity, FIELD)")
    args = ap.parse_args()
    binary = os.path.abspath(args.tempograph)

    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster(args.master)
        .setAppName("tempograph-build")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    t0 = time.time()
    try:
        docs = sc.textFile(os.path.abspath(args.input), minPartitions=args.partitions)
        # Map: a stateless line filter, one record line per document line.
        records = docs.pipe(binary + " extract --stream --jobs 1").map(check_record)
        if not args.group_by:
            # Reduce: a partial per partition, then a tree of partial merges (associative,
            # so the shape of the tree does not change the result).
            partials = records.mapPartitions(lambda it: [run([binary, "assemble", "--partial"], list(it))])
            merged = partials.treeReduce(lambda a, b: run([binary, "assemble", "--partial"], a + b), depth=2)
            out = os.path.abspath(args.output)
            final = run([binary, "assemble", "--jobs", "1", "-o", out], merged)
            assert not final
        else:
            key = args.group_by
            keyed = records.flatMap(lambda l: [(k, l) for k in group_keys(l, key)])
            partials = keyed.combineByKey(
                lambda l: [l],
                lambda acc, l: acc + [l],
                lambda a, b: run([binary, "assemble", "--partial"], a + b),
            )
            os.makedirs(args.output, exist_ok=True)
            entity = key in ("entity", "entities")

            def timeline(kv):
                k, lines = kv
                cmd = [binary, "assemble", "--jobs", "1", "--title", k]
                if entity:
                    cmd += ["--about", k]
                return (k, run_raw(cmd, lines))

            results = sorted(partials.map(timeline).collect())
            names = set()
            for k, yaml in results:
                name = "".join(c if c.isalnum() or c in "-_." else "_" for c in k)[:100]
                if not name or name.startswith("."):
                    name = "_" + name
                base, n = name, 2
                while name in names:
                    name = "%s-%d" % (base, n)
                    n += 1
                names.add(name)
                with open(os.path.join(args.output, name + ".yaml"), "w", encoding="utf-8") as f:
                    f.write(yaml)
        print("spark-build: %.1f s wall on %s" % (time.time() - t0, args.master), file=sys.stderr)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
