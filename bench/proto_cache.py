"""Prototype of the warm load suggested in bench/README.md (not used by duk).

    python3 bench/proto_cache.py /tmp/duk-bench-100k     (after one `duk check` made .duk/)

Builds a slim cache (plain tuples, no note texts) from the current .duk/cache.pickle, then
times three warm loads that use it: a string-only scandir walk with stat, unpickling with
the GC off, Visit records from the tuples, Dataset.build and validate.
"""

import datetime as dt
import gc
import os
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dukcli import model as m  # noqa: E402
from dukcli.rules import validate  # noqa: E402
from dukcli.store.cache import Cache  # noqa: E402

LISTS = ("units.yaml", "people.yaml", "assignments.yaml", "submissions.yaml")


def slim_cache(root: Path, target: Path) -> None:
    entries = {}
    for rel, (key, (val, diags)) in Cache(root).entries.items():
        if isinstance(val, m.Visit):
            lines = val.lines
            val = (val.person, val.unit, val.date.toordinal(), val.work is not None, val.meeting is not None,
                   val.rating, val.line, lines.get("person"), lines.get("unit"), lines.get("date"))
        entries[rel] = (key, val, diags)
    with open(target, "wb") as fh:
        pickle.dump(entries, fh, protocol=pickle.HIGHEST_PROTOCOL)


def scan(top: str) -> list:
    out = []
    stack = [("visits/", os.path.join(top, "visits"))]
    while stack:
        rel, path = stack.pop()
        with os.scandir(path) as it:
            for e in it:
                if e.name[0] == ".":
                    continue
                if e.is_dir(follow_symlinks=False):
                    stack.append((rel + e.name + "/", e.path))
                elif e.name.endswith((".yaml", ".yml")):
                    st = e.stat()
                    out.append((rel + e.name, (st.st_size, st.st_mtime_ns, st.st_ino)))
    return out


def warm_load(root: Path, cache_file: Path) -> str:
    t1 = time.perf_counter()
    files = scan(str(root))
    t2 = time.perf_counter()
    gc.disable()
    with open(cache_file, "rb") as fh:
        entries = pickle.load(fh)
    t3 = time.perf_counter()
    visits = []
    day = dt.date.fromordinal
    for rel, key in files:
        entry = entries.get(rel)
        if entry is None or entry[0] != key:
            raise SystemExit(f"cache miss: {rel}")
        p, u, d, w, mt, r, line, lp, lu, ld = entry[1]
        visits.append(m.Visit(p, u, day(d), {} if w else None, {} if mt else None, r, rel, line,
                              {"person": lp, "unit": lu, "date": ld}))
    gc.enable()
    t4 = time.perf_counter()
    lists = [entries[name][1] for name in LISTS]
    ds = m.Dataset.build(entries["duk.yaml"][1], lists[0], lists[1], lists[2], visits, lists[3])
    t5 = time.perf_counter()
    diags = validate.validate(ds, dt.date.today())
    t6 = time.perf_counter()
    return (f"scan {t2 - t1:.2f}  unpickle {t3 - t2:.2f}  records {t4 - t3:.2f}  build {t5 - t4:.2f}  "
            f"validate {t6 - t5:.2f}  total {t6 - t1:.2f} s  ({len(diags)} diagnostics)")


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/duk-bench-100k")
    target = root / ".duk" / "slim-proto.pickle"
    slim_cache(root, target)
    print(f"slim cache: {os.path.getsize(target) / 1e6:.1f} MB")
    for _ in range(3):
        print(warm_load(root, target))
    target.unlink()


if __name__ == "__main__":
    main()
