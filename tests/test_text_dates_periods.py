"""Vietnamese text, dates and periods: examples and properties."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dukcli.dates import DateError, fmt, in_force, long_vn, month_end, overlaps, parse_date
from dukcli.periods import Period, PeriodError, parse_period, quarter_of, resolve
from dukcli.text import bad_char, fold, name_key, nfc, sort_key

DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31))
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


# --- text ----------------------------------------------------------------------------------

def test_fold_examples():
    assert fold("  Chi bộ  Sở Tài chính ") == "chi bo so tai chinh"
    assert fold("ĐẢNG ỦY Khối") == "dang uy khoi"
    assert fold("Nguyễn Thị Lan") == fold("nguyen thi lan") == "nguyen thi lan"
    assert fold("Đức") == fold("đức") == "duc"


@settings(max_examples=300)
@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@settings(max_examples=300)
@given(st.text())
def test_fold_ignores_normalisation_form(text):
    for form in ("NFD", "NFC"):
        assert fold(unicodedata.normalize(form, text)) == fold(text)


@given(st.text())
def test_nfc_is_nfc(text):
    assert unicodedata.is_normalized("NFC", nfc(text))


def test_bad_char():
    assert bad_char("Dòng một\nDòng\thai") is None
    assert bad_char("a\x00b") == "\x00"
    assert bad_char("a\x0bb") == "\x0b"
    assert bad_char("a\x7fb") == "\x7f"
    assert bad_char("a\x9bb") == "\x9b"
    assert bad_char("Tiếng Việt ✓ ₫") is None


VIETNAMESE_ORDER = ["a", "á", "ă", "ắ", "â", "ấ", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
                    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]


def test_sort_key_follows_the_vietnamese_alphabet():
    shuffled = sorted(VIETNAMESE_ORDER, key=lambda c: (hash(c) % 7, c))
    assert sorted(shuffled, key=sort_key) == VIETNAMESE_ORDER


def test_sort_key_letters_before_tones():
    words = ["Ánh", "Anh", "Ân", "Ăn", "An", "Bình", "Dũng", "Đức"]
    assert sorted(words, key=sort_key) == ["An", "Anh", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đức"]


def test_name_key_sorts_by_given_name_then_middle_then_family():
    names = ["Trần Văn Bình", "Nguyễn Thị Lan", "Lê Văn An", "Đinh Thị Lan", "Bùi Anh Lan", "Hoàng Đức", "Xa Văn Ân"]
    assert sorted(names, key=name_key) == ["Lê Văn An", "Xa Văn Ân", "Trần Văn Bình", "Hoàng Đức",
                                           "Bùi Anh Lan", "Đinh Thị Lan", "Nguyễn Thị Lan"]


def test_name_key_tone_of_the_given_name_comes_before_middle_names():
    # Lan < Lán whatever the middle names are: the given name is compared whole first.
    assert sorted(["Trần Anh Lán", "Nguyễn Thị Lan"], key=name_key) == ["Nguyễn Thị Lan", "Trần Anh Lán"]


def test_name_key_odd_names():
    assert name_key("") == name_key("   ")
    assert sorted(["Lan", "Nguyễn Thị An"], key=name_key) == ["Nguyễn Thị An", "Lan"]


FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đinh", "Bùi", "Quách", "Xa"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Anh", ""]
GIVEN = ["An", "Ân", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hạ", "Lan", "Lán", "Long", "Ước", "Yến", "Ánh", "Anh"]


@settings(max_examples=300)
@given(st.tuples(st.sampled_from(FAMILY), st.sampled_from(MIDDLE), st.sampled_from(GIVEN)),
       st.tuples(st.sampled_from(FAMILY), st.sampled_from(MIDDLE), st.sampled_from(GIVEN)))
def test_name_key_orders_by_given_name(a, b):
    name_a, name_b = (" ".join(w for w in n if w) for n in (a, b))
    if sort_key(a[2]) < sort_key(b[2]):
        assert name_key(name_a) < name_key(name_b)
    elif sort_key(a[2]) > sort_key(b[2]):
        assert name_key(name_a) > name_key(name_b)
    else:
        assert a[2] == b[2]


@given(st.sampled_from(GIVEN + FAMILY))
def test_name_key_ignores_normalisation_form(name):
    assert name_key(unicodedata.normalize("NFD", name)) == name_key(name)
    assert sort_key(unicodedata.normalize("NFD", name)) == sort_key(name)


# --- dates ---------------------------------------------------------------------------------

@given(DAYS)
def test_dates_round_trip_in_both_forms(day):
    assert parse_date(fmt(day)) == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}") == day
    assert parse_date(f" {day.isoformat()} ") == day


@given(DAYS)
def test_fmt_and_long_vn(day):
    assert fmt(day) == day.strftime("%d/%m/") + str(day.year)
    text = long_vn(day)
    assert text.startswith(f"ngày {day.day:02d} tháng ")
    assert text.endswith(f" năm {day.year}")
    assert f"tháng {day.month:02d} " in text if day.month <= 2 else f"tháng {day.month} " in text


def test_long_vn_examples():
    assert long_vn(dt.date(2019, 2, 5)) == "ngày 05 tháng 02 năm 2019"
    assert long_vn(dt.date(2019, 6, 28)) == "ngày 28 tháng 6 năm 2019"
    assert long_vn(dt.date(2019, 12, 1)) == "ngày 01 tháng 12 năm 2019"


@pytest.mark.parametrize("text", ["31/02/2019", "29/02/2019", "2019-02-29", "00/01/2019", "32/01/2019", "2019-13-01",
                                  "14/13/2019"])
def test_impossible_dates(text):
    with pytest.raises(DateError) as e:
        parse_date(text)
    assert "không có thật" in str(e.value)


@pytest.mark.parametrize("text", ["", "14-05-2019", "2019/05/14", "14/05/19", "14.05.2019", "hôm kia", "20190514",
                                  "2019-05-14T10:00"])
def test_unreadable_dates(text):
    with pytest.raises(DateError) as e:
        parse_date(text)
    assert "DD/MM/YYYY hoặc YYYY-MM-DD" in str(e.value)


def test_leap_day():
    assert parse_date("29/02/2020") == dt.date(2020, 2, 29)


@pytest.mark.parametrize("text, offset", [("hôm nay", 0), ("Hôm nay", 0), ("HOM NAY", 0), ("today", 0),
                                          ("hôm qua", -1), ("yesterday", -1)])
def test_date_words(text, offset):
    today = dt.date(2019, 3, 1)
    assert parse_date(text, today, words=True) == today + dt.timedelta(days=offset)
    with pytest.raises(DateError):
        parse_date(text, today, words=False)


@given(st.integers(1900, 2999), st.integers(1, 12))
def test_month_end(year, month):
    end = month_end(year, month)
    assert (end.year, end.month) == (year, month)
    assert (end + dt.timedelta(days=1)).day == 1


@given(DAYS, DAYS, DAYS, DAYS)
def test_overlaps_is_symmetric_and_matches_a_common_day(a, b, c, d):
    a, b = sorted((a, b))
    c, d = sorted((c, d))
    assert overlaps(a, b, c, d) == overlaps(c, d, a, b)
    common = max(a, c)
    assert overlaps(a, b, c, d) == (in_force(a, b, common) and in_force(c, d, common))


def test_open_ranges():
    day = dt.date(2019, 5, 14)
    assert in_force(None, None, day)
    assert in_force(day, None, day) and in_force(None, day, day)
    assert not in_force(day + dt.timedelta(days=1), None, day)
    assert overlaps(None, None, day, day)
    assert not overlaps(None, day, day + dt.timedelta(days=1), None)


# --- periods -------------------------------------------------------------------------------

YEARS = st.integers(1900, 2999)
PERIODS = st.one_of(
    st.builds(lambda y, n: Period("Q", y, n), YEARS, st.integers(1, 4)),
    st.builds(lambda y: Period("H1", y, 0), YEARS),
    st.builds(lambda y: Period("H2", y, 0), YEARS),
    st.builds(lambda y: Period("9M", y, 0), YEARS),
    st.builds(lambda y: Period("Y", y, 0), YEARS),
    st.builds(lambda y, n: Period("M", y, n), YEARS, st.integers(1, 12)),
)
LENGTH = {"Q": 3, "H1": 6, "H2": 6, "9M": 9, "Y": 12, "M": 1}


@given(PERIODS)
def test_months_lie_within_start_and_end(p):
    months = p.months()
    assert len(months) == LENGTH[p.kind]
    assert months == sorted(months) and len(set(months)) == len(months)
    for year, month in months:
        assert p.start <= dt.date(year, month, 1) and month_end(year, month) <= p.end
    assert p.start == dt.date(*months[0], 1)
    assert p.end == month_end(*months[-1])


@given(PERIODS)
def test_code_and_slug_round_trip(p):
    assert parse_period(p.code) == p
    assert parse_period(p.slug) == p
    assert parse_period(p.code.lower()) == p
    assert p.as_json() == {"code": p.code, "label": p.label, "start": p.start.isoformat(), "end": p.end.isoformat()}


@given(PERIODS)
def test_labels(p):
    expected = {"Q": f"Quý {ROMAN.get(p.n)} năm {p.year}", "H1": f"6 tháng đầu năm {p.year}",
                "H2": f"6 tháng cuối năm {p.year}",
                "9M": f"9 tháng đầu năm {p.year}", "Y": f"Năm {p.year}", "M": f"Tháng {p.n} năm {p.year}"}
    assert p.label == expected[p.kind]


@given(DAYS)
def test_quarter_of_contains_the_day(day):
    q = quarter_of(day)
    assert q.kind == "Q" and q.start <= day <= q.end


@pytest.mark.parametrize("text, year, code, label", [
    ("2019Q2", None, "2019Q2", "Quý II năm 2019"), ("2019-Q2", None, "2019Q2", "Quý II năm 2019"),
    ("Q2", 2019, "2019Q2", "Quý II năm 2019"), ("q4", 2018, "2018Q4", "Quý IV năm 2018"),
    ("2019H1", None, "2019H1", "6 tháng đầu năm 2019"), ("2019-9M", None, "2019-9M", "9 tháng đầu năm 2019"),
    ("2019H2", None, "2019H2", "6 tháng cuối năm 2019"), ("H2", 2020, "2020H2", "6 tháng cuối năm 2020"),
    ("2019", None, "2019", "Năm 2019"), ("2019-05", None, "2019-05", "Tháng 5 năm 2019"),
    ("2019-5", None, "2019-05", "Tháng 5 năm 2019"), (" 2019Q3 ", None, "2019Q3", "Quý III năm 2019"),
])
def test_period_forms(text, year, code, label):
    p = parse_period(text, year)
    assert (p.code, p.label) == (code, label)


def test_bare_quarter_takes_this_year_without_year():
    assert parse_period("Q1").year == dt.date.today().year


@pytest.mark.parametrize("text", ["2019Q5", "2019Q0", "2019-13", "2019-00", "1899", "3000Q1", "Q5", "quý 2", "2019H3",
                                  "", "19Q2", "2019-Q2-extra"])
def test_bad_periods(text):
    with pytest.raises(PeriodError) as e:
        parse_period(text, 2019)
    assert "không hợp lệ" in str(e.value) and "2019Q2" in str(e.value)


def test_resolve():
    today = dt.date(2019, 5, 14)
    assert resolve(None, None, None, today) == Period("Q", 2019, 2)
    assert resolve("2019H1", None, None, today) == Period("H1", 2019, 0)
    assert resolve("Q3", None, 2018, today) == Period("Q", 2018, 3)
    assert resolve(None, "Q3", None, today) == Period("Q", 2019, 3)
    assert resolve(None, "4", 2018, today) == Period("Q", 2018, 4)
    assert resolve(None, None, 2018, today) == Period("Y", 2018, 0)
    with pytest.raises(PeriodError, match="chỉ dùng một"):
        resolve("2019Q2", "Q2", None, today)
    with pytest.raises(PeriodError, match="quý 'Q5' không hợp lệ"):
        resolve(None, "Q5", None, today)


# --- matching what a clerk types (match.py) ---------------------------------------------------

from dukcli.match import Candidate, MatchError, find  # noqa: E402

PEOPLE = [Candidate("nguyen-thi-lan", "Nguyễn Thị Lan"), Candidate("hoang-van-lang", "Hoàng Văn Lang"),
          Candidate("tran-van-binh", "Trần Văn Bình"), Candidate("le-thi-lan", "Lê Thị Lan")]
UNITS = [Candidate("cb-so-tai-chinh", "Chi bộ Sở Tài chính"), Candidate("db-so-y-te", "Đảng bộ Sở Y tế"),
         Candidate("cb-phong-nghiep-vu-y", "Chi bộ Phòng Nghiệp vụ Y")]


@pytest.mark.parametrize("query, expected", [
    ("tran-van-binh", "tran-van-binh"), ("Trần Văn Bình", "tran-van-binh"), ("binh", "tran-van-binh"),
    ("BÌNH", "tran-van-binh"), ("bình trần", "tran-van-binh"), ("lang", "hoang-van-lang"),
    ("nguyen lan", "nguyen-thi-lan"), ("le thi", "le-thi-lan"), ("le-thi", "le-thi-lan"),
    (unicodedata.normalize("NFD", "Lê Thị Lan"), "le-thi-lan"),
])
def test_find_person(query, expected):
    assert find(query, PEOPLE, "người").id == expected


@pytest.mark.parametrize("query, expected", [("tai chinh", "cb-so-tai-chinh"), ("y te", "db-so-y-te"),
                                             ("nghiep vu", "cb-phong-nghiep-vu-y"), ("db-so-y-te", "db-so-y-te")])
def test_find_unit(query, expected):
    assert find(query, UNITS, "đơn vị").id == expected


def test_a_whole_word_beats_a_longer_name_containing_it():
    # "lan" is only part of a word in "Hoàng Văn Lang": the one whole-word Lan wins; two Lans stay ambiguous.
    with pytest.raises(MatchError) as e:
        find("lan", PEOPLE, "người")
    assert [c.id for c in e.value.candidates] == ["nguyen-thi-lan", "hoang-van-lang", "le-thi-lan"]
    assert find("lan", PEOPLE[:3], "người").id == "nguyen-thi-lan"


def test_ambiguous_query_lists_the_candidates():
    with pytest.raises(MatchError) as e:
        find("van", PEOPLE, "người")
    assert "khớp với nhiều người" in e.value.message
    assert "Hoàng Văn Lang (hoang-van-lang)" in e.value.message and "Trần Văn Bình (tran-van-binh)" in e.value.message
    assert "dùng mã" in e.value.message


def test_no_match_suggests_close_names():
    with pytest.raises(MatchError) as e:
        find("Tran Vn Binh", PEOPLE, "người")
    assert e.value.message.startswith("không tìm thấy người 'Tran Vn Binh'.")
    assert "Có phải: Trần Văn Bình?" in e.value.message
    with pytest.raises(MatchError) as e:
        find("   ", PEOPLE, "người")
    assert e.value.message == "chưa nhập người"
