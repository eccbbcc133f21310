"""The precision pass: what the word as written and its neighbours say about a hit.

Normalisation removes what tells a name from a word (tanween, hamza, a hyphen
inside a code), so :func:`denied` looks at the original text; :func:`vouched`
keeps the ambiguous one-word hits that a title, a neighbouring name or the
document (:mod:`.discourse`) vouches for.
"""
from __future__ import annotations

from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, AbstractSet, Collection, Iterable
from weakref import WeakKeyDictionary

from ..arabic.clitics import MIN_STEM, PREFIXES, bases, stems as clitic_stems
from ..arabic.morphology import (ARTICLE, COMPOUND_HEADS, FOLDED_PREPOSITIONS, GOD, HAMZA_ALEFS,
                                 INFLECTION_LAST_LETTERS, NATIVE_LETTERS, NG_ENDINGS, TANWEEN, after_interrogative,
                                 definite_feminine, has_article_clitic, has_hamza_alef, has_tanween,
                                 inflected_readings, is_compound_tail, is_definite_adjective, is_definite_nisba,
                                 is_one_syllable, is_open_syllable, is_written_preposition, takes_bare_adjective)
from ..arabic.normalize import ALEF, strip_marks
from ..arabic.script import ARABIC_WORD
from ..glossary.model import Term
from .context import (CALENDAR, ENGLISH_ARTICLES, ENGLISH_FUNCTION_WORDS, GREEK_LETTERS, NAME_TAILS,
                      NAMED_AFTER_FORMS, NOT_PEOPLE_FORMS, NUMBER_WORDS, PLACE_HEAD_FORMS, PLACE_TAILS, announces,
                      announces_name, contradicts, follows_name, names_an_office)
from .discourse import FullNames, OtherSenses
from .line import Line
from .passes import Hit
from .words import likeliest
from .verdict import Verdict, gap, inflects

if TYPE_CHECKING:
    from .matcher import Matcher
    from .words import Word


def denied(m: "Matcher", line: Line, hit: Hit, tanween: bool, hyphen: bool, paren: bool) -> bool:
    """What the word as written here says against the hit, which the per-word
    verdict cannot see (normalisation removed it). ``tanween``/``hyphen``/``paren``:
    does the line hold any (a parenthesis, for an abbreviation), so most lines
    skip the surface checks."""
    i, n, plen, entry = hit.i, hit.n, hit.plen, hit.entry  # (read many times, for every hit)
    if n == 1 and hyphen and line.in_code(i):
        return True  # a piece of a hyphenated code: سارس-كوف-2
    if i and _other_entity(m, line, hit):
        return True
    if n == 1 and paren and i >= 2 and entry.type == "person" and _abbreviation(line, i):
        return True
    if n == 1 and hit.kind == "normalized" and hit.verdict.sure and _folded_word(m, line, hit):
        return True
    if plen and entry.variant[:1] in HAMZA_ALEFS and _bare_alef_after_clitic(m, line, hit):
        return True
    if plen >= 2 and _hamza_on_article(line, hit):
        return True
    if hit.kind == "fuzzy":
        # An unseen spelling showing Arabic morphology a transliteration lacks:
        # tanween (سريًا) or, in one word, a native letter such as ة (دمغة) or ع.
        surface = line.surface(i, n, plen)
        return bool(TANWEEN & set(surface)) or (n == 1 and NATIVE_LETTERS.search(surface) is not None)
    # News Arabic writes tanween on indefinite nouns and adverbs (نافيًا,
    # "denying"), never on a listed foreign name (نافيا, Navia).
    if not tanween or n != 1 or entry.latin or NATIVE_LETTERS.search(entry.variant) \
            or TANWEEN & set(entry.variant):
        return False
    return bool(TANWEEN & set(line.surface(i, n, plen)))


def screen(m: "Matcher", line: Line, hits: list[Hit], senses: OtherSenses | None) -> list[Hit]:
    """A line's hits less those :func:`denied` or :func:`misread` (these go to
    the refused list); ``senses`` learns what the line says of its spellings
    (:func:`says_other`, :func:`hints_other`). Cheap tests first: this runs for
    every line with a hit."""
    original, words = line.back.original, line.words
    tanween, hyphen, paren = has_tanween(original), "-" in line.text, "(" in line.text
    hamza = has_hamza_alef(original)
    people: frozenset[int] | None = None
    kept = []
    starts: frozenset[int] | None = None
    sure: frozenset[int] = frozenset()
    count = len(words)
    for h in hits:
        # The hit's fields and word as locals: the tests below read them about
        # twenty times per hit, and every hit of the document comes through here.
        i, n, plen, entry = h.i, h.n, h.plen, h.entry
        word = words[i]
        if ((i + n < count and words[i + n] in NAME_TAILS) or (n == 1 and word in PLACE_TAILS)
                or (i and words[i - 1] in PLACE_HEAD_FORMS)) \
                and not entry.latin and _names_a_place(m, line, h, hits):
            _refuse(line, h, Verdict.PLACE_NAME)
            continue
        if n == 1 and not NAME_TAILS.isdisjoint(words[i + 2:i + 2 + _FOREIGN_RUN]) and h.verdict.sure \
                and not entry.latin and _heads_a_place_name(m, line, h, hits):
            _refuse(line, h, Verdict.PLACE_NAME)
            continue
        if n == 1 and h.stem in GREEK_LETTERS and _in_letter_list(line, i):
            _refuse(line, h, Verdict.GREEK_LETTER)
            continue
        if n == 1 and i >= 2 and words[i - 2] in NAMED_AFTER_FORMS and not entry.latin:
            if starts is None:
                starts, sure = frozenset(o.i for o in hits), names_at(m.index.terms, hits, sure=True)
            if _names_a_thing(m, line, h, starts, sure):
                _refuse(line, h, Verdict.OTHER_SENSE)
                continue
        if n == 1 and i and not plen and is_open_syllable(word) \
                and given_name_syllable(m, line, h, hits):
            _refuse(line, h, Verdict.SYLLABLE)
            family = family_name(m, line, h, hits)
            if family is not None:
                kept.append(family)
                hits = hits + [family]
            continue
        if n == 1 and i and not plen and word[-1:] == _NISBA and not entry.latin:
            if senses is not None and agrees_as_adjective(m, line, h, hits, senses.document):
                senses.adjective[id(h)] = h.stem  # the document decides (other_senses)
        if n == 1 and i and not plen and word[-1:] == _FEMININE == words[i - 1][-1:] \
                and senses is not None and agrees_in_feminine(m, line, h, hits):
            senses.adjective[id(h)] = h.stem  # the document decides (other_senses)
        if denied(m, line, h, tanween, hyphen, paren):
            if says_other(line, h):
                if senses is not None:
                    senses.other.add(h.stem)
                if line.refused is not None and h.kind != "fuzzy":
                    # Reported, never silent: the English may still write the name wrongly.
                    h.verdict = Verdict.OTHER_SENSE
                    line.refused.append(h)
            continue
        if n == 1 and ((plen and word[:plen] in _PREPOSITIONS)
                       or (hamza and not plen and ALEF in word[1:3])):
            if people is None:
                people = names_at(m.index.terms, hits)
            if misread(m, line, h, people):
                _refuse(line, h, Verdict.WRITTEN)
                continue
        if n == 1 and entry.variant[:2] == ARTICLE and article_dropped(line, h):
            _refuse(line, h, Verdict.ARTICLE_DROPPED)
            continue
        if hamza and n == 1 and not plen and word[:1] == ALEF and interrogative(m, line, h, hits):
            _refuse(line, h, Verdict.INTERROGATIVE)
            continue
        # Round 8's rules ask about hits the ambiguity policy would keep: a refused
        # one keeps the policy's verdict and note, and a title may still vouch for it.
        if n == 1 and not plen and i and word[:2] == ARTICLE and words[i - 1][:2] == ARTICLE \
                and h.verdict.sure and definite_agreement(m, line, h, hits):
            _refuse(line, h, Verdict.DEFINITE_ADJECTIVE)
            continue
        if h.kind == "fuzzy":  # a sound guess on a word a clitic or a hyphen makes doubtful
            why = (Verdict.GUESSED_CLITIC if plen and guessed_clitic(word[:plen])
                   else Verdict.HYPHEN_PIECE if hyphen and hyphen_piece(line, h) else None)
            if why is not None:
                _refuse(line, h, why)
                continue
        if i + n < count and words[i + n] in ENGLISH_ARTICLES and h.verdict.sure \
                and english_phrase(m, line, h, hits):
            _refuse(line, h, Verdict.ENGLISH_PHRASE)
            continue
        if n == 1 and word[-1:] in INFLECTION_LAST_LETTERS and h.verdict.sure and not entry.latin \
                and inflected_word(m, line, h):
            _refuse(line, h, Verdict.INFLECTED)
            continue
        if entry.latin and n == 1:
            if latin_word(m, line, h):
                h.verdict = Verdict.LATIN_WORD
                if line.refused is not None:
                    line.refused.append(h)
                continue
        kept.append(h)
        if senses is not None and h.stem not in m.index.surnames:
            if people is None and i and words[i - 1] in _TEAM:  # only then does hints_other ask
                people = names_at(m.index.terms, hits)
            if hints_other(line, h, people is not None and i + 1 in people and line.joined(i, 2)):
                senses.other.add(h.stem)
    return kept


def _refuse(line: Line, h: Hit, verdict: Verdict | None = None) -> None:
    """Refuse ``h`` (as ``verdict``) and report it on the line's refused list,
    unless only sound found it: a fuzzy hit the rules refuse is no sign the
    term is there, so it is dropped, not reported."""
    if verdict is not None:
        h.verdict = verdict
    if line.refused is not None and h.kind != "fuzzy":
        line.refused.append(h)


def names_at(terms: list[Term], hits: list[Hit], sure: bool = False, line: Line | None = None) -> frozenset[int]:
    """The word positions of a line's person hits; ``sure``: only sure hits with
    no clitic, those that may make a place-like neighbour the other half of a
    full name (جاك روس, جون سنو) — not other place-like hits (كندا والمكسيك vouch
    for neither), nor ambiguous ones (لكل فرد). With ``line``, a sure first name
    may carry "and" (و, ف): a list of people joins them so (ومارتن أونيل، وروي كين)."""
    return frozenset(k for h in hits if h.entry.type == "person"
                     and (not sure or (h.verdict.sure and (not h.plen or (
                         line is not None and line.words[h.i][:h.plen] in _CONJUNCTIONS))))
                     for k in range(h.i, h.i + h.n))


_CONJUNCTIONS = frozenset("وف")
_SURE = attrgetter("verdict.sure")  # of a Hit


def misread(m: "Matcher", line: Line, hit: Hit, people: frozenset[int]) -> bool:
    """A one-word hit that only a misreading of the written word makes (issue 12,
    mechanism 7), reported rather than matched (:attr:`Verdict.WRITTEN`):

    - a proclitic on a common Arabic word written with hamza, folded into a name
      or found by sound (بألم, "with pain", is ب + ألم, not بالم Palm; لأمد
      طويل, "for a long time", not Lamidi): names carry no hamza after a clitic
      letter, and a name spelled with one is listed so (then it is exact);
    - a preposition (ب ل ك) split off a word between two person hits (كريستين
      بلاسي فورد is Blasey, not "with Lacey"): a preposition does not stand
      inside a name."""
    if hit.n != 1 or hit.entry.type != "person":
        return False
    if hit.plen and line.words[hit.i][:hit.plen] in _PREPOSITIONS and hit.i - 1 in people and hit.i + 1 in people \
            and line.joined(hit.i - 1, 3):
        return True
    if hit.kind not in _FOLDED_KINDS or hit.plen:
        return False
    written = strip_marks(line.surface(hit.i, 1))
    word = line.words[hit.i]
    for k in (1, 2):
        if written[k:k + 1] in HAMZA_ALEFS and word[:k] in _NO_ARTICLE_PREFIXES \
                and m.lexicon.arabic_zipf(word[k:]) >= m.settings.ambiguity.min_zipf:
            return True
    return False


def article_dropped(line: Line, hit: Hit) -> bool:
    """A one-word hit on a spelling listed with the article (المناعي, الوكيلي)
    where the line writes no article, neither on the word nor inside its clitic
    (للـ of للبنتاغون holds it): the index finds such spellings without ال for
    the clitic's sake, not because Arabic drops the article of an al-name
    (السيستاني, المناعي are written so). Bare, the word is another word: مناعي,
    "immune" (غلوبولين مناعي), وكيلي, "and Kelly" (شارون ديفيس وكيلي همفريز).
    With the 65k list: NTREX 1, TICO-19 1 such hits, both wrong, none right."""
    word = line.words[hit.i]
    return not has_article_clitic(word[:hit.plen]) and not word.startswith(ARTICLE, hit.plen)


def interrogative(m: "Matcher", line: Line, hit: Hit, hits: list[Hit]) -> bool:
    """A one-word person hit written as the interrogative أ on one of the
    commonest Arabic words that is no noun (أليس كذلك, "isn't it so": ليس,
    Zipf 5.9, "the ليس" is no word; ألست, "am I not"): the question, not
    Alice. A noun keeps the name (أنور, Anwar, is no "is it light?": النور
    4.6; أشرف, الشرف). The question opens its clause (the line's start,
    after punctuation or a bare و/ف): after a verb or title (وقالت أليس,
    الملكة أليس) it is the name, and so before a sure name (أليس ووكر). (The spelling is a sure name, Alice being
    far commoner than اليس, so this runs in :func:`screen`, before the
    document's full names are known.) With the 65k list: NTREX 2, TICO-19 1
    such hits, all أليس in a question, none right."""
    lexicon, settings = m.lexicon, m.settings.ambiguity
    rest = line.words[hit.i][1:]  # cheapest first: most words behind an alef are no common word
    common = lexicon.arabic_zipf(rest)
    if common < settings.title_only_zipf or hit.entry.type != "person" \
            or after_interrogative(strip_marks(line.surface(hit.i, 1))) != rest:
        return False
    if common <= lexicon.arabic_zipf(line.words[hit.i]) \
            or lexicon.arabic_zipf(ARTICLE + rest) >= settings.foreign_min_zipf:
        return False  # not commoner than the name's spelling, or a noun (النور of أنور)
    i = hit.i
    if i and line.joined(i - 1, 2) and line.words[i - 1] not in _CONJUNCTIONS:
        return False  # a question opens its clause: after a verb (وقالت أليس) or a title, the name
    return not (i + 1 in names_at(m.index.terms, hits, sure=True) and line.joined(i, 2))


def inflected_word(m: "Matcher", line: Line, hit: Hit) -> bool:
    """A one-word person hit whose written word is no Arabic word of its own but
    reads as a common one with an inflectional ending (:func:`.morphology.inflected_readings`):
    إرثي, "my heritage" (ارث, 3.8), folded into آرثي Aarthi; ناشرو, "the
    publishers of", and وتغلبا, "and the two beat", found by sound for ناشيرو,
    تغلب; كفيلون, "guarantors", read as ك + فيلون Villon. The stem must be a
    common word (``min_zipf``) that Arabic inflects (:func:`.verdict.inflects`),
    which a transliterated name is not (جونس of جونسون, بريس of بريسون).

    A name written exactly as listed keeps its reading: names end in ي, ون,
    ين, ا and و all the time (بريت, ريسا, غازيت: as many right names as wrong
    words with the 65k list), so the rule needs the written word to differ from
    the listed spelling (folded, found by sound) or to split otherwise than the
    hit does (كفيلون: كفيل, not ك + فيلون). Nor a word with hamza inside
    (وإيان): the hamza starts the word behind the clitic. With the 65k list:
    NTREX 6 such hits, all wrong; TICO-19 none."""
    word = line.words[hit.i]
    lexicon, settings = m.lexicon, m.settings.ambiguity
    zipf = lexicon.arabic_zipf
    if zipf(word) >= settings.foreign_min_zipf or hit.entry.type != "person":
        return False  # cheapest first: a word of its own is the name or the word, not this
    # Then the stems (dictionary lookups; most names have no common one), the written form last.
    clitics = [clitic for clitic, stem, _ in inflected_readings(word)
               if zipf(stem) >= settings.min_zipf and inflects(stem, lexicon, settings)]
    if not clitics or has_hamza_alef(strip_marks(line.surface(hit.i, 1))[1:]):
        return False
    if strip_marks(line.surface(hit.i, 1, hit.plen)) != strip_marks(hit.entry.variant):
        return True  # folded or found by sound: the written word is no listed spelling
    # As listed: the hit's own reading stands, unless the clitic letter belongs to the word (كفيل + ون).
    return bool(hit.plen) and "" in clitics


def definite_agreement(m: "Matcher", line: Line, hit: Hit, hits: list[Hit]) -> bool:
    """A one-word person hit written ال + a common Arabic word right after a
    definite noun: an adjective or number agreeing with it in definiteness
    (سوق الإسكان المعطل, "the broken housing market", for the listed al-name
    المعطل; الذكرى السنوية الستون, "the sixtieth anniversary", folded into
    ألستون Alston). The article is written bare (ال, not أل: ألستون as written
    is the name), the word behind it is common (``min_zipf``) and inflects
    (:func:`.verdict.inflects`), as names do not (الميدا, Almeida). Not after a
    title, maybe with a nationality, which names the person after it (الرئيس
    السيسي; الرئيس المصري السيسي), nor after another name or before a sure one. With
    the 65k list: NTREX 2 such hits, both wrong; TICO-19 none."""
    i, words = hit.i, line.words
    lexicon, settings = m.lexicon, m.settings.ambiguity
    bare = words[i][len(ARTICLE):]
    if len(bare) < 3 or lexicon.arabic_zipf(bare) < settings.min_zipf or hit.entry.type != "person" \
            or not inflects(bare, lexicon, settings):
        return False
    if line.written_letter(i) in HAMZA_ALEFS or not line.joined(i - 1, 2):
        return False
    head = i - 1  # a title, maybe followed by nationalities (الرئيس المصري السيسي), names the one after it
    while head > 0 and head > i - 1 - _NATIONALITIES and is_definite_nisba(words[head]) and line.joined(head - 1, 2):
        head -= 1
    if announces_name(words[head]):
        return False
    people = names_at(m.index.terms, hits)
    return i - 1 not in people and not (i + 1 in names_at(m.index.terms, hits, sure=True) and line.joined(i, 2))


#: How many definite nisbas may stand between a title and the name (الرئيس المصري; الزعيم الديني الشيعي).
_NATIONALITIES = 2


def guessed_clitic(prefix: str) -> bool:
    """Is this proclitic, split off a word whose rest only sound matched to a
    name, a preposition or the article (ب ل ك, ال; not "and" alone)? Two
    guesses stacked: no listed spelling says the split is right, and ب, ل, ك
    begin foreign words as often as they govern a name (كلتشر, Culture, read as
    ك + لوتشر; لومبك, Lombok, as ل + وامباك; بالغفل as بال + الجفال). A name
    list's names take "and" in lists (ومايبيلين, and Maybelline: credited).
    With the 65k list: NTREX 2, TICO-19 1 such hits, all wrong; with و, 1 right."""
    return not set(prefix) <= _CONJUNCTIONS


def hyphen_piece(line: Line, hit: Hit) -> bool:
    """A one-word hit found only by sound on one piece of a hyphenated name
    (بادن-فورتمبرغ, Baden-Württemberg, for the listed فورتمبيرغ): the hyphen
    joins both pieces into one name, which the list may hold whole, so an
    unseen spelling of half of it is no evidence of the person. Exact pieces
    keep their match (جان-بيير, كيم جونغ-أون: pieces a list holds as they are).
    With the 65k list: NTREX 3 such hits, all wrong; TICO-19 none."""
    if hit.n != 1:
        return False
    i = hit.i
    return (i > 0 and line.gap(i) == "-") or (i + 1 < len(line.words) and line.gap(i + 1) == "-")


def english_phrase(m: "Matcher", line: Line, hit: Hit, hits: list[Hit]) -> bool:
    """A one-word person hit right before the English article in Arabic letters
    (:data:`.context.ENGLISH_ARTICLES`): a word of an English name of a place,
    title or firm (نيوبورت أون ذا ليفي, Newport on the Levee: أون is "on", not
    Un). English puts a person's name before "the" only in epithets (Alexander
    the Great), which Arabic translates. The word after must be no common Arabic
    word, or a name of the line: Arabic ذا, "possessor of", takes a noun (أصبح
    ترامب ذا نفوذ, "Trump became influential"). With the 65k list: NTREX 2
    such hits, both wrong; TICO-19 none."""
    after = hit.i + hit.n + 1
    words = line.words
    if hit.entry.type != "person" or after >= len(words) or not line.joined(hit.i + hit.n - 1, 3):
        return False
    return m.lexicon.arabic_zipf(words[after]) < m.settings.ambiguity.min_zipf \
        or any(o.i == after for o in hits)


def latin_word(m: "Matcher", line: Line, hit: Hit) -> bool:
    """A one-word name found in Latin letters inside Arabic text, written as
    Latin script writes no name of a person: in lowercase (the "of" of "Bells of
    Coronado", jo@samaritans.org) or in capitals (an acronym: AI, SIM, unless the
    glossary writes the name so), or an English article, preposition or
    conjunction, capitalised as a title's first word is ("The Last Palace": NTREX
    1 such hit, wrong). With the 65k list: NTREX 7, TICO-19 3 such
    detections, none right. (A capitalised word inside a longer English phrase,
    "Still Game", "The Last Palace", was measured too: 13 wrong for 18 credited,
    most of them companies and titles the judge credits, Apple, Amazon, Imperial.)"""
    written = line.surface(hit.i, 1)
    if written.islower() or written.lower() in ENGLISH_FUNCTION_WORDS:
        return True
    target = hit.entry.target
    return len(written) >= 2 and written.isupper() and not target.isupper()
_PREPOSITIONS = frozenset("بلك")
#: Hits whose written word may differ from the listed spelling: folded by
#: normalising, or an unseen spelling found by sound (لأمد, "for a time", for لاميدي).
_FOLDED_KINDS = frozenset(("normalized", "fuzzy"))
_NO_ARTICLE_PREFIXES = frozenset(p for p in PREFIXES if not has_article_clitic(p))
_CUES = NOT_PEOPLE_FORMS | frozenset(COMPOUND_HEADS)


def _other_entity(m: "Matcher", line: Line, hit: Hit) -> bool:
    """The word before says the hit names something else (:func:`.context.contradicts`),
    or the hit is the second half of a compound name (عبد الله, أبو كامل)."""
    before = hit.i - 1
    word = line.words[before]
    if word not in _CUES and line.words[hit.i] != GOD:
        return False  # the common case, in one lookup
    term = m.index.terms[hit.entry.term_id]
    if term.type != "person" or not line.joined(before, 2):
        return False
    if contradicts(word, term.type, hit.n == 1):
        return True
    return hit.n == 1 and hit.plen == 0 and len(hit.entry.words) == 1 and is_compound_tail(word, line.words[hit.i])


def _names_a_thing(m: "Matcher", line: Line, hit: Hit, starts: AbstractSet[int], people: AbstractSet[int]) -> bool:
    """The second word of a two-word name right after a place, organisation or
    disease word (جامعة جونز هوبكنز, Johns Hopkins University; مستشفى سانت توماس;
    معهد أنجوس ريد; فيروسات كورونا دلتا): the cue names the thing, and the name
    runs on through a first word that is itself a name (a hit of the line, or a
    word too rare in Arabic to be anything else). Not when a sure person's name
    follows (جامعة هارفارد ستيفن بينكر: a professor named after his university)."""
    i = hit.i
    if hit.entry.type != "person" or not line.joined(i - 2, 3):
        return False
    middle = line.words[i - 1]
    if announces_name(middle) or not (i - 1 in starts
                                      or m.lexicon.arabic_zipf(middle) < m.settings.ambiguity.min_zipf):
        return False
    return i + 1 not in people or not line.joined(i, 2)


def _names_a_place(m: "Matcher", line: Line, hit: Hit, hits: list[Hit]) -> bool:
    """A person hit right before an English street, city, venue or outlet word
    in Arabic letters (جون استريت, John Street; كانساس سيتي; ديزني لاند; سكاي
    نيوز), or a place word itself after a name (تشيسابيك إنرجي أرينا), or right
    after a word that heads a place's name (سان دييغو, فورت ديتريك): the name is the place's,
    English puts the generic word after it (:data:`.context.PLACE_TAILS`).
    Only this hit: John is still John elsewhere. Not inside a listed full name
    (بروس أرينا, Bruce Arena), nor for the word after a title (المدرب أرينا)."""
    if hit.entry.type != "person":
        return False
    words, i = line.words, hit.i
    if i and words[i - 1] in PLACE_HEAD_FORMS:
        return line.joined(i - 1, 2)
    if i + hit.n < len(words) and words[i + hit.n] in NAME_TAILS:
        tail = i + hit.n
        if not line.joined(tail - 1, 2):
            return False
    else:  # the hit is the place word: the name stands before it
        tail = i
        if not i or not line.joined(i - 1, 2) or announces_name(words[i - 1]):
            return False
    return not any(o.n > 1 and o.i <= tail < o.i + o.n for o in hits)


def _heads_a_place_name(m: "Matcher", line: Line, hit: Hit, hits: list[Hit]) -> bool:
    """A person hit that starts or continues a longer English name of a place or
    outlet in Arabic letters: one or two foreign words (no common Arabic word)
    between it and the English place or outlet word (ساوث تشاينا مورنينج بوست,
    the South China Morning Post: تشاينا is no China the person). The word right
    before the tail is :func:`_names_a_place`'s; this one looks past it. With
    the 65k list: NTREX 1 such hit, wrong; TICO-19 none (ديزني لاند هونغ كونغ
    وديزني لاند: "and" starts the next name)."""
    words, i = line.words, hit.i
    zipf, floor = m.lexicon.arabic_zipf, m.settings.ambiguity.min_zipf
    for tail in range(i + 2, min(i + 2 + _FOREIGN_RUN, len(words))):
        run = words[tail - 1]
        if zipf(run) >= floor or run[:1] in _CONJUNCTIONS or not line.joined(tail - 1, 2):
            return False  # an Arabic word, or "and" (هونغ كونغ وديزني لاند), ends the foreign run
        if words[tail] in NAME_TAILS:
            return _names_a_place(m, line, replace(hit, n=tail - i), hits)
    return False


#: How many foreign words may stand between a hit and the place or outlet word after it.
_FOREIGN_RUN = 2


def _in_letter_list(line: Line, i: int) -> bool:
    """Is word i (a Greek letter's spelling) next to another, joined, either
    of them with "and" (ألفا وبيتا وغاما ودلتا; ألفا-بيتا): a list of letters?"""
    words = line.words
    return any(0 <= k < len(words) and _without_and(words[k]) in GREEK_LETTERS and line.joined(min(i, k), 2)
               for k in (i - 1, i + 1))


def _without_and(word: str) -> str:
    return word[1:] if word[:1] == "و" else word


def given_name_syllable(m: "Matcher", line: Line, hit: Hit, hits: list[Hit]) -> bool:
    """The second or third word of exactly three joined one-syllable words, a
    sure person's name first (a clitic allowed: وكيم), the last two open (a
    vowel, n or ng: :func:`.morphology.is_open_syllable`) and names of the line
    (a two-letter third one too: إن): a Chinese or Korean name, a one-syllable
    family name and a two-syllable given name that English writes as one word
    (كيم جونغ أون, Kim Jong-un; مون جاي إن, Moon Jae-in). Its syllables are no
    names of their own (Jong, Un, Jay)."""
    words, i, terms = line.words, hit.i, m.index.terms
    if hit.entry.type != "person":
        return False
    # Cheapest first: the given name's two syllables, as written.
    if not any(0 <= f and f + 2 < len(words) and is_open_syllable(words[f + 1]) and is_open_syllable(words[f + 2])
               for f in (i - 1, i - 2)):
        return False
    stems = {h.i: h.stem for h in hits if h.n == 1}
    sure = {h.i for h in hits if h.n == 1 and h.verdict.sure and h.entry.type == "person"}

    def syllable(k: int) -> bool:
        return 0 <= k < len(words) and is_one_syllable(stems.get(k, words[k]))

    def longer(k: int) -> bool:  # a further short word; not a two-letter particle (في, من)
        # (nor a verb of the pattern أفعل, أخبر "told": a vowel-first syllable
        # carries one or two consonants, أون, إن, آنغ, not three)
        return syllable(k) and len(words[k]) > 2 \
            and not (words[k][0] == ALEF and len(words[k]) >= 4 and not words[k].endswith(NG_ENDINGS))

    for first in (i - 1, i - 2):
        last = first + 2
        if not (first in sure or _family_syllable(m, words, first)) or last >= len(words) \
                or not line.joined(first, 3):
            continue
        # "and" on the family name starts the name (ترامب وكيم جونغ أون): the word before is no part of it.
        conjoined = stems.get(first, words[first]) != words[first] and words[first][:1] in _CONJUNCTIONS
        if (longer(first - 1) and line.joined(first - 1, 2) and not conjoined) \
                or (longer(last + 1) and line.joined(last, 2)):
            continue  # a longer run of short words is a phrase, not one name
        if syllable(first) and is_open_syllable(words[first + 1]) and is_open_syllable(words[last]) \
                and first + 1 in stems and (last in stems or len(words[last]) == 2
                                            or _foreign_syllable(m, words[last])):
            return True
    return False


def family_name(m: "Matcher", line: Line, syllable: Hit, hits: list[Hit]) -> Hit | None:
    """The two-letter family name that heads the Chinese or Korean name whose
    given-name ``syllable`` :func:`given_name_syllable` found (شي جين بينغ, Xi
    Jinping; ري يونغ هو, Ri Yong Ho; لي وين ليانغ, Li Wenliang): two letters are
    never a name alone (:func:`.verdict._never_alone`), but at the head of such a
    name the word is one, read as the likeliest listed person it spells. The
    refusal of a syllable is cheap, a match is not: one of the given name's
    syllables must be no Arabic word (Zipf below ``min_zipf``: بينغ, يونغ,
    ليانغ), or particles make a "name" (ما كان على, "what was on"; أو حتى لا).
    None when that word is already a hit or no such head stands there."""
    words, i = line.words, syllable.i
    arabic_zipf, floor = m.lexicon.arabic_zipf, m.settings.ambiguity.title_only_zipf
    for first in (i - 1, i - 2):
        if first < 0 or not _family_syllable(m, words, first) or any(o.i <= first < o.i + o.n for o in hits) \
                or min(arabic_zipf(words[first + 1]), arabic_zipf(words[first + 2])) >= floor:
            continue
        head = _listed_person(m, first, words[first], Verdict.ANCHOR)
        if head is not None:
            return head
    return None


def _listed_person(m: "Matcher", k: int, word: str, verdict: Verdict) -> Hit | None:
    """Word ``k`` as a hit on the likeliest listed person (not in Latin letters)
    it spells, or None: for the two-letter words the rules make names in context."""
    entries = [e for e in m.index.single.get(word, ()) if e.type == "person" and not e.latin]
    return Hit(k, 1, 0, likeliest(m, entries), "normalized", 0.9, word, verdict) if entries else None


def family_mentions(m: "Matcher", line: Line, hits: list[Hit], names: FullNames) -> list[Hit]:
    """The later bare mentions of a family name the document gave at the head
    of a full Chinese or Korean name (:func:`family_name`; ري يونغ هو, then
    وقال ري، and أشار ري إلى: one sense per discourse). Only a family name
    that is no common Arabic word (Zipf below ``title_only_zipf``: ري 3.9, شي
    4.9; not لي, 6.1, "to me", which قال لي writes in any document)."""
    families, words = names.families, line.words
    limit = m.settings.ambiguity.title_only_zipf
    taken = {k for h in hits for k in range(h.i, h.i + h.n)}
    return [Hit(k, 1, 0, families[w], "normalized", 0.9, w, Verdict.KEEP)  # type: ignore[arg-type]
            for k, w in enumerate(words) if w in families and k not in taken and m.lexicon.arabic_zipf(w) < limit]


def _foreign_syllable(m: "Matcher", word: str) -> bool:
    """A last syllable the list lacks as a name of its own (ليانج, the ج said g
    of Egyptian Arabic for ليانغ), ending in ng as only Chinese and Korean
    syllables do, and no Arabic word either: Arabic never inflects it
    (:func:`.verdict.inflects`), so a piece of a transliterated name. (Any
    open syllable the list lacks took لارتن of إتش أم بي لونغ لارتن, HMP Long
    Lartin, with it: NTREX −1 credited.)"""
    return word.endswith(NG_ENDINGS) and not inflects(word, m.lexicon, m.settings.ambiguity)


def _family_syllable(m: "Matcher", words: list[str], k: int) -> bool:
    """A two-letter one-syllable family name the list holds (شي Xi, ري Ri):
    never a hit on its own, but before two open syllables (شي جين بينغ, Xi
    Jinping) it heads the name as a sure name would. Not a preposition or
    particle that governs the noun after it and is one of the few hundred
    commonest words (``never_alone_zipf``): في هونغ كونغ is "in Hong Kong" (في
    7.6); لي (6.1, "to me") governs nothing, so لي وين ليانغ is Li Wenliang."""
    word = words[k] if k >= 0 else ""
    return len(word) == 2 and word in m.index.single and is_one_syllable(word) \
        and (word not in _GOVERNING or m.lexicon.arabic_zipf(word) < m.settings.ambiguity.never_alone_zipf)


#: Two-letter prepositions and particles that govern the noun after them (في
#: هونغ كونغ, "in Hong Kong"; من, عن, مع; أن/إن, "that"): they head no name. Any
#: other two-letter family name heads one whatever its frequency as a word: لي
#: (Li, also "to me", which governs nothing after it) of لي وين ليانغ.
_GOVERNING = frozenset(("في", "من", "عن", "مع", "ان"))


_NISBA = "ي"


def agrees_as_adjective(m: "Matcher", line: Line, hit: Hit, hits: list[Hit],
                        document: Collection[str] = ()) -> bool:
    """A bare one-word person hit in ـي right after an indefinite masculine
    noun it agrees with (نظام مناعي, "immune system"; اختبار جيني, "genetic
    test"; هباء جوي, "aerosol"; كمنشأ جيني, a proclitic on the noun), where
    Arabic also writes the word as an adjective (its definite and feminine
    forms, :meth:`.Lexicon.adjective_zipf`, common and nearly as common as the
    word): a nisba adjective, not a name. Not after a title, kinship word or
    another name (جافين نيوسوم, الرئيس سامي), nor before a sure person's name
    (a first name: سامي يوسف). The noun is one Arabic also writes with the
    article (الاختبار, النظام), which no verb is (قال سامي, قالت جيني: القال is
    no word). A verb that is also a noun (تنافس دالي, تزوج دالي: "competed",
    "competition") still looks like one, so the document decides
    (:func:`other_senses`): one that gives the spelling a title or a first name
    (توم دالي) keeps every match. ``document``: the document's words, which
    vouch for both readings as a frequency table does: a technical adjective
    too rare for the table is written in its definite feminine in the same
    text (تلف سنخي beside الخلايا السنخية, "alveolar"; :func:`.morphology.definite_feminine`),
    and a foreign noun with the article (غلوبولين مناعي beside الغلوبولين)."""
    i, words = hit.i, line.words
    # Cheapest first: most names in ـي have no adjective forms at all (هيلاري, توني).
    settings, lexicon = m.settings.ambiguity, m.lexicon
    adjective = lexicon.adjective_zipf(words[i])
    if (adjective < settings.min_zipf or adjective < lexicon.arabic_zipf(words[i]) - settings.place_nisba_margin) \
            and definite_feminine(words[i]) not in document:
        return False
    terms = m.index.terms
    if hit.entry.type != "person" or not line.joined(i - 1, 2):
        return False
    before = words[i - 1]
    if announces_name(before):
        return False
    # A noun, with or without a proclitic (و ف ب ك ل), that Arabic also writes
    # with the article (الاختبار, المنشأ of كمنشأ); a verb never takes it.
    nouns = [before] + [before[len(p):] for p in _NO_ARTICLE_PREFIXES
                        if before.startswith(p) and len(before) - len(p) >= MIN_STEM]
    if not any(takes_bare_adjective(n) and (lexicon.arabic_zipf(ARTICLE + n) >= settings.foreign_min_zipf
                                            or ARTICLE + n in document) for n in nouns) \
            and not (takes_bare_adjective(before) and TANWEEN & set(_written_marks(line, i - 1))):
        return False  # (tanween, تأذٍّ سنخي, is an indefinite noun's, never a verb's)
    if i - 1 in names_at(terms, hits):
        return False
    return i + 1 not in names_at(terms, hits, sure=True) or not line.joined(i, 2)


#: ة as normalised (ه): the feminine ending, checked as written by :func:`agrees_in_feminine`.
_FEMININE = "ه"
_TA_MARBUTA = "ة"


def agrees_in_feminine(m: "Matcher", line: Line, hit: Hit, hits: list[Hit]) -> bool:
    """A bare one-word person hit written in ة right after an indefinite noun
    written in ة (حاجة راجحة, "a pressing need"; قصة جميلة): a feminine
    adjective agreeing with its noun, when its masculine (راجح, جميل) is an
    Arabic word at least as common as the spelling (a feminine name is not:
    سارة 4.8 over سار 4.3). As for the nisba (:func:`agrees_as_adjective`),
    not after a title or a sure name, nor before a sure name, and the document decides: one that gives the spelling a title or a
    first name keeps every match. With the 65k list: TICO-19 1 such hit
    (راجحة), wrong; the six hits in ة on NTREX (سارة) stand after no noun in ة."""
    i, words = hit.i, line.words
    lexicon, settings = m.lexicon, m.settings.ambiguity
    masculine = lexicon.arabic_zipf(words[i][:-1])
    if masculine < settings.min_zipf or masculine < lexicon.arabic_zipf(words[i]):
        return False
    terms = m.index.terms
    before = words[i - 1]
    if hit.entry.type != "person" or not line.joined(i - 1, 2) or before.startswith(ARTICLE) \
            or announces_name(before):
        return False
    if not (strip_marks(line.surface(i, 1)).endswith(_TA_MARBUTA)
            and strip_marks(line.surface(i - 1, 1)).endswith(_TA_MARBUTA)):
        return False  # (normalised, ه is also "his": كتابه)
    sure = names_at(terms, hits, sure=True)  # (a list may call the noun a name too: حاجة, Haja)
    return i - 1 not in sure and (i + 1 not in sure or not line.joined(i, 2))


def _written_marks(line: Line, i: int) -> str:
    """Word i as written with the marks on its last letter, which its span
    leaves out (تأذٍّ: the tanween and shadda after the ذ)."""
    start, end = line.written_span(i, 1)
    return line.back.original[start:end]


_MORPHOLOGY_ENDINGS = ("ة", "ى")


def _folded_word(m: "Matcher", line: Line, hit: Hit) -> bool:
    """A hit that exists only because normalising folded the word (كافية → كافيه,
    Café) is another word when, as written, it is a common
    Arabic word and more common than the name's own spelling (issue 12,
    mechanism 7). A name typed without its hamza (اسامة, 3.6, for أسامة, 4.4)
    is not: the name's spelling is the commoner."""
    entry = hit.entry
    # The folded spelling is at least as common as any form folded into it: a
    # rare one (most names) needs no look at the original.
    if entry.latin or m.lexicon.arabic_zipf(hit.stem) < m.settings.ambiguity.min_zipf:
        return False
    written = strip_marks(line.surface(hit.i, 1, hit.plen))
    if written == entry.variant or written in m.index.terms[entry.term_id].source:
        return False
    # Only the endings of Arabic morphology, ة (a feminine noun or adjective) and
    # ى, written where the name's spelling has ه or ي. A hamza is how many names are written (أبل Apple, آشلي Ashley, إيمي Emmy:
    # on NTREX all four hamza cases this rule took were right names).
    if not written.endswith(_MORPHOLOGY_ENDINGS) or entry.variant.endswith(_MORPHOLOGY_ENDINGS):
        return False
    zipf = m.lexicon.written_zipf
    here = zipf(written)
    return here >= m.settings.ambiguity.min_zipf and here > zipf(strip_marks(entry.variant))


def _bare_alef_after_clitic(m: "Matcher", line: Line, hit: Hit) -> bool:
    """فاينشتاين is Feinstein, not ف + أينشتاين: with a clitic in front, a name
    spelled with a hamza keeps it (فأينشتاين), so a bare alef there is a long
    vowel of another name. Unless the glossary lists a spelling without the
    hamza (اسبير for Esper): then the name is known to be written that way."""
    if line.written_letter(hit.i, hit.plen) != "ا":
        return False
    return not any(sp.startswith("ا") for sp in m.index.terms[hit.entry.term_id].source)


def _hamza_on_article(line: Line, hit: Hit) -> bool:
    """The article is written ال: an أل/إل is the start of a word (ألغينا, "we
    cancelled"; ألبينس, Albence), not ال + غينا or ال + بينس."""
    if not line.words[hit.i][:hit.plen].endswith("ال"):
        return False
    return line.written_letter(hit.i, hit.plen - 2) in HAMZA_ALEFS


def says_other(line: Line, hit: Hit) -> bool:
    """Does the line say this (denied) one-word hit names something other than
    a person: a place, disease or organisation word right before it, or an
    abbreviation's parentheses around it? (The type was checked by the denial.)"""
    if hit.n != 1:
        return False
    before = hit.i - 1
    if before >= 0 and line.words[before] in NOT_PEOPLE_FORMS and line.joined(before, 2):
        return True
    return _abbreviation(line, hit.i)


def definite_nouns(line: Line, infos: list["Word"], named: list[int]) -> list[str]:
    """The person spellings this line writes behind the article (والتسونامي:
    :attr:`.words.Word.definite`), as common nouns; an أل/إل written with a
    hamza starts a word (ألبينس, Albence), it is no article."""
    out = []
    for i in named:
        found = infos[i].definite
        if found is not None and line.written_letter(i, found[0] - 2) not in HAMZA_ALEFS:
            out.append(found[1])
    return out


def hints_other(line: Line, hit: Hit, next_is_name: bool = False) -> bool:
    """Weak evidence that a one-word hit names no person, which only feeds the
    document's other senses (:func:`other_senses`), so a spelling the document
    also gives a title, first name or full name keeps every match (and one that
    the glossary lists inside a person's full name, :attr:`.index.TermIndex.surnames`,
    is never refused on weak evidence: ثقته في ترامب with دونالد ترامب listed):

    - the object of في ("in"): news Arabic puts places there (في باريس, في
      إنجلترا), people seldom (ثقته في ترامب). With the 65k list, one-word person
      hits after في were on NTREX 23 wrong and 25 credited (Paris, Brooklyn,
      Valderrama, Naples, Hollywood: places all), on TICO-19 37 wrong, 6 credited;
    - a number right before, in digits or words: a unit, scale or currency
      (بقوة 7.5 ريختر; خمسة تريليونات ريال);
    - "team" right before one word (فريق داندي, Dundee; لفريق ليفينغستون): a
      team is a town's or a sponsor's as often as its manager's (فريق جيرارد),
      and a manager's is named in full elsewhere. Not before a further name
      (فريق توماس بيورن: Thomas is Thomas Bjorn's first name): ``next_is_name``."""
    if not hit.i or hit.n != 1 or hit.plen:
        return False
    before = line.words[hit.i - 1]
    if before in _TEAM:
        return not next_is_name and line.joined(hit.i - 1, 2)
    return (before == _IN or before.isdigit() or before in NUMBER_WORDS) and line.joined(hit.i - 1, 2)


_IN = "في"
#: "team", bare or behind proclitics without the article (لفريق داندي);
#: الفريق is the military rank (الفريق البرهان), a title.
_TEAM = frozenset(p + "فريق" for p in ("", *_NO_ARTICLE_PREFIXES))


def _abbreviation(line: Line, i: int) -> bool:
    """Word i glosses the phrase before it in parentheses (متلازمة الشرق الأوسط
    التنفسية (ميرس)): an abbreviation, not a person. Not after a title or an
    office (its head among the phrase's last words: وزير الخارجية الأمريكي
    (بومبيو)), where the parentheses hold the name of the one it names (المدرب (ميرس))."""
    return line.glossed(i) and not announces_name(line.words[i - 1]) \
        and not any(names_an_office(w) for w in line.words[max(0, i - _OFFICE_REACH):i])


#: How far before the parentheses an office's head may stand: office, its
#: complement and a nationality (وزير الخارجية الأمريكي).
_OFFICE_REACH = 3


def other_senses(m: "Matcher", found: Iterable[tuple[Line, list[Hit]]], names: FullNames,
                 senses: OtherSenses) -> None:
    """One sense per discourse, the negative side: a one-word person hit whose
    spelling the document uses for something else (``senses.other``) and never
    for a person — after a title, kinship word or first name, or in a full name
    the glossary lists — names no
    person anywhere in the document. Such hits leave ``hits`` for the line's
    refused list (reported, never silent), with :attr:`Verdict.OTHER_SENSE`;
    so do the hits read as an adjective (``senses.adjective``, see
    :func:`agrees_as_adjective`) of a spelling the document never uses for a
    person, with :attr:`Verdict.ADJECTIVE` (only those hits: a verb before a
    name looks like a noun, and must not refuse the name elsewhere)."""
    terms = m.index.terms
    suspects = []
    adjectives = frozenset(senses.adjective.values())
    for line, hits in found:
        first: set[int] | None = None
        for h in hits:
            if h.n == 1 and (h.stem in senses.other or h.stem in adjectives) \
                    and h.entry.type == "person":
                suspects.append((line, hits, h))
                if h.stem in senses.person:
                    continue  # already seen as a person's
                if first is None:  # a first name right before: جيف سيشنز
                    first = {o.i + o.n - 1 for o in hits if o.verdict.sure and o.stem not in senses.other
                             and o.entry.type == "person"}
                if h.stem in names or _supported(line, h, terms[h.entry.term_id], set()) \
                        or (not h.plen and h.i - 1 in first and line.joined(h.i - 1, 2)):
                    senses.person.add(h.stem)
    for line, hits, h in suspects:
        if senses.not_a_person(h.stem):
            h.verdict = Verdict.OTHER_SENSE
        elif id(h) in senses.adjective and h.stem not in senses.person:
            h.verdict = Verdict.ADJECTIVE
        else:
            continue
        hits.remove(h)
        if line.refused is not None:
            line.refused.append(h)


def vouched(m: "Matcher", line: Line, hits: list[Hit], full_names: FullNames) -> list[Hit]:
    """Keep the ambiguous hits that a neighbour or the document vouches for."""
    short = _short_spellings(m)
    if not short.isdisjoint(line.words):  # (most lines: one C-level test)
        found = _short_names(m, line, hits, short)
        if found:
            hits = hits + found
    if all(map(_SURE, hits)):
        return hits
    anchors = {k for h in hits if h.verdict is Verdict.ANCHOR for k in range(h.i, h.i + h.n)}
    terms = m.index.terms
    people: frozenset[int] | None = None
    starts: frozenset[int] | None = None
    kept = []
    words = line.words
    for h in sorted(hits, key=_POSITION):  # in order: a name a title vouched for vouches for the next
        v = h.verdict
        if not v.sure:
            if h.i + 1 < len(words) and words[h.i + 1] in CALENDAR and _heads_time_expression(line, h):
                _refuse(line, h, Verdict.TIME_EXPRESSION)
                continue
            if h.stem[:1] == ALEF and h.n == 1 and v in _COMMONEST and _madda_spelling(m, line, h):
                v = h.verdict = Verdict.NEEDS_NAME
            named = v.open and h.n == 1 and full_names.vouch(h.stem, h.entry.target)
            if not named:  # not part of a full name given in the document: a neighbour must vouch
                if v in _SURNAME_NEEDS_FIRST and not h.plen:
                    near = people = names_at(terms, hits, sure=True, line=line) if people is None else people
                    if v is not Verdict.PLACE:
                        near = near | anchors
                elif v in _NEEDS_AN_ANCHOR:
                    near = anchors
                    if not h.plen and h.entry.type == "person":
                        unknown = _unlisted_names(m, line, h, hits)
                        if unknown:
                            near = near | unknown
                else:
                    near = set()
                if (v is Verdict.NEEDS_TITLE_HERE or v is Verdict.FOREIGN_NAME) and h.i and not h.plen \
                        and h.entry.type == "person" \
                        and _after_first_name(m, line, h, hits):
                    near = near | {h.i - 1}
                if h.n == 1 and v.shut and h.i >= 2 and words[h.i - 1][:2] == ARTICLE \
                        and is_definite_nisba(words[h.i - 1]) \
                        and h.stem not in FOLDED_PREPOSITIONS:
                    # One of the commonest words before the person's other name (الرئيس
                    # الإيراني حسن روحاني): a title with its nationality announces the full name.
                    if starts is None:
                        starts = frozenset(o.i for o in hits if o.entry.type == "person")
                    full = h.i + 1 in starts and line.joined(h.i, 2)
                else:
                    full = False
                support = _supported(line, h, terms[h.entry.term_id], near, full)
                if not support \
                        or (v is Verdict.NEEDS_LISTED_TITLE
                            and strip_marks(line.surface(h.i, h.n, h.plen)) != strip_marks(h.entry.variant)):
                    _refuse(line, h)
                    continue
                if h.stem in FOLDED_PREPOSITIONS and h.n == 1 and not h.plen \
                        and is_written_preposition(strip_marks(line.surface(h.i, 1))):
                    # Vouched for by a title, but written as the preposition it governs
                    # (المحافظ على الخصوصية): only the person's other name after it makes it one.
                    people = names_at(terms, hits, sure=True, line=line) if people is None else people
                    if not ((h.i + 1 in people or h.i + 1 in anchors) and line.joined(h.i, 2)):
                        _refuse(line, h, Verdict.PREPOSITION)
                        continue
                if h.i and h.n == 1 and h.entry.type == "person" \
                        and (support is _BY_TITLE or announces(line.words[h.i - 1], "person")):
                    # A title announces the whole name after it (الرئيس حسن روحاني): the
                    # first name it vouched for vouches for the surname in turn.
                    anchors.add(h.i)
            h.score = min(h.score, 0.9)
        kept.append(h)
    return kept


_POSITION = attrgetter("i")


def _unlisted_names(m: "Matcher", line: Line, hit: Hit, hits: list[Hit]) -> set[int]:
    """The neighbours of a one-word hit that are names the list lacks: words of
    four letters or more that no frequency table of Arabic holds (Zipf 0), in
    no letter Arabic keeps for its own words (ع ح ص ض ط ظ ق ة) and without the
    article: transliterations (هيذر نويرت, Heather Nauert; ديان فاينشتاين), which
    vouch for the hit as a sure name would."""
    words, zipf = line.words, m.lexicon.arabic_zipf
    taken: set[int] | None = None
    out = set()
    for k in (hit.i - 1, hit.i + 1):
        if not 0 <= k < len(words) or not line.joined(min(k, hit.i), 2):
            continue
        word = words[k]
        if len(word) < _UNLISTED_MIN or word.startswith(ARTICLE) or NATIVE_LETTERS.search(word) or zipf(word) > 0 \
                or not ARABIC_WORD.fullmatch(word) or _arabic_inside(m, word):
            continue
        if taken is None:
            taken = {p for o in hits for p in range(o.i, o.i + o.n)}
        if k not in taken:
            out.add(k)
    return out


def _arabic_inside(m: "Matcher", word: str) -> bool:
    """Is ``word`` an Arabic word behind a proclitic or before an ending
    (وتنبؤات, "and predictions"; ناشرو), common as such?"""
    zipf, floor = m.lexicon.arabic_zipf, m.settings.ambiguity.min_zipf
    return any(zipf(stem) >= floor or any(zipf(b) >= floor for b in bases(stem)) for _, stem in clitic_stems(word))


#: Letters of a word :func:`_unlisted_names` may take for a transliterated name.
_UNLISTED_MIN = 4


#: Per matcher, the two-letter person spellings :func:`_short_names` may take.
_SHORT_NAMES: "WeakKeyDictionary[Matcher, frozenset[str]]" = WeakKeyDictionary()


def _short_spellings(m: "Matcher") -> frozenset[str]:
    """The two-letter person spellings :func:`_short_names` may take, once per matcher."""
    short = _SHORT_NAMES.get(m)
    if short is None:
        limit = m.settings.ambiguity.title_only_zipf
        short = _SHORT_NAMES[m] = frozenset(
            w for w in m.index.short_people
            if w not in _GOVERNING and not announces_name(w) and m.lexicon.arabic_zipf(w) < limit)
    return short


def _short_names(m: "Matcher", line: Line, hits: list[Hit], short: frozenset[str]) -> list[Hit]:
    """Two-letter listed names right next to a sure one-word name, no clitic on
    either (جو بايدن, Joe Biden; كايل رو, Kyle Rowe): two letters are never a
    name alone (:func:`.verdict._never_alone`), but a first name before a
    surname or a surname after a first name is one. Not a particle that
    governs the noun after it or a kinship word (في, عن, بن), not one of the
    commonest words (``title_only_zipf``: هو "he", لي "to me", ما, دي 5.4), and
    not inside a run of two-letter words, which spells letters (جي بي مورغان,
    JP Morgan; سي إن إن), though a particle may follow (كايل رو من ركلة)."""
    words = line.words
    out: list[Hit] = []
    taken: set[int] | None = None
    for h in hits:
        if h.n != 1 or h.plen or not h.verdict.sure or h.entry.type != "person":
            continue
        for k, away in ((h.i - 1, -1), (h.i + 1, 1)):
            if not 0 <= k < len(words) or len(words[k]) != 2 or not line.joined(min(k, h.i), 2):
                continue
            word = words[k]
            if word not in short:
                continue
            j = k + away
            if 0 <= j < len(words) and len(words[j]) <= 2 and words[j] not in _GOVERNING \
                    and line.joined(min(j, k), 2):
                continue
            if taken is None:
                taken = {p for o in hits for p in range(o.i, o.i + o.n)}
            found = None if k in taken else _listed_person(m, k, word, Verdict.KEEP)
            if found is None:
                continue
            taken.add(k)
            out.append(found)
    return out


def _after_first_name(m: "Matcher", line: Line, hit: Hit, hits: list[Hit]) -> bool:
    """Is the word before ``hit`` a sure one-word name with no clitic, so the
    hit, one of the commonest Arabic words or a foreign name, is its surname
    (قال مايكل فان، Michael Vann, فان also "for indeed"; روبرت راي بلاك)?
    One of the commonest words is a particle or preposition, which governs
    the word after it (سيمبسون دون وقوع, "Simpson without incident"; ترامب
    حول شراء): it must close the name, before punctuation, the line's end or
    the rest of the name, and be a close call (its gap as a word over the
    name below ``context_max_gap``, what a neighbouring name tips), which no
    word without a name frequency to speak of is (ورال طوال, "Worrall
    throughout"). A name list gives a surname as often as a first name the
    place before the word, so the word itself must tell.

    Asked of NEEDS_TITLE_HERE and FOREIGN_NAME hits only. A close call,
    NEEDS_NAME, keeps its own rule: an anchor, a name that is no Arabic word,
    vouches for it; a sure name that is also a word, such as وايت (White) or
    مايك, vouched on NTREX for هول of "وايت هول", Whitehall."""
    before, after = hit.i - 1, hit.i + 1
    first = next((o for o in hits if o.i == before and o.n == 1), None)
    if first is None or first.plen or not first.verdict.sure or first.entry.type != "person" \
            or not line.joined(before, 2):
        return False
    if hit.verdict is Verdict.NEEDS_TITLE_HERE and after < len(line.words) and line.joined(hit.i, 2) \
            and after not in names_at(m.index.terms, hits, sure=True, line=line):
        return False
    settings = m.settings.ambiguity
    return hit.verdict is Verdict.FOREIGN_NAME \
        or gap(hit.stem, m.index.terms[hit.entry.term_id], m.lexicon, settings) < settings.context_max_gap


#: Verdicts of spellings that are common Arabic words, by their folded frequency.
_COMMONEST = frozenset((Verdict.NEEDS_LISTED_TITLE, Verdict.NEEDS_TITLE_HERE, Verdict.NEEDS_TITLE))
_MADDA = "آ"


def _madda_spelling(m: "Matcher", line: Line, hit: Hit) -> bool:
    """A hit written with madda (آلان, Alan; شينزو آبي, Shinzo Abe) where
    normalising folded it into a far commoner word (الآن, "now", 6.1; أبي, "my
    father", 5.5): as written it is rarer by at least ``margin`` (آلان 4.06, آبي
    3.79), so the folded word's frequency does not speak for it. It then needs
    what a name more common as a word needs (:attr:`Verdict.NEEDS_NAME`): a
    name next to it or the full name in the document, not a title."""
    if line.written_letter(hit.i, hit.plen) != _MADDA:
        return False
    lexicon = m.lexicon
    written = strip_marks(line.surface(hit.i, 1, hit.plen))
    return lexicon.written_zipf(written) <= lexicon.arabic_zipf(hit.stem) - m.settings.ambiguity.margin


def _heads_time_expression(line: Line, hit: Hit) -> bool:
    """An ambiguous one-word hit right before a weekday or month
    (:data:`.context.CALENDAR`) is the time word of a time expression: يوم
    السبت ("on Saturday"), صباح الأحد, مطلع مارس, even after a title (قال الرئيس
    يوم السبت, where يوم reads as the listed name Yumu). A sure name stays one
    (قال ترامب الجمعة: Arabic drops يوم before the weekday), and a neighbouring
    name or title cannot vouch against the phrase."""
    after = hit.i + 1
    return hit.n == 1 and after < len(line.words) and line.words[after] in CALENDAR and line.joined(hit.i, 2)


#: How :func:`_supported` found a hit vouched for: by a title (or an office)
#: before it, which then announces the rest of the name, or by a neighbour.
_BY_TITLE, _BY_NEIGHBOUR = "title", "neighbour"


def _supported(line: Line, hit: Hit, term: Term, anchors: AbstractSet[int], full: bool = False) -> str:
    """What vouches for an ambiguous hit (:data:`_BY_TITLE`, :data:`_BY_NEIGHBOUR`),
    or "" for nothing. ``full``: another word of a name follows the hit."""
    words = line.words
    before, after = hit.i - 1, hit.i + hit.n
    if before >= 0:
        # A title may be followed by its nationality before the name
        # (الرئيس الأمريكي ترامب); the commonest words need it right before them,
        # unless the person's other name follows (الرئيس الإيراني حسن روحاني).
        title = before
        while ((hit.verdict.open or full) and title > 0 and title > before - 2 and is_definite_nisba(words[title])
               and title not in anchors):
            title -= 1
        # A definite word after a definite title agrees with it as an adjective
        # (الفريق الفائز, "the winning team"; نائب الرئيس الأول): names take no ال,
        # and a listed spelling with ال that is shaped like an adjective (الرياضي,
        # الفائز: also common words, or this hit would be sure) is one there too.
        announced = announces(words[title], term.type)
        if not announced and hit.verdict.open and term.type == "person":
            office = _office_before(words, title, before)
            if office is not None:
                announced, title = True, office
        if before in anchors or (
                announced and not _letter_name(line, title)
                and not (hit.plen == 0 and words[hit.i].startswith("ال")
                         and (not hit.entry.words[0].startswith("ال") or is_definite_adjective(words[hit.i])))):
            start = before if before in anchors else title
            if line.joined(start, hit.i - start + 1):
                return _BY_NEIGHBOUR if before in anchors else _BY_TITLE
    if after < len(words) and (after in anchors or follows_name(words[after])) and line.joined(after - 1, 2):
        return _BY_NEIGHBOUR
    return ""


def _office_before(words: list[str], title: int, before: int) -> int | None:
    """The head of an office phrase ending right before a name: a construct
    title and its definite complement (وزير الخارجية وليد المعلم, رئيس الوزراء;
    its nationality already passed over as ``title``, وزير الخارجية الأمريكي).
    The office announces the name after its complement as a definite title
    does right before it; a construct title right before a word governs that
    word (وزير خارجية), so the complement must stand between. None if not."""
    head = title if title < before else title - 1
    if head < 0 or not words[head + 1].startswith(ARTICLE):
        return None
    word = words[head]
    return head if names_an_office(word) and not announces_name(word) else None


def _letter_name(line: Line, i: int) -> bool:
    """Is word i (maybe after و/ف/ب) the Latin letter M, إم (إي سي إم أو,
    ECMO; بروتينات إم, M proteins), which normalising folds into the kinship word
    أم ("mother of", أم كلثوم)? The kinship word is written أم or ام, never إم."""
    word = line.words[i]
    k = len(word) - len(_KINSHIP_MOTHER)
    return word.endswith(_KINSHIP_MOTHER) and k <= 1 and line.written_letter(i, k) in _KASRA_HAMZA


_KINSHIP_MOTHER = "ام"
_KASRA_HAMZA = frozenset("إ")


def full_names(terms: list[Term], found: Iterable[tuple[Line, list[Hit]]],
               other: AbstractSet[str] = frozenset()) -> FullNames:
    """The names a document gives in full: sure multi-word hits, including a
    full name with a one-letter slip (يورجن كلوب). A one-word spelling is not
    enough: مناعي would make every المناعي ("immune") a name. ``other``: the
    spellings the document uses for something else (:class:`.discourse.OtherSenses`),
    which make no full name of two one-word hits (سارس كوف is SARS-CoV)."""
    names = FullNames()
    for line, hits in found:
        placelike = False
        for h in hits:
            if len(h.entry.words) > 1:
                if h.verdict.sure:
                    names.add(h.entry.words, h.entry.target)
            elif h.verdict in _SURNAME_NEEDS_FIRST:
                placelike = True
            elif len(h.stem) == 2 and h.entry.type == "person" and h.verdict.sure:
                names.families.setdefault(h.stem, h.entry)  # (only family_name makes such a hit)
        if placelike:
            _first_and_last(terms, line, hits, names, other)
    return names


#: One-word hits a sure first name right before makes a full name for the document.
_SURNAME_NEEDS_FIRST = frozenset((Verdict.PLACE, Verdict.ENGLISH_WORD, Verdict.FOREIGN_NAME))
#: One-word hits an unambiguous name next to them vouches for, with a clitic too.
_NEEDS_AN_ANCHOR = frozenset((Verdict.NEEDS_NAME, Verdict.FOREIGN_NAME))


def _first_and_last(terms: list[Term], line: Line, hits: list[Hit], names: FullNames,
                    other: AbstractSet[str] = frozenset()) -> None:
    """A sure first name right before a place-like one-word hit, no clitic on
    either (جاك روس: Jack, then روس, also "Russians"), gives a full name the
    list lacks as one entry; the document's later bare روس is that man. So does
    a sure surname right after a foreign first name (وايد سيمز, Wayde Sims: the
    later bare وايد); a foreign name's pair only of spellings the document
    uses for nothing else (not سارس كوف, SARS-CoV)."""
    at = {h.i: h for h in hits if h.n == 1 and not h.plen and h.entry.type == "person"}
    for h in at.values():
        if h.verdict not in _SURNAME_NEEDS_FIRST:
            continue
        foreign = h.verdict is Verdict.FOREIGN_NAME
        if foreign and h.stem in other:
            continue
        for a, b in ((at.get(h.i - 1), h), (h, at.get(h.i + 1)) if foreign else (None, None)):
            if a is None or b is None:
                continue
            name = a if b is h else b
            if h.verdict is Verdict.ENGLISH_WORD and a.i and line.words[a.i - 1] in _TEAM:
                continue  # a team's own name, a town and a word (فريق داندي ستارز, Dundee Stars)
            if name.verdict.sure and line.joined(a.i, 2) and not (foreign and name.stem in other):
                names.add((a.stem, b.stem), f"{a.entry.target} {b.entry.target}")


