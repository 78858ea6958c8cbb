"""Speaker mentions: aliases in three languages, inflection, honorifics, garbled names, roles, back-references."""

from __future__ import annotations

import pytest

from db.ingest.gazetteer import Gazetteer
from db.ingest.references import SpeakerContext
from db.ingest.speakers import Mention, MentionFinder, edit_distance
from db.partial_date import PartialDate

NOV_2017 = PartialDate(2017, 11)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _names(mentions: list[Mention]) -> list[tuple[str, list[str]]]:
    return [(m.text, [a.name for a in m.actors]) for m in mentions]


def test_english_aliases_and_possessive(gazetteer: Gazetteer) -> None:
    found = MentionFinder(gazetteer, "en").find("Lavrov's remark came after Tokyo replied.", NOV_2017)
    assert _names(found) == [("Lavrov", ["Sergey Lavrov"]), ("Tokyo", ["Japanese government"])]


def test_russian_case_endings(gazetteer: Gazetteer) -> None:
    text = "Встреча Сергея Лаврова с Таро Коно; Лавровым было сказано, что японская сторона согласна."
    found = MentionFinder(gazetteer, "ru").find(text, NOV_2017)
    names = {m.actors[0].name for m in found if m.actors}
    assert {"Sergey Lavrov", "Taro Kono", "Japanese side"} <= names
    assert any(m.text == "Лавровым" for m in found)


def test_japanese_title_suffixes(gazetteer: Gazetteer) -> None:
    found = MentionFinder(gazetteer, "ja").find("河野外相とラブロフ氏は会談した。安倍首相も出席した。", NOV_2017)
    assert [(m.text, m.actors[0].name) for m in found] == [
        ("河野外相", "Taro Kono"),
        ("ラブロフ氏", "Sergey Lavrov"),
        ("安倍首相", "Shinzo Abe"),
    ]


def test_garbled_and_inflected_transliterations(gazetteer: Gazetteer) -> None:
    assert edit_distance("tarot", "taro") == 1
    found = MentionFinder(gazetteer, "en").find("He met Yuri Ushakof and Igor Shuvalovym in Tokyo.", NOV_2017)
    fuzzy = [(m.text, m.actors[0].name) for m in found if m.how == "fuzzy"]
    assert fuzzy == [("Yuri Ushakof", "Yuri Ushakov"), ("Igor Shuvalovym", "Igor Shuvalov")]


def test_role_without_name_resolves_by_date(gazetteer: Gazetteer) -> None:
    finder = MentionFinder(gazetteer, "en")
    in_2017 = finder.find("The Japanese Foreign Minister arrived.", NOV_2017)
    assert [m.actors[0].name for m in in_2017 if m.how == "role"] == ["Taro Kono"]
    in_2016 = finder.find("The Japanese Foreign Minister arrived.", PartialDate(2016, 5))
    assert [m.actors[0].name for m in in_2016 if m.how == "role"] == ["Fumio Kishida"]
    deputy = finder.find("Deputy Foreign Minister of Japan Takeo Akiba spoke.", NOV_2017)
    assert all(m.how != "role" for m in deputy)


def test_collectives_give_one_actor_per_side(gazetteer: Gazetteer) -> None:
    found = MentionFinder(gazetteer, "en").find("Both sides agreed. The leaders of the two countries met.", NOV_2017)
    collectives = [sorted(a.name for a in m.actors) for m in found if m.how == "collective"]
    assert collectives == [["Japanese side", "Russian side"], ["Shinzo Abe", "Vladimir Putin"]]
    ja = MentionFinder(gazetteer, "ja").find("双方は合意した。", NOV_2017)
    assert sorted(a.side or "" for a in ja[0].actors) == ["japan", "russia"]


def test_unnamed_media_and_experts_have_no_actor(gazetteer: Gazetteer) -> None:
    found = MentionFinder(gazetteer, "en").find("Japanese experts believe it. The newspaper wrote it.", NOV_2017)
    assert [(m.text, m.generic_category) for m in found] == [
        ("Japanese experts", "expert"),
        ("The newspaper", "media"),
    ]
    assert MentionFinder(gazetteer, "en").find("the Kremlin press service said", NOV_2017)[0].actors[0].kind == "body"


def _context_after(gazetteer: Gazetteer, language: str, text: str) -> SpeakerContext:
    context = SpeakerContext(gazetteer, language)
    context.observe(MentionFinder(gazetteer, language).find(text, NOV_2017))
    return context


def test_back_references(gazetteer: Gazetteer) -> None:
    context = _context_after(gazetteer, "en", "Tomomi Inada met Sergei Shoigu.")
    he = context.pronouns("He said so.", 0, [])
    she = context.pronouns("She said so.", 0, [])
    assert he[0].actors[0].name == "Sergei Shoigu"
    assert she[0].actors[0].name == "Tomomi Inada"
    minister = _context_after(gazetteer, "en", "Taro Kono met Putin.").pronouns("The minister said.", 0, [])
    assert minister[0].actors[0].name == "Taro Kono"


def test_back_references_in_russian_and_japanese(gazetteer: Gazetteer) -> None:
    ru = _context_after(gazetteer, "ru", "Сергей Лавров прибыл в Токио.").pronouns("Он заявил.", 0, [])
    assert ru[0].actors[0].name == "Sergey Lavrov"
    ja = _context_after(gazetteer, "ja", "ラブロフ外相が来日した。").pronouns("同氏は述べた。", 0, [])
    assert ja[0].actors[0].name == "Sergey Lavrov"


def test_it_continues_the_previous_subject(gazetteer: Gazetteer) -> None:
    context = _context_after(gazetteer, "en", "The Japanese government is considering new ships.")
    assert context.pronouns("It is also exploring THAAD.", 0, [])[0].actors[0].name == "Japanese government"
    assert context.pronouns("It should be noted that ...", 0, []) == []


def test_officials_missing_from_the_gazetteer(gazetteer: Gazetteer) -> None:
    finder = MentionFinder(gazetteer, "en")
    found = finder.find("Japanese Deputy Chief Cabinet Secretary Kenji Kihara said so.", NOV_2017)
    person = [m for m in found if m.how == "unknown"]
    assert [(m.text, m.actors[0].side, m.actors[0].key) for m in person] == [("Kenji Kihara", "japan", "")]
    # a known surname after another given name is another person, not the known one
    assert all(m.actors[0].name != "Minoru Kihara" for m in found if m.actors)
    ru = MentionFinder(gazetteer, "ru").find("Посол России в Японии Иван Петров заявил.", NOV_2017)
    assert [(m.text, m.actors[0].side) for m in ru if m.how == "unknown"] == [("Иван Петров", "russia")]


def test_side_marked_minister_pair_and_unknown_experts(gazetteer: Gazetteer) -> None:
    from db.ingest.document import Document
    from db.ingest.extract import extract_candidates
    from db.partial_date import PartialDate

    def speakers(text: str, language: str) -> list[tuple[str, str | None, str]]:
        document = Document("t.txt", "0" * 64, "text", "utf-8", language, text, published=PartialDate(2019, 12, 20))
        return [(c.speaker, c.side, c.speaker_as_written) for c in extract_candidates(document, gazetteer)]

    ru = (
        "Министр иностранных дел России Сергей Лавров провел переговоры с Тосимицу Мотэги. "
        "Японский министр заявил, что Токио добивается возобновления безвизовых обменов."
    )
    assert ("Toshimitsu Motegi", "japan", "Японский министр") in speakers(ru, "ru")
    ja = (
        "茂木外相はラブロフ外相と会談した。両氏は共同経済活動を進める方針を確認した。"
        "上川外務大臣は制裁を続けると述べた。"
    )
    found = speakers(ja, "ja")
    assert {("Toshimitsu Motegi", "japan", "両氏"), ("Sergey Lavrov", "russia", "両氏")} <= set(found)
    assert ("Yoko Kamikawa", "japan", "上川外務大臣") in found
    en = (
        "James Harlow, a Russia analyst at a London think tank, believes neither government will compromise. "
        "In his view, economic projects will remain the main channel."
    )
    assert [(s, side) for s, side, _ in speakers(en, "en")] == [("James Harlow", None)] * 2


def test_research_institution_heads_are_experts_and_the_ministry_refers_back(gazetteer: Gazetteer) -> None:
    from db.ingest.document import Document
    from db.ingest.extract import extract_candidates
    from db.partial_date import PartialDate

    def found(text: str, language: str) -> list[tuple[str, str | None]]:
        document = Document("t.txt", "0" * 64, "text", "utf-8", language, text, published=PartialDate(2023, 6, 6))
        return [(c.speaker, c.side) for c in extract_candidates(document, gazetteer)]

    ru = (
        "Директор Центра японских исследований Ирина Смирнова считает, что позиции не изменятся. "
        "По ее словам, Токио вряд ли изменит курс."
    )
    assert found(ru, "ru") == [("Ирина Смирнова", None), ("Ирина Смирнова", None)]
    en = (
        "Japan's Defence Ministry said on Tuesday it had spotted five Russian warships in the strait. "
        "The ministry said no incursion into Japanese territorial waters had been confirmed."
    )
    assert found(en, "en") == [("Japanese Ministry of Defense", "japan")] * 2
