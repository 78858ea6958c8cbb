"""English statements as wires and ministry transcripts write them, and what a reviewer would not tick (sentences of
our own)."""

from __future__ import annotations

import pytest

from db.ingest.document import Candidate, Document
from db.ingest.extract import extract_candidates
from db.ingest.gazetteer import Gazetteer
from db.ingest.languages.en.cues import verb_forms
from db.ingest.normalise import normalise_text
from db.partial_date import PartialDate

PUBLISHED = PartialDate(2019, 8, 5)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def candidates(gazetteer: Gazetteer, text: str) -> list[Candidate]:
    document = Document("t.txt", "0" * 64, "text", "utf-8", "en", normalise_text(text), published=PUBLISHED)
    return extract_candidates(document, gazetteer)


def ticked(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.quote) for c in candidates(gazetteer, text) if c.accepted]


def test_verb_forms_come_from_the_lexicon_by_rule() -> None:
    assert set(verb_forms("say")) == {"say", "says", "said"}
    assert set(verb_forms("call on")) == {"call on", "calls on", "called on"}
    assert "regard" not in verb_forms("regard")  # "in this regard": a bare noun-like form is no cue


def test_a_second_statement_after_adding_that(gazetteer: Gazetteer) -> None:
    text = '"This project is important for our energy security," Kishida said, adding that Japan stays in Sakhalin-2.'
    found = ticked(gazetteer, text)
    assert [speaker for speaker, _ in found] == ["Fumio Kishida", "Fumio Kishida"]
    assert found[1][1] == "adding that Japan stays in Sakhalin-2."


def test_a_state_reported_by_its_own_official_is_the_official(gazetteer: Gazetteer) -> None:
    text = "Japan has voiced its concerns to Russia over the drills, Chief Cabinet Secretary Hirokazu Matsuno said."
    assert [speaker for speaker, _ in ticked(gazetteer, text)] == ["Hirokazu Matsuno"]
    text = "Japan and Russia agreed on salmon quotas for the next year, the Japanese Fisheries Agency said on Friday."
    assert {speaker for speaker, _ in ticked(gazetteer, text)} == {"Japanese Fisheries Agency", "Russian government"}


def test_the_chief_cabinet_secretary_by_role(gazetteer: Gazetteer) -> None:
    text = "The Japanese chief cabinet secretary noted that new sanctions on Russia might freeze bank accounts."
    assert [speaker for speaker, _ in ticked(gazetteer, text)] == ["Yoshihide Suga"]


def test_the_headline_block_gives_no_statement(gazetteer: Gazetteer) -> None:
    text = (
        "Japan and Russia agree on salmon quotas\n"
        "Japan and Russia agreed on salmon quotas for the year, the Japanese Fisheries Agency said\n\n"
        "TOKYO (Wire - 24th March, 2023) Japan and Russia agreed on salmon quotas for the year, the Japanese "
        "Fisheries Agency said on Friday."
    )
    quotes = {quote for _, quote in ticked(gazetteer, text)}
    assert quotes and all(quote.startswith("TOKYO") for quote in quotes)


def test_a_label_is_a_person_not_a_dateline(gazetteer: Gazetteer) -> None:
    text = "Tokyo: Tokyo on Wednesday lodged a protest with Russia over military exercises on the islands."
    assert [speaker for speaker, _ in ticked(gazetteer, text)] == ["Japanese government"]


def test_what_a_reviewer_would_not_tick(gazetteer: Gazetteer) -> None:
    text = (
        "Suga said the exercises on the islands were unacceptable. "
        "He said arrangements are underway for Prime Minister Shinzo Abe to attend the forum in Vladivostok. "
        "He declined to comment on the summit. "
        "In 1956, Moscow agreed to consider handing over two of the islands."
    )
    found = candidates(gazetteer, text)
    assert [(c.quote.split()[0], c.accepted) for c in found] == [
        ("Suga", True),
        ("He", False),  # a schedule
        ("In", False),  # background history; "declined to comment" is no statement at all
    ]
    assert "schedule" in found[1].reason and "background" in found[2].reason


def test_a_transcript_answer_on_another_matter_is_not_ticked(gazetteer: Gazetteer) -> None:
    text = (
        "Press Conference\n\n"
        "Q: What about the US election?\n\n"
        "Press Secretary Kawamura: The counting of votes is continuing, as you said, and we are watching it.\n\n"
        "Q: And the Northern Territories?\n\n"
        "Press Secretary Kawamura: We cannot accept the comments on the territorial issue by the Russian side."
    )
    found = [(c.quote.split()[0], c.accepted) for c in candidates(gazetteer, text) if c.speaker == "Yasuhisa Kawamura"]
    assert found == [("The", False), ("We", True)]


def test_a_transcript_sentence_relaying_another_speaker_is_theirs(gazetteer: Gazetteer) -> None:
    text = (
        "Press Conference\n\n"
        "CHIEF CABINET SECRETARY FUJIMURA: I am aware that Prime Minister Putin has stated that he seeks a final "
        "settlement of the territorial issue."
    )
    assert [speaker for speaker, _ in ticked(gazetteer, text)] == ["Vladimir Putin"]


def test_a_spokesman_reading_out_a_joint_statement_relays_his_government(gazetteer: Gazetteer) -> None:
    text = (
        "Press Secretary Kawamura: The joint statement condemns the missile launches by North Korea in the "
        "strongest terms. I myself believe that dialogue with Russia on this matter remains important."
    )
    found = [(c.speaker, c.kind) for c in candidates(gazetteer, text) if c.accepted]
    assert found == [("Japanese government", "reported"), ("Yasuhisa Kawamura", "direct_quote")]


def test_we_agreed_in_a_turn_is_the_speaker_s_and_his_counterpart_s(gazetteer: Gazetteer) -> None:
    text = (
        "Mr. Taro Kono, Minister for Foreign Affairs: Today I held a meeting with Minister of Foreign Affairs "
        "Lavrov on the peace treaty. We shared the view that consultations on the peace treaty would take place "
        "between Deputy Minister Morgulov and our deputy minister."
    )
    found = [(c.speaker, c.kind) for c in candidates(gazetteer, text) if c.accepted and c.quote.startswith("We")]
    assert found == [("Taro Kono", "direct_quote"), ("Sergey Lavrov", "reported")]


def test_he_in_the_next_sentence_is_who_spoke_not_the_last_name(gazetteer: Gazetteer) -> None:
    text = (
        "Chief Cabinet Secretary Yoshihide Suga criticized Putin's assertion that the islands are Russian. "
        '"Such remarks are totally unacceptable for Japan," he said.'
    )
    assert [c.speaker for c in candidates(gazetteer, text) if c.quote.startswith('"Such')] == ["Yoshihide Suga"]


def test_a_label_in_capitals_may_be_long(gazetteer: Gazetteer) -> None:
    text = (
        "REPORTER: Will Japan decide on sanctions against Russia tomorrow?\n\n"
        "DEPUTY CHIEF CABINET SECRETARY SEKO: Japan will continue to deal with the sanctions question appropriately."
    )
    assert ticked(gazetteer, text) == [
        ("Hiroshige Seko", "Japan will continue to deal with the sanctions question appropriately.")
    ]


def test_the_lead_s_day_dates_the_quotes_after_it(gazetteer: Gazetteer) -> None:
    text = (
        "Japan and Russia agreed Thursday to step up security cooperation on North Korea.\n\n"
        "Lavrov told reporters after the meeting that Russia is concerned about missile defense systems in Japan."
    )
    dates = [c.said_on for c in candidates(gazetteer, text) if c.speaker == "Sergey Lavrov"]
    assert dates == [PartialDate(2019, 8, 1)]  # the Thursday before publication on Monday 5 August


def test_he_after_a_japanese_man_whose_name_ends_like_a_woman_s(gazetteer: Gazetteer) -> None:
    text = (
        "Foreign Minister Lavrov met Defense Minister Itsunori Onodera. Onodera asked Russia to accept the missile "
        "defense plan. He also demanded Russia show restraint on the disputed islands."
    )
    assert [c.speaker for c in candidates(gazetteer, text) if c.quote.startswith("He")] == ["Itsunori Onodera"]


def test_a_clause_of_background_does_not_set_the_issue(gazetteer: Gazetteer) -> None:
    text = (
        "Japan and Russia agreed Thursday to work for the denuclearization of North Korea, as the two sides remained "
        "at odds over Tokyo's planned Aegis Ashore missile defense systems."
    )
    assert {c.issue for c in candidates(gazetteer, text) if c.accepted} == {"north_korea"}


def test_he_in_a_turn_is_the_person_the_speaker_spoke_of_not_the_speaker(gazetteer: Gazetteer) -> None:
    text = (
        "Press Secretary Kawamura: On the position of the Japanese Government, Minister Lavrov was making comments "
        "yesterday while mentioning President Putin. My understanding is that he expressed his intention to advance "
        "Japan-Russia relations."
    )
    found = [c.speaker for c in candidates(gazetteer, text) if "he expressed" in c.quote]
    assert found == ["Sergey Lavrov"]


def test_a_long_label_with_a_title_and_a_short_greeting_opens_a_turn(gazetteer: Gazetteer) -> None:
    text = (
        "President of Russia Vladimir Putin: Good afternoon.\n\n"
        "Japan is an important partner for Russia, and we are ready to work on the peace treaty."
    )
    assert [c.speaker for c in candidates(gazetteer, text) if c.accepted] == ["Vladimir Putin"]


def test_a_japanese_name_surname_first_and_the_prime_minister_referring_back(gazetteer: Gazetteer) -> None:
    text = (
        "Japanese Prime Minister Abe Shinzo has announced sanctions against Russia. The prime minister said "
        "that Japan will consider further sanctions against Russia."
    )
    assert [c.speaker for c in candidates(gazetteer, text) if c.accepted] == ["Shinzo Abe", "Shinzo Abe"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Suga objected through diplomatic channels to Moscow over the drills on the disputed islands.",
            "Yoshihide Suga",
        ),
        ("Foreign Minister Taro Kono lodged a protest with Russia over the drills on the islands.", "Taro Kono"),
        (
            "Ambassador Mikhail Galuzin was summoned over the drills. The Russian envoy told reporters that Moscow "
            "did not accept Tokyo's protest over the islands.",
            "Mikhail Galuzin",
        ),
    ],
)
def test_protests_and_envoys(gazetteer: Gazetteer, text: str, speaker: str) -> None:
    assert speaker in [c.speaker for c in candidates(gazetteer, text) if c.accepted]


def test_a_side_s_top_diplomat_is_its_foreign_minister(gazetteer: Gazetteer) -> None:
    text = "Russia's top diplomat said Moscow is ready for peace treaty talks with Japan."
    assert [c.speaker for c in candidates(gazetteer, text) if c.accepted] == ["Sergey Lavrov"]


def test_one_side_s_ministers_are_that_side(gazetteer: Gazetteer) -> None:
    text = "During the two-plus-two session, the Japanese ministers sought cooperation from Russia on North Korea."
    assert [c.speaker for c in candidates(gazetteer, text) if c.accepted] == ["Japanese side"]


def test_a_wire_dateline_city_is_no_speaker_and_a_typeset_apostrophe_is_one(gazetteer: Gazetteer) -> None:
    text = "MOSCOW (AP) — Russia’s Foreign Ministry says Japan's claims to the Kuril Islands are unacceptable."
    assert [c.speaker for c in candidates(gazetteer, text) if c.accepted] == ["Russian Foreign Ministry"]


def test_a_country_in_a_compound_adjective_is_no_speaker(gazetteer: Gazetteer) -> None:
    text = (
        "Putin also mentioned the Japan-Soviet Joint Declaration of 1956, noting that two islands could be handed over."
    )
    assert [c.speaker for c in candidates(gazetteer, text) if c.accepted] == ["Vladimir Putin"]
