"""Attribution: cues and their speakers in English, Russian and Japanese."""

from __future__ import annotations

import pytest

from db.ingest.attribution import find_attributions
from db.ingest.gazetteer import Gazetteer
from db.ingest.references import SpeakerContext
from db.ingest.sentences import split_sentences
from db.ingest.speakers import MentionFinder
from db.ingest.transcripts import transcript_turn
from db.partial_date import PartialDate

WHEN = PartialDate(2017, 11)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def attributed(gazetteer: Gazetteer, text: str, language: str = "en") -> list[tuple[list[str], str, str]]:
    """(speaker names, cue, kind) of every attribution in the text, sentence by sentence with back-references."""
    mentions = MentionFinder(gazetteer, language).find(text, WHEN)
    context = SpeakerContext(gazetteer, language, WHEN)
    result = []
    for sentence in split_sentences(text, language):
        own = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        own = sorted(own + context.pronouns(sentence.text, sentence.start, own), key=lambda m: m.start)
        for a in find_attributions(text, sentence, own, language):
            names = [actor.name for m in a.speakers for actor in m.actors] or [m.text for m in a.speakers]
            result.append((names, a.cue, a.kind))
        context.observe(own)
    return result


def test_reporting_verbs_and_subjects(gazetteer: Gazetteer) -> None:
    text = (
        "In response, Kono stressed that the system does not threaten Russia. "
        "Lavrov, for his part, expressed concern about the deployment."
    )
    assert attributed(gazetteer, text) == [
        (["Taro Kono"], "stressed", "reported"),
        (["Sergey Lavrov"], "expressed concern", "reported"),
    ]


def test_objects_and_possessives_are_not_speakers(gazetteer: Gazetteer) -> None:
    text = "Kono told his partner Sergei Lavrov that Russia can help. Japan's Foreign Ministry said nothing new."
    assert [names for names, _, _ in attributed(gazetteer, text)] == [["Taro Kono"], ["Japanese Foreign Ministry"]]


def test_according_to_and_opinion(gazetteer: Gazetteer) -> None:
    text = "According to Sergei Shoigu, contacts were established. In his opinion, this is a response."
    assert attributed(gazetteer, text) == [
        (["Sergei Shoigu"], "According to", "reported"),
        (["Sergei Shoigu"], "In his opinion", "reported"),
    ]


def test_direct_quote_inverted_and_labelled(gazetteer: Gazetteer) -> None:
    text = '"We can develop cooperation in many areas together," said Lavrov.'
    assert attributed(gazetteer, text) == [(["Sergey Lavrov"], "said", "direct_quote")]


def test_agreement_gives_every_side(gazetteer: Gazetteer) -> None:
    text = "Putin and Abe agreed on joint activity. The Russian and Japanese sides agreed that sanctions must hold."
    names = [sorted(n) for n, _, _ in attributed(gazetteer, text)]
    assert names == [["Shinzo Abe", "Vladimir Putin"], ["Japanese side", "Russian side"]]


def test_passive_agent_and_non_statements(gazetteer: Gazetteer) -> None:
    assert attributed(gazetteer, "The eight-point plan proposed by Shinzo Abe covers energy.")[0][0] == ["Shinzo Abe"]
    assert attributed(gazetteer, "This was said with the aim of securing support.") == []
    assert attributed(gazetteer, "Abe plans to attend the forum in Vladivostok.") == []
    assert attributed(gazetteer, "Kono and Lavrov also discussed a plan for the islands.") == []


def test_media_and_experts_are_found_but_kept_apart(gazetteer: Gazetteer) -> None:
    result = attributed(
        gazetteer, "Japanese experts believe that dialogue is needed. The Nikkei writes that it failed."
    )
    assert result == [(["Japanese experts"], "believe", "reported"), (["Nikkei"], "writes", "reported")]


def test_transcript_turn(gazetteer: Gazetteer) -> None:
    text = "LAVROV: We have discussed the peace treaty and the islands in detail today."
    sentence = split_sentences(text)[0]
    turn = transcript_turn(text, sentence, gazetteer, MentionFinder(gazetteer, "en").find(text, WHEN), "en")
    assert turn is not None and turn.actors[0].name == "Sergey Lavrov"
    heading = "Russia-Japan: 2 + 2 =?"
    assert transcript_turn(heading, split_sentences(heading)[0], gazetteer, [], "en") is None


def test_russian_constructions(gazetteer: Gazetteer) -> None:
    text = (
        "Министр иностранных дел России Сергей Лавров заявил, что переговоры продолжатся. "
        "По словам Лаврова, Москва готова к диалогу. "
        "«Мы ждём ответа от японских коллег», — подчеркнул глава МИД России."
    )
    result = attributed(gazetteer, text, "ru")
    assert result[0] == (["Sergey Lavrov"], "заявил", "reported")
    assert result[1][0] == ["Sergey Lavrov"] and result[1][1] == "По словам"
    assert result[-1] == (["Sergey Lavrov"], "подчеркнул", "direct_quote")


def test_japanese_constructions(gazetteer: Gazetteer) -> None:
    text = "河野外相は記者会見で「対話を続けたい」と述べた。日本経済新聞によると、日露両政府は協議の継続で合意した。"
    result = attributed(gazetteer, text, "ja")
    assert result[0] == (["Taro Kono"], "と述べた", "direct_quote")
    assert (["Nikkei"], "によると", "reported") in result
    agreement = [sorted(names) for names, cue, _ in result if "合意" in cue]
    assert agreement == [["Japanese government", "Russian government"]]  # 両政府: the states (corpus README)


def test_russian_impersonal_institution_and_initialled_turns(gazetteer: Gazetteer) -> None:
    assert attributed(gazetteer, "В МИД России заявили, что переговоры продолжатся.", "ru") == [
        (["Russian Foreign Ministry"], "заявили", "reported")
    ]
    text = "С.В.Лавров: Мы обсудили вопросы мирного договора и совместной деятельности на островах."
    sentence = split_sentences(text, "ru")[0]
    turn = transcript_turn(text, sentence, gazetteer, [], "ru")
    assert turn is not None and turn.actors[0].name == "Sergey Lavrov"


def test_names_inside_a_quotation_do_not_speak(gazetteer: Gazetteer) -> None:
    assert attributed(gazetteer, '"Both sides are far apart," said an unnamed diplomat.') == []
    assert attributed(gazetteer, "Suga declined to comment on the details.") == []
    assert attributed(gazetteer, "Japan's foreign ministry said the visit was regrettable.")[0][0] == [
        "Japanese Foreign Ministry"
    ]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("en", "Lavrov was quoted as saying that Japan must accept the results of the war.", "Sergey Lavrov"),
        ("en", "The Japanese government lodged a protest over the drills.", "Japanese government"),
        ("en", "A statement from the Kremlin said the talks were useful.", "Kremlin"),
        ("ru", "Как говорится в заявлении МИД России, Токио должен признать итоги войны.", "Russian Foreign Ministry"),
        ("ru", "Японская сторона выразила протест в связи с учениями.", "Japanese side"),
        ("ja", "外務省は談話を発表し、遺憾の意を示した。", "Japanese Foreign Ministry"),
        ("ja", "ロシア側は、制裁の解除を求めた。", "Russian side"),
        ("ja", "プーチン大統領は、平和条約締結に前向きな姿勢を示した。", "Vladimir Putin"),
    ],
)
def test_common_news_constructions(gazetteer: Gazetteer, language: str, text: str, speaker: str) -> None:
    assert [speaker] in [names for names, _, _ in attributed(gazetteer, text, language)]


def test_what_an_official_says_is_not_a_second_statement(gazetteer: Gazetteer) -> None:
    text = "Lavrov, for his part, said Moscow regards its sovereignty over the islands as settled."
    assert attributed(gazetteer, text) == [(["Sergey Lavrov"], "said", "reported")]
    text = "Министр Сергей Лавров выступил. По его словам, Москва и Токио выступают за решение проблемы."
    assert attributed(gazetteer, text, "ru") == [(["Sergey Lavrov"], "По его словам", "reported")]
    text = "During the talks, Kono told Lavrov that Tokyo wants steady progress, the official said."
    assert attributed(gazetteer, text) == [(["Taro Kono"], "told", "reported")]


def test_an_official_source_that_relays_another_speaker(gazetteer: Gazetteer) -> None:
    text = "Kono and Lavrov agreed to accelerate the projects, according to the Russian Foreign Ministry."
    assert attributed(gazetteer, text) == [(["Taro Kono", "Sergey Lavrov"], "agreed", "reported")]
    text = "日本外務省によると、茂木外相は元島民による墓参の実施も求めた。"
    assert attributed(gazetteer, text, "ja") == [(["Toshimitsu Motegi"], "求めた", "reported")]


def test_transcript_labels(gazetteer: Gazetteer) -> None:
    from db.ingest.transcripts import turn_label

    text = "Intro line.\n\nМ.В.Захарова: Мы неоднократно обращали внимание японских партнеров на это.\n\nQ: Short?"
    sentences = split_sentences(text, "ru")
    assert [bool(turn_label(text, s)) for s in sentences] == [False, True, False]
    turn = transcript_turn(text, sentences[1], gazetteer, [], "ru")
    assert turn is not None and turn.actors[0].name == "Maria Zakharova"
    text = "林官房長官:ご指摘の報道は承知しております。政府として抗議しました。"
    turn = transcript_turn(text, split_sentences(text, "ja")[0], gazetteer, [], "ja")
    assert turn is not None and turn.actors[0].name == "Yoshimasa Hayashi"
    text = 'Lavrov told reporters: "We are ready for talks on a peace treaty."'
    assert turn_label(text, split_sentences(text)[0]) is None


def test_japanese_topic_per_clause_and_quoted_by_an_agency(gazetteer: Gazetteer) -> None:
    text = "水産庁によると、日本側は漁獲量の維持を求めたが、ロシア側は前年並みの条件を主張した。"
    assert [names for names, _, _ in attributed(gazetteer, text, "ja")] == [["Japanese side"], ["Russian side"]]
    text = "読売新聞は社説で、政府は粘り強く交渉を続けるべきだと主張した。"
    assert [names for names, _, _ in attributed(gazetteer, text, "ja")] == [["Yomiuri Shimbun"]]
    text = "Andrei Rudenko was quoted by the RIA news agency as saying that Moscow saw no prospects for talks."
    assert attributed(gazetteer, text)[0][0] == ["Andrey Rudenko"]
