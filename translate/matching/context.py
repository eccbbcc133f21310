"""Words that announce a name: titles, kinship links and place words.

An ambiguous spelling (علي, ماضي) is accepted as a name when one of these, or
another unambiguous name, stands right next to it: "الرئيس علي", "علي بن …".
"""
from __future__ import annotations

from ..arabic.clitics import PREFIXES
from ..arabic.morphology import has_article_clitic
from ..arabic.normalize import normalize

# Only definite titles, which stand in apposition right before a name (الرئيس علي).
# Construct forms (رئيس حزب, وزير الخارجية, عضو مجلس) and المتحدث/الناطق (followed
# by باسم, "on behalf of") are followed by their complement, not by a name.
_TITLES = """
السيد السيده الرئيس الوزير الوزيره الدكتور الدكتوره الشيخ الشيخه
الجنرال اللواء العميد العقيد الفريق المشير الاميرال الكابتن النقيب الرائد
النائب النائبه السيناتور الملك الملكه الامير الاميره السلطان الامام البابا الكاردينال المطران الحاخام
المستشار المستشاره القاضي القاضيه المحامي المحاميه المبعوث السفير السفيره
الزعيم القائد المدرب اللاعب اللاعبه الكاتب الكاتبه الصحفي الصحفيه الفنان الفنانه الممثل الممثله المغني المغنيه
النجم النجمه الحاج البروفيسور الاستاذ الاستاذه المهندس المدير المديره الحاكم المحافظ العمده
المرشد المرجع
مستر مسز السير اللورد الليدي
"""
_LINKS = "بن ابن بنت ابو ام ال"
# Construct titles, followed by their complement rather than by a name (وزير
# الخارجية, رئيس الوزراء, نائب الرئيس): such a phrase is a person's office, so a
# word in parentheses after it names the office holder (وزير الخارجية (بومبيو)),
# where after another phrase it abbreviates the phrase (متلازمة الشرق الأوسط (ميرس)).
_OFFICES = """
وزير وزيره رئيس رئيسه نائب مدير مديره سفير سفيره امين قائد زعيم حاكم محافظ عضو مستشار مستشاره
المتحدث الناطق مسؤول مبعوث مندوب
"""
# Words that announce a place name: "مدينة حماة", "محافظة كركوك".
_PLACES = "مدينه محافظه ولايه اقليم بلده قريه العاصمه عاصمه منطقه بلدات مدن"

# Words after which a name is not a person's (issue 12, mechanism 6): a disease
# (فيروس كورونا, متلازمة داون), a place (مدينة بالو, جزيرة), an organisation, outlet,
# event or eponym (شركة, صحيفة, كأس رايدر, مقياس ريختر, إعصار روزا). On NTREX and
# TICO-19 with the 65k-name list they account for most "not a person" detections.
_DISEASES = "فيروس فيروسات مرض امراض مرضى متلازمه داء وباء جائحه تفشي لقاح"
_NOT_PEOPLE = """
مدينه محافظه مقاطعه ولايه اقليم بلده قريه العاصمه عاصمه منطقه جزيره شارع نهر جبل بحيره ميناء مطار
شركه صحيفه جريده مجله وكاله جامعه نادي كاس جائزه مقياس اعصار عاصفه مستشفى فندق مصرف بنك قناه
درجه
"""
# Institutions, shop chains, venues and vessels, and named things of science and
# software (بروتين سبايك, the spike protein; تقنية شيرلوك; بروتوكول بلو تريس;
# تطبيق), often named after someone or something: after
# them one word of a name is the institution's (متاجر كولز, Coles; معهد باستور;
# ملعب ليفربول), a full name may still be the person's (معهد روبرت كوخ: the
# Robert Koch Institute writes the man's name). With the 65k list, on TICO-19
# 21 wrong and 3 right one-word detections (NTREX 7 and 1). Not فريق, حزب or
# مجموعة: "team, party, group of" take their leader as often as a name of their
# own (فريق جيرارد is Gerrard's side, مجموعة فنغ تشانغ Feng Zhang's lab).
_INSTITUTIONS = "مؤسسه معهد كليه متجر متاجر سلسله ملعب سفينه مهرجان منظمه بروتين انزيم تقنيه بروتوكول تطبيق"


def _normalized(words: str) -> frozenset[str]:
    """The normalised forms of a whitespace-separated word list (the lists above)."""
    return frozenset(map(normalize, words.split()))


TITLES: frozenset[str] = _normalized(_TITLES)
NOT_PEOPLE: frozenset[str] = _normalized(_DISEASES + _NOT_PEOPLE + _INSTITUTIONS)
LINKS: frozenset[str] = _normalized(_LINKS)
PLACES: frozenset[str] = _normalized(_PLACES)
_ANNOUNCERS = TITLES | LINKS | PLACES
_PERSON_ANNOUNCERS = TITLES | LINKS  # what announces() asks for a person, built once (not per call)
OFFICES: frozenset[str] = TITLES | _normalized(_OFFICES)


# Only "son/daughter of" stands *after* a name (علي بن …), and "et al." in a
# citation (تشو وآخرون, Zhou et al.; وزملاؤه, "and his colleagues"); titles and
# place words precede it, and a title after a word belongs to the next name (أشار الرئيس).
_FOLLOWERS = _normalized("بن ابن بنت وآخرون وآخرين وزملاؤه وزملائه وزملاؤها وزملائها")


PLACE_TYPES = frozenset({"place", "organization", "outlet"})


def _bare(norm_word: str, words: frozenset[str]) -> bool:
    if norm_word in words:
        return True
    return norm_word[:1] in ("و", "ف", "ب") and norm_word[1:] in words


def announces_name(norm_word: str) -> bool:
    """True for a title, kinship link or place word, with or without و/ف/ب in front."""
    return _bare(norm_word, _ANNOUNCERS)


def names_an_office(norm_word: str) -> bool:
    """A title or the head of an office phrase (وزير of وزير الخارجية), with or
    without و/ف/ب in front."""
    return _bare(norm_word, OFFICES)


def announces(norm_word: str, term_type: str) -> bool:
    """Does this word, right before a word, announce a name of this type? Place
    words announce places ("منطقة شمال" is "the north region", not a Mr Szmal);
    titles and kinship words announce people."""
    return _bare(norm_word, PLACES if term_type in PLACE_TYPES else _PERSON_ANNOUNCERS)


#: Every written form a person-vetoing cue takes (with و ف ب ل ك in front, لفيروس
#: كورونا, not the article: a construct noun has none), for a one-lookup test.
def _forms(words: frozenset[str]) -> frozenset[str]:
    return words | frozenset(p + w for p in PREFIXES if not has_article_clitic(p) for w in words)


NOT_PEOPLE_FORMS: frozenset[str] = _forms(NOT_PEOPLE)
_INSTITUTION_FORMS: frozenset[str] = _forms(_normalized(_INSTITUTIONS))
# Things named after a two-word name (جامعة جونز هوبكنز, Johns Hopkins University;
# مستشفى سانت توماس; معهد أنجوس ريد; فيروسات كورونا دلتا): institutions,
# companies (شركة نيشن وايد, Nationwide; شركة سولاريس بيبر, Solaris Paper; with the
# 65k list NTREX 2 wrong, TICO-19 1 wrong and the company Kimberly-Clark fewer) and
# diseases. Not places or outlets: مدينة ميدسومر نورتون, ولاية نيو جيرسي, مجلة دير
# شبيغل are the place's or paper's own name, which English writes as it is.
_NAMED_AFTER = "جامعه مستشفى شركه " + _DISEASES + " " + _INSTITUTIONS
NAMED_AFTER_FORMS: frozenset[str] = _forms(_normalized(_NAMED_AFTER))


# English words for a street, district or venue, written in Arabic letters after the
# name they complete (جون استريت, John Street; كانساس سيتي; ديزني لاند; راين-نيكار
# أرينا): English puts the generic word after the name, so the name before it is
# the place's. With the 65k list NTREX 4 and TICO-19 2 such detections, none right.
# Not هول/لين/بارك/رود (Hall, Lane, Park: surnames as often as places; Rod a first name).
# Round 7: the other English street words (Mews, Drive, Terrace, Crescent, Boulevard):
# جرايسون ميوز, Grayson Mews (NTREX 2 wrong, ميوز as Muse).
_PLACE_TAILS = "ستريت استريت سيتي لاند ارينا افينيو سكوير ستاديوم ميوز درايف تيراس كريسنت بوليفارد"
PLACE_TAILS: frozenset[str] = _normalized(_PLACE_TAILS)
# ...and the English and Romance words that head a place's name, before it: سان
# دييغو (San Diego), سانتا كلارا, ساو باولو, فورت ديتريك, بورت, ماونت. Not سانت (St),
# a saint being a person (سانت مارتن: the church of St Martin). With the 65k list,
# NTREX 7 and TICO-19 6 such detections, all places.
_PLACE_HEADS = "سان سانتا ساو فورت بورت ماونت"
# ...and the Spanish articles of a city's name (لوس أنجلوس, لاس فيغاس): no name
# of a person starts so; they take "in" as ب too (بلوس أنجيلوس). Round 7: NTREX 1
# such detection (أنجيلوس), wrong. (The article itself as a hit, بلوس, was refused
# too in a first version: TICO-19's لوس of لوس أنجلوس is credited as "Los", −1 right.)
_PLACE_ARTICLES = "لوس لاس"
PLACE_HEAD_FORMS: frozenset[str] = frozenset(
    [c + normalize(w) for w in _PLACE_HEADS.split() for c in ("", "و")]
    + [c + normalize(w) for w in _PLACE_ARTICLES.split() for c in ("", "و", "ب")])
# ...and the English words of an outlet's name (سكاي نيوز, Sky News; ساوث تشاينا
# مورنينج بوست; نيويورك تايمز): only after a name, as بوست alone is the Post.
# Round 7: the rest of the English newspaper words (Register, Gazette, Chronicle,
# Observer): دي موين ريجستر, the Des Moines Register (NTREX 3 wrong, موين as Moen).
_OUTLET_TAILS = "نيوز بوست تايمز جورنال هيرالد تريبيون ريجستر غازيت كرونيكل اوبزرفر"
NAME_TAILS: frozenset[str] = PLACE_TAILS | _normalized(_OUTLET_TAILS)

# The weekdays and months, as Arabic news writes them after a time word (يوم السبت,
# صباح الأحد, مطلع مارس; the Levantine months that are no other word too).
_CALENDAR = """
السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه
يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
كانون شباط اذار حزيران ايلول تشرين
"""
CALENDAR: frozenset[str] = _normalized(_CALENDAR)

# Number words: what follows them is counted (خمسة تريليونات ريال, "five trillion
# rials"): a unit or currency, as after a digit.
_NUMBERS = "مئه مائه مئات الف الاف مليون ملايين مليار مليارات بليون تريليون تريليونات"
NUMBER_WORDS: frozenset[str] = _normalized(_NUMBERS)


# The Greek letters as Arabic writes them (ألفا, بيتا, غاما/جاما, دلتا ...), a list
# of which names genera, variants or coefficients (ألفا وبيتا وغاما ودلتا), not
# people; the short ones that are other words too (رو, باي, نيو, تاو) are left out.
_GREEK = """
الفا بيتا غاما جاما دلتا ابسيلون ابسلون زيتا ثيتا كابا لامدا لامبدا اوميكرون سيغما سيجما اوميغا اوميجا
"""
GREEK_LETTERS: frozenset[str] = _normalized(_GREEK)


def contradicts(norm_word: str, term_type: str, one_word: bool = True) -> bool:
    """Does this word, right before a name, say it names something other than a
    person? A disease, place, organisation or event word (فيروس كورونا is the
    coronavirus; مدينة بالو, the city of Palu). No mirror rule for places: a
    title before a place is the subject of a verb (زار الوزير جورجيا, "the
    minister visited Georgia"), not a name in apposition. ``one_word``: the
    name is one word (an institution's word vetoes only that, see _INSTITUTIONS)."""
    return term_type == "person" and norm_word in NOT_PEOPLE_FORMS and (
        one_word or norm_word not in _INSTITUTION_FORMS)


def follows_name(norm_word: str) -> bool:
    """True for a word that, standing right after a word, makes that word a name."""
    return norm_word in _FOLLOWERS


#: The English article written in Arabic letters (ذا نيويورك تايمز, ذي إيكونوميست):
#: an English phrase runs on around it. (Arabic ذا/ذي, "possessor of", takes an
#: Arabic noun after it: ذا صلة, "relevant"; :func:`.precision.english_phrase` asks.)
ENGLISH_ARTICLES: frozenset[str] = _normalized("ذا ذي")
#: English articles, prepositions and conjunctions: in Latin letters inside Arabic
#: text, a word of an English phrase or title ("The Last Palace"), never a person's
#: name whatever a name list holds (:func:`.precision.latin_word`).
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset("the an of and or in on at to for with by from".split())
