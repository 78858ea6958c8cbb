"""Validate the bundled data: actors gazetteer, sides and issue taxonomy.

The extractor resolves speakers and classifies issues from these files, so a broken date, a missing alias
language or an alias shared by both sides silently degrades every import. The gold annotations are the
reference for canonical names and sides: the dev set's (inside the repository) always, the sample corpus's when
../shared is beside the project (skipped, with the reason, in a plain clone).
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS_DIR, NO_CORPUS, PROJECT_DIR

RESOURCES = PROJECT_DIR / "resources"
KINDS = {"person", "body", "state", "delegation", "media", "expert"}
NON_SIDE_KINDS = {"media", "expert"}
LANGUAGES = ("en", "ru", "ja")


def _load(name: str) -> Any:
    return json.loads((RESOURCES / name).read_text(encoding="utf-8"))


def _norm(alias: str) -> str:
    """The form an alias is compared in, as the gazetteer folds it: NFKC, case-folded, ё = е, single spaces."""
    folded = unicodedata.normalize("NFKC", alias).casefold().replace("ё", "е")
    return " ".join(folded.replace("’", "'").split())


DEVSET_DIR = PROJECT_DIR / "tests" / "ingest" / "devset"
# Gold annotations to check the gazetteer against: the dev set inside the repository always, the sample corpus of
# ../shared when it is there.
GOLD_DIRS = [
    pytest.param(DEVSET_DIR, id="devset"),
    pytest.param(CORPUS_DIR, id="corpus", marks=pytest.mark.skipif(not CORPUS_DIR.is_dir(), reason=NO_CORPUS)),
]
needs_corpus = pytest.mark.skipif(not CORPUS_DIR.is_dir(), reason=NO_CORPUS)


def _gold(name: str, folder: Path = CORPUS_DIR) -> list[dict[str, Any]]:
    path = folder / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _readme() -> str:
    return (CORPUS_DIR / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def actors() -> list[dict[str, Any]]:
    data = _load("actors.json")
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def finders() -> dict[str, Any]:
    """The extractor's name finder over the bundled gazetteer, one per language (built once: costly)."""
    from db.ingest.gazetteer import Gazetteer
    from db.ingest.speakers import MentionFinder

    gazetteer = Gazetteer.load(RESOURCES)
    return {language: MentionFinder(gazetteer, language) for language in LANGUAGES}


@pytest.fixture(scope="module")
def side_slugs() -> set[str]:
    sides = _load("sides.json")
    for side in sides:
        assert re.fullmatch(r"[a-z][a-z0-9_-]*", side["slug"])
        assert side["name"]
        assert all(side["names"].get(lang) for lang in LANGUAGES), side
    return {side["slug"] for side in sides}


@pytest.fixture(scope="module")
def by_name(actors: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {actor["name"]: actor for actor in actors}


@pytest.fixture(scope="module")
def alias_index(actors: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    index: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for actor in actors:
        forms = {_norm(a) for lang in LANGUAGES for a in actor["aliases"].get(lang, [])} | {_norm(actor["name"])}
        for form in forms:
            index[form].append(actor)
    return index


def test_sides_are_russia_and_japan(side_slugs: set[str]) -> None:
    assert {"russia", "japan"} <= side_slugs


def test_actor_fields_and_kinds(actors: list[dict[str, Any]], side_slugs: set[str]) -> None:
    for actor in actors:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", actor["key"]), actor["key"]
        assert actor["name"].strip() == actor["name"] and actor["name"], actor
        assert actor["kind"] in KINDS, actor
        assert actor["side"] is None or actor["side"] in side_slugs, actor
        if actor["kind"] in NON_SIDE_KINDS:
            assert actor["side"] is None, f"{actor['name']} is {actor['kind']} and must have no side"
        else:
            assert actor["side"] is not None, f"{actor['name']} ({actor['kind']}) needs a side"


def test_keys_and_names_are_unique(actors: list[dict[str, Any]]) -> None:
    keys = [a["key"] for a in actors]
    names = [_norm(a["name"]) for a in actors]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
    # One person with several offices is one actor with several roles, never two actors.
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]


def test_enough_actors_on_both_sides(actors: list[dict[str, Any]]) -> None:
    sided = [a for a in actors if a["side"]]
    assert len(sided) >= 60
    for side in ("russia", "japan"):
        people = [a for a in sided if a["side"] == side and a["kind"] == "person"]
        bodies = [a for a in sided if a["side"] == side and a["kind"] == "body"]
        assert len(people) >= 20 and len(bodies) >= 5, side
    assert sum(a["kind"] == "media" for a in actors) >= 25
    assert sum(a["kind"] == "expert" for a in actors) >= 2


def test_aliases_per_language(actors: list[dict[str, Any]]) -> None:
    for actor in actors:
        aliases = actor["aliases"]
        assert set(aliases) <= set(LANGUAGES), actor["name"]
        assert aliases.get("en"), f"{actor['name']} has no English aliases"
        if actor["kind"] in {"person", "body", "state", "delegation"}:
            assert aliases.get("ru") and aliases.get("ja"), f"{actor['name']} lacks ru or ja aliases"
        for lang, forms in aliases.items():
            assert all(isinstance(f, str) and f.strip() == f and f for f in forms), (actor["name"], lang)
            assert len({_norm(f) for f in forms}) == len(forms), (actor["name"], lang, "duplicate alias")
        assert any(_norm(f) == _norm(actor["name"]) for f in aliases["en"]), actor["name"]


def test_aliases_are_filed_under_the_right_script(actors: list[dict[str, Any]]) -> None:
    """ru aliases hold Cyrillic forms and ja aliases Japanese forms (Latin brand names are allowed in both)."""
    cyrillic = re.compile(r"[а-яё]", re.IGNORECASE)
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for actor in actors:
        ru = actor["aliases"].get("ru", [])
        ja = actor["aliases"].get("ja", [])
        assert not any(japanese.search(f) for f in ru + actor["aliases"]["en"]), actor["name"]
        assert not any(cyrillic.search(f) for f in ja + actor["aliases"]["en"]), actor["name"]
        if ru:
            assert any(cyrillic.search(f) for f in ru), actor["name"]
        if ja:
            assert any(japanese.search(f) for f in ja), actor["name"]


# Ordinary news prose without a single name in it: no alias of any actor may be found here.
_PROSE_WITHOUT_NAMES = {
    "en": "The minister told reporters that the sanctions were extremely ineffective. The ambassador said the fleet "
    "held drills near the border, that border guards had detained a fishing boat and that fishermen demanded salmon "
    "quotas. The cabinet will consider the matter next week, the spokesman added; the press secretary declined to "
    "comment on the talks, the treaty or the islands.",
    "ru": "Министр заявил журналистам, что санкции крайне неэффективны и что санкций будет больше. По его словам, это "
    "решение было принято после переговоров, а белые пятна в истории остаются. Посол сказал, что флот провел учения "
    "у границы, пограничники задержали рыболовецкое судно, а рыбаки требуют квот на вылов лосося. Крайний срок "
    "истекает в пятницу, добавил пресс-секретарь, отказавшись комментировать мирный договор и острова.",
    "ja": "大臣は記者団に対し、制裁は極めて効果が乏しいと述べた。大使は、艦隊が境界付近で演習を行い、警備当局が漁船を"
    "拿捕し、漁業者はサケの漁獲枠を求めていると語った。報道官は平和条約と島々についての論評を控えた。",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_alias_matches_ordinary_words(finders: dict[str, Any], language: str) -> None:
    """An alias that also matches a common word ("Санкей" matched every "санкций") turns prose into speakers."""
    named = [(m.text, [a.key for a in m.actors]) for m in finders[language].find(_PROSE_WITHOUT_NAMES[language])]
    named = [(text, keys) for text, keys in named if any(keys)]
    assert not named


@pytest.mark.parametrize(
    ("language", "text", "when", "key"),
    [
        ("ja", "菅首相は記者団に語った。", "2011-01", "naoto-kan"),  # the same written form, told apart by date
        ("ja", "菅首相は記者団に語った。", "2021-01", "yoshihide-suga"),
        ("ja", "西村官房副長官は述べた。", "2018-05", "yasutoshi-nishimura"),
        ("ja", "西村官房副長官は述べた。", "2020-05", "akihiro-nishimura"),
        ("ja", "小林外務報道官は会見で述べた。", "2024-02", "maki-kobayashi"),
        ("en", "Deputy Chief Cabinet Secretary Seiji Kihara said so.", "2022-03", "seiji-kihara"),
        ("en", "Russia's fisheries agency said the quota was set.", "2022-04", "rosrybolovstvo"),
        ("en", "Russia's Pacific Fleet said the drills had begun.", "2022-04", "russian-pacific-fleet"),
        ("ru", "По словам Михаила Белого, визит состоится.", "2010-11", "mikhail-bely"),
        ("ru", "Глава ведомства Фумио Кишида заявил.", "2016-05", "fumio-kishida"),
        ("ru", "Кабмин Японии одобрил меры.", "2022-03", "japanese-government"),
    ],
)
def test_written_forms_resolve_to_the_right_actor(
    finders: dict[str, Any], language: str, text: str, when: str, key: str
) -> None:
    """Forms shared by two people of one side (菅首相: Kan in 2010-11, Suga in 2020-21) go to the holder on the
    statement's date; oblique cases, transliteration variants and a side's agency resolve to their actor."""
    from db.partial_date import PartialDate

    found = finders[language].find(text, PartialDate.from_iso(when))
    assert [[a.key for a in m.actors] for m in found if m.how == "alias"] == [[key]]


def test_japanese_names_of_people_are_never_a_single_character(actors: list[dict[str, Any]]) -> None:
    """Japanese text has no spaces: a one-kanji surname alone (林, 岸, 菅) would match inside other words."""
    for actor in actors:
        if actor["kind"] == "person":
            assert all(len(form) >= 2 for form in actor["aliases"].get("ja", [])), actor["name"]


def test_no_alias_points_to_two_sides(alias_index: dict[str, list[dict[str, Any]]]) -> None:
    clashes = {
        form: sorted({f"{a['name']} ({a['side']})" for a in owners})
        for form, owners in alias_index.items()
        if len({a["side"] for a in owners}) > 1
    }
    assert not clashes


_ISO_PARTIAL = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _earliest(iso: str) -> date:
    """The first day a role date of any precision ("2016", "2016-08", "2016-08-03") can stand for."""
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _latest(iso: str) -> date:
    """The last day a role date of any precision can stand for."""
    parts = [int(p) for p in iso.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    return date(year, month, parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1])


def test_roles_have_iso_dates_in_order(actors: list[dict[str, Any]]) -> None:
    """Role dates are ISO at the precision known: a day, or only a month ("2016-08") or a year ("2016")."""
    for actor in actors:
        for role in actor["roles"]:
            assert role["title"], actor["name"]
            assert _ISO_PARTIAL.fullmatch(role["from"]), role
            _latest(role["from"])  # a real date: month 1-12, day within the month
            if role["to"] is not None:
                assert _ISO_PARTIAL.fullmatch(role["to"]), role
                assert _earliest(role["from"]) <= _latest(role["to"]), (actor["name"], role)
            assert _earliest(role["from"]) <= date.today(), (actor["name"], role)
        if actor["kind"] == "person" and actor["side"]:
            assert actor["roles"], f"official {actor['name']} has no role"


def test_partial_role_dates_are_understood_where_roles_are_read() -> None:
    """A role known only to the month or year holds for every day of that month or year, and not beyond: in
    the extractor (who held an office on a statement's date) and in the role shown beside a statement."""
    from db.ingest.gazetteer import Role
    from db.partial_date import PartialDate
    from db.statements import role_on

    role = Role("Press Secretary", "2017", "2018-05")
    assert role.holds_on(PartialDate.from_iso("2017-01-01")) and role.holds_on(PartialDate.from_iso("2018-05-31"))
    assert not role.holds_on(PartialDate.from_iso("2016-12-31"))
    assert not role.holds_on(PartialDate.from_iso("2018-06-01"))
    roles = json.dumps([{"title": "Press Secretary", "from": "2017", "to": "2018-05"}])
    assert role_on(roles, date(2017, 1, 1)) == role_on(roles, date(2018, 5, 31)) == "Press Secretary"
    assert role_on(roles, date(2016, 12, 31)) is None and role_on(roles, date(2018, 6, 1)) is None


def test_single_holder_offices_do_not_overlap(actors: list[dict[str, Any]]) -> None:
    """Two people never hold the same one-holder office at once (a hand-over day may be shared).

    Catches a wrong year in a role, the most likely slip when dates are typed in by hand. Offices with
    several holders at a time (deputies, aides, senior vice-ministers, members of a chamber) are skipped. A
    date known only to the month or year overlaps only if no day it can stand for avoids the overlap.
    """
    terms: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for actor in actors:
        for role in actor["roles"]:
            if re.search(r"Deputy|Aide|Senior Vice|Member of", role["title"]):
                continue
            end = _earliest(role["to"]) if role["to"] else date.max
            terms[role["title"]].append((_latest(role["from"]), end, actor["name"]))
    assert len(terms) > 20
    for title, periods in terms.items():
        periods.sort()
        for (_, end, name), (start, _, other) in zip(periods, periods[1:], strict=False):
            assert name == other or end <= start, f"{title}: {name} until {end}, {other} from {start}"


# Offices whose holders speak on Russia-Japan relations: someone holds each of them on every day of the period
# the gazetteer covers (a hand-over or an acting interregnum of up to two weeks aside). The period ends with the
# Takaichi cabinet of 21 October 2025, the last change the gazetteer was checked against.
_COVERED_OFFICES: list[tuple[tuple[str, ...], date]] = [
    (("Prime Minister of Japan",), date(2010, 1, 1)),
    (("Minister for Foreign Affairs of Japan",), date(2010, 1, 1)),
    (("Minister of Defense of Japan",), date(2010, 1, 1)),
    (("Chief Cabinet Secretary of Japan",), date(2010, 1, 1)),
    (("Deputy Chief Cabinet Secretary of Japan",), date(2010, 1, 1)),
    (("Minister of State for Okinawa and Northern Territories Affairs",), date(2010, 1, 1)),
    (("Minister of Agriculture, Forestry and Fisheries of Japan",), date(2010, 1, 1)),
    (("Press Secretary, Japanese MOFA",), date(2011, 1, 1)),  # Kazuo Kodama, to 2010, is not listed
    (("Ambassador of Japan to Russia",), date(2010, 1, 1)),
    (("President of Russia",), date(2010, 1, 1)),
    (("Prime Minister of Russia",), date(2010, 1, 1)),
    (("Minister of Foreign Affairs of Russia",), date(2010, 1, 1)),
    (("Minister of Defense of Russia",), date(2010, 1, 1)),
    (("Secretary of the Security Council of Russia",), date(2010, 1, 1)),
    (("Director of the Information and Press Department, Russian MFA (spokesperson)",), date(2010, 1, 1)),
    (("Press Secretary of the President of Russia",), date(2010, 1, 1)),
    (("Governor of Sakhalin Oblast",), date(2010, 1, 1)),
    (("Chairman of the State Duma Committee on International Affairs",), date(2010, 1, 1)),
    (("Chairman of the Federation Council Committee on International Affairs",), date(2010, 1, 1)),
    (("Head of the Federal Agency for Fishery of Russia",), date(2010, 1, 1)),
    (
        (
            "Minister for the Development of the Russian Far East",
            "Minister for the Development of the Russian Far East and Arctic",
        ),
        date(2012, 5, 21),  # the ministry was created that day
    ),
]
_COVERED_UNTIL = date(2025, 10, 21)


@pytest.mark.parametrize(("titles", "since"), _COVERED_OFFICES, ids=[t[0] for t, _ in _COVERED_OFFICES])
def test_key_offices_have_a_holder_on_every_day(
    actors: list[dict[str, Any]], titles: tuple[str, ...], since: date
) -> None:
    """A statement by "the foreign minister" or "官房長官" on any day resolves to a person: no holder is missing."""
    terms = sorted(
        (_earliest(role["from"]), _latest(role["to"]) if role["to"] else date.max)
        for actor in actors
        for role in actor["roles"]
        if role["title"] in titles
    )
    covered = since
    for start, end in terms:
        if end < covered:
            continue
        assert (start - covered).days <= 14, f"{titles[0]}: nobody from {covered} to {start}"
        covered = max(covered, end)
    assert covered >= _COVERED_UNTIL, f"{titles[0]}: nobody after {covered}"


@pytest.mark.parametrize("gold", GOLD_DIRS)
def test_every_gold_speaker_is_an_actor_of_its_side(by_name: dict[str, dict[str, Any]], gold: Path) -> None:
    for line in _gold("gold.jsonl", gold):
        actor = by_name.get(line["speaker"])
        assert actor is not None, f"gold speaker {line['speaker']!r} is not an actor name"
        assert actor["side"] == line["side"], line["speaker"]
        assert actor["kind"] not in NON_SIDE_KINDS, line["speaker"]


@pytest.mark.parametrize("gold", GOLD_DIRS)
def test_gold_written_forms_resolve_to_the_gold_speaker(
    alias_index: dict[str, list[dict[str, Any]]], gold: Path
) -> None:
    """A written form that is an alias must lead to the annotated speaker, never to someone else."""
    for name in ("gold.jsonl", "gold_non_official.jsonl"):
        for line in _gold(name, gold):
            owners = alias_index.get(_norm(line["speaker_as_written"]), [])
            for owner in owners:
                assert owner["name"] == line["speaker"], (line["speaker_as_written"], owner["name"])


@needs_corpus
def test_named_non_official_speakers_are_media_or_experts(by_name: dict[str, dict[str, Any]]) -> None:
    """The sample corpus's named journalists and experts are in the gazetteer (the dev set's are held out)."""
    named = 0
    for line in _gold("gold_non_official.jsonl"):
        speaker = line["speaker"]
        # Generic forms ("Japanese media", "experts (unnamed)", "X and other newspapers") are not actors.
        if not all(word[:1].isupper() for word in speaker.split()):
            assert speaker not in by_name, speaker
            continue
        named += 1
        actor = by_name.get(speaker)
        assert actor is not None, f"named non-official speaker {speaker!r} is not an actor"
        assert actor["kind"] == line["side"], speaker  # gold side is "media" or "expert"
        assert actor["side"] is None, speaker
    assert named > 0


@needs_corpus
def test_corpus_garbles_are_aliases(by_name: dict[str, dict[str, Any]]) -> None:
    """The README lists machine-translation garbles as 'Garbled = Canonical'; names among them must resolve."""
    pairs = re.findall(r"([A-Z][\w\"]*(?: [A-Z]\w*)*) = ([A-Z]\w*(?: [A-Z]\w*)*)", _readme())
    checked = 0
    for garbled, canonical in pairs:
        actor = by_name.get(canonical)
        if actor is None:  # not a person or outlet (e.g. Aegis Ashore)
            continue
        assert _norm(garbled) in {_norm(a) for a in actor["aliases"]["en"]}, (garbled, canonical)
        checked += 1
    assert checked >= 4


def _readme_issue_slugs() -> list[str]:
    return re.findall(r"^\| `([a-z_]+)` \|", _readme(), flags=re.MULTILINE)


@needs_corpus
def test_issues_match_the_corpus_taxonomy() -> None:
    issues = _load("issues.json")
    expected = _readme_issue_slugs()
    assert len(expected) == 12
    assert [issue["slug"] for issue in issues] == expected


def test_issue_titles_descriptions_and_keywords() -> None:
    for issue in _load("issues.json"):
        slug = issue["slug"]
        assert all(issue["title"].get(lang) for lang in LANGUAGES), slug
        assert len(issue["description"]) > 20, slug
        for lang in LANGUAGES:
            words = issue["keywords"][lang]
            assert 15 <= len(words) <= 40, (slug, lang, len(words))
            assert len(set(words)) == len(words), (slug, lang, "duplicate keyword")
            for word in words:
                assert word.strip() == word and word, (slug, lang)
                if lang in ("en", "ru"):  # lower case, or an acronym in capitals matched as such (ПРО, not про)
                    assert word == word.lower() or word.isupper(), (slug, lang, word)
        # Japanese keywords are for matching Japanese text: they must contain Japanese script.
        assert all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", w) for w in issue["keywords"]["ja"]), slug
        assert all(re.search(r"[а-яёА-ЯЁ]", w) or re.search(r"[a-z0-9]", w) for w in issue["keywords"]["ru"]), slug


@needs_corpus
def test_gold_quotes_contain_a_keyword_of_their_issue() -> None:
    """Keywords must actually describe the issues: most gold quotes carry one of their issue's keywords."""
    keywords = {i["slug"]: i["keywords"]["en"] for i in _load("issues.json")}
    lines = _gold("gold.jsonl") + _gold("gold_non_official.jsonl")
    hits = sum(any(k in line["quote"].lower() for k in keywords[line["issue"]]) for line in lines)
    assert hits / len(lines) >= 0.75, f"{hits}/{len(lines)}"


def test_resources_are_utf8_json_files() -> None:
    for name in ("actors.json", "issues.json", "sides.json"):
        raw = Path(RESOURCES / name).read_bytes()
        json.loads(raw.decode("utf-8"))
