"""What Arabic words are made of, as far as telling a name from a word needs:
the article, compounds, nisba endings, tanween, hamza on alef and the letters
transliterations avoid. Functions take *normalised* words (see
:mod:`translate.arabic.normalize`) unless they say otherwise.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .clitics import ONE_LETTER
from .normalize import normalize

ARTICLE = "ال"
#: Heads of compound names, written apart or glued on (عبد المهدي / عبدالمهدي).
COMPOUND_HEADS = ("عبد", "ابو", "ابن")
#: The second half of compound names: نصر الله / نصرالله, عبد الله.
GOD = "الله"
#: Adjective/plural endings on a name: المكسيكي, الأمريكيين.
NISBA_ENDINGS = frozenset({"ي", "يه", "يين", "يون", "يان"})
#: Tanween marks an indefinite noun, adjective or adverb (سريًا, "secretly"): news
#: Arabic does not write it on foreign names. (On the original text: normalising removes it.)
TANWEEN = frozenset("\u064b\u064c\u064d")
#: Alef with hamza or madda, as written (normalising folds them to ا).
HAMZA_ALEFS = ("أ", "إ", "آ")


def has_tanween(text: str) -> bool:
    """Does ``text`` hold a tanween mark? Three substring tests: a scan at C
    speed with no per-character regex step (a compiled character-class search
    cost about five times as much on a news line)."""
    return "\u064b" in text or "\u064c" in text or "\u064d" in text


def has_hamza_alef(text: str) -> bool:
    """Does ``text`` hold an alef with hamza or madda (see :func:`has_tanween`)?"""
    return "أ" in text or "إ" in text or "آ" in text


#: Letters of native Arabic words that transliterations of foreign names almost never
#: use. Spellings with them are Arabic names, fixed by the language, whose long-vowel
#: "variants" are other words (مطعم/مطاعم), so they get no one-word fuzzy matching.
NATIVE_LETTERS = re.compile("[عحصضطظقة]")


#: Prepositions written with a final ى (alef maqsura), as written: على ("on"),
#: إلى/الى ("to"), حتى, لدى. Normalising folds ى into ي, which makes على the
#: name علي (Ali); news writes the name with ي, the preposition with ى.
_MAQSURA_PREPOSITIONS = frozenset(("على", "إلى", "الى", "حتى", "لدى"))
#: The same, normalised (على → علي): the only words worth a look as written.
FOLDED_PREPOSITIONS = frozenset(map(normalize, _MAQSURA_PREPOSITIONS))


def is_written_preposition(written: str) -> bool:
    """Is this word, *as written* (marks stripped, not normalised), one of the
    prepositions in ى: على, إلى, حتى, لدى (not علي, a name)?"""
    return written in _MAQSURA_PREPOSITIONS


def split_compound(word: str) -> list[str]:
    """A compound written as one word, in its two parts (عبدالمهدي, نصرالله)."""
    for head in COMPOUND_HEADS:
        if word.startswith(head) and len(word) - len(head) >= 3:
            return [head, word[len(head):]]
    if word.endswith(GOD) and len(word) - len(GOD) >= 2:
        return [word[:-len(GOD)], GOD]
    return [word]


def is_compound_tail(before: str, word: str) -> bool:
    """Is ``word``, written after ``before``, the second half of a compound name
    (the الله of عبد الله, the كامل of أبو كامل, the خلدون of ابن خلدون)? Then
    it is not a name of its own."""
    return before in COMPOUND_HEADS or (word == GOD and len(before) >= 2)


def is_nisba_of(got: str, name: str) -> bool:
    """Is ``got`` an adjective or plural made from ``name``? (المكسيك → المكسيكي,
    سوريا → سوري, تركيا → تركي)"""
    if got.startswith(name) and got[len(name):] in NISBA_ENDINGS:
        return True
    return got.endswith("ي") and name.endswith(("يا", "يه")) and got == name[:-1]


def nisba_forms(word: str) -> frozenset[str]:
    """The adjective and people-plural forms of a place name that cannot be read
    as anything else: definite feminine/plural (الكندية, الكنديين, الكنديون) and
    bare plurals (كنديين), made on the word without its article and without a
    final ا/ه or يا/يه (كندا → كندي, سوريا → سوري, المكسيك → مكسيكي). Not the bare
    masculine (كندي is also Kennedy) nor a bare ـيه (a pronoun suffix: عليه)."""
    base = word[len(ARTICLE):] if word.startswith(ARTICLE) and len(word) >= 5 else word
    roots = {base[:-1]} if base.endswith(("ا", "ه")) else {base}
    if base.endswith(("يا", "يه")):
        roots.add(base[:-2])
    out = {ARTICLE + r + e for r in roots if len(r) >= 2 for e in ("يه", "يين", "يون")}
    out |= {r + e for r in roots if len(r) >= 2 for e in ("يين", "يون")}
    # A word in ـيه is its own "feminine" (كافيه → الكافيه is just "the" + it).
    out.difference_update((word, base, ARTICLE + base))
    return frozenset(out)


def is_definite_nisba(word: str) -> bool:
    """A definite adjective of origin (الأمريكي, الإيرانية): it may stand between
    a title and the name."""
    return len(word) >= 5 and word.startswith(ARTICLE) and word.endswith(("ي", "يه"))


def adjective_forms(word: str) -> frozenset[str]:
    """The other forms of a bare word in ـي read as a nisba adjective (مناعي,
    "immune"; جيني, "genetic"): with the article (المناعي) and feminine, bare
    and definite (مناعيه, المناعيه: ة normalised to ه). An adjective is written
    in all of them; a foreign name in ـي (هيلاري, توني, ديدي) in none. Empty for
    a word with the article or not in ـي."""
    if len(word) < 3 or not word.endswith("ي") or word.startswith(ARTICLE):
        return frozenset()
    return frozenset((ARTICLE + word, word + "ه", ARTICLE + word + "ه"))


def definite_feminine(word: str) -> str:
    """The definite feminine of a bare word in ـي read as a nisba adjective
    (سنخي → السنخيه, "the alveolar", ة normalised to ه): of its adjective forms
    the one no other reading makes (bare ـه is also "him": عليه, "on him")."""
    return ARTICLE + word + "ه"


#: Pronoun suffixes no transliterated name takes ("her", "their"; not ـه, which
#: normalising shares with the feminine ending ة).
_OBJECT_SUFFIXES = ("ها", "هم")
#: Imperfect-verb prefixes that swap person (تشير / يشير, "she/he points").
_IMPERFECT = ("ت", "ي")


def inflected_forms(word: str) -> frozenset[str]:
    """The forms an Arabic noun, adjective or verb takes and a foreign name
    spelled in Arabic letters does not: the article (هدية → الهديه), a pronoun
    suffix after the word or its feminine ت (والدة → والدتها, والدتهم; رأي →
    رايها), the plural of a past verb (مات → ماتوا; not its feminine ت, which
    spells names: راي → رايت, Wright) and the other person of an imperfect verb
    (تشير ↔ يشير) or of a past verb (جادل → يجادل), and a word in ا is also
    the word with its final hamza left out (أوليا for أولياء, "guardians"). Arabic writes كوليبالي, هيذر, أونيل in none of them. A word
    with the article has its bare form (السويدي → سويدي). Empty for a word of two letters."""
    if len(word) < 3:
        return frozenset()
    if word.startswith(ARTICLE):
        return frozenset((word[len(ARTICLE):],)) if len(word) >= 5 else frozenset()
    base = word[:-1] + "ت" if word.endswith("ه") else word
    out = {ARTICLE + word} | {base + s for s in _OBJECT_SUFFIXES}
    if not word.endswith("ه"):
        out.add(word + "وا")
    if word[0] in _IMPERFECT and len(word) >= 4:
        out.add(_IMPERFECT[word[0] == "ت"] + word[1:])
    out.add("ي" + word)  # the imperfect of a past verb: جادل → يجادل
    if word.endswith("ا"):
        out.add(word + "ء")  # a final hamza left out, as informal text does: أوليا for أولياء
    out.discard(word)
    return frozenset(out)


def takes_bare_adjective(noun: str) -> bool:
    """Can a bare masculine adjective in ـي agree with this normalised word
    standing before it? Only an indefinite masculine singular: no article, and
    no feminine ending ة (ه) or plural ات, which take ـية (استجابة مناعية).
    Not a two-letter word: the pronouns هو/هي take a predicate (هي روبي)."""
    return len(noun) >= 3 and not noun.startswith(ARTICLE) and not noun.endswith(("ه", "ات"))


_VOWEL_LETTERS = frozenset("اوي")

#: ng, as Arabic writes it: نغ, or نج where ج is said g (Egypt).
NG_ENDINGS = ("نغ", "نج")
#: The endings of an open syllable after its vowel: n, and ng.
_OPEN_ENDINGS = ("ن", *NG_ENDINGS)


@lru_cache(maxsize=1 << 16)
def is_one_syllable(word: str) -> bool:
    """A normalised word of one syllable as Arabic transliterates a foreign
    name: at most five letters and exactly one run of long-vowel letters
    (ا و ي, a hamza's alef included): جونغ, ليانغ, أون, إن, جاي, كيم; not
    بيكار, ماري, إلى (two runs), عن, أرسل... (أرسل: one, an Arabic verb's
    letters; it is the *open* test that Arabic words seldom pass)."""
    if not 2 <= len(word) <= 5:
        return False
    runs, inside = 0, False
    for ch in word:
        vowel = ch in _VOWEL_LETTERS
        runs += vowel and not inside
        inside = vowel
    return runs == 1


@lru_cache(maxsize=1 << 16)
def is_open_syllable(word: str) -> bool:
    """One syllable ending as Chinese and Korean syllables end, in a vowel, n or
    ng: جين, بينغ, أون, جاي, إن, وين. Arabic writes ng as نغ or, where ج is
    said g (Egypt), as نج (ليانج, يانج): both count. Western one-syllable names
    end in any consonant (جونز, بول, كين is the exception that pays for the rule).
    Cached: the precision pass asks it for nearly every one-word hit."""
    return is_one_syllable(word) and (word[-1] in _VOWEL_LETTERS or word.endswith(_OPEN_ENDINGS))



#: "The first" (masculine, feminine; normalised): the one ordinal not of the
#: pattern فاعل (الثاني, الثالث, الرابع are).
_FIRST = ("الاول", "الاولى")


def is_definite_adjective(word: str) -> bool:
    """A normalised definite word shaped like an adjective: a nisba (الرياضي,
    الأمريكية), an active participle of the pattern فاعل (الفائز, الجامح,
    الثالث: a long alef after the first root letter) or "the first" (الأول).
    After a definite noun it agrees with it (المدير الرياضي, "the sports
    director"; اللاعب الفائز, "the winning player"), so it is no name there."""
    if is_definite_nisba(word) or word in _FIRST:
        return True
    stem = word[len(ARTICLE):] if word.startswith(ARTICLE) else ""
    return len(stem) == 4 and stem[1] == "ا" and stem[0] != "ا"


def has_article_clitic(prefix: str) -> bool:
    """Does a proclitic prefix end in the article (ال, وال, لل)?"""
    return prefix.endswith((ARTICLE, "لل"))


def definiteness_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A noun phrase's other definiteness: an Arabic adjective takes the article
    when its noun does (حجر صحي, الحجر الصحي; التهاب رئوي, الالتهاب الرئوي). The
    first word keeps its letters (its article, if any, is read as a clitic: the
    ال of التهاب is not one); the later words get or lose theirs."""
    rest = words[1:]
    definite = tuple(w if w.startswith(ARTICLE) else ARTICLE + w for w in rest)
    bare = tuple(w[2:] if w.startswith(ARTICLE) and len(w) >= 5 else w for w in rest)
    return [words[:1] + f for f in dict.fromkeys((definite, bare)) if f != rest]


#: The interrogative particle, a hamza on alef written as a proclitic (أليس, "is it not").
INTERROGATIVE = "أ"


def after_interrogative(written: str) -> str | None:
    """The normalised word behind an interrogative أ written on it (أليس → ليس,
    "is it not"; ألست → لست), or None: the word starts with أ (not إ or آ, nor
    a bare alef, which no interrogative is) and three letters or more follow it,
    so the shortest words (أبل → بل, Apple; ألم, "pain") are never read so. Whether
    the rest is a word common enough to be that is the lexicon's question."""
    if written[:1] != INTERROGATIVE or len(written) < 4:
        return None
    return normalize(written[1:])


#: Endings Arabic inflection adds to a noun, adjective or verb: "my" (ي, إرثي,
#: "my heritage"), the sound plurals (ون, ين: كفيلون, "guarantors"), the dual (ان),
#: a dual or plural verb (ا, وا: تغلبا, "the two beat") and a construct plural
#: that has lost its ن (و: ناشرو, "the publishers of"). Transliterated names end in
#: every one of them too (سامي, جونسون, بوتين, بومبيو), so an ending alone says
#: nothing: see :func:`inflected_readings`.
INFLECTION_ENDINGS = ("ي", "ون", "ين", "ان", "ا", "وا", "و")
#: The letters those endings end in: a word ending otherwise has no such reading (a one-letter test).
INFLECTION_LAST_LETTERS = frozenset(e[-1] for e in INFLECTION_ENDINGS)
#: What an inflected word may carry before its stem: nothing or one one-letter proclitic.
_ONE_LETTER_CLITICS = ("",) + ONE_LETTER


def inflected_readings(word: str) -> list[tuple[str, str, str]]:
    """Every reading of a normalised word as ``(proclitic, stem, ending)``: at most
    one one-letter proclitic, a stem of three letters or more and one ending of
    :data:`INFLECTION_ENDINGS` (إرثي → ("", "ارث", "ي"); وتغلبا → ("و", "تغلب", "ا");
    كفيلون → ("", "كفيل", "ون") and ("ك", "فيل", "ون")). Whether the stem is an
    Arabic word is the lexicon's to say."""
    out = []
    for clitic in _ONE_LETTER_CLITICS:
        if not word.startswith(clitic):
            continue
        rest = word[len(clitic):]
        out.extend((clitic, rest[:-len(e)], e) for e in INFLECTION_ENDINGS
                   if rest.endswith(e) and len(rest) - len(e) >= 3)
    return out
