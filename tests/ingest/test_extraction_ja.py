"""Japanese statements as newspapers, broadcasters and ministry transcripts write them (sentences of our own)."""

from __future__ import annotations

import pytest

from db.ingest.document import Candidate, Document
from db.ingest.extract import extract_candidates
from db.ingest.gazetteer import Gazetteer
from db.ingest.languages.ja.cues import find_cues
from db.ingest.normalise import normalise_text
from db.partial_date import PartialDate

PUBLISHED = PartialDate(2021, 6, 10)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def extracted(gazetteer: Gazetteer, text: str) -> list[Candidate]:
    document = Document("t.txt", "0" * 64, "text", "utf-8", "ja", normalise_text(text), published=PUBLISHED)
    return [c for c in extract_candidates(document, gazetteer) if c.accepted]


def cue_names(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], c.name) for a, b, c in find_cues(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("外相は「交渉を続ける」と述べた。", ("と述べた", "speech")),
        ("外相は交渉を続けると話しています。", ("と話しています", "speech")),
        ("外相は「対話が必要だ」などと呼びかけた。", ("と呼びかけた", "speech")),
        ("官邸幹部は「揺さぶりだろう」との見方を示した。", ("との見方を示した", "speech")),
        ("大使に対し、撤収すべき旨を伝えた。", ("旨を伝えた", "speech")),
        ("防衛相は演習に懸念を示した。", ("懸念を示した", "speech")),
        ("首相はロシア側に自制を求めた。", ("求めた", "speech")),
        ("防衛相は、自制を求めてきたことを強調。", ("強調", "speech")),
        ("抗議は外交ルートを通じて行ったという。", ("という", "speech")),
        ("水産庁は交渉は調整中だとしている。", ("としている", "stance")),
        ("政府は引き続き注視していく方針だ。", ("方針だ", "intention")),
        ("両政府は協議を再開することで合意した。", ("で合意した", "agreement")),
    ],
)
def test_a_statement_is_read_from_grammar_in_any_form(text: str, cue: tuple[str, str]) -> None:
    assert cue in cue_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "平和条約を締結するという基本方針を確認した会合だった。",  # という + noun: "that", not hearsay
        "ロシアと会談した。",  # と after a noun is "with"
        "演習は最大規模とされる。",  # a passive has no speaker
        "制裁を続けないといけない。",  # the conditional と
    ],
)
def test_what_only_looks_like_a_report_is_no_cue(text: str) -> None:
    assert not [c for c in cue_names(text) if c[1] == "speech" and c[0].startswith(("と", "という"))]


def test_a_subject_left_out_is_the_last_speaker(gazetteer: Gazetteer) -> None:
    text = "小野寺防衛相は、演習について「関心を持って情報収集していく」と述べた。また、択捉島の演習に懸念を示した。"
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Itsunori Onodera", "Itsunori Onodera"]


def test_the_subject_of_a_clause_that_ended_does_not_speak(gazetteer: Gazetteer) -> None:
    text = (
        "プーチン大統領は「平和条約を締結しよう」と述べた。"
        "ただ、日本側が求めている領土問題の解決には触れず、「友人として議論を続ける」と述べるにとどまった。"
    )
    assert {c.speaker for c in extracted(gazetteer, text)} == {"Vladimir Putin"}


def test_an_unnamed_source_is_not_the_last_speaker(gazetteer: Gazetteer) -> None:
    text = "水産庁はロシアとの交渉を始めると発表した。事情に詳しい関係者の1人は、「交渉は難しい」としている。"
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Japanese Fisheries Agency"]


def test_an_agreement_is_one_line_for_each_party(gazetteer: Gazetteer) -> None:
    text = "岸田外相は21日、ラブロフ外相とモスクワで会談し、北方領土問題をめぐる協議を再開することで合意した。"
    assert {c.speaker for c in extracted(gazetteer, text)} == {"Fumio Kishida", "Sergey Lavrov"}


def test_a_report_inside_a_clause_is_its_own_subject_s(gazetteer: Gazetteer) -> None:
    text = "林官房長官は、プーチン大統領が日本との接触は最小限になると述べたことに関し、「受け入れない」と批判した。"
    found = {c.speaker: c.quote for c in extracted(gazetteer, text)}
    assert found["Vladimir Putin"] == "プーチン大統領が日本との接触は最小限になると述べた"
    assert found["Yoshimasa Hayashi"] == text


def test_a_quotation_after_a_name_and_a_quotation_ending_the_sentence(gazetteer: Gazetteer) -> None:
    text = (
        "菅官房長官「平和条約を締結するという基本方針のもと、交渉していきたい」\n\n"
        "林外相は「制裁は続ける。対話は重要だ。」とこたえた。"
    )
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Yoshihide Suga", "Yoshimasa Hayashi"]


def test_a_ministry_press_conference_sentence_by_sentence(gazetteer: Gazetteer) -> None:
    text = (
        "外務大臣会見記録\n\n"
        "【林外務大臣】本日、ロシアの侵攻を受け、大使を召致しました。\n"
        "私から大使に対し、\n"
        "ウクライナの主権の侵害であり、国際法違反であること\n"
        "ロシア側は直ちにウクライナから撤収すべきこと\n"
        "を伝えました。\n"
        "私からは以上でございます。\n\n"
        "米国の選挙\n\n"
        "【記者】米国の選挙についてお伺いします。\n\n"
        "【林外務大臣】開票作業が継続していると承知しています。"
    )
    quotes = [c.quote for c in extracted(gazetteer, text)]
    assert quotes == [
        "本日、ロシアの侵攻を受け、大使を召致しました。",
        "ウクライナの主権の侵害であり、国際法違反であること",
        "ロシア側は直ちにウクライナから撤収すべきこと",
    ]


def test_a_summary_of_remarks_is_the_speaker_s_words(gazetteer: Gazetteer) -> None:
    text = (
        "【9月12日 通信社】プーチン大統領の発言要旨は次の通り。\n\n"
        "われわれは平和条約を締結したい。平和条約を締結しよう。今すぐでなくとも、年末までに前提条件なしで。"
    )
    found = [(c.speaker, c.quote) for c in extracted(gazetteer, text)]
    assert found == [
        ("Vladimir Putin", "われわれは平和条約を締結したい。"),
        ("Vladimir Putin", "平和条約を締結しよう。今すぐでなくとも、年末までに前提条件なしで。"),
    ]


def test_an_unnamed_official_of_a_ministry_speaks_for_the_government(gazetteer: Gazetteer) -> None:
    text = "外務省幹部は「プーチン大統領のそんな発言はなかった」と語っている。日本時間の昨夜、声明が出た。"
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Japanese government"]


def test_a_turn_sentence_naming_the_other_side_is_on_the_relationship(gazetteer: Gazetteer) -> None:
    text = (
        "【9月12日 通信社】プーチン大統領の発言要旨は次の通り。\n\n"
        "日本は大切な隣国であり、関係を発展させたい。今日は天気がとても良くて気持ちがいい日だ。"
    )
    found = extract_candidates(
        Document("t.txt", "0" * 64, "text", "utf-8", "ja", normalise_text(text), published=PUBLISHED), gazetteer
    )
    ticked = {c.quote: c.accepted for c in found}
    assert ticked == {
        "日本は大切な隣国であり、関係を発展させたい。": True,
        "今日は天気がとても良くて気持ちがいい日だ。": False,  # neither an issue nor the other side: unticked
    }


def test_a_spokesman_reading_out_a_statement_relays_his_government(gazetteer: Gazetteer) -> None:
    text = (
        "【北村外務報道官】昨夜、北朝鮮の派兵に重大な懸念を表明する旨の外相声明を発出したところです。"
        "声明においては、露朝の軍事協力の拡大を最も強い言葉で非難するとしています。"
        "また、ウクライナの平和の実現に向け、国際社会と連携していくとしています。"
        "我が国としては、北朝鮮の動向を引き続き注視していく考えです。"
    )
    found = [(c.speaker, c.kind, c.issue, c.said_on) for c in extracted(gazetteer, text)]
    last_night = PartialDate(2021, 6, 9)
    assert found == [
        ("Japanese government", "reported", "north_korea", last_night),
        ("Japanese government", "reported", "north_korea", last_night),  # 露朝 military ties: North Korea's
        ("Japanese government", "reported", "sanctions", last_night),
        ("Toshihiro Kitamura", "direct_quote", "north_korea", PUBLISHED),
    ]


def test_an_agreement_inside_a_quotation_is_its_own_sentence_on_its_own_issue(gazetteer: Gazetteer) -> None:
    text = (
        "岸田外務大臣は「北方四島への訪問は我が国の立場と相容れません。"
        "一方で両国首脳間では年内の訪日を実現することで一致をしております。」と答えた。"
    )
    agreement = sorted(
        (c.speaker, c.quote.rstrip("。"), c.issue) for c in extracted(gazetteer, text) if c.speaker != "Fumio Kishida"
    )
    assert agreement == [  # the two leaders in June 2021
        ("Vladimir Putin", "一方で両国首脳間では年内の訪日を実現することで一致をしております", "other"),
        ("Yoshihide Suga", "一方で両国首脳間では年内の訪日を実現することで一致をしております", "other"),
    ]


def test_two_coordinated_aims_make_two_lines_of_one_quote(gazetteer: Gazetteer) -> None:
    text = "外務報道官は、安保理決議の完全な履行や、ウクライナの平和の実現に向け、連携していく考えを示した。"
    assert sorted(c.issue for c in extracted(gazetteer, text)) == ["north_korea", "sanctions"]


def test_what_a_statement_rests_on_is_not_its_topic(gazetteer: Gazetteer) -> None:
    text = "プーチン大統領は、平和条約に基づいて、係争中の問題の解決を探っていくと述べた。"
    assert [c.issue for c in extracted(gazetteer, text)] == ["territorial_dispute"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("大統領は、両国は応酬をやめるべきだ、と指摘した。", ("と指摘した", "speech")),  # a comma before と
        ("外相も「立場と相容れない」と同様に遺憾の意をあらわした。", ("意をあらわした", "speech")),  # kana spelling
        ("首相は協議を開始することで合意したことを明らかにした。", ("で合意したことを明らかにした", "agreement")),
    ],
)
def test_more_forms_of_reporting(text: str, cue: tuple[str, str]) -> None:
    assert cue in cue_names(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("大臣は「侵略は受け入れられない」と批判。", ("と批判", "speech")),  # a newspaper ends the sentence on the noun
        ("報道官は「署名を遅らせた」などと一方的に非難しました。", ("と一方的に非難しました", "speech")),
    ],
)
def test_newspaper_forms_of_reporting(text: str, cue: tuple[str, str]) -> None:
    assert cue in cue_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "ロシアが入国禁止を発表したのは4回目。",  # a nominalised clause: a fact about the announcement
        "報道官は声明を発表し、",  # issuing a statement introduces what it says
    ],
)
def test_what_reports_no_position(text: str) -> None:
    assert cue_names(text) == []


def test_a_country_s_ministry_is_that_country_s(gazetteer: Gazetteer) -> None:
    text = "ロシアの外務省は7日、安全操業の協定の履行を停止すると発表しました。"
    assert [(c.speaker, c.side) for c in extracted(gazetteer, text)] == [("Russian Foreign Ministry", "russia")]


def test_each_clause_has_its_own_topic_after_a_conjunctive_ga(gazetteer: Gazetteer) -> None:
    text = "ロシア側は「日本の制裁への対抗措置」としているが、岩屋氏は「全てロシアの侵略に起因している」と反発した。"
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Russian side", "Takeshi Iwaya"]


def test_the_partner_of_a_meeting_agreed_too(gazetteer: Gazetteer) -> None:
    text = "安倍首相は16日、プーチン大統領との首脳会談で共同経済活動の交渉を開始することで合意したことを明らかにした。"
    assert sorted(c.speaker for c in extracted(gazetteer, text)) == ["Shinzo Abe", "Vladimir Putin"]


def test_both_leaders_instructing_their_ministries_are_two_lines(gazetteer: Gazetteer) -> None:
    text = "両首脳は共同経済活動の協議を開始するよう関係省庁に指示する。"
    assert len(extracted(gazetteer, text)) == 2


def test_a_turn_says_when_the_transcript_was_said_whatever_dates_it_holds(gazetteer: Gazetteer) -> None:
    text = "外務大臣会見記録\n\n【岸田外務大臣】11月中に日露貿易経済政府間委員会を開催することを考えています。"
    assert [c.said_on for c in extracted(gazetteer, text)] == [PUBLISHED]


def test_answers_of_a_press_conference_summary_are_the_minister_s_its_title_names(gazetteer: Gazetteer) -> None:
    text = (
        "茂木外務大臣記者会見要旨\n\n"
        "(問)北方領土問題についてお伺いします。\n"
        "(答)今回のロシア側の北方領土に関する発表は極めて一方的であり、受け入れられるものではありません。"
    )
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Toshimitsu Motegi"]


def test_a_meeting_summary_says_who_spoke_with_kara(gazetteer: Gazetteer) -> None:
    text = (
        "茂木大臣からは、平和条約交渉についてしっかりと協議していきたい旨述べました。"
        "両外相は、今後の協議の進め方について議論を行いました。"
        "その上で、平和条約締結問題を含む幅広い分野で関係を発展させていくことで一致しました。"
    )
    found = sorted(c.speaker for c in extracted(gazetteer, text))
    assert found == ["Sergey Lavrov", "Toshimitsu Motegi", "Toshimitsu Motegi"]  # his wish, then both agree


def test_a_reporter_as_topic_is_not_the_minister_named_before(gazetteer: Gazetteer) -> None:
    text = "岸田外務大臣は記者会見で質問にこたえた。時事通信の記者は「北方領土訪問の影響は」と質問した。"
    assert extracted(gazetteer, text) == []


def test_an_ambassador_with_his_age_and_a_position_shown_at_the_end(gazetteer: Gazetteer) -> None:
    text = (
        "ロシアの駐日大使ノズドレフ氏(52)が書面インタビューに答えた。"
        "「日本政府が反ロシア路線をやめない限り、平和条約の対話に復帰することはあり得ない」と厳しい姿勢を強調。"
    )
    found = [(c.speaker, c.said_on) for c in extracted(gazetteer, text)]
    assert found == [("Nikolay Nozdrev", PUBLISHED)]


def test_a_date_that_qualifies_a_noun_does_not_date_the_saying(gazetteer: Gazetteer) -> None:
    text = "ノズドレフ大使は、1986年の政府間協定に基づく北方墓参の枠組みを維持していると明言した。"
    assert [c.said_on for c in extracted(gazetteer, text)] == [PUBLISHED]


def test_a_subject_with_a_title_beside_it_speaks_the_quotation_after_it(gazetteer: Gazetteer) -> None:
    text = "民主党の前原誠司・前代表が「4島を分けても、4島とも日本の領土に入るという認識が必要だ」と指摘した。"
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Seiji Maehara"]


def test_how_a_speaker_sees_a_third_party_inside_a_quotation_is_the_speaker_s(gazetteer: Gazetteer) -> None:
    text = "ロシア外務省は声明で「日本政府は反ロシアのリーダーになろうとしている」と非難した。"
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Russian Foreign Ministry"]


def test_points_conveyed_by_an_official_named_with_his_title(gazetteer: Gazetteer) -> None:
    text = (
        "10月4日、山田太郎外務事務次官は、ガルージン駐日ロシア大使を召致の上、同大使に対して、以下を伝達しました。\n"
        "(1)ロシア側による総領事館員の拘束は、ウィーン条約の明白な違反であり、決して受け入れられない。\n"
        "(2)ロシア側に対し、北方領土周辺での措置を然るべく撤回するよう強く求める。"
    )
    found = [(c.speaker, c.side) for c in extracted(gazetteer, text)]
    assert found == [("山田太郎", "japan"), ("山田太郎", "japan")]


def test_issuing_a_statement_right_before_its_words_introduces_them(gazetteer: Gazetteer) -> None:
    text = "ロシア外務省は27日声明を発表し「日本の制裁は不法行為であり許すわけにはいかない」と反発した。"
    assert [c.quote[-6:] for c in extracted(gazetteer, text)] == ["と反発した。"]
