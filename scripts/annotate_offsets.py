"""Annotate a third-party document as offsets and labels (the text stays in ../shared).

    python scripts/annotate_offsets.py dump national/gwr_2024.txt > /work/annot/national_gwr_2024.ann
    python scripts/annotate_offsets.py build /work/annot/national_gwr_2024.ann

`dump` writes the working file (one sentence per line, as nlp splits them; `--prefill GOLD` starts from an
existing sentence-label gold); `build` checks it against the document and writes corpora/gold/NAME.gold.json.
The working file quotes the document: keep it outside the repository. The format is in nlp/annotated.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nlp.annotated import GOLD, build_offsets, dump_offsets

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("dump")
    p.add_argument("document", help="path under ../shared/corpus")
    p.add_argument("--prefill", help="a gold file whose sentence labels to start from")
    p = sub.add_parser("build")
    p.add_argument("work", nargs="+")
    p.add_argument("--gold-dir", default=str(GOLD))
    args = parser.parse_args()
    if args.command == "dump":
        prefill = json.loads(Path(args.prefill).read_text(encoding="utf-8")) if args.prefill else None
        sys.stdout.write(dump_offsets(CORPUS / args.document, args.document, prefill))
    else:
        for work in args.work:
            gold = build_offsets(Path(work), CORPUS, Path(args.gold_dir))
            print(f"{work}: {len(gold['sentences'])} sentences, {len(gold['directives'])} directives, "
                  f"{len(gold['reports'])} reports, {len(gold['campaigns'])} campaigns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
