"""Words that announce a name: titles, kinship links and place words.

An ambiguous spelling (علي, ماضي) is accepted as a name when one of these, or
another unambiguous name, stands right next to it: "الرئيس علي", "علي بن …".
"""
from __future__ import annotations

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
مستر مسز السير اللورد الليدي
"""
_LINKS = "بن ابن بنت ابو ام ال"
# Words that announce a place name: "مدينة حماة", "محافظة كركوك".
_PLACES = "مدينه محافظه ولايه اقليم بلده قريه العاصمه عاصمه منطقه بلدات مدن"

TITLES: frozenset[str] = frozenset(normalize(w) for w in _TITLES.split())
LINKS: frozenset[str] = frozenset(normalize(w) for w in _LINKS.split())
PLACES: frozenset[str] = frozenset(normalize(w) for w in _PLACES.split())
_ANNOUNCERS = TITLES | LINKS | PLACES


def announces_name(norm_word: str) -> bool:
    """True for a title, kinship link or place word, with or without و/ف/ب in front."""
    if norm_word in _ANNOUNCERS:
        return True
    return norm_word[:1] in ("و", "ف", "ب") and norm_word[1:] in _ANNOUNCERS
