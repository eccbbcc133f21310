"""Enforcing names on real sentences (issue 12, enforcement side): what is fixed,
what is never changed, what is reported.

A slip of the target (a vowel, a confusable consonant, a dropped or doubled
letter, words joined) and a plain romanisation of the Arabic are fixed; another
rendering of the same Arabic (a person's own spelling) is never rewritten but
reported by ``enforce`` and ``qa`` alike; a sound-alike refused as another name
is reported where the Arabic names the term more often than the English
renders it. Sentences are from NTREX-128 and TICO-19 (lightly cut).
"""
from __future__ import annotations

import pytest

from translate.documents import align
from translate.enforce import Enforcer
from translate.glossary import Glossary
from translate.glossary.model import Term
from translate.qa import run_qa


def _enforce(term: Term, source: str, english: str):
    return Enforcer(Glossary(terms=[term])).enforce_line(source, english)


def _qa(term: Term, source: str, english: str) -> list[tuple[str, str, str | None]]:
    report = run_qa([align(None, [source], [english])], Glossary(terms=[term]),
                    checks=["term-missing", "forbidden", "term-unchecked"])
    return [(f.check, f.term, f.evidence) for f in report.findings]


BLASEY_FORD = Term("Christine Blasey Ford", ("كريستين بلاسي فورد", "كريستين بلازي فورد"), "person")


# -- must fix: slips of the target ---------------------------------------------------------
@pytest.mark.parametrize("term, source, english, expected", [
    # a dropped consonant moves a short key (K-R-T → K-T): still one slip
    (Term("Jakarta", ("جاكرتا",), "place"), "وصلت المساعدات إلى جاكرتا يوم الجمعة",
     "Aid reached Jakata on Friday", "Aid reached Jakarta on Friday"),
    (Term("Hubei", ("هوبي",), "place"), "أعلنت مقاطعة هوبي عن حالات جديدة",
     "Huei province announced new cases", "Hubei province announced new cases"),
    # a word English writes, but only the name with a letter left out
    (Term("Wuhan", ("ووهان",), "place"), "بدأ التفشي في ووهان", "The outbreak began in Whan",
     "The outbreak began in Wuhan"),
    (Term("Italy", ("إيطاليا",), "place"), "أرسلت روسيا مساعدات إلى إيطاليا", "Russia sent aid to Ital",
     "Russia sent aid to Italy"),
    # the words of a multi-word name joined or hyphenated into one
    (BLASEY_FORD, "مشيرًا إلى كريستين بلاسي فورد", "referring to Christine-Blasey-Ford",
     "referring to Christine Blasey Ford"),
    (Term("Baton Rouge", ("باتون روج",), "place"), "قالت إدارة شرطة باتون روج",
     "the Batonrouge Police Department said", "the Baton Rouge Police Department said"),
])
def test_a_slip_of_the_target_is_fixed(term, source, english, expected):
    result = _enforce(term, source, english)
    assert result.text == expected and not result.unplaced
    assert _qa(term, source, result.text) == []


# -- must fix: the plain romanisation of an Arabic spelling ------------------------------
@pytest.mark.parametrize("term, source, english, expected", [
    (Term("Cromwell", ("كرومويل",), "person"), "قال كرومويل للبرلمان", "Krumuil told parliament",
     "Cromwell told parliament"),
    (Term("Moscow", ("موسكو",), "place"), "ردت موسكو على العقوبات", "Musku responded to the sanctions",
     "Moscow responded to the sanctions"),
    # romanised from another spelling the glossary lists (بلاسي, the text has بلازي); its
    # words being other English names (Kristin) does not make it another person
    (BLASEY_FORD, "اتهمته كريستين بلازي فورد", "Kristin Blasi Furd accused him",
     "Christine Blasey Ford accused him"),
])
def test_a_plain_romanisation_is_fixed(term, source, english, expected):
    assert _enforce(term, source, english).text == expected


# -- must not change, must report: another rendering of the same Arabic --------------------
@pytest.mark.parametrize("term, source, english, written", [
    # a person's own spelling, several letters away from the target: not an MT slip
    (Term("Durance", ("دورانس",), "person"), "منعت إصابة في الركبة لاعب الوسط غراهام دورانس من المشاركة",
     "A knee injury prevented midfielder Graham Dorrans from making his first appearance", "Dorrans"),
    (Term("Sompong", ("سومبونج",), "person"), "قالت السيدة سومبونج إن الأمر صعب",
     "\"It's a bit challenging,\" Ms. Sumbung said.", "Sumbung"),
    (Term("Cowans", ("كونس",), "person"), "مع صديقه السيناتور الديمقراطي كريس كونس",
     "with his friend, Democratic Sen. Chris Coons.", "Coons"),
    # a final s is the name's own unless "the" makes it a plural: no "Rosettas" fragment
    (Term("Rosetta", ("روزيتا",), "person"), "فيروس كورونا الخفافيش روزيتا", "Rousettus bat coronavirus HKU9",
     "Rousettus"),
])
def test_another_rendering_of_the_arabic_is_reported_not_rewritten(term, source, english, written):
    result = _enforce(term, source, english)
    assert result.text == english and not result.corrections
    assert [(u.reason, u.target) for u in result.unplaced] == [("missing", term.target)]
    assert _qa(term, source, english) == [("term-missing", term.target, written)]


def test_a_first_letter_is_never_a_slip():
    # Climo (a rugby player) is not Limo with a letter added
    term = Term("Limo", ("ليمو",), "person")
    result = _enforce(term, "حولها ليمو", "Climo converted, as he did again")
    assert result.text == "Climo converted, as he did again"
    assert [u.reason for u in result.unplaced] == ["missing"]


# -- per English occurrence: a refused sound-alike where the Arabic names the term twice ----
PALU = Term("Palu", ("بالو",), "place")


def test_a_refused_sound_alike_beside_a_right_one_is_reported_when_the_arabic_names_it_again():
    source = "ضرب الزلزال بالو ودمر مطار بالو"
    english = "The quake hit Palu and destroyed the Palo airport"
    result = _enforce(PALU, source, english)
    assert result.text == english and not result.corrections     # Palo is a word English writes: never rewritten
    assert {(u.reason, u.target) for u in result.unplaced} == {("missing", "Palu")}
    assert [(c, t) for c, t, _ in _qa(PALU, source, english)] == [("term-missing", "Palu")]


def test_a_refused_sound_alike_is_not_reported_when_the_english_renders_every_mention():
    source = "ضرب الزلزال بالو"
    english = "The quake hit Palu, and Palo Alto sent help"
    result = _enforce(PALU, source, english)
    assert result.text == english and not result.unplaced
    assert _qa(PALU, source, english) == []


# -- spans: a name inside another term's longer name -------------------------------------
def test_a_canonical_surname_inside_a_misspelt_full_name_yields_to_its_later_mention():
    sarah, palin = Term("Sarah Palin", ("سارة بالين",), "person"), Term("Palin", ("بالين",), "person")
    enforcer = Enforcer(Glossary(terms=[sarah, palin]))
    result = enforcer.enforce_line("سارة بالين تشير إلى معاناة تراك بالين", "Sara Palin cites Track Palin's PTSD")
    assert result.text == "Sarah Palin cites Track Palin's PTSD" and not result.unplaced


ITALY = Term("Italy", ("إيطاليا",), "place")
LA_STAMPA = ("نقلت صحيفة لا ستامبا الإيطالية أن المساعدات كانت عديمة النفع لإيطاليا",
             "Italy's La Stampa newspaper said the aid was of little use to {}")


# -- must fix: a place's name copied from the Arabic, though English writes it as a word ----
@pytest.mark.parametrize("term, source, english, expected", [
    # Italia (Zipf 3.4: Forza Italia) spells إيطاليا letter by letter; English writes Italy
    # ten times as often: a translator who knew the place would not have written it
    (ITALY, "قدمت روسيا مساعدات إلى إيطاليا", "Russia sent aid to Italia", "Russia sent aid to Italy"),
    # at a sentence start too: capitals prove nothing for a name English writes capitalised
    (ITALY, "تلقت إيطاليا مساعدات من روسيا", "Italia received aid from Russia",
     "Italy received aid from Russia"),
    (Term("Vienna", ("فيينا",), "place"), "عقد الاجتماع في فيينا", "The meeting was held in Fina",
     "The meeting was held in Vienna"),
])
def test_a_place_name_copied_from_the_arabic_is_fixed_though_english_writes_it(term, source, english, expected):
    result = _enforce(term, source, english)
    assert result.text == expected and not result.unplaced
    assert _qa(term, source, result.text) == []


# -- must not change: the same letters where English names something else ------------------
@pytest.mark.parametrize("term, source, english", [
    # part of a longer name (a party), an acronym (the swimming federation)
    (ITALY, "قدمت روسيا مساعدات إلى إيطاليا", "Russia sent aid to Forza Italia"),
    (Term("Vienna", ("فيينا",), "place"), "عقد الاجتماع في فيينا", "The meeting was held by FINA"),
    # English writes Roma (a club, a people) too often to be only Rome's Italian name
    (Term("Rome", ("روما",), "place"), "فاز روما على نابولي", "Roma beat Napoli"),
    # a person's own spelling may be the plain romanisation: Brian is not the glossary's Bryan
    (Term("Bryan", ("بريان",), "person"), "قال بريان إن الفريق سيعود", "Brian said the team would return"),
])
def test_a_word_english_writes_for_something_else_is_reported_not_rewritten(term, source, english):
    result = _enforce(term, source, english)
    assert result.text == english and not result.corrections
    assert [(u.reason, u.target) for u in result.unplaced] == [("missing", term.target)]
    assert [(c, t) for c, t, _ in _qa(term, source, english)] == [("term-missing", term.target)]


# -- per English occurrence: a further mention written wrongly beside a right one ----------
def test_a_further_mention_written_wrongly_is_fixed_beside_a_right_one():
    # One إيطاليا (the adjective الإيطالية is rendered "Italy's"); the English names the
    # place again as the Arabic romanised: fixed like a first mention would be.
    source, english = LA_STAMPA[0], LA_STAMPA[1].format("Italia")
    result = _enforce(ITALY, source, english)
    assert result.text == LA_STAMPA[1].format("Italy") and not result.unplaced
    assert [(c, t) for c, t, _ in _qa(ITALY, source, english)] == [("term-missing", "Italy")]
    # a slip of the target beside the right mention (TICO-19: "Iran … Irn", one إيران)
    iran = Term("Iran", ("إيران",), "place")
    result = _enforce(iran, "أعلنت إيران عن حالات جديدة", "Iran announced new cases; Irn's health ministry said")
    assert result.text == "Iran announced new cases; Iran's health ministry said" and not result.unplaced


def test_two_wrong_spellings_for_one_arabic_mention_are_both_fixed():
    # Once one is taken for the Arabic's mention, the other is a further mention of
    # the term written wrongly, fixed as "Trump … Trumb" is: fixing only one would
    # leave a second run of enforce something to fix (not idempotent).
    trump = Term("Trump", ("ترامب",), "person")
    result = _enforce(trump, "التقى ترامب", "Mr. Trumb met Mr. Trumpp")
    assert result.text == "Mr. Trump met Mr. Trump"
    assert len(result.corrections) == 2 and not result.unplaced
    assert _enforce(trump, "التقى ترامب", result.text).text == result.text
    assert _qa(trump, "التقى ترامب", result.text) == []


# -- nothing silent: a wrong rendering too short to be a slip is still reported -------------
def test_a_two_letter_rendering_of_a_short_name_is_reported_not_silent():
    qom = Term("Qom", ("قم",), "place", forbidden=("Qum",))
    # قم is also "stand up!": refused alone, reported when the English writes the name wrongly
    source, english = "ظلت الأضرحة الشيعية في قُم مفتوحة للحجاج", "Shia shrines in Qo remained open to pilgrims"
    result = _enforce(qom, source, english)
    assert result.text == english
    assert [(u.reason, u.english) for u in result.unplaced] == [("ambiguous", "Qo")]
    assert [(c, e) for c, _, e in _qa(qom, source, english)] == [("term-unchecked", "Qo")]
    # matched (after مدينة): one dropped consonant of a three-letter name is another
    # word as often as a slip (Lee, Le): reported as missing, never rewritten
    source = "ظلت الأضرحة الشيعية في مدينة قُم مفتوحة للحجاج"
    result = _enforce(qom, source, english)
    assert result.text == english and [(u.reason, u.target) for u in result.unplaced] == [("missing", "Qom")]
    assert [(c, e) for c, _, e in _qa(qom, source, english)] == [("term-missing", "Qo")]
    # and nothing where the English has no such word: the verb, translated
    assert not _enforce(qom, "قال الإمام: قم يا بني", "The imam said: get up, my son").unplaced


def test_another_glossary_name_or_an_adjective_beside_a_right_mention_is_not_reported():
    iran, iraq = Term("Iran", ("إيران",), "place"), Term("Iraq", ("العراق",), "place")
    enforcer = Enforcer(Glossary(terms=[iran, iraq]))
    result = enforcer.enforce_line("هجمات على القواعد في العراق تدعمها إيران",
                                   "attacks on bases in Iraq backed by Iran")
    assert not result.corrections and not result.unplaced
    # Indonesian renders Indonesia's adjective, not a misspelt Indonesia
    indonesia = Term("Indonesia", ("إندونيسيا",), "place")
    result = _enforce(indonesia, "مدرب المنتخب الإندونيسي في دورة اختتمت في إندونيسيا",
                      "the coach of the Indonesian team at the Games held in Indonesia")
    assert not result.corrections and not result.unplaced


# -- one slip concept: whole forms find candidates, a surname is the surname -----------------
def test_a_misspelt_surname_alone_becomes_the_surname_not_the_full_name():
    trump = Term("Donald Trump", ("دونالد ترامب",), "person")
    assert _enforce(trump, "قال دونالد ترامب إن", "Trumb said that").text == "Trump said that"
    assert _enforce(trump, "قال دونالد ترامب إن", "Donald Trumb said that").text == "Donald Trump said that"


# -- refused Arabic, wrong English: reported for a place, not for a name list's person -------
QOM_CASES = "أبلغت إيران عن أول حالة إصابة مؤكدة في 19 فبراير في قُم، حيث تُوفي شخصان في وقت لاحق من اليوم نفسه"
AYR = ("ربما تكون المحاولتان المتأخرتان قد ساهمتا في تغيير النتيجة النهائية قليلاً إلى حد ما، لكن لا شك أن آير يستحق "
       "الانتصار", "Two late tries may have skewed the final result somewhat, but there is no doubt Ayr deserved to "
       "triumph")


def test_a_place_refused_in_the_arabic_and_misspelt_in_the_english_is_reported():
    # قم ("stand up") is refused alone; "Kom" is a word English seldom writes (Zipf 2.6)
    # and a slip of Qom: a reviewer hears of it (a silent miss of curated seeds 4, 5, 9)
    qom = Term("Qom", ("قم",), "place", forbidden=("Qum",))
    english = "Iran reported its first confirmed cases on 19 February in Kom, where two people died later that day"
    result = _enforce(qom, QOM_CASES, english)
    assert result.text == english and [(u.reason, u.english) for u in result.unplaced] == [("ambiguous", "Kom")]
    assert [(c, e) for c, _, e in _qa(qom, QOM_CASES, english)] == [("term-unchecked", "Kom")]


def test_a_name_lists_person_refused_in_the_arabic_is_not_reported_for_a_place_in_the_english():
    # NTREX: آير is the rugby club Ayr; a name list's person Eyre, refused there, is
    # not "written wrongly" as Ayr (26 such reports on human NTREX/TICO-19, 65k list)
    eyre = Term("Eyre", ("آير",), "person")
    result = _enforce(eyre, *AYR)
    assert result.text == AYR[1] and not result.unplaced
    assert _qa(eyre, *AYR) == []


# -- an acronym, an ordinary word at a sentence start, a name at one ------------------------
def test_an_acronym_is_never_a_name_written_wrongly():
    meares = Term("Meares", ("ميرس",), "person")
    source, english = "قال ميرس إن فيروس ميرس خطير", "Meares said the MERS virus is dangerous"
    result = _enforce(meares, source, english)
    assert result.text == english and not result.unplaced
    assert _qa(meares, source, english) == []


IRAN = Term("Iran", ("إيران",), "place")
IRAN_LETTER = "كتب الرئيس الإيراني رسالة عن العقوبات ضد إيران"


def test_a_name_at_a_sentence_start_is_reported_beside_a_right_mention():
    # TICO-19 (seed 10): "Ian's President Hassan Rouhani … sanctions against Iran": one إيران
    # (الإيراني is the adjective); Ian is a name, capitalised anywhere: never rewritten, reported
    english = "Ian's President wrote a letter about sanctions against Iran"
    result = _enforce(IRAN, IRAN_LETTER, english)
    assert result.text == english and [(u.reason, u.target) for u in result.unplaced] == [("missing", "Iran")]
    assert [(c, t) for c, t, _ in _qa(IRAN, IRAN_LETTER, english)] == [("term-missing", "Iran")]


def test_an_ordinary_word_at_a_sentence_start_is_itself():
    english = "Iron deficiency was noted. Sanctions against Iran"
    result = _enforce(IRAN, IRAN_LETTER, english)
    assert result.text == english and not result.unplaced
    assert _qa(IRAN, IRAN_LETTER, english) == []


# -- a right span inside another term's name renders that name, not this term ---------------
def test_a_surname_inside_another_terms_full_name_does_not_render_a_misspelt_mention():
    sarah, palin = Term("Sarah Palin", ("سارة بالين",), "person"), Term("Palin", ("بالين", "بالن"), "person")
    enforcer = Enforcer(Glossary(terms=[sarah, palin]))
    source = "تعرض تراك بالن، أكبر أبناء سارة بالين، للاعتقال"
    # "Pain" is an English word: never rewritten; the Palin of "Sarah Palin" is Sarah's
    result = enforcer.enforce_line(source, "Track Pain, the eldest son of Sarah Palin, has been arrested")
    assert not result.corrections and [(u.reason, u.target) for u in result.unplaced] == [("missing", "Palin")]
    assert not enforcer.enforce_line(source, "Track Palin, the eldest son of Sarah Palin, has been arrested").unplaced
    # one English mention for two Arabic ones is fine when nothing is misspelt
    assert not enforcer.enforce_line("قالت سارة بالين إن بالين", "Sarah Palin said that").unplaced


# -- the bench's error injector (bench/name_errors.py) writes errors, never right spellings ----
def test_the_injector_never_writes_a_possessive_slip_or_an_accepted_form():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from name_errors import inject

    sainsburys = Term("Sainsbury's", ("سينسبري",), "organization")
    # Taegu is Daegu's older romanisation, which the glossary accepts: no error to fix
    daegu = Term("Daegu", ("دايجو",), "place", also=("Taegu",))
    arabic = ["قالت سينسبري إن المبيعات ارتفعت", "ارتفعت الإصابات في دايجو"]
    english = ["Sainsbury's said sales rose", "Cases rose in Daegu"]
    for seed in range(40):
        lines, done = inject(arabic, english, Glossary(terms=[sainsburys, daegu]), seed)
        for d in done:
            assert d.wrong.lower() not in ("taegu", "daegu", "sainsbury's")
            if d.target == "Sainsbury's" and d.kind in ("vowel", "consonant", "dropped", "doubled"):
                assert d.wrong.endswith("'s") and d.wrong[:-2] != "Sainsbury"
