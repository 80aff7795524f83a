"""Generate a large, valid data folder for the benchmark.

    python3 bench/generate.py N_VISITS YEARS OUT_DIR [--end-year 2025] [--seed 1] [--force]

    e.g. python3 bench/generate.py 100000 10 /tmp/duk-bench-100k   (2016–2025)

About 60 units (a third of them đảng bộ cơ sở with chi bộ trực thuộc, the rest chi bộ cơ sở),
40 people (6 Standing Committee members, 34 specialists) — more of both when the visits asked
for would not fit (one visit a day per person and unit: a million visits over ten years
takes about 280 units and 300 people, a province's size) —, assignments rotated every three
years (Nghị quyết / Thông báo of each term), N_VISITS visits spread evenly over the months,
each one counting for an assignment, with notes of realistic length, and the quarterly
submissions. `duk check` finds no error and no warning in it. Files are written with plain
string formatting (not yaml.dump) so that 100,000 visits take seconds, not minutes.
Development tooling only: the package never imports it.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from phrases import UNIT_TOPICS, Notes  # noqa: E402

OFFICES = list(UNIT_TOPICS) + [
    "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Thông tin và Truyền thông",
    "Sở Khoa học và Công nghệ", "Sở Ngoại vụ", "Thanh tra tỉnh", "Ban Dân tộc tỉnh",
    "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
    "Bảo hiểm xã hội tỉnh", "Ngân hàng Nhà nước Chi nhánh tỉnh", "Cục Thống kê tỉnh",
    "Đài Phát thanh và Truyền hình tỉnh", "Báo Hòa Bình", "Trường Chính trị tỉnh",
    "Liên minh Hợp tác xã tỉnh", "Bệnh viện Đa khoa tỉnh", "Trường Cao đẳng Sư phạm Hòa Bình",
    "Cục Quản lý thị trường tỉnh", "Quỹ Đầu tư phát triển tỉnh", "Ngân hàng Chính sách xã hội Chi nhánh tỉnh",
    "Chi cục Kiểm lâm", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Trung tâm Y tế thành phố",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Bùi", "Đinh", "Quách", "Xa", "Đặng", "Vũ", "Đỗ", "Hà", "Ngô"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Hữu", "Ngọc", "Thanh", "Đức", "Hồng", "Quang"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hà", "Hạnh", "Hùng", "Khải", "Lan", "Linh", "Long",
         "Mai", "Nam", "Nga", "Oanh", "Phương", "Quân", "Sơn", "Tâm", "Thắng", "Thủy", "Trang", "Tuấn",
         "Uyên", "Việt", "Yến", "Huyền", "Khánh"]
N_UNITS = 60
N_PHU_TRACH = 6
N_PEOPLE = 40
TERM_YEARS = 3
# Visits a unit can take in a month and keep every visit distinct (person, unit, day): its two
# people on about 30 days, with the chi bộ trực thuộc of a đảng bộ as extra places. Asking for
# no more than half of that leaves the random spread room.
VISITS_PER_UNIT_MONTH = 30


def sizes(n_visits: int, months: int) -> tuple[int, int, int]:
    """(units, people, Standing Committee members) for n_visits over months."""
    units = max(N_UNITS, -(-n_visits // (months * VISITS_PER_UNIT_MONTH)))
    people = N_PEOPLE if units == N_UNITS else units + 20
    return units, people, max(N_PHU_TRACH, people // 7)

_ASCII = str.maketrans("àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ",
                       "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd")


def slug(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", text).lower().translate(_ASCII)
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in text)
    return "-".join(part for part in out.split("-") if part)[:60].strip("-")


def q(text: str) -> str:
    """A YAML scalar: JSON strings are valid YAML double-quoted scalars."""
    return json.dumps(text, ensure_ascii=False)


def block(key: str, text: str, indent: str) -> str:
    if "\n" in text:
        body = "\n".join(indent + "  " + line for line in text.split("\n"))
        return f"{indent}{key}: |\n{body}\n"
    return f"{indent}{key}: {q(text)}\n"


class Folder:
    def __init__(self, out: Path, n_visits: int, first_year: int, last_year: int, seed: int):
        self.out = out
        self.n_visits = n_visits
        self.first = first_year
        self.last = last_year
        self.rng = random.Random(seed)
        self.notes = Notes(self.rng)
        self.units: list[dict] = []
        self.people: list[dict] = []
        self.assignments: list[dict] = []
        months = (last_year - first_year + 1) * 12
        self.n_units, self.n_people, self.n_phu_trach = sizes(n_visits, months)

    # --- lists ---------------------------------------------------------------------------

    def make_units(self) -> None:
        n_db = self.n_units * 8 // N_UNITS  # đảng bộ cơ sở, with twice as many chi bộ trực thuộc
        n_tt = 2 * n_db
        n_cb = self.n_units - n_db - n_tt
        offices = OFFICES + [f"Cơ quan số {i}" for i in range(len(OFFICES) + 1, self.n_units + 1)]
        for i in range(n_db + n_cb):
            office = offices[i]
            kind = "dang-bo-co-so" if i < n_db else "chi-bo-co-so"
            prefix = "Đảng bộ " if i < n_db else "Chi bộ "
            self.units.append({"id": ("db-" if i < n_db else "cb-") + slug(office), "name": prefix + office,
                               "type": kind, "office": office, "meeting-day": self.rng.randint(3, 20),
                               "members": self.rng.randint(70, 160) if i < n_db else self.rng.randint(15, 50)})
        rooms = ["Văn phòng", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch – Tài chính", "Phòng Nghiệp vụ"]
        for j in range(n_tt):
            parent = self.units[j % n_db]
            room = rooms[j // n_db % len(rooms)]
            self.units.append({"id": "cb-" + slug(room + " " + parent["office"]),
                               "name": f"Chi bộ {room} {parent['office']}", "type": "chi-bo-truc-thuoc",
                               "parent": parent["id"], "office": parent["office"],
                               "meeting-day": self.rng.randint(3, 20), "members": self.rng.randint(8, 30)})
        assert len({u["id"] for u in self.units}) == len(self.units), "unit ids must be unique"
        self.counted = [u for u in self.units if u["type"] != "chi-bo-truc-thuoc"]
        self.children = {}
        for u in self.units:
            if u.get("parent"):
                self.children.setdefault(u["parent"], []).append(u)

    def make_people(self) -> None:
        seen = set()
        while len(self.people) < self.n_people:
            given = self.rng.choice(GIVEN)
            middle = "Thị" if given in ("Dung", "Hạnh", "Lan", "Mai", "Nga", "Oanh", "Thủy", "Trang", "Uyên",
                                        "Yến", "Huyền") and self.rng.random() < 0.6 else self.rng.choice(MIDDLE)
            name = f"{self.rng.choice(FAMILY)} {middle} {given}"
            pid = slug(name)
            if pid in seen:
                continue
            seen.add(pid)
            phu_trach = len(self.people) < self.n_phu_trach
            self.people.append({"id": pid, "name": name,
                                "position": "Ủy viên Ban Thường vụ Đảng ủy Khối" if phu_trach else "Chuyên viên",
                                "department": self.rng.choice(["Ban Tổ chức", "Ban Tuyên giáo", "Ủy ban Kiểm tra",
                                                               "Văn phòng"]) + " Đảng ủy Khối",
                                "role": "phu-trach" if phu_trach else "theo-doi"})

    def terms(self) -> list[tuple[dt.date, dt.date | None, int]]:
        out = []
        year = self.first
        n = 0
        while year <= self.last:
            end_year = year + TERM_YEARS - 1
            end = dt.date(end_year, 12, 31) if end_year < self.last else None
            out.append((dt.date(year, 1, 1), end, n))
            year += TERM_YEARS
            n += 1
        return out

    def make_assignments(self) -> None:
        """Every counted unit has one theo-doi and one phu-trach person in every term."""
        for start, end, n in self.terms():
            for role, basis in (("phu-trach", f"Nghị quyết số {10 + n}-NQ/ĐUK ngày {start:%d/%m/%Y}"),
                                ("theo-doi", f"Thông báo số {80 + n}-TB/ĐUK ngày {start:%d/%m/%Y}")):
                people = [p for p in self.people if p["role"] == role]
                units = self.counted[:]
                self.rng.shuffle(units)
                share: dict[str, list[str]] = {p["id"]: [] for p in people}
                for i, u in enumerate(units):
                    share[people[i % len(people)]["id"]].append(u["id"])
                for pid, uids in share.items():
                    if uids:
                        self.assignments.append({"person": pid, "role": role, "units": uids, "from": start,
                                                 "to": end, "basis": basis})

    # --- visits --------------------------------------------------------------------------

    def months(self) -> list[tuple[int, int]]:
        return [(y, mo) for y in range(self.first, self.last + 1) for mo in range(1, 13)]

    def pairs_on(self, day: dt.date) -> list[tuple[str, str, str]]:
        out = []
        for a in self.assignments:
            if a["from"] <= day and (a["to"] is None or day <= a["to"]):
                out.extend((a["person"], uid, a["role"]) for uid in a["units"])
        return out

    def visits(self):
        """(person, unit dict, date) for every visit, month by month."""
        months = self.months()
        by_id = {u["id"]: u for u in self.units}
        base, extra = divmod(self.n_visits, len(months))
        for i, (year, month) in enumerate(months):
            want = base + (1 if i < extra else 0)
            pairs = self.pairs_on(dt.date(year, month, 15))
            weights = [3 if role == "theo-doi" else 1 for _, _, role in pairs]
            total = sum(weights)
            last = calendar.monthrange(year, month)[1]
            shares = [want * w // total for w in weights]
            for j in range(want - sum(shares)):  # the rounding remainder, one more each
                shares[j % len(shares)] += 1
            carry = 0  # what a pair could not take (too few free days) goes to the next one
            for (person, uid, _), k in zip(pairs, shares):
                k += carry
                places = [by_id[uid]] + self.children.get(uid, [])
                slots = [(d, u) for d in range(1, last + 1) for u in places]
                take = min(k, len(slots))
                carry = k - take
                for d, u in self.rng.sample(slots, take):
                    yield person, u, dt.date(year, month, d)

    def visit_text(self, person: str, unit: dict, day: dt.date) -> str:
        r = self.rng
        ctx = self.notes.context(unit["name"], unit["office"], unit["members"], day.month)
        kind = r.random()
        parts = [f"person: {person}\nunit: {unit['id']}\ndate: {day.isoformat()}\n"]
        if kind < 0.4:
            parts.append("work:\n")
            for key, text in self.notes.work(ctx).items():
                parts.append(block(key, text, "  "))
        if kind >= 0.25:
            rating = r.choices(("tot", "kha", "trung-binh", "kem", None), (44, 38, 8, 2, 8))[0]
            parts.append("meeting:\n")
            for key, text in self.notes.meeting(ctx, rating).items():
                parts.append(block(key, text, "  "))
            if rating:
                parts.append(f"  rating: {rating}\n")
        return "".join(parts)

    # --- writing -------------------------------------------------------------------------

    def write(self) -> int:
        out = self.out
        out.mkdir(parents=True, exist_ok=True)
        (out / "duk.yaml").write_text(
            "# Thư mục dữ liệu sinh tự động để đo hiệu năng (bench/generate.py).\n"
            "organization:\n  parent: ĐẢNG BỘ TỈNH HÒA BÌNH\n  name: ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n"
            "  short: ĐUK\n  place: Hòa Bình\n"
            "regulation: Quy định số 08-QĐ/ĐUK ngày 25/4/2019 của Ban Thường vụ Đảng ủy Khối\n",
            encoding="utf-8")
        (out / ".gitignore").write_text(".duk/\n", encoding="utf-8")
        self.write_lists()
        seen = set()
        written = 0
        made = set()
        for person, unit, day in self.visits():
            key = (person, unit["id"], day)
            if key in seen:  # never a duplicate-visit warning
                continue
            seen.add(key)
            folder = out / "visits" / f"{day.year}" / f"{day.month:02d}"
            if folder not in made:
                folder.mkdir(parents=True, exist_ok=True)
                made.add(folder)
            name = f"{day.isoformat()}-{person}-{unit['id']}.yaml"
            with open(folder / name, "w", encoding="utf-8") as fh:
                fh.write(self.visit_text(person, unit, day))
            written += 1
        return written

    def write_lists(self) -> None:
        out = self.out
        lines = []
        for u in self.units:
            lines.append(f"- id: {u['id']}\n  name: {q(u['name'])}\n  type: {u['type']}\n")
            if u.get("parent"):
                lines.append(f"  parent: {u['parent']}\n")
            lines.append(f"  meeting-day: {u['meeting-day']}\n")
        (out / "units.yaml").write_text("".join(lines), encoding="utf-8")
        lines = [f"- id: {p['id']}\n  name: {q(p['name'])}\n  position: {q(p['position'])}\n"
                 f"  department: {q(p['department'])}\n" for p in self.people]
        (out / "people.yaml").write_text("".join(lines), encoding="utf-8")
        lines = []
        for a in self.assignments:
            to = a["to"].isoformat() if a["to"] else "null"
            lines.append(f"- person: {a['person']}\n  role: {a['role']}\n  units: [{', '.join(a['units'])}]\n"
                         f"  from: {a['from'].isoformat()}\n  to: {to}\n  basis: {q(a['basis'])}\n")
        (out / "assignments.yaml").write_text("".join(lines), encoding="utf-8")
        lines = []
        for year in range(self.first, self.last + 1):
            for quarter in range(1, 5):
                due = dt.date(year, quarter * 3, 30)
                for p in self.people:
                    late = self.rng.random()
                    if late < 0.05:
                        continue  # never sent
                    day = due + dt.timedelta(days=self.rng.randint(-6, 0) if late < 0.85 else self.rng.randint(1, 10))
                    lines.append(f"- person: {p['id']}\n  period: {year}Q{quarter}\n  date: {day.isoformat()}\n")
        (out / "submissions.yaml").write_text("".join(lines), encoding="utf-8")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n_visits", type=int)
    ap.add_argument("years", type=int)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--end-year", type=int, default=2025, help="last year of visits (default 2025)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="replace OUT_DIR if it exists")
    args = ap.parse_args(argv)
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        if not args.force:
            sys.exit(f"{args.out_dir} exists and is not empty (use --force to replace it)")
        shutil.rmtree(args.out_dir)
    started = time.perf_counter()
    folder = Folder(args.out_dir, args.n_visits, args.end_year - args.years + 1, args.end_year, args.seed)
    folder.make_units()
    folder.make_people()
    folder.make_assignments()
    written = folder.write()
    print(f"{written} visits, {len(folder.units)} units, {len(folder.people)} people, "
          f"{len(folder.assignments)} assignments, {folder.first}–{folder.last} -> {args.out_dir} "
          f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
