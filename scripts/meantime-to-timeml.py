#!/usr/bin/env python3
"""Convert the MEANTIME corpus (NewsReader CAT XML) into TimeML files with gold TIMEX3, so that
`tempograph timeml annotate` and `tempograph eval` score temporal expressions on it.

    scripts/meantime-to-timeml.py $C/meantime/corpus_apple /tmp/meantime-gold
    tempograph timeml annotate /tmp/meantime-gold --out-dir /tmp/meantime-sys
    tempograph eval /tmp/meantime-gold /tmp/meantime-sys

MEANTIME annotates only the title and the first sentences of each article, so the text is cut
after the last sentence that MEANTIME annotated (sentence 5). Tokens are joined with spaces and
then lightly detokenized (no space before `,` `.` `'s` ...). The DCT is the document's
CREATION_TIME timex; its mention in the text (the dateline) stays a gold DATE. The output goes
to a directory outside the repository: the corpus text is never copied into the project.
"""
import html
import os
import re
import sys

TOKEN = re.compile(r'<token number="\d+" sentence="(\d+)" t_id="(\d+)">(.*?)</token>', re.S)
TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')
LAST_SENTENCE = 5
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "%"}
NO_SPACE_AFTER = {"(", "$", "£", "€"}


def convert(path):
    doc = open(path, encoding="utf-8").read()
    tokens = [(int(s), t, html.unescape(w)) for s, t, w in TOKEN.findall(doc)]
    tokens = [x for x in tokens if x[0] <= LAST_SENTENCE]
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
    dct, timexes = None, []
    for m in TIMEX.finditer(doc):
        a = dict(ATTR.findall(m.group(1)))
        ids = [i for i in re.findall(r't_id="(\d+)"', m.group(2)) if i in spans]
        if a.get("functionInDocument") == "CREATION_TIME":
            dct = a.get("value")
        if ids:
            timexes.append((spans[ids[0]][0], spans[ids[-1]][1], a))
    if not dct:
        raise SystemExit(f"{path}: no CREATION_TIME timex")
    timexes.sort(key=lambda x: x[0])
    out, pos = [], 0
    for n, (s, e, a) in enumerate(timexes, 1):
        if s < pos:
            continue  # nested or overlapping: keep the first
        out.append(html.escape(text[pos:s], quote=False))
        out.append(f'<TIMEX3 tid="t{n}" type="{a.get("type", "DATE")}" value="{html.escape(a.get("value", ""))}">')
        out.append(html.escape(text[s:e], quote=False) + "</TIMEX3>")
        pos = e
    out.append(html.escape(text[pos:], quote=False))
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(out)}</TEXT>\n</TimeML>\n"
    )


def main():
    if len(sys.argv) != 3 or not os.path.isdir(sys.argv[1]):
        sys.exit("usage: meantime-to-timeml.py MEANTIME_DIR OUT_DIR")
    src, dst = sys.argv[1], sys.argv[2]
    if os.path.abspath(dst).startswith(os.path.abspath(os.path.dirname(os.path.dirname(__file__)))):
        sys.exit(f"{dst}: inside the repository; corpus text must not be copied into the project")
    os.makedirs(dst, exist_ok=True)
    names = sorted(f for f in os.listdir(src) if f.endswith(".xml"))
    if not names:
        sys.exit(f"{src}: no .xml files")
    for f in names:
        with open(os.path.join(dst, f[:-4] + ".tml"), "w", encoding="utf-8") as fh:
            fh.write(convert(os.path.join(src, f)))
    print(f"{len(names)} documents written to {dst}")


if __name__ == "__main__":
    main()
