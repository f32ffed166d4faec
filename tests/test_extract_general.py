"""What unseen articles break, on sentences written for these tests (not from any corpus)."""

from core.models import RawArticle
from ingest.pipeline import process


def facts(text: str, published: str | None = "2024-06-20"):
    return process(RawArticle(source="t.txt", text=text, published=published))


def partner_ids(f):
    return {p.partner.id for p in f.partners}


def test_stated_start_of_a_partnership_is_since_not_the_article_date():
    f = facts("Tỉnh Quảng Trị và tỉnh Savannakhet (Lào) kết nghĩa từ năm 1994. "
              "Tỉnh Quảng Trị tiếp tục hợp tác với tỉnh Savannakhet.")
    since = {p.partner.id: p.since for p in f.partners}
    assert since.get("LA-SV") == "1994"
    assert "LA" not in since, "Laos only places Savannakhet"


def test_passive_agreement_and_kis_spelling():
    f = facts("Tỉnh Bình Định đã kí kết bản ghi nhớ hợp tác với tỉnh Champasak (Lào) ngày 12/6/2024.")
    assert [(a.kind, a.partner.id if a.partner else None, a.date) for a in f.agreements] == [("MoU", "LA-CH", "2024-06-12")]
    f = facts("Các văn bản đã được ký kết giữa tỉnh Bình Định và tỉnh Champasak (Lào) tiếp tục phát huy hiệu quả.")
    assert any(a.kind == "CooperationAgreement" for a in f.agreements)


def test_a_proposed_signing_is_no_agreement_and_is_rejected_with_a_reason():
    f = facts("Tập đoàn Lotte (Hàn Quốc) đề xuất ký kết bản ghi nhớ với tỉnh Bình Định.")
    assert not f.agreements
    assert any(r.section == "agreements" and "hedged" in r.reason for r in f.rejected)


def test_co_signing_provinces_each_get_the_agreement():
    f = facts("Các tỉnh Lạng Sơn, Lai Châu, Thanh Hóa ký kết hợp tác với Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc).")
    provinces = {a.province.name for a in f.agreements}
    assert len(provinces) >= 3


def test_rejected_partner_candidates_carry_their_rule_or_score():
    f = facts("Tỉnh Bình Định hợp tác với tỉnh Champasak (Lào).")
    assert partner_ids(f) == {"LA-CH"}
    assert any(r.section == "partners" and r.reason.startswith("rule:locator") for r in f.rejected)
    f = facts("Tỉnh Bình Định có nhiều lao động làm việc tại Nhật Bản.")
    assert partner_ids(f) == set()
    assert any(r.section == "partners" and r.reason.startswith("score") for r in f.rejected)


def test_a_courtesy_call_of_a_consul_general_is_a_dated_visit():
    f = facts("Chiều 18/6, bà Jane Miller, Tổng Lãnh sự Úc tại TP Hồ Chí Minh, chào xã giao lãnh đạo tỉnh Bình Định.")
    assert [(e.kind, e.date_start) for e in f.events] == [("Visit", "2024-06-18")]
    assert "AU" in partner_ids(f)


def test_people_with_foreign_names_and_a_lower_case_d():
    f = facts("Phó Chủ tịch UBND tỉnh Bình Định Nguyễn Văn Đức đã tiếp ông IKEDA Tadashi, Tổng Lãnh sự Nhật Bản.")
    names = {p.name for p in f.people}
    assert "Nguyễn Văn Đức" in names and not any(n.endswith("đã") for n in names)


def test_figures_skip_domestic_statistics_and_areas():
    f = facts("Năm 2023, GRDP của tỉnh Bình Định đạt 5 tỷ USD; diện tích trồng xoài 300 ha; "
              "tỉnh thu hút 12 dự án FDI với tổng vốn 200 triệu USD.")
    values = {o.value for o in f.observations}
    assert 200_000_000 in values and 5_000_000_000 not in values and 300 not in values


def test_lists_after_a_colon_and_before_a_parenthesised_country():
    f = facts("Tỉnh Hòa Bình đẩy mạnh hợp tác với các tỉnh: Nakhon Phanom, Sakon Nakhon, Mukdahan (Thái Lan).")
    assert partner_ids(f) == {"TH-48", "TH-47", "TH-49"}


def test_a_comma_inside_a_name_is_one_partner():
    f = facts("Tỉnh Hòa Bình hợp tác với Khu tự trị dân tộc Choang, Quảng Tây (Trung Quốc).")
    assert partner_ids(f) == {"CN-GX"}


def test_an_embassy_list_gives_every_country_and_a_donor_is_a_partner():
    f = facts("Lãnh đạo tỉnh Bình Định tiếp Đại sứ quán Mỹ, Hàn Quốc, Singapore và Pakistan tại Việt Nam.")
    assert partner_ids(f) == {"US", "KR", "SG", "PK"}
    assert partner_ids(facts("Tỉnh Bình Định tiếp nhận khoản viện trợ của Hàn Quốc để xây trường học.")) == {"KR"}


def test_an_fta_name_and_a_language_list_give_no_partner():
    assert partner_ids(facts("Tỉnh Bình Định tận dụng Hiệp định thương mại tự do ASEAN – Trung Quốc để xuất khẩu.")) == set()
    assert partner_ids(facts("Tỉnh Bình Định in sách bằng các thứ tiếng: Anh, Pháp, Nhật Bản gửi đối tác.")) == set()


def test_a_chinese_officials_name_is_no_thai_province():
    f = facts("Ông Vương Lỗi, Phó Chủ tịch Chính phủ Khu tự trị Quảng Tây, hội kiến lãnh đạo tỉnh Lạng Sơn.")
    assert "TH-42" not in partner_ids(f) and "CN-GX" in partner_ids(f)


def test_date_ranges_without_a_year_take_the_articles():
    (e,) = facts("Trong hai ngày 28 và 29-11, Hội nghị xúc tiến đầu tư giữa tỉnh Bình Định và tỉnh Kyoto "
                 "(Nhật Bản) diễn ra tại Quy Nhơn.", published="2024-12-01").events
    assert (e.kind, e.date_start, e.date_end) == ("Conference", "2024-11-28", "2024-11-29")
    (e,) = facts("Ngày 10-12/6, tỉnh Bình Định tổ chức Diễn đàn hợp tác kinh tế với tỉnh Kyoto (Nhật Bản).").events
    assert (e.kind, e.date_start, e.date_end) == ("Forum", "2024-06-10", "2024-06-12")
    (e,) = facts("Từ ngày 11/6 đến 15/6/2024, đoàn công tác tỉnh Bình Định sang thăm tỉnh Gyeonggi (Hàn Quốc).").events
    assert (e.kind, e.date_start, e.date_end) == ("Delegation", "2024-06-11", "2024-06-15")


def test_no_year_the_text_does_not_give():
    f = facts("Chiều 15/10, Tổng Lãnh sự Pháp chào xã giao lãnh đạo tỉnh Bình Định.", published=None)
    assert [e.date_start for e in f.events] == [None]


def test_figures_students_scholarships_and_investing_enterprises_with_word_boundaries():
    f = facts("Năm 2024, tỉnh Bình Định có 120 sinh viên Lào đang học tập, 35 suất học bổng của Chính phủ "
              "Hàn Quốc và 15 doanh nghiệp Nhật Bản đầu tư.")
    assert [(o.value, o.indicator) for o in f.observations] == [
        (120, "students"), (35, "scholarships"), (15, "investing_enterprises")]
    for o in f.observations:
        a, b = o.evidence.start, o.evidence.end
        text = f.document.content or ""
        assert (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum()), o.evidence.text


def test_people_in_every_form_and_no_company_as_a_person():
    f = facts("Tham dự có ông Bounkhong Lachiemphone - Phó Tỉnh trưởng tỉnh Savannakhet; bà Nguyễn Thị Hoa, "
              "Giám đốc Sở Ngoại vụ tỉnh Bình Định. Ngài Hun Manet, Thủ tướng Campuchia, tiếp ông Kim Young Soo, "
              "Chủ tịch Công ty Samsung Display. Thống đốc tỉnh Surin Chamroen Thipayapongtada cảm ơn tỉnh.")
    roles = {p.name: p.role for p in f.people}
    assert roles == {"Bounkhong Lachiemphone": "Phó Tỉnh trưởng tỉnh Savannakhet",
                     "Nguyễn Thị Hoa": "Giám đốc Sở Ngoại vụ tỉnh Bình Định", "Hun Manet": "Thủ tướng Campuchia",
                     "Kim Young Soo": "Chủ tịch Công ty Samsung Display",
                     "Chamroen Thipayapongtada": "Thống đốc tỉnh Surin"}
    assert facts("Công ty TNHH Hyosung Vina đầu tư vào tỉnh Bình Định; Tập đoàn Lotte Mart mở siêu thị.").people == []


def test_a_count_that_matches_its_partners_is_one_agreement_each():
    f = facts("Năm 2023, tỉnh Bình Định đã ký 3 thỏa thuận hợp tác với các tỉnh Champasak, Attapeu và Sekong (Lào).")
    assert sorted((a.partner.id, a.count, a.date) for a in f.agreements) == [
        ("LA-AT", None, "2023"), ("LA-CH", None, "2023"), ("LA-XE", None, "2023")]


def test_handing_over_minutes_is_a_signing():
    f = facts("Hai bên trao biên bản hợp tác giữa tỉnh Bình Định và tỉnh Kyoto (Nhật Bản) ngày 5/3/2024.")
    assert [(a.kind, a.partner.id, a.date) for a in f.agreements] == [("CooperationMinutes", "JP-26", "2024-03-05")]
    assert [(e.kind, e.date_start) for e in f.events] == [("Signing", "2024-03-05")]
