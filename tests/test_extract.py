"""Fact rules on hand-written Vietnamese sentences: cue words, locators, hedges, numbers, dates, names."""

from __future__ import annotations

import pytest

from core.models import RawArticle
from ingest.pipeline import process


def facts(text: str, published: str | None = "2023-11-20"):
    return process(RawArticle(source="t.txt", text=text, published=published))


def partner_ids(text: str, **kw) -> set[str]:
    return {p.partner.id for p in facts(text, **kw).partners}


# -- partners ------------------------------------------------------------------------------------

def test_country_in_parentheses_only_places_its_province():
    got = partner_ids("Tỉnh Quảng Trị ký kết biên bản hợp tác với tỉnh Savannakhet (Lào) và tỉnh Mukdahan (Thái Lan).")
    assert got == {"LA-SV", "TH-49"}


def test_locator_after_comma_and_parent_unit_are_not_partners():
    got = partner_ids("Tỉnh Thanh Hóa đón tiếp đoàn công tác của Hội đồng thành phố Seongnam, tỉnh Gyeonggi-do (Hàn Quốc).")
    assert got == {"kr-seongnam"}
    got = partner_ids("Tỉnh Lạng Sơn tăng cường hợp tác với Khu tự trị dân tộc Choang Quảng Tây, Trung Quốc.")
    assert got == {"CN-GX"}


def test_embassy_stands_for_its_country_and_lists_after_cues_count():
    got = partner_ids("Tỉnh Quảng Trị thiết lập hợp tác với Đại sứ quán các nước Nhật Bản, Hàn Quốc, Ấn Độ.")
    assert got == {"JP", "KR", "IN"}
    assert partner_ids("UBND tỉnh Thanh Hóa tiếp Đại sứ Hàn Quốc tại Việt Nam.") == {"KR"}


def test_countries_paired_with_vietnam_venues_languages_and_sets_are_not_partners():
    assert partner_ids("Tỉnh Thanh Hóa kỷ niệm 50 năm quan hệ ngoại giao Việt Nam - Nhật Bản, hợp tác sâu rộng.") == set()
    assert partner_ids("Đoàn công tác tỉnh Thanh Hóa xúc tiến hợp tác đầu tư tại Đài Loan, Italia và Nhật Bản.") == set()
    assert partner_ids("Tỉnh Lạng Sơn phát hành sách bằng nhiều thứ tiếng: Anh, Pháp, Nhật Bản gửi các đối tác.") == set()
    assert partner_ids("Tỉnh Huế giữ vững quan hệ hợp tác với các tỉnh Nam Trung Lào.") == set()


def test_no_cue_no_partner():
    assert partner_ids("Tỉnh Thanh Hóa có nhiều lao động làm việc tại Nhật Bản và Hàn Quốc.") == set()


def test_joint_committee_gives_every_listed_province_the_partner():
    f = facts("Hội nghị Ủy ban công tác liên hợp giữa các tỉnh Lạng Sơn, Lai Châu, Thanh Hóa và khu tự trị "
              "dân tộc Choang Quảng Tây (Trung Quốc) được tổ chức.")
    assert {(p.province.id, p.partner.id) for p in f.partners} == {("VN-09", "CN-GX"), ("VN-01", "CN-GX"),
                                                                   ("VN-21", "CN-GX")}


# -- agreements ----------------------------------------------------------------------------------

def test_signed_mou_with_partner_kind_fields_and_date():
    f = facts("Ngày 12/3/2023, UBND tỉnh Thừa Thiên Huế ký kết biên bản ghi nhớ hợp tác toàn diện với tỉnh Kyoto (Nhật Bản).")
    (a,) = f.agreements
    assert (a.partner.id, a.kind, a.date, a.fields) == ("JP-26", "MoU", "2023-03-12", ["comprehensive"])


@pytest.mark.parametrize("hedge", ["đề xuất ký kết", "tiến tới ký kết", "đàm phán ký kết", "chưa ký kết"])
def test_hedged_signings_are_not_agreements(hedge):
    assert facts(f"Tỉnh Thanh Hóa {hedge} bản ghi nhớ hợp tác với tỉnh Niigata (Nhật Bản).").agreements == []


@pytest.mark.parametrize("plan", ["dự kiến ký kết", "sẽ ký", "có kế hoạch ký"])
def test_a_signing_the_text_says_is_to_come_is_a_planned_agreement(plan):
    (a,) = facts(f"Tỉnh Thanh Hóa {plan} bản ghi nhớ hợp tác với tỉnh Niigata (Nhật Bản).").agreements
    assert (a.kind, a.status, a.partner.id) == ("MoU", "planned", "JP-15")


def test_counted_batch_with_level_is_an_agreement_without_it_a_figure():
    f = facts("Năm 2019, tỉnh Lạng Sơn đã ký kết 05 bản thỏa thuận quốc tế cấp tỉnh và 02 bản thỏa thuận quốc tế cấp sở.")
    assert sorted((a.count, a.level) for a in f.agreements) == [(2, "department"), (5, "provincial")]
    # the guidelines: a count of agreements is one row with its count, level only when the text says
    f = facts("Năm 2023, tỉnh Quảng Trị đã ký kết 13 thỏa thuận hợp tác với các đối tác nước ngoài.")
    assert [(a.count, a.level, a.partner) for a in f.agreements] == [(13, None, None)]


def test_one_agreement_per_partner_in_a_list_of_minutes():
    f = facts("Tỉnh Thanh Hóa ký các biên bản làm việc với Chính quyền vùng Campania (Cộng hòa Italia); "
              "Chính quyền vùng Ustecky (Cộng hòa Séc).")
    assert sorted(a.partner.id for a in f.agreements) == ["CZ-42", "IT-72"]
    assert {a.kind for a in f.agreements} == {"WorkingMinutes"}


# -- events --------------------------------------------------------------------------------------

def test_named_event_with_quoted_title_range_and_place():
    f = facts("Tỉnh Quảng Trị tổ chức Hội nghị “Gặp gỡ Thái Lan” tại Quảng Trị từ ngày 3-4/8/2023.")
    (e,) = f.events
    assert (e.kind, e.name, e.date_start, e.date_end) == ("Conference", "Gặp gỡ Thái Lan", "2023-08-03", "2023-08-04")


def test_relative_day_month_resolves_against_the_article_date():
    f = facts("Tỉnh Quảng Trị sẽ tổ chức Lễ khởi công dự án Khu công nghiệp Quảng Trị vào ngày 15/12 sắp tới.",
              published="2023-11-20")
    (e,) = f.events
    assert (e.kind, e.date_start) == ("Groundbreaking", "2023-12-15")
    assert "Khu công nghiệp Quảng Trị" in e.name


def test_generic_plural_is_not_an_event_and_visits_need_a_foreign_party():
    assert facts("Tỉnh Lạng Sơn tổ chức các hội nghị, hội thảo quốc tế tại địa phương.").events == []
    (e,) = facts("Tỉnh Thanh Hóa đón tiếp đoàn công tác tỉnh Gyeongsangbuk-do (Hàn Quốc) từ ngày 10-12/10/2023.").events
    assert (e.kind, e.date_start, [p.id for p in e.participant_entities]) == ("Visit", "2023-10-10", ["KR-47"])


# -- figures -------------------------------------------------------------------------------------

def values(text: str) -> list[tuple[float, str]]:
    return sorted((o.value, o.unit) for o in facts(text).observations)


def test_vietnamese_number_formats_and_units():
    assert values("Năm 2019, tỉnh Lạng Sơn: kim ngạch ước đạt 4.750 triệu USD, vốn ODA trên 3.400 tỷ đồng, "
                  "vốn FDI 209,87 triệu USD, đường biên giới 231,74km.") == [
        (209_870_000, "USD"), (4_750_000_000, "USD"), (3_400_000_000_000, "VND")]  # border length: not an indicator


def test_pairs_counts_and_what_is_not_a_figure():
    assert values("Năm 2019 tỉnh Lạng Sơn đã cử 53 đoàn/505 lượt cán bộ đi công tác.") == [(53, "count"), (505, "count")]
    assert values("Tỉnh Lạng Sơn thực hiện Nghị quyết 22-NQ/TW, Quyết định số 40/QĐ-TTg; đứng thứ 19 cả nước, "
                  "tăng 15,8% so với năm 2018, kỷ niệm 50 năm. Điện thoại (025) 3818.256.") == []


def test_breakdown_and_equivalents_are_not_counted_twice():
    assert values("Tỉnh Thanh Hóa thẩm định 11 thỏa thuận quốc tế, trong đó có 4 thỏa thuận cấp tỉnh, "
                  "3 thỏa thuận cấp sở.") == [(11, "count")]
    assert values("Tỉnh Huế có tổng vốn đăng ký 132 triệu USD (tương đương 3.150 tỷ đồng).") == [(132_000_000, "USD")]


def test_qualifier_and_period():
    (o,) = facts("Năm 2023, tỉnh Huế tiếp nhận viện trợ có tổng mức hơn 4,439 triệu USD.").observations
    assert (o.value, o.qualifier, o.period, o.indicator) == (4_439_000, "over", "2023", "ngo_aid_usd")


# -- people --------------------------------------------------------------------------------------

def test_names_with_roles_before_after_and_honorifics():
    f = facts("Chủ tịch UBND tỉnh Nguyễn Văn Phương tiếp bà Yoo Soo Yeon. Phóng viên phỏng vấn bà Trịnh Tuyết Mai - "
              "Giám đốc Sở Ngoại vụ tỉnh Lạng Sơn. Đại sứ Hàn Quốc tại Việt Nam Choi Young Sam phát biểu.")
    got = {p.name: p.role for p in f.people}
    assert got == {"Nguyễn Văn Phương": "Chủ tịch UBND tỉnh", "Yoo Soo Yeon": None,
                   "Trịnh Tuyết Mai": "Giám đốc Sở Ngoại vụ tỉnh Lạng Sơn",
                   "Choi Young Sam": "Đại sứ Hàn Quốc tại Việt Nam"}


def test_places_are_not_people():
    assert facts("Ông cho biết tỉnh Lạng Sơn và tỉnh Lai Châu hợp tác với Quảng Tây.").people == []
