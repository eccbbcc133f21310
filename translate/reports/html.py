"""``--format html``: one self-contained page a reviewer works through.

One card per segment with findings: the source (right-to-left, ``lang="ar"``)
and the target side by side, each finding's spans highlighted in that finding's
own colour, and every finding listed under the pair (with the glossary note of
its term, and the distribution of renderings for drift). The header names the
inputs (file, segments, sha256) and the date; the per-check and per-severity
counts are filter buttons; a search box filters cards by text; ``j``/``n`` and
``k``/``p`` move to the next/previous card; every line number is a link.
Suppressed findings and stale suppressions are listed apart; the signature is
a compact footer.

No network and no external files: inline CSS and one inline script (the page
reads fine without it, and in print the controls are hidden). Every piece of
user text goes through :func:`html.escape`.
"""
from __future__ import annotations

import json
from html import escape
from typing import Any, Iterable

from ..documents import Segment
from ..qa import CHECKS, SEVERITIES, QAReport
from ..qa.base import Finding, Span
from ..qa.untranslated import RUN as ARABIC_RUN
from .signature import signature_string

_DESCRIPTIONS = {c.name: c.description for c in CHECKS}
_PALETTE = 6  # finding colours c0..c5, cycled within a card

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header,nav,main,footer,section.extra{max-width:1280px;margin:0 auto;padding:8px 24px}
h1{font-size:22px;margin:12px 0 4px}h2{font-size:17px;margin:16px 0 4px}
.inputs,.dist{border-collapse:collapse;font-size:13px}.inputs td,.inputs th,.dist td,.dist th{padding:2px 10px;border-bottom:1px solid #dde;text-align:left}
.num{text-align:right}.hash{font-family:ui-monospace,monospace;font-size:12px}
nav{position:sticky;top:0;background:#f6f7f9ee;border-bottom:1px solid #dde;z-index:2}
nav button{font:inherit;font-size:13px;margin:2px 4px 2px 0;padding:1px 9px;border:1px solid #bbc;border-radius:12px;background:#fff;cursor:pointer}
nav button[aria-pressed=true]{background:#1d2330;color:#fff;border-color:#1d2330}
nav input{font:inherit;font-size:14px;padding:2px 8px;width:22em;margin:4px 8px 4px 0}
.hint{font-size:12px;color:#666}.row{margin:2px 0}
.sev{display:inline-block;padding:0 8px;border-radius:9px;font-size:12px;font-weight:600;color:#fff}
.sev.error{background:#c0392b}.sev.warning{background:#b9770e}.sev.info{background:#2e86c1}
.card{background:#fff;border:1px solid #dde;border-left:5px solid #999;border-radius:4px;margin:12px 0;padding:8px 12px;scroll-margin-top:110px}
.card.error{border-left-color:#c0392b}.card.warning{border-left-color:#b9770e}.card.info{border-left-color:#2e86c1}
.card:target,.card.current{outline:2px solid #2e86c1}
.ln{font-weight:600;margin-right:8px;color:#1d2330;text-decoration:none}.ln:hover{text-decoration:underline}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:6px}
.seg{padding:6px 10px;background:#fafbfc;border:1px solid #eee;border-radius:3px;white-space:pre-wrap;word-wrap:break-word}
.seg[lang=ar]{font-size:17px;font-family:"Noto Naskh Arabic","Geeza Pro","Arial",sans-serif}
.label{font-size:11px;text-transform:uppercase;color:#888;letter-spacing:.05em}
.findings{margin:8px 0 0;padding-left:0;list-style:none}
.findings li{margin:4px 0;padding:2px 0 2px 10px;border-left:4px solid #ccc}
.check{font-weight:600;margin-right:6px}.term{font-weight:600;color:#1a5276}.note{color:#555;font-style:italic}
.expect{color:#1e8449}
mark{padding:0 1px;border-radius:2px;color:inherit}mark.multi{outline:1px dashed #333}
.c0{background:#ffe08a}.c1{background:#aee3f5}.c2{background:#f9c0cb}.c3{background:#c8ecb4}.c4{background:#dccbf5}.c5{background:#ffd1a6}
li.c0{border-left-color:#e0b000}li.c1{border-left-color:#2aa4cf}li.c2{border-left-color:#e0607a}li.c3{border-left-color:#5cb335}li.c4{border-left-color:#9370db}li.c5{border-left-color:#f08c2a}
li.c0,li.c1,li.c2,li.c3,li.c4,li.c5{background:none}
.wanted{color:#1e8449;font-weight:600}
.clean{font-size:18px;color:#1e8449}
[hidden]{display:none!important}
footer{font-size:12px;color:#555;border-top:1px solid #dde;margin-top:24px}
footer code{word-break:break-all}footer pre{background:#fff;border:1px solid #dde;padding:8px;overflow-x:auto}
@media print{nav,.hint{display:none}body{background:#fff}.card{break-inside:avoid;border-color:#999}
 mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}.card:target,.card.current{outline:none}}
"""

_SCRIPT = """
(function(){
var cards=[].slice.call(document.querySelectorAll('.card'));
var state={check:null,severity:null,q:''};
var status=document.getElementById('shown');
function apply(){
  var n=0;
  cards.forEach(function(card){
    var any=false;
    [].forEach.call(card.querySelectorAll('.findings li'),function(li){
      var ok=(!state.check||li.dataset.check===state.check)&&(!state.severity||li.dataset.severity===state.severity);
      li.hidden=!ok; any=any||ok;
    });
    var text=state.q?card.textContent.toLowerCase().indexOf(state.q)>=0:true;
    card.hidden=!(any&&text); if(!card.hidden)n++;
  });
  if(status)status.textContent=n+' of '+cards.length+' segments shown';
  [].forEach.call(document.querySelectorAll('nav button[data-filter]'),function(b){
    b.setAttribute('aria-pressed',String(state[b.dataset.filter]===b.dataset.value));
  });
}
[].forEach.call(document.querySelectorAll('nav button[data-filter]'),function(b){
  b.addEventListener('click',function(){
    var k=b.dataset.filter; state[k]=state[k]===b.dataset.value?null:b.dataset.value; apply();
  });
});
var all=document.getElementById('show-all');
if(all)all.addEventListener('click',function(){state.check=null;state.severity=null;state.q='';
  document.getElementById('search').value='';apply();});
var box=document.getElementById('search');
if(box)box.addEventListener('input',function(){state.q=box.value.trim().toLowerCase();apply();});
var cur=-1;
function go(step){
  var shown=cards.filter(function(c){return !c.hidden;}); if(!shown.length)return;
  var at=shown.indexOf(cards[cur]); at=at<0?(step>0?0:shown.length-1):(at+step+shown.length)%shown.length;
  if(cards[cur])cards[cur].classList.remove('current');
  cur=cards.indexOf(shown[at]); shown[at].classList.add('current');
  shown[at].scrollIntoView({block:'start'}); history.replaceState(null,'','#'+shown[at].id);
}
document.addEventListener('keydown',function(e){
  if(e.target.tagName==='INPUT'){if(e.key==='Escape')e.target.blur();return;}
  if(e.ctrlKey||e.metaKey||e.altKey)return;
  if(e.key==='j'||e.key==='n'){go(1);e.preventDefault();}
  else if(e.key==='k'||e.key==='p'){go(-1);e.preventDefault();}
  else if(e.key==='/'){box.focus();e.preventDefault();}
});
apply();
})();
"""


def _clip(text: str, spans: Iterable[Span]) -> list[Span]:
    return [(max(0, a), min(len(text), b)) for a, b in spans if b > a and a < len(text)]


def highlight(text: str, spans: tuple[Span, ...] | list[Span]) -> str:
    """Escape ``text`` and wrap each span (merged, clipped to the text) in <mark>."""
    merged: list[list[int]] = []
    for a, b in sorted(_clip(text, spans)):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], 0
    for a, b in merged:
        out.append(escape(text[pos:a]))
        out.append(f'<mark class="hl">{escape(text[a:b])}</mark>')
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def highlight_many(text: str, spans_by_finding: list[tuple[Span, ...]], titles: list[str]) -> str:
    """Escape ``text``; each finding's spans in a <mark> of that finding's colour.

    Where spans of several findings overlap, the piece takes the first finding's
    colour with a dashed outline, and its title names them all."""
    cuts = {0, len(text)}
    covered: list[list[int]] = []
    for k, spans in enumerate(spans_by_finding):
        for a, b in _clip(text, spans):
            cuts.update((a, b))
            covered.append([a, b, k])
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = escape(text[a:b])
        owners = sorted({k for s, e, k in covered if s <= a and b <= e})
        if owners:
            cls = f"hl c{owners[0] % _PALETTE}" + (" multi" if len(owners) > 1 else "")
            title = escape("; ".join(titles[k] for k in owners), quote=True)
            piece = f'<mark class="{cls}" data-f="{" ".join(map(str, owners))}" title="{title}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


def _isolate(escaped: str) -> str:
    """Arabic inside an English message gets its own direction (<bdi>)."""
    return ARABIC_RUN.sub(lambda m: f'<bdi dir="rtl" lang="ar">{m.group()}</bdi>', escaped)


def _distribution(f: Finding) -> str:
    if not f.details or "renderings" not in f.details:
        return ""
    rows = []
    for d in f.details["renderings"]:
        where = ", ".join(f"{a['document']}:{a['line']}" if a.get("document") else str(a["line"])
                          for a in d["at"])
        cls = ' class="wanted"' if d.get("wanted") else ""
        rows.append(f"<tr><td{cls}>{_isolate(escape(d['text']))}</td><td class=\"num\">{d['count']}</td>"
                    f"<td>{escape(where)}</td></tr>")
    head = "rendering" if f.details.get("compared") != "source" else "source"
    return (f'<table class="dist"><tr><th>{head}</th><th>count</th><th>where</th></tr>'
            + "".join(rows) + "</table>")


def _anchor(document: str | None, line: int) -> str:
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in (document or ""))
    return f"seg-{name}-{line}" if document is not None else f"seg-{line}"


def _finding_item(f: Finding, k: int, note: str | None) -> str:
    term = f' <span class="term">{escape(f.term)}</span>' if f.term else ""
    note_html = f' <span class="note">{escape(note)}</span>' if note else ""
    expect = ""
    if f.check == "term-missing" and f.term and f.target_spans:
        expect = f' <span class="expect">(highlighted in the target: where {escape(f.term)} belongs)</span>'
    return (
        f'<li class="c{k % _PALETTE}" data-check="{escape(f.check)}" data-severity="{escape(f.severity)}">'
        f'<span class="check">{escape(f.check)}</span><span class="sev {escape(f.severity)}">'
        f"{escape(f.severity)}</span>{term}{note_html} "
        f'<span class="msg">{_isolate(escape(f.message))}</span>{expect}{_distribution(f)}</li>'
    )


def _card(segment: Segment | None, found: list[Finding], batch: bool, notes: dict[str, str], anchor: str) -> str:
    first = found[0]
    where = f"{first.document}:{first.line}" if batch and first.document is not None else f"line {first.line}"
    worst = min((f.severity for f in found), key=SEVERITIES.index)
    titles = [f"{f.check}: {f.message}" for f in found]
    pair = ""
    if segment is not None:
        pair = (
            '<div class="pair">'
            f'<div><div class="label">source</div><div class="seg src" dir="rtl" lang="ar">'
            f"{highlight_many(segment.source, [f.source_spans for f in found], titles)}</div></div>"
            f'<div><div class="label">target</div><div class="seg tgt" dir="ltr" lang="en">'
            f"{highlight_many(segment.target, [f.target_spans for f in found], titles)}</div></div>"
            "</div>"
        )
    items = "".join(_finding_item(f, k, notes.get(f.term or "")) for k, f in enumerate(found))
    checks = " ".join(sorted({f.check for f in found}))
    return (
        f'<article class="card {escape(worst)}" id="{escape(anchor, quote=True)}" data-checks="{escape(checks)}">'
        f'<a class="ln" href="#{escape(anchor, quote=True)}">{escape(where)}</a>'
        f'<span class="hint">{len(found)} finding{"s" if len(found) > 1 else ""}</span>'
        f'{pair}<ol class="findings">{items}</ol></article>'
    )


def _cards(report: QAReport) -> list[str]:
    groups: dict[tuple[str | None, int], list[Finding]] = {}
    for f in report.findings:  # already in document, line, check order
        groups.setdefault((f.document, f.line), []).append(f)
    cards, used = [], set()
    for found in groups.values():
        anchor = base = _anchor(found[0].document if report.batch else None, found[0].line)
        n = 1
        while anchor in used:  # two document names that differ only in characters ids drop
            n += 1
            anchor = f"{base}~{n}"
        used.add(anchor)
        cards.append(_card(report.segment_of(found[0]), found, report.batch, report.notes, anchor))
    return cards


def _inputs(report: QAReport) -> str:
    if not report.inputs:
        return ""
    rows = "".join(
        f'<tr><td>{escape(i.get("role", ""))}</td><td>{escape(str(i["file"]))}</td>'
        f'<td class="num">{i.get("segments", "")}</td>'
        f'<td class="hash" title="{escape(i.get("sha256") or "", quote=True)}">'
        f'{escape((i.get("sha256") or "(stdin)")[:16])}</td></tr>'
        for i in report.inputs)
    return ('<table class="inputs"><tr><th>input</th><th>file</th><th>segments</th><th>sha256</th></tr>'
            f"{rows}</table>")


def _filters(report: QAReport) -> str:
    s = report.summary()
    sev = "".join(
        f'<button type="button" data-filter="severity" data-value="{v}" aria-pressed="false">'
        f'<span class="sev {v}">{v}</span> {s["by_severity"][v]}</button>'
        for v in SEVERITIES if s["by_severity"][v])
    checks = "".join(
        f'<button type="button" data-filter="check" data-value="{escape(c)}" aria-pressed="false" '
        f'title="{escape(_DESCRIPTIONS.get(c, ""), quote=True)}">{escape(c)} {s["by_check"][c]}</button>'
        for c in report.checks if s["by_check"][c])
    return (
        '<nav aria-label="filters">'
        f'<div class="row">{sev}{checks}<button type="button" id="show-all">show all</button></div>'
        '<div class="row"><input id="search" type="search" placeholder="search source, target, messages (/)" '
        'aria-label="search"><span class="hint" id="shown"></span> '
        '<span class="hint">· keys: j/n next, k/p previous, / search</span></div></nav>'
    )


def _legend(report: QAReport) -> str:
    s = report.summary()
    rows = "".join(
        f'<tr><td>{escape(c)}</td><td class="num">{s["by_check"][c]}</td>'
        f'<td>{escape(_DESCRIPTIONS.get(c, ""))}</td></tr>' for c in report.checks)
    return ('<details class="legend"><summary>checks run and what they look for</summary>'
            f'<table class="inputs"><tr><th>check</th><th>findings</th><th>what it looks for</th></tr>{rows}'
            "</table></details>")


def _suppressed(report: QAReport) -> str:
    parts = []
    if report.suppressed:
        rows = "".join(
            f"<tr><td>{escape(f'{f.document}:{f.line}' if report.batch else str(f.line))}</td>"
            f"<td>{escape(f.check)}</td><td>{escape(f.term or '')}</td><td>{escape(sup.reason)}</td>"
            f"<td>{escape(sup.by or '')}</td><td>{escape(sup.at or '')}</td></tr>"
            for f, sup in report.suppressed)
        parts.append(
            f'<details><summary>{len(report.suppressed)} suppressed finding(s) (--ignore)</summary>'
            '<table class="dist"><tr><th>line</th><th>check</th><th>term</th><th>reason</th><th>by</th>'
            f"<th>at</th></tr>{rows}</table></details>")
    if report.stale:
        rows = "".join(
            f"<tr><td>{escape(sup.check)}</td><td>{escape(sup.term or '')}</td><td class=\"hash\">"
            f"{escape(sup.source)}</td><td>{escape(sup.reason)}</td></tr>" for sup in report.stale)
        parts.append(
            f'<h2>{len(report.stale)} stale suppression(s): they match nothing now</h2>'
            '<table class="dist"><tr><th>check</th><th>term</th><th>source hash</th><th>reason</th></tr>'
            f"{rows}</table>")
    return f'<section class="extra" id="suppressions">{"".join(parts)}</section>' if parts else ""


def _footer(sig: dict[str, Any]) -> str:
    if not sig:
        return ""
    return (f'<footer class="sig"><div>signature: <code>{escape(signature_string(sig))}</code></div>'
            f"<details><summary>signature details</summary>"
            f"<pre>{escape(json.dumps(sig, ensure_ascii=False, indent=2))}</pre></details></footer>")


def render(report: QAReport) -> str:
    s = report.summary()
    sev = s["by_severity"]
    scope = f"{s['segments']} segments" + (f" in {s['documents']} documents" if report.batch else "")
    if s["findings"]:
        headline = (f"{s['findings']} findings ({sev['error']} errors, {sev['warning']} warnings, "
                    f"{sev['info']} info) in {s['segments_with_findings']} of {scope}")
    else:
        headline = f"No findings in {scope}."
    if report.suppressed:
        headline = headline.rstrip(".") + f"; {len(report.suppressed)} suppressed."
    cards = _cards(report)
    body = "".join(cards) if cards else f'<p class="clean">{escape(headline)}</p>'
    date = f'<p class="hint">checked {escape(report.created)}</p>' if report.created else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<title>tarjama QA report</title>"
        f"<style>{_CSS}</style></head><body>"
        f'<header><h1>tarjama QA</h1><p class="summary">{escape(headline)}</p>{_inputs(report)}{date}'
        f"{_legend(report)}</header>"
        f"{_filters(report) if cards else ''}<main>{body}</main>{_suppressed(report)}{_footer(report.signature)}"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
