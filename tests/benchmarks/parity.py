"""Benchmark: the translation-parity check on a generated tree of 1,000 page pairs (target: under 2 s).

Run as `PYTHONPATH=hooks:tests .venv/bin/python tests/benchmarks/parity.py` (by `make bench`); prints the median of five runs and how it compares with the target. Timings are
never asserted in tests.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from microsite.parity import check_project
from microsite.parity.stamps import fingerprint

PAIRS = 1000
TARGET_SECONDS = 2.0
RUNS = 5


def page(language: str, index: int, rng: random.Random) -> str:
    words = {
        "de": ["Städte", "Partnerschaft", "Austausch", "Klima", "Jugend", "Netzwerk"],
        "en": ["cities", "partnership", "exchange", "climate", "youth", "network"],
    }[language]
    year = 1950 + index % 75
    paragraphs = [" ".join(rng.choice(words) for _ in range(60)) + f" {year}." for _ in range(6)]
    return (
        f"---\ntitle: {words[0]} {index}\ndescription: {words[1]} {index}.\n---\n\n# {words[0]} {index}\n\n"
        + f"{paragraphs[0]} [{words[2]}](page-{(index + 1) % PAIRS}.md)\n\n## {words[3]} {{ #section-{index} }}\n\n"
        + "\n\n".join(paragraphs[1:4])
        + f"\n\n- {words[4]}\n- {words[5]} {year}\n\n| a | b |\n| --- | --- |\n| {year} | {index} |\n\n## {words[5]}\n\n"
        + "\n\n".join(paragraphs[4:])
        + "\n\n<!-- data: timeline -->\n"
    )


def generate(root: Path) -> None:
    (root / "mkdocs.yml").write_text(
        "plugins:\n  - i18n:\n      languages:\n        - locale: de\n          default: true\n        - locale: en\n",
        encoding="utf-8",
    )
    for language in ("de", "en"):
        (root / "docs" / language).mkdir(parents=True)
    for index in range(PAIRS):
        source = page("de", index, random.Random(index))
        translation = page("en", index, random.Random(index))
        stamp = fingerprint(source)
        (root / "docs" / "de" / f"page-{index}.md").write_text(source, encoding="utf-8")
        (root / "docs" / "en" / f"page-{index}.md").write_text(
            translation.replace("\n---\n", f'\ntranslated_from: "{stamp}"\n---\n', 1), encoding="utf-8"
        )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root)
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            findings, statuses, _ = check_project(root)
            timings.append(time.perf_counter() - start)
        median = statistics.median(timings)
        verdict = "meets" if median < TARGET_SECONDS else "MISSES"
        print(
            f"parity check, {len(statuses)} page pairs: median {median:.2f} s of {RUNS} runs ({verdict} the target of {TARGET_SECONDS:.0f} s); {len(findings)} findings"
        )
        return 0


if __name__ == "__main__":
    sys.exit(main())
