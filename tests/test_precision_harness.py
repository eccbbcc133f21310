"""The scoring rules of bench/precision_bench.py (issue 12) on real NTREX lines.

The bench's figures are only as good as its judge: these pin down that it
credits a real rendering or respelling and refuses a lowercase word, an
acronym, a place taken for a person, half a compound name and a replacement
that leaves a fragment; and that the error injector is seeded and writes one
real-looking error per line. The lines are NTREX-128 (CC BY-SA 4.0) as they are
in ../shared/data, copied here so the test needs no shared/ directory.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from name_credit import (ACRONYM, FRAGMENT, HALF, LOWERCASE, NOT_A_PERSON, RIGHT, SURNAME,  # noqa: E402
                         CommonWords, credit, fragment_left, judge_change, same_letters)
from name_errors import inject, romanise  # noqa: E402

from translate.glossary import Glossary, Term  # noqa: E402

KAVANAUGH_EN = ("On Friday, Trump ordered a one-week FBI investigation of claims against Kavanaugh, "
                "further delaying a full Senate vote.")
LITHGOW_AR = ("تخطى سكوت روبنسون كل التوقعات لكن جهوده تلاشت في مواجهة المرمى، ثم لم يتمكن آلان ليثجو من توجيه "
              "جهده على نطاق واسع إلا بعد دخوله في مواجهة المهاجم كريج هالكيت عبر المرمى.")
LITHGOW_EN = ("Scott Robinson broke through but dragged his effort across the face of goal, then Alan Lithgow could "
              "only direct his effort wide after sliding in to meet Craig Halkett's header across goal.")
PALU_AR = ("تجمع مئات الأشخاص لحضور مهرجان على الشاطئ في مدينة بالو يوم الجمعة عندما اصطدمت أمواج بارتفاع ستة "
           "أمتار (18 قدمًا) بالساحل ساعة الغسق مما أدى إلى أن العديد قد لقوا مصرعهم وتدمّر كل شيء في مسارها.")
PALU_EN = ("Hundreds of people had gathered for a festival on the beach in the city of Palu on Friday when waves as "
           "high as six meters (18 feet) smashed onshore at dusk, sweeping many to their deaths and destroying "
           "anything in their path.")
ROSA_AR = "يقل إعصار روزا كما هو متوقع أثناء تحركه فوق المياه الباردة للساحل الشمالي للمكسيك."
ROSA_EN = "As forecast, Hurricane Rosa is weakening as it moves over the cooler waters of the northern coast of Mexico."
TSUNAMI_EN = "The 7.5-magnitude earthquake triggered a tsunami and has destroyed thousands of homes."
COUSIN_AR = "وعثر عليه ابن عمه في الصباح التالي ميتًا واكتشف أن باب مزرعة الخنازير المجاورة مفتوحًا."
COUSIN_EN = ("The following morning, his cousin found him dead, and discovered a door to a neighbouring pig sty open.")
KIM_AR = ("انخفض عدد الهاربين من الكوريين الشماليين إلى كوريا الجنوبية منذ تولي كيم جونغ أون لمقاليد السلطة منذ سبع "
          "سنوات")
KIM_EN = ("The number of North Korean defectors to South Korea has fallen since Kim Jong-un came to power seven "
          "years ago, a South Korean lawmaker has said.")
SARS_EN = "SARS-CoV-2 is closely related to the original SARS-CoV."


def span(line: str, word: str) -> tuple[int, int]:
    start = line.index(word)
    return start, start + len(word)


def test_the_target_and_a_respelling_are_credited():
    exact = credit(KAVANAUGH_EN, "kavanaugh")  # the Wikidata list is all lowercase
    assert (exact.cause, exact.how, exact.seen) == (RIGHT, "target", "Kavanaugh")
    spelled = credit(LITHGOW_EN, "lythgoe", (), "person", LITHGOW_AR, span(LITHGOW_AR, "ليثجو"))
    assert (spelled.cause, spelled.how, spelled.seen) == (RIGHT, "respelling", "Lithgow")
    other = credit(LITHGOW_EN, "lythgoe", ["lithgow"])  # another target the list gives the spelling
    assert (other.cause, other.how) == (RIGHT, "another reading")


def test_an_unrelated_word_is_not_a_respelling():
    assert not credit(LITHGOW_EN, "lacey").right
    assert not credit(KAVANAUGH_EN, "trumpet").right
    # John and O'Hagan share the key K-N, but a two-consonant key needs a closer spelling.
    hagan = "Detective Inspector Brian O'Hagan said: 'The investigation is in the early stages'"
    assert not credit(hagan, "john").right
    # A one-consonant key is a respelling with the same first letter only (Diddy/Didi, not Bough/Puff).
    diddy = "He follows in the footsteps of Diddy, also known as Puff Daddy."
    assert credit(diddy, "didi").right and not credit("his sidekick Bough, played by Ben Miller", "puff").right


def test_a_lowercase_word_is_not_credited_for_a_name():
    assert credit(TSUNAMI_EN, "tsunami").cause == LOWERCASE
    # ...but it is for a term that is not a name
    assert credit(TSUNAMI_EN, "tsunami", type="other").right


def test_a_capital_at_a_sentence_start_is_not_a_name_when_the_corpus_writes_the_word_in_lowercase():
    common = CommonWords([TSUNAMI_EN, "He said the tsunami hit at dusk."])
    assert credit("Tsunami warnings were lifted.", "tsunami", common=common).cause == LOWERCASE
    assert credit("Kavanaugh denied it.", "kavanaugh", common=common).right


def test_an_acronym_is_not_credited():
    assert credit(SARS_EN, "sars").cause == ACRONYM


def test_a_place_or_an_event_is_not_a_person():
    # The Arabic says city (مدينة بالو), the English says "in the city of".
    assert credit(PALU_EN, "palo", (), "person", PALU_AR, span(PALU_AR, "بالو")).cause == NOT_A_PERSON
    # The Arabic says hurricane (إعصار روزا).
    assert credit(ROSA_EN, "rosa", (), "person", ROSA_AR, span(ROSA_AR, "روزا")).cause == NOT_A_PERSON
    # The same English credits a place term: the refusal is for persons only.
    assert credit(PALU_EN, "Palu", (), "place", PALU_AR, span(PALU_AR, "بالو")).right


def test_the_corpus_tells_places_from_people():
    lines = [PALU_EN, "Desperate rescue efforts in Palu as death toll doubles in race to find survivors",
             "Around 16,700 people were evacuated to 24 centers in Palu.", KAVANAUGH_EN]
    common = CommonWords(lines)
    assert common.place("Palu") and not common.place("Kavanaugh")
    assert credit("Aid reached Palu late.", "palo", common=common).cause == NOT_A_PERSON


def test_half_a_compound_name_is_not_credited():
    # ابن عمه is "his cousin": a person entry matching عمه is half of a compound.
    assert credit(COUSIN_EN, "amma", (), "person", COUSIN_AR, span(COUSIN_AR, "عمه")).cause == HALF
    assert credit("He met Abu Kamel on Sunday.", "kamel").cause == HALF


def test_a_hyphenated_name_is_one_word():
    assert credit(KIM_EN, "Kim Jong-un", (), "person", KIM_AR, span(KIM_AR, "كيم جونغ أون")).right
    assert credit(KIM_EN, "Kim Jong Un").right  # the same letters, spaced otherwise
    assert not credit(KIM_EN, "un").right
    # A capitalised part after a hyphen is a word of its own ("a Kim-Trump summit").
    assert credit("to prepare for a second Kim-Trump summit.", "trump").right


def test_an_enforce_change_is_judged_on_what_it_replaced():
    fixed = "since Kim Jong Un-un came to power"
    start = fixed.index("Kim")
    assert fragment_left(fixed, start, start + len("Kim Jong Un"))
    doubled = "a summit with North Korea's Kim Jong-un Un."
    assert fragment_left(doubled, doubled.index("Kim"), doubled.index("Kim") + len("Kim Jong-un"))
    assert not fragment_left(KIM_EN, KIM_EN.index("Kim"), KIM_EN.index("Kim") + len("Kim Jong-un"))
    verdict = judge_change(KIM_EN, KIM_EN.index("Kim"), KIM_EN.index("Kim") + len("Kim Jong"), "Kim Jong Un",
                           "Kim Jong Un", "person", fixed, start)
    assert verdict.cause == FRAGMENT
    start = PALU_EN.index("Palu")
    palo = PALU_EN[:start] + "Palo" + PALU_EN[start + 4:]
    assert judge_change(PALU_EN, start, start + 4, "Palo", "palo", "person", palo, start, None, PALU_AR,
                        span(PALU_AR, "بالو")).cause == NOT_A_PERSON
    start = LITHGOW_EN.index("Lithgow")
    lythgoe = LITHGOW_EN[:start] + "Lythgoe" + LITHGOW_EN[start + 7:]
    assert judge_change(LITHGOW_EN, start, start + 7, "Lythgoe", "lythgoe", "person", lythgoe, start).right
    sims = "Sims was shot near the campus."
    assert judge_change(sims, 0, 4, "Wayde Sims", "Wayde Sims", "person", "Wayde " + sims, 0).cause == SURNAME


def test_same_letters_ignores_case_diacritics_and_hyphens_only():
    assert same_letters("António", "Antonio") and same_letters("Jong-un", "Jong Un")
    assert not same_letters("Lithgow", "Lythgoe")


@pytest.mark.parametrize("seed", [1, 12])
def test_the_injector_writes_one_seeded_error_per_line(seed):
    glossary = Glossary([Term("Alan Lithgow", ("آلان ليثجو",), "person", ("Alan Lythgo",)),
                         Term("Palu", ("بالو",), "place"),
                         Term("Kim Jong-un", ("كيم جونغ أون",), "person")])
    arabic, english = [LITHGOW_AR, PALU_AR, KIM_AR, ROSA_AR], [LITHGOW_EN, PALU_EN, KIM_EN, ROSA_EN]
    lines, done = inject(arabic, english, glossary, seed)
    assert (lines, done) == inject(arabic, english, glossary, seed)
    assert [d.line for d in done] == [1, 2, 3] and lines[3] == ROSA_EN
    for d in done:
        original = english[d.line - 1]
        assert d.wrong != d.target and lines[d.line - 1][d.start:d.end] == d.wrong
        assert lines[d.line - 1][:d.start] == original[:d.start]
        assert lines[d.line - 1][d.end:] == original[d.start + len(d.target):]


def test_romanise_writes_the_arabic_letter_by_letter():
    assert romanise("ترامب") == "Tramb"
    assert romanise("ووهان") == "Wuhan"
    assert romanise("كيم جونغ أون") == "Kim Jungh Aun"


def test_the_bench_reads_real_enforce_output(cli, tmp_path):
    """Errors injected into real lines, the real `tarjama enforce --json` with the
    curated bench glossary, and the bench's mapping of each correction back onto
    the line it changed: what it says was replaced is what the line had there."""
    from precision_bench import CURATED, changes, write_lines

    from translate.glossary import load_glossaries

    arabic, english = [LITHGOW_AR, PALU_AR, KIM_AR, ROSA_AR], [LITHGOW_EN, PALU_EN, KIM_EN, ROSA_EN]
    lines, done = inject(arabic, english, load_glossaries([CURATED]), seed=3)
    assert done, "the curated glossary names Palu and Kim Jong-un"
    src, tgt = write_lines(arabic, tmp_path / "src.ar"), write_lines(lines, tmp_path / "mt.en")
    r = cli("enforce", "-s", src, "-t", tgt, "-g", CURATED, "--json")
    assert r.exit_code == 0, r.stderr
    result = json.loads(r.stdout)
    found = changes(result)
    assert any(d.kind == "forbidden" for d in done) and found, "seed 3 writes the forbidden Balu for Palu"
    for ch in found:
        assert lines[ch.line - 1][ch.start:ch.end] == ch.before
        assert result["lines"][ch.line - 1][ch.new_start:ch.new_start + len(ch.after)] == ch.after


MAY_EN = ("Prime Minister Theresa May accused critics of her plans to leave the European Union of \"playing "
          "politics\" with Britain's future.")
PALIN_AR = "تراك بالين، البالغ من العمر 26 عامًا، قضى عامًا في العراق."
PALIN_EN = "Track Palin, 26, spent a year in Iraq after enlisting on Sept."


def test_a_month_after_a_name_or_an_honorific_is_a_surname():
    # NTREX wrote "Theresa May" and "Mrs May" 7 times; the judge took each May for the month.
    common = CommonWords([MAY_EN, "The vote is in May.", "He said it may rain."])
    assert credit(MAY_EN, "may", common=common).right
    assert credit("In a message to Mrs May, she added more.", "may", common=common).right
    assert credit("The vote is due in May, officials said.", "may", common=common).cause == NOT_A_PERSON
    assert credit("Talks resume on May 5 in Brussels.", "may", common=common).cause == NOT_A_PERSON


def test_a_sentence_initial_first_name_before_its_surname_is_a_name():
    # The corpus writes "track" in lowercase, but "Track Palin" renders تراك بالين.
    common = CommonWords([PALIN_EN, "He ran on the track.", "The track was wet.", "Sarah Palin spoke.",
                          "Sarah Palin cited her son's PTSD."])
    assert credit(PALIN_EN, "truck", (), "person", PALIN_AR, span(PALIN_AR, "تراك"), common).right
    # Without the Arabic surname after it, a capital at the start is still the sentence's.
    assert credit("Track work resumes on Monday.", "truck", common=common).cause == LOWERCASE
    # "In China" is no name: "in" is written in lowercase far more often than China capitalised.
    lines = ["He lives in China.", "In China, cases fell."] + [
        "in the end, in time, in part, in all, in sum, in fact, in short, in case, in turn, in full"] * 3
    ar = "في الصين، انخفضت الحالات."
    assert credit("In China, cases fell.", "in", (), "person", ar, span(ar, "في"), CommonWords(lines)).cause \
        in (LOWERCASE, NOT_A_PERSON)


def test_a_team_or_group_word_before_a_name_lets_the_english_decide():
    # Round 6: فريق/مجموعة/حزب take their leader's name (NTREX 8 such detections were refused).
    ar = "ويواصل فريق جيرارد هزيمته في الدوري الممتاز هذا الموسم"
    en = "Gerrard's side remain without an away win in the Premiership this season."
    assert credit(en, "gerrard", (), "person", ar, span(ar, "جيرارد")).right
    ar = "وصفت مجموعة فنغ تشانغ بروتوكولًا لاستخدام تقنية شيرلوك"
    en = "On February 14, 2020, the Feng Zhang group described a protocol of using the SHERLOCK technique."
    assert credit(en, "feng", (), "person", ar, span(ar, "فنغ")).right
    # Round 7: the surname too, though the group word is not right before it in Arabic
    # (Chang is the Wade-Giles spelling of Zhang, a respelling).
    assert credit(en, "chang", (), "person", ar, span(ar, "تشانغ")).right
    # A team named for its town stays no person; nor is "the Mercedes team" a person's group.
    ar = "عوض فريق داندي ستارز عن خسارته"
    assert credit("Dundee Stars atoned for Friday's loss.", "dundee", (), "person", ar,
                  span(ar, "داندي")).cause == NOT_A_PERSON
    ar = "أوامر فريق مرسيدس"
    assert credit('Mercedes team orders would play a part.', "mercedes", (), "person", ar,
                  span(ar, "مرسيدس")).cause == NOT_A_PERSON


def test_a_name_in_a_run_of_capitals_is_no_acronym():
    assert credit("Tory MP says NIGEL FARAGE should be put in charge", "nigel").right
    assert credit("NOW, THEREFORE, I, GAVIN NEWSOM, Governor of the State", "newsom").right
    assert credit("Wearing a MAGA Hat, after his SNL appearance.", "maja").cause != RIGHT
    assert credit("including PBS, C-SPAN and the Fox Business Network", "span").cause == ACRONYM


def test_in_a_line_without_capitals_the_corpus_decides_case():
    lines = ["now mary how many days have you had the symptoms", "the delta variant spread.",
             "A delta of the river.", "She said the delta was wide."]
    common = CommonWords(lines)
    assert credit(lines[0], "mary", common=common).right
    assert credit("and delta too", "delta", common=common).cause == LOWERCASE
    # A month in a title-case headline after a first name is the surname; another word is the headline's.
    common = CommonWords(["Dundee Stars won.", "The stars were out."])
    assert credit("Elite League: Dundee Stars 5-3 Belfast Giants", "stars", common=common).cause == LOWERCASE
    common = CommonWords(["He said it may rain.", "It may not."])
    assert credit("Britain's Prime Minister Theresa May arrives for the Conservative Party Conference in Birmingham",
                  "may", common=common).right


def test_a_name_after_a_word_heading_a_place_is_the_place():
    # Round 6: "San Diego", "Fort Detrick" were credited as the people Diego and Derek.
    assert credit("The boy was airlifted to a hospital in San Diego where he was", "diego").cause == NOT_A_PERSON
    assert credit("the Army Medical Research Command at Fort Detrick announced", "detrick").cause == NOT_A_PERSON
    assert credit("his son and successor at St. Martin's, proudly", "martin").right


def test_a_period_after_an_abbreviation_or_an_initial_ends_no_sentence():
    # Round 9 (review of 5572071): NTREX 1030's Sessions, after "v.", was judged sentence-initial.
    common = CommonWords(["The court held sessions twice a week.", "Two sessions ended early.", TSUNAMI_EN,
                          "He said the tsunami hit at dusk."])
    ar = "لم يتم الكشف عن الاسم الكامل للمدّعِية فيدعوى جرايس ڤ‍ي سيشنز التي رفعها الاتحاد الأمريكي للحريات المدنية"
    en = ("The full name of the plaintiff in the Grace v. Sessions suit that the American Civil Liberties Union "
          "filed in August against the federal policy has not been revealed.")
    assert credit(en, "sessions", (), "person", ar, span(ar, "سيشنز"), common).right
    assert credit("The call came from George W. Sessions himself.", "sessions", common=common).right
    # A real sentence end, also after a dotted acronym, still makes the capital the sentence's.
    assert credit("It reached the coast. Sessions resumed later.", "sessions", common=common).cause == LOWERCASE
    assert credit("It hit the U.S. Tsunami warnings followed.", "tsunami", common=common).cause == LOWERCASE


def test_ben_starting_an_english_name_is_the_given_name_not_son_of():
    # Round 9: بن ميلر is "Ben Miller" (NTREX 934; 1201 Ben Crenshaw), not half a compound.
    ar = "ولم شمله مع صديقه السابق الصبور بوف، والذي لعب دوره مرة أخرى بن ميلر."
    en = "reunited with his former long-suffering sidekick Bough, played again by Ben Miller."
    assert credit(en, "miller", (), "person", ar, span(ar, "ميلر")).right
    # A compound stays half a name: after another name word, or in lowercase, or where the English lacks Ben.
    ar = "التقى ولي العهد السعودي الأمير محمد بن سلمان بالوزير"
    for en in ("Saudi Crown Prince Mohammed bin Salman met the minister.",
               "Saudi Crown Prince Mohammed Ben Salman met the minister.",
               "Salman met the minister."):
        assert credit(en, "salman", (), "person", ar, span(ar, "سلمان")).cause == HALF, en


def test_batula_is_starring_only_where_the_english_says_so():
    # Round 9: من بطولة مات دامون is "starring Matt Damon" (NTREX 839); بطولة X alone is a championship.
    ar = "بدأ البرنامج العرض مع مسرحية هزلية من بطولة مات دامون، التي سخر فيها نجم هوليوود"
    en = "SNL started the show with a skit starring Matt Damon in which the Hollywood star made fun"
    assert credit(en, "matt", (), "person", ar, span(ar, "مات")).right
    ar = "فاز بلقب بطولة ويمبلدون للمرة الثانية"
    en = "He won the Wimbledon title for the second time."
    assert credit(en, "wimbledon", (), "person", ar, span(ar, "ويمبلدون")).cause == NOT_A_PERSON


def test_the_review_joins_by_case_and_counts_a_new_case_against_us(tmp_path):
    # bench/name_review.py: a refused detection or uncovered guard pair keeps its reviewed class
    # while the rest of the list changes; a case nobody reviewed counts as wrong / missed.
    from name_review import DETECTION, GUARD, Case, figures, load_review
    path = tmp_path / "review.tsv"
    path.write_text("corpus\tline\tkind\tarabic\ttarget\tclass\treason\n"
                    "NTREX\t1901\tdetection\tنانسي\tnancy\tNAME_OMITTED\tPelosi\n"
                    "NTREX\t24\tdetection\tبار\tbar\tNOT_A_NAME\ta bar\n"
                    "NTREX\t1473\tguard\tروسيا\trussia\tPLACE_OR_GROUP\ta country\n", encoding="utf-8")
    classes = {k: c for k, (c, _) in load_review(path).items()}
    nancy, bar = Case("NTREX", 1901, DETECTION, "نانسي", "nancy"), Case("NTREX", 24, DETECTION, "بار", "bar")
    russia, new = Case("NTREX", 1473, GUARD, "روسيا", "russia"), Case("NTREX", 5, DETECTION, "بالو", "palo")
    fig = figures(100, 97, [nancy, bar, Case("NTREX", 37, DETECTION, "الأب", "father")], 10, 8,
                  [russia, Case("NTREX", 9, GUARD, "لي", "lee")], classes)
    assert (fig.fair_precision, fig.ceiling, fig.guard) == (0.98, 97 / 99, 8 / 9)
    # Another run: the reviewed bar is gone, Palo is new and unreviewed, the guard lost Russia.
    fig = figures(100, 98, [nancy, new], 9, 8, [Case("NTREX", 9, GUARD, "لي", "lee")], classes)
    assert (fig.fair_precision, fig.ceiling, fig.guard) == (0.99, 0.98, 8 / 9)
    path.write_text(path.read_text(encoding="utf-8") + "NTREX\t5\tdetection\tبالو\tpalo\tPLACE_OR_GROUP\tx\n",
                    encoding="utf-8")
    with pytest.raises(SystemExit, match="not one of"):
        load_review(path)
