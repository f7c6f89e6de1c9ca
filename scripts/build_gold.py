"""Rebuild corpora/annotated/*.txt and corpora/gold/*.gold.json from the team's .ann sources.

Run from the repository root: python scripts/build_gold.py
"""

from __future__ import annotations

from nlp.annotated import build_all

if __name__ == "__main__":
    for path in build_all():
        print("built", path.name)
