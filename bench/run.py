"""Measure duk on a generated 100,000-visit, 10-year folder (issue 2, item 6).

    python3 bench/run.py [--dir /tmp/duk-bench-100k] [--visits 100000] [--years 10] [--repeat 3]

Generates the folder with bench/generate.py when it is absent, then times:
  1. a plain pass of yaml.load(CSafeLoader) over every .yaml file of the folder (the baseline);
  2. cold `duk check` (the cache .duk/ deleted first);
  3. warm `duk check` (best of --repeat runs, the cache in place);
  4. warm `duk quota --year 2019 --format json` (best of --repeat), when `duk quota` exists.
Each duk run is a fresh `python3 -m dukcli --data DIR …` subprocess, so start-up and imports
count, as a clerk would feel them. Prints a table and the ratio warm check / plain pass
(target: under 0.2); the same figures go to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent


def yaml_files(root: Path) -> list[Path]:
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out.extend(Path(folder, f) for f in files if f.endswith((".yaml", ".yml")))
    return out


def plain_pass(root: Path) -> tuple[float, int]:
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        sys.exit("PyYAML has no libyaml here (yaml.CSafeLoader missing): the baseline would be meaningless")
    started = time.perf_counter()
    files = yaml_files(root)
    for path in files:
        with open(path, "rb") as fh:
            yaml.load(fh.read(), Loader=loader)
    return time.perf_counter() - started, len(files)


def duk(root: Path, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("DUK_TODAY", None)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "dukcli", "--data", str(root), *args],
                          cwd=REPO, env=env, capture_output=True, text=True)
    return time.perf_counter() - started, done


def best(root: Path, repeat: int, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    runs = [duk(root, *args) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


def outcome(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    tail = (done.stderr.strip().splitlines() or [""])[-1]
    return f"exit {done.returncode}, {len(lines)} stdout lines; {tail[:70]}"


def has_command(root: Path, name: str) -> bool:
    _, done = duk(root, name, "--help")
    return done.returncode == 0


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="Benchmark duk on a generated folder.")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/duk-bench-100k"))
    ap.add_argument("--visits", type=int, default=100_000)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each warm measure; the best counts")
    args = ap.parse_args(argv)
    root = args.dir

    if not (root / "duk.yaml").exists():
        print(f"generating {args.visits} visits over {args.years} years in {root} …", flush=True)
        subprocess.run([sys.executable, str(BENCH / "generate.py"), str(args.visits), str(args.years),
                        str(root), "--force"], check=True)

    results: dict = {"dir": str(root)}
    plain, n_files = plain_pass(root)
    results["files"] = n_files
    results["plain_pass_s"] = plain
    print(f"plain CSafeLoader pass over {n_files} files: {plain:8.2f} s", flush=True)

    shutil.rmtree(root / ".duk", ignore_errors=True)
    cold, done = duk(root, "check")
    results["cold_check_s"] = cold
    print(f"cold duk check:                        {cold:8.2f} s   ({outcome(done)})", flush=True)

    warm, done = best(root, args.repeat, "check")
    results["warm_check_s"] = warm
    print(f"warm duk check (best of {args.repeat}):            {warm:8.2f} s   ({outcome(done)})", flush=True)

    if has_command(root, "quota"):
        quota, done = best(root, args.repeat, "quota", "--year", "2019", "--format", "json")
        results["warm_quota_s"] = quota
        print(f"warm duk quota --year 2019 (best of {args.repeat}): {quota:8.2f} s   ({outcome(done)})", flush=True)
    else:
        print("duk quota: not available yet, skipped")

    start_up, _ = best(root, args.repeat, "--help")
    results["startup_s"] = start_up
    print(f"python3 -m dukcli --help (start-up):   {start_up:8.2f} s")

    ratio = warm / plain
    results["ratio_warm_check_over_plain"] = ratio
    verdict = "met" if ratio < 0.2 else "NOT met"
    print(f"\nwarm check / plain pass = {ratio:.3f}  (target < 0.2: {verdict})")
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
