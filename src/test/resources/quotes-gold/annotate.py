#!/usr/bin/env python3
"""Resolves annotations.txt (hand-written, span anchors) into gold.jsonl (offsets).

Run from this folder after editing an article or an annotation: python3 annotate.py
The article text is read the way the audit reads a .txt file: the first line is the title, the body
starts after it and after any blank lines; offsets are into that body (the `text` field). Every
character here is in the Basic Multilingual Plane, so Python string offsets equal Java UTF-16 offsets.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
SEP = " … "
OPENERS = {"“": "curly", "\"": "straight", "''": "doubled", "‘": "curly_single"}


def body(path):
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    title_end = text.index("\n")
    rest = text[title_end + 1:]
    stripped = rest.lstrip()
    # Same as the Java reader: remove leading whitespace up to and including the last newline in it.
    lead = rest[: len(rest) - len(stripped)]
    cut = lead.rfind("\n")
    return rest[cut + 1:] if cut >= 0 else rest


def marks(span):
    opener = "''" if span.startswith("''") else span[0]
    closer = "''" if span.endswith("''") else span[-1]
    kind = {"“": "curly", "\"": "straight", "''": "doubled"}.get(opener, "other")
    closing = {"”": "curly", "\"": "straight", "''": "doubled"}.get(closer, "other")
    return kind if kind == closing else kind + "+" + closing


def resolve(text, anchor, after):
    """Offsets of the span that the anchor names; the start must occur exactly once."""
    if SEP in anchor:
        start, end = anchor.split(SEP)
    else:
        start, end = anchor, None
    hits = [i for i in range(len(text)) if text.startswith(start, i)]
    if len(hits) != 1:
        # An anchor that repeats is taken at its first occurrence after the previous row of the same kind.
        later = [i for i in hits if i >= after]
        if not later:
            raise ValueError(f"anchor start not found: {start!r}")
        hits = later[:1]
    begin = hits[0]
    if end is None:
        return begin, begin + len(start)
    stop = text.find(end, begin + len(start))
    if stop < 0:
        raise ValueError(f"anchor end not found: {end!r}")
    return begin, stop + len(end)


def main():
    rows = []
    current = None
    split = "dev"
    text = None
    last = {"D": 0, "I": 0}
    for number, line in enumerate((HERE / "annotations.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            current, _, split = line[2:].partition(" | ")
            current = current.strip()
            split = split.strip() or "dev"
            text = body(ARTICLES / current)
            if any(ord(c) > 0xFFFF for c in text):
                sys.exit(f"{current}: characters outside the BMP; offsets would differ from Java")
            last = {"D": 0, "I": 0}
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) != 5:
            sys.exit(f"annotations.txt:{number}: expected 5 fields, got {len(parts)}")
        kind, anchor, speaker, style, form = parts
        try:
            begin, end = resolve(text, anchor, last[kind])
        except ValueError as e:
            sys.exit(f"annotations.txt:{number} ({current}): {e}")
        last[kind] = begin + 1
        span = text[begin:end]
        row = {"file": current, "split": split, "kind": "direct" if kind == "D" else "indirect",
               "char_begin": begin, "char_end": end, "span": span}
        if speaker == "-":
            row.update(speaker_actor_id=None, speaker_names=[])
        elif speaker.startswith("="):
            row.update(speaker_actor_id=None, speaker_names=speaker[1:].split(";"))
        else:
            row.update(speaker_actor_id=speaker, speaker_names=[])
        row.update(style=style, form=form, marks=marks(span) if kind == "D" else None)
        rows.append(row)
    rows.sort(key=lambda r: (r["file"], r["char_begin"], r["kind"]))
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    direct = sum(r["kind"] == "direct" for r in rows)
    for name in ("dev", "heldout"):
        part = [r for r in rows if r["split"] == name]
        d = sum(r["kind"] == "direct" for r in part)
        print(f"{name}: {len(part)} rows ({d} direct, {len(part) - d} indirect) over "
              f"{len({r['file'] for r in part})} articles")
    print("-> gold.jsonl")


if __name__ == "__main__":
    main()
