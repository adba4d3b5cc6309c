# Prints, as JSON, what python-docx reads of each .docx named on the
# command line: the core properties, the styles with the values they
# inherit, the sections with their headers, the body's paragraphs and the
# tables with their row properties, a table's borders its own or its
# style's. Lengths are in millimetres, font sizes and spacing in points;
# a value nobody sets is null.
import json
import sys

import docx
from lxml import etree
from docx.oxml.ns import qn

W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


# JC names the values of w:jc as python-docx names its alignments.
JC = {"both": "JUSTIFY", "center": "CENTER", "left": "LEFT", "start": "LEFT", "right": "RIGHT", "end": "RIGHT"}


def xp(el, path):
    """The nodes path selects from el, with the w: prefix bound."""
    return etree.XPath(path, namespaces=W)(el)


def on(el, tag):
    """A toggle property: present without w:val, or with a true one."""
    if el is None:
        return False
    x = el.find(qn(tag))
    if x is None:
        return False
    return x.get(qn("w:val")) not in ("0", "false", "off")


def attr(el, path, name):
    if el is None:
        return None
    found = xp(el, path)
    if not found:
        return None
    return found[0].get(qn(name))


def mm(length):
    return None if length is None else round(length.mm, 2)


def pt(length):
    return None if length is None else round(length.pt, 2)


def chain(style):
    while style is not None:
        yield style
        style = style.base_style


def inherit(style, get):
    for s in chain(style):
        v = get(s)
        if v is not None:
            return v
    return None


def or_default(v, default):
    return default if v is None else v


def fonts(el):
    if el is None:
        return None
    found = xp(el, "./w:rPr/w:rFonts")
    if not found:
        return None
    return {k: found[0].get(qn("w:" + k)) for k in ("ascii", "hAnsi", "cs", "eastAsia")}


def read_style(s, defaults):
    out = {
        "id": s.style_id,
        "name": s.name,
        "type": str(s.type).split(".")[-1].split(" ")[0],
        "based_on": s.base_style.name if s.base_style is not None else None,
        "fonts": inherit(s, lambda x: fonts(x.element)) or defaults["fonts"],
        "lang": inherit(s, lambda x: attr(x.element, "./w:rPr/w:lang", "w:val")) or defaults["lang"],
        "size": inherit(s, lambda x: pt(x.font.size)) or defaults["size"],
        "bold": inherit(s, lambda x: x.font.bold),
    }
    if s.type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH:
        out.update({
            "alignment": or_default(inherit(s, lambda x: None if x.paragraph_format.alignment is None else str(x.paragraph_format.alignment).split(" ")[0]), defaults["alignment"]),
            "first_line_indent": or_default(inherit(s, lambda x: mm(x.paragraph_format.first_line_indent)), defaults["first_line_indent"]),
            "space_before": or_default(inherit(s, lambda x: pt(x.paragraph_format.space_before)), defaults["space_before"]),
            "outline_level": inherit(s, lambda x: attr(x.element, "./w:pPr/w:outlineLvl", "w:val")),
            "keep_next": inherit(s, lambda x: x.paragraph_format.keep_with_next),
        })
    return out


def field_codes(el):
    codes = [i.text.strip() for i in xp(el, ".//w:instrText") if i.text]
    codes += [f.get(qn("w:instr")).strip() for f in xp(el, ".//w:fldSimple")]
    return codes


def read_header(h):
    if h.is_linked_to_previous:
        return None
    return {
        "text": "\n".join(p.text for p in h.paragraphs),
        "fields": field_codes(h._element),
        "alignments": [None if p.alignment is None else str(p.alignment).split(" ")[0] for p in h.paragraphs],
        "tables": len(h.tables),
    }


def read_section(s):
    sp = s._sectPr
    return {
        "page_width": mm(s.page_width),
        "page_height": mm(s.page_height),
        "orientation": str(s.orientation).split(" ")[0],
        "top": mm(s.top_margin),
        "bottom": mm(s.bottom_margin),
        "left": mm(s.left_margin),
        "right": mm(s.right_margin),
        "header_distance": mm(s.header_distance),
        "start_type": str(s.start_type).split(" ")[0],
        "title_pg": on(sp, "w:titlePg"),
        "page_start": attr(sp, "./w:pgNumType", "w:start"),
        "header": read_header(s.header),
        "first_header": read_header(s.first_page_header),
    }


def read_table(t):
    rows = []
    for r in t.rows:
        trpr = r._tr.trPr
        rows.append({
            "cells": [c.text for c in r.cells],
            "header": on(trpr, "w:tblHeader"),
            "cant_split": on(trpr, "w:cantSplit"),
        })
    borders = {}
    for b in xp(t._tbl, "./w:tblPr/w:tblBorders/*"):
        borders[b.tag.split("}")[1]] = b.get(qn("w:val"))
    if not borders:
        for b in inherit(t.style, lambda x: xp(x.element, "./w:tblPr/w:tblBorders/*") or None) or []:
            borders[b.tag.split("}")[1]] = b.get(qn("w:val"))
    return {
        "style": t.style.name if t.style is not None else None,
        "borders": borders,
        "widths": [round(int(g.get(qn("w:w"))) * 25.4 / 1440, 2) for g in xp(t._tbl, "./w:tblGrid/w:gridCol")],
        "rows": rows,
    }


def read_paragraph(p, styles):
    s = p.style
    pf = p.paragraph_format
    return {
        "text": p.text,
        "style": s.name if s is not None else None,
        "alignment": str(pf.alignment).split(" ")[0] if pf.alignment is not None else styles.get(s.name, {}).get("alignment"),
        "outline_level": attr(p._p, "./w:pPr/w:outlineLvl", "w:val") or styles.get(s.name, {}).get("outline_level"),
        "keep_next": pf.keep_with_next if pf.keep_with_next is not None else styles.get(s.name, {}).get("keep_next"),
        "page_break_before": pf.page_break_before,
    }


def read(path):
    d = docx.Document(path)
    defaults_el = d.styles.element.find(qn("w:docDefaults"))
    rpr = defaults_el.find(qn("w:rPrDefault")) if defaults_el is not None else None
    ppr = defaults_el.find(qn("w:pPrDefault")) if defaults_el is not None else None
    size = attr(rpr, "./w:rPr/w:sz", "w:val")
    jc = attr(ppr, "./w:pPr/w:jc", "w:val")
    indent = attr(ppr, "./w:pPr/w:ind", "w:firstLine")
    before = attr(ppr, "./w:pPr/w:spacing", "w:before")
    defaults = {
        "fonts": fonts(rpr),
        "lang": attr(rpr, "./w:rPr/w:lang", "w:val"),
        "size": None if size is None else int(size) / 2,
        "alignment": JC.get(jc, jc),
        "first_line_indent": None if indent is None else round(int(indent) * 25.4 / 1440, 2),
        "space_before": None if before is None else int(before) / 20,
    }
    styles = {}
    for s in d.styles:
        if s.type != docx.enum.style.WD_STYLE_TYPE.LIST:
            styles[s.name] = read_style(s, defaults)
    c = d.core_properties
    return {
        "core": {
            "title": c.title,
            "author": c.author,
            "subject": c.subject,
            "keywords": c.keywords,
            "language": c.language,
            "created": c.created.isoformat() if c.created else None,
            "modified": c.modified.isoformat() if c.modified else None,
        },
        "defaults": defaults,
        "styles": list(styles.values()),
        "sections": [read_section(s) for s in d.sections],
        "paragraphs": [read_paragraph(p, styles) for p in d.paragraphs],
        "tables": [read_table(t) for t in d.tables],
    }


json.dump({p: read(p) for p in sys.argv[1:]}, sys.stdout, ensure_ascii=False)
