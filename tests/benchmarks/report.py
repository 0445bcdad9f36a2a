"""The report: latest.json and latest.md in tests/benchmarks/results/, and each figure's verdict against its target."""

from __future__ import annotations

import json
from pathlib import Path

from reader_cost import article_pages

RESULTS = Path(__file__).resolve().parent / "results"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def corpus_table(sizes: list[dict]) -> tuple[list[str], list[str]]:
    """The generated publication's table, its verdicts on the hooks' share, growth and memory."""
    lines = [
        "| pairs (+ partnerships) | pages | build wall | build CPU | peak memory | without hooks: CPU | hooks' share | parity | link check |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    verdicts = []
    for figures in sizes:
        build_, base = figures["build"], figures["baseline"]
        lines.append(
            f"| {figures['articles']} | {figures['pages']} | {build_['wall_s']:.1f} s | {build_['cpu_s']:.1f} s | {build_['peak_mib']:.0f} MiB | "
            f"{base['cpu_s']:.1f} s | {100 * (figures['cpu_ratio'] - 1):+.1f} % | {figures['parity_s']:.2f} s | {figures['links_s']:.2f} s |"
        )
        verdicts.append(
            f"hooks add {100 * (figures['cpu_ratio'] - 1):+.1f} % CPU at N = {figures['articles']} (target: at most +10 %): {verdict(figures['cpu_ratio'] <= 1.10)}"
        )
    by_size = {figures["articles"]: figures for figures in sizes}
    if 100 in by_size and 400 in by_size:
        growth = by_size[400]["build"]["cpu_s"] / by_size[100]["build"]["cpu_s"]
        verdicts.append(
            f"N = 400 costs {growth:.2f} × N = 100 in CPU (target: at most 4.4 ×): {verdict(growth <= 4.4)}"
        )
        verdicts.append(
            f"peak memory at N = 400: {by_size[400]['build']['peak_mib']:.0f} MiB (target: under 1024 MiB): {verdict(by_size[400]['build']['peak_mib'] < 1024)}"
        )
    return lines, verdicts


def real_site_table(real: dict, editor: dict) -> tuple[list[str], list[str]]:
    """The real site's build and the editor's wait, with their verdicts."""
    lines = [
        "| real site | figure |",
        "| --- | ---: |",
        f"| strict build (wall / CPU / memory) | {real['build']['wall_s']:.2f} s / {real['build']['cpu_s']:.2f} s / {real['build']['peak_mib']:.0f} MiB |",
        f"| Markdown edit → rebuilt page served | {editor['markdown_edit_s']:.2f} s |",
        f"| data edit → rebuilt page served | {editor['data_edit_s']:.2f} s |",
    ]
    verdicts = [
        f"real site, strict build: {real['build']['wall_s']:.2f} s (target: under 3 s): {verdict(real['build']['wall_s'] < 3)}",
        f"saved Markdown edit served rebuilt: {editor['markdown_edit_s']:.2f} s (target: within 2 s): {verdict(editor['markdown_edit_s'] <= 2)}",
        f"saved data edit served rebuilt: {editor['data_edit_s']:.2f} s (no target; for comparison)",
    ]
    return lines, verdicts


def lighthouse_verdict(path: str, scores: dict) -> str:
    ok = (
        scores["accessibility"] == 100
        and scores["best-practices"] == 100
        and scores["seo"] == 100
        and scores["performance"] >= 98
    )
    return f"Lighthouse mobile {path}: {scores} (target: 100 / 100 / 100, performance ≥ 98): {verdict(ok)}"


def reader_table(reader: dict) -> tuple[list[str], list[str]]:
    """The readers' table (none if their pages were not measured), its verdicts, and what was skipped."""
    lines, verdicts = [], []
    if reader.get("pages"):
        lines += [
            "| page (phone) | transferred (gzip) | requests | performance | accessibility | best practices | SEO |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for path, figures in reader["pages"].items():
            scores = figures.get("lighthouse", {})
            lines.append(
                f"| `{path}` | {figures['bytes_gzip'] / 1024:.1f} KiB | {figures['requests']} | "
                + " | ".join(str(scores.get(name, "–")) for name in LIGHTHOUSE_CATEGORIES)
                + " |"
            )
            if scores:
                verdicts.append(lighthouse_verdict(path, scores))
        for path in article_pages(reader):
            kib = reader["pages"][path]["bytes_gzip"] / 1024
            verdicts.append(
                f"article page {path}: {kib:.1f} KiB with everything it loads (target: under 100 KB): {verdict(reader['pages'][path]['bytes_gzip'] < 100_000)}"
            )
    verdicts += [reader[key] for key in ("skipped", "lighthouse_skipped") if key in reader]
    return lines, verdicts


def report(results: dict) -> tuple[str, list[str]]:
    """The Markdown tables, and one line per target with its verdict."""
    lines = [f"Machine: {results['machine']}. Median of {results['runs']} runs each."]
    verdicts = []
    for table_lines, table_verdicts in (
        corpus_table(results["sizes"]),
        real_site_table(results["real_site"], results["editor"]),
        reader_table(results["reader"]),
    ):
        if table_lines:
            lines += ["", *table_lines]
        verdicts += table_verdicts
    return "\n".join(lines) + "\n", verdicts


def write_results(results: dict, table: str) -> None:
    """Every figure in latest.json, the tables in latest.md."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(table, encoding="utf-8")
