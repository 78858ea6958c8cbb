"""Russian: news agencies, newspapers and ministry texts in Russian.

Statements are introduced by reporting verbs in any gender and aspect ("заявил", "отметила", "подчеркнули"), often
after the quotation ("«...», — сказал Лавров"), by "по словам X", "как заявил X", by impersonal plurals with the
institution ("в МИД заявили"), and by labelled turns in transcripts ("С.В.Лавров:"). Names are inflected, so
aliases match any case ending (`names.py`).
"""

from __future__ import annotations

import re

from db.ingest.languages import lexicon
from db.ingest.languages.pack import LanguagePack
from db.ingest.languages.ru import cues, dates, speakers
from db.ingest.languages.ru.morphology import agrees_as_subject, is_form, knows_word, takes_noun_subject
from db.ingest.languages.ru.names import oblique_object, russian_word_pattern

PACK = LanguagePack(
    code="ru",
    name="Русский",
    script=re.compile(r"[А-Яа-яЁё]"),
    dayfirst=True,
    find_cues=cues.find_cues,
    author_frame=re.compile(r"^(?:Следует отметить|Стоит отметить|Известно|Как известно|Очевидно|Мы |Я )"),
    schedule_after_intention=re.compile(
        r"^\s*(?:посетить|провести переговоры|встретиться|принять участие)", re.IGNORECASE
    ),
    declined_comment=re.compile(  # "ответила на вопрос СМИ о …." without what she answered
        r"\s*(?:комментировать|комментариев)|\s+на\s+вопрос\w*(?![^.]*(?:,\s*что|:))", re.IGNORECASE
    ),
    speaker_inside_cue=re.compile(r"(?i:по )"),  # "по его словам", "по словам Лаврова"
    relative_clause=re.compile(r",\s*(?:где|куда|откуда)(?![\w-])[^,]*$", re.IGNORECASE),
    clause_break=re.compile(r"(?<![\w-])(?:что|чтобы|потому|хотя|но|однако)(?![\w-])|[;:]", re.IGNORECASE),
    object_before=re.compile(
        r"(?:\b(?:с|со|к|ко|о|об|от|для|по|при|у|в|во|на|между|против|за)\s+|"
        r"(?:интервью|беседе|статье|эфире|колонке)\s+(?:[а-яё]+\s+)?«?)$",
        re.IGNORECASE,
    ),
    phrase_preposition=re.compile(r"^\s*(?:в|во|на|с|со|при|после|до|для|о|об|по|между|у)(?![\w-])", re.IGNORECASE),
    spokesman_of=re.compile(
        r"(?:представител[а-я]*|официальн[а-я]+ представител[а-я]*|источник[а-я]* в|глав[а-я]|"
        r"пресс-секретар[а-я]*)\s+$",
        re.IGNORECASE,
    ),
    partner_after=re.compile(r"^\s+(?:с|со)\s+(?:[а-яё]+\s+){0,2}$"),
    coordination=re.compile(  # "Лавров и его японский коллега Мотэги"
        r"^\s*,?\s*и(?:\s+(?:его|ее|её|их)\s+(?:[а-яё-]+\s+){0,2}(?:коллега|партнер|партнёр))?\s*$"
    ),
    complementizer=re.compile(r"(?<![\w-])что(?![\w-])", re.IGNORECASE),
    can_be_subject=agrees_as_subject,
    knows_word=knows_word,
    takes_noun_subject=takes_noun_subject,
    inverted_subject_far=True,
    possessive_pronouns=re.compile(r"^(?:его|её|ее|их|ему|ей|им)$", re.IGNORECASE),
    oblique_object=oblique_object,
    impersonal_plural=re.compile(r"(?:ли|ют|ят)$"),  # "заявили в Кремле", "в МИД сообщают"
    institution_before=re.compile(r"(?:^|\s)(?:[Вв]|[Вв]о)\s+$"),
    own_voice=re.compile(r"(?<![\w-])(?i:я|мы|нас|нам|нами|наш[а-я]*|мне|меня|мой|моя|мои)(?![\w-])"),
    continuation_cue=lambda cue: is_form(cue.split()[0], "GRND") if cue.split() else False,  # добавив, призвав
    back_reference=re.compile(
        r"(?:об этом|о том же|об этом же|с таким заявлением|такое заявление|такое мнение|такую оценку|эту позицию"
        r"|это)\s"
        r"(?:[а-яёa-z]+\s+){0,6}?(?:заявил|сообщил|сказал|рассказал|написал|выступил|сделал|говорится|высказал|дал|"
        r"отметил|подчеркнул|пояснил|указал)",
        re.IGNORECASE,
    ),
    coordinators=re.compile(r",\s+а также\s+"),
    answer_label=re.compile(r"(?i:ответ)"),
    label_honorifics=re.compile(r"^(?:(?:[^\W\d]|Г-н|Г-жа)\.\s*)+"),
    turn_announcement=re.compile(
        r"(?i)(?:следующее|заявил[аи]?|сказал[аи]?|говорится|приводим|текст|заявление)[^.]{0,40}:\s*$"
    ),
    schedule=re.compile(
        r"(?i)(?:посетит|примет участие|планирует посетить|запланирован\w* (?:визит|встреч)"
        r"|(?:пройд[её]т|пройдут|состоит?ся|состоятся)\s+(?:[а-яё-]+\s+){0,5}?(?:переговоры|встреча|саммит|консультации|визит))"
    ),
    no_comment=re.compile(r"(?i)(?:отказал(?:ся|ась|ись) (?:от )?комментар|воздерж\w+ от комментари|без комментари)"),
    document_report=re.compile(
        r"^(?:В|Согласно) (?:совместном |совместному )?(?:заявлени|декларац|коммюнике|документ)"
        r"|^В нё?м (?:говорится|отмечается)"
    ),
    procedural=re.compile(r"(?i)(?:спасибо|добрый день|следующий вопрос|у меня (?:есть )?вопрос|вступительн)"),
    side_words=(
        ("росси", "russia"),
        ("рф", "russia"),
        ("москв", "russia"),
        ("кремл", "russia"),
        ("япони", "japan"),
        ("японск", "japan"),
        ("токи", "japan"),
    ),  # fmt: skip
    alias_pattern=russian_word_pattern,
    role_patterns=speakers.ROLE_PATTERNS,
    collective_patterns=speakers.COLLECTIVE_PATTERNS,
    generic_patterns=speakers.GENERIC_PATTERNS,
    pronoun_patterns=speakers.PRONOUN_PATTERNS,
    unknown_official_patterns=speakers.UNKNOWN_OFFICIAL_PATTERNS,
    unknown_expert_patterns=speakers.UNKNOWN_EXPERT_PATTERNS,
    links=re.compile(
        r"(?:шаг(?:ом)? к|на пути к|ключ к|услови[ея] для|с целью|в целях|привести к|путь к)"
        r"|,\s+(?:хотя|тогда как|в то время как)\s"  # "…, хотя стороны расходятся в …": background
    ),
    anaphors=re.compile(
        r"(?<![\w-])(?:эт(?:от|а|о|и|ого|ой|им|их|ом|ими|у)|его|ее|её|их|так(?:ой|ая|ие|их|им))(?![\w-])"
    ),
    date_rules=dates.DATE_RULES,
    event_words=re.compile(
        r"переговор\w*|встреч\w*|саммит\w*|визит\w*|консультаци\w*|диалог\w*|конференци\w*|заседани\w*|сесси\w*|"
        r"форум\w*|интервью|брифинг\w*|2 ?\+ ?2|комисси\w*",
        re.IGNORECASE,
    ),
    event_classes=(
        ("summit", re.compile(r"саммит|визит", re.IGNORECASE)),
        ("conference", re.compile(r"конференци|брифинг", re.IGNORECASE)),
        ("forum", re.compile(r"форум", re.IGNORECASE)),
        ("commission", re.compile(r"комисси|сесси|заседани", re.IGNORECASE)),
        ("interview", re.compile(r"интервью", re.IGNORECASE)),
    ),
    distinctive_events=re.compile(r"2 ?\+ ?2|саммит|форум|комисси|интервью|конференци", re.IGNORECASE),
    anchored_days=re.compile(r"(?<![\w-])(?i:на следующий день|в тот же день|накануне|днем позже|днём позже)(?![\w-])"),
    anchor_shifts=(("следующий", 1), ("позже", 1), ("накануне", -1)),
    future=re.compile(r"будет|будут|состоится|запланирован|предстоящ", re.IGNORECASE),
    deadline_before=re.compile(r"(?<![\w-])(?:до|к|с|после|начиная с)\s+$", re.IGNORECASE),
    infinitive_after=re.compile(r"\s*(?:провести|встретиться|посетить)"),
    publication_words=re.compile(r"опубликова|статья", re.IGNORECASE),
    abbreviations=frozenset(lexicon.words("ru", "sentences.json", "abbreviations")),
    function_words=frozenset("в во с со на к до по от о об за после перед".split()),  # noqa: SIM905
)
