"""Arabic: normalisation, clitics and the words that mark speakers, titles and events."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from briefing.analysis.claims import sources, verb_first
from briefing.analysis.entities import cues, titles
from briefing.languages.base import Language, LanguageRules
from briefing.resources import data_path

if TYPE_CHECKING:
    from briefing.models import TimeRef

# Harakat and tatweel: written or not, the word is the same.
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letter variants folded to one, and Eastern Arabic and Persian digits to ASCII.
FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ک": "ك",
        "ی": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
# Proclitics that attach to the next word: conjunctions و ف, prepositions ب ل ك, and their pairs.
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


def arabic_key(text: str) -> str:
    """Return the key of Arabic text: no harakat or tatweel, one alef, ya and ha, no case."""
    return " ".join(MARKS.sub("", text).translate(FOLD).casefold().split())


@cache
def common_words() -> frozenset[str]:
    """Return the keys of common words that never stand in a name (see the data file's header)."""
    path = data_path("common-words-ar.txt")
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def _words(text: str) -> frozenset[str]:
    return frozenset(arabic_key(w) for w in text.split())


class ArabicRules(LanguageRules):
    """Arabic rules: keys fold spelling variants; words may carry proclitics."""

    def key(self, text: str) -> str:
        return arabic_key(text)

    def variants(self, word: str) -> list[tuple[int, str]]:
        """Return the word's readings: as written, then with و ف ب ل ك (and لل = ل + ال) taken off.

        A reading keeps at least two letters, so a name that begins with one of those letters
        (بكين, لافروف) is always offered whole first and never loses a letter unless the caller
        finds the shorter reading in its lexicon instead of the whole one.
        """
        bare = MARKS.sub("", word)
        out = [(0, arabic_key(word))]
        seen = {out[0][1]}
        # Offsets count characters of the word as written, harakat included.
        positions = [i for i, ch in enumerate(word) if not MARKS.match(ch)]
        for clitic in _PROCLITICS:
            if not bare.startswith(clitic) or len(bare) - len(clitic) < 2:
                continue
            rest = bare[len(clitic) :]
            cut = positions[len(clitic)] if len(clitic) < len(positions) else len(word)
            readings = [(cut, rest)]
            if clitic.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
                # لل: the preposition ل before the article ال, whose alef is not written. No cut
                # leaves a clean word, so the span keeps the whole word (للمخابرات), read as
                # ال + the rest.
                readings.insert(0, (positions[len(clitic) - 1], "ا" + rest))
            for at, reading in readings:
                k = arabic_key(reading)
                if k not in seen:
                    seen.add(k)
                    out.append((at, k))
        return out

    def feminine(self, key: str) -> bool:
        return key.endswith("ه")  # ة folds to ه in keys

    def adjective_shape(self, key: str) -> bool:
        return key.endswith(("يه", "يين", "يون")) and len(key) > 4

    def never_in_name(self, word: str) -> bool:
        # Tanween (سنوياً) marks an adverb or an indefinite noun; a possessive (إدارته، رحمهم)
        # a common noun.
        return "\u064b" in word or word.endswith(("ته", "تها", "تهم", "هم", "هما", "كم"))

    def joined_by_and(self, word: str) -> bool:
        """Say whether a word carries the conjunction و (وكوريا الشمالية)."""
        return word.startswith("و") and len(word) > 2

    def refers_back(self, previous: str | None, key: str) -> str | None:
        """Return the bare title of a definite title word (الوزير -> وزير), else None."""
        return key[2:] if key.startswith("ال") and len(key) > 4 else None

    def is_name_like(self, word: str) -> bool:
        key = arabic_key(word)
        return (
            len(key) >= 2
            and key not in self.stop_words
            and key not in common_words()
            and not key.isdigit()
            and not self.never_in_name(word)
        )


ARABIC_RULES = ArabicRules(
    code="ar",
    direction="rtl",
    reporting_verbs=_words(
        "قال قالت قالوا يقول تقول يقولون أضاف أضافت يضيف تضيف تابع تابعت أكد أكدت أكدوا يؤكد "
        "تؤكد أشار أشارت يشير تشير ذكر ذكرت ذكروا يذكر تذكر أعلن أعلنت يعلن تعلن أوضح أوضحت "
        "يوضح صرح صرحت يصرح أفاد أفادت يفيد زعم زعمت يزعم تزعم ادعى ادعت يدعي تدعي نفى نفت "
        "ينفي تنفي اتهم اتهمت يتهم تتهم كشف كشفت يكشف نقل نقلت أردف اعترف اعترفت شدد شددت "
        "لفت لفتت أبلغ أبلغت أخبر حذر حذرت يحذر دعا دعت طالب طالبت تعهد تعهدت وعد هدد هددت "
        "أقر أقرت رأى رأت يرى ترى اعتبر اعتبرت يعتبر توقع توقعت يتوقع تتوقع أعرب أعربت "
        "يعتقد تعتقد يعتقدون أشاروا رجح رجحت يرجح أظهر أظهرت أورد أوردت تنفيه ينفيه نفوا ينفون "
        "وصف وصفت يصف تصف كتب كتبت رحب رحبت يرحب أعلنوا أفادوا غرد غردت"
    ),
    belief_verbs=_words("يعتقد تعتقد يعتقدون رأى رأت يرى ترى اعتبر اعتبرت يعتبر رجح رجحت يرجح"),
    denial_verbs=_words("نفى نفت ينفي تنفي نفوا ينفون تنفيه ينفيه نفي"),
    accusation_verbs=_words("اتهم اتهمت يتهم تتهم زعم زعمت يزعم تزعم ادعى ادعت يدعي تدعي"),
    complementizers=_words(
        "إن أن إنه أنه إنها أنها إنهما أنهما إنهم أنهم إنني أنني إننا أننا بأن بأنه بأنها "
        "بأنهما بأنهم إلى"
    ),
    trailing_attributions=(
        "وفقا ل",
        "وفقا لما",
        "وفق",
        "بحسب",
        "حسب",
        "حسبما",
        "نقلا عن",
        "على حد قول",
        "طبقا ل",
        "استنادا إلى",
        "كما قال",
        "كما ذكر",
        "كما ذكرت",
    ),
    participle_attributions=_words(
        "قائلا قائلة قائلين مضيفا مضيفة مشيرا مشيرة مؤكدا مؤكدة موضحا موضحة معتبرا معتبرة "
        "متهما متهمة مشددا مشددة محذرا محذرة معربا معربة لافتا لافتة داعيا داعية"
    ),
    carry_verbs=_words("أضاف أضافت تابع تابعت أردف يضيف تضيف ويقول يقول تقول"),
    anonymous_heads=_words(
        "مصدر مصادر مسؤول مسؤولون مسؤولين مسؤولة دبلوماسي دبلوماسيون شاهد شهود مطلعون مراقبون"
    ),
    anonymous_phrases=(
        "طلب عدم الكشف عن اسمه",
        "طلبت عدم الكشف عن اسمها",
        "طلب عدم ذكر اسمه",
        "فضل عدم الكشف عن هويته",
        "رفض الكشف عن هويته",
        "طلبوا عدم الكشف عن هوياتهم",
        "مصدر مطلع",
        "مصادر مطلعة",
    ),
    title_heads=_words(
        "الرئيس رئيس الرئيسة رئيسة وزير الوزير وزيرة الوزيرة زعيم الزعيم زعيمة مستشار المستشار "
        "مستشارة المتحدث متحدث المتحدثة الناطق ناطق الناطقة الأمين أمين مدير المدير مديرة "
        "قائد القائد الملك ملك الملكة الأمير أمير ولي نائب النائب نائبة سفير السفير سفيرة "
        "مبعوث المبعوث المبعوثة العاهل المرشد الجنرال اللواء العقيد الشيخ البروفيسور المدرب "
        "البرلماني المرشح المرشحة الأمير الأميرة "
        "مدرب السيناتور المفوض المفوضة حاكم محافظ عمدة القاضي المدعي رئيسا"
    ),
    org_heads=_words(
        "وزارة الوزارة وكالة الوكالة جامعة الجامعة منظمة المنظمة مجلس المجلس حلف الحلف هيئة "
        "الهيئة شركة الشركة بنك البنك مصرف المصرف صندوق الصندوق اتحاد الاتحاد حزب الحزب جمعية "
        "الجمعية محكمة المحكمة مؤسسة المؤسسة معهد المعهد مركز المركز لجنة اللجنة جبهة الجبهة "
        "حركة الحركة نادي النادي منتخب المنتخب صحيفة الصحيفة قناة القناة إذاعة الإذاعة "
        "تحالف التحالف ائتلاف الائتلاف بورصة البورصة برلمان البرلمان الجهاز جهاز قوات القوات"
    ),
    stop_words=_words(
        "في من إلى الى على عن مع بين حتى منذ عند لدى خلال بعد قبل أمام تحت فوق ضد نحو "
        "و أو ثم بل لكن لكنه لكنها إذ إذا لو كما مثل هذا هذه ذلك تلك هو هي هم هما هن أنا نحن "
        "الذي التي الذين اللذين اللتين اللذان اللتان ما لا لم لن قد كان كانت يكون تكون "
        "إن أن إنه أنه إنها أنها ليس ليست أي كل بعض غير أيضا أيضاً فقط عام العام يوم اليوم "
        "أمس غدا الآن وقد فقد وكان وكانت وهو وهي وهذا حيث بينما عندما وعندما بشأن حول ضمن "
        "عبر وفق وفقا بسبب نتيجة لدى جدا قال قالت وقال وقالت ذلك إلا سوى أكثر أقل"
    ),
    time_words=_words(
        "يوم اليوم أمس غدا الأسبوع أسبوع الشهر شهر العام عام السنة سنة الماضي الماضية "
        "المقبل المقبلة الجاري الجارية صباح مساء ليلة الاثنين الثلاثاء الأربعاء الخميس "
        "الجمعة السبت الأحد"
    ),
    opinion_words=_words(
        "يعتقد تعتقد أعتقد نعتقد ربما قد يمكن يمكنه يمكنها ينبغي يجب أرى نرى رأي ذكية ذكي "
        "مفيد مفيدة أفضل أسوأ ببساطة للغاية الضمنية محتمل المحتمل أمل نأمل آمل يبدو "
        "أنا نحن أتمنى نتمنى اتمنى ياليت يا والله اللهم نصيحة أرجو رجاء تخيل"
    ),
    prediction_words=_words(
        "سيكون ستكون سوف يتوقع تتوقع المتوقع متوقع ستمهد سيناقشان سيجتمع قريبا قريباً المرجح مرجح"
    ),
    factual_verbs=_words(
        "زار يزور التقى اجتمع أصدرت أصدر قتل قتلت أعلن أعلنت وقع وقعت فاز فازت صدر أجرى "
        "أجرت سافر وصل وصلت أطلق أطلقت اعتقل اعتقلت بلغ بلغت ارتفع ارتفعت انخفض انخفضت "
        "سجل سجلت هزم هزمت انتخب انتخبت عين عينت استقال زيادة أقيم أقيمت يقام تقام عقد عقدت "
        "انعقد انعقدت جرت جرى أجريت استضاف استضافت احتضن احتضنت"
    ),
    event_triggers={
        **dict.fromkeys(_words("زيارة زار يزور تزور رحلة يزوران زيارته زيارتها"), "visit"),
        **dict.fromkeys(
            _words(
                "اجتماع اجتمع يجتمع سيجتمع لقاء التقى يلتقي لقائه محادثات مشاورات قمة "
                "القمة ناقش ناقشا مباحثات"
            ),
            "meeting",
        ),
        **dict.fromkeys(_words("قال قالت أعلن أعلنت صرح صرحت بيان أكد أكدت"), "statement"),
        **dict.fromkeys(_words("تتهم يتهم اتهم اتهمت زعمت زعم اتهامات"), "accusation"),
        **dict.fromkeys(_words("تنفي ينفي نفى نفت تنفيه"), "denial"),
        **dict.fromkeys(_words("اتفاق اتفاقية صفقة وقع وقعت معاهدة"), "agreement"),
        **dict.fromkeys(_words("مذكرة اعتقال"), "warrant"),
        **dict.fromkeys(_words("انتخابات الانتخابات انتخب فاز اقتراع"), "election"),
        **dict.fromkeys(_words("هجوم قصف غارة غارات انفجار اشتباكات"), "attack"),
        **dict.fromkeys(_words("تقرير التقرير"), "report"),
        **dict.fromkeys(_words("مباراة المباراة بطولة البطولة نهائي"), "match"),
        **dict.fromkeys(_words("عقوبات العقوبات"), "sanction"),
    },
    number_words={
        arabic_key(w): float(n)
        for n, forms in {
            1: "واحد واحدة أحد",
            2: "اثنان اثنين اثنتين اثنتان",
            3: "ثلاثة ثلاث",
            4: "أربعة أربع",
            5: "خمسة خمس",
            6: "ستة ست",
            7: "سبعة سبع",
            8: "ثمانية ثماني ثمان",
            9: "تسعة تسع",
            10: "عشرة عشر",
            11: "أحد عشر",
            12: "اثنا عشر",
            20: "عشرون عشرين",
            30: "ثلاثون ثلاثين",
            40: "أربعون أربعين",
            50: "خمسون خمسين",
            100: "مئة مائة",
            1000: "ألف",
        }.items()
        for w in forms.split()
    },
    quote_pairs=(("“", "”"), ("«", "»"), ('"', '"'), ("„", "“")),
    person_cues=_words(
        "نظير نظيره نظيرته نظيرها نظيرهم الخبير الخبيرة المحلل المحللة الباحث الباحثة "
        "الأستاذ الأستاذة المعلق الكاتب الكاتبة الصحفي الصحفية المراسل المراسلة"
    ),
    title_prepositions=_words("في لدى"),
    name_particles=_words("بن بنت ابن آل أبو أبي أم"),
    visit_verbs=_words("زار زارت يزور تزور"),
    conjunction_clitics=("و", "ف"),
    preposition_clitics=("ل", "ب", "ك"),
    locative_clitics=("ب",),
    article="ال",
    pronoun_suffixes=("ه", "ها", "هم", "هما"),
    place_prepositions=_words("في إلى داخل على"),
    title_modifiers=_words(
        "العام العامة السابق السابقة الأسبق الأعلى التنفيذي التنفيذية العهد الوزراء باسم "
        "الأول الثاني المساعد المساعدة الدائم الدائمة"
    ),
    ordinals=_words(
        "الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة الأخير "
        "الأخيرة الجديد الجديدة السادس السادسة السابع السابعة الثامن الثامنة التاسع التاسعة "
        "العاشر العاشرة"
    ),
    prepositions=_words(
        "في من إلى الى على عن مع بين حتى منذ عند لدى خلال بعد قبل أمام تحت فوق ضد نحو عبر "
        "بشأن حول ضمن وفق وفقا بحسب حسب"
    ),
    place_heads={
        **dict.fromkeys(_words("منطقة إقليم بحر نهر جبل جبال صحراء خليج جزيرة شبه"), "LOC"),
        **dict.fromkeys(_words("مدينة محافظة ولاية بلدة قرية مقاطعة"), "GPE"),
    },
    relative_pronouns=_words("الذي التي الذين اللذين اللتين"),
    clause_openers=_words(
        "وهو وهي وهم وكانت وكان والذي والتي إذ لكن لكنه لكنها بينما حيث وأضاف فيما وذلك فقد وقد فإن"
    ),
)


def _find_times(text: str, published: date | None) -> list[TimeRef]:
    # The month and weekday tables are imported on first use: English never loads them.
    from briefing.languages.ar.time import find_times

    return find_times(text, published)


def _arabic_letter(c: str) -> bool:
    return "\u0600" <= c <= "\u06ff"


ARABIC = Language(
    rules=ARABIC_RULES,
    quote_marks=("«", "»"),
    time_grammar=_find_times,
    script_letter=_arabic_letter,
    # The verb first, its speaker after it: قال وزير الخارجية إن …
    attribution=(
        sources.relative_speaker,
        verb_first.speaker_after_verb,
        verb_first.verb_after_quote,
        sources.said_after_a_quote,
        sources.trailing_source,
        sources.participle_speaker,
    ),
    speaker_names=(cues.speaker_name,),
    titles=(titles.titles_before_names,),
)
