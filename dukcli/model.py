"""Plain, immutable records of the data folder; each remembers the file and lines it came from."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple
from dataclasses import dataclass, field

from dukcli import words
from dukcli.words import records as W
from dukcli.words import summary as SW
from dukcli.dates import in_force

UNIT_TYPES = ("chi-bo-co-so", "dang-bo-co-so", "chi-bo-truc-thuoc")
ROLES = ("phu-trach", "theo-doi")
RATINGS = words.RATINGS  # codes and their words (the catalogue's)
WORK_FIELDS = ("situation", "difficulties", "proposals")
MEETING_FIELDS = ("preparation", "conduct", "feasibility", "lessons", "requests", "proposals")
ROLE_NAMES = words.ROLES
TYPE_NAMES = words.UNIT_TYPES
# Article 5.2: what a base committee says (SPEC §7), and the steps a proposal goes through.
FEEDBACK_KINDS = ("nhan-xet", "gop-y-phan-cong")
FEEDBACK_RATINGS = ("tot", "kha", "trung-binh", "kem")
RESPONSE_STATUSES = ("da-chuyen", "da-tra-loi", "da-giai-quyet")
# The fields of a visit that carry a proposal, as "section.field" (SPEC §7).
PROPOSAL_FIELDS = ("work.proposals", "meeting.requests", "meeting.proposals")


@dataclass(frozen=True, slots=True)
class Diagnostic:
    file: str
    line: int
    severity: str  # "error" | "warning"
    code: str
    message: str

    def as_json(self) -> dict:
        return {"file": self.file, "line": self.line, "severity": self.severity,
                "code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Body:
    """A body of the committee that signs a report (duk.yaml `bodies:`): its name in the
    header, the short symbol of its numbers, and the two lines of its signature."""

    name: str
    short: str
    sign_for: str
    sign_title: str


ORGANISATION = Body(SW.ORGANISATION_NAME, SW.ORGANISATION_SHORT, SW.ORGANISATION_FOR, SW.ORGANISATION_TITLE)
INSPECTION = Body(SW.INSPECTION_NAME, SW.INSPECTION_SHORT, SW.INSPECTION_FOR, SW.INSPECTION_TITLE)


@dataclass(frozen=True, slots=True)
class Config:
    org_parent: str = ""
    org_name: str = ""
    org_short: str = ""
    org_place: str = ""
    regulation: str = W.DEFAULT_REGULATION
    per_year: int = 5
    per_month: int = 1
    due_day: int = 30
    placeholders: tuple[str, ...] = ()  # keys still holding duk init's "..." (SPEC §5 placeholder)
    # The Organisation Committee signs the compiled report (Article 6.2), the Inspection
    # Committee its report on the regulation (Article 6.3): duk.yaml `bodies:`.
    organisation: Body = ORGANISATION
    inspection: Body = INSPECTION


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    name: str
    type: str
    parent: str | None = None
    meeting_day: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    file: str = "units.yaml"
    line: int = 0
    lines: dict = field(default_factory=dict, compare=False)

    def exists_on(self, day: dt.date) -> bool:
        return in_force(self.start, self.end, day)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    position: str = ""
    department: str = ""
    file: str = "people.yaml"
    line: int = 0
    lines: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Assignment:
    person: str
    role: str
    units: tuple[str, ...]
    start: dt.date | None = None
    end: dt.date | None = None
    basis: str = ""
    file: str = "assignments.yaml"
    line: int = 0
    lines: dict = field(default_factory=dict, compare=False)

    def in_force(self, day: dt.date) -> bool:
        return in_force(self.start, self.end, day)


class Visit(NamedTuple):
    """One visit file. A named tuple, not a dataclass: a warm load builds 100,000 of them and
    a tuple is built four times faster than a frozen dataclass (see store/loader.expand)."""

    person: str
    unit: str
    date: dt.date
    work: dict | None = None  # field -> text, WORK_FIELDS
    meeting: dict | None = None  # field -> text, MEETING_FIELDS
    rating: str | None = None
    file: str = ""
    line: int = 1
    lines: Mapping = MappingProxyType({})  # key ("meeting.rating") -> line; shared default is read-only

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(p for p, s in (("work", self.work), ("meeting", self.meeting)) if s is not None)


@dataclass(frozen=True, slots=True)
class Submission:
    person: str
    period: str  # quarter code, 2019Q2
    date: dt.date
    file: str = "submissions.yaml"
    line: int = 0
    lines: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Feedback:
    """One statement of a base committee (Article 5.2): feedback/YYYY/<name>.yaml."""

    unit: str
    person: str | None  # None: a comment on the assignment itself
    date: dt.date
    kind: str  # FEEDBACK_KINDS
    text: str
    rating: str | None = None  # FEEDBACK_RATINGS
    by: str | None = None
    file: str = ""
    line: int = 1
    lines: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Response:
    """One step in the follow-up of a proposal: responses/YYYY/<name>.yaml."""

    item: str  # the proposal's id: "2019/05/<visit file name>#meeting.proposals"
    date: dt.date
    status: str  # RESPONSE_STATUSES
    text: str | None = None
    by: str | None = None
    file: str = ""
    line: int = 1
    lines: dict = field(default_factory=dict, compare=False)


class Proposal(NamedTuple):
    """A non-empty proposal field of a visit (SPEC §7), as the index keeps it: no other note.
    A named tuple like Visit: agenda may build a quarter of a million of them."""

    id: str  # visit path under visits/ without .yaml, "#", the field
    field: str  # PROPOSAL_FIELDS
    text: str
    person: str
    unit: str
    date: dt.date
    file: str  # the visit file
    line: int  # the field's line in it


def _as_arguments(record) -> tuple:
    """pickle's recipe for a record: its class called with its fields. The default recipe sets
    each field of a frozen dataclass one by one through dataclasses' __setstate__, twice as slow:
    reading a folder's 11,000 submissions back from the index took 59 ms, now 30."""
    return type(record), tuple(getattr(record, name) for name in record.__slots__)


for _record in (Diagnostic, Body, Config, Unit, Person, Assignment, Submission, Feedback, Response):
    _record.__reduce__ = _as_arguments


@dataclass(slots=True)
class Dataset:
    """Everything loaded from one data folder."""

    config: Config = field(default_factory=Config)
    units: dict[str, Unit] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    assignments: list[Assignment] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)
    # Every unit and person as read, duplicates included, for the duplicate-id check.
    unit_list: list[Unit] = field(default_factory=list)
    person_list: list[Person] = field(default_factory=list)
    # A digest of every file as loaded (store/loader); "" when unknown. Keys whole-folder caches.
    fingerprint: str = field(default="", compare=False)
    # Files outside the dates loaded (store/loader's window) known to have errors.
    elsewhere: int = field(default=0, compare=False)
    # A digest of the list files loaded ("" when unknown): what the errors kept per visit were judged against.
    lists_digest: str = field(default="", compare=False)
    # Article 5.2 statements and proposal responses (store/loader: those of the years loaded;
    # responses from the first year loaded onwards, so that a proposal's latest step is known).
    feedback: list[Feedback] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    # The proposals of the visits loaded, with their texts (kept in the index: no notes read);
    # filled only for the commands that ask (store/loader's `proposals=True`).
    proposals: list[Proposal] = field(default_factory=list)
    # The proposals the loaded responses name, whatever their date: item id -> Proposal.
    named: dict[str, Proposal] = field(default_factory=dict)
    # The dates loaded (store/loader's window), None for the whole folder: a response naming a
    # visit outside it is judged by `check`, which loads everything.
    span: tuple[dt.date, dt.date] | None = field(default=None, compare=False)
    # A digest of the list and record files loaded ("" when unknown): keys the checks that look
    # at no visit (store/loader._cross_checks).
    records_digest: str = field(default="", compare=False)
    # Answers computed from this load earlier and kept in the index (store/loader.checked's want).
    kept: dict = field(default_factory=dict, compare=False, repr=False)
    # Answers kept for earlier files, to bring up to date for the people whose visits changed
    # (store/partial.Partial: visits then holds those people's visits only); None otherwise.
    partial: object = field(default=None, compare=False, repr=False)
    # The people note of this load (store/partial.note), kept with the window's checks; or None.
    note: dict | None = field(default=None, compare=False, repr=False)
    # submissions_of's lookup: (the list it was made from, its length, the lookup); not copied
    # by dataclasses.replace, made again when the list is another or has grown.
    _by_period: tuple | None = field(default=None, init=False, compare=False, repr=False)

    def submissions_of(self, person: str, period: str) -> list[Submission]:
        """A person's submissions for a period, in file order (asked once per person and
        quarter by the report rows: a lookup, not a pass over every submission each time)."""
        made = self._by_period
        if made is None or made[0] is not self.submissions or made[1] != len(self.submissions):
            lookup: dict[tuple[str, str], list[Submission]] = {}
            for s in self.submissions:
                lookup.setdefault((s.person, s.period), []).append(s)
            made = self._by_period = (self.submissions, len(self.submissions), lookup)
        return made[2].get((person, period), [])

    @classmethod
    def build(cls, config: Config, units: list[Unit], people: list[Person],
              assignments: list[Assignment], visits: list[Visit],
              submissions: list[Submission]) -> "Dataset":
        """Index the records; the first of two records with one id wins."""
        unit_map: dict[str, Unit] = {}
        for u in units:
            unit_map.setdefault(u.id, u)
        person_map: dict[str, Person] = {}
        for p in people:
            person_map.setdefault(p.id, p)
        by_day = operator.attrgetter("date", "file")
        if any(by_day(a) > by_day(b) for a, b in zip(visits, visits[1:])):
            visits = sorted(visits, key=by_day)
        return cls(config, unit_map, person_map, list(assignments), visits, list(submissions),
                   list(units), list(people))

    def counted_unit(self, unit_id: str) -> str:
        """The unit a visit counts for: a chi bộ trực thuộc counts for its parent."""
        unit = self.units.get(unit_id)
        if unit is not None and unit.type == "chi-bo-truc-thuoc" and unit.parent:
            return unit.parent
        return unit_id

    def unit_name(self, unit_id: str | None) -> str | None:
        if unit_id is None:
            return None
        unit = self.units.get(unit_id)
        return unit.name if unit else unit_id

    def person_name(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return person.name if person else person_id
