"""The reviewer's checks (issue 15): each must flag its error and must not flag
the look-alike that is correct — on real sentences in the style of TICO-19 and
NTREX, run through the real ``run_qa``."""
from __future__ import annotations

import pytest

from translate.documents import align
from translate.qa import run_qa
from translate.qa.runner import CHECKS, TERMINOLOGY_CHECKS

NEW = [c.name for c in CHECKS if c not in TERMINOLOGY_CHECKS]


def findings(check: str, pairs: list[tuple[str, str]], name: str | None = None):
    doc = align(name, [a for a, _ in pairs], [e for _, e in pairs])
    return [f for f in run_qa([doc], None, checks=[check]).findings if f.check == check]


def flags(check: str, source: str, target: str) -> list:
    return findings(check, [("عنوان الخبر", "Headline"), (source, target)])  # line 2: not a headline


# check → (source, target) pairs that must be flagged, and pairs that must not.
MUST_FLAG = {
    "empty-target": [("قال الوزير إن الاجتماع انتهى.", ""), ("قال الوزير إن الاجتماع انتهى.", "   \t")],
    "same-as-source": [("قال الوزير إن الاجتماع انتهى.", "قال الوزير إن الاجتماع انتهى."),
                       ("  منظمة الصحة العالمية ", "منظمة الصحة العالمية")],
    "placeables": [
        ("للمزيد زوروا https://www.who.int/emergencies/diseases", "For more visit https://www.who.int/emergency/diseases"),
        ("راسلونا على info@example.org لمزيد من المعلومات.", "Write to us for more information."),
        ("غرد الوزير على @StateDept اليوم.", "The minister tweeted on @StateDep today."),
        ("انتشر وسم #StayHome في العالم.", "The hashtag #StayAtHome spread worldwide."),
        ("قال الوزير إن الاجتماع انتهى.", "The minister said the meeting ended, see http://example.com/x."),
    ],
    "length-ratio": [
        ("قال المسؤول إن الحكومة ستعلن خلال الأسبوع المقبل عن خطة شاملة لإعادة فتح المدارس والجامعات "
         "مع الالتزام بإجراءات التباعد الاجتماعي وارتداء الكمامات.", "The official said the government"),
        ("قال الوزير إن الاجتماع انتهى.",
         "The minister said that the meeting had ended late on Thursday evening after long hours of talks "
         "between the delegations of both countries, and that a joint statement would follow next week."),
    ],
    "end-punctuation": [
        ("هل تعاني من الحمى؟", "Do you have a fever."),
        ("يجب غسل اليدين بالماء والصابون.", "Hands should be washed with soap and water"),
        ("يجب غسل اليدين بالماء والصابون.", "Should hands be washed with soap and water?"),
        ("قال: «هل انتهى الاجتماع؟»", 'He said: "The meeting is over."'),
    ],
    "unbalanced": [
        ("تشمل الأعراض الحمى والسعال (وأحيانًا ضيق التنفس).", "Symptoms include fever and cough (and sometimes shortness of breath."),
        ("قال الوزير إن الاجتماع انتهى.", "The minister said the meeting “ended."),
        ("قال الوزير إن الاجتماع انتهى.", "The minister said] the meeting ended."),
        ("قال: «انتهى الاجتماع».", 'He said: "The meeting is over.'),
    ],
    "repeated-word": [("قال الوزير إن الاجتماع انتهى.", "The minister said the the meeting ended."),
                      ("ذهب إلى المدرسة.", "The The boy went to school."),
                      ("وفقًا للمسؤول، هناك طرق لتدبير هذا.", "And, according to to the official, there are ways.")],
    "whitespace": [("قال الوزير إن الاجتماع انتهى.", "The minister said  the meeting ended."),
                   ("قال الوزير إن الاجتماع انتهى.", " The minister said the meeting ended."),
                   ("قال الوزير إن الاجتماع انتهى.", "The minister said the meeting ended. ")],
}
MUST_NOT_FLAG = {
    "empty-target": [("", ""), ("   ", ""), ("قال الوزير.", "The minister said.")],
    "same-as-source": [("COVID-19", "COVID-19"), ("https://www.who.int", "https://www.who.int"), ("2020", "2020"),
                       ("قال الوزير.", "The minister said.")],
    "placeables": [
        ("للمزيد زوروا https://www.who.int/emergencies.", "For more, visit https://www.who.int/emergencies."),
        ("للمزيد زوروا (/http://www.nhc.gov.cn)، اليوم", "For more visit (http://www.nhc.gov.cn/) today"),
        ("راسلونا على info@example.org.", "Write to info@example.org."),
        ("في اليابان، تصدر هاشتاج ChineseDontComeToJapan# تويتر.", "In Japan, #ChineseDontComeToJapan trended."),
        ("انتشر وسم #ابق_في_البيت على تويتر.", "The hashtag #StayHome spread on Twitter."),
        ("قال الوزير في عصر هاشتاج أنا أيضًا.", "The minister spoke in the #MeToo era."),
        ("ارتفعت الأسهم بنسبة 5%.", "Shares rose 5% @ noon."),
        ("زوروا https://who.int/xفي اليوم وراسلونا علىinfo@who.int.", "Visit https://who.int/x today, write to info@who.int."),
    ],
    "length-ratio": [
        ("قال المسؤول إن الحكومة ستعلن خلال الأسبوع المقبل عن خطة شاملة لإعادة فتح المدارس.",
         "The official said the government would announce a comprehensive plan to reopen schools next week."),
        ("قال الوزير.", "He said."),                      # too short to judge
        ("قال الوزير إن الاجتماع انتهى في وقت متأخر.", ""),  # empty: empty-target's job
    ],
    "end-punctuation": [
        ("هل تعاني من الحمى؟", "Do you have a fever?"),
        ("فسألته: لماذا؟.", "Why? she asked."),
        ("يجب غسل اليدين بالماء والصابون", "Hands should be washed with soap and water."),  # Arabic left it off
        ("قال: «انتهى الاجتماع.»", 'He said: "The meeting is over."'),
        ("انتهى الاجتماع!", "The meeting is over."),
        ("المطلوب ما يلي:", "The following is required."),
    ],
    "unbalanced": [
        ("تشمل الأعراض الحمى (والسعال).", "Symptoms include fever (and cough)."),
        ("قال: «انتهى الاجتماع».", "He said: “The meeting is over.”"),
        ("قال: \"انتهى الاجتماع\".", 'He said: "The meeting is over."'),
        ("قال: \"انتهى الاجتماع", 'He said: "The meeting is over.'),   # the source is unbalanced too
        ("قالت إن الطقس جميل.", "She said the children's toys are broken."),  # apostrophes are not quotes
    ],
    "repeated-word": [("قال إنه كان قد حصل على ذلك.", "He said he had had enough."),
                      ("قال إن ذلك صحيح.", "He said that that was true."),
                      ("نزلوا في فندق روا روا.", "They stayed at the Roa Roa Hotel."),
                      ("لا، لا.", "No, no."),
                      ("بلغ العدد 10 10 مرات.", "The count was 10 10 times.")],
    "whitespace": [("قال الوزير.", "The minister said. Then he left."),
                   (" قال الوزير.", " The minister said."),  # the source starts with a space too
                   ("قال الوزير إن الاجتماع انتهى.", "")],
}


def test_every_new_check_has_cases():
    assert set(MUST_FLAG) | {"segment-consistency"} == set(NEW) == set(MUST_NOT_FLAG) | {"segment-consistency"}


@pytest.mark.parametrize("check,source,target", [(c, s, t) for c, cases in MUST_FLAG.items() for s, t in cases])
def test_must_flag(check, source, target):
    found = flags(check, source, target)
    assert found and all(f.line == 2 for f in found), (check, target)


@pytest.mark.parametrize("check,source,target", [(c, s, t) for c, cases in MUST_NOT_FLAG.items() for s, t in cases])
def test_must_not_flag(check, source, target):
    assert not flags(check, source, target), [f.message for f in flags(check, source, target)]


def test_spans_point_at_the_problem():
    (f,) = flags("repeated-word", "ذهب.", "He went to to school.")
    (a, b), = f.target_spans
    assert "He went to to school."[a:b] == "to to" and f.severity == "warning"
    (f,) = flags("unbalanced", "قال.", "He said (and left.")
    assert f.target_spans == ((8, 9),) and "( )" in f.message
    (f,) = flags("placeables", "زوروا https://a.org/x اليوم", "Visit https://a.org/y today")
    assert f.evidence == "https://a.org/x" and f.target_spans and f.severity == "error"
    (f,) = flags("length-ratio", "قال المسؤول إن الحكومة ستعلن خلال الأسبوع المقبل عن خطة شاملة لإعادة فتح "
                                 "المدارس والجامعات مع الالتزام بإجراءات التباعد.", "The official said")
    assert f.details["ratio"] < 0.3 and f"{f.details['ratio']:.2f}×" in f.message
    (f,) = flags("whitespace", "قال.", "He  said. ")
    assert f.target_spans == ((2, 4), (9, 10)) and f.severity == "info"


def test_headline_may_drop_its_full_stop():
    # the first segment of a document is its headline: English headlines take no full stop
    first = findings("end-punctuation", [("اعتقال مشتبه به في مقتل لاعب.", "Arrest made in shooting death of player"),
                                         ("قال الوزير إن الاجتماع انتهى.", "The minister said the meeting ended")])
    assert [f.line for f in first] == [2]


def test_quotation_running_over_segments_is_balanced():
    pairs = [("قال: \"الوضع صعب.", '"The situation is hard.'),
             ("لكننا سنتجاوزه\".", 'But we will get through it," he said.'),
             ("قال الوزير إن الاجتماع انتهى.", "The minister said “the meeting ended.")]
    found = findings("unbalanced", pairs)
    assert [f.line for f in found] == [3]


def test_segment_consistency_both_ways_across_documents():
    a = align("a.txt", ["أغلقت المدارس في جميع أنحاء البلاد.", "ارتفع عدد الإصابات إلى مئة."],
              ["Schools were closed across the country.", "Cases rose to one hundred."])
    b = align("b.txt", ["أغلقت المدارس في جميع أنحاء البلاد", "ارتفعت أعداد الإصابات إلى مئة."],
              ["Schools closed nationwide.", "cases rose to one hundred"])
    report = run_qa([a, b], None, checks=["segment-consistency"])
    got = {(f.document, f.line, f.details["compared"]) for f in report.findings}
    # same source (up to punctuation) translated two ways; two sources, one translation (up to case/punctuation)
    assert got == {("a.txt", 1, "target"), ("b.txt", 1, "target"), ("a.txt", 2, "source"), ("b.txt", 2, "source")}
    one = next(f for f in report.findings if (f.document, f.line) == ("a.txt", 1))
    variants = {v["text"]: [(x["document"], x["line"]) for x in v["at"]] for v in one.details["renderings"]}
    assert variants == {"Schools were closed across the country.": [("a.txt", 1)],
                        "Schools closed nationwide.": [("b.txt", 1)]}


def test_segment_consistency_leaves_short_and_agreeing_segments():
    pairs = [("نعم", "Yes"), ("نعم", "Right"),  # one-word replies are translated by context
             ("أغلقت المدارس في جميع أنحاء البلاد.", "Schools were closed across the country."),
             ("أغلقت المدارس في جميع أنحاء البلاد.", "Schools were closed across the country.")]
    assert not findings("segment-consistency", pairs)


def test_new_checks_need_no_glossary_and_are_documented():
    for c in CHECKS:
        if c.name in NEW:
            assert not c.needs_glossary and c.description
            doc = __import__(c.__module__, fromlist=["x"]).__doc__
            assert doc and ("bench/qa_checks_bench.py" in doc or c.name in ("empty-target",)), c.name
