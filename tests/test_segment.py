"""Arabic sentence segmentation: boundaries, offsets, layout."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from translate.engine.segment import layout, segment, split_sentences


def texts(s: str) -> list[str]:
    return [s[a:b] for a, b in split_sentences(s)]


def test_splits_on_arabic_and_latin_terminators():
    assert texts("ذهب إلى السوق. هل عاد؟ نعم! ثم نام؛ وانتهى اليوم") == [
        "ذهب إلى السوق.",
        "هل عاد؟",
        "نعم!",
        "ثم نام؛",
        "وانتهى اليوم",
    ]


def test_ellipsis_and_grouped_terminators():
    assert texts("انتظر… ماذا؟! لا أصدق... حقا") == ["انتظر…", "ماذا؟!", "لا أصدق...", "حقا"]


def test_never_inside_numbers():
    assert texts("بلغ النمو 3.5 في المئة و٣.٥ بالعربية. ثم تراجع") == [
        "بلغ النمو 3.5 في المئة و٣.٥ بالعربية.",
        "ثم تراجع",
    ]


def test_initials_and_domains_do_not_end_sentences():
    assert texts("قال د. أحمد إن الموقع example.com مغلق. انتهى") == [
        "قال د. أحمد إن الموقع example.com مغلق.",
        "انتهى",
    ]


def test_quote_that_the_sentence_continues_after_is_kept_whole():
    s = "قال «سنعمل. ونجتهد» ثم غادر القاعة. وبعدها صمت"
    assert texts(s) == ["قال «سنعمل. ونجتهد» ثم غادر القاعة.", "وبعدها صمت"]
    assert texts("قال “هل نذهب؟ لا أعرف” وسكت.") == ["قال “هل نذهب؟ لا أعرف” وسكت."]


def test_quote_ending_a_sentence_keeps_its_closing_mark():
    assert texts("قال: «انتهى الأمر.» وغادر") == ["قال: «انتهى الأمر.»", "وغادر"]


def test_run_on_arabic_without_space_is_split():
    assert texts("ذهب.ثم عاد") == ["ذهب.", "ثم عاد"]


def test_line_breaks_end_sentences():
    assert texts("عنوان الخبر\nنص الخبر هنا") == ["عنوان الخبر", "نص الخبر هنا"]


def test_long_sentence_is_cut_at_soft_breaks_within_limit():
    clause = "هذه جملة طويلة جدا عن الاقتصاد"
    s = "، ".join([clause] * 12)
    spans = split_sentences(s, max_chars=100)
    assert len(spans) > 1
    for a, b in spans:
        assert b - a <= 100
        assert not s[a:b].startswith(" ")
    assert all(s[a:b].endswith("،") for a, b in spans[:-1])


def test_long_word_without_spaces_is_hard_cut():
    s = "ب" * 250
    spans = split_sentences(s, max_chars=100)
    assert [b - a for a, b in spans] == [100, 100, 50]
    assert "".join(s[a:b] for a, b in spans) == s


def test_paragraphs_blank_lines_and_offsets():
    text = "\n\nالفقرة الأولى. جملة ثانية.\nسطر آخر\n\n\nالفقرة الثانية\n"
    doc = segment(text)
    assert [p.text for p in doc.paragraphs] == ["الفقرة الأولى. جملة ثانية.\nسطر آخر", "الفقرة الثانية"]
    assert doc.gaps == (2, 3) and doc.trailing == 1
    first = doc.paragraphs[0]
    assert [s.text for s in first.sentences] == ["الفقرة الأولى.", "جملة ثانية.", "سطر آخر"]
    assert [s.line for s in first.sentences] == [3, 3, 4]
    assert first.joiners() == [" ", "\n"]
    for p in doc.paragraphs:
        assert text[p.start : p.start + len(p.text)] == p.text
        for s in p.sentences:
            assert p.text[s.start : s.end] == s.text
    assert layout(doc, [p.text for p in doc.paragraphs]) == text


def test_crlf_and_empty_documents():
    doc = segment("سطر أول\r\n\r\nسطر ثان\r\n")
    assert [p.text for p in doc.paragraphs] == ["سطر أول", "سطر ثان"]
    assert layout(doc, ["a", "b"]) == "a\n\nb\n"
    empty = segment("\n\n")
    assert empty.paragraphs == () and layout(empty, []) == "\n\n"


ALPHABET = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوي 0123456789.!?؟؛…«»“”\"،,\n"))


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=300), st.integers(min_value=5, max_value=80))
def test_spans_cover_every_character_once_in_order(text, max_chars):
    spans = split_sentences(text, max_chars=max_chars)
    covered = []
    previous_end = 0
    for a, b in spans:
        assert previous_end <= a < b <= len(text)
        assert b - a <= max_chars
        assert text[a:b] == text[a:b].strip()
        assert not text[previous_end:a].strip() or all(
            not c.strip() for c in text[previous_end:a]
        )
        covered.append(text[a:b])
        previous_end = b
    assert "".join(covered).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


@settings(max_examples=100, deadline=None)
@given(st.text(ALPHABET, max_size=200))
def test_layout_keeps_line_structure(text):
    doc = segment(text)
    rebuilt = layout(doc, [p.text for p in doc.paragraphs])
    expected = "\n".join(line if line.strip() else "" for line in text.split("\n"))
    assert rebuilt == expected
