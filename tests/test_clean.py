"""Cleaning keeps every character traceable to the original and canonicalises what varies."""

import unicodedata

from core.models import RawArticle
from ingest.clean import clean
from ingest.sentences import split


def cleaned(text: str):
    return clean(RawArticle(source="t.txt", text=text))


def test_nbsp_zero_width_and_rtl_marks_are_normalised_with_offsets_kept():
    raw = "Tỉnh\u00a0Quảng\u200b Trị\u200f ký kết"
    c = cleaned(raw)
    assert c.text.strip() == "Tỉnh Quảng Trị ký kết"
    i = c.text.index("Trị")
    assert raw[c.offsets[i]:c.offsets[i] + 3] == "Trị"


def test_nfd_input_becomes_nfc_and_maps_back():
    raw = unicodedata.normalize("NFD", "Thừa Thiên Huế hợp tác với Kyoto")
    c = cleaned(raw)
    assert c.text.strip() == "Thừa Thiên Huế hợp tác với Kyoto"
    k = c.text.index("Kyoto")
    assert raw[c.offsets[k]:c.offsets[k] + 5] == "Kyoto"


def test_tone_marks_take_one_placement():
    c = cleaned("Ký thoả thuận về văn hoá với Uỷ ban, khoẻ mạnh; quý khách giữ nguyên")
    assert "thỏa thuận" in c.text and "văn hóa" in c.text and "Ủy ban" in c.text and "khỏe" in c.text
    assert "quý khách" in c.text  # "qu" + "ý": the u belongs to the consonant


def test_furniture_is_stripped_and_header_date_read():
    raw = ("ClockChủ Nhật, 04/02/2024 13:41\nTiêu đề bài viết về hợp tác\nNội dung chính của bài.\n"
           "ĐÁNH GIÁ\n5\n  Ý kiến bình luận\nBẠN CÓ THỂ QUAN TÂM\nBài khác nói về Lạng Sơn\nReturn to top")
    c = cleaned(raw)
    assert c.published == "2024-02-04"
    assert "Lạng Sơn" not in c.text and "ĐÁNH GIÁ" not in c.text and "Return" not in c.text
    assert "Nội dung chính của bài." in c.text


def test_header_forms():
    for line, iso in [("14:14:31 | 15/4/2024", "2024-04-15"), ("Thứ Hai, 20/01/2020 - 14:47", "2020-01-20")]:
        assert cleaned(line + "\nNội dung bài viết ở đây.").published == iso


def test_sentence_split_keeps_abbreviations_dates_and_numbers():
    text = ("Lễ kỷ niệm tại TP. Đông Hà từ ngày 3-4/8/2023 thu hút 4,439 triệu USD. Tỉnh ký 1.000 hợp đồng. "
            "Xong.")
    sents = [s.text for s in split(text)]
    assert sents == ["Lễ kỷ niệm tại TP. Đông Hà từ ngày 3-4/8/2023 thu hút 4,439 triệu USD.",
                     "Tỉnh ký 1.000 hợp đồng.", "Xong."]


def test_glued_line_is_broken():
    c = cleaned("Trao bằng khen cho bà Yoo Soo YeonXác lập quan hệ hợp tác")
    assert "Yeon\nXác" in c.text
