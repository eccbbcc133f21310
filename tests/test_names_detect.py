"""Detection precision on real text (issue 12, the matcher's side): what the
document and the language say about a one-word spelling a name list calls a person.

Each mechanism has must-match and must-not-match cases in real Arabic news
sentences, checked character-exactly through the real matcher, and every refused
hit is checked to reach the refused list (reported, never silent).
"""
from __future__ import annotations

from translate.glossary import Glossary, Term
from translate.matching import Matcher
from translate.matching.verdict import Verdict


def _matcher(*terms: Term) -> Matcher:
    return Matcher(Glossary(terms=list(terms)))


def _found(m: Matcher, doc: list[str]) -> list[tuple[int, str, str]]:
    """(line, text, target) of every match; each span is checked against its line."""
    out = []
    for x in m.find_all(doc):
        assert doc[x.line - 1][x.start:x.end] == x.text
        out.append((x.line, x.text, x.target))
    return out


def _refused(m: Matcher, doc: list[str]) -> list[tuple[int, str, str | None]]:
    refused: list = []
    m.find_all(doc, refused)
    out = []
    for x in refused:
        assert doc[x.line - 1][x.start:x.end] == x.text
        out.append((x.line, x.text, x.need))
    return out


# -- A: negative one sense per discourse -------------------------------------------------
PALO = Term("Palo", ("بالو",), "person")
SARS = Term("Sars", ("سارس",), "person")
MERS = Term("Meares", ("ميرس",), "person")
TRUMP = Term("Trump", ("ترامب",), "person")

PALU_DOC = [
    "ضرب زلزال بقوة 7.5 درجات مدينة بالو في جزيرة سولاويسي",
    "وقال مسؤولون إن بالو تضررت بشدة",
    "وتوجه فريق إنقاذ إلى بالو صباح السبت.",
]


def test_a_spelling_the_document_gives_a_place_names_no_person_anywhere_in_it() -> None:
    m = _matcher(PALO)
    assert _found(m, PALU_DOC) == []
    # Refused, not silent: every mention reaches the refused list with its reason,
    # the one after the place word too (the English may still write the name wrongly).
    assert [(no, text) for no, text, _ in _refused(m, PALU_DOC)] == [(1, "بالو"), (2, "بالو"), (3, "بالو")]
    assert all(need == Verdict.OTHER_SENSE.need for _, _, need in _refused(m, PALU_DOC))


def test_without_the_place_word_in_the_document_the_name_still_matches() -> None:
    assert _found(_matcher(PALO), PALU_DOC[1:]) == [(1, "بالو", "Palo"), (2, "بالو", "Palo")]


def test_a_spelling_the_document_also_gives_a_person_stays_a_name() -> None:
    # "Trump Tower" once (after شركة, an organisation) does not unmake the president.
    doc = ["أعلنت شركة ترامب عن مشروع جديد في نيويورك", "وقال الرئيس ترامب إن الاقتصاد قوي",
           "وأضاف ترامب أنه سيزور فرنسا"]
    assert _found(_matcher(TRUMP), doc) == [(2, "ترامب", "Trump"), (3, "ترامب", "Trump")]


def test_a_disease_word_once_makes_the_bare_acronym_no_person() -> None:
    doc = ["تسبب فيروس سارس في وفاة المئات عام 2003", "ولدى كوفيد-19 معدل وفيات أقل من سارس ولكنه أسرع انتشارًا"]
    assert _found(_matcher(SARS), doc) == []
    assert [(no, text) for no, text, _ in _refused(_matcher(SARS), doc)] == [(1, "سارس"), (2, "سارس")]


# -- B: an abbreviation glossed in parentheses -------------------------------------------
MERS_DOC = [
    "وهو فيروس يسبب متلازمة الشرق الأوسط التنفسية (ميرس)، وقد ظهر عام 2012",
    "يشبه سارس-كوف-2 جينيًّا سارس-كوف أكثر من ميرس-كوف.",
    "وانتشر ميرس في عدة دول.",
]


def test_an_abbreviation_in_parentheses_is_no_person_and_feeds_the_document() -> None:
    m = _matcher(MERS)
    assert _found(m, MERS_DOC) == []
    assert [(no, text) for no, text, _ in _refused(m, MERS_DOC)] == [(1, "ميرس"), (2, "ميرس"), (3, "ميرس")]


def test_the_gloss_needs_a_phrase_before_the_parenthesis_and_no_title() -> None:
    m = _matcher(MERS)
    # After a title the parentheses hold the name of the one it names.
    assert _found(m, ["قال المدرب (ميرس) إن الفريق جاهز"]) == [(1, "ميرس", "Meares")]
    # After one word, or after punctuation, there is no phrase to abbreviate.
    assert _found(m, ["وقال (ميرس) إن الفريق جاهز"]) == [(1, "ميرس", "Meares")]
    assert _found(m, ["قالت متحدثة، (ميرس)، إن الفريق جاهز"]) == [(1, "ميرس", "Meares")]


def test_a_gloss_of_several_words_is_no_abbreviation() -> None:
    m = _matcher(MERS)
    line = "تحدث المدرب الجديد (ميرس وزملاؤه) عن المباراة"
    assert _found(m, [line]) == [(1, "ميرس", "Meares")]


# -- C: places and nations the list calls people -----------------------------------------
SCOTLAND = Term("Scotland", ("أسكتلندا",), "person")
CANADA = Term("Canada", ("كندا",), "person")
ROSS = Term("Ross", ("روس",), "person")
JACK = Term("Jack", ("جاك",), "person")


def test_a_nation_alone_is_no_person() -> None:
    m = _matcher(SCOTLAND, CANADA)
    doc = ["تضم أسكتلندا أكثر من 300 ألف تلميذ", "أُغلقت الحدود بين كندا والولايات المتحدة"]
    assert _found(m, doc) == []
    # Reported with the reason, not dropped silently.
    assert [(no, text) for no, text, _ in _refused(m, doc)] == [(1, "أسكتلندا"), (2, "كندا")]
    assert all(need == Verdict.PLACE.need for _, _, need in _refused(m, doc))


def test_two_nations_side_by_side_vouch_for_neither() -> None:
    assert _found(_matcher(CANADA, Term("Mexico", ("المكسيك",), "person")), ["بين كندا المكسيك"]) == []


def test_a_place_like_surname_after_a_first_name_is_a_person_in_the_whole_document() -> None:
    # روس is also "Russians"; after جاك it is Jack Ross, and so is the bare روس later.
    m = _matcher(ROSS, JACK)
    doc = ["تحدث مدرب سندرلاند السيد جاك روس قائلًا إن طموحه كبير", "قضى روس ثلاثة أعوام فقط في النادي"]
    assert _found(m, doc) == [(1, "جاك", "Jack"), (1, "روس", "Ross"), (2, "روس", "Ross")]
    # Without the full name, the bare word needs a title.
    assert _found(m, doc[1:]) == []
    assert _found(m, ["وقال المدرب روس إن الفريق جاهز"]) == [(1, "روس", "Ross")]


# -- D: a spelling the document writes with the article is a common noun -----------------
TSUNAMI = Term("Tsunami", ("تسونامي",), "person")
NEIL = Term("Neil", ("نيل",), "person")
PENCE = Term("Pines", ("بينس",), "person")


def test_a_spelling_written_with_the_article_is_a_common_noun_in_the_document() -> None:
    m = _matcher(TSUNAMI)
    doc = ["ارتفاع عدد الوفيات جراء تسونامي إندونيسيا إلى 832", "وتسبب الزلزال والتسونامي في دمار واسع"]
    assert _found(m, doc) == []
    assert [(no, text) for no, text, _ in _refused(m, doc)][:1] == [(1, "تسونامي")]
    # Without the definite form the document gives no such evidence.
    assert _found(m, doc[:1]) == [(1, "تسونامي", "Tsunami")]


def test_a_definite_word_of_its_own_or_a_hamza_is_no_article_on_the_name() -> None:
    # النيل is the Nile (a common word of its own), not "the Neil".
    doc = ["يمتد نهر النيل عبر عدة دول", "وقال نيل في مؤتمر صحفي إن الخطة جاهزة"]
    assert _found(_matcher(NEIL), doc) == [(2, "نيل", "Neil")]
    # ألبينس (Albence) starts with a hamza: no article, no common noun بينس.
    doc = ["شهد ماثيو ألبينس أمام الكونغرس", "سيسمح لمايك بينس بكسر التعادل"]
    assert _found(_matcher(PENCE), doc) == [(2, "بينس", "Pines")]


# -- E: folding and clitics do not invent names --------------------------------------------
PALM = Term("Palm", ("بالم",), "person")
LACEY = Term("Lacey", ("لاسي",), "person")
CHRISTINE = Term("Christine", ("كريستين",), "person")
FORD = Term("Ford", ("فورد",), "person")


def test_a_clitic_on_a_hamza_word_is_not_a_folded_name() -> None:
    m = _matcher(PALM)
    doc = ["هل لا تزال تشعر بألم في الصدر"]          # "with pain", not Palm
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "بألم", Verdict.WRITTEN.need)]
    # The name as the list spells it still matches.
    assert _found(m, ["قال بالم إن الخطة جاهزة"]) == [(1, "بالم", "Palm")]


def test_a_preposition_does_not_stand_inside_a_name() -> None:
    m = _matcher(LACEY, CHRISTINE, FORD)
    doc = ["أشار غراهام إلى كريستين بلاسي فورد."]
    assert _found(m, doc) == [(1, "كريستين", "Christine"), (1, "فورد", "Ford")]
    assert _refused(m, doc) == [(1, "لاسي", Verdict.WRITTEN.need)]
    # After one name only, ب + name is the preposition (met Christine with Lacey).
    assert _found(m, ["التقت كريستين بلاسي في المطعم"]) == [(1, "كريستين", "Christine"), (1, "لاسي", "Lacey")]


# -- A, weak evidence: the object of في ------------------------------------------------------
PARIS = Term("Paris", ("باريس",), "person")
SESSIONS = Term("Sessions", ("سيشنز",), "person")
JEFF = Term("Jeff", ("جيف",), "person")


def test_a_spelling_only_ever_after_fi_names_a_place() -> None:
    m = _matcher(PARIS)
    doc = ["عُقد المؤتمر في باريس يوم الاثنين", "وغادر الوفد باريس صباح الثلاثاء"]
    assert _found(m, doc) == []
    assert [(no, text) for no, text, _ in _refused(m, doc)] == [(1, "باريس"), (2, "باريس")]


def test_after_fi_a_person_the_document_names_with_a_first_name_keeps_every_match() -> None:
    m = _matcher(SESSIONS, JEFF)
    doc = ["طلب المدعي العام جيف سيشنز من القضاة عدم منح اللجوء", "وقال سيشنز في بيانه إن القرار نهائي",
           "وشكك كثيرون في سيشنز بعد ذلك"]
    assert _found(m, doc) == [(1, "جيف", "Jeff"), (1, "سيشنز", "Sessions"), (2, "سيشنز", "Sessions"),
                              (3, "سيشنز", "Sessions")]


def test_a_name_after_a_number_is_a_unit() -> None:
    m = _matcher(Term("Richter", ("ريختر",), "person"))
    doc = ["ضرب زلزال بقوة 7.5 ريختر جزيرة سولاويسي", "ويحمل مقياس ريختر اسم عالم الزلازل"]
    assert _found(m, doc) == []
    # A title elsewhere in the document makes it the man: then every mention counts.
    doc = ["ضرب زلزال بقوة 7.5 ريختر", "وقال البروفيسور ريختر إن المقياس لوغاريتمي"]
    assert _found(m, doc) == [(1, "ريختر", "Richter"), (2, "ريختر", "Richter")]


def test_one_line_is_a_document_of_its_own() -> None:
    # Matcher.find treats its line as the document: the place word there covers the line.
    m = _matcher(PALO)
    line = "وصل فريق الإنقاذ إلى مدينة بالو، ويقول سكان بالو إن المساعدات لم تصل"
    refused: list = []
    assert m.find(line, 1, refused) == []
    assert [(x.text, x.need) for x in refused] == [("بالو", Verdict.OTHER_SENSE.need)] * 2
    assert [x.text for x in m.find("ويقول سكان بالو إن المساعدات لم تصل")] == ["بالو"]


def test_a_refusal_by_the_document_reaches_enforce_as_not_enforced() -> None:
    from translate.enforce import Enforcer
    enforcer = Enforcer(Glossary(terms=[PALO]))
    source = "وصل فريق الإنقاذ إلى مدينة بالو، ويقول سكان بالو إن المساعدات لم تصل"
    result = enforcer.enforce_line(source, "Rescuers reached the city of Palu, and Pallo residents say aid has not come")
    assert result.corrections == []                       # never rewritten
    assert [(u.reason, u.note) for u in result.unplaced] == [("ambiguous", Verdict.OTHER_SENSE.need)]


def test_a_two_letter_place_after_a_place_word_is_found_and_elsewhere_reported() -> None:
    """قم (Qom) is also the verb "stand up": after مدينة it is the city; alone it is
    refused, but reported, so an English "Qm" is never a silent miss."""
    from translate.glossary.model import Glossary, Term
    from translate.matching import Matcher

    matcher = Matcher(Glossary(terms=[Term(target="Qom", source=("قم",), type="place")]))
    refused: list = []
    found = matcher.find_all(["وصل الزوار إلى مدينة قم أمس"], refused=refused)
    assert [(m.text, m.target) for m in found] == [("قم", "Qom")] and not refused
    for line in ("قم بزيارة الموقع", "قال إن الوضع في قم سيئ"):
        refused = []
        assert matcher.find_all([line], refused=refused) == []
        assert [(m.text, m.target) for m in refused] == [("قم", "Qom")]


# -- G: a person whose English name is an everyday English word -------------------------
TRACK = Term("Truck", ("تراك",), "person")
PALIN = Term("Palin", ("بالين",), "person")
STEELE = Term("Still", ("ستيل",), "person")
MICHAEL = Term("Michael", ("مايكل",), "person")
CAMERA = Term("Camera", ("كاميرا",), "person")


def test_an_everyday_english_word_alone_is_no_name() -> None:
    # كاميرا is the camera (Camera is an English word, not a name that travels).
    m = _matcher(CAMERA)
    doc = ["طالبت الشرطة كل من التقط صورًا بكاميرا السيارة بالتواصل معها", "ركّب المتجر كاميرا جديدة عند المدخل"]
    assert _found(m, doc) == []
    # Reported with its reason, never dropped silently.
    assert _refused(m, doc) == [(1, "كاميرا", Verdict.ENGLISH_WORD.need), (2, "كاميرا", Verdict.ENGLISH_WORD.need)]


def test_an_everyday_english_word_next_to_a_name_or_after_a_first_name_is_a_person() -> None:
    # Track Palin: بالين right after vouches; Michael Steele: a sure first name before.
    m = _matcher(TRACK, PALIN, STEELE, MICHAEL)
    assert _found(m, ["تراك بالين، البالغ من العمر 26 عامًا، قضى عامًا في العراق"]) == [
        (1, "تراك", "Truck"), (1, "بالين", "Palin")]
    doc = ["قال مايكل ستيل، الرئيس السابق للجنة الوطنية للحزب الجمهوري، إن الحماس كبير",
           "وأضاف ستيل أن الانتخابات ستكون صعبة"]
    # The full name in line 1 vouches for the bare surname in line 2 (one sense per discourse).
    assert _found(m, doc) == [(1, "مايكل", "Michael"), (1, "ستيل", "Still"), (2, "ستيل", "Still")]
    # Alone, in a document that never names him in full, it needs a title.
    assert _found(m, doc[1:]) == []
    assert _found(m, ["وقال السيد ستيل إن الانتخابات ستكون صعبة"]) == [(1, "ستيل", "Still")]


def test_a_name_that_travels_is_not_an_everyday_english_word() -> None:
    # Trump, May, Brown are English words too, but Europe writes them as names as often.
    m = _matcher(TRUMP, Term("May", ("ماي",), "person"), Term("Brown", ("براون",), "person"))
    doc = ["وأكد ترامب أن المحادثات مستمرة", "وقالت ماي إن الاتفاق ممكن", "ورد براون على الانتقادات"]
    assert _found(m, doc) == [(1, "ترامب", "Trump"), (2, "ماي", "May"), (3, "براون", "Brown")]


# -- H: the office before the parentheses, and a listed full name against weak evidence --
POMPEO = Term("Pompeo", ("بومبيو",), "person")


def test_a_name_in_parentheses_after_an_office_is_the_office_holder() -> None:
    m = _matcher(POMPEO)
    assert _found(m, ["قال وزير الخارجية (بومبيو) إن المحادثات مستمرة"]) == [(1, "بومبيو", "Pompeo")]
    assert _found(m, ["وصرح وزير الخارجية الأمريكي (بومبيو) بأن العقوبات باقية"]) == [(1, "بومبيو", "Pompeo")]
    # After a phrase with no office it still abbreviates the phrase.
    assert _found(_matcher(MERS), MERS_DOC) == []


def test_one_weak_hint_does_not_refuse_a_surname_of_a_listed_full_name() -> None:
    line = ["أعرب المستشار عن ثقته في ترامب"]
    # With only the one-word entry, the lone "after في" refuses it (reported).
    assert _found(_matcher(TRUMP), line) == []
    assert [text for _, text, _ in _refused(_matcher(TRUMP), line)] == ["ترامب"]
    # A glossary that lists the full name says ترامب is a person's name.
    m = _matcher(TRUMP, Term("Donald Trump", ("دونالد ترامب",), "person"))
    assert _found(m, line) == [(1, "ترامب", "Trump")]
    # A strong cue still wins: after a place word it is a place (a Trump Tower, say).
    assert _found(m, ["افتتح فندق ترامب في المدينة"]) == []


# -- I: an institution or a shop chain named after someone is not that person ------------
def test_after_an_institution_or_shop_word_a_name_is_no_person() -> None:
    coles = Term("Coles", ("كولز",), "person")
    koch = Term("Koch", ("كوخ",), "person")
    m = _matcher(coles, koch)
    doc = ["خفضت متاجر كولز القيود على شراء ورق الحمام", "وقالت كولز إن المخزون يكفي",
           "وفقًا لرئيس معهد روبرت كوخ، لدى ألمانيا قدرة كبيرة على الفحص"]
    assert _found(m, doc) == []
    # The bare كولز of line 2 is refused for the whole document; every refusal is
    # reported (كوخ, also "hut", too: alone it needs a title).
    refused = _refused(m, doc)
    assert refused[:2] == [(1, "كولز", Verdict.OTHER_SENSE.need), (2, "كولز", Verdict.OTHER_SENSE.need)]
    assert [no for no, _, _ in refused] == [1, 2, 3]
    # A title makes the man: the institute's name elsewhere does not refuse him.
    assert _found(m, ["قال الدكتور كوخ إن البكتيريا سبب المرض"]) == [(1, "كوخ", "Koch")]
    # A full name after the institute word is still the person's (the Robert Koch Institute).
    assert _found(_matcher(Term("Robert Koch", ("روبرت كوخ",), "person")), doc[2:]) == [(1, "روبرت كوخ", "Robert Koch")]


# -- J: Latin letters inside Arabic text ------------------------------------------------
def test_a_latin_word_in_lowercase_or_capitals_is_no_name() -> None:
    m = _matcher(Term("of", ("أوف",), "person"), Term("Sim", ("سيم",), "person"), Term("Trump", ("ترامب",), "person"))
    doc = ['كما في فيلم "Bells of Coronado" عام 1950', "أطلقت تايلاند تطبيقًا وبطاقات SIM لجميع المسافرين"]
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "of", Verdict.LATIN_WORD.need), (2, "SIM", Verdict.LATIN_WORD.need)]
    # Capitalised as a name, it is one.
    assert _found(m, ["وقال Trump إن المحادثات مستمرة", "ونشرت Sim صورة جديدة"]) == [
        (1, "Trump", "Trump"), (2, "Sim", "Sim")]


def test_a_chain_of_three_hyphenated_words_is_no_name() -> None:
    valine = Term("Wallin", ("فالين",), "person")
    m = _matcher(valine, Term("Jean-Pierre", ("جان-بيير",), "person"))
    doc = ["ويحلل أنجيوتنسين 2 (أسبارتيت-أرجنين-فالين-تايروسين-آيزوليوسين) محول الإنزيم"]
    assert _found(m, doc) == []
    # Two hyphenated parts are a name's (جان-بيير), and فالين alone is still the name.
    assert _found(m, ["وصل جان-بيير إلى باريس", "قال فالين إن الفريق جاهز"]) == [
        (1, "جان-بيير", "Jean-Pierre"), (2, "فالين", "Wallin")]


def test_a_name_only_ever_after_team_is_the_team() -> None:
    livingston = Term("Livingston", ("ليفينغستون",), "person")
    thomas, bjorn = Term("Thomas", ("توماس",), "person"), Term("Bjorn", ("بيورن",), "person")
    m = _matcher(livingston, thomas, bjorn)
    doc = ["أذهل فريق ليفينغستون المنتشي فريق رينجرز", "وسجل ليفينغستون هدفين في الشوط الأول"]
    assert _found(m, doc) == []
    assert [(no, text) for no, text, _ in _refused(m, doc)] == [(1, "ليفينغستون"), (2, "ليفينغستون")]
    # A manager's team names the manager: the first name of a full name after فريق stays a person.
    doc = ["سيطر فريق توماس بيورن الأوروبي على المباريات", "وقال توماس إن اللاعبين قدموا أداءً رائعًا"]
    assert _found(m, doc) == [(1, "توماس", "Thomas"), (1, "بيورن", "Bjorn"), (2, "توماس", "Thomas")]


# -- K: a title glued to the name --------------------------------------------------------
def test_a_name_glued_to_its_title_is_found() -> None:
    m = _matcher(TRUMP, Term("Kavanaugh", ("كافانو",), "person"))
    doc = ["عقد السيدترامب اجتماعًا دافئًا مع رئيس بنما", "وقال القاضيكافانو إنه بريء"]
    assert _found(m, doc) == [(1, "ترامب", "Trump"), (2, "كافانو", "Kavanaugh")]
    # Words that only begin like a title are not split (الرئيسية "main", السيدات "ladies").
    m = _matcher(Term("Sat", ("ات",), "person"), Term("Iya", ("يه",), "person"), Term("Dat", ("دات",), "person"))
    assert _found(m, ["في القاعة الرئيسية جلست السيدات"]) == []


def test_a_name_after_a_place_word_is_reported_not_silent() -> None:
    # مدينة بالو is the city: never matched, but reported, so an English "Pallo" is heard of.
    m = _matcher(PALO)
    assert _refused(m, ["ضرب زلزال مدينة بالو"]) == [(1, "بالو", Verdict.OTHER_SENSE.need)]


def test_after_protein_or_protocol_a_name_is_the_thing_named() -> None:
    spike, sherlock = Term("Spike", ("سبايك",), "person"), Term("Sherlock", ("شيرلوك",), "person")
    m = _matcher(spike, sherlock)
    doc = ["يؤدي ارتباط بروتين سبايك بالمستقبل إلى دخول الفيروس", "وصفت المجموعة تقنية شيرلوك لرصد الفيروس"]
    assert _found(m, doc) == []
    assert [(no, text) for no, text, _ in _refused(m, doc)] == [(1, "سبايك"), (2, "شيرلوك")]
    assert _found(m, ["وقال المحقق شيرلوك إن القضية حُلّت"]) == [(1, "شيرلوك", "Sherlock")]


# -- L: a definite adjective after a definite title ------------------------------------
def test_a_definite_adjective_after_a_title_is_no_name() -> None:
    # The 65k list spells people الرياضي (Ryadi), الفائز (Faiez): after المدير, اللاعب they agree as adjectives.
    ryadi, faiez = Term("Ryadi", ("الرياضي",), "person"), Term("Faiez", ("الفائز",), "person")
    m = _matcher(ryadi, faiez)
    doc = ["ووجه المدير الرياضي للنادي الشكر للاعبين", "وهو اللاعب الفائز بالكرة الذهبية خمس مرات"]
    assert _found(m, doc) == []
    assert [(no, text) for no, text, _ in _refused(m, doc)] == [(1, "الرياضي"), (2, "الفائز")]
    # A listed definite name that is no adjective keeps the title's support (الرئيس الأسد).
    assad = Term("Assad", ("الأسد",), "person")
    assert _found(_matcher(assad), ["وقال الرئيس الأسد إن الحرب انتهت"]) == [(1, "الأسد", "Assad")]


# -- M: the second word of a two-word name after an institution or disease word ----------
def test_the_second_word_of_an_institutions_two_word_name_is_no_person() -> None:
    hopkins, reid = Term("Hopkins", ("هوبكنز",), "person"), Term("Reid", ("ريد",), "person")
    delta, jones = Term("Delta", ("دلتا",), "person"), Term("Jones", ("جونز",), "person")
    # The first word is a name: a hit of the line (كورونا, which name lists spell Corona) or rare in Arabic (أنجوس).
    m = _matcher(hopkins, reid, delta, jones, Term("Corona", ("كورونا",), "person"))
    doc = ["وفقًا لإحصائيات جامعة جونز هوبكنز، تجاوز عدد الوفيات ألف حالة",
           "وأظهر استطلاع أجراه معهد أنجوس ريد أن الأسر عانت",
           "ومن بينها فيروسات كورونا دلتا في الطيور"]
    assert _found(m, doc) == []
    # Reported, never silent: the institution's first word by the cue, its second by this rule.
    assert [(no, text) for no, text, _ in _refused(m, doc)] == [
        (1, "جونز"), (1, "هوبكنز"), (2, "ريد"), (3, "كورونا"), (3, "دلتا")]
    assert all(need == Verdict.OTHER_SENSE.need for _, text, need in _refused(m, doc) if text not in ("جونز", "كورونا"))
    # The same names elsewhere are people: after a title, or in a sentence of their own.
    assert _found(m, ["وقال السيد هوبكنز إن الجامعة ستغلق", "وقال جونز هوبكنز إن الجامعة ستغلق"]) == [
        (1, "هوبكنز", "Hopkins"), (2, "جونز", "Jones"), (2, "هوبكنز", "Hopkins")]


def test_after_an_institutions_name_a_persons_full_name_is_still_the_person() -> None:
    # "Harvard's Steven Pinker": a sure person's name right after the second word
    # makes that word the start of a person, not the end of the institution's name.
    steven, pinker = Term("Steven", ("ستيفن",), "person"), Term("Pinker", ("بينكر",), "person")
    m = _matcher(steven, pinker)
    assert _found(m, ["وقال أستاذ علم النفس بجامعة هارفارد ستيفن بينكر إن العنف تراجع"]) == [
        (1, "ستيفن", "Steven"), (1, "بينكر", "Pinker")]


# -- N: a nisba adjective after the noun it agrees with ----------------------------------
JENNY = Term("Jenny", ("جيني",), "person")
MANAI = Term("Manaï", ("مناعي",), "person")


def test_an_adjective_in_ya_after_its_noun_is_no_name() -> None:
    m = _matcher(JENNY, MANAI)
    doc = ["أشار اختبار جيني أولي لعينات المرضى إلى فيروس جديد",
           "وتعمل الخفافيش كمنشأ جيني لمعظم فيروسات كورونا",
           "ويهدف اللقاح إلى تحفيز رد فعل مناعي قوي"]
    assert _found(m, doc) == []
    # Reported, never silent: each refusal reaches the refused list with its reason.
    assert _refused(m, doc) == [(1, "جيني", Verdict.ADJECTIVE.need), (2, "جيني", Verdict.ADJECTIVE.need),
                                (3, "مناعي", Verdict.ADJECTIVE.need)]


def test_a_name_in_ya_after_a_title_a_verb_or_before_a_surname_is_a_person() -> None:
    m = _matcher(JENNY, Term("McCarthy", ("ماكارثي",), "person"))
    # A title; a verb (no article: القالت is no word); a surname right after.
    doc = ["وقالت السيدة جيني إن المدرسة ستغلق", "وقالت جيني إن الفريق مستعد", "وصلت جيني ماكارثي إلى لندن"]
    assert _found(m, doc) == [(1, "جيني", "Jenny"), (2, "جيني", "Jenny"), (3, "جيني", "Jenny"),
                              (3, "ماكارثي", "McCarthy")]
    # A feminine noun does not agree with a masculine adjective: استجابة جيني is Jenny's response.
    assert _found(m, ["وكانت استجابة جيني سريعة"]) == [(1, "جيني", "Jenny")]


def test_a_document_that_names_the_person_keeps_the_spelling_after_a_noun_like_verb() -> None:
    # تنافس is "competed" and "competition": alone, تنافس جيني reads as noun + adjective.
    m = _matcher(JENNY, Term("McCarthy", ("ماكارثي",), "person"))
    doc = ["تنافس جيني في البطولة للمرة الأولى"]
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "جيني", Verdict.ADJECTIVE.need)]
    # A document that gives her a title elsewhere keeps the match there too.
    doc = ["وقالت السيدة جيني إنها مستعدة"] + doc
    assert _found(m, doc) == [(1, "جيني", "Jenny"), (2, "جيني", "Jenny")]
    # Only the hit read as an adjective is refused, never the spelling elsewhere (a verb
    # before a name would otherwise refuse the name in the whole document).
    doc = ["وقالت جيني إنها مستعدة", "تنافس جيني في البطولة للمرة الأولى"]
    assert _found(m, doc) == [(1, "جيني", "Jenny")]


def test_a_foreign_name_in_ya_is_no_adjective() -> None:
    # Arabic writes هيلاري with no article or feminine: not an adjective, whatever the word before.
    m = _matcher(Term("Hillary", ("هيلاري",), "person"))
    assert _found(m, ["ذكر تقرير هيلاري أن الحملة انتهت"]) == [(1, "هيلاري", "Hillary")]


# -- O: the syllables of a Chinese or Korean given name ----------------------------------
KIM, JONG, UN = Term("Kim", ("كيم",), "person"), Term("Jong", ("جونغ",), "person"), Term("Un", ("أون",), "person")


def test_the_syllables_of_a_korean_given_name_are_no_names_of_their_own() -> None:
    m = _matcher(KIM, JONG, UN)
    doc = ["تراجعت التجارب الصاروخية منذ تولي كيم جونغ أون السلطة", "وأشاد بكيم جونغ أون قائلًا إنه رجل ذكي"]
    # Kim is found; Jong and Un, which English writes Jong-un, are reported, not matched.
    assert _found(m, doc) == [(1, "كيم", "Kim"), (2, "كيم", "Kim")]
    assert _refused(m, doc) == [(1, "جونغ", Verdict.SYLLABLE.need), (1, "أون", Verdict.SYLLABLE.need),
                                (2, "جونغ", Verdict.SYLLABLE.need), (2, "أون", Verdict.SYLLABLE.need)]


def test_three_western_one_syllable_names_or_a_longer_run_are_names() -> None:
    john, paul, jones = (Term("John", ("جون",), "person"), Term("Paul", ("بول",), "person"),
                         Term("Jones", ("جونز",), "person"))
    # Closed syllables (l, z) are no Chinese or Korean given name: John Paul Jones keeps all three.
    assert _found(_matcher(john, paul, jones), ["وقال جون بول جونز إن الفرقة ستعود"]) == [
        (1, "جون", "John"), (1, "بول", "Paul"), (1, "جونز", "Jones")]
    # Two words are no three (هونغ كونغ), and a fourth short word makes a phrase, not one name.
    hong, kong = Term("Hong", ("هونغ",), "person"), Term("Kong", ("كونغ",), "person")
    assert _found(_matcher(hong, kong, KIM), ["وصل كيم هونغ كونغ جين إلى المطار", "في هونغ كونغ"]) == [
        (1, "كيم", "Kim"), (1, "هونغ", "Hong"), (1, "كونغ", "Kong"), (2, "هونغ", "Hong"), (2, "كونغ", "Kong")]


# -- Round 5: a foreign name Arabic writes as often as a word ---------------------------
def test_arabic_inflects_its_own_words_not_foreign_names() -> None:
    from translate.arabic.lexicon import default_lexicon
    from translate.arabic.morphology import inflected_forms
    # Letter by letter: the article, the pronoun suffixes (on the ت of a feminine
    # noun), a past verb's plural, the other person of an imperfect, the imperfect of a past.
    assert inflected_forms("هديه") == {"الهديه", "هديتها", "هديتهم", "يهديه"}
    assert inflected_forms("تشير") == {"التشير", "تشيرها", "تشيرهم", "تشيروا", "يشير", "يتشير"}
    assert inflected_forms("مات") == {"المات", "ماتها", "ماتهم", "ماتوا", "يمات"}
    assert inflected_forms("السويدي") == {"سويدي"}          # the bare form of a definite word
    # A word in ا may be a word with its final hamza left out (أوليا for أولياء).
    assert inflected_forms("اوليا") == {"الاوليا", "اولياها", "اولياهم", "اولياوا", "ياوليا", "اولياء"}
    assert inflected_forms("لي") == frozenset()                # two letters: a particle
    lex = default_lexicon()
    for word in ("والده", "هديه", "تشير", "روليت", "اوليا"):    # mother, gift, points, roulette, guardians
        assert lex.inflected_zipf(word) >= 2.5, word
    for name in ("كوليبالي", "هيذر", "اونيل", "وايد", "ميستورا"):
        assert lex.inflected_zipf(name) == 0.0, name


WAYDE, SIMS = Term("Wayde", ("وايد",), "person"), Term("Sims", ("سيمز",), "person")
LASSANA, COULIBALY = Term("Lassana", ("لاسانا",), "person"), Term("Coulibaly", ("كوليبالي",), "person")


def test_a_foreign_name_next_to_a_name_is_a_person_and_then_in_the_whole_document() -> None:
    # وايد is a Gulf word ("a lot", Zipf 4.0) but Arabic never inflects it: the
    # name Wayde; his surname vouches for it, and the full name for the bare وايد later.
    m = _matcher(WAYDE, SIMS)
    doc = ["إطلاق النار على وايد سيمز: ألقت الشرطة القبض على المشتبه به",
           "وذكرت الشرطة أنه اعترف بإطلاق النار على وايد حتى الموت."]
    assert _found(m, doc) == [(1, "وايد", "Wayde"), (1, "سيمز", "Sims"), (2, "وايد", "Wayde")]
    m = _matcher(LASSANA, COULIBALY)
    assert _found(m, ["تعرض لهجمة بالرأس من لاسانا كوليبالي وهجمة مكسورة"]) == [
        (1, "لاسانا", "Lassana"), (1, "كوليبالي", "Coulibaly")]


def test_a_foreign_name_alone_is_reported_and_arabic_words_need_a_title() -> None:
    m = _matcher(WAYDE, SIMS)
    doc = ["وذكرت الشرطة أنه اعترف بإطلاق النار على وايد حتى الموت."]
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "وايد", Verdict.FOREIGN_NAME.need)]
    # والدة ("mother") and تشير ("points") inflect: a neighbouring name is not enough.
    risa = Term("Risa", ("ريسا",), "person")
    m = _matcher(Term("Walda", ("والدة",), "person"), Term("Techer", ("تشير",), "person"), risa)
    assert [t for _, _, t in _found(m, ["هذا ما قالته والدة ريسا كوسوما", "ريسا تشير إلى معاناة ابنها"])] == [
        "Risa", "Risa"]


def test_a_foreign_pair_the_document_uses_for_something_else_makes_no_full_name() -> None:
    # سارس كوف is SARS-CoV: سارس after فيروس names a virus in this document, so
    # كوف next to it is no surname and سارس no first name anywhere.
    m = _matcher(SARS, Term("Kove", ("كوف",), "person"))
    doc = ["ينتمي فيروس سارس إلى عائلة الفيروسات التاجية", "ويسمى سارس كوف في الأدبيات العلمية"]
    assert [t for _, _, t in _found(m, doc)] == []


def test_a_first_name_after_and_still_vouches_for_its_surname() -> None:
    # A list of people joins them with و: ومارتن أونيل (Martin O'Neill). أونيل is as
    # common in Arabic text as a word would be, but only as this name.
    m = _matcher(Term("Martin", ("مارتن",), "person"), Term("O'Neill", ("أونيل",), "person"))
    line = "وعمل معه ديفيد مويز، ومارتن أونيل، وروي كين قبل ذلك."
    assert _found(m, [line]) == [(1, "مارتن", "Martin"), (1, "أونيل", "O'Neill")]
    # Without the first name it is refused, and reported.
    assert _found(m, ["وعمل معه أونيل قبل ذلك."]) == []
    assert _refused(m, ["وعمل معه أونيل قبل ذلك."]) == [(1, "أونيل", Verdict.FOREIGN_NAME.need)]


def test_the_second_word_of_a_companys_two_word_name_is_no_person() -> None:
    # شركة نيشن وايد is Nationwide, even in a document that names Wayde Sims.
    m = _matcher(WAYDE, SIMS)
    doc = ["إطلاق النار على وايد سيمز", "وصرح نائب مدير شركة نيشن وايد للتأمين على الحياة بأن"]
    assert _found(m, doc) == [(1, "وايد", "Wayde"), (1, "سيمز", "Sims")]
    assert (2, "وايد", Verdict.OTHER_SENSE.need) in _refused(m, doc)


def test_of_several_readings_the_one_that_spells_the_arabic_is_chosen() -> None:
    # A list's stray reading whose words are frequent for another reason
    # (d'Angers: "dangers", Top) must not take the spelling from the name it spells.
    m = _matcher(Term("d'Angers", ("ديفيد",), "person"), Term("David", ("ديفيد",), "person"),
                 Term("Top", ("طومسون",), "person"), Term("Thomson", ("طومسون",), "person"))
    assert _found(m, ["أفاد مدير العقارات ديفيد طومسون قائلًا إن العقارات هي الأهم"]) == [
        (1, "ديفيد", "David"), (1, "طومسون", "Thomson")]


def test_a_two_letter_family_name_heads_a_chinese_given_name() -> None:
    # شي جين بينغ is Xi Jinping: جين and بينغ are syllables of one given name, even
    # though شي, two letters, is never matched alone; في هونغ كونغ is "in Hong Kong".
    m = _matcher(Term("Xi", ("شي",), "person"), Term("Gene", ("جين",), "person"),
                 Term("Ping", ("بينغ",), "person"), Term("Fi", ("في",), "person"),
                 Term("Hong", ("هونغ",), "person"), Term("Kong", ("كونغ",), "person"))
    line = "وصف الرئيس الصيني شي جين بينغ المعركة بأنها حرب شعبية"
    # (Recall round 2: at the head of such a name the family name is one, Xi.)
    assert _found(m, [line]) == [(1, "شي", "Xi")]
    assert {(t, need) for _, t, need in _refused(m, [line])} == {
        ("جين", Verdict.SYLLABLE.need), ("بينغ", Verdict.SYLLABLE.need)}
    hong_kong = ["انتشر المرض في هونغ كونغ سريعا"]
    assert [t for _, _, t in _found(m, hong_kong)] == ["Kong"]   # (هونغ after في: a place, see above)
    assert all(need != Verdict.SYLLABLE.need for _, _, need in _refused(m, hong_kong))


# -- Round 6: time expressions, English place words, the letter M, counted units ------------
YUMU = Term("Yumu", ("يوم",), "person")


def test_a_common_word_before_a_weekday_is_a_time_expression_even_after_a_title() -> None:
    m = _matcher(YUMU, TRUMP)
    doc = ["قال الرئيس يوم السبت إن الشعب الأمريكي شهد مهارة كافانو", "وقال الرئيس يوم إن الاقتصاد قوي",
           "وقال ترامب الجمعة إنه سيزور فرنسا", "وأعلن الوزير صباح الأحد أن"]
    # After a title يوم is still the listed name; before a weekday it is "on";
    # a sure name before a weekday stays a name (Arabic drops يوم: ترامب الجمعة).
    assert _found(m, doc) == [(2, "يوم", "Yumu"), (3, "ترامب", "Trump")]
    assert _refused(m, doc) == [(1, "يوم", Verdict.TIME_EXPRESSION.need)]


def test_a_name_before_an_english_street_or_city_word_is_the_place() -> None:
    john, kansas = Term("John", ("جون",), "person"), Term("Kansas", ("كانساس",), "person")
    m = _matcher(john, kansas)
    doc = ["عثر عليه مصابًا في جون استريت في بيركينهيد", "وقال جون إن الشرطة وصلت متأخرة",
           "فرق في درجات الحرارة بين كانساس سيتي وميزوري", "ومثل ديزني لاند هونغ كونغ"]
    # Only that hit: John is still John on the next line.
    assert _found(m, doc) == [(2, "جون", "John")]
    assert _refused(m, doc) == [(1, "جون", Verdict.PLACE_NAME.need), (3, "كانساس", Verdict.PLACE_NAME.need)]
    assert _found(_matcher(Term("Disney", ("ديزني",), "person")), doc[3:]) == []
    # An outlet's English word after the name (سكاي نيوز); alone, بوست is no place word.
    sky, post = Term("Sky", ("سكاي",), "person"), Term("Post", ("بوست",), "person")
    assert _found(_matcher(sky), ["وقالت الأم لسكاي نيوز إن سيارات الإسعاف"]) == []
    assert _found(_matcher(post), ["كما ذكرت صحيفة واشنطن بوست"]) == [(1, "بوست", "Post")]


def test_the_letter_m_is_no_kinship_word() -> None:
    m = _matcher(Term("Moazzam", ("معظم",), "person"))
    doc = ["هناك، توجه بروتينات إم معظم التفاعلات بين البروتين والبروتين", "وقالت أم معظم إن ابنها بخير"]
    # إم is the Latin letter M; أم ("mother of") before the common word still announces a name.
    assert _found(m, doc) == [(2, "معظم", "Moazzam")]
    assert [(no, text) for no, text, _ in _refused(m, doc)] == [(1, "معظم")]


def test_after_a_degree_or_a_number_word_a_name_is_a_unit_or_currency() -> None:
    fahrenheit, daniel = Term("Fahrenheit", ("فهرنهايت",), "person"), Term("Daniel", ("دانيال",), "person")
    doc = ["تسخين العينات عند 98 درجة مئوية (208 درجة فهرنهايت) لمدة 5 دقائق"]
    assert _found(_matcher(fahrenheit, daniel), doc) == []
    assert _found(_matcher(fahrenheit, daniel), ["اخترع دانيال فهرنهايت مقياسًا للحرارة"]) == [
        (1, "دانيال", "Daniel"), (1, "فهرنهايت", "Fahrenheit")]
    real = Term("Real", ("ريال",), "person")
    doc = ["خصصت إيران خمسة تريليونات ريال لمكافحة الفيروس", "وارتفع سعر ريال مقابل الدولار"]
    assert _found(_matcher(real), doc) == []
    assert [(no, text) for no, text, _ in _refused(_matcher(real), doc)] == [(1, "ريال"), (2, "ريال")]


def test_the_document_writes_a_rare_adjectives_other_forms_or_a_foreign_nouns_article() -> None:
    alveolar = Term("Sonejee", ("سنخي",), "person")
    m = _matcher(alveolar)
    # سنخي ("alveolar") is too rare for the frequency table; the document writes
    # its definite feminine (السنخية) too, as no one writes a foreign name.
    doc = ["وفي تشريح المرضى تلف سنخي منتشر", "مع إفرازات في الأكياس السنخية في الرئة"]
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "سنخي", Verdict.ADJECTIVE.need)]
    assert _found(m, doc[:1]) == [(1, "سنخي", "Sonejee")]  # no evidence: the name stays
    # A noun the table lacks with the article is a noun when written with tanween (تأذٍّ, "damage"):
    # no verb takes it.
    doc2 = ["يلاحظ أيضًا في مرضى سارس تأذٍّ سنخي منتشر", "في الأكياس السنخية"]
    assert _found(m, doc2) == [] and _found(m, ["مرضى سارس تأذ سنخي منتشر", doc2[1]]) == [(1, "سنخي", "Sonejee")]
    # The bare feminine is no evidence: normalised, its ة is the pronoun ه ("him").
    assert _found(m, [doc[0], "مع إفرازات سنخية منتشرة"]) == [(1, "سنخي", "Sonejee")]
    # A document that gives the spelling a title keeps it a person everywhere.
    doc = ["وقال الدكتور سنخي إن المرضى تحسنوا", "تلف سنخي منتشر", "مع إفرازات في الأكياس السنخية"]
    assert _found(_matcher(alveolar, Term("Dr", ("الدكتور",), "title")), doc) == [
        (1, "الدكتور", "Dr"), (1, "سنخي", "Sonejee"), (2, "سنخي", "Sonejee")]
    # A foreign noun the table lacks with the article (الغلوبولين) is a noun the
    # adjective agrees with; without it in the document the name stays.
    immune = _matcher(Term("Manai", ("مناعي",), "person"))
    doc = ["الأجسام المضادة هي غلوبولين مناعي تنتجه الخلايا", "ويرتبط الغلوبولين بالمستضد"]
    assert _found(immune, doc) == [] and _found(immune, doc[:1]) == [(1, "مناعي", "Manai")]


def test_the_english_place_word_itself_is_no_surname_but_inside_a_listed_full_name() -> None:
    arena = Term("Arena", ("أرينا",), "person")
    doc = ["لم يكن موجودًا في ساحة تشيسابيك إنرجي أرينا في مدينة أوكلاهوما سيتي", "وقال المدرب أرينا إن الفريق جاهز"]
    assert _found(_matcher(arena), doc) == [(2, "أرينا", "Arena")]
    assert _refused(_matcher(arena), doc) == [(1, "أرينا", Verdict.PLACE_NAME.need)]
    # Bruce Arena, listed in full, is the coach, and his first name is not a place.
    bruce = Term("Bruce Arena", ("بروس أرينا",), "person")
    assert _found(_matcher(arena, bruce, Term("Bruce", ("بروس",), "person")), ["وقال بروس أرينا إن"]) == [
        (1, "بروس أرينا", "Bruce Arena")]
    # Rod is a first name, not a road: رود stays out of the English place words.
    rod = Term("Rod", ("رود",), "person")
    assert _found(_matcher(rod), ["قال نائب المدعي العام رود روزنشتاين"]) == [(1, "رود", "Rod")]


ALI_WRITTEN = Term("'Ali", ("على",), "person")


def test_a_preposition_written_with_alef_maqsura_after_a_title_needs_the_persons_other_name() -> None:
    m = _matcher(ALI_WRITTEN, Term("Abdullah Saleh", ("عبد الله صالح",), "person"))
    doc = ["إن تتبع المخالطين المحافظ على الخصوصية مفهوم مطبق", "وقال الرئيس على عبد الله صالح إن"]
    # المحافظ ("the governor", also "preserving") governs على ("on"); a name after it is still a name.
    assert _found(m, doc) == [(2, "على", "'Ali"), (2, "عبد الله صالح", "Abdullah Saleh")]
    assert _refused(m, doc) == [(1, "على", Verdict.PREPOSITION.need)]


def test_a_title_announces_the_whole_name_after_it() -> None:
    hassan, rouhani = Term("Hassan", ("حسن",), "person"), Term("Rouhani", ("روحاني",), "person")
    m = _matcher(hassan, rouhani)
    # حسن ("good") needs the title right before it; روحاني ("spiritual") a name
    # next to it: the first name the title vouched for is that name.
    assert _found(m, ["ذكر الرئيس حسن روحاني في 26 فبراير 2020 أنه لا توجد خطة"]) == [
        (1, "حسن", "Hassan"), (1, "روحاني", "Rouhani")]
    # Without the title neither is vouched for (both reported); a title before
    # another word vouches for nothing after it.
    assert _found(m, ["ذكر حسن روحاني في 26 فبراير"]) == [] and _found(m, ["وقال الرئيس إن روحاني"]) == []
    assert [text for _, text, _ in _refused(m, ["ذكر حسن روحاني في 26 فبراير"])] == ["حسن", "روحاني"]


def test_a_name_written_with_madda_is_not_the_commoner_word_it_folds_into() -> None:
    abe, shinzo = Term("Abe", ("آبي",), "person"), Term("Shinzo", ("شينزو",), "person")
    m = _matcher(abe, shinzo)
    doc = ["أغلق رئيس الوزراء شينزو آبي جميع المدارس", "قال أبي إن الطقس جميل", "وقال آبي إن"]
    # آبي folds into ابي with أبي ("my father", 5.5); as written it is 3.8: a
    # name next to it vouches for it, as for a name more common as a word.
    assert _found(m, doc) == [(1, "شينزو", "Shinzo"), (1, "آبي", "Abe")]
    assert _refused(m, doc) == [(2, "أبي", Verdict.NEEDS_TITLE_HERE.need), (3, "آبي", Verdict.NEEDS_NAME.need)]
    alan = _matcher(Term("Alan", ("آلان",), "person"), Term("Shearer", ("شيرر",), "person"))
    assert _found(alan, ["وقال آلان شيرر إن الفريق جاهز", "الآن يجب أن نعمل"]) == [
        (1, "آلان", "Alan"), (1, "شيرر", "Shearer")]


def test_et_al_after_a_word_makes_it_an_authors_name() -> None:
    m = _matcher(Term("Zhou", ("تشو",), "person"))
    doc = ["في 18 فبراير 2020، أبلغ تشو وآخرون عن بنية الإنزيم", "ينبغي تحديث مخطط تدفق المعلومات لتشو وآخرين",
           "أبلغ تشو عن بنية الإنزيم"]
    # تشو is a common Arabic spelling (Zipf above the name): alone it needs a title;
    # "et al." (وآخرون, وآخرين) after it says a citation names its author.
    assert _found(m, doc) == [(1, "تشو", "Zhou"), (2, "تشو", "Zhou")]
    assert [(no, text) for no, text, _ in _refused(m, doc)] == [(3, "تشو")]


def test_a_family_name_that_is_also_a_common_word_heads_a_chinese_name_unless_it_governs_a_noun() -> None:
    # لي ("to me", Zipf 6.1) governs nothing after it: لي وين ليانغ is Li Wenliang;
    # في (7.6) and من govern the noun after them: في/من هونغ كونغ is "in/from Hong Kong".
    m = _matcher(Term("Li", ("لي",), "person"), Term("Win", ("وين",), "person"),
                 Term("Liang", ("ليانغ",), "person"), Term("Fi", ("في",), "person"),
                 Term("Min", ("من",), "person"), Term("Hong", ("هونغ",), "person"), Term("Kong", ("كونغ",), "person"))
    line = "وتم توجيه تنبيه لثمانية أطباء، منهم لي وين ليانغ، لنشرهم شائعات"
    assert _found(m, [line]) == [(1, "لي", "Li")]  # (recall round 2: the family name is one)
    assert {(t, need) for _, t, need in _refused(m, [line])} == {
        ("وين", Verdict.SYLLABLE.need), ("ليانغ", Verdict.SYLLABLE.need)}
    for place in ("انتشر المرض في هونغ كونغ سريعا", "عاد المسافرون من هونغ كونغ أمس"):
        assert all(need != Verdict.SYLLABLE.need for _, _, need in _refused(m, [place]))


def test_greek_letters_in_a_list_are_no_people() -> None:
    m = _matcher(Term("Gama", ("غاما",), "person"), Term("Delta", ("دلتا",), "person"))
    doc = ["يمكن تقسيمها إلى أربعة أجناس، وهي ألفا وبيتا وغاما ودلتا، ومن المعروف", "وقالت دلتا إن الحفل أُلغي"]
    # A list of letters names genera; alone, the listed singer is still found.
    assert _found(m, doc) == [(2, "دلتا", "Delta")]
    assert _refused(m, doc) == [(1, "غاما", Verdict.GREEK_LETTER.need), (1, "دلتا", Verdict.GREEK_LETTER.need)]


def test_and_on_the_family_name_starts_the_chinese_or_korean_name() -> None:
    m = _matcher(KIM, JONG, UN, TRUMP)
    line = "جاء ذلك بعد الاجتماع التاريخي بين ترامب وكيم جونغ أون في سنغافورة"
    # ترامب, one syllable too, is no part of the name after "and".
    assert _found(m, [line]) == [(1, "ترامب", "Trump"), (1, "كيم", "Kim")]
    assert {(t, need) for _, t, need in _refused(m, [line])} == {
        ("جونغ", Verdict.SYLLABLE.need), ("أون", Verdict.SYLLABLE.need)}
    # Without "and" the short word before still makes a phrase of four.
    assert [t for _, _, t in _found(m, ["وصل ترامب كيم جونغ أون"])] == ["Trump", "Kim", "Jong", "Un"]


def test_a_clitic_before_a_hamza_is_no_name_found_by_sound_either() -> None:
    # لأمد ("for a time") sounds like the listed لاميدي (Lamidi); ل + أمد is written
    # with the hamza that no name carries after a clitic letter.
    m = _matcher(Term("Lamidi", ("لاميدي",), "person"))
    assert _found(m, ["حتى إنها قد تستوطنه لأمد طويل."]) == []
    assert _found(m, ["وقال لاميدي إن الفريق جاهز"]) == [(1, "لاميدي", "Lamidi")]


def test_a_town_and_an_english_word_after_team_are_the_teams_name() -> None:
    dundee, stars = Term("Dandy", ("داندي",), "person"), Term("Stars", ("ستارز",), "person")
    doc = ["دوري النخبة: فوز فريق داندي ستارز على فريق بلفاست جاينتس بنتيجة 5-3",
           "سجل باتريك دواير هدفين ضد فريق داندي"]
    # داندي ستارز (Dundee Stars) after "team" makes no full name for the document:
    # the later bare "team Dundee" is the team too. Both reported, not silent.
    assert _found(_matcher(dundee, stars), doc) == []
    assert [(no, t) for no, t, _ in _refused(_matcher(dundee, stars), doc)] == [
        (1, "داندي"), (1, "ستارز"), (2, "داندي")]
    # Without "team" the pair is a person's name; after it a person's full name stays one.
    assert len(_found(_matcher(dundee, stars), ["وقال داندي ستارز إن", "وأضاف داندي أن"])) == 3
    thomas, bjorn = Term("Thomas", ("توماس",), "person"), Term("Bjorn", ("بيورن",), "person")
    assert _found(_matcher(thomas, bjorn), ["سيطر فريق توماس بيورن الأوروبي على المباريات"]) == [
        (1, "توماس", "Thomas"), (1, "بيورن", "Bjorn")]


def test_a_name_after_a_word_that_heads_a_places_name_is_the_place() -> None:
    diego, derek = Term("Diego", ("دييغو",), "person"), Term("Derek", ("ديريك",), "person")
    m = _matcher(diego, derek)
    doc = ["نقل الطفل جوًا إلى مستشفى رادي للأطفال في سان دييغو", "في فورت ديريك ومعهد والتر ريد",
           "وسجل دييغو الهدف الثاني"]
    # San Diego and Fort Detrick; Diego the footballer is still found.
    assert _found(m, doc) == [(3, "دييغو", "Diego")]
    assert _refused(m, doc) == [(1, "دييغو", Verdict.PLACE_NAME.need), (2, "ديريك", Verdict.PLACE_NAME.need)]
    # Not سانت (St): a saint is a person.
    assert _found(_matcher(Term("Martin", ("مارتن",), "person")), ["وخليفته في سانت مارتن"]) == [
        (1, "مارتن", "Martin")]


# -- Round 7: ng written نج, the interrogative hamza, ... ------------------------------------------
def test_a_chinese_given_name_ending_in_ng_written_with_jim_is_one_word() -> None:
    m = _matcher(Term("Li", ("لي",), "person"), Term("Win", ("وين",), "person"))
    # ليانج (Liang, ج said g) is no listed name and no Arabic word: وين is still a
    # syllable of Wenliang, not the name Win.
    line = "لي وين ليانج، طبيب لدى مستشفى ووهان المركزي، توفي بسبب المرض"
    assert _found(m, [line]) == [(1, "لي", "Li")]  # (recall round 2: the family name is one)
    assert _refused(m, [line]) == [(1, "وين", Verdict.SYLLABLE.need)]
    # A last word that Arabic inflects, or one not ending in ng, makes no Chinese name of it.
    assert all(need != Verdict.SYLLABLE.need for _, _, need in _refused(m, ["لي وين لارتن، طبيب لدى مستشفى"]))


def test_the_interrogative_hamza_on_a_common_particle_opens_a_question_not_a_name() -> None:
    alice, walker = Term("Alice", ("أليس",), "person"), Term("Walker", ("ووكر",), "person")
    m = _matcher(alice, walker)
    doc = ["لا أعتقد بأنه أمر شائع، أليس كذلك؟", 'منا قول "أليس ذلك رائعًا".']
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "أليس", Verdict.INTERROGATIVE.need), (2, "أليس", Verdict.INTERROGATIVE.need)]
    # After a verb or a title, or before her surname, she is Alice.
    assert _found(m, ["وقالت أليس إن الفيلم", "قالت الملكة أليس إن", "أليس ووكر كاتبة"]) == [
        (1, "أليس", "Alice"), (2, "أليس", "Alice"), (3, "أليس", "Alice"), (3, "ووكر", "Walker")]
    # A noun behind the أ is the name (أنور: النور is a word, so no "is it light?").
    anwar = _matcher(Term("Anwar", ("أنور",), "person"))
    assert all(need != Verdict.INTERROGATIVE.need for _, _, need in _refused(anwar, ["لا أعرف، أنور كذلك؟"]))


def test_a_word_in_ta_marbuta_after_a_noun_in_ta_marbuta_is_a_feminine_adjective() -> None:
    rajiha, bouhired = Term("Rajiha", ("راجحة",), "person"), Term("Bouhired", ("بوحيرد",), "person")
    m = _matcher(rajiha, bouhired)
    # راجح ("weighty") is an Arabic word: after حاجة ("need") راجحة is "pressing", no name.
    line = "فقد بات عملنا والتزاماتنا في حاجة راجحة إلى التأقلم مع الأوضاع"
    assert _found(m, [line]) == []
    assert _refused(m, [line]) == [(1, "راجحة", Verdict.ADJECTIVE.need)]
    # After a title, or before her other name, she is Rajiha; a masculine that is no
    # commoner than the name (سارة: سار) makes no adjective of it.
    assert _found(m, ["وقالت السيدة راجحة إن", "في مدرسة راجحة بوحيرد"]) == [
        (1, "راجحة", "Rajiha"), (2, "راجحة", "Rajiha"), (2, "بوحيرد", "Bouhired")]
    sarah = _matcher(Term("Sarah", ("سارة",), "person"))
    assert all(need != Verdict.ADJECTIVE.need for _, _, need in _refused(sarah, ["في رسالة سارة إلى أمها"]))


def test_a_name_after_a_spanish_article_is_a_citys() -> None:
    angelos, vegas = Term("Angelos", ("أنجيلوس",), "person"), Term("Vegas", ("فيغاس",), "person")
    m = _matcher(angelos, vegas)
    doc = ["صرحت قوات شرطة باتون روج بلوس أنجيلوس يوم السبت الماضي", "سافر إلى لاس فيغاس", "وقال أنجيلوس إن"]
    # لوس/لاس head a city's name, with "and" or "in" (ب) on them too; alone Angelos is a person.
    assert _found(m, doc) == [(3, "أنجيلوس", "Angelos")]
    assert _refused(m, doc) == [(1, "أنجيلوس", Verdict.PLACE_NAME.need), (2, "فيغاس", Verdict.PLACE_NAME.need)]


def test_a_name_listed_with_the_article_is_not_found_without_it() -> None:
    manai, kelly = Term("Manaï", ("المناعي",), "person"), Term("Loukili", ("الوكيلي",), "person")
    m = _matcher(manai, kelly)
    doc = ["الأجسام المضادة هي غلوبولين مناعي (أي جي) تنتجه الخلايا", "شارون ديفيس وكيلي همفريز تقومان بنشر البطاقات"]
    # Bare, مناعي is "immune" and وكيلي "and Kelly": Arabic writes an al-name with its article.
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "مناعي", Verdict.ARTICLE_DROPPED.need), (2, "وكيلي", Verdict.ARTICLE_DROPPED.need)]
    # A clitic that holds the article (للـ) keeps the name.
    assert _found(m, ["وقدم الدكتور الشكر للمناعي على جهوده"]) == [(1, "مناعي", "Manaï")]


def test_the_other_english_street_and_newspaper_words_complete_a_place_or_an_outlet() -> None:
    moines, grayson = Term("Moen", ("موين",), "person"), Term("Grayson", ("جرايسون",), "person")
    muse = Term("Muse", ("ميوز",), "person")
    m = _matcher(moines, grayson, muse)
    doc = ["كتب برانستاد في مقال رأي في دي موين ريجستر يوم الأحد", "وحاول السائق الذي يقطن في جرايسون ميوز العودة"]
    # The Des Moines Register; Grayson Mews. موين alone is still Moen.
    assert [(no, t) for no, t, _ in _found(m, doc + ["وقال جرايسون موين إن"])] == [(3, "جرايسون"), (3, "موين")]
    assert (1, "موين", Verdict.PLACE_NAME.need) in _refused(m, doc)
    assert (2, "ميوز", Verdict.PLACE_NAME.need) in _refused(m, doc)


# -- Recall round 2: a first name vouches for the surname after it ---------------------------


def test_one_of_the_commonest_words_closing_a_name_after_a_first_name_is_its_surname() -> None:
    michael, van = Term("Michael", ("مايكل",), "person"), Term("Van", ("فان",), "person")
    simpson, don = Term("Simpson", ("سيمبسون",), "person"), Term("Don", ("دون",), "person")
    m = _matcher(michael, van, simpson, don)
    # فان ("for indeed", Zipf 5.9) after a first name, closing the name before punctuation
    # or the line's end, is the surname; the document's later mentions need a title as before.
    doc = ["قال مايكل فان، البالغ من العمر 72 عامًا", "كرّم الحفل مايكل فان"]
    assert _found(m, doc) == [(1, "مايكل", "Michael"), (1, "فان", "Van"), (2, "مايكل", "Michael"), (2, "فان", "Van")]
    # A particle or preposition governs the word after it: after a name it is the word
    # (سيمبسون دون وقوع, "Simpson without incident"; فان إنه), and it is reported.
    doc = ["تم إلقاء القبض على سيمبسون دون وقوع حوادث", "قال مايكل فان إنه يشعر بالفخر"]
    assert _found(m, doc) == [(1, "سيمبسون", "Simpson"), (2, "مايكل", "Michael")]
    assert _refused(m, doc) == [(1, "دون", Verdict.NEEDS_TITLE_HERE.need), (2, "فان", Verdict.NEEDS_TITLE_HERE.need)]
    # Not a word with a clitic, nor after a first name with one.
    assert "فان" not in [t for _, t, _ in _found(m, ["قال ومايكل فان،", "قال مايكل وفان،"])]
    # A word with no name frequency to speak of stays a word (an initial: جيه, J.).
    murphy, jeh = Term("Murphy", ("ميرفي",), "person"), Term("Jeh", ("جيه",), "person")
    assert _found(_matcher(murphy, jeh), ["قائد الشرطة ميرفي جيه."]) == [(1, "ميرفي", "Murphy")]


def test_an_office_and_its_complement_announce_the_name_after_them() -> None:
    walid, imam = Term("Walid", ("وليد",), "person"), Term("Imam", ("أمام",), "person")
    m = _matcher(walid, imam)
    # وليد ("newborn") after "the foreign minister", its nationality too, is the minister's name.
    doc = ["دعا وزير الخارجية وليد المعلم، في كلمته", "قال وزير الخارجية السوري وليد إن"]
    assert _found(m, doc) == [(1, "وليد", "Walid"), (2, "وليد", "Walid")]
    # A construct title governs the word right after it (its complement), and one of the
    # commonest words (أمام, "before") needs a title right before it.
    doc = ["ولد طفل وليد في المستشفى", "تحدث وزير وليد", "قال رئيس الوزراء أمام البرلمان"]
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "وليد", Verdict.NEEDS_NAME.need), (2, "وليد", Verdict.NEEDS_NAME.need),
                                (3, "أمام", Verdict.NEEDS_TITLE_HERE.need)]


def test_a_title_and_its_nationality_announce_a_full_name_of_common_words() -> None:
    hassan, rouhani = Term("Hassan", ("حسن",), "person"), Term("Rouhani", ("روحاني",), "person")
    ali, trump = Term("Ali", ("علي",), "person"), Term("Trump", ("ترامب",), "person")
    m = _matcher(hassan, rouhani, ali, trump)
    # حسن ("good", one of the commonest words) and روحاني ("spiritual"): the title with
    # its nationality announces the whole name when the other name follows.
    line = "كتب الرئيس الإيراني حسن روحاني رسالة عامة لقادة العالم"
    assert _found(m, [line]) == [(1, "حسن", "Hassan"), (1, "روحاني", "Rouhani")]
    # Without the other name the commonest word needs the title right before it; a
    # preposition (على, normalised as علي) before a name is still the preposition.
    doc = ["وقال الرئيس الإيراني حسن إن", "رد الرئيس الإيراني على ترامب"]
    assert _found(m, doc) == [(2, "ترامب", "Trump")]
    assert (1, "حسن", Verdict.NEEDS_TITLE_HERE.need) in _refused(m, doc)


def test_round_2_names_reach_enforce_and_qa_on_the_command_line(cli, tmp_path) -> None:
    """The real CLI: وليد after "the foreign minister" is enforced (Waleed → Walid),
    and the same word without the office is reported, not rewritten, by both
    enforce and qa."""
    import json

    glossary = tmp_path / "names.yaml"
    glossary.write_text("name: round2\nsource_lang: ar\ntarget_lang: en\nterms:\n"
                        "  - target: Walid\n    type: person\n    source: [وليد]\n"
                        "    forbidden: [Waleed]\n", encoding="utf-8")
    src, mt = tmp_path / "s.ar.txt", tmp_path / "m.en.txt"
    src.write_text("دعا وزير الخارجية وليد المعلم، في كلمته\nولد طفل وليد في المستشفى\n", encoding="utf-8")
    mt.write_text("Foreign Minister Waleed al-Muallem called, in his speech\nA Waleed child was born\n",
                  encoding="utf-8")
    r = cli("enforce", "-s", str(src), "-t", str(mt), "-g", str(glossary), "--json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["lines"] == ["Foreign Minister Walid al-Muallem called, in his speech", "A Waleed child was born"]
    assert {u["line"] for u in data["unplaced"]} == {2} and "ambiguous" in {u["reason"] for u in data["unplaced"]}
    q = cli("qa", "-s", str(src), "-t", str(mt), "-g", str(glossary), "--format", "json")
    findings = json.loads(q.stdout)
    text = json.dumps(findings, ensure_ascii=False)
    assert "Waleed" in text and '"line": 2' in text


def test_the_family_name_heading_a_chinese_name_is_a_name() -> None:
    xi, jin, ping = Term("Xi", ("شي",), "person"), Term("Jin", ("جين",), "person"), Term("Ping", ("بينغ",), "person")
    li, wen, liang = Term("Li", ("لي",), "person"), Term("Wen", ("وين",), "person"), Term("Liang", ("ليانغ",), "person")
    m = _matcher(xi, jin, ping, li, wen, liang)
    # Two letters are never a name alone, but at the head of a three-syllable name
    # (the given name's syllables refused as SYLLABLE) the family name is one.
    doc = ["وصف الرئيس الصيني شي جين بينغ الوباء بأنها حرب", "عاقبت الشرطة أطباء، منهم لي وين ليانغ، لنشرهم"]
    assert _found(m, doc) == [(1, "شي", "Xi"), (2, "لي", "Li")]
    assert (1, "جين", Verdict.SYLLABLE.need) in _refused(m, doc)
    # Alone, or before syllables that are all common Arabic words (particles: "what was
    # on"), two letters stay no name.
    ma, kan, ali = Term("Ma", ("ما",), "person"), Term("Kan", ("كان",), "person"), Term("Ali", ("علي",), "person")
    particles = _matcher(ma, kan, ali)
    assert [t for _, t, _ in _found(particles, ["دمرت السيول المنازل وجميع ما كان على الأرض"])] == []
    assert _found(m, ["قال لي إن الوضع صعب"]) == []


def test_a_family_name_given_with_a_full_chinese_or_korean_name_stands_for_it_in_the_document() -> None:
    ri, yong = Term("Ri", ("ري",), "person"), Term("Yong", ("يونغ",), "person")
    li, wen, liang = Term("Li", ("لي",), "person"), Term("Wen", ("وين",), "person"), Term("Liang", ("ليانغ",), "person")
    m = _matcher(ri, yong, li, wen, liang)
    # أخبر ("told"), a verb of the pattern أفعل, is no syllable of a longer name before it.
    doc = ["أخبر ري يونغ هو الجمعية العامة للأمم المتحدة", "وقال ري، إن الولايات المتحدة", "أشار ري إلى البيان"]
    assert _found(m, doc) == [(1, "ري", "Ri"), (2, "ري", "Ri"), (3, "ري", "Ri")]
    # A line on its own does not give the full name: two letters stay no name.
    assert _found(m, ["وقال ري، إن الولايات المتحدة"]) == []
    # لي is also "to me" (Zipf 6.1): the document's Li Wenliang does not make every لي his.
    doc = ["عاقبت الشرطة أطباء، منهم لي وين ليانغ، لنشرهم", "قال لي إن الوضع صعب"]
    assert _found(m, doc) == [(1, "لي", "Li")]


def test_a_clitic_letter_that_is_the_names_first_sound_is_read_with_the_name() -> None:
    warren, elizabeth = Term("Warren", ("ارين",), "person"), Term("Elizabeth", ("إليزابيث",), "person")
    m = _matcher(warren, elizabeth)
    # A list that spells Warren ارين: وارين is the whole name (W is و), not "and Arin".
    doc = ["قالت إليزابيث وارين، عضوة مجلس الشيوخ", "ردت وارين: حان الوقت"]
    assert _found(m, doc) == [(1, "إليزابيث", "Elizabeth"), (1, "وارين", "Warren"), (2, "وارين", "Warren")]
    # Not when the rest already holds the letter (وويب is "and Webb"), nor when the
    # English does not start with it (بهوبي is "in Hubei", no Hoppe).
    webb, hoppe = Term("Webb", ("ويب",), "person"), Term("Hoppe", ("هوبي",), "person")
    m = _matcher(webb, hoppe)
    found = _found(m, ["تألق بوبا واتسون وويب سيمبسون في اللعب", "ظهر المرض في ووهان بهوبي في الصين"])
    assert all(text not in ("وويب", "بهوبي") for _, text, _ in found)


def test_a_two_letter_name_next_to_a_sure_name_is_a_name() -> None:
    joe, biden = Term("Joe", ("جو",), "person"), Term("Biden", ("بايدن",), "person")
    rowe, kyle = Term("Rowe", ("رو",), "person"), Term("Kyle", ("كايل",), "person")
    he, trump = Term("Ho", ("هو",), "person"), Term("Trump", ("ترامب",), "person")
    m = _matcher(joe, biden, rowe, kyle, he, trump)
    doc = ["وانتقد نائب الرئيس السابق جو بايدن القرار", "بعد أن استفاد كايل رو من ركلة"]
    assert _found(m, doc) == [(1, "جو", "Joe"), (1, "بايدن", "Biden"), (2, "كايل", "Kyle"), (2, "رو", "Rowe")]
    # Not one of the commonest words (هو, "he": المرشح هو ترامب), not alone, not with
    # a clitic, not inside a run of letters (جي بي).
    doc = ["المرشح هو ترامب", "قال جو إن", "وقال وجو بايدن", "اشترى جي جو بايدن"]
    assert [(no, t) for no, t, _ in _found(m, doc)] == [(1, "ترامب"), (3, "بايدن"), (4, "بايدن")]


def test_a_transliterated_word_no_list_holds_vouches_for_the_name_next_to_it() -> None:
    matt, jordan = Term("Matt", ("مات",), "person"), Term("Jordan", ("جوردان",), "person")
    m = _matcher(matt, jordan)
    # مات ("died") and جوردان before a surname the list lacks, a word no Arabic
    # frequency table holds (ماركيديت, سبيث): a full name.
    doc = ["أحرزه كوني بمساعدة مات ماركيديت بالدقيقة 17", "قال جوردان سبيث بينما يستعد"]
    assert _found(m, doc) == [(1, "مات", "Matt"), (2, "جوردان", "Jordan")]
    # Not before an Arabic word behind a clitic (وتنبؤات, "and predictions"), a number,
    # Latin letters or a word with the article: مات there stays a verb.
    doc = ["مات وتنبؤات الأطباء صحيحة", "مات 2002 شخصا", "مات Inrupt", "مات المريض"]
    assert _found(m, doc) == []
    assert (1, "مات", Verdict.NEEDS_NAME.need) in _refused(m, doc)

# -- Round 8: Arabic inflection, English words in Arabic letters, names inside other names -------------
def test_a_common_arabic_word_with_an_inflectional_ending_is_no_name() -> None:
    aarthi, villon = Term("Aarthi", ("آرثي",), "person"), Term("Villon", ("فيلون",), "person")
    m = _matcher(aarthi, villon)
    # إرثي is ارث ("heritage") + ي ("my"), folded into آرثي; كفيلون is كفيل
    # ("guarantor") + ون, not ك + فيلون: neither form is an Arabic word of its own.
    doc = ["ولأن ذلك إرثي، كيف لا أكون متفائلاً عن مستقبلنا", "من الأفراد الذين هم إما كفيلون أو أفراد أسرة"]
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "إرثي", Verdict.INFLECTED.need), (2, "فيلون", Verdict.INFLECTED.need)]
    # Written as listed, with or without a clitic that is the only reading, they are the names.
    assert _found(m, ["قالت آرثي إن الفيلم", "وقال فيلون إن", "وفيلون كاتب"]) == [
        (1, "آرثي", "Aarthi"), (2, "فيلون", "Villon"), (3, "فيلون", "Villon")]


def test_an_unseen_spelling_that_is_an_inflected_arabic_word_is_not_searched_for_by_sound() -> None:
    nashiro, umesaki = Term("Nashiro", ("ناشيرو",), "person"), Term("Umesaki", ("أوميساكي",), "person")
    taghlib, woods = Term("Taghlib", ("تغلب",), "person"), Term("Woods", ("وودز",), "person")
    m = _matcher(nashiro, umesaki, taghlib, woods)
    # ناشرو "the publishers of" (ناشر), إمساكي "my grabbing" (إمساك), وتغلبا "and the two
    # beat" (تغلب): sound alone found them, so they are dropped, not reported.
    doc = ["ناشرو العمل الفني الدب بادينغتون", "كان إمساكي بقلاب رقبتي من قبل امرأة",
           "باللعب الممتاز وتغلبا على وودز المهزوم"]
    assert _found(m, doc) == [(3, "وودز", "Woods")]
    assert _refused(m, doc) == []
    # A transliterated name's own stem is no common word: جونسون is not جونس + ون.
    johnson = _matcher(Term("Johnson", ("جونسن",), "person"))
    assert _found(johnson, ["قال بوريس جونسون إن"]) == [(1, "جونسون", "Johnson")]


def test_the_article_on_a_common_word_after_a_definite_noun_agrees_with_it() -> None:
    muattal, alston = Term("Muattal", ("المعطل",), "person"), Term("Alston", ("ألستون",), "person")
    sadr = Term("Sadr", ("الصدر",), "person")
    m = _matcher(muattal, alston, sadr)
    # "the broken housing market", "the sixtieth anniversary": adjective and number, no names.
    doc = ["وهذا يعني إصلاح سوق الإسكان المعطل لدينا.", "وأضافت أن تلك هي الذكرى السنوية الستون لكتاب"]
    assert _found(m, doc) == []
    assert _refused(m, doc) == [(1, "المعطل", Verdict.DEFINITE_ADJECTIVE.need),
                                (2, "الستون", Verdict.DEFINITE_ADJECTIVE.need)]
    # After a title, with or without a nationality, the al-name is the person; written
    # with its hamza (ألستون) it is no article at all.
    assert _found(m, ["قالت السيدة الستون إن", "قال الزعيم الشيعي الصدر إن", "وقال الرئيس العراقي المعطل إن",
                      "في الذكرى السنوية ألستون يتذكر"]) == [
        (1, "الستون", "Alston"), (2, "الصدر", "Sadr"), (3, "المعطل", "Muattal"), (4, "ألستون", "Alston")]


def test_a_word_before_the_english_article_in_arabic_letters_is_part_of_an_english_name() -> None:
    un, newport = Term("Un", ("أون",), "person"), Term("Newport", ("نيوبورت",), "person")
    levi, trump = Term("Levi", ("ليفي",), "person"), Term("Trump", ("ترامب",), "person")
    m = _matcher(un, newport, levi, trump)
    # Newport on the Levee: أون is "on" before ذا, "the".
    line = "عملية إعادة تعبئة ماكينة الصرف الآلي في قاعة نيوبورت أون ذا ليفي"
    assert _found(m, [line]) == [(1, "نيوبورت", "Newport"), (1, "ليفي", "Levi")]
    assert _refused(m, [line]) == [(1, "أون", Verdict.ENGLISH_PHRASE.need)]
    # Arabic ذا, "possessor of", before an Arabic noun leaves the name alone.
    assert _found(m, ["أصبح ترامب ذا نفوذ كبير", "قال أون إن الحزب", "كان كيم جونغ أون ذا الحكم المطلق"]) == [
        (1, "ترامب", "Trump"), (2, "أون", "Un"), (3, "أون", "Un")]


def test_an_unseen_spelling_of_one_piece_of_a_hyphenated_name_is_no_match() -> None:
    wuerttemberg, baden = Term("Württemberg", ("فورتمبيرغ",), "person"), Term("Baden", ("بادن",), "person")
    m = _matcher(wuerttemberg, baden)
    # فورتمبرغ is found only by sound for فورتمبيرغ: beside a hyphen it is half of one name.
    assert _found(m, ["في الفرقاطة الجديدة من فئة بادن-فورتمبرغ، حتى النصف الأول"]) == [(1, "بادن", "Baden")]
    # Written as listed, or alone, the piece is still found.
    assert _found(m, ["من فئة بادن-فورتمبيرغ من الانضمام", "قال فورتمبرغ إن"]) == [
        (1, "بادن", "Baden"), (1, "فورتمبيرغ", "Württemberg"), (2, "فورتمبرغ", "Württemberg")]


def test_a_name_two_foreign_words_before_an_outlet_word_is_the_outlets() -> None:
    china, kong = Term("China", ("تشاينا",), "person"), Term("Kong", ("كونغ",), "person")
    m = _matcher(china, kong)
    # The South China Morning Post: تشاينا, then مورنينج (foreign), then بوست.
    line = "ذكرت صحيفة ساوث تشاينا مورنينج بوست في يوم الأحد إنه"
    assert _found(m, [line]) == []
    assert (1, "تشاينا", Verdict.PLACE_NAME.need) in _refused(m, [line])
    # An Arabic word or "and" ends the run: the name before it is not the outlet's.
    assert _found(m, ["وقال تشاينا لصحيفة واشنطن بوست إن", "مثل ديزني لاند هونغ كونغ وديزني لاند شانغهاي"]) == [
        (1, "تشاينا", "China"), (2, "كونغ", "Kong")]


def test_an_english_function_word_in_latin_letters_is_no_name_even_capitalised() -> None:
    # (A name list's person "The": the Latin spelling is its target.)
    the, johnny = Term("The", ("ذا",), "person"), Term("Johnny", ("جوني",), "person")
    m = _matcher(the, johnny)
    line = 'مراجعة فيلم "The Return of Johnny English" الجديد'
    assert _found(m, [line]) == [(1, "Johnny", "Johnny")]
    assert _refused(m, [line]) == [(1, "The", Verdict.LATIN_WORD.need)]


def test_a_sound_guess_behind_a_split_preposition_is_no_match() -> None:
    loetscher, wambach = Term("Loetscher", ("لوتشر",), "person"), Term("Wambach", ("وامباك",), "person")
    maybelline = Term("Maybelline", ("مابيلين",), "person")
    m = _matcher(loetscher, wambach, maybelline)
    # كلتشر (Culture) is not ك + a slip of لوتشر, لومبك (Lombok) not ل + a slip of وامباك.
    assert _found(m, ["في حديثه إلى صنداي تايمز كلتشر، قال", "إلى زلزال لومبك والذي راح ضحيته"]) == []
    # "and" on a slip, and a preposition on a listed spelling, stay names.
    assert _found(m, ["من لوريال ومايبيلين وبيرت", "وقال لوامباك إن"]) == [
        (1, "مايبيلين", "Maybelline"), (2, "وامباك", "Wambach")]


def test_a_round_8_refusal_is_reported_by_enforce_and_qa_with_its_note() -> None:
    from translate.documents import align
    from translate.enforce import Enforcer
    from translate.qa import run_qa

    # إرثي is "my heritage": enforce must not rewrite an English sound-alike into Aarthi,
    # and must say why it did not (issue 12, mechanism 5: nothing dropped silently).
    glossary = Glossary(terms=[Term("Aarthi", ("آرثي",), "person")])
    source, english = "ولأن ذلك إرثي، كيف لا أكون متفائلاً", "Because that is Arthi, how can I not be optimistic"
    result = Enforcer(glossary).enforce_line(source, english)
    assert result.text == english and not result.corrections
    assert [(u.reason, u.english, u.note) for u in result.unplaced] == [("ambiguous", "Arthi", Verdict.INFLECTED.need)]
    [f] = [f for f in run_qa([align(None, [source], [english])], glossary).findings if f.check == "term-unchecked"]
    assert f.severity == "info" and f.evidence == "Arthi" and Verdict.INFLECTED.need in f.message
