"""Regenerate the visits and submissions of the bundled sample folder data/.

    python3 bench/make_sample.py [DATA_DIR]      (default: data/ next to bench/)

units.yaml, people.yaml and assignments.yaml are written by hand; this script reads them and
writes visits/2019/MM/*.yaml and submissions.yaml, deterministically (fixed seed). The
deliberate gaps below make the Article 4 tables of 2019 show every status.
Development tooling only: the package never imports it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import shutil
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from phrases import Notes, short_name  # noqa: E402

YEAR = 2019
FIRST_DAY = dt.date(2019, 2, 26)  # the day after Nghị quyết 13 and Thông báo 80

# Specialist–unit months deliberately left without a visit.
MISSED = {
    ("nguyen-thi-lan", "cb-kho-bac-nha-nuoc", 5),
    ("tran-minh-duc", "cb-so-noi-vu", 8),
    ("tran-minh-duc", "cb-so-noi-vu", 9),
    ("le-thu-phuong", "cb-so-lao-dong-tbxh", 3),
    ("hoang-van-cuong", "cb-so-xay-dung", 11),
}

# Standing Committee members' visits: (person, unit, date, sections). Quách Văn Khải is
# deliberately behind (3 visits against a target of 5).
PHU_TRACH_VISITS = [
    ("bui-van-thang", "cb-so-tai-chinh", "2019-03-20", ("work",)),
    ("bui-van-thang", "cb-van-phong-so-y-te", "2019-05-06", ("meeting",)),
    ("bui-van-thang", "cb-so-ke-hoach-dau-tu", "2019-07-23", ("work",)),
    ("bui-van-thang", "cb-trung-tam-hanh-chinh-cong", "2019-08-22", ("work", "meeting")),
    ("bui-van-thang", "cb-kho-bac-nha-nuoc", "2019-10-04", ("meeting",)),
    ("bui-van-thang", "cb-so-tai-nguyen-moi-truong", "2019-12-18", ("work", "meeting")),
    ("dinh-thi-hanh", "db-cuc-thue", "2019-03-15", ("meeting",)),
    ("dinh-thi-hanh", "cb-so-tu-phap", "2019-04-09", ("work",)),
    ("dinh-thi-hanh", "cb-so-noi-vu", "2019-05-07", ("meeting",)),
    ("dinh-thi-hanh", "cb-phong-kiem-tra-thue", "2019-06-14", ("meeting",)),
    ("dinh-thi-hanh", "cb-so-cong-thuong", "2019-08-09", ("meeting",)),
    ("dinh-thi-hanh", "cb-so-xay-dung", "2019-10-14", ("work", "meeting")),
    ("dinh-thi-hanh", "db-cuc-thue", "2019-11-20", ("work",)),
    ("quach-van-khai", "cb-so-giao-duc-dao-tao", "2019-05-08", ("meeting",)),
    ("quach-van-khai", "cb-so-van-hoa-tt-dl", "2019-09-20", ("meeting",)),
    ("quach-van-khai", "cb-so-lao-dong-tbxh", "2019-11-26", ("work",)),
]

# Individual quarterly reports received (Article 6.1); absent pairs were never sent.
# Due: the 30th of the quarter's last month.
SUBMISSIONS = {
    "2019Q1": {"bui-van-thang": "2019-03-28", "dinh-thi-hanh": "2019-03-27", "nguyen-thi-lan": "2019-03-26",
               "tran-minh-duc": "2019-04-03", "le-thu-phuong": "2019-03-29", "hoang-van-cuong": "2019-03-29",
               "xa-thi-yen": "2019-03-25"},
    "2019Q2": {"bui-van-thang": "2019-06-26", "dinh-thi-hanh": "2019-06-28", "quach-van-khai": "2019-07-08",
               "nguyen-thi-lan": "2019-06-25", "tran-minh-duc": "2019-06-28", "le-thu-phuong": "2019-06-27",
               "hoang-van-cuong": "2019-07-02", "xa-thi-yen": "2019-06-24"},
    "2019Q3": {"bui-van-thang": "2019-09-27", "dinh-thi-hanh": "2019-09-30", "nguyen-thi-lan": "2019-09-26",
               "tran-minh-duc": "2019-10-07", "le-thu-phuong": "2019-09-25", "hoang-van-cuong": "2019-09-27",
               "xa-thi-yen": "2019-09-24"},
    "2019Q4": {"bui-van-thang": "2019-12-26", "dinh-thi-hanh": "2019-12-27", "quach-van-khai": "2019-12-30",
               "nguyen-thi-lan": "2019-12-24", "tran-minh-duc": "2019-12-27", "le-thu-phuong": "2019-12-31",
               "xa-thi-yen": "2019-12-25"},
}

RATINGS = ["tot", "kha", "trung-binh", "kem", None]
RATING_WEIGHTS = [44, 38, 8, 2, 8]


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, data: str):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def weekday_near(day: dt.date) -> dt.date:
    """A meeting set on a Saturday moves to the Friday before, on a Sunday to the Monday after."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def random_weekday(rng: random.Random, year: int, month: int, avoid: set) -> dt.date:
    last = calendar.monthrange(year, month)[1]
    days = [dt.date(year, month, d) for d in range(3, last - 1)]
    days = [d for d in days if d.weekday() < 5 and d not in avoid]
    return rng.choice(days)


class Sample:
    def __init__(self, root: Path, seed: int = 2019):
        self.root = root
        self.rng = random.Random(seed)
        self.notes = Notes(self.rng)
        self.units = {u["id"]: u for u in yaml.safe_load((root / "units.yaml").read_text(encoding="utf-8"))}
        self.assignments = yaml.safe_load((root / "assignments.yaml").read_text(encoding="utf-8"))
        self.children = {}
        for u in self.units.values():
            if u.get("parent"):
                self.children.setdefault(u["parent"], []).append(u["id"])
        self.members = {}
        for uid, u in self.units.items():
            lo, hi = {"dang-bo-co-so": (70, 160), "chi-bo-co-so": (18, 48)}.get(u["type"], (9, 28))
            self.members[uid] = self.rng.randint(lo, hi)
        self.visits: list[dict] = []
        self.taken: set = set()

    def meeting_date(self, uid: str, month: int) -> dt.date:
        day = self.units[uid].get("meeting-day")
        if day is None:
            return random_weekday(self.rng, YEAR, month, set())
        return weekday_near(dt.date(YEAR, month, day))

    def visit(self, person: str, uid: str, day: dt.date, sections) -> None:
        key = (person, uid, day)
        assert key not in self.taken, key
        assert day.weekday() < 5 and day >= FIRST_DAY, key
        start = self.units[uid].get("from")
        assert start is None or day >= start, key
        self.taken.add(key)
        unit = self.units[uid]
        office = short_name(self.units[unit.get("parent") or uid]["name"])
        ctx = self.notes.context(unit["name"], office, self.members[uid], day.month)
        doc = {"person": person, "unit": uid, "date": day}
        if "work" in sections:
            doc["work"] = self.notes.work(ctx)
        if "meeting" in sections:
            rating = self.rng.choices(RATINGS, RATING_WEIGHTS)[0]
            meeting = self.notes.meeting(ctx, rating)
            if rating:
                meeting["rating"] = rating
            doc["meeting"] = meeting
        self.visits.append(doc)

    def specialist(self, a: dict) -> None:
        start = a["from"]
        for uid in a["units"]:
            for month in range(max(3, start.month), 13):
                if (a["person"], uid, month) in MISSED:
                    continue
                self.specialist_month(a["person"], uid, month)

    def specialist_month(self, person: str, uid: str, month: int) -> None:
        r = self.rng
        kind = r.choices(("meeting", "work", "both", "two"), (62, 16, 10, 12))[0]
        where = uid
        if uid in self.children and r.random() < 0.5:
            where = r.choice(self.children[uid])  # attend one of the đảng bộ's cells
        if kind == "work":
            self.visit(person, uid, random_weekday(r, YEAR, month, set()), ("work",))
            return
        day = self.meeting_date(where, month)
        self.visit(person, where, day, ("work", "meeting") if kind == "both" else ("meeting",))
        if kind == "two":  # a separate working visit in the same month
            self.visit(person, uid, random_weekday(r, YEAR, month, {day}), ("work",))

    def build(self) -> None:
        for a in self.assignments:
            if a["role"] == "theo-doi":
                self.specialist(a)
        for person, uid, day, sections in PHU_TRACH_VISITS:
            self.visit(person, uid, dt.date.fromisoformat(day), sections)

    def write(self) -> int:
        folder = self.root / "visits"
        if folder.exists():
            shutil.rmtree(folder)
        for doc in sorted(self.visits, key=lambda d: (d["date"], d["person"], d["unit"])):
            day = doc["date"]
            target = folder / f"{day:%Y}" / f"{day:%m}" / f"{day:%Y-%m-%d}-{doc['person']}-{doc['unit']}.yaml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(dump(doc), encoding="utf-8")
        self.write_submissions()
        return len(self.visits)

    def write_submissions(self) -> None:
        head = ("# submissions.yaml: báo cáo cá nhân hằng quý đã nhận (Điều 6.1), ghi bằng `duk submit`.\n"
                "# Hạn nộp: ngày 30 của tháng cuối quý. Ai không có dòng nào cho một quý là chưa nộp.\n\n")
        rows = [{"person": p, "period": q, "date": dt.date.fromisoformat(d)}
                for q, got in SUBMISSIONS.items() for p, d in got.items()]
        (self.root / "submissions.yaml").write_text(head + dump(rows), encoding="utf-8")


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "data"
    sample = Sample(root)
    sample.build()
    print(f"{sample.write()} visits written to {root / 'visits'}")


if __name__ == "__main__":
    main()
