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
    f = facts("Các tỉnh Lạng Sơn, Cao Bằng, Hà Giang ký kết hợp tác với Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc).")
    provinces = {a.province.name for a in f.agreements}
    assert len(provinces) >= 3


def test_rejected_partner_candidates_carry_their_score():
    f = facts("Tỉnh Bình Định hợp tác với tỉnh Champasak (Lào).")
    assert "LA-CH" in partner_ids(f)
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
