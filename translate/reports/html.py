"""``--format html``: one self-contained page a reviewer can open anywhere.

No scripts, no fonts, no network: inline CSS only. Findings are grouped by
check; each shows the segment's source (right-to-left, ``lang="ar"``) and target
side by side with the flagged spans in ``<mark>``. Every piece of user text
goes through :func:`html.escape`.
"""
from __future__ import annotations

import json
from html import escape

from ..documents import Segment
from ..qa import CHECKS, QAReport
from ..qa.base import Finding, Span
from ..qa.untranslated import RUN as ARABIC_RUN
from .signature import signature_string

_DESCRIPTIONS = {c.name: c.description for c in CHECKS}

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header,main,footer{max-width:1200px;margin:0 auto;padding:12px 24px}
h1{font-size:22px;margin:12px 0 4px}h2{font-size:18px;margin:24px 0 4px}
.counts{border-collapse:collapse;margin:8px 0}.counts td,.counts th{padding:2px 12px;border-bottom:1px solid #dde}
.counts th{text-align:left}.num{text-align:right}
.sev{display:inline-block;padding:0 8px;border-radius:9px;font-size:12px;font-weight:600;color:#fff}
.sev.error{background:#c0392b}.sev.warning{background:#d68910}.sev.info{background:#2e86c1}
.desc{color:#555;margin:0 0 8px}
.finding{background:#fff;border:1px solid #dde;border-left:4px solid #999;border-radius:4px;margin:10px 0;padding:8px 12px}
.finding.error{border-left-color:#c0392b}.finding.warning{border-left-color:#d68910}
.meta{font-size:13px;color:#444}.loc{font-weight:600;margin-right:8px}.term{font-weight:600;color:#1a5276}
.msg{margin:4px 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:6px}
.seg{padding:6px 10px;background:#fafbfc;border:1px solid #eee;border-radius:3px;white-space:pre-wrap;word-wrap:break-word}
.seg[lang=ar]{font-size:17px;font-family:"Noto Naskh Arabic","Geeza Pro","Arial",sans-serif}
.label{font-size:11px;text-transform:uppercase;color:#888;letter-spacing:.05em}
mark{background:#ffe08a;padding:0 1px;border-radius:2px}
.dist{border-collapse:collapse;margin-top:6px;font-size:13px}.dist td,.dist th{padding:2px 10px;border-bottom:1px solid #eee;text-align:left}
.wanted{color:#1e8449;font-weight:600}
.sig pre{background:#fff;border:1px solid #dde;padding:8px;overflow-x:auto;font-size:12px}
.sig code{font-size:12px;word-break:break-all}
.clean{font-size:18px;color:#1e8449}
"""


def highlight(text: str, spans: tuple[Span, ...] | list[Span]) -> str:
    """Escape ``text`` and wrap each span (merged, clipped to the text) in <mark>."""
    clean = sorted((max(0, a), min(len(text), b)) for a, b in spans if b > a and a < len(text))
    merged: list[list[int]] = []
    for a, b in clean:
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


def _isolate(escaped: str) -> str:
    """Arabic inside an English message gets its own direction (<bdi>)."""
    return ARABIC_RUN.sub(lambda m: f'<bdi dir="rtl" lang="ar">{m.group()}</bdi>', escaped)


def _pair(segment: Segment | None, f: Finding) -> str:
    if segment is None:
        return ""
    return (
        '<div class="pair">'
        f'<div><div class="label">source</div><div class="seg src" dir="rtl" lang="ar">'
        f"{highlight(segment.source, f.source_spans)}</div></div>"
        f'<div><div class="label">target</div><div class="seg tgt" dir="ltr" lang="en">'
        f"{highlight(segment.target, f.target_spans)}</div></div>"
        "</div>"
    )


def _distribution(f: Finding) -> str:
    if not f.details or "renderings" not in f.details:
        return ""
    rows = []
    for d in f.details["renderings"]:
        where = ", ".join(f"{a['document']}:{a['line']}" if a.get("document") else str(a["line"])
                          for a in d["at"])
        cls = ' class="wanted"' if d.get("wanted") else ""
        rows.append(f"<tr><td{cls}>{escape(d['text'])}</td><td class=\"num\">{d['count']}</td>"
                    f"<td>{escape(where)}</td></tr>")
    return ('<table class="dist"><tr><th>rendering</th><th>count</th><th>where</th></tr>'
            + "".join(rows) + "</table>")


def _term_info(f: Finding) -> str:
    """The glossary entry's note, domain and origin (issue 13)."""
    info = (f.details or {}).get("term_info")
    if not info:
        return ""
    return '<p class="note">' + "; ".join(f"{escape(k)}: {_isolate(escape(v))}" for k, v in info.items()) + "</p>"


def _finding(f: Finding, segment: Segment | None, batch: bool, n: int) -> str:
    where = f"{f.document}:{f.line}" if batch and f.document is not None else f"line {f.line}"
    term = f'<span class="term">{escape(f.term)}</span>' if f.term else ""
    return (
        f'<article class="finding {escape(f.severity)}" id="finding-{n}" data-check="{escape(f.check)}" '
        f'data-line="{f.line}">'
        f'<div class="meta"><span class="loc">{escape(where)}</span>{term}</div>'
        f'<p class="msg">{_isolate(escape(f.message))}</p>{_term_info(f)}'
        f"{_pair(segment, f)}{_distribution(f)}</article>"
    )


def render(report: QAReport) -> str:
    segments = {(d.name, s.line): s for d in report.documents for s in d.segments}
    s = report.summary()
    batch = report.batch
    counts = "".join(
        f'<tr><td><a href="#check-{escape(c)}">{escape(c)}</a></td><td class="num">{s["by_check"][c]}</td>'
        f"<td>{escape(_DESCRIPTIONS.get(c, ''))}</td></tr>"
        for c in report.checks)
    sections = []
    n = 0
    for check in report.checks:
        found = [f for f in report.findings if f.check == check]
        if not found:
            continue
        sev = found[0].severity
        items = []
        for f in found:
            n += 1
            items.append(_finding(f, segments.get((f.document, f.line)), batch, n))
        sections.append(
            f'<section class="check" id="check-{escape(check)}"><h2>{escape(check)} '
            f'<span class="sev {escape(sev)}">{escape(sev)}</span> ({len(found)})</h2>'
            f'<p class="desc">{escape(_DESCRIPTIONS.get(check, ""))}</p>{"".join(items)}</section>')
    sev = s["by_severity"]
    scope = f"{s['segments']} segments" + (f" in {s['documents']} documents" if batch else "")
    if s["findings"]:
        headline = (f"{s['findings']} findings ({sev['error']} errors, {sev['warning']} warnings) in "
                    f"{s['segments_with_findings']} of {scope}")
    else:
        headline = f"No findings in {scope}."
    sig = report.signature
    sig_html = ""
    if sig:
        sig_html = (f'<footer class="sig"><h2>Signature</h2><code>{escape(signature_string(sig))}</code>'
                    f"<pre>{escape(json.dumps(sig, ensure_ascii=False, indent=2))}</pre></footer>")
    body = "".join(sections) if sections else f'<p class="clean">{escape(headline)}</p>'
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<title>tarjama QA report</title>"
        f"<style>{_CSS}</style></head><body>"
        f'<header><h1>Terminology QA</h1><p class="summary">{escape(headline)}</p>'
        f'<table class="counts"><tr><th>check</th><th>findings</th><th>what it looks for</th></tr>{counts}</table>'
        f"</header><main>{body}</main>{sig_html}</body></html>\n"
    )
