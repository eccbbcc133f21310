"""Finding glossary terms in Arabic: every spelling, exact spans, no false names."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.glossary import Glossary, Term, load_glossaries
from translate.matching import Matcher, MatchSettings
from translate.matching.match import FuzzySettings
from translate.matching.verdict import Verdict

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "seed-article.ar.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return Matcher(load_glossaries([ROOT / "glossaries"]))


def _terms(*terms: Term) -> Matcher:
    return Matcher(Glossary(terms=list(terms)))


ESPER = Term("Esper", ("إسبر", "اسبير", "ايسبر"), "person")
POMPEO = Term("Pompeo", ("بومبو", "بومبيو"), "person")
MARK_ESPER = Term("Mark Esper", ("مارك إسبر",), "person")
PENTAGON = Term("the Pentagon", ("البنتاغون",), "organization")
ABDUL_MAHDI = Term("Abdul Mahdi", ("عبد المهدي",), "person")
MILITARY_TIMES = Term("Military Times", ("ميليتاري تايمز",), "outlet")
FINANCIAL_TIMES = Term("Financial Times", ("فايننشال تايمز",), "outlet")
CONGRESS = Term("Congress", ("الكونغرس",), "organization")
BOLTON = Term("Bolton", ("بولتون",), "person")
GOOGLE = Term("Google", ("غوغل",), "organization")


def _found(matcher: Matcher, line: str) -> list[tuple[str, str, str]]:
    out = []
    for m in matcher.find(line):
        assert line[m.start:m.end] == m.text
        out.append((m.text, m.target, m.kind))
    return out


# -- the seed article --------------------------------------------------------------
EXPECTED_SEED = {
    "Mark Esper": [1], "Esper": [2, 5, 13], "Abdul Mahdi": [1, 5, 7], "Military Times": [3, 10],
    "Mike Pompeo": [8], "Pompeo": [9], "the Pentagon": [6, 10], "Capitol Hill": [12, 13],
    "ISIS": [10], "Operation Inherent Resolve": [10],
}


def test_seed_article_every_mention_on_its_line(shipped: Matcher) -> None:
    matches = shipped.find_all(SEED)
    for m in matches:
        assert SEED[m.line - 1][m.start:m.end] == m.text
    for target, lines in EXPECTED_SEED.items():
        got = sorted(m.line for m in matches if m.target == target)
        assert got == lines, target


def test_seed_article_garbled_outlet_is_fuzzy_with_score(shipped: Matcher) -> None:
    (m,) = [m for m in shipped.find(SEED[2], 3) if m.target == "Military Times"]
    assert m.text == "ميليتيم تايمز" and m.kind == "fuzzy" and 0.7 <= m.score < 1.0


def test_seed_article_esper_spellings(shipped: Matcher) -> None:
    texts = {m.text for m in shipped.find_all(SEED) if m.target in ("Esper", "Mark Esper")}
    assert texts == {"مارك اسبير", "ايسبر", "إسبير", "إسبر"}


# -- listed and orthographic spellings ---------------------------------------------
@pytest.mark.parametrize("line,text,kind", [
    ("قال إسبر اليوم", "إسبر", "exact"),
    ("قال اسبر اليوم", "اسبر", "normalized"),
    ("قال أسبر اليوم", "أسبر", "normalized"),
    ("قال إِسْبِر اليوم", "إِسْبِر", "normalized"),
    ("قال إســبر اليوم", "إســبر", "normalized"),
    ("قال اس\u200cبير اليوم", "اس\u200cبير", "normalized"),
    ("قال ايسبر اليوم", "ايسبر", "exact"),
])
def test_orthographic_variants(line: str, text: str, kind: str) -> None:
    assert _found(_terms(ESPER), line) == [(text, "Esper", kind)]


@pytest.mark.parametrize("spelling", ["مصطفى", "مصطفي"])
def test_alef_maksura_and_yeh(spelling: str) -> None:
    m = _terms(Term("Mustafa Kadhimi", ("مصطفى الكاظمي",), "person"))
    assert _found(m, f"التقى {spelling} الكاظمی بالوفد")[0][1] == "Mustafa Kadhimi"


def test_teh_marbuta_and_keheh() -> None:
    m = _terms(Term("Hodeidah", ("الحديدة",), "place"), Term("Kirkuk", ("كركوك",), "place"))
    assert [t for _, t, _ in _found(m, "من مدينة الحديده إلى کرکوک")] == ["Hodeidah", "Kirkuk"]


def test_ambiguous_place_needs_a_place_word() -> None:
    m = _terms(Term("Hama", ("حماة",), "place"))  # حماه is also "he protected him"
    assert _found(m, "وصل الوفد إلى مدينة حماه") == [("حماه", "Hama", "normalized")]


@pytest.mark.parametrize("line", ["قال عبد المهدي", "قال عبدالمهدي", "قال عبد  المهدي"])
def test_compound_name_space(line: str) -> None:
    (found,) = _found(_terms(ABDUL_MAHDI), line)
    assert found[1] == "Abdul Mahdi"


def test_compound_listed_joined_found_split() -> None:
    m = _terms(Term("Abu Bakr", ("أبوبكر",), "person"))
    assert _found(m, "قال أبو بكر")[0][:2] == ("أبو بكر", "Abu Bakr")


# -- clitics -------------------------------------------------------------------------
@pytest.mark.parametrize("line,text", [
    ("وإسبر قال", "إسبر"), ("لإسبر قال", "إسبر"), ("فإسبر قال", "إسبر"), ("بإسبر قال", "إسبر"),
    ("وبومبيو قال", "بومبيو"), ("وكبومبيو", "بومبيو"),
])
def test_proclitics_are_outside_the_span(line: str, text: str) -> None:
    found = _found(_terms(ESPER, POMPEO), line)
    assert [f[0] for f in found] == [text]


@pytest.mark.parametrize("line,text", [
    ("والبنتاغون أعلن", "البنتاغون"), ("بالبنتاغون", "البنتاغون"), ("للبنتاغون", "بنتاغون"),
    ("وللبنتاغون", "بنتاغون"),
])
def test_article_and_clitics(line: str, text: str) -> None:
    assert _found(_terms(PENTAGON), line)[0][:2] == (text, "the Pentagon")


def test_longest_match_wins() -> None:
    m = _terms(ESPER, MARK_ESPER)
    assert _found(m, "قال مارك إسبر ثم قال إسبر") == [
        ("مارك إسبر", "Mark Esper", "exact"), ("إسبر", "Esper", "exact")]


def test_multiword_not_across_punctuation() -> None:
    m = _terms(MARK_ESPER)
    assert _found(m, "قال مارك، إسبر") == []


def test_latin_name_inside_arabic() -> None:
    m = _terms(MILITARY_TIMES)
    assert _found(m, "صحيفة البنتاغون Military Times.") == [("Military Times", "Military Times", "exact")]


# -- fuzzy: unseen spellings of foreign names -------------------------------------
@pytest.mark.parametrize("term,line,text", [
    (Term("Esper", ("إسبر",), "person"), "قال إسبير", "إسبير"),
    (Term("Esper", ("إسبر",), "person"), "قال ايسبر", "ايسبر"),
    (Term("Pompeo", ("بومبو",), "person"), "قال بومبيو", "بومبيو"),
    (BOLTON, "قال بولتن", "بولتن"),
    (CONGRESS, "أمام الكونجرس", "الكونجرس"),
    (GOOGLE, "شركة جوجل", "جوجل"),
    (MILITARY_TIMES, "صحيفة ميليتيم تايمز", "ميليتيم تايمز"),
])
def test_fuzzy_unseen_spellings(term: Term, line: str, text: str) -> None:
    (found,) = [m for m in _terms(term).find(line)]
    assert (found.text, found.target, found.kind) == (text, term.target, "fuzzy")
    assert 0.0 < found.score < 1.0


def test_fuzzy_can_be_switched_off() -> None:
    m = Matcher(Glossary(terms=[BOLTON]), MatchSettings(FuzzySettings(enabled=False)))
    assert m.find("قال بولتن") == []


# -- must not match: a false correction is worse than a missed one -------------
MUST_NOT_MATCH = [
    (ESPER, "أطلقت الوكالة مسبارا إلى المريخ"),          # مسبار: a probe
    (ESPER, "فازت إسبانيا على البرتغال"),                 # Spain
    (ESPER, "سبر الباحثون أغوار المشكلة"),                 # سبر: to probe
    (POMPEO, "وقفت بومة على الشجرة"),                      # an owl
    (MILITARY_TIMES, "نشرت صحيفة فايننشال تايمز تقريرا"),  # the Financial Times
    (MILITARY_TIMES, "نشرت صحيفة نيويورك تايمز تقريرا"),   # the New York Times
    # A one-letter "slip" that is a word of its own is that word (found on TICO-19):
    (Term("The New York Times", ("نيويورك تايمز",), "outlet"), "قالت إن نيويورك تجاوز عدد الإصابات فيها"),
    (Term("the White House", ("البيت الأبيض",), "organization"), "قرأت رواية الحوت الأبيض"),
    (Term("Fi", ("في",), "person"), "كان في البيت"),         # في is "in"
    (Term("Ali", ("علي",), "person"), "جلس على الكرسي"),    # على is "on" (folds to علي)
    (Term("Madi", ("ماضي",), "person"), "في الأسبوع الماضي قال"),
    (Term("Kamal", ("كمال",), "person"), "كمال الأجسام رياضة"),  # not ك + مال either
    (Term("Sam", ("سام",), "person"), "التقى بسام بصديقه"),  # بسام is a name, not ب + سام
    (Term("Mrs.", ("السيدة",), "person"), "قالت السيدة إنها"),  # a title, not a name
    (Term("Muttahida", ("متحدة",), "person"), "الأمم المتحدة قالت"),
    (POMPEO, "على غرار قبعة لا بومبا الشهيرة"),            # La Bomba: a vowel swapped, not added
    (Term("Syria", ("سوريا",), "place"), "اجتمعوا سريًا في المساء"),   # سريًا: "secretly"
    (Term("Syria", ("سوريا",), "place"), "فر لاجئ سوري من الحرب"),     # سوري: "Syrian"
    (Term("Mexico", ("المكسيك",), "place"), "قال الرئيس المكسيكي"),    # "the Mexican"
    # Name lists hold English words (a Liszt spelled ليست became "list"): an
    # English word is not a name in French or German text, so it cannot vouch.
    (Term("list", ("ليست",), "person"), "وهذه ليست تجربتي فقط"),       # ليست: "is not"
    # A title after a word announces the next name, not this one.
    (Term("Achar", ("أشار",), "person"), "أشار الرئيس إلى ترشيح القاضي"),
    (Term("'Ali", ("على",), "person"), "وتم العثور على السيدة في الساعة السابعة"),
    # Place words announce places, not people: "the north-west region".
    (Term("Szmal", ("شمال",), "person"), "في منطقة شمال غرب فلوريدا"),
    # A definite word after a definite title is its adjective: "the winning team".
    (Term("Faiz", ("فائز",), "person"), "كان جزءا من الفريق الفائز في المباراة"),
    # Initials in a name list are letters, not names (HMP; a grade A).
    (Term("h.", ("إتش",), "person"), "في سجن إتش أم بي لونغ لارتن"),
    (Term("a.", ("أ",), "person"), "حصلوا على درجات A عالية"),
    # With a clitic in front a name keeps its hamza (فأينشتاين): فاينشتاين is Feinstein.
    (Term("Einstein", ("أينشتاين",), "person"), "سخر من السيناتور دايان فاينشتاين"),
    # The pieces of a hyphenated code are not names (found on TICO-19: SARS-CoV-2).
    (Term("Kove", ("كوف",), "person"), "ينتقل فيروس سارس-كوف-2 بين البشر"),
    # A foreign-looking word common in Arabic whose "name" Europe never uses (CoV).
    (Term("Kove", ("كوف",), "person"), "قال الباحثون إن كوف ينتشر"),
    # Tanween marks an indefinite word (نافيًا, "denying"), never a foreign name.
    (Term("Navia", ("نافيا",), "person"), "وقال نافيًا أي تورط في الهجوم"),
    # An unseen spelling with ة is an Arabic word (دمغة: stamp duty), not Dahmke.
    (Term("Dahmke", ("دامكه",), "person"), "سترتفع رسوم دمغة العقارات"),
    # A person's name takes no article: البيج is "the beige" (found on NTREX).
    (Term("Page", ("بيج",), "person"), "ارتدت قبعة باللون البيج القاتم"),
    # An unseen spelling that is an Arabic verb with its plural ending (found on NTREX).
    (Term("Juvarra", ("يوفارا",), "person"), "على أن يوفروا العمالة اللازمة"),
    # R3hab's letters "hab" are no evidence that the name is common (رهاب: phobia).
    (Term("R3hab", ("ريهاب",), "person"), "ارتفع رهاب الأجانب في العديد من البلدان"),
    # The article is ال: ألغينا is "we cancelled", not ال + Ghena.
    (Term("Ghena", ("غينا",), "place"), "لقد ألغينا الحفل"),
]


@pytest.mark.parametrize("term,line", MUST_NOT_MATCH)
def test_must_not_match(term: Term, line: str) -> None:
    assert _found(_terms(term, FINANCIAL_TIMES if term is MILITARY_TIMES else ESPER), line) in (
        [], [("فايننشال تايمز", "Financial Times", "exact")])


def test_clitic_before_a_hamza_name() -> None:
    m = _terms(Term("Einstein", ("أينشتاين",), "person"))
    assert _found(m, "قال وأينشتاين") == [("أينشتاين", "Einstein", "exact")]
    assert _found(m, "قال فأينشتاين") == [("أينشتاين", "Einstein", "exact")]
    # a glossary that lists the hamza-less spelling says the name is written so
    assert _found(_terms(ESPER), "قال واسبر") == [("اسبر", "Esper", "normalized")]


def test_article_on_a_name_the_glossary_lists_with_one() -> None:
    m = _terms(Term("Sistani", ("السيستاني",), "person"))
    assert _found(m, "أعلن ولاءه للسيستاني") == [("سيستاني", "Sistani", "normalized")]


def test_financial_times_is_itself() -> None:
    m = _terms(MILITARY_TIMES, FINANCIAL_TIMES)
    assert _found(m, "نشرت صحيفة فايننشال تايمز") == [("فايننشال تايمز", "Financial Times", "exact")]


def test_ambiguous_name_matches_next_to_title() -> None:
    m = _terms(Term("Ali", ("علي",), "person"))
    assert _found(m, "قال الرئيس علي إن") and _found(m, "قال السيد علي إن")
    assert _found(m, "قال علي إن") == []


def test_a_nationality_may_stand_between_the_title_and_the_name() -> None:
    m = _terms(Term("Madi", ("ماضي",), "person"), Term("Khamenei", ("خامنئي",), "person"))
    assert [t for _, t, _ in _found(m, "قال الرئيس اللبناني ماضي إن")] == ["Madi"]
    assert [t for _, t, _ in _found(m, "وقال المرشد الإيراني خامنئي إن")] == ["Khamenei"]
    assert _found(m, "قال اللبناني ماضي إن") == []          # a nationality is not a title
    # The commonest words still need the title right before them: "the European team on…"
    assert _found(_terms(Term("'Ali", ("على",), "person")), "حصل الفريق الأوروبي على ميزة") == []


def test_ambiguous_name_matches_next_to_an_unambiguous_name() -> None:
    m = _terms(Term("Madi", ("ماضي",), "person"), Term("Georgette", ("جورجيت",), "person"))
    assert [t for _, t, _ in _found(m, "وقالت جورجيت ماضي إن")] == ["Georgette", "Madi"]


@pytest.mark.parametrize("word,name,line", [
    ("والدة", "Walda", "هذا ما قالته والدة ريسا كوسوما"),     # "Risa's mother"
    ("هدية", "Hedieh", "إن هدية ريسا للكوميديا الجسدية"),      # "Risa's gift"
    ("تشير", "Techer", "ريسا تشير إلى معاناة ابنها"),          # "Risa points to"
])
def test_a_neighbouring_name_does_not_make_a_clear_arabic_word_a_name(word: str, name: str, line: str) -> None:
    # Each list name is far rarer as a name than its spelling is as an Arabic word.
    m = _terms(Term(name, (word,), "person"), Term("Risa", ("ريسا",), "person"))
    assert [t for _, t, _ in _found(m, line)] == ["Risa"]


def test_a_neighbouring_name_tips_a_close_call() -> None:
    # مات is "died", but Matt is common as a name: next to Damon it is one.
    m = _terms(Term("Matt", ("مات",), "person"), Term("Damon", ("دامون",), "person"))
    assert [t for _, t, _ in _found(m, "فيلم من بطولة مات دامون")] == ["Matt", "Damon"]
    assert _found(m, "مات الرجل في الحادث") == []


IRAN_NAMES = [Term("Qasem Soleimani", ("قاسم سليماني",), "person"), Term("Soleimani", ("سليماني",), "person"),
              Term("Muqtada al-Sadr", ("مقتدى الصدر",), "person"), Term("Sadr", ("الصدر",), "person")]


def test_a_name_given_in_full_vouches_for_its_surname_in_the_document() -> None:
    # سليماني and الصدر are common Arabic words (and rare names in European text):
    # alone they need a title, but after the full name the document means the man.
    m = _terms(*IRAN_NAMES)
    doc = ["قتل قاسم سليماني في غارة قرب بغداد", "وكان سليماني يقود فيلق القدس", "ودعا مقتدى الصدر أنصاره",
           "وقال الصدر في بيان"]
    assert [(x.line, x.target) for x in m.find_all(doc)] == [
        (1, "Qasem Soleimani"), (2, "Soleimani"), (3, "Muqtada al-Sadr"), (4, "Sadr")]
    assert [len(found) for found in m.find_lines(doc)] == [1, 1, 1, 1]
    # Without the full name, nothing vouches for them.
    assert m.find_all([doc[1], doc[3]]) == []
    assert m.find(doc[1]) == []


def test_a_full_name_vouches_only_for_its_own_words() -> None:
    m = _terms(*IRAN_NAMES, Term("Madi", ("ماضي",), "person"))
    doc = ["قتل قاسم سليماني في غارة", "كان ماضي المدينة مشرقا"]  # "the city's past"
    assert [x.target for x in m.find_all(doc)] == ["Qasem Soleimani"]


def test_a_full_name_with_a_slip_outranks_an_ambiguous_word_and_vouches_for_it() -> None:
    # كلوب is also "club": alone it needs context, inside يورجن كلوب (غ/ج) it is Klopp.
    m = _terms(Term("Jurgen Klopp", ("يورغن كلوب",), "person"), Term("Klopp", ("كلوب",), "person"))
    doc = ["وقال المدرب يورجن كلوب إن الفريق رائع", "وأضاف كلوب أنه لا يفكر في الراحة"]
    assert [(x.line, x.text, x.target, x.kind) for x in m.find_all(doc)] == [
        (1, "يورجن كلوب", "Jurgen Klopp", "fuzzy"), (2, "كلوب", "Klopp", "exact")]


def test_a_full_name_with_a_slip_outranks_a_listed_word_of_it() -> None:
    m = _terms(Term("Kamala Harris", ("كامالا هاريس",), "person"), Term("Harris", ("هاريس",), "person"),
               Term("The Washington Post", ("واشنطن بوست",), "outlet"), Term("Washington", ("واشنطن",), "place"))
    line = "وذكرت صحيفة واشنطون بوست أن كمالا هاريس ستزور جورجيا"
    assert [(t, k) for _, t, k in _found(m, line)] == [("The Washington Post", "fuzzy"), ("Kamala Harris", "fuzzy")]
    # The listed word may also start the full name (واشنطن of واشنطن بوست).
    assert [(t, k) for _, t, k in _found(m, "نشرت واشنطن بوصت تقريرا")] == [("The Washington Post", "fuzzy")]
    # A slip is never another listed name: كامالا واشنطن is not Kamala Harris.
    assert [t for _, t, _ in _found(m, "قالت كامالا واشنطن")] == ["Washington"]


def test_places_are_not_ambiguous_for_being_frequent_in_arabic_news(shipped: Matcher) -> None:
    assert [t for _, t, _ in _found(shipped, "في العراق وإيران")] == ["Iraq", "Iran"]


def test_one_spelling_several_names_takes_the_likeliest() -> None:
    m = _terms(Term("Maarten", ("مارتن",), "person"), Term("Martin", ("مارتن",), "person"))
    assert _found(m, "قال مارتن إن")[0][1] == "Martin"


@pytest.mark.parametrize("spelling,names,likeliest", [
    ("جون", ("june", "John", "jihadi"), "John"),      # June is يونيو in Arabic news
    ("بول", ("ball", "Paul"), "Paul"),
    ("لويس", ("straight", "Lewis"), "Lewis"),
])
def test_likeliest_is_the_likeliest_name_not_word(spelling: str, names: tuple, likeliest: str) -> None:
    m = _terms(*(Term(n, (spelling,), "person") for n in names))
    assert [t for _, t, _ in _found(m, f"قال السيد {spelling} إن")] == [likeliest]


# -- offsets on random text ---------------------------------------------------------
FILLER = st.sampled_from(["قال", "في", "على", "اليوم", "الحكومة", "،", ".", "«", "»", "  ", "\u200f", "ـ", "ً", "١٢٢"])
INSERTED = st.sampled_from(["إسبر", "وإسبر", "اسبير", "إِسْبِر", "لبومبيو", "والبنتاغون", "عبدالمهدي",
                            "عبد المهدي", "مارك إسبر", "ميليتيم تايمز", "Military Times", "ﻻ"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(FILLER, INSERTED), max_size=25))
def test_every_span_is_exact(parts: list[str]) -> None:
    line = " ".join(parts)
    m = _terms(ESPER, POMPEO, PENTAGON, ABDUL_MAHDI, MARK_ESPER, MILITARY_TIMES)
    for found in m.find(line):
        assert line[found.start:found.end] == found.text
        assert found.text.strip() == found.text and found.text
        assert found.kind in ("exact", "normalized", "fuzzy")


DOC_WORDS = st.sampled_from(["قال", "في", "الحكومة", "،", "قاسم سليماني", "سليماني", "وسليماني", "كلوب",
                             "يورجن كلوب", "يورغن كلوب", "كامالا", "كمالا هاريس", "هاريس", "إسبر", "مارك إسبر"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(DOC_WORDS, max_size=12).map(" ".join), min_size=1, max_size=6))
def test_document_matches_are_exact_ordered_and_do_not_overlap(lines: list[str]) -> None:
    m = _terms(ESPER, MARK_ESPER, *IRAN_NAMES, Term("Jurgen Klopp", ("يورغن كلوب",), "person"),
               Term("Klopp", ("كلوب",), "person"), Term("Kamala Harris", ("كامالا هاريس",), "person"),
               Term("Harris", ("هاريس",), "person"))
    refused: list[list] = []
    per_line = m.find_lines(lines, refused)
    for no, (line, found) in enumerate(zip(lines, per_line), 1):
        assert all(f.line == no and line[f.start:f.end] == f.text for f in found)
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    # A line on its own never finds more than in its document (context only adds),
    # but for what the document says is no person (في هاريس … هاريس): that is
    # refused with its reason, never dropped silently (issue 12, one sense per discourse).
    for line, found, dropped in zip(lines, per_line, refused):
        other = {(f.start, f.end) for f in dropped if f.need == Verdict.OTHER_SENSE.need}
        assert {(f.start, f.end) for f in m.find(line)} <= {(f.start, f.end) for f in found} | other


# -- clitic readings -------------------------------------------------------------
def test_clitic_readings_least_stripped_first() -> None:
    from translate.arabic.clitics import stems

    assert stems("والبنتاغون") == [(0, "والبنتاغون"), (1, "البنتاغون"), (3, "بنتاغون")]
    assert stems("للبنتاغون")[-1] == (2, "بنتاغون")
    assert stems("بومبيو")[0] == (0, "بومبيو")
    assert all(len(stem) >= 3 for _, stem in stems("وبه"))  # never down to a two-letter stem


def test_spellings_with_punctuation_split_like_text() -> None:
    m = _terms(Term("AFP", ("أ.ف.ب",), "outlet"))
    assert _found(m, "ذكرت وكالة أ ف ب أن") == [("أ ف ب", "AFP", "normalized")]


def test_hyphenated_name() -> None:
    m = _terms(Term("Al Saud", ("آل سعود",), "person"))
    assert _found(m, "أسرة آل-سعود الحاكمة")[0][:2] == ("آل-سعود", "Al Saud")


@pytest.mark.parametrize("listed,line,text", [
    ("حسن نصر الله", "قال حسن نصرالله إن", "حسن نصرالله"),
    ("حسن نصرالله", "قال حسن نصر الله إن", "حسن نصر الله"),
    ("عادل عبد المهدي", "قال عادل عبدالمهدي إن", "عادل عبدالمهدي"),
    ("عادل عبدالمهدي", "وقال عادل عبد المهدي", "عادل عبد المهدي"),
])
def test_compounds_inside_full_names_joined_or_apart(listed: str, line: str, text: str) -> None:
    (found,) = _found(_terms(Term("X", (listed,), "person")), line)
    assert found[:2] == (text, "X")


@pytest.mark.parametrize("spelling,name,line", [
    ("نتنياهو", "Netanyahu", "وأضاف نتنياهو في مؤتمر صحفي"),
    ("أردوغان", "Erdogan", "وقال اردوغان لوكالة الأنباء"),
])
def test_long_names_frequent_in_arabic_news_match_alone(spelling: str, name: str, line: str) -> None:
    # Common in Arabic text because they are names in the news: at 6+ letters a
    # spelling is rarely an ordinary word by chance, so the margin is wider.
    assert [t for _, t, _ in _found(_terms(Term(name, (spelling,), "person")), line)] == [name]


def test_find_all_equals_find_line_by_line(shipped: Matcher) -> None:
    """find_all learns a document's words in one batch; the result must be what
    each line gives on its own, on a fresh matcher and on a warm one."""
    lines = SEED + [line for _, line in MUST_NOT_MATCH] + ["", "  ", "Military Times", "ﻻ إسبر"]
    batch = [m.to_dict() for m in Matcher(shipped.glossary, index=shipped.index).find_all(lines)]
    alone = Matcher(shipped.glossary, index=shipped.index)  # empty per-word caches, same index
    one_by_one = [m.to_dict() for no, line in enumerate(lines, 1) for m in alone.find(line, no)]
    assert batch == one_by_one
    assert [m.to_dict() for m in alone.find_all(lines)] == batch
    assert len(batch) > 20


def test_clitic_readings_of_many_words_at_once():
    from translate.arabic.clitics import readings
    assert sorted(readings(["والبنتاغون", "بومبيو", "وبه"])) == sorted([
        ("والبنتاغون", 0, "والبنتاغون"), ("والبنتاغون", 1, "البنتاغون"), ("والبنتاغون", 3, "بنتاغون"),
        ("بومبيو", 0, "بومبيو"), ("بومبيو", 1, "ومبيو"), ("وبه", 0, "وبه")])


# -- issue 12, mechanism 8: terms are not names --------------------------------
COUGH = Term("cough", ("سعال",), "other")
ISOLATION = Term("isolation", ("عزل",), "other")
QUARANTINE = Term("quarantine", ("حجر صحي",), "other")
PNEUMONIA = Term("pneumonia", ("التهاب رئوي",), "other")


@pytest.mark.parametrize("term, line, found", [
    (COUGH, "من أعراضه السعال والحمى", "سعال"),             # the article is a clitic on a term
    (COUGH, "يعاني من سعال جاف", "سعال"),                    # an ordinary word, alone
    (ISOLATION, "فرضت الحكومة العزل المنزلي", "عزل"),
    (ISOLATION, "دخل في عزل تام", "عزل"),
    (QUARANTINE, "أنهى فترة الحجر الصحي أمس", "حجر الصحي"),  # the adjective agrees: definite
    (QUARANTINE, "وضع في حجر صحي", "حجر صحي"),
    (PNEUMONIA, "أصيب بالالتهاب الرئوي", "التهاب الرئوي"),   # the ال of التهاب is its own
])
def test_lexical_terms_match_without_the_name_policy(term, line, found):
    assert [m.text for m in _terms(term).find(line)] == [found]


def test_a_person_spelled_like_a_word_keeps_the_name_policy():
    # The same spelling typed as a person is still a name: alone it needs a title.
    assert _terms(Term("Azl", ("عزل",), "person")).find("دخل في عزل تام") == []


# -- issue 12, mechanism 6: entity type decides context ------------------------
CORONA = Term("Corona", ("كورونا",), "person")
PALO_P = Term("Palo", ("بالو",), "person")
RYDER = Term("Ryder", ("رايدر",), "person")
KAMEL = Term("Kamel", ("كامل",), "person")
ALLAH = Term("Allah", ("الله",), "person")
GEORGIA = Term("Georgia", ("جورجيا",), "place")


@pytest.mark.parametrize("term, line", [
    (CORONA, "انتشار فيروس كورونا في العالم"),        # a disease
    (PALO_P, "ضرب الزلزال مدينة بالو"),              # a place
    (RYDER, "فاز الفريق بكأس رايدر"),                 # an event (ب + كأس)
    (KAMEL, "قال أبو كامل إن الوضع صعب"),             # half of a compound name
    (ALLAH, "التقى الوزير عبد الله"),
])
def test_a_term_does_not_match_where_the_arabic_names_another_kind_of_thing(term, line):
    assert _terms(term).find(line) == []


@pytest.mark.parametrize("term, line", [
    (CORONA, "قال كورونا إنه سيعود"),
    (PALO_P, "قال الرئيس بالو إن"),
    (GEORGIA, "زار الوزير جورجيا"),  # "the minister visited Georgia": a title is no place cue either way
])
def test_the_same_terms_match_elsewhere(term, line):
    assert [m.text for m in _terms(term).find(line)]


# -- issue 12, mechanism 7: folding does not invent names -----------------------
def test_a_word_that_exists_only_by_folding_is_not_a_name():
    # كافية ("sufficient") folds to كافيه, Café; as written it is a common word.
    m = _terms(Term("Café", ("كافيه",), "person"))
    assert m.find("هذه الأموال كافية للجميع") == []
    assert [x.text for x in m.find("قال كافيه إن")] == ["كافيه"]     # the listed spelling still matches


@pytest.mark.parametrize("term, line", [
    (Term("Ashley", ("اشلي",), "person"), "قالت آشلي إن"),            # a name written with its hamza
    (Term("Osama", ("أسامة",), "person"), "قال الشيخ اسامة إن"),       # a name typed without it
])
def test_a_name_written_another_way_still_matches(term, line):
    assert [x.target for x in _terms(term).find(line)] == [term.target]
