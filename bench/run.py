"""Measure duk against SPEC §9 on generated 10-year folders (issue "speed at a province's scale").

    python3 bench/run.py                       # 100,000 visits in /root/bench/100k (made if absent)
    python3 bench/run.py --visits 1000000 --dir /root/bench/1m --repeat 3
    python3 bench/run.py --only quota,visits   # some measures only

The folder is generated once with bench/generate.py and reused. A second folder holding only
the measured year (its lists, submissions and that year's visits, hard-linked) is made next to
it, for the "same time as on a folder of that year alone" figure.

Each figure is the median of --repeat fresh `python3 -m dukcli …` processes (start-up and
imports count, as a clerk feels them), with the peak memory (max RSS) of the slowest run, and
is printed as a ratio to the plain pass measured in the same run:
- plain: `yaml.load(CSafeLoader)` over every file of the folder, and over the year's files
  alone, on one core — the least any tool that reads the files must spend (the faster of two
  passes: both sides then read from the page cache);
- warm: quota, visits, report, status, scorecard, agenda for one year (index in place);
- summary for a quarter and a year, and report --all for the year (Word documents);
- log-visit (flags, one new file; the folder is not a git repository, so no commit) and the
  quota right after it;
- cold check (.duk/ deleted first) and warm check.
The table is printed in Markdown (for bench/README.md) and written to bench/out/<name>.json.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
YEAR = 2019


def yaml_files(root: Path, under: str = "") -> list[Path]:
    out = []
    for folder, dirs, files in os.walk(root / under if under else root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(folder, f) for f in sorted(files) if f.endswith(".yaml"))
    return out


def plain_pass(files: list[Path]) -> float:
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        sys.exit("PyYAML has no libyaml here (yaml.CSafeLoader missing): the baseline would be meaningless")
    started = time.perf_counter()
    for path in files:
        with open(path, "rb") as fh:
            yaml.load(fh.read(), Loader=loader)
    return time.perf_counter() - started


def find_and_stat(root: Path) -> float:
    started = time.perf_counter()
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            os.lstat(os.path.join(folder, f))
    return time.perf_counter() - started


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    """One untimed run (to warm the index for a period)."""
    return _timed_child(root, *args)[2]


def measure(root: Path, repeat: int, *args: str, before=None) -> dict:
    times, peaks, last = [], [], None
    for _ in range(repeat):
        if before is not None:
            before()
        seconds, peak, last = _timed_child(root, *args)
        times.append(seconds)
        peaks.append(peak)
    if last.returncode != 0:
        tail = (last.stderr.strip().splitlines() or [""])[-1]
        print(f"  ! `duk {' '.join(args)}` exit {last.returncode}: {tail[:120]}", file=sys.stderr)
    return {"s": statistics.median(times), "mb": max(peaks), "exit": last.returncode}


def _timed_child(root: Path, *args: str) -> tuple[float, int, subprocess.CompletedProcess]:
    """One run, its time and its own peak memory in MB.

    The peak comes from GNU time between this process and duk: Linux keeps a process's peak
    RSS across exec, so a child forked straight from this (large) process would report this
    process's size; `time` is small, and what it reports is duk's own."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               COLUMNS="200")
    env.pop("DUK_TODAY", None)
    command = [sys.executable, "-m", "dukcli", "--data", str(root), *args]
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp, "peak")
        if TIME:
            command = [TIME, "-f", "%M", "-o", str(peak_file), *command]
        # stdout into a file, as `duk agenda -f json > agenda.json` writes it: a pipe read into
        # this process's memory made a 130 MB answer wait on the reader, not on duk.
        with open(Path(tmp, "stdout"), "wb") as out:
            started = time.perf_counter()
            done = subprocess.run(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.PIPE)
            seconds = time.perf_counter() - started
        peak = int(peak_file.read_text().split()[-1]) // 1024 if TIME and peak_file.exists() else -1
        text = Path(tmp, "stdout").read_bytes().decode("utf-8", "replace")
    return seconds, peak, subprocess.CompletedProcess(done.args, done.returncode, text,
                                                      done.stderr.decode("utf-8", "replace"))


TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def year_only(root: Path, year: int) -> Path:
    """A folder with root's lists and submissions and only that year's visits (hard links)."""
    dest = root.with_name(f"{root.name}-{year}-only")
    if (dest / "duk.yaml").exists():
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir()
    for name in ("duk.yaml", "units.yaml", "people.yaml", "assignments.yaml", "submissions.yaml", ".gitignore"):
        if (root / name).exists():
            os.link(root / name, dest / name)
    if (root / "submissions").is_dir():
        shutil.copytree(root / "submissions", dest / "submissions", copy_function=os.link)
    shutil.copytree(root / "visits" / str(year), dest / "visits" / str(year), copy_function=os.link)
    return dest


def first_person(root: Path) -> str:
    text = (root / "people.yaml").read_text(encoding="utf-8")
    return text.split("id:", 1)[1].split("\n", 1)[0].strip()


def a_visit_of(root: Path, year: int) -> tuple[str, str]:
    """(person, unit) of a real visit of the year, to log another one like it."""
    month = root / "visits" / str(year) / "06"
    doc = yaml.load(next(month.iterdir()).read_bytes(), Loader=yaml.CSafeLoader)
    return doc["person"], doc["unit"]


HEAVY = ("summary-q", "summary-y", "report-all", "report-all-y")  # Word documents: one run each, no year-alone twin
MEASURES = ["quota", "visits", "report", "status", "scorecard", "agenda", "summary-q", "summary-y",
            "report-all", "report-all-y", "log-visit", "quota-after", "check-cold", "check-warm"]


def commands(root: Path, year: int, out_dir: Path) -> dict[str, tuple]:
    person = first_person(root)
    return {
        "quota": ("quota", "-p", str(year), "--as-of", f"{year}-12-31", "--format", "json"),
        "visits": ("visits", "-p", str(year), "--format", "json"),
        "report": ("report", "--person", person, "-p", f"{year}Q2", "-o", str(out_dir / "r.docx"), "--force"),
        "status": ("status", "-p", f"{year}Q4", "--as-of", f"{year + 1}-01-20", "--format", "json"),
        "scorecard": ("scorecard", "-y", str(year), "--as-of", f"{year + 1}-01-20", "--format", "json"),
        "agenda": ("agenda", "--as-of", f"{year}-06-10", "--format", "json"),
        "summary-q": ("summary", "-p", f"{year}Q2", "-o", str(out_dir / "sq.docx"), "--force"),
        "summary-y": ("summary", "-p", str(year), "--as-of", f"{year}-12-31", "-o", str(out_dir / "sy.docx"), "--force"),
        "report-all": ("report", "--all", "-p", f"{year}Q2", "--out-dir", str(out_dir / "all"), "--force"),
        # SPEC §9: summary for a year at most twice report --all for that year
        "report-all-y": ("report", "--all", "-p", str(year), "--out-dir", str(out_dir / "all-y"), "--force"),
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="Benchmark duk against SPEC §9.")
    ap.add_argument("--dir", type=Path, default=Path("/root/bench/100k"))
    ap.add_argument("--visits", type=int, default=100_000)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measure; the median counts")
    ap.add_argument("--only", default="", help="comma-separated measures: " + ",".join(MEASURES))
    args = ap.parse_args(argv)
    root = args.dir.resolve()
    wanted = [w for w in args.only.split(",") if w] or MEASURES
    if not (root / "duk.yaml").exists():
        print(f"generating {args.visits} visits over {args.years} years in {root} …", flush=True)
        subprocess.run([sys.executable, str(BENCH / "generate.py"), str(args.visits), str(args.years),
                        str(root), "--force"], check=True)
    alone = year_only(root, YEAR)
    # duk's byte code, written once as `pip install` does: with PYTHONDONTWRITEBYTECODE set (as on
    # this project's machines) every run would otherwise compile its modules again (0.1 s).
    compileall.compile_dir(str(REPO / "dukcli"), quiet=1)
    out_dir = Path(tempfile.mkdtemp(prefix="duk-bench-"))
    results: dict = {"dir": str(root), "year": YEAR, "repeat": args.repeat, "rows": {}}

    every = yaml_files(root)
    year_files = yaml_files(root, f"visits/{YEAR}")
    # Twice each, the faster counting: the first pass may read from the disk, every duk run
    # after it reads from the page cache. The whole folder's pass only when check is measured.
    plain_year = min(plain_pass(year_files), plain_pass(year_files))
    plain_all = min(plain_pass(every), plain_pass(every)) if any(w.startswith("check") for w in wanted) else 0.0
    results.update(files=len(every), year_files=len(year_files), plain_all_s=plain_all, plain_year_s=plain_year,
                   find_stat_s=find_and_stat(root))
    print(f"{len(every)} files; plain pass {plain_all:.2f} s; the {YEAR} files alone ({len(year_files)}) "
          f"{plain_year:.2f} s; find+stat {results['find_stat_s']:.2f} s", flush=True)

    table = commands(root, YEAR, out_dir)
    for name in wanted:
        row = None
        if name in table:
            heavy = name in HEAVY
            run(root, *table[name])  # warm the index for this period first
            row = measure(root, 1 if heavy else args.repeat, *table[name])
            if not heavy:
                alone_table = commands(alone, YEAR, out_dir)
                run(alone, *alone_table[name])
                row["alone_s"] = measure(alone, args.repeat, *alone_table[name])["s"]
        elif name == "log-visit":
            row = _log_visit(root, args.repeat)
        elif name == "quota-after":
            row = _quota_after(root, args.repeat, table["quota"])
        elif name == "check-cold":
            row = measure(root, 1, "check", before=lambda: shutil.rmtree(root / ".duk", ignore_errors=True))
        elif name == "check-warm":
            run(root, "check")
            row = measure(root, args.repeat, "check")
        if row is None:
            continue
        base = plain_all if name.startswith("check") else plain_year
        row["ratio"] = row["s"] / base
        results["rows"][name] = row
        alone_text = f", alone {row['alone_s']:.2f} s" if "alone_s" in row else ""
        print(f"{name:12} {row['s']:7.2f} s  {row['mb']:5d} MB  ratio {row['ratio']:.3f}{alone_text}", flush=True)

    shutil.rmtree(out_dir, ignore_errors=True)
    print()
    print(markdown(results))
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    (out / f"{root.name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


_LOGGED: list[Path] = []


def _log_visit(root: Path, repeat: int) -> dict:
    """log-visit of a new visit on days of December 2025 (the newest month), removed after."""
    person, unit = a_visit_of(root, YEAR)
    times, peaks = [], []
    for day in range(1, repeat + 1):
        args = ("log-visit", "--person", person, "--unit", unit, "--date", f"2025-12-{day:02d}",
                "--work", "--situation", "Đo hiệu năng.", "--no-commit")
        month = Path(root, "visits", "2025", "12")
        before = set(month.iterdir())
        seconds, peak, done = _timed_child(root, *args)
        if done.returncode != 0:
            print(f"  ! log-visit exit {done.returncode}: {done.stderr.strip()[-200:]}", file=sys.stderr)
        times.append(seconds)
        peaks.append(peak)
        _LOGGED.extend(set(month.iterdir()) - before)  # only the file log-visit wrote
        _remove_logged()
    return {"s": statistics.median(times), "mb": max(peaks), "exit": 0}


def _remove_logged() -> None:
    for path in _LOGGED:
        path.unlink(missing_ok=True)
    _LOGGED.clear()


def _quota_after(root: Path, repeat: int, quota_args: tuple) -> dict:
    """The first quota after one new visit file written by log-visit."""
    person, unit = a_visit_of(root, YEAR)
    times, peaks = [], []
    for day in range(1, repeat + 1):
        run(root, *quota_args)
        month = Path(root, "visits", str(YEAR), "12")
        before = set(month.iterdir())
        _timed_child(root, "log-visit", "--person", person, "--unit", unit, "--date", f"{YEAR}-12-{day:02d}",
                     "--work", "--situation", "Đo hiệu năng.", "--no-commit")
        _LOGGED.extend(set(month.iterdir()) - before)  # only the file log-visit wrote
        seconds, peak, _ = _timed_child(root, *quota_args)
        times.append(seconds)
        peaks.append(peak)
        _remove_logged()
    return {"s": statistics.median(times), "mb": max(peaks), "exit": 0}


def markdown(results: dict) -> str:
    lines = [f"{results['files']:,} files; plain pass {results['plain_all_s']:.1f} s "
             f"({results['year_files']:,} files of {results['year']}: {results['plain_year_s']:.2f} s); "
             f"find+stat {results['find_stat_s']:.2f} s",
             "", "| measure | seconds | MB | × plain pass | alone |", "|---|---|---|---|---|"]
    for name, row in results["rows"].items():
        alone = f"{row['alone_s']:.2f} s" if "alone_s" in row else ""
        base = "all" if name.startswith("check") else "year"
        lines.append(f"| {name} | {row['s']:.2f} | {row['mb']} | {row['ratio']:.3f} ({base}) | {alone} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
