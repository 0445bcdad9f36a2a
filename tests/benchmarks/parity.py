"""Benchmark: the translation-parity check on a generated tree of 1,000 page pairs (target: under 2 s).

Part of `make bench` (run.py runs it in a process of its own, with `--json`), or alone as
`PYTHONPATH=hooks:tests:tests/benchmarks .venv/bin/python tests/benchmarks/parity.py`; prints the
median of five runs and how it compares with the target, then the share of it that identifying the
blocks' languages takes (the same runs with the identifier switched off), and the time its model takes
to load, which a process pays once, on its first judged text. Timings are never asserted in tests.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from microsite.parity import check_project, text_language
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


def median_seconds(root: Path) -> tuple[float, int, int]:
    """The median of RUNS checks of the tree, with the number of findings and of page pairs."""
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = check_project(root)
        findings, statuses = result.findings, result.pairs
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), len(findings), len(statuses)


def model_load_seconds() -> float:
    """Importing py3langid and loading its model, as the first judged text of a process does."""
    start = time.perf_counter()
    text_language._full_identifier()
    return time.perf_counter() - start


def without_identification(root: Path) -> float:
    """The same checks with the identifier switched off: every text counts as one it cannot judge."""
    identifier = text_language._identifier
    text_language._identifier = lambda codes: None
    try:
        return median_seconds(root)[0]
    finally:
        text_language._identifier = identifier


def parity_figures() -> dict:
    """The median seconds of checking PAIRS page pairs, with and without language identification, and the
    seconds of loading the identifier's model."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root)
        off = without_identification(root)
        load = model_load_seconds()
        median, findings, pairs = median_seconds(root)
    return {
        "pairs": pairs,
        "median_s": median,
        "findings": findings,
        "without_identification_s": off,
        "model_load_s": load,
    }


def summary(figures: dict) -> list[str]:
    """Two lines: the check against its target, and the share of language identification."""
    median, off = figures["median_s"], figures["without_identification_s"]
    verdict = "meets" if median < TARGET_SECONDS else "MISSES"
    return [
        f"parity check, {figures['pairs']} page pairs: median {median:.2f} s of {RUNS} runs ({verdict} the target of "
        f"{TARGET_SECONDS:.0f} s); {figures['findings']} findings",
        f"language identification: {median - off:.2f} s of it ({100 * (median - off) / median:.0f} %; "
        f"{off:.2f} s without); loading its model, once per process: {figures['model_load_s']:.2f} s more",
    ]


def main() -> int:
    figures = parity_figures()
    print(json.dumps(figures) if "--json" in sys.argv[1:] else "\n".join(summary(figures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
