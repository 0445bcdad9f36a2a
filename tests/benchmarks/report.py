"""The report: latest.json and latest.md in tests/benchmarks/results/, and each figure's verdict against its target."""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable
from pathlib import Path

from parity import summary as parity_summary

RESULTS = Path(__file__).resolve().parent / "results"
ROOT = Path(__file__).resolve().parents[2]
# A build that runs in one process takes about its CPU time in wall time on an idle machine.
BUSY = 1.15
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The partnership map's SVG, inline in its page: at most this many bytes served with gzip.
MAP_GZIP_TARGET = 30_000
# Issue 21's budgets: a page with everything it loads but its pictures, served with gzip; the picture an
# index card loads on a 390 px phone; Lighthouse's cumulative layout shift.
PAGE_GZIP_TARGET = 100_000
CARD_PICTURE_TARGET = 30_000
LAYOUT_SHIFT_TARGET = 0


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def _n(size: int) -> str:
    return f"{size:,}"


def _runs(figures: dict) -> str:
    return "once" if figures["runs"] == 1 else f"median of {figures['runs']}"


def _missing(size: int) -> str:
    return f"not measured: N = {_n(size)} is not in BENCH_SIZES"


def _failed(side: dict) -> str | None:
    return f"build failed: {side['error'].splitlines()[-1][:200]}" if "error" in side else None


def build_row(by_size: dict, editor: dict | None) -> tuple[str, bool | None]:
    """Issue 12: a strict build at N = 400 in at most 5 s wall, or at most 0.25 × stock in the same run."""
    if 400 not in by_size:
        return _missing(400), None
    figures = by_size[400]
    ours, stock = figures["ours"], figures["stock"]
    if _failed(ours):
        return _failed(ours), False
    measured = f"{ours['wall_s']:.2f} s wall ({_runs(ours)})"
    ratio = figures.get("ratio")
    if ratio is not None:
        measured += f"; stock {stock['wall_s']:.2f} s ({_runs(stock)}): {ratio:.2f} × stock"
    return measured, ours["wall_s"] <= 5 or (ratio is not None and ratio <= 0.25)


def stock_ratio_row(by_size: dict, editor: dict | None) -> tuple[str, bool | None]:
    """A cold strict build at N = 400 (the project's caches removed before each build) against stock's, in
    the same run: at most 0.5 × (the median of the pairs' ratios)."""
    if 400 not in by_size:
        return _missing(400), None
    figures = by_size[400]
    ours, stock = figures["ours"], figures["stock"]
    if _failed(ours) or _failed(stock):
        return _failed(ours) or _failed(stock), False
    measured = (
        f"{figures['ratio']:.2f} × stock ({ours['wall_s']:.2f} s, {_runs(ours)}; stock {stock['wall_s']:.2f} s, "
        f"{_runs(stock)}; the median of the pairs' ratios)"
    )
    return measured, figures["ratio"] <= 0.5


def growth_row(by_size: dict, editor: dict | None) -> tuple[str, bool | None]:
    """Growth from N = 400 to N = 1,000: t(1,000) / t(400) at most 2.5 (wall; linear growth is 2.5)."""
    if 400 not in by_size or 1000 not in by_size:
        return _missing(400 if 400 not in by_size else 1000), None
    small, large = by_size[400], by_size[1000]
    if _failed(small["ours"]) or _failed(large["ours"]):
        return _failed(small["ours"]) or _failed(large["ours"]), False
    growth = large["ours"]["wall_s"] / small["ours"]["wall_s"]
    measured = (
        f"{growth:.2f} × ({large['ours']['wall_s']:.2f} s, {_runs(large['ours'])} / {small['ours']['wall_s']:.2f} s, "
        f"{_runs(small['ours'])}; CPU {large['ours']['cpu_s'] / small['ours']['cpu_s']:.2f} ×)"
    )
    if not _failed(large["stock"]) and not _failed(small["stock"]):
        measured += f"; stock {large['stock']['wall_s'] / small['stock']['wall_s']:.2f} ×"
    return measured, growth <= 2.5


def memory_row(by_size: dict, editor: dict | None) -> tuple[str, bool | None]:
    """Peak memory at N = 1,000, of the build's whole process tree: at most 500 MiB (the largest of the runs)."""
    if 1000 not in by_size:
        return _missing(1000), None
    ours, stock = by_size[1000]["ours"], by_size[1000]["stock"]
    if _failed(ours):
        return _failed(ours), False
    peak = max(sample["peak_mib"] for sample in ours["samples"])
    measured = f"{peak:.0f} MiB (the largest of {ours['runs']} builds)"
    if not _failed(stock):
        measured += f"; stock {max(sample['peak_mib'] for sample in stock['samples']):.0f} MiB"
    return measured, peak <= 500


def save_row(size: int, target_s: float) -> Callable[[dict, dict | None], tuple[str, bool | None]]:
    """A save of an article in `mkdocs serve` at N = `size`, until the rebuilt page is served: the median of
    the edits at most `target_s`."""

    def row(by_size: dict, editor: dict | None) -> tuple[str, bool | None]:
        serve = by_size.get(size, {}).get("serve")
        if serve is None:
            return _missing(size), None
        ours, stock = serve["ours"], serve.get("stock")
        if "error" in ours:
            return f"failed: {ours['error'][:200]}", False
        samples = ", ".join(f"{sample:.2f}" for sample in ours["edit_samples_s"])
        edits = len(ours["edit_samples_s"])
        measured = f"{ours['edit_s']:.2f} s ({'one edit' if edits == 1 else f'median of {edits} edits: {samples} s'})"
        if stock and "error" not in stock:
            measured += f"; stock {stock['edit_s']:.2f} s (one edit)"
        return measured, ours["edit_s"] <= target_s

    return row


def real_save_row(by_size: dict, editor: dict | None) -> tuple[str, bool | None]:
    """A save on the real site, until the page is served: in every state an editor meets, the median of its
    saves at most 1 s (editor_latency.py; given here by its slowest state)."""
    if not editor:
        return "not measured: BENCH_PARTS has no real", None
    slowest = max(editor["states"].values(), key=lambda figures: figures["median_s"])
    measured = (
        f"{slowest['median_s']:.2f} s ({slowest['what']}: the slowest of {len(editor['states'])} states, "
        f"median of {len(slowest['samples_s'])} saves)"
    )
    return measured, slowest["median_s"] <= editor["target_s"]


# The targets: issue 23's, and issue 12's build target, which issue 23 does not replace.
TARGET_ROWS = (
    ("issue 23: a save until the page is served, N = 400", "≤ 2 s", save_row(400, 2)),
    ("issue 23: a save until the page is served, N = 1,000", "≤ 3 s", save_row(1000, 3)),
    ("issue 23: a save until the page is served, real site", "≤ 1 s in every state", real_save_row),
    ("issue 23: cold strict build at N = 400", "≤ 0.5 × stock in the same run", stock_ratio_row),
    ("issue 23: growth from N = 400 to N = 1,000", "≤ 2.5 ×", growth_row),
    ("issue 23: peak memory at N = 1,000", "≤ 500 MiB (the build's process tree)", memory_row),
    ("issue 12: strict build at N = 400", "≤ 5 s wall, or ≤ 0.25 × stock", build_row),
)


def targets_table(results: dict) -> tuple[list[str], list[str]]:
    """Each target with what was measured and its verdict: met, NOT MET, or not measured in this run."""
    by_size = {figures["articles"]: figures for figures in results.get("sizes", [])}
    lines = ["| what | target | measured | verdict |", "| --- | --- | --- | --- |"]
    verdicts = []
    for what, target, row in TARGET_ROWS:
        measured, ok = row(by_size, results.get("editor"))
        mark = "not measured" if ok is None else ("met" if ok else "NOT MET")
        lines.append(f"| {what} | {target} | {measured} | {mark} |")
        verdicts.append(
            f"{what}: target {target}: {measured}"
            if ok is None
            else f"{what}: target {target}, measured {measured}: {mark}"
        )
    return lines, verdicts


def _side(side: dict) -> str:
    if "error" in side:
        return "failed | – | –"
    return f"{side['wall_s']:.2f} s | {side['cpu_s']:.2f} s | {side['peak_mib']:.0f} MiB"


def sizes_table(sizes: list[dict]) -> tuple[list[str], list[str]]:
    """Each size's builds, project and stock, and the checks of the project's site."""
    lines = [
        "| article pairs | pages (project / stock) | runs (project / stock) | project: wall | CPU | peak memory "
        "| stock: wall | CPU | peak memory | project ÷ stock | parity | link check |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    notes = []
    for figures in sizes:
        ours, stock = figures["ours"], figures["stock"]
        checks = figures.get("checks")
        lines.append(
            f"| {_n(figures['articles'])} | {ours.get('pages', '–')} / {stock.get('pages', '–')} "
            f"| {ours.get('runs', '–')} / {stock.get('runs', '–')} | {_side(ours)} | {_side(stock)} "
            + (f"| {figures['ratio']:.2f} × " if "ratio" in figures else "| – ")
            + (f"| {checks['parity_s']:.2f} s | {checks['links_s']:.2f} s |" if checks else "| – | – |")
        )
        for side in ("ours", "stock"):
            if "error" in figures[side]:
                notes.append(f"N = {_n(figures['articles'])}, {side}: {figures[side]['error']}")
                continue
            busy = [sample for sample in figures[side]["samples"] if sample["wall_s"] > BUSY * sample["cpu_s"]]
            if busy:
                notes.append(
                    f"N = {_n(figures['articles'])}, {'project' if side == 'ours' else 'stock'}: {len(busy)} of "
                    f"{len(figures[side]['samples'])} builds took more than {BUSY:.2f} × their CPU time in wall time: "
                    "other work shared the machine, and their wall times are too high"
                )
        if checks and (checks["parity_findings"] or checks["link_findings"]):
            notes.append(
                f"N = {_n(figures['articles'])}: the corpus has {checks['parity_findings']} parity findings and "
                f"{checks['link_findings']} link findings (expected: none)"
            )
    return lines, notes


def real_site_table(real: dict, editor: dict | None) -> tuple[list[str], list[str]]:
    """The real site's build and the editor's wait in each state, with their verdicts."""
    build = real["build"]
    lines = [
        "| real site | figure |",
        "| --- | ---: |",
        f"| strict build (wall / CPU / memory) | {build['wall_s']:.2f} s / {build['cpu_s']:.2f} s / {build['peak_mib']:.0f} MiB |",
    ]
    verdicts = [f"real site, strict build: {build['wall_s']:.2f} s (target: under 3 s): {verdict(build['wall_s'] < 3)}"]
    if editor:
        target = editor["target_s"]
        lines += [
            "",
            f"The editor's wait in `mkdocs serve`: seconds from a save to the browser showing the rebuilt page, as "
            f"MkDocs' livereload script reloads it (target: ≤ {target:g} s, the median of the saves, in every state), "
            "and its parts, from what the server logged meanwhile: until it noticed the save (it looks every quarter "
            "second), until it began to build (once nothing changed for a fiftieth of a second), the build, and from the "
            "build's end until the browser had the page; and the server's CPU seconds until then, which other work on "
            "the machine does not inflate. Medians of each save's figures.",
            "",
            "| state | saved → shown | each save | noticed | waited | build | shown after | server CPU |",
            "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for figures in editor["states"].values():
            samples = ", ".join(f"{sample:.2f}" for sample in figures["samples_s"])
            builds = [sample["builds"] for sample in figures["samples"]]
            note = "" if set(builds) == {1} else f" ({', '.join(map(str, builds))} builds)"
            # The log is read every few milliseconds: a part shorter than that may come out a little below 0.
            parts = " | ".join(
                f"{max(figures[f'median_{part}'], 0):.2f} s"
                for part in ("noticed_s", "waited_s", "build_s", "after_build_s")
            )
            lines.append(
                f"| {figures['what']} | {figures['median_s']:.2f} s | {samples} s{note} | {parts} | "
                f"{figures['median_cpu_s']:.2f} s |"
            )
            verdicts.append(
                f"editor's wait, {figures['what']}: {figures['median_s']:.2f} s (median of {len(figures['samples_s'])}; "
                f"target: ≤ {target:g} s): {verdict(figures['median_s'] <= target)}"
            )
    return lines, verdicts


def lighthouse_verdict(path: str, scores: dict) -> str:
    ok = (
        scores["accessibility"] == 100
        and scores["best-practices"] == 100
        and scores["seo"] == 100
        and scores["performance"] >= 98
    )
    return f"Lighthouse mobile {path}: {scores} (target: 100 / 100 / 100, performance ≥ 98): {verdict(ok)}"


def page_budget_verdict(all_pages: dict) -> str:
    """The heaviest page and the median, with everything they load but pictures, against the budget."""
    sizes = sorted((figures["bytes_gzip"], path) for path, figures in all_pages.items())
    heaviest, heaviest_path = sizes[-1]
    median = statistics.median(size for size, _ in sizes)
    return (
        f"every page with everything it loads, pictures aside (gzip; {len(sizes)} pages): heaviest {heaviest_path} "
        f"{heaviest / 1000:.1f} KB, median {median / 1000:.1f} KB (target: ≤ {PAGE_GZIP_TARGET // 1000} KB each): "
        f"{verdict(heaviest <= PAGE_GZIP_TARGET)}"
    )


def card_picture_verdicts(cards: dict) -> list[str]:
    """The largest picture an index card loads at 390 px, per device pixel ratio, against the budget."""
    if not cards:
        return ["index card pictures at 390 px: no card pictures on the site (target: ≤ 30 KB): not measured"]
    return [
        f"index card picture at 390 px, device pixel ratio {ratio}: {figures['file']} {figures['bytes'] / 1000:.1f} KB "
        f"(target: ≤ {CARD_PICTURE_TARGET // 1000} KB): {verdict(figures['bytes'] <= CARD_PICTURE_TARGET)}"
        for ratio, figures in sorted(cards.items())
    ]


def reader_table(reader: dict) -> tuple[list[str], list[str]]:
    """The readers' table (none if their pages were not measured), its verdicts, and what was skipped."""
    lines, verdicts = [], []
    if reader.get("pages"):
        lines += [
            "| page (phone) | transferred (gzip), pictures aside | pictures | requests | performance | accessibility "
            "| best practices | SEO | layout shift |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for path, figures in reader["pages"].items():
            scores = figures.get("lighthouse", {})
            shift = figures.get("layout_shift")
            lines.append(
                f"| `{path}` | {figures['bytes_gzip'] / 1000:.1f} KB | {figures.get('picture_bytes', 0) / 1000:.1f} KB "
                f"| {figures['requests']} | "
                + " | ".join(str(scores.get(name, "–")) for name in LIGHTHOUSE_CATEGORIES)
                + f" | {'–' if shift is None else f'{shift:.3f}'} |"
            )
            if scores:
                verdicts.append(lighthouse_verdict(path, scores))
            if shift is not None:
                verdicts.append(
                    f"layout shift {path}: {shift:.3f}, the largest of Lighthouse's runs (target: "
                    f"{LAYOUT_SHIFT_TARGET}): {verdict(shift <= LAYOUT_SHIFT_TARGET)}"
                )
    if reader.get("all_pages"):
        verdicts.append(page_budget_verdict(reader["all_pages"]))
    if "card_pictures" in reader:
        verdicts += card_picture_verdicts(reader["card_pictures"])
    if reader.get("map"):
        size = reader["map"]
        measured = f"{size['bytes'] / 1024:.1f} KiB, {size['bytes_gzip'] / 1024:.1f} KiB with gzip"
        lines += ["", f"The partnership map's SVG (inline in its page): {measured}."]
        verdicts.append(
            f"partnership map SVG: {measured} (target: ≤ {MAP_GZIP_TARGET // 1000} KB with gzip): "
            f"{verdict(size['bytes_gzip'] <= MAP_GZIP_TARGET)}"
        )
    verdicts += [reader[key] for key in ("skipped", "lighthouse_skipped") if key in reader]
    return lines, verdicts


def scale_section(results: dict) -> tuple[list[str], list[str]]:
    """The scale table and each size's figures, with what they are."""
    size_lines, notes = sizes_table(results["sizes"])
    lines = [
        f"A generated publication of N article pairs (about 1,200 words each) and {results['sizes'][0]['partnerships']} "
        "partnerships, built strictly by the project and, in turn in the same run, as the same pages by MkDocs + "
        "Material + mkdocs-static-i18n alone (stock: no hooks, no theme overrides, the articles in the automatic "
        "navigation, the i18n plugin's search; data markers stay HTML comments). Wall and CPU seconds are medians; "
        "memory is the peak of the build's process tree. Every build of the project is cold: its caches are removed "
        "before it.",
        "",
        *size_lines,
    ]
    if results.get("source") and Path(results["source"]) != ROOT:
        notes.insert(0, f"The generated publication's configuration, hooks and theme come from {results['source']}.")
    if notes:
        lines += ["", *(f"- {note}" for note in notes)]
    return lines, notes


def report(results: dict) -> tuple[str, list[str]]:
    """The Markdown tables, and one line per target with its verdict."""
    load = ", ".join(f"{part} {value:.1f}" for part, value in results.get("load_at_start", {}).items())
    lines = [
        f"Checkout: {results.get('checkout', 'unknown')}. "
        f"Machine: {results['machine']}. Up to {results['runs']} runs each (see each row). "
        f"Load average (1 min) as each part began: {load or 'not recorded'}; wall time well above CPU time "
        "means other work shared the machine."
    ]
    sections = []
    if results.get("sizes") or "editor" in results:
        sections.append(targets_table(results))
    if results.get("sizes"):
        sections.append(scale_section(results))
    if "real_site" in results:
        sections.append(real_site_table(results["real_site"], results.get("editor")))
    if "parity" in results:
        summary = parity_summary(results["parity"])
        sections.append(([f"- {line}" for line in summary], summary))
    if "reader" in results:
        sections.append(reader_table(results["reader"]))
    verdicts = []
    for table_lines, table_verdicts in sections:
        if table_lines:
            lines += ["", *table_lines]
        verdicts += table_verdicts
    return "\n".join(lines) + "\n", verdicts


def write_results(results: dict, table: str) -> None:
    """Every figure in latest.json, the tables in latest.md."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(table, encoding="utf-8")
