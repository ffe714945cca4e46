"""One made-up news article as plain text, a saved web page, a DOCX and a PDF (running header, page numbers, hyphens)."""
from __future__ import annotations

import html
import io

DATE = "2025-04-17"
URL = "https://news.example.org/economy/2025/04/17/bishkek-talks"
TITLE = "Министры экономики Казахстана и Киргизии провели переговоры в Бишкеке"
PARAGRAPHS = [
    "Министр экономики Казахстана Арман Жумабеков провёл переговоры с министром экономики Киргизии "
    "Азаматом Турдубаевым в Бишкеке.",
    "Стороны договорились увеличить товарооборот до 5 млрд долларов к 2030 году и подписали соглашение "
    "о строительстве логистического центра стоимостью 120 млн долларов.",
    "«Мы намерены запустить двенадцать совместных проектов в энергетике и сельском хозяйстве», — сказал "
    "Арман Жумабеков.",
    "По словам Азамата Турдубаева, объём взаимной торговли в прошлом году вырос на 14%, а поставки зерна "
    "увеличились на 300 тысяч тонн.",
    "«Мы рассчитываем, что новая дорога между нашими странами откроется уже в следующем году», — отметил он.",
]
TEXT = f"date {DATE}\n{TITLE}\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
RUNNING_HEADER = "Экономическое обозрение — выпуск 16"


def web_page() -> str:
    """A saved news page: navigation, scripts, a cookie banner, the article with its date, related links."""
    body = "\n".join(f"<p>{html.escape(p, quote=True)}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<title>{TITLE} | Экономическое обозрение</title>
<link rel="canonical" href="{URL}">
<meta property="og:title" content="{TITLE}">
<meta property="article:published_time" content="{DATE}T10:30:00+06:00">
<script>window.dataLayer = [];function track(e){{dataLayer.push(e)}}</script>
<style>body {{ font-family: sans-serif }}</style>
</head><body>
<header><nav><ul><li><a href="/">Главная</a></li><li><a href="/economy">Экономика</a></li>
<li><a href="/politics">Политика</a></li><li><a href="/sport">Спорт</a></li></ul></nav></header>
<div class="cookie">Мы используем файлы cookie. <button>Принять</button></div>
<main><article>
<h1>{TITLE}</h1>
<time datetime="{DATE}">{DATE}</time>
{body}
</article>
<aside><h3>Читайте также</h3><ul><li><a href="/a">Курс валют на сегодня</a></li>
<li><a href="/b">Прогноз погоды на выходные</a></li></ul></aside></main>
<footer>&copy; 2025 Экономическое обозрение. Все права защищены.</footer>
<script src="/static/app.js"></script>
</body></html>
"""


def docx_file() -> bytes:
    """A DOCX: the headline in Word's Title style, the paragraphs, and a header and footer that are not the article."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = RUNNING_HEADER
    document.sections[0].footer.paragraphs[0].text = "Страница 1"
    document.add_paragraph(f"date {DATE}")
    document.add_paragraph(TITLE, style="Title")
    for p in PARAGRAPHS:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_file(width: int = 52) -> bytes:
    """A PDF: narrow lines with words hyphenated at the line ends, two pages, a running header and page numbers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from briefgen.render.paths import TEMPLATES_DIR

    pdfmetrics.registerFont(TTFont("ArticleSerif", str(TEMPLATES_DIR / "fonts" / "PTSerif-Regular.ttf")))
    lines = [f"date {DATE}", "", TITLE, ""]
    for p in PARAGRAPHS:
        lines += [*hyphenated(p, width), ""]
    pages = [lines[: len(lines) // 2], lines[len(lines) // 2 :]]
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    for number, page in enumerate(pages, 1):
        c.setFont("ArticleSerif", 9)
        c.drawString(72, 800, RUNNING_HEADER)
        c.drawCentredString(297, 40, f"– {number} –")
        c.setFont("ArticleSerif", 11)
        y = 760
        for line in page:
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return out.getvalue()


def hyphenated(paragraph: str, width: int) -> list[str]:
    """The paragraph in lines of at most `width` characters, a long word split with a hyphen where a line fills."""
    lines, line = [], ""
    for word in paragraph.split():
        room = width - len(line) - 1
        if len(line) + 1 + len(word) <= width or not line:
            line = f"{line} {word}".strip()
        elif room >= 4 and len(word) >= 8 and word[: room - 1].isalpha():
            lines.append(f"{line} {word[: room - 1]}-")
            line = word[room - 1 :]
        else:
            lines.append(line)
            line = word
    return [*lines, line]
