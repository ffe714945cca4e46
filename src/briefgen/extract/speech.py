"""Turn the text's direct speech into Speech units: quoted, dash-introduced and transcript turns.

A unit is the stretches of reproduced words (quotation marks, the dash and the
attribution left out) and the clause that says who spoke. A quotation
interrupted by its attribution («Это …, — сказал X. — Мы …») is one unit of
two parts. Quotation marks around names («Газпром») make no unit: a quoted
stretch is speech when an attribution follows it, when it stands as a
paragraph of its own or opens a sentence (its speaker maybe named in the next
one: "Об этом заявил X"), after a colon, or when a verb of saying governs it
in its sentence ("назвав его «непростительным оскорблением»").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .. import data, lang
from ..document import Document, headline, is_heading
from ..lang import grammar as g
from ..lang.reading import Reading
from ..lang.words import readings
from ..model import Span
from ..spans import make_span
from .people import INITIALLED

MIN_GOVERNED_WORDS = 2  # a single quoted word is a term in scare quotes, not a quotation
MIN_SENTENCE_WORDS = 4  # a quotation that opens a sentence: «Наша страна открыта для всех».
ATTRIBUTION_WORDS = 6  # the verb of saying comes within the first words of an attribution
MAX_ATTRIBUTION_WORDS = 25
MAX_LABEL_WORDS = 4
MAX_SIGNATURE_WORDS = 10  # "– Олег Смирнов, министр транспорта и дорожного хозяйства"
MAX_NAME_WORDS = 6  # «Международный технопарк "Новый Шёлковый путь"»
NAME_CUE_WINDOW = 3  # words before a quotation that may announce a name
_PAIRS = {"«": "»", "„": "“", "“": "”"}
_MARKS = frozenset(_PAIRS) | frozenset(_PAIRS.values()) | {'"'}
_STOPS = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "\n]")  # the only characters quoted_stretches reads
_WORD = re.compile(r"\w+(?:-\w+)*")
_DASH = "—–-"
_INNER = re.compile(rf"([,!?…])[ \t]+[{_DASH}][ \t]+")
_RESUME = re.compile(rf"[.,:][ \t]+[{_DASH}][ \t]+")
_AFTER = re.compile(rf"[ \t]*[,.!?…]?[ \t]*[{_DASH}][ \t]*|[ \t]*,[ \t]*")
_BARE = re.compile(r"[ \t]+")
_INNER_STOPS = (",",)
_NEXT = re.compile(r"[.!?…]?[ \t]+")
_DASH_LEAD = re.compile(rf"[{_DASH}][ \t]+")
_TURN = re.compile(r"([^\W\d_][^:\n]{0,60}?):[ \t]+(?=\S)")
_VERBAL = (g.VERB, g.INFINITIVE, g.GERUND)
_NAME_DASH = re.compile(rf"(?<=\w)[ \t]+[{_DASH}][ \t]+(?=[{lang.capitals()}])")  # "Бахты — Чугучак"
_REMARK = re.compile(r"[ \t]*\([^)\n]*\)")  # "(как переведено)" after a speaker's name
_APPOSITION = re.compile(r",[^,\n]{1,60},")  # ", head of the agency," between a name and its verb
_SPACED_DASH = re.compile(rf"\s[{_DASH}]\s")


@dataclass(frozen=True, slots=True)
class Speech:
    """One act of direct speech: its parts and what the text says about its speaker."""

    parts: tuple[Span, ...]
    kind: str  # quote | dash | turn | question (an interviewer's, in a dialogue)
    attribution: Span | None = None  # "сказал Олег Смирнов": after the quote or inside it
    lead: Span | None = None  # the sentence before a quotation it governs: "Кан … назвав его"
    label: Span | None = None  # a transcript turn's speaker: "Анна Петрова"

    @property
    def start(self) -> int:
        return self.parts[0].start


def find(doc: Document, language: str) -> list[Speech]:
    """Every unit of direct speech in the document, in order."""
    text = doc.text
    out: list[Speech] = []
    taken: list[tuple[int, int]] = []
    for unit in _turns(doc) + _dash_paragraphs(doc, language):
        if any(s <= unit.start < e for s, e in taken):
            continue  # a dash paragraph inside a turn of several paragraphs
        out.append(unit)
        taken.append((unit.parts[0].start, unit.parts[-1].end))
    stretches = quoted_stretches(text, doc.body_start)
    for start, end in stretches:
        if any(s <= start < e for s, e in taken):
            continue
        unit = _quotation(doc, start, end, language)
        if unit:
            out.append(unit)
            if unit.attribution:
                taken.append((unit.attribution.start, unit.attribution.end))
    return sorted(out, key=lambda u: u.start)


def quoted_stretches(text: str, begin: int = 0) -> list[tuple[int, int]]:
    """Outermost quoted stretches as (start, end) of the inner text, marks excluded.

    Straight quotes open before a word and close after one; a straight quote that
    closes a nested name and the quotation at once (…"Новый Шёлковый путь"") closes both.
    A paragraph that opens a quotation and does not close it is quoted to its end
    (a quotation over several paragraphs closes only in the last).
    """
    out = []
    stack: list[tuple[str, int]] = []
    line = begin
    for i in [m.start() for m in _STOPS.finditer(text, begin)] + [len(text)]:
        ch = text[i] if i < len(text) else "\n"
        if ch == "\n":
            if stack and stack[0][1] == line + 1:
                out.append((stack[0][1], i))  # a paragraph of a quotation that goes on in the next one
            stack.clear()
            line = i + 1
            continue
        if ch == '"':
            prev = text[i - 1] if i > begin else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            opening = not (prev.isalnum() or prev in ".!?,;:…)") and (nxt.isalnum() or nxt in "«„“\"")
            if not opening and stack and stack[-1][0] == '"':
                _, s = stack.pop()
                if not stack:
                    out.append((s, i))
            elif opening:
                stack.append(('"', i + 1))
            continue
        if stack and ch == stack[-1][0]:  # a closing mark first: "“" closes „…“ and opens “…”
            _, s = stack.pop()
            if not stack:
                out.append((s, i))
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i + 1))
    return out


def _quotation(doc: Document, start: int, end: int, language: str) -> Speech | None:
    text = doc.text
    inner = make_span(text, start, end)
    if not inner.text:
        return None
    inner_stop = inner.text.endswith(_INNER_STOPS)  # '"…by 2035," Kapoor said': the comma inside the marks
    if inner_stop:
        inner = make_span(text, inner.start, inner.end - 1)
    parts, inside = _split(text, inner.start, inner.end, language)
    after = _attribution_after(text, end + 1, language, bare=inner_stop)
    lead = _lead(doc, start - 1)
    if after and not inside and _name_like(inner.text) and _mid_sentence(lead, language):
        return None  # "… перехода «Бахты — Чугучак», сообщил министр": the attribution is the sentence's
    if inside or after:
        return Speech(parts, "quote", attribution=inside or after)
    words = len(_WORD.findall(inner.text))
    pi = doc.paragraph_index(start)
    if pi is None:
        return None
    para = doc.paragraphs[pi]
    alone = not _WORD.search(text[para.start : start - 1] + text[end + 1 : para.end])
    if alone:
        signed = _signature(doc, pi)
        return Speech(parts, "quote", attribution=signed) if words >= MIN_GOVERNED_WORDS else None
    if lead is None and words >= MIN_SENTENCE_WORDS and not _name_like(inner.text):
        return Speech(parts, "quote", attribution=_attribution_next(text, end + 1, language))
    if words < MIN_GOVERNED_WORDS or _name_like(inner.text) or lead is None or _names_next(lead.text, language):
        return None
    if lead.text.endswith(":") or governs(lead.text, language):
        return Speech(parts, "quote", lead=lead)
    return None


def _signature(doc: Document, i: int) -> Span | None:
    """The line after a quotation standing alone that signs it with a dash and a name: "– Олег Смирнов,
    министр транспорта"."""
    if i + 1 >= len(doc.paragraphs):
        return None
    line = doc.paragraphs[i + 1]
    m = _DASH_LEAD.match(line.text)
    if not m or len(_WORD.findall(line.text)) > MAX_SIGNATURE_WORDS:
        return None
    begin = line.start + m.end()
    named = INITIALLED.match(doc.text, begin) or any(e.type == "PER" and e.start == begin for e in doc.entities)
    return make_span(doc.text, begin, line.end) if named else None


def _turns(doc: Document) -> list[Speech]:
    """Transcript turns "Name: …": the label names a person or opens two turns or more.

    A turn goes on over the paragraphs up to the next turn or section heading (a
    speech of several paragraphs). After the last turn it goes on only in a
    transcript whose turns do so elsewhere: else what follows is the report's own text.
    """
    paras = doc.paragraphs
    found = []
    for i, para in enumerate(paras):
        m = _TURN.match(doc.text, para.start, para.end)
        if m and _label_like(m.group(1)):
            found.append((m, i))
    counts = Counter(m.group(1) for m, _ in found)
    if found and found[0][1] == 0 and headline(doc):
        label = found[0][0].group(1)
        if counts[label] == 1 and not INITIALLED.fullmatch(label):
            found = found[1:]  # a headline "Петров: завод откроется в срок" tells, it does not quote
    kept = []
    for m, i in found:
        name = _REMARK.sub("", m.group(1)).rstrip()
        label = Span(m.start(1), m.start(1) + len(name), name)
        person = INITIALLED.fullmatch(label.text) or any(
            e.type == "PER" and label.start <= e.start < label.end for e in doc.entities
        )
        if person or counts[m.group(1)] >= 2:
            kept.append((m, i, label))
    ends = []
    for k, (_, i, _) in enumerate(kept):
        stop = kept[k + 1][1] if k + 1 < len(kept) else len(paras)
        last = i
        while last + 1 < stop and not is_heading(paras[last + 1].text):
            last += 1
        ends.append(last)
    if kept and not any(end > i for (_, i, _), end in zip(kept[:-1], ends[:-1], strict=True)):
        ends[-1] = kept[-1][1]
    return [
        Speech((make_span(doc.text, m.end(), paras[end].end),), "turn", label=label)
        for (m, _, label), end in zip(kept, ends, strict=True)
    ]


def _label_like(label: str) -> bool:
    """A speaker's label: a few words, no clause punctuation, no verb ("Ведущий", "В.Петров"); a remark
    in brackets ("(как переведено)") is no part of it, and a capitalised word after the first is a name,
    whatever else it may read as ("Тхонглун Сисулит")."""
    words = _WORD.findall(_REMARK.sub("", label))
    return (
        0 < len(words) <= MAX_LABEL_WORDS
        and not re.search(r"[!?,;«»\"]", label)
        and not _SPACED_DASH.search(label)  # "Петров — Козлову: …": a headline says who told whom
        and not any(lang.readings(w)[0].pos in _VERBAL for n, w in enumerate(words) if n == 0 or w.islower())
    )


def _dash_paragraphs(doc: Document, language: str) -> list[Speech]:
    """Paragraphs of direct speech opened by a dash: with their attribution ("— Достигнуто …, —
    отметил он."), after a lead-in with a colon ("заявил:"), or in a dialogue of such
    paragraphs, where a question is the interviewer's."""
    paras = doc.paragraphs
    said = [_dash_sentence(p.text) for p in paras]
    out = []
    for i, para in enumerate(paras):
        m = _DASH_LEAD.match(para.text)
        if not m:
            unmarked = _unmarked(doc.text, para, language)
            if unmarked:
                out.append(unmarked)
            continue
        parts, inside = _split(doc.text, para.start + m.end(), para.end, language)
        prev = paras[i - 1] if i else None
        introduced = said[i] and prev is not None and prev.text.endswith(":") and governs(prev.text, language)
        dialogue = said[i] and (i > 0 and said[i - 1] or i + 1 < len(paras) and said[i + 1])
        if inside or introduced:
            out.append(Speech(parts, "dash", attribution=inside, lead=prev if introduced else None))
        elif dialogue:
            out.append(Speech(parts, "question" if para.text.endswith("?") else "dash"))
    return out


def _unmarked(text: str, para: Span, language: str) -> Speech | None:
    """A paragraph of speech printed without its opening dash or marks, its attribution inside it:
    "Дорогу откроют летом, — сказал он." (sites that set quotations as paragraphs drop the dash)."""
    if not para.text[:1].isupper() or any(c in para.text for c in _MARKS):
        return None
    parts, inside = _split(text, para.start, para.end, language)
    if inside is None or parts[0].start != para.start or len(_WORD.findall(parts[0].text)) < MIN_SENTENCE_WORDS:
        return None
    return Speech(parts, "dash", attribution=inside)


def _dash_sentence(paragraph: str) -> bool:
    """A paragraph that is a dash and a sentence: "— Итоги визита очень позитивные."."""
    m = _DASH_LEAD.match(paragraph)
    return bool(m) and paragraph[m.end() : m.end() + 1].isupper() and paragraph[-1] in ".!?…"


def _split(text: str, start: int, end: int, language: str) -> tuple[tuple[Span, ...], Span | None]:
    """Cut a stretch of speech at its attributions; return the parts and the first attribution."""
    parts, first = [], None
    cur = start
    pos = start
    while True:
        m = _INNER.search(text, pos, end)
        if not m:
            break
        resume = _RESUME.search(text, m.end(), end)
        clause = make_span(text, m.end(), resume.start() if resume else end)
        clause = make_span(text, clause.start, clause.end - (1 if clause.text.endswith(".") else 0))
        if _is_attribution(clause.text, language):
            cut = m.start() + (0 if m.group(1) == "," else 1)
            parts.append(make_span(text, cur, cut))
            first = first or clause
            cur = resume.end() if resume else end
            pos = cur
        else:
            pos = m.end()
    if cur < end:
        parts.append(make_span(text, cur, end))
    return tuple(p for p in parts if p.text), first


def _attribution_after(text: str, at: int, language: str, bare: bool = False) -> Span | None:
    """The clause right after a closing quotation mark that says who spoke: "», — сказал он.";
    when the quotation's own comma closes it (`bare`), after a space: '," he said.'."""
    m = (_BARE if bare else _AFTER).match(text, at)
    if not m or m.end() == at:
        return None
    end = _clause_end(text, m.end())
    clause = make_span(text, m.end(), end)
    limit = ATTRIBUTION_WORDS if bare or any(c in m.group() for c in _DASH) else 2
    return clause if clause.text and _is_attribution(clause.text, language, limit) else None


def _attribution_next(text: str, at: int, language: str) -> Span | None:
    """The next sentence, when it says who spoke the quotation before it: "«…». Об этом заявил X."."""
    m = _NEXT.match(text, at)
    if not m:
        return None
    clause = make_span(text, m.end(), _clause_end(text, m.end()))
    return clause if _is_attribution(clause.text, language) else None


def _clause_end(text: str, i: int) -> int:
    """Where the sentence that starts at `i` ends: a stop not after an initial, a dash, or the line end."""
    for m in re.finditer(rf"[.!?…](?=\s|$)|\n|[ \t][{_DASH}][ \t]", text[i:]):
        j = i + m.start()
        if text[j] == "." and j >= 2 and text[j - 1].isupper() and not text[j - 2].isalpha():
            continue  # "В. Путин": an initial, not a full stop
        return j
    return len(text)


def _is_attribution(clause: str, language: str, limit: int = ATTRIBUTION_WORDS) -> bool:
    """A short clause with a finite verb of saying near its start ("сказал он"; not "оценив …"); an
    apposition between the name and the verb does not count ("Jean Dupont, head of the agency, told")."""
    words = _WORD.findall(clause)
    if not 0 < len(words) <= MAX_ATTRIBUTION_WORDS:
        return False
    near = words[:limit] + _WORD.findall(_APPOSITION.sub(" ", clause, count=1))[:limit]
    return any(_says(w, language) for w in near)


def _says(word: str, language: str) -> bool:
    """A verb of saying in a finite form (any form of it in a language without morphology: "said")."""
    found = _readings(word, language)
    if not found[0].analysed:
        return any(r.lemma in _verbs(language) for r in found)
    return found[0].pos == g.VERB and found[0].lemma in _verbs(language)


def _readings(word: str, language: str) -> tuple[Reading, ...]:
    """The word's readings by the language that writes it: a Latin word in a Russian text is read as English."""
    return readings(word, lang.get(language))


def _lead(doc: Document, mark: int) -> Span | None:
    """The part of the quotation's sentence before its opening mark."""
    i = doc.sentence_index(mark)
    if i is None:
        return None
    span = make_span(doc.text, doc.sentences[i].start, mark)
    return span if span.text else None


@data.cached
def according_to(language: str) -> re.Pattern[str]:
    """A cue that what follows is someone's words: "по словам", "по его словам"."""
    table = data.load("speech")
    whose = "|".join(map(re.escape, table["possessives"].get(language, {}))) or "(?!)"
    cues = []
    for cue in table["according_to"].get(language, []):
        first, *rest = cue.split()
        cues.append(re.escape(first) + r"\s+(?:(?:" + whose + r")\s+)?" + r"\s+".join(map(re.escape, rest)))
    return re.compile(r"(?i)(?<!\w)(?:" + ("|".join(cues) or "(?!)") + r")(?!\w)")


def governs(lead: str, language: str) -> bool:
    """Whether a lead-in says whose words follow: a verb of saying that speaks them (not
    "называемых «…»") or "по словам"."""
    if according_to(language).search(lead):
        return True
    for w in reversed(_WORD.findall(_unquoted(lead))):
        best = _readings(w, language)[0]
        if not best.analysed:
            if _says(w, language):
                return True  # "Smith said, “…”": an English verb has no part of speech to check
        elif best.lemma in _verbs(language):
            return best.pos in _VERBAL
    return False


def quotes_someone(clause: str, language: str) -> bool:
    """Whether a clause quotes someone through an outlet ("цитирует Олега Смирнова агентство"): its subject
    is not the speaker."""
    quoting = data.word_set("speech", "quoting", language)
    for w in _WORD.findall(clause)[:ATTRIBUTION_WORDS]:
        found = _readings(w, language)
        forms = [r.lemma for r in found] if not found[0].analysed else [found[0].lemma]
        if any(f in quoting for f in forms):
            return True
    return False


def _names_next(lead: str, language: str) -> bool:
    """Whether a word just before the quotation announces a name ("под названием «…»")."""
    cues = _name_cues(language)
    return any(lang.lemma(w) in cues for w in _WORD.findall(lead)[-NAME_CUE_WINDOW:])


def _name_like(quoted: str) -> bool:
    """A short capitalised stretch with no verb and no clause punctuation reads as a name: «Делового
    Петербурга», «Север — Юг» (a dash between capitalised parts)."""
    words = _WORD.findall(quoted)
    plain = _NAME_DASH.sub(" ", quoted)
    if not quoted[:1].isupper() or len(words) > MAX_NAME_WORDS or re.search(rf"[,;:.!?{_DASH}](\s|$)", plain):
        return False
    return not any(lang.readings(w)[0].pos in _VERBAL + (g.PARTICIPLE_SHORT,) for w in words)


def _mid_sentence(lead: Span | None, language: str) -> bool:
    """Whether a quoted stretch stands inside a sentence that does not introduce speech with it."""
    return lead is not None and bool(_WORD.search(lead.text)) and not lead.text.endswith(":") and not governs(lead.text, language)


def _unquoted(text: str) -> str:
    """The text with quoted stretches blanked, so their words do not count as the sentence's."""
    for s, e in reversed(quoted_stretches(text)):
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _verbs(language: str) -> frozenset[str]:
    return data.word_set("speech", "verbs", language)


def _name_cues(language: str) -> frozenset[str]:
    return data.word_set("speech", "name_cues", language)
