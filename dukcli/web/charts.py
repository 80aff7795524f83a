"""The two charts of the board, as numbers for an inline SVG drawn by the template (no
JavaScript, nothing fetched): visits per month, and the share of Article 4 rows met per month.
Every label is escaped by Jinja like any other text."""

from __future__ import annotations

from dataclasses import dataclass

from dukcli.words import web as W

WIDTH, HEIGHT = 640, 220
TOP, BOTTOM, LEFT = 24, 30, 52  # room for the value above a bar, the month under it, the scale


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: str  # written above the bar
    month: str  # written under it
    title: str  # the bar's tooltip, for a screen reader too


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    top: str  # the scale's highest value, as written
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    base: int = HEIGHT - BOTTOM  # the y of the bars' foot

    @property
    def empty(self) -> bool:
        return not self.bars


def _bars(values: list[float], highest: float, shown: list[str], titles: list[str], months) -> tuple[Bar, ...]:
    if not values:
        return ()
    room = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT) / len(values)
    width = step * 0.7
    out = []
    for i, (value, text, title, (_, mo)) in enumerate(zip(values, shown, titles, months)):
        h = 0.0 if highest <= 0 else room * value / highest
        out.append(Bar(round(LEFT + i * step + (step - width) / 2, 1), round(HEIGHT - BOTTOM - h, 1),
                       round(width, 1), round(h, 1), text, f"{W.MONTH_PREFIX}{mo}", title))
    return tuple(out)


def month_counts(ds, period) -> dict[str, tuple[int, ...]]:
    """Each person's visits in each month of the period (summed, what visits_per_month draws;
    the board keeps it in the index with its quota table, by person so that it is brought up
    to date for the people whose visits changed: merged_counts)."""
    months = {ym: i for i, ym in enumerate(period.months())}
    counts: dict[str, list[int]] = {}
    for v in ds.visits:
        at = months.get((v.date.year, v.date.month))
        if at is not None:
            counts.setdefault(v.person, [0] * len(months))[at] += 1
    return {person: tuple(row) for person, row in counts.items()}


def merged_counts(kept: dict, fresh: dict, persons) -> dict:
    """kept with the counts of persons replaced by fresh (month_counts of their visits alone)."""
    return {**{p: row for p, row in kept.items() if p not in persons}, **fresh}


def summed(counts: dict, period) -> list[int]:
    return [sum(column) for column in zip(*counts.values())] if counts else [0] * len(period.months())


def visits_per_month(values: list[int], period) -> Chart:
    months = period.months()
    highest = max(values, default=0)
    bars = _bars(values, max(highest, 1), [str(n) for n in values],
                 [W.chart_visits_label(mo, n) for (_, mo), n in zip(months, values)], months)
    return Chart(W.CHART_VISITS, bars if highest else (), str(max(highest, 1)))


def share_met_per_month(result) -> Chart:
    """Among the specialists' rows (unit × month) that a month required and that are decided
    (met or missed; a month not yet over is left out), the share met."""
    from dukcli.rules.quota import TheoDoiRow

    months = result.period.months()
    rows = [r for r in result.rows if isinstance(r, TheoDoiRow)]
    met = [0] * len(months)
    decided = [0] * len(months)
    for r in rows:
        for i, s in enumerate(r.months):
            if s.state in ("met", "missed"):
                decided[i] += 1
                met[i] += s.state == "met"
    if not any(decided):
        return Chart(W.CHART_MET, (), "100%")
    values = [100.0 * a / b if b else 0.0 for a, b in zip(met, decided)]
    shown = [f"{round(v)}%" if b else "–" for v, b in zip(values, decided)]
    titles = [W.chart_met_label(mo, a, b) for (_, mo), a, b in zip(months, met, decided)]
    return Chart(W.CHART_MET, _bars(values, 100.0, shown, titles, months), "100%")
