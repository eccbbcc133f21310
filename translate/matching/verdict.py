"""The ambiguity policy: what a hit's own words say before its neighbours are asked.

Pure: a spelling, the term it may name, the word frequencies and the settings in,
a :class:`Verdict` out. The matcher asks it once per distinct word;
``Matcher.needs`` and ``tarjama glossary check --explain`` ask it for a
maintainer's note.
"""
from __future__ import annotations

import math
import re
from enum import Enum

from ..arabic.lexicon import Lexicon
from ..arabic.morphology import ARTICLE, NATIVE_LETTERS, has_article_clitic
from ..arabic.normalize import normalize
from ..english.sounds import arabic_key, english_key, key_similarity
from ..glossary.model import TRANSLITERATED_TYPES, Term
from .context import PLACE_TYPES, announces_name
from .index import Entry
from .match import AmbiguitySettings

class Verdict(Enum):
    """What a hit needs to be kept. ``sure``: nothing; ``open``: a neighbour, or
    its name given in full elsewhere in the document (which also lets a full name
    with a slip around the word replace it); ``shut``: dropped or needing a title
    right there, and keeping fuzzy matching off its word."""

    DROP = ("drop", "never matches alone (a particle, a title or an initial)")
    DOUBTFUL_CLITIC = ("drop", "reads as a clitic on an Arabic word about as common: list this form with "
                               "its clitic to have it matched", "clitic")
    KEEP = ("sure", None, "keep")
    ANCHOR = ("sure", None, "anchor")  # kept, and vouches for an ambiguous neighbour
    NEEDS_NAME = ("open", "is also an Arabic word, more common than the name: alone it needs a title or another "
                          "name next to it, or the full name elsewhere in the document")
    NEEDS_TITLE = ("open", "is also an Arabic word, far more common than the name: alone it needs a title before "
                           "it, or the full name elsewhere in the document")
    NEEDS_TITLE_HERE = ("shut", "is one of the commonest Arabic words: it needs a title right before it")
    NEEDS_LISTED_TITLE = ("shut", "is one of the few hundred commonest Arabic words: it needs a title right before "
                                  "it and exactly this spelling")
    PLACE = ("open", "names a place or nation in Arabic (its adjective or people-plural, such as الكندية or "
                     "الكنديين, is about as common as the spelling): alone it needs a title before it, or the "
                     "full name elsewhere in the document")
    ENGLISH_WORD = ("open", "names a person whose English name is an everyday English word (Track, Wall, Win): alone "
                            "it needs a title or another name next to it, or the full name elsewhere in the document")
    FOREIGN_NAME = ("open", "is written as often as an Arabic word, but Arabic never inflects it (no article, no "
                            "pronoun suffix): a name from another language; alone it needs a title or another name "
                            "next to it, or the full name elsewhere in the document")
    #: Set on a hit by what the line writes (:func:`.precision.misread`).
    WRITTEN = ("drop", "is written here as another word (a clitic on an Arabic word with hamza, such as بألم, "
                       "\"with pain\", or a clitic inside a longer name): list this exact written form to have it "
                       "matched", "sense")
    #: Set on a hit by how the line writes it in Latin letters (:func:`.precision.latin_word`).
    LATIN_WORD = ("drop", "is written here in Latin letters as no name is (in lowercase, or in capitals as an "
                          "acronym): list this exact form to have it matched", "sense")
    #: Set on a hit by the noun before it (:func:`.precision.agrees_as_adjective`).
    ADJECTIVE = ("drop", "is written here as an adjective agreeing with the noun before it (نظام مناعي, \"immune "
                         "system\"; اختبار جيني, \"genetic test\"): after such a noun it needs a title before it "
                         "or the person's other name after it", "sense")
    #: Set on a hit by its neighbours (:func:`.precision.given_name_syllable`).
    SYLLABLE = ("drop", "is one syllable of a two-syllable given name here (شي جين بينغ, Xi Jinping; كيم جونغ "
                        "أون, Kim Jong-un), which English writes as one word: list the full name to have it "
                        "matched", "sense")
    #: Set on a hit by its neighbours (:func:`.precision.screen`).
    GREEK_LETTER = ("drop", "is a Greek letter here, in a list of them (ألفا وبيتا وغاما ودلتا, genera or "
                            "variants): list the full name to have it matched", "sense")
    #: Set on a hit by the word after it (:func:`.precision.vouched`).
    TIME_EXPRESSION = ("drop", "heads a time expression here (يوم السبت, \"on Saturday\"; صباح الأحد): before a "
                               "weekday or month it is the Arabic word, even after a title", "sense")
    #: Set on a hit by how the line writes it (:func:`.precision.vouched`).
    PREPOSITION = ("drop", "is written here as a preposition in ى (على, \"on\"; إلى, \"to\"), which a title "
                           "before it governs (المحافظ على, \"preserving\"): it needs the person's other name "
                           "after it", "sense")
    #: Set on a hit by the word after it (:func:`.precision.screen`).
    PLACE_NAME = ("drop", "names a street, city, venue or outlet here (جون استريت, John Street; كانساس سيتي; سكاي "
                          "نيوز): the English word for the place follows it in Arabic letters", "sense")
    #: Set on a hit by how the line writes it (:func:`.precision.article_dropped`).
    ARTICLE_DROPPED = ("drop", "is listed with the article (المناعي) but written here without it, as Arabic never "
                               "writes an al-name (مناعي, \"immune\"): list this exact written form to have it "
                               "matched", "sense")
    #: Set on a hit by how the line writes it (:func:`.precision.interrogative`).
    INTERROGATIVE = ("drop", "is written here as the interrogative أ on one of the commonest Arabic words, a "
                             "particle or verb, opening a question (أليس كذلك, \"isn't it so\"): after a verb or "
                             "title, or before the person's other name, it is the name", "sense")
    #: Set on a hit by how the line writes it (:func:`.precision.inflected_word`).
    INFLECTED = ("drop", "is written here as a common Arabic word with an inflectional ending (إرثي, \"my "
                         "heritage\"; ناشرو, \"the publishers of\"; وتغلبا, \"and the two beat\"), a form that is no "
                         "word of its own and no listed spelling: list this exact written form to have it matched",
                 "sense")
    #: Set on a hit by the word before it (:func:`.precision.definite_agreement`).
    DEFINITE_ADJECTIVE = ("drop", "is written here as the article on a common Arabic word, after a definite noun it "
                                  "agrees with (سوق الإسكان المعطل, \"the broken housing market\"; الذكرى السنوية "
                                  "الستون, \"the sixtieth anniversary\"): after a title, or before the person's "
                                  "other name, it is the name", "sense")
    #: Set on a hit by the word after it (:func:`.precision.english_phrase`).
    ENGLISH_PHRASE = ("drop", "is a word of an English phrase written in Arabic letters here, right before the "
                              "English article (نيوبورت أون ذا ليفي, Newport on the Levee): list the whole name to "
                              "have it matched", "sense")
    #: Set on a hit by how the line writes it (:func:`.precision.hyphen_piece`).
    HYPHEN_PIECE = ("drop", "is an unseen spelling of one piece of a hyphenated name here (بادن-فورتمبرغ, "
                            "Baden-Württemberg): the hyphen makes one name of both pieces; list it whole to have "
                            "it matched", "sense")
    #: Set on a hit by how the line writes it (:func:`.precision.guessed_clitic`).
    GUESSED_CLITIC = ("drop", "is an unseen spelling, found by sound only once a preposition or the article is split "
                              "off the word (كلتشر, Culture, as ك + لوتشر; لومبك, Lombok, as ل + وامباك): list this "
                              "spelling to have it matched", "sense")
    #: Set on a hit by the document, not by its word (:class:`.discourse.OtherSenses`).
    OTHER_SENSE = ("drop", "the document uses this spelling for something other than a person (after a place, "
                           "disease or organisation word or as an abbreviation) "
                           "and never after a title or in a full name", "sense")

    #: Members are singletons, equal only to themselves, so identity hashes them
    #: as well as their names do, at C level: ``Enum.__hash__`` is a Python call,
    #: made for every hit the full-name and vouching passes test against a set
    #: of verdicts (about 13k per cold pass over NTREX with the 65k names).
    __hash__ = object.__hash__

    def __init__(self, group: str, need: str | None, *_: str):
        # Plain attributes, not properties: the matcher reads them once per hit.
        self.kept = group != "drop"
        self.sure = group == "sure"
        self.open = group == "open"
        self.shut = group in ("shut", "drop")
        #: When refused, a reviewer should hear of it (issue 12, nothing dropped
        #: silently): an ambiguity, not a particle, title or initial (never a name).
        self.reported = group in ("open", "shut") or _ in (("clitic",), ("sense",))
        #: What the spelling needs, in a glossary maintainer's words (None: nothing).
        self.need = need


def is_lexical(term: Term) -> bool:
    """A term, not a name (type ``other`` or ``title``): سعال is "cough" wherever it
    stands, so the name policy (is the spelling also an Arabic word? is the clitic
    doubtful?) does not apply. Measured on TICO-19 with a 14-term medical glossary:
    under the name policy سعال, عزل, حمى, عدوى, أعراض matched 0 of 42, 36, 47, 187,
    156 lines that hold them; as terms, all of them."""
    return term.type not in TRANSLITERATED_TYPES


def one_word(n: int, entry: Entry) -> bool:
    return n == 1 and not entry.latin and len(entry.words) == 1


def gap(stem: str, term: Term, lexicon: Lexicon, settings: AmbiguitySettings) -> float:
    """How much more common (Zipf) the spelling is as an Arabic word than the
    term is as a name."""
    ar = lexicon.arabic_zipf(stem)
    if term.type in PLACE_TYPES:
        # Place names have exonyms (Iraq, Irak, Iraque): English alone counts.
        return ar - lexicon.english_name_zipf(term.target) - settings.place_margin_bonus
    if key_similarity(arabic_key(stem), english_key(term.target)) < settings.translit_min:
        return math.inf  # a name's frequency vouches for it only if it spells the Arabic
    return ar - lexicon.name_zipf(term.target)


def is_word(stem: str, term: Term, lexicon: Lexicon, settings: AmbiguitySettings, floor: float | None = None) -> bool:
    """Is this one-word spelling also an ordinary Arabic word, more common than the name?"""
    if floor is None:
        floor = settings.min_zipf if NATIVE_LETTERS.search(stem) else settings.foreign_min_zipf
    if lexicon.arabic_zipf(stem) < floor:
        return False
    margin = settings.margin if len(stem) < settings.long_spelling else settings.long_spelling_margin
    return gap(stem, term, lexicon, settings) >= margin


_NAME_WORD = re.compile(r"[^\W\d_]{2}")


def _never_alone(n: int, stem: str, entry: Entry, term: Term) -> bool:
    """Spellings that are never a one-word name: two-letter Arabic words are
    particles and pronouns (في من هو لي), and titles (السيد, الرئيس) announce a
    name rather than being one, whatever a name list says. Nor is an initial
    (a name list's "h.", "w."): إتش and a Latin "A" are letters, not names."""
    if n == 1 and _NAME_WORD.search(term.target) is None:
        return True
    if not one_word(n, entry):
        return False
    if len(stem) <= 2:
        return True
    return announces_name(stem) and term.type == "person"


def _two_letter_name(n: int, stem: str, entry: Entry, term: Term) -> bool:
    """A listed two-letter spelling of a place (قم Qom): alone it is a verb or a
    particle as often as not, but after a place word (مدينة قم) it is the name;
    refused elsewhere, it is reported, never silent (issue 12: Qom's "Qm" slip went
    unreported while قم was always dropped). Not people: after a title or kinship
    word two letters are still mostly particles and letter names (السيناتور في,
    أم لا, إم إس): with the 65k-name list on NTREX and TICO-19, 48 such hits, none right."""
    return (term.type in PLACE_TYPES and one_word(n, entry) and len(stem) == 2
            and _NAME_WORD.search(term.target) is not None and not announces_name(stem))


def article_on_a_name(prefix: str, term: Term) -> bool:
    """Arabic writes no article on a personal name, so a person's name read
    behind ال is another word (البيج is "the beige", للقاضي "to the judge"),
    unless the glossary lists the name with the article (السيستاني). On NTREX and
    TICO-19 with the 65k-name list, 8 of 46 such matches were right, all of them
    words that list calls people (cordon, tsunami, SARS)."""
    return has_article_clitic(prefix) and not any(normalize(sp).startswith(ARTICLE) for sp in term.source)


def names_a_place(stem: str, lexicon: Lexicon, settings: AmbiguitySettings) -> bool:
    """Does Arabic talk about this spelling as a place or nation: are its
    unambiguous adjective and people-plural forms (الكندية, الكنديين) common and
    nearly as common as the spelling itself? A name list that calls كندا or
    أسكتلندا a person is wrong about it in news text. Persons whose name made
    an ideology (ماركس, الماركسية: 3.93 vs 3.71) fall here too and need a title
    or their full name in the document; ناصر (4.88 vs 3.55) does not."""
    nisba = lexicon.nisba_zipf(stem)
    return nisba >= settings.min_zipf and nisba >= lexicon.arabic_zipf(stem) - settings.place_nisba_margin


def english_word(target: str, lexicon: Lexicon, settings: AmbiguitySettings) -> bool:
    """Is this one-word English name an everyday English word rather than a
    name: common in English and far more common there than in the other
    European languages (a word does not travel, a name does; see
    :data:`..arabic.lexicon.NAME_LANGUAGES`)? Track 5.0 vs 3.6, Stars 4.9 vs
    3.8, Sessions 4.5 vs 3.1; not Trump (4.9 vs 4.5), Kate, Brown (5.0 vs 4.2),
    May (5.0 vs 4.2). Surnames that are words (Rice, Price, Wood) fall here too:
    news names them in full first, which vouches for them."""
    if " " in target or not target.isalpha():
        return False
    en = lexicon.english_name_zipf(target)
    return en >= settings.english_word_zipf and en - lexicon.name_zipf(target) >= settings.english_word_margin


#: Arabic words of three letters are mostly bare roots and particles (هما, "the
#: two of them"; أند) whose inflections the frequency table may lack: the
#: foreign-name reading needs four letters or more.
_FOREIGN_MIN_LETTERS = 4


def inflects(stem: str, lexicon: Lexicon, settings: AmbiguitySettings) -> bool:
    """Does Arabic write this spelling as one of its own words: with the
    article, a pronoun suffix or another verb ending
    (:meth:`..arabic.lexicon.Lexicon.inflected_zipf`)? A spelling whose
    frequency comes from a foreign name (كوليبالي, هيذر, أونيل, وايد: none
    above the floor) does not, so the "Arabic word" it resembles is that name
    itself, and a neighbouring name vouches for it whatever the gap (وايد سيمز,
    Wayde Sims; لاسانا كوليبالي); والدة, هدية, تشير (والدتها, الهدية, يشير) do."""
    return lexicon.inflected_zipf(stem) >= settings.foreign_min_zipf


def _doubtful_clitic(word: str, plen: int, stem: str, term: Term, lexicon: Lexicon,
                     settings: AmbiguitySettings) -> bool:
    if plen == 0:
        return False
    if term.type == "person" and article_on_a_name(word[:plen], term):
        return True
    whole = lexicon.arabic_zipf(word)
    # A clitic reading (و+stem) is doubted when the whole word is nearly as common as
    # the stem: real "و+name" forms are about ten times rarer than the name.
    return whole > 0 and whole >= lexicon.arabic_zipf(stem) - settings.clitic_margin


def _anchor(n: int, stem: str, entry: Entry, term: Term, lexicon: Lexicon, settings: AmbiguitySettings) -> bool:
    """A neighbour that vouches for an ambiguous name: a person or title that is
    multi-word, in Latin letters, or rare as an Arabic word (clearly a name)."""
    if term.type not in ("person", "title"):
        return False
    if not one_word(n, entry):
        return True
    return lexicon.arabic_zipf(stem) < settings.min_zipf


def verdict(word: str, plen: int, stem: str, n: int, entry: Entry, term: Term, lexicon: Lexicon,
            settings: AmbiguitySettings) -> Verdict:
    """The verdict on a hit of ``n`` words naming ``term``, whose first word is
    ``word`` (normalised) read as a clitic prefix of ``plen`` letters + ``stem``."""
    if is_lexical(term):
        # Listed forms with clitics, exactly: a term has no ambiguity policy.
        if n == 1 and _NAME_WORD.search(term.target) is None:
            return Verdict.DROP
        return Verdict.ANCHOR if _anchor(n, stem, entry, term, lexicon, settings) else Verdict.KEEP
    if _never_alone(n, stem, entry, term):
        if settings.context and _two_letter_name(n, stem, entry, term):
            return Verdict.NEEDS_TITLE_HERE
        return Verdict.DROP
    if _doubtful_clitic(word, plen, stem, term, lexicon, settings):
        return Verdict.DOUBTFUL_CLITIC
    if not (one_word(n, entry) and is_word(stem, term, lexicon, settings)):
        if settings.context and term.type == "person" and one_word(n, entry):
            if names_a_place(stem, lexicon, settings):
                return Verdict.PLACE
            if english_word(term.target, lexicon, settings):
                return Verdict.ENGLISH_WORD
        return Verdict.ANCHOR if _anchor(n, stem, entry, term, lexicon, settings) else Verdict.KEEP
    if not settings.context:
        return Verdict.DROP
    ar = lexicon.arabic_zipf(stem)
    if ar >= settings.never_alone_zipf:
        return Verdict.NEEDS_LISTED_TITLE
    if ar >= settings.title_only_zipf:
        return Verdict.NEEDS_TITLE_HERE
    # A neighbouring name tips only a close call; a clear Arabic word needs a
    # title (الجنرال سليماني), unless it is no Arabic word at all but a foreign
    # name (وايد سيمز). Places have their place words.
    if term.type not in PLACE_TYPES and gap(stem, term, lexicon, settings) >= settings.context_max_gap:
        if term.type == "person" and len(stem) >= _FOREIGN_MIN_LETTERS and not inflects(stem, lexicon, settings):
            return Verdict.FOREIGN_NAME
        return Verdict.NEEDS_TITLE
    return Verdict.NEEDS_NAME
