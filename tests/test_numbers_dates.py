import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.dates import find_dates
from ingest.numbers import parse_number, scaled


@pytest.mark.parametrize("token,value", [("4.750", 4750), ("209,87", 209.87), ("1.000", 1000), ("628.551", 628551),
                                         ("14,625", 14.625), ("03", 3), ("231,74", 231.74), ("7.943", 7943),
                                         ("1,000,000", 1_000_000)])
def test_vietnamese_number_formats(token, value):
    assert parse_number(token) == pytest.approx(value)


def test_scales():
    assert scaled(4.439, "triệu") == pytest.approx(4_439_000)
    assert scaled(14.625, "tỷ") == pytest.approx(14_625_000_000)


@pytest.mark.parametrize("text,ref,expected", [
    ("Hội nghị từ ngày 3-4/8/2023 nhân dịp", None, ("2023-08-03", "2023-08-04")),
    ("tại Udon Thani từ 17-19/11/2023", None, ("2023-11-17", "2023-11-19")),
    ("Lễ khởi công vào ngày 15/12 sắp tới", "2023-11-20", ("2023-12-15", None)),
    ("Ngày 25-12, đoàn đến thăm", "2023-12-27", ("2023-12-25", None)),
    ("Chiều 21/9, UBND tỉnh tiếp", "2023-09-22", ("2023-09-21", None)),
    ("Ngày 5/1 tới, đoàn sẽ sang", "2023-12-20", ("2024-01-05", None)),
    ("Tháng 10/2019 đã tổ chức", None, ("2019-10", None)),
    ("Năm 2023, tỉnh đã đón", None, ("2023", None)),
])
def test_dates(text, ref, expected):
    d = find_dates(text, ref)[0]
    assert (d.start, d.end) == expected


def test_impossible_dates_and_year_ranges_are_not_dates():
    assert find_dates("ngày 31/02/2023 và giai đoạn 2021-2025") == []
    assert [d.start for d in find_dates("ngày 29/02/2023 hoặc 29/02/2024")] == ["2024-02-29"]


@given(st.integers(min_value=1_000, max_value=10**12))
def test_vietnamese_thousands_round_trip(n):
    assert parse_number(f"{n:,}".replace(",", ".")) == n  # 4.750.000 -> 4750000


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=1, max_value=99))
def test_decimal_comma_is_a_fraction(whole, cents):
    assert parse_number(f"{whole},{cents:02d}") == pytest.approx(whole + cents / 100)


@given(st.text(max_size=60).filter(lambda s: not s.strip() or not s.strip()[0].isdigit()))
def test_text_that_does_not_start_with_a_digit_is_no_number(s):
    assert parse_number(s) is None


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_every_real_date_is_found_at_its_place(d):
    text = f"Hội nghị diễn ra ngày {d.day}/{d.month}/{d.year} tại tỉnh."
    found = find_dates(text, "2024-01-01")
    assert [f.start for f in found] == [d.isoformat()]
    assert text[found[0].pos:found[0].endpos].endswith(str(d.year))


@given(st.integers(min_value=2000, max_value=2030), st.integers(min_value=1, max_value=12))
def test_a_day_past_the_month_end_is_no_date(year, month):
    day = calendar.monthrange(year, month)[1] + 1  # 29-32: past the end of that month
    assert find_dates(f"ngày {day}/{month}/{year}") == []
