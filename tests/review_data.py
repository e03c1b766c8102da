"""Inputs for the HTML review at scale: a guide in 30 languages (four of them right to
left), written as files for a real run, and a documentation site of any number of
pages as a report built directly from its records (a real run of 5,000 pages takes
minutes; the report's pages, states and findings are what the review is tested on)."""

from __future__ import annotations

from pathlib import Path

from transcheck.model import (
    MISSING, OUTDATED, SOURCE, UP_TO_DATE, Category, Document, Finding, GroupResult, Kind, PageStatus, Report, Row,
    Segment, Severity,
)
from transcheck.rules.registry import RULES
from transcheck.settings import Settings

# (heading, sentence with a version, sentence with a count, sentence with minutes, last sentence)
GUIDE = {
    "en": ("Getting started", "Install version {v} of the program before you begin.",
           "The settings page has {n} options; change only those you need.",
           "Save your work every {m} minutes to avoid losing data.", "Contact support if the error appears again."),
    "ar": ("البدء", "ثبّت الإصدار {v} من البرنامج قبل أن تبدأ.", "تحتوي صفحة الإعدادات على {n} خيارًا؛ غيّر فقط ما تحتاج إليه.",
           "احفظ عملك كل {m} دقائق لتجنب فقدان البيانات.", "اتصل بالدعم إذا ظهر الخطأ مرة أخرى."),
    "he": ("תחילת העבודה", "התקינו את גרסה {v} של התוכנה לפני שתתחילו.", "בדף ההגדרות יש {n} אפשרויות; שנו רק את אלה שאתם צריכים.",
           "שמרו את העבודה כל {m} דקות כדי לא לאבד נתונים.", "פנו לתמיכה אם השגיאה מופיעה שוב."),
    "fa": ("شروع کار", "پیش از شروع، نسخهٔ {v} برنامه را نصب کنید.", "صفحهٔ تنظیمات {n} گزینه دارد؛ فقط آن‌هایی را که لازم دارید تغییر دهید.",
           "برای جلوگیری از از دست رفتن داده‌ها، هر {m} دقیقه کار خود را ذخیره کنید.", "اگر خطا دوباره ظاهر شد، با پشتیبانی تماس بگیرید."),
    "ur": ("آغاز", "شروع کرنے سے پہلے پروگرام کا ورژن {v} انسٹال کریں۔", "ترتیبات کے صفحے میں {n} اختیارات ہیں؛ صرف وہی بدلیں جن کی آپ کو ضرورت ہے۔",
           "ڈیٹا ضائع ہونے سے بچنے کے لیے ہر {m} منٹ بعد اپنا کام محفوظ کریں۔", "اگر خرابی دوبارہ ظاہر ہو تو سپورٹ سے رابطہ کریں۔"),
    "de": ("Erste Schritte", "Installieren Sie Version {v} des Programms, bevor Sie beginnen.",
           "Die Einstellungsseite hat {n} Optionen; ändern Sie nur die, die Sie brauchen.",
           "Speichern Sie Ihre Arbeit alle {m} Minuten, um keine Daten zu verlieren.",
           "Wenden Sie sich an den Support, wenn der Fehler erneut auftritt."),
    "fr": ("Premiers pas", "Installez la version {v} du programme avant de commencer.",
           "La page des réglages compte {n} options ; ne modifiez que celles dont vous avez besoin.",
           "Enregistrez votre travail toutes les {m} minutes pour ne pas perdre de données.",
           "Contactez l'assistance si l'erreur apparaît de nouveau."),
    "es": ("Primeros pasos", "Instale la versión {v} del programa antes de empezar.",
           "La página de ajustes tiene {n} opciones; cambie solo las que necesite.",
           "Guarde su trabajo cada {m} minutos para no perder datos.",
           "Póngase en contacto con el soporte si el error vuelve a aparecer."),
    "it": ("Primi passi", "Installa la versione {v} del programma prima di iniziare.",
           "La pagina delle impostazioni ha {n} opzioni; modifica solo quelle che ti servono.",
           "Salva il tuo lavoro ogni {m} minuti per non perdere dati.", "Contatta l'assistenza se l'errore si ripresenta."),
    "pt-BR": ("Primeiros passos", "Instale a versão {v} do programa antes de começar.",
              "A página de configurações tem {n} opções; altere apenas as que você precisa.",
              "Salve seu trabalho a cada {m} minutos para não perder dados.",
              "Entre em contato com o suporte se o erro aparecer novamente."),
    "nl": ("Aan de slag", "Installeer versie {v} van het programma voordat u begint.",
           "De instellingenpagina heeft {n} opties; wijzig alleen de opties die u nodig hebt.",
           "Sla uw werk elke {m} minuten op om geen gegevens te verliezen.",
           "Neem contact op met de ondersteuning als de fout opnieuw verschijnt."),
    "sv": ("Kom igång", "Installera version {v} av programmet innan du börjar.",
           "Inställningssidan har {n} alternativ; ändra bara dem du behöver.",
           "Spara ditt arbete med {m} minuters mellanrum så att du inte förlorar data.", "Kontakta supporten om felet visas igen."),
    "da": ("Kom godt i gang", "Installer version {v} af programmet, før du begynder.",
           "Indstillingssiden har {n} muligheder; skift kun dem, du har brug for.",
           "Gem dit arbejde hvert {m}. minut for ikke at miste data.", "Kontakt support, hvis fejlen opstår igen."),
    "nb": ("Kom i gang", "Installer versjon {v} av programmet før du begynner.",
           "Innstillingssiden har {n} alternativer; endre bare dem du trenger.",
           "Lagre arbeidet ditt hvert {m}. minutt for å unngå å miste data.", "Kontakt brukerstøtte hvis feilen oppstår igjen."),
    "fi": ("Aloittaminen", "Asenna ohjelman versio {v} ennen kuin aloitat.",
           "Asetussivulla on {n} vaihtoehtoa; muuta vain niitä, joita tarvitset.",
           "Tallenna työsi {m} minuutin välein, jotta et menetä tietoja.", "Ota yhteyttä tukeen, jos virhe ilmenee uudelleen."),
    "pl": ("Pierwsze kroki", "Przed rozpoczęciem zainstaluj wersję {v} programu.",
           "Strona ustawień ma {n} opcji; zmieniaj tylko te, których potrzebujesz.",
           "Zapisuj pracę co {m} minut, aby nie stracić danych.", "Skontaktuj się z pomocą techniczną, jeśli błąd pojawi się ponownie."),
    "cs": ("Začínáme", "Než začnete, nainstalujte verzi {v} programu.",
           "Stránka nastavení má {n} možností; měňte jen ty, které potřebujete.",
           "Ukládejte svou práci každých {m} minut, abyste nepřišli o data.", "Pokud se chyba objeví znovu, obraťte se na podporu."),
    "ru": ("Начало работы", "Перед началом установите версию {v} программы.",
           "На странице настроек {n} параметров; меняйте только те, которые вам нужны.",
           "Сохраняйте работу каждые {m} минут, чтобы не потерять данные.", "Обратитесь в службу поддержки, если ошибка появится снова."),
    "uk": ("Початок роботи", "Перед початком установіть версію {v} програми.",
           "На сторінці налаштувань {n} параметрів; змінюйте лише ті, що вам потрібні.",
           "Зберігайте роботу кожні {m} хвилин, щоб не втратити дані.", "Зверніться до служби підтримки, якщо помилка з'явиться знову."),
    "tr": ("Başlarken", "Başlamadan önce programın {v} sürümünü yükleyin.",
           "Ayarlar sayfasında {n} seçenek vardır; yalnızca ihtiyacınız olanları değiştirin.",
           "Veri kaybetmemek için çalışmanızı her {m} dakikada bir kaydedin.", "Hata yeniden görünürse destek ekibiyle iletişime geçin."),
    "el": ("Ξεκινώντας", "Εγκαταστήστε την έκδοση {v} του προγράμματος πριν ξεκινήσετε.",
           "Η σελίδα ρυθμίσεων έχει {n} επιλογές· αλλάξτε μόνο όσες χρειάζεστε.",
           "Αποθηκεύετε την εργασία σας κάθε {m} λεπτά για να μη χάσετε δεδομένα.",
           "Επικοινωνήστε με την υποστήριξη αν το σφάλμα εμφανιστεί ξανά."),
    "hi": ("शुरुआत करें", "शुरू करने से पहले प्रोग्राम का संस्करण {v} इंस्टॉल करें।", "सेटिंग्स पृष्ठ में {n} विकल्प हैं; केवल वही बदलें जिनकी आपको ज़रूरत है।",
           "डेटा खोने से बचने के लिए हर {m} मिनट में अपना काम सहेजें।", "यदि त्रुटि फिर से दिखाई दे तो सहायता से संपर्क करें।"),
    "ja": ("はじめに", "始める前に、プログラムのバージョン {v} をインストールしてください。",
           "設定ページには {n} 個のオプションがあります。必要なものだけを変更してください。",
           "データを失わないように、{m} 分ごとに作業を保存してください。", "エラーが再び表示された場合は、サポートにお問い合わせください。"),
    "ko": ("시작하기", "시작하기 전에 프로그램 버전 {v}를 설치하십시오.", "설정 페이지에는 {n}개의 옵션이 있습니다. 필요한 것만 변경하십시오.",
           "데이터 손실을 막으려면 {m}분마다 작업을 저장하십시오.", "오류가 다시 나타나면 지원팀에 문의하십시오."),
    "zh-CN": ("入门", "开始之前，请安装该程序的 {v} 版本。", "设置页面有 {n} 个选项；只更改您需要的选项。",
              "请每 {m} 分钟保存一次工作，以免丢失数据。", "如果错误再次出现，请联系支持人员。"),
    "th": ("เริ่มต้นใช้งาน", "ติดตั้งโปรแกรมเวอร์ชัน {v} ก่อนเริ่มใช้งาน", "หน้าการตั้งค่ามี {n} ตัวเลือก เปลี่ยนเฉพาะตัวเลือกที่คุณต้องการ",
           "บันทึกงานของคุณทุก {m} นาทีเพื่อไม่ให้ข้อมูลสูญหาย", "โปรดติดต่อฝ่ายสนับสนุนหากข้อผิดพลาดปรากฏขึ้นอีก"),
    "vi": ("Bắt đầu", "Hãy cài đặt phiên bản {v} của chương trình trước khi bắt đầu.",
           "Trang cài đặt có {n} tùy chọn; chỉ thay đổi những tùy chọn bạn cần.",
           "Hãy lưu công việc của bạn sau mỗi {m} phút để tránh mất dữ liệu.", "Hãy liên hệ bộ phận hỗ trợ nếu lỗi xuất hiện lại."),
    "id": ("Memulai", "Pasang versi {v} program sebelum Anda mulai.", "Halaman pengaturan memiliki {n} opsi; ubah hanya yang Anda perlukan.",
           "Simpan pekerjaan Anda setiap {m} menit agar data tidak hilang.", "Hubungi dukungan jika kesalahan muncul lagi."),
    "hu": ("Első lépések", "Kezdés előtt telepítse a program {v}-es verzióját.",
           "A beállítások oldalon {n} lehetőség van; csak azokat módosítsa, amelyekre szüksége van.",
           "Mentse a munkáját {m} percenként, hogy ne veszítsen adatot.", "Forduljon az ügyfélszolgálathoz, ha a hiba újra megjelenik."),
    "ro": ("Primii pași", "Instalați versiunea {v} a programului înainte de a începe.",
           "Pagina de setări are {n} opțiuni; modificați doar pe cele de care aveți nevoie.",
           "Salvați-vă munca la fiecare {m} minute pentru a nu pierde date.", "Contactați asistența dacă eroarea apare din nou."),
}
RTL = ("ar", "fa", "he", "ur")


def guide(lang: str, sections: int = 4) -> str:
    """The guide in one language, with the defects a review should show planted: a
    changed number in German, a dropped paragraph in French, an English paragraph
    left in Japanese, a changed version in Hebrew."""
    heading, *body = GUIDE[lang]
    parts = []
    for k in range(1, sections + 1):
        v, n, m = f"3.{k}", 10 + k, 5 * k
        if lang == "he" and k == 2:
            v = f"4.{k}"
        if lang == "de" and k == 1:
            n = 99
        texts = [t.format(v=v, n=n, m=m) for t in body]
        if lang == "fr" and k == 3:
            del texts[2]
        if lang == "ja" and k == 4:
            texts[3] = GUIDE["en"][4]
        parts.append(f"## {heading} {k}")
        parts += texts
    return "\n\n".join(parts) + "\n"


def write_guide(root: Path, sections: int = 4) -> Path:
    """``guide.<lang>.md`` for the 30 languages, in ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for lang in GUIDE:
        (root / f"guide.{lang}.md").write_text(guide(lang, sections), encoding="utf-8")
    return root


# ---------------------------------------------------------------- a site of many pages

SITE = {
    "en": ("Command {i}", "Run `tool {i}` to print the state of item {i}.", "The command exits with 0 when it succeeds."),
    "de": ("Befehl {i}", "Führen Sie `tool {i}` aus, um den Zustand von Element {i} auszugeben.",
           "Der Befehl endet mit 0, wenn er gelingt."),
    "fr": ("Commande {i}", "Lancez `tool {i}` pour afficher l'état de l'élément {i}.", "La commande se termine par 0 en cas de succès."),
    "ar": ("الأمر {i}", "شغّل `tool {i}` لطباعة حالة العنصر {i}.", "ينتهي الأمر بالقيمة 0 عند نجاحه."),
}


def site(pages: int, languages: tuple[str, ...] = ("en", "de", "fr", "ar"), whole: int | None = None) -> Report:
    """A documentation site of ``pages`` pages with the source in English: every
    seventh page outdated in French, every eleventh missing in German, every fifth
    with a wrong number in Arabic (an error) and every third with a note in French.
    Languages without a text here repeat the English one. Past ``whole`` pages, each
    is kept as the summary a run keeps once a page is rendered (no segments, no rows)."""
    groups = []
    for i in range(pages):
        name = f"pages/{{lang}}/cmd-{i:05d}.md"
        docs, status, findings = [], [], []
        for lang in languages:
            if lang == "de" and i % 11 == 0:
                status.append(PageStatus(lang, MISSING))
                continue
            lines = [t.format(i=i + 1 if lang == "ar" and i % 5 == 0 and n == 1 else i)
                     for n, t in enumerate(SITE.get(lang, SITE["en"]))]
            segments = tuple(
                Segment(n, 2 * n + 1, 2 * n + 1, text, Kind.HEADING if n == 0 else Kind.PARAGRAPH)
                for n, text in enumerate(lines)
            )
            path = name.replace("{lang}", lang)
            docs.append(Document(path, lang, name, "\n\n".join(lines) + "\n", 2 * len(lines), segments))
            state = SOURCE if lang == "en" else OUTDATED if lang == "fr" and i % 7 == 0 else UP_TO_DATE
            status.append(PageStatus(lang, state, 1 if state == OUTDATED else 0, "1a2b3c4" if state == OUTDATED else "",
                                     "2024-05-01" if state == OUTDATED else ""))
            if lang == "ar" and i % 5 == 0:
                findings.append(Finding("TC401", "number-mismatch", Category.NUMBER, Severity.ERROR, path, lang, 3, 3,
                                        f"number {i} of the source is missing; “{i + 1}” is not in it", row=1))
            if lang == "fr" and i % 3 == 0:
                findings.append(Finding("TC601", "punctuation-mismatch", Category.PUNCTUATION, Severity.INFO, path, lang,
                                        5, 5, "the sentence ends with “.” where the source has “.”", row=2))
        rows = tuple(Row({d.language: (n,) for d in docs}) for n in range(len(SITE["en"])))
        group = GroupResult(name, tuple(docs), rows, tuple(findings), status=tuple(sorted(status, key=lambda s: s.language)),
                            source="en")
        groups.append(group if whole is None or i < whole else group.summary())
    return Report(groups=tuple(groups), problems=(), settings=Settings(source="en"), rules=RULES)


def long_page(rows: int) -> Report:
    """One page of ``rows`` rows in the 30 languages of the guide (a long manual), with
    a number finding every 50 rows in one of the right-to-left languages."""
    docs, findings = [], []
    for lang in GUIDE:
        texts = [GUIDE[lang][1 + r % 4].format(v=f"3.{r}", n=r, m=r % 60) for r in range(rows)]
        segments = tuple(Segment(r, 2 * r + 1, 2 * r + 1, t, Kind.PARAGRAPH) for r, t in enumerate(texts))
        path = f"manual.{lang}.md"
        docs.append(Document(path, lang, "manual", "", 2 * rows, segments))
        if lang in RTL:
            k = RTL.index(lang)
            findings += [
                Finding("TC401", "number-mismatch", Category.NUMBER, Severity.ERROR, path, lang, 2 * r + 1, 2 * r + 1,
                        f"number {r} of the source is missing", row=r)
                for r in range(k, rows, 50)
            ]
    rows_ = tuple(Row({d.language: (r,) for d in docs}) for r in range(rows))
    group = GroupResult("manual", tuple(docs), rows_, tuple(findings), source="en")
    return Report(groups=(group,), problems=(), settings=Settings(source="en"), rules=RULES)


def write_site(root: Path, pages: int, languages: tuple[str, ...] = ("en", "de", "fr", "ar")) -> Path:
    """The site of ``site`` as files for a real run: ``pages/<lang>/cmd-NNNNN.md``
    (``--layout 'pages/{lang}/*.md' --source en``), every eleventh page missing in
    German and every fifth with a wrong number in Arabic."""
    for lang in languages:
        (root / "pages" / lang).mkdir(parents=True, exist_ok=True)
    for i in range(pages):
        for lang in languages:
            if lang == "de" and i % 11 == 0:
                continue
            lines = [t.format(i=i + 1 if lang == "ar" and i % 5 == 0 and n == 1 else i)
                     for n, t in enumerate(SITE.get(lang, SITE["en"]))]
            lines[0] = "# " + lines[0]
            (root / "pages" / lang / f"cmd-{i:05d}.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return root
