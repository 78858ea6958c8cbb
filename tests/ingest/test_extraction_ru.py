"""Russian statements as agencies and newspapers write them (sentences of our own)."""

from __future__ import annotations

import pytest

from db.ingest.document import Candidate, Document
from db.ingest.extract import extract_candidates
from db.ingest.gazetteer import Gazetteer
from db.ingest.languages.ru.cues import find_cues
from db.ingest.languages.ru.names import russian_word_pattern
from db.ingest.normalise import normalise_text
from db.partial_date import PartialDate

PUBLISHED = PartialDate(2022, 11, 15)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def extracted(gazetteer: Gazetteer, text: str) -> list[Candidate]:
    document = Document("t.txt", "0" * 64, "text", "utf-8", "ru", normalise_text(text), published=PUBLISHED)
    return [c for c in extract_candidates(document, gazetteer) if c.accepted]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Она заявила журналистам, что переговоры продолжатся.", "заявила"),
        ("Они подчеркнули, что диалог важен.", "подчеркнули"),
        ("…», — сказал он, добавив, что это требует учета.", "добавив"),
        ("Стороны согласовали квоты на вылов лосося.", "согласовали"),
        ("Москва и Токио условились продолжить консультации.", "условились"),
        ("С таким заявлением выступил пресс-секретарь.", "С таким заявлением выступил"),
    ],
)
def test_a_reporting_verb_in_any_form(text: str, cue: str) -> None:
    assert cue in [text[a:b] for a, b, _ in find_cues(text, 0, len(text))]


def test_an_infinitive_reports_nothing() -> None:
    text = "Токио должен признать итоги войны."
    assert not find_cues(text, 0, len(text))


def test_a_name_in_every_case_of_its_own_lexeme() -> None:
    pattern = russian_word_pattern("Песков")
    assert "пескова" in pattern and "песковым" in pattern and "песка" not in pattern  # the surname, not песок
    assert "санкций" not in russian_word_pattern("Санкэй")


def test_the_speaker_after_the_verb_is_the_nominative(gazetteer: Gazetteer) -> None:
    text = "Последствия санкций для отношений неизбежны, заявил пресс-секретарь российского лидера Дмитрий Песков."
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Dmitry Peskov"]


def test_a_back_reference_takes_the_sentence_before(gazetteer: Gazetteer) -> None:
    text = (
        "Россия должна учесть планы Японии нарастить военный потенциал. "
        "Об этом заявил в беседе с журналистами посол РФ в Токио Михаил Галузин."
    )
    found = extracted(gazetteer, text)
    assert [(c.speaker, c.quote) for c in found] == [("Mikhail Galuzin", text)]


def test_an_attribution_after_a_headline_repeats_it(gazetteer: Gazetteer) -> None:
    text = "Лавров заявил об отсутствии условий для мирного договора\n14:51, 24 февраля, 2019\n\nОб этом он сообщил."
    assert extracted(gazetteer, text) == []


def test_a_genitive_does_not_speak(gazetteer: Gazetteer) -> None:
    text = "Россия должна учесть планы Японии, поскольку видит признаки расширения НАТО у своих границ."
    assert not [c for c in extracted(gazetteer, text) if c.side == "japan"]


def test_the_ambassador_refers_back_to_the_last_ambassador(gazetteer: Gazetteer) -> None:
    text = (
        "Посол России в Японии Михаил Галузин дал интервью. В мае министр обороны Японии Ицунори Онодэра заявил "
        "о размещении ПРО. Посол отметил, что это не приблизит заключение мирного договора."
    )
    assert [c.speaker for c in extracted(gazetteer, text)][-1] == "Mikhail Galuzin"


def test_inside_an_official_s_quotation_the_own_side_is_the_official_s(gazetteer: Gazetteer) -> None:
    text = "«Российская сторона не намерена продолжать переговоры по мирному договору», — отметили в МИД России."
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Russian Foreign Ministry"]


def test_a_statement_and_its_continuation_are_two(gazetteer: Gazetteer) -> None:
    text = "«Япония наращивает военный потенциал у наших границ», — сказал Галузин, добавив, что это требует учета."
    found = extracted(gazetteer, text)
    assert [c.speaker for c in found] == ["Mikhail Galuzin", "Mikhail Galuzin"]
    assert found[1].quote == "добавив, что это требует учета."


def test_answers_of_a_briefing_are_those_of_the_official_its_title_names(gazetteer: Gazetteer) -> None:
    text = (
        "Брифинг официального представителя МИД России М.В.Захаровой, Москва, 15 ноября 2022 года\n\n"
        "Вопрос: Как Вы оцените заявления Токио о мирном договоре?\n\n"
        "Ответ: Мы внимательно изучили эти заявления о мирном договоре с Японией.\n\n"
        "Честно говоря, ничего нового в позиции Японии по мирному договору не увидела."
    )
    found = [(c.speaker, c.quote) for c in extracted(gazetteer, text)]
    assert found == [
        ("Maria Zakharova", "Мы внимательно изучили эти заявления о мирном договоре с Японией."),
        ("Maria Zakharova", "Честно говоря, ничего нового в позиции Японии по мирному договору не увидела."),
    ]


def test_a_note_in_parentheses_inside_a_quotation_is_the_writer_s(gazetteer: Gazetteer) -> None:
    text = (
        '"Прискорбно, если Россия усилит военное присутствие на северных территориях (так в Японии называют '
        'южные Курилы)", — отметил Суга.'
    )
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Yoshihide Suga"]


def test_a_politician_and_her_words_relayed_by_an_agency_refer_back(gazetteer: Gazetteer) -> None:
    text = (
        "Япония стремится возобновить консультации о рыболовстве, заявила министр иностранных дел Японии Ёко Камикава. "
        "По ее словам, Япония ведет координацию с Россией по вопросам рыболовства, передает ТАСС. "
        "Как пояснил политик, это соответствует позиции Японии по рыболовству."
    )
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Yoko Kamikawa"] * 3


def test_the_person_named_after_her_ministry_speaks(gazetteer: Gazetteer) -> None:
    text = "Россия призывает Японию отказаться от размещения ракет, заявила представитель МИД РФ Мария Захарова."
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Maria Zakharova"]


def test_a_verb_in_the_first_person_has_no_noun_for_its_subject(gazetteer: Gazetteer) -> None:
    text = "Призываем правительство Японии пересмотреть решение о размещении ракет."
    assert "Japanese government" not in [c.speaker for c in extracted(gazetteer, text)]


def test_a_headline_ending_on_a_quoted_name_is_no_statement(gazetteer: Gazetteer) -> None:
    text = (
        "Захарова предупредила Японию из-за «Тифонов»\n\n"
        "Россия призывает Японию отказаться от размещения ракет, заявила представитель МИД РФ Мария Захарова."
    )
    assert [c.quote[:6] for c in extracted(gazetteer, text)] == ["Россия"]


def test_answering_a_question_says_nothing_until_the_answer_is_given(gazetteer: Gazetteer) -> None:
    text = (
        "Официальный представитель МИД РФ Мария Захарова ответила на вопрос СМИ о территориальных претензиях Японии. "
        "Захарова ответила на вопрос о Курилах, что позиция Москвы неизменна."
    )
    assert [c.quote[:8] for c in extracted(gazetteer, text)] == ["Захарова"]


def test_an_agreement_reported_by_one_side_s_agency_is_that_agency_s_line(gazetteer: Gazetteer) -> None:
    text = (
        "Представители РФ и Японии провели переговоры о квотах на вылов лососевых и согласовали их объемы. "
        "Об этом сообщило японское управление по рыболовству."
    )
    assert sorted(c.speaker for c in extracted(gazetteer, text)) == ["Japanese Fisheries Agency", "Russian side"]


def test_an_acronym_in_capitals_is_not_the_word_in_small_letters(gazetteer: Gazetteer) -> None:
    found = extracted(gazetteer, "Лавров заявил, что Япония не сможет избежать контроля США над системами ПРО.")
    assert [c.issue for c in found] == ["missile_defense"]
    found = extracted(gazetteer, "Лавров заявил про переговоры о мирном договоре с Японией.")
    assert [c.issue for c in found] == ["peace_treaty"]


def test_a_label_may_say_it_is_translated(gazetteer: Gazetteer) -> None:
    text = "С.Абэ (как переведено): Сегодня мы наблюдаем положительную тенденцию в японо-российских отношениях."
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Shinzo Abe"]


def test_the_head_of_a_government_and_the_ministry_s_spokeswoman_are_people(gazetteer: Gazetteer) -> None:
    text = (
        "Глава японского правительства отметил, что Токио не намерен пересматривать позицию по Курилам. "
        "Официальный представитель МИД РФ обратила внимание, что Россия не признает претензий Японии на Курилы."
    )
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Fumio Kishida", "Maria Zakharova"]


def test_in_a_clause_of_place_the_name_before_it_is_not_the_subject(gazetteer: Gazetteer) -> None:
    text = "Посол России в Японии Михаил Галузин был вызван в японский МИД, где ему был заявлен протест по Курилам."
    assert "Mikhail Galuzin" not in [c.speaker for c in extracted(gazetteer, text)]


def test_the_headline_says_what_a_statement_without_keywords_is_about(gazetteer: Gazetteer) -> None:
    text = (
        "Лавров оценил возможность заключения мирного договора с Японией\n\n"
        "Москва, 10 мая.\n\n"
        "Министр провел переговоры в Москве.\n\n"
        "Встреча продолжалась три часа.\n\n"
        "Лавров заявил, что решить эту задачу можно лишь путем длительной и кропотливой работы."
    )
    document = Document("t.txt", "0" * 64, "text", "utf-8", "ru", normalise_text(text), published=PUBLISHED)
    assert [(c.issue, c.accepted) for c in extract_candidates(document, gazetteer)] == [("peace_treaty", True)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Глава российского МИД заявил, что Москва готова к переговорам о мирном договоре с Японией.", "Sergey Lavrov"),
        ("Японский министр иностранных дел заявил, что Токио готов к переговорам о мирном договоре.", "Taro Kono"),
    ],
)
def test_the_head_of_a_side_s_ministry_is_its_minister_on_that_date(
    gazetteer: Gazetteer, text: str, speaker: str
) -> None:
    document = Document("t.txt", "0" * 64, "text", "utf-8", "ru", text, published=PartialDate(2019, 1, 14))
    assert [c.speaker for c in extract_candidates(document, gazetteer) if c.accepted] == [speaker]


def test_a_meeting_that_will_take_place_is_a_schedule_and_such_an_opinion_refers_back(gazetteer: Gazetteer) -> None:
    text = (
        "По словам Лаврова, 30 мая в Токио пройдут двусторонние переговоры по мирному договору. "
        "Мирному договору мешают санкции Японии. Такое мнение Песков высказал в эфире телеканала."
    )
    found = [(c.speaker, c.quote[:8]) for c in extracted(gazetteer, text)]
    assert found == [("Dmitry Peskov", "Мирному ")]


def test_a_participle_opening_the_sentence_belongs_to_the_main_verb(gazetteer: Gazetteer) -> None:
    text = (
        "Комментируя реакцию Токио на санкции, официальный представитель МИД РФ обратила внимание, что "
        "Россия отвечает на японские санкции."
    )
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Maria Zakharova"]


def test_in_the_ministry_refers_back_to_the_ministry_named_before(gazetteer: Gazetteer) -> None:
    text = (
        "МИД РФ сообщил, что сотрудничество с Японией по Сахалину взаимовыгодно. "
        "В министерстве подчеркнули, что Россия прагматично подходит к сотрудничеству с Японией в энергетике."
    )
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Russian Foreign Ministry"] * 2


def test_the_premier_refers_back_to_the_prime_minister_named_before(gazetteer: Gazetteer) -> None:
    text = (
        "Премьер-министр Японии Фумио Кисида провел пресс-конференцию. Говоря о новых санкциях против России, "
        "премьер отметил, что Япония будет действовать вместе с G7."
    )
    assert [c.speaker for c in extracted(gazetteer, text)] == ["Fumio Kishida"]
