#!/usr/bin/env python3
"""Writes the text of every item of a SocialScan evaluation set (JSON Lines) as its own file:
seeds for the fuzzer. Usage: eval-texts.py Samples/eval OUT_DIR"""
import json
import pathlib
import sys

source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for path in sorted(source.glob("*/*.jsonl")):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            target = out / f"eval-{path.parent.name}-{path.stem}-{number}.txt"
            target.write_text(json.loads(line)["text"], encoding="utf-8")
