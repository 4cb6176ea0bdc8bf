#!/usr/bin/env python3
"""Regenerate Patterns/names/nicknames.tsv and Patterns/names/first-names.txt.

Usage:
    pip download --no-deps nicknames==1.0.1 -d /tmp/namesdata
    pip download --no-deps names==0.3.0 -d /tmp/namesdata
    python3 scripts/make-name-lists.py /tmp/namesdata

The directory must hold nicknames-1.0.1-py3-none-any.whl (or the sdist
nicknames-1.0.1.tar.gz) and names-0.3.0.tar.gz (or a names-0.3.0 wheel).
Files are read straight out of the archives; nothing is installed.

Standard library only. This script does NOT touch the hand-made file
Patterns/names/first-names-fr.txt.
"""

import csv
import io
import re
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "Patterns" / "names"

NICKNAMES_VERSION = "1.0.1"
NAMES_VERSION = "0.3.0"
NICKNAMES_URL = "https://github.com/carltonnorthern/nicknames"
NAMES_URL = "https://github.com/treyhunner/names"

# Census 1990 frequency (percent of the population sampled) a first name
# needs to be kept.  0.004 % keeps every name in dist.male.first (that file
# was already cut at 90 % cumulative) and the commoner female names.
MIN_FREQUENCY = 0.004

VALID = re.compile(r"[a-z'-]+")


def read_member(archive: Path, suffix: str) -> str:
    """Return the text of the one archive member whose name ends in suffix."""
    if archive.name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as zf:
            hits = [n for n in zf.namelist() if n.endswith(suffix)]
            if len(hits) != 1:
                sys.exit(f"{archive}: expected one member ending {suffix!r}, got {hits}")
            return zf.read(hits[0]).decode("utf-8")
    with tarfile.open(archive) as tf:
        hits = [m for m in tf.getmembers() if m.isfile() and m.name.endswith(suffix)]
        if len(hits) != 1:
            sys.exit(f"{archive}: expected one member ending {suffix!r}, got {[m.name for m in hits]}")
        return tf.extractfile(hits[0]).read().decode("utf-8")


def find_archive(src: Path, project: str, version: str) -> Path:
    for pattern in (f"{project}-{version}-*.whl", f"{project}-{version}.tar.gz", f"{project}-{version}.zip"):
        found = sorted(src.glob(pattern))
        if found:
            return found[0]
    sys.exit(f"no {project} {version} archive in {src}")


def make_nicknames(src: Path) -> tuple[int, int, list[str]]:
    archive = find_archive(src, "nicknames", NICKNAMES_VERSION)
    text = read_member(archive, "nicknames/names.csv")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    if [h.strip() for h in header] != ["name1", "relationship", "name2"]:
        sys.exit(f"unexpected names.csv header {header}")

    groups: dict[str, set[str]] = {}
    dropped: list[str] = []
    kept_rows = 0
    for row in reader:
        if not row:
            continue
        if len(row) != 3:
            sys.exit(f"unexpected names.csv row {row}")
        canonical, relationship, nickname = (c.strip().lower() for c in row)
        # name1 is the formal name, name2 its nickname ("robert,has_nickname,bob").
        if relationship != "has_nickname":
            sys.exit(f"unexpected relationship {relationship!r} in {row}; update this script")
        if not (VALID.fullmatch(canonical) and VALID.fullmatch(nickname)):
            dropped.append(",".join(row))
            continue
        if canonical == nickname:
            continue
        groups.setdefault(canonical, set()).add(nickname)
        kept_rows += 1

    member = "nicknames/names.csv"
    lines = [
        "# nicknames.tsv - English formal first names and their nicknames/diminutives.",
        f"# Source: PyPI package `nicknames` {NICKNAMES_VERSION} ({archive.name}), file {member};",
        f"#   upstream project {NICKNAMES_URL}",
        "# Licence: Apache-2.0 (package metadata `License-Expression: Apache-2.0`). The wheel",
        "#   ships no LICENSE/NOTICE file or copyright line; authors and so copyright holders",
        "#   as stated in the package metadata: Carlton Northern, Nick Crews.",
        "#   Full licence text: https://www.apache.org/licenses/LICENSE-2.0",
        "# Modified: converted by scripts/make-name-lists.py - every `name1,has_nickname,name2`",
        "#   row of names.csv is grouped by name1 (the formal name); names lowercased; rows",
        "#   with characters other than a-z, apostrophe, hyphen dropped"
        f" ({len(dropped)} rows):",
        *(f"#     {d}" for d in dropped),
        "# Format: canonical<TAB>nicknames separated by single spaces (sorted, unique).",
        "# Direction is formal -> nickname; the scanner uses it in both directions.",
    ]
    data = [f"{c}\t{' '.join(sorted(groups[c]))}" for c in sorted(groups)]
    (OUT_DIR / "nicknames.tsv").write_text("\n".join(lines + data) + "\n", encoding="utf-8")
    return len(data), kept_rows, dropped


def make_first_names(src: Path) -> int:
    archive = find_archive(src, "names", NAMES_VERSION)
    kept: set[str] = set()
    per_file = {}
    for member in ("names/dist.male.first", "names/dist.female.first"):
        text = read_member(archive, member)
        n = 0
        for line in text.splitlines():
            if not line.strip():
                continue
            parts = line.split()
            if len(parts) != 4:
                sys.exit(f"{member}: unexpected line {line!r}")
            name, freq = parts[0].lower(), float(parts[1])
            if freq >= MIN_FREQUENCY and VALID.fullmatch(name):
                kept.add(name)
                n += 1
        per_file[member] = n

    lines = [
        "# first-names.txt - common US first names (lowercase, one per line, sorted).",
        f"# Source: PyPI package `names` {NAMES_VERSION} ({archive.name}), upstream {NAMES_URL},",
        "#   files names/dist.male.first and names/dist.female.first, which are the",
        "#   US Census Bureau 1990 name-frequency files (columns: name, frequency %,",
        "#   cumulative %, rank).",
        "# Licence: the census data are a US government work in the public domain (the",
        "#   package README also says these files are public domain). The `names` package",
        "#   itself is MIT licensed (metadata `License: MIT`; author Trey Hunner; README links",
        "#   http://th.mit-license.org/2013, i.e. Copyright (c) 2013 Trey Hunner).",
        f"# Selection: names with frequency >= {MIN_FREQUENCY} % in either file"
        f" ({per_file['names/dist.male.first']} male, {per_file['names/dist.female.first']} female),",
        "#   lowercased, merged, de-duplicated; generated by scripts/make-name-lists.py.",
        f"# Count: {len(kept)} names.",
    ]
    (OUT_DIR / "first-names.txt").write_text("\n".join(lines + sorted(kept)) + "\n", encoding="utf-8")
    return len(kept)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    src = Path(sys.argv[1])
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    canon, rows, dropped = make_nicknames(src)
    print(f"nicknames.tsv: {canon} canonical names from {rows} relations ({len(dropped)} rows dropped)")
    count = make_first_names(src)
    print(f"first-names.txt: {count} names (frequency >= {MIN_FREQUENCY} %)")


if __name__ == "__main__":
    main()
