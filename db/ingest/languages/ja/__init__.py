"""Japanese: newspapers, broadcasters and ministry press conferences in Japanese.

A statement is a clause closed by a quotative particle and a verb of saying or thinking (「…」と述べた,
…との考えを示した, …旨述べた), a speech act on an object (…を求めた), or a labelled turn of a transcript
(【林外務大臣】). The speaker is the topic of the sentence (…は), often left out when it is the same as before.
Names carry their titles (河野外相, ラブロフ氏).
"""

from __future__ import annotations

import re

from db.ingest.languages import lexicon
from db.ingest.languages.ja import cues, dates, morphology, speakers
from db.ingest.languages.pack import LanguagePack

PACK = LanguagePack(
    code="ja",
    name="日本語",
    script=re.compile(r"[\u3040-\u30ff\u3400-\u9fff]"),
    script_weight=3,
    words_spaced=False,
    find_cues=cues.find_cues,
    author_frame=re.compile(r"^(?:周知のとおり|明らかに|私は|我々は)"),
    schedule_before_intention=re.compile(r"(?:訪問|出席|参加|会談|訪れ|訪日|訪露|来日)(?:する|した)?(?:の)?$"),
    subject_by_topic=True,
    zero_subject=True,
    unnamed_source=re.compile(
        r"(?:関係者|幹部|当局者|高官|筋|担当者|専門家|識者|記者|特派員)(?:の[0-9０-９一二三]+人)?(?:は|が)"
    ),
    verb_final=True,
    # 「茂木大臣からは、…旨述べました」「ラヴロフ外相から、…との発言がありました」: a meeting summary's speaker
    topic_marker=re.compile(r"(?:は|も|としては|側は|(?:の?間)?(?:で|において)は|からは|から(?=[、,，]))"),
    subject_marker=re.compile(r"が"),
    source_speaker_before=True,  # 「日本経済新聞によると」: the source ends where the cue begins
    clause_break=re.compile(r"[。；]"),
    object_particle_after=re.compile(r"[のをにへ]"),  # ロシアの外相, 日本に: not the subject
    partner_before=re.compile(r"と(?!の|して|も|は)|との(?:首脳|外相|電話)?(?:会談|協議|会合)"),
    coordination=re.compile(r"^\s*[とや・]\s*$"),
    complementizer=re.compile(r"と|、"),
    clause_closed=morphology.clause_closed,
    fragment=morphology.fragment,
    clause_end=re.compile(r"(?:たが|だが|するが|ものの|けれども|一方|。)、?|(?:るが|ないが|いが)、"),
    own_voice=re.compile(  # the first person, and the polite forms a speaker uses and a report does not
        r"私|我々|わが国|我が国|当方|われわれ|政府として|まいります|おります|ございます|(?:です|ます|でした|ました|ません)(?:。|$)"
    ),
    coordinators=re.compile(r"(?<=[^\W\d_])や、|(?<=、)また、|。また|(?<=うえで)、|(?<=上で)、|とともに、"),
    turn_announcement=re.compile(
        r"(?:発言|発言要旨|要旨|会見|談話|声明|演説|主な発言)(?:の要旨)?(?:は|を)?[、]?(?:次の|以下の)(?:通り|とおり)"
        r"|(?:次の|以下の)(?:通り|とおり)(?:申し入れ|抗議|表明|伝達|述べ|発言)|以下を(?:申し入れ|表明|伝達|述べ)"
    ),
    schedule=re.compile(r"(?:出席|訪問|参加|会談|訪れ|来日|訪日|訪露)(?:する)?(?:予定|方向で調整|日程を調整)"),
    no_comment=re.compile(
        r"(?:コメント|言及|明言|回答)(?:を|は)(?:控え|避け|差し控え)|申し上げる(?:状況|段階)にない|差し控えたい"
    ),
    document_report=re.compile(
        r"^(?:また、)?(?:共同)?(?:声明|談話|宣言|書簡)(?:において|の中で|で)?は|旨の[^。、]{0,8}(?:声明|談話|宣言)を(?:発出|発表|公表|採択)"
    ),
    document_goes_on=re.compile(r"と(?:しています|している|しました|した)。?\s*$"),
    answer_label=re.compile(r"答|回答|答え"),
    procedural=re.compile(
        r"以上(?:です|でございます)|冒頭|[1１一]点ございます|お伺い|お願い(?:します|いたします)|ありがとうございま"
    ),
    side_words=(("ロシア", "russia"), ("露", "russia"), ("日本", "japan"), ("日", "japan")),
    title_suffixes=lexicon.words("ja", "names.json", "title_suffixes"),
    role_patterns=speakers.ROLE_PATTERNS,
    collective_patterns=speakers.COLLECTIVE_PATTERNS,
    generic_patterns=speakers.GENERIC_PATTERNS,
    pronoun_patterns=speakers.PRONOUN_PATTERNS,
    unknown_official_patterns=speakers.UNKNOWN_OFFICIAL_PATTERNS,
    unknown_official_side="japan",  # a name in kanji with a ministry's title; Russian names are in katakana
    anonymous_official=re.compile(r"の?(?:幹部|高官|関係者|筋|当局者)"),
    genitive=re.compile(r"の"),
    compound_continues=re.compile(r"[\u3400-\u9fff\u30a0-\u30ff]"),
    fuzzy_names=False,
    links=re.compile(r"(?:に向けた|に向け|につなげ|への一歩|のための|の前提|に基づ[いき]て?|を踏まえ)"),
    goal_before_link=True,
    word_count=morphology.word_count,
    anaphors=re.compile(r"この|その|これ|それ|同"),
    date_rules=dates.DATE_RULES,
    event_words=re.compile(
        r"首脳会談|外相会談|会談|会合|協議|訪問|会議|記者会見|対話|フォーラム|インタビュー|2プラス2|２プラス２|委員会"
    ),
    event_classes=(
        ("summit", re.compile(r"首脳|訪問")),
        ("conference", re.compile(r"会見")),
        ("forum", re.compile(r"フォーラム")),
        ("commission", re.compile(r"委員会")),
        ("interview", re.compile(r"インタビュー")),
    ),
    distinctive_events=re.compile(r"首脳会談|フォーラム|委員会|記者会見|プラス"),
    attributive_after=re.compile(r"の"),
    anchored_days=re.compile(r"翌日|同日|前日"),
    anchor_shifts=(("翌日", 1), ("前日", -1)),
    present_cue=re.compile(r"(?:ている|ています)$"),
    future=re.compile(r"予定|来月|来年"),
    publication_words=re.compile(r"掲載|報じ"),
)
