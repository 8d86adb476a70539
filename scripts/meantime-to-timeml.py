#!/usr/bin/env python3
"""Convert the MEANTIME corpus (NewsReader CAT XML) into TimeML files with gold TIMEX3, EVENT
and TLINK, so that `tempograph timeml annotate` and `tempograph eval` score temporal
expressions, event extents and temporal awareness on it.

    scripts/meantime-to-timeml.py $C/meantime/corpus_apple /tmp/meantime-gold
    scripts/meantime-to-timeml.py --no-dateline $C/meantime/corpus_apple /tmp/meantime-gold-nd
    tempograph timeml annotate /tmp/meantime-gold --out-dir /tmp/meantime-sys
    tempograph eval /tmp/meantime-gold /tmp/meantime-sys

MEANTIME annotates only the title and the first sentences of each article, so the text is cut
after the last sentence that MEANTIME annotated (sentence 5). Tokens are joined with spaces and
then lightly detokenized (no space before `,` `.` `'s` ...). The DCT is the document's
CREATION_TIME timex; its mention in the text (the dateline) stays a gold DATE, and links to it become links to the DCT (`t0`).
With `--no-dateline` the dateline line is left out of the text (a sentence made only of the
CREATION_TIME mention and punctuation): a system that knows the DCT finds it for free, so
the figure without it is the one that measures the expressions of the story itself. MEANTIME's event mentions
have no TimeML class: they are written as OCCURRENCE, so only event extents (not classes)
are comparable. TLINKs whose ends both lie in the kept text are kept. The output goes
to a directory outside the repository: the corpus text is never copied into the project.
"""
import html
import os
import re
import sys

TOKEN = re.compile(r'<token number="\d+" sentence="(\d+)" t_id="(\d+)">(.*?)</token>', re.S)
TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')
EVENT = re.compile(r"<EVENT_MENTION([^>]*)>(.*?)</EVENT_MENTION>", re.S)
TLINK = re.compile(r'<TLINK [^>]*reltype="([A-Z_]+)"[^>]*>(.*?)</TLINK>', re.S)
RELATIONS = {"BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "BEGINS", "BEGUN_BY", "ENDS",
             "ENDED_BY", "IBEFORE", "IAFTER", "IDENTITY", "DURING", "DURING_INV"}
LAST_SENTENCE = 5
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "%"}
NO_SPACE_AFTER = {"(", "$", "£", "€"}


def dateline_sentences(doc, tokens):
    """The sentences made only of the CREATION_TIME mention (and punctuation)."""
    sentence_of = {t: s for s, t, _ in tokens}
    inside = set()
    for m in TIMEX.finditer(doc):
        if dict(ATTR.findall(m.group(1))).get("functionInDocument") == "CREATION_TIME":
            inside.update(re.findall(r't_id="(\d+)"', m.group(2)))
    out = set()
    for sent in {sentence_of[t] for t in inside if t in sentence_of}:
        words = [(t, w) for s, t, w in tokens if s == sent]
        if all(t in inside or not any(c.isalnum() for c in w) for t, w in words):
            out.add(sent)
    return out


def convert(path, no_dateline=False):
    doc = open(path, encoding="utf-8").read()
    tokens = [(int(s), t, html.unescape(w)) for s, t, w in TOKEN.findall(doc)]
    tokens = [x for x in tokens if x[0] <= LAST_SENTENCE]
    if no_dateline:
        drop = dateline_sentences(doc, tokens)
        tokens = [x for x in tokens if x[0] not in drop]
    text, spans, prev_sent, prev_word = "", {}, None, None
    for sent, tid, word in tokens:
        if prev_sent is not None:
            if sent != prev_sent:
                text += "\n"
            elif word not in NO_SPACE_BEFORE and prev_word not in NO_SPACE_AFTER:
                text += " "
        spans[tid] = (len(text), len(text) + len(word))
        text += word
        prev_sent, prev_word = sent, word
    dct, dct_mid, marks = None, None, []
    for m in TIMEX.finditer(doc):
        a = dict(ATTR.findall(m.group(1)))
        ids = [i for i in re.findall(r't_id="(\d+)"', m.group(2)) if i in spans]
        if a.get("functionInDocument") == "CREATION_TIME":
            dct, dct_mid = a.get("value"), a.get("m_id")
        if ids:
            marks.append((spans[ids[0]][0], spans[ids[-1]][1], "T", a))
    for m in EVENT.finditer(doc):
        a = dict(ATTR.findall(m.group(1)))
        ids = [i for i in re.findall(r't_id="(\d+)"', m.group(2)) if i in spans]
        if ids:
            marks.append((spans[ids[0]][0], spans[ids[-1]][1], "E", a))
    if not dct:
        raise SystemExit(f"{path}: no CREATION_TIME timex")
    # Timexes first; an event mention that overlaps a kept mark is dropped.
    kept = []
    for mark in sorted(marks, key=lambda x: (x[2] != "T", x[0])):
        if all(mark[1] <= k[0] or mark[0] >= k[1] for k in kept):
            kept.append(mark)
    marks = sorted(kept, key=lambda x: x[0])
    out, pos, ids, tn, en = [], 0, {dct_mid: ("time", "t0")}, 0, 0
    for s, e, kind, a in marks:
        if s < pos:
            continue  # nested or overlapping: keep the first
        out.append(html.escape(text[pos:s], quote=False))
        if kind == "T":
            tn += 1
            if a.get("m_id") != dct_mid:
                ids[a.get("m_id")] = ("time", f"t{tn}")
            value = html.escape(a.get("value", ""))
            out.append(f'<TIMEX3 tid="t{tn}" type="{a.get("type", "DATE")}" value="{value}">')
            out.append(html.escape(text[s:e], quote=False) + "</TIMEX3>")
        else:
            en += 1
            ids[a.get("m_id")] = ("event", f"ei{en}")
            out.append(f'<EVENT eid="e{en}" class="OCCURRENCE">{html.escape(text[s:e], quote=False)}</EVENT>')
        pos = e
    out.append(html.escape(text[pos:], quote=False))
    tail = [f'<MAKEINSTANCE eiid="ei{n}" eventID="e{n}" />' for n in range(1, en + 1)]
    for n, m in enumerate(TLINK.finditer(doc), 1):
        rel = m.group(1)
        src, tgt = (ids.get(x) for x in re.findall(r'm_id="(\d+)"', m.group(2))[:2])
        if not src or not tgt or rel not in RELATIONS:
            continue
        a = "eventInstanceID" if src[0] == "event" else "timeID"
        b = "relatedToEventInstance" if tgt[0] == "event" else "relatedToTime"
        tail.append(f'<TLINK lid="l{n}" relType="{rel}" {a}="{src[1]}" {b}="{tgt[1]}" />')
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(out)}</TEXT>\n" + "\n".join(tail) + "\n</TimeML>\n"
    )


def main():
    args = sys.argv[1:]
    no_dateline = "--no-dateline" in args
    args = [a for a in args if a != "--no-dateline"]
    if len(args) != 2 or not os.path.isdir(args[0]):
        sys.exit("usage: meantime-to-timeml.py [--no-dateline] MEANTIME_DIR OUT_DIR")
    src, dst = args
    if os.path.abspath(dst).startswith(os.path.abspath(os.path.dirname(os.path.dirname(__file__)))):
        sys.exit(f"{dst}: inside the repository; corpus text must not be copied into the project")
    os.makedirs(dst, exist_ok=True)
    names = sorted(f for f in os.listdir(src) if f.endswith(".xml"))
    if not names:
        sys.exit(f"{src}: no .xml files")
    for f in names:
        with open(os.path.join(dst, f[:-4] + ".tml"), "w", encoding="utf-8") as fh:
            fh.write(convert(os.path.join(src, f), no_dateline))
    print(f"{len(names)} documents written to {dst}")


if __name__ == "__main__":
    main()
