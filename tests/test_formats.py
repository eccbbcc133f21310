"""File formats: real XLIFF 1.2/2.0, TMX, PO, JSONL and text files, read and written back.

The XLIFF/TMX fixtures in tests/data/formats are shaped like CAT/TMS exports:
namespaces, groups, xml:space, CDATA, entity and character references, notes,
inline tags, single-quoted attributes, empty and self-closing targets.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from support.diffs import changed_lines

from translate import formats
from translate.formats import FormatError, iter_pairs, iter_units

DATA = Path(__file__).parent / "data" / "formats"


def shared_data() -> Path:
    root = Path(__file__).resolve().parents[1]
    for base in (root.parent / "shared", Path("/work/shared")):
        if (base / "data").is_dir():
            return base / "data"
    pytest.skip("shared/ test data not found beside the repository")


@pytest.mark.parametrize("name,fmt", [("news.xlf", "xliff12"), ("story.xlf", "xliff20"), ("memory.tmx", "tmx"),
                                      ("messages.po", "po")])
def test_unchanged_round_trip_is_byte_identical(name, fmt):
    data = (DATA / name).read_bytes()
    doc = formats.read(DATA / name)
    assert doc.format == fmt
    for i, unit in enumerate(doc.units):  # writing back the same target changes nothing
        if unit.target is not None:
            doc.set_target(i, unit.target)
    assert doc.to_bytes() == data


def test_xliff12_units_skip_translate_no_and_read_cdata_and_entities():
    doc = formats.read(DATA / "news.xlf")
    assert [u.id for u in doc.units] == ["1", "2", "4", "5"]  # translate="no" (id 3) is not a unit
    assert doc.units[2].source == "أعلنت وزارة الصحة عن 5 إصابات & حالتي وفاة"  # CDATA
    assert doc.units[2].target == "The Ministry of Health announced 5 infections & two deaths"  # &amp;
    assert doc.units[3].source == "وقال المتحدث إن الوضع مستقر."  # <ph> content is code; &#x625; is إ
    assert doc.units[0].target is None and doc.units[1].target == ""


def test_xliff12_writes_only_changed_units_keeping_tags_notes_and_attributes():
    data = (DATA / "news.xlf").read_bytes()
    doc = formats.read(DATA / "news.xlf")
    doc.set_target(0, "The president said the talks would continue.")
    doc.set_target(2, "The Ministry of Health announced 5 infections & 2 deaths", review=True)
    out = doc.to_bytes()
    diff = changed_lines(data, out)
    # One inserted target, one replaced target: nothing else moved, quotes and &apos; untouched.
    assert len([d for d in diff if d.startswith("+")]) == 2 and len([d for d in diff if d.startswith("-")]) == 1
    assert b"maxwidth='80'" in out and b"ministry&apos;s statement" in out and b"sdl:origin=\"tm\"" in out
    tree = etree.fromstring(out)
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    tu1 = tree.find(".//x:trans-unit[@id='1']", ns)
    target = tu1.find("x:target", ns)
    assert [etree.QName(c).localname for c in tu1] == ["source", "target", "note"]  # right after <source>
    # <g> sat inside the source sentence: its place in the translation is a guess, so the unit is for review
    assert target.get("state") == "needs-review-translation"
    assert target.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    # the source's <g> is kept with its id and attributes, wrapping words
    g = target.find("x:g", ns)
    assert g is not None and g.get("id") == "b1" and g.get("ctype") == "bold" and g.text.strip()
    tu4 = tree.find(".//x:trans-unit[@id='4']", ns)
    assert tu4.find("x:target", ns).get("state") == "needs-review-translation"
    assert "&amp; 2 deaths" in out.decode()


def test_xliff12_enforcement_edit_keeps_tag_positions_in_the_target():
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
           '<file original="a" source-language="ar" target-language="en" datatype="plaintext"><body>\n'
           '<trans-unit id="t1"><source>قال <g id="1">سليماني</g> اليوم<x id="2"/></source>'
           '<target state="translated">Today <g id="1">Sulaimani</g> said<x id="2"/></target></trans-unit>\n'
           '</body></file></xliff>\n').encode()
    doc = formats.parse(xml, "edit.xlf")
    assert doc.units[0].target == "Today Sulaimani said"
    doc.set_target(0, "Today Soleimani said")
    out = doc.to_bytes().decode()
    assert '<target state="translated">Today <g id="1">Soleimani</g> said<x id="2"/></target>' in out


def test_xliff20_segments_state_and_substate():
    data = (DATA / "story.xlf").read_bytes()
    doc = formats.read(DATA / "story.xlf")
    assert [u.id for u in doc.units] == ["u1", "u2/s1", "u2/s2"]
    doc.set_target(1, "The minister visited Baghdad on Sunday.", review=True)
    out = doc.to_bytes()
    tree = etree.fromstring(out)
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    seg = tree.findall(".//x:unit[@id='u2']/x:segment", ns)[0]
    assert seg.get("state") == "translated" and seg.get("subState") == "tarjama:needs-review"
    ph = seg.find("x:target/x:ph", ns)
    assert ph is not None and ph.get("dataRef") == "d3"  # the inline code survives
    # Only that segment changed: the other segment keeps its single-quoted state attribute.
    assert b"<segment id=\"s2\" state='translated'>" in out
    assert out.count(b"<ignorable>") == 1 and data.replace(b" ", b"")[:200] == out.replace(b" ", b"")[:200]


def test_entity_declarations_are_refused_with_the_file_named(tmp_path):
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n'
            '<xliff version="1.2"><file><body><trans-unit id="1"><source>&b;</source></trans-unit></body></file></xliff>')
    path = tmp_path / "bomb.xlf"
    path.write_text(bomb)
    with pytest.raises(FormatError) as err:
        formats.read(path)
    assert "bomb.xlf" in str(err.value) and "entities" in str(err.value)


def test_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = (f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>\n'
           '<xliff version="1.2"><file><body><trans-unit id="1"><source>&s;</source></trans-unit></body></file></xliff>')
    with pytest.raises(FormatError):
        formats.parse(xxe.encode(), "xxe.xlf")


def test_malformed_xliff_names_file_and_line():
    broken = b'<?xml version="1.0"?>\n<xliff version="1.2">\n<file><body>\n<trans-unit id="1"><source>a</target>\n'
    with pytest.raises(FormatError) as err:
        formats.parse(broken, "broken.xlf")
    assert str(err.value).startswith("broken.xlf:4: malformed XML")


@pytest.mark.parametrize("lines, bad_line", [
    (['msgid "a"', 'msgstr ""', "", 'msgid "b', 'msgstr ""'], 4),           # polib dropped this entry silently
    (['msgid "a"', 'msgstr ""', 'msgid "c" junk', 'msgstr ""'], 3),
    (['msgid "a"', 'msgstr ""', "garbage", ""], 3),
    (['msgid ""', 'msgstr ""', '"Language: en\\n', "", 'msgid "d"', 'msgstr ""'], 3),  # an open header string
])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_malformed_po_names_file_and_line_and_loses_no_message(lines, bad_line, newline):
    with pytest.raises(FormatError) as err:
        formats.parse(newline.join(lines).encode(), "broken.po")
    assert str(err.value).startswith(f"broken.po:{bad_line}: not a PO keyword line or quoted string")


def test_valid_po_shapes_still_read():
    """What the line check must let through: comments of every kind, obsolete entries, plural forms, escaped
    quotes, continuation lines, CRLF."""
    text = ('# c\n#, fuzzy\n#| msgid "old"\nmsgctxt "k"\nmsgid ""\n"قال \\"الوزير\\" "\n"تم"\n'
            'msgstr "x"\n\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] ""\nmsgstr[1] ""\n#~ msgid "z"\n#~ msgstr "Z"\n')
    for data in (text, text.replace("\n", "\r\n")):
        doc = formats.parse(data.encode(), "ok.po")
        assert [u.source for u in doc.units] == ['قال "الوزير" تم', "a", "as"]
    assert (DATA / "messages.po").exists() and formats.read(DATA / "messages.po").units


def test_detection_by_content_extension_and_override(tmp_path):
    xlf_as_txt = tmp_path / "export.txt"
    xlf_as_txt.write_bytes((DATA / "story.xlf").read_bytes())
    assert formats.read(xlf_as_txt).format == "xliff20"  # content wins over the extension
    assert formats.read(DATA / "messages.po").format == "po"
    jsonl = tmp_path / "batch.data"
    jsonl.write_text('{"id": "a", "text": "مرحبا"}\n')
    assert formats.read(jsonl).format == "jsonl"
    assert formats.read(jsonl, "txt").format == "txt"  # --format overrides
    html = tmp_path / "page.html"
    html.write_text("<html><body>مرحبا</body></html>")
    with pytest.raises(FormatError) as err:
        formats.read(html)
    assert "page.html" in str(err.value) and "neither XLIFF nor TMX" in str(err.value)
    docx = tmp_path / "story.docx"
    docx.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(FormatError) as err:
        formats.read(docx)
    assert "story.docx" in str(err.value) and "unrecognised" in str(err.value)


def test_tmx_units_languages_and_new_variant():
    data = (DATA / "memory.tmx").read_bytes()
    doc = formats.read(DATA / "memory.tmx")
    assert [(u.id, u.target is not None) for u in doc.units] == [("101", True), ("102", False), ("103", True)]
    assert doc.units[1].source == "زار الوزير بغداد يوم الأحد."  # <bpt>/<ept> content is code
    doc.set_target(1, "The minister visited Baghdad on Sunday.")
    out = doc.to_bytes()
    diff = changed_lines(data, out)
    assert len(diff) == 1 and diff[0].startswith('+      <tuv xml:lang="en-US"><seg>')  # labelled like the file
    assert b"<bpt i=\"1\">&lt;b&gt;</bpt>" in diff[0].encode()
    assert b"&apos;orphan&apos;" in out  # untouched units keep their bytes


def test_tico_memory_pairs_and_round_trip(tmp_path):
    archive = shared_data() / "tico19-tm.en-ar.tmx.zip"
    pairs = list(iter_pairs(archive, "ar", "en"))
    assert len(pairs) > 3000
    assert all(src and tgt and line for src, tgt, line in pairs)
    assert any("الحمى" in src and "fever" in tgt for src, tgt, _ in pairs)
    units = list(iter_units(archive))
    assert units[0].tuid == "CMU_1:1" and units[0].props[0][0] == "note" and units[0].text("en").startswith("about")
    with zipfile.ZipFile(archive) as zf:
        raw = zf.read(zf.namelist()[0])
    doc = formats.parse(raw, "all.en-ar.tmx")
    assert len(doc.units) == len(pairs)
    assert doc.to_bytes() == raw
    doc.set_target(5, doc.units[5].target.upper())
    diff = changed_lines(raw, doc.to_bytes())
    assert len(diff) == 2  # one <seg> line out, one in


def test_po_translation_fuzzy_and_plural(tmp_path):
    doc = formats.read(DATA / "messages.po")
    assert [u.id for u in doc.units] == ["header", "line 17", "line 22[0]", "line 22[1]"]
    doc.set_target(1, "The minister said %(count)s citizens returned.", review=True)
    doc.set_target(2, "One article")
    doc.set_target(3, "%d articles")
    out = tmp_path / "out.po"
    out.write_bytes(doc.to_bytes())
    import polib

    po = polib.pofile(str(out))
    entry = po.find("قال الوزير إن %(count)s مواطنين عادوا.")
    assert entry.msgstr.startswith("The minister") and "fuzzy" in entry.flags and "python-format" in entry.flags
    plural = po.find("مقال واحد")
    assert plural.msgstr_plural == {0: "One article", 1: "%d articles"}
    assert [e.msgid for e in po.obsolete_entries()] == ["قديم"]


def test_jsonl_text_records_become_source_target(tmp_path):
    data = '{"id": "a", "text": "مرحبا", "desk": "world"}\n{"id": "b", "source": "شكرا", "target": "Thanks"}\n'
    doc = formats.parse(data.encode(), "in.jsonl")
    assert [(u.id, u.source, u.target) for u in doc.units] == [("a", "مرحبا", None), ("b", "شكرا", "Thanks")]
    doc.set_target(0, "Hello")
    lines = doc.to_bytes().decode().splitlines()
    assert lines[0] == '{"id": "a", "source": "مرحبا", "target": "Hello", "desk": "world"}'
    assert lines[1] == '{"id": "b", "source": "شكرا", "target": "Thanks"}'


def test_text_keeps_crlf_and_blank_lines():
    doc = formats.parse("سطر أول\r\n\r\nسطر ثالث".encode(), "crlf.txt")
    assert [u.source for u in doc.units] == ["سطر أول", "", "سطر ثالث"]
    doc.set_target(0, "First line")
    doc.set_target(2, "Third line")
    assert doc.to_bytes() == b"First line\r\n\r\nThird line"


def test_tags_at_the_edges_go_to_the_edges_and_are_not_a_guess():
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
           '<file original="a" source-language="ar" target-language="en" datatype="html"><body>\n'
           '<trans-unit id="t1"><source><g id="1">وصل الوفد <x id="2"/>إلى بغداد.</g><x id="3"/></source></trans-unit>\n'
           '<trans-unit id="t2"><source><bpt id="1">&lt;b&gt;</bpt>عاجل<ept id="1">&lt;/b&gt;</ept></source></trans-unit>\n'
           '</body></file></xliff>\n').encode()
    doc = formats.parse(xml, "edges.xlf")
    doc.set_target(1, "Breaking")
    out = doc.to_bytes().decode()
    assert ('<target xml:lang="en" state="translated"><bpt id="1">&lt;b&gt;</bpt>Breaking<ept id="1">&lt;/b&gt;</ept>'
            '</target>') in out
    doc.set_target(0, "The delegation arrived in Baghdad.")
    tree = etree.fromstring(doc.to_bytes())
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    target = tree.find(".//x:trans-unit[@id='t1']/x:target", ns)
    g = target.find("x:g", ns)
    # <g> still wraps the whole sentence and <x id="3"/> still follows it; <x id="2"/> (inside) was placed
    # at a word boundary, so the unit is up for review
    assert g.text.startswith("The delegation") and "".join(g.itertext()) == "The delegation arrived in Baghdad."
    assert [c.get("id") for c in target] == ["1", "3"] and g.find("x:x", ns).get("id") == "2"
    assert target.get("state") == "needs-review-translation"


def test_nested_paired_tags_stay_well_formed_after_any_edit():
    xml = ('<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar" '
           'trgLang="en"><file id="f"><unit id="u"><segment><source>أ <pc id="1">ب <pc id="2">ج</pc> د</pc> هـ</source>'
           '<target>a <pc id="1">b <pc id="2">c</pc> d</pc> e</target></segment></unit></file></xliff>\n').encode()
    for new in ("", "x", "a b c d e f g", "completely different words here", "a  e"):
        doc = formats.parse(xml, "nested.xlf")
        doc.set_target(0, new)
        reread = formats.parse(doc.to_bytes(), "nested.xlf")  # parses: the nesting is intact
        assert reread.units[0].target == new
