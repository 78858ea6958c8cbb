"""Validate the bundled data: actors gazetteer, sides and issue taxonomy.

The extractor resolves speakers and classifies issues from these files, so a broken date, a missing alias
language or an alias shared by both sides silently degrades every import. The gold annotations are the
reference for canonical names and sides: the dev set's (inside the repository) always, the sample corpus's when
../shared is beside the project (skipped, with the reason, in a plain clone).
"""

from __future__ import annotations

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


def test_no_alias_points_to_two_sides(alias_index: dict[str, list[dict[str, Any]]]) -> None:
    clashes = {
        form: sorted({f"{a['name']} ({a['side']})" for a in owners})
        for form, owners in alias_index.items()
        if len({a["side"] for a in owners}) > 1
    }
    assert not clashes


def test_roles_have_iso_dates_in_order(actors: list[dict[str, Any]]) -> None:
    for actor in actors:
        for role in actor["roles"]:
            assert role["title"], actor["name"]
            start = date.fromisoformat(role["from"])
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", role["from"]), role
            if role["to"] is not None:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", role["to"]), role
                assert start <= date.fromisoformat(role["to"]), (actor["name"], role)
            assert start <= date.today(), (actor["name"], role)
        if actor["kind"] == "person" and actor["side"]:
            assert actor["roles"], f"official {actor['name']} has no role"


def test_single_holder_offices_do_not_overlap(actors: list[dict[str, Any]]) -> None:
    """Two people never hold the same one-holder office at once (a hand-over day may be shared).

    Catches a wrong year in a role, the most likely slip when dates are typed in by hand. Offices with
    several holders at a time (deputies, aides, senior vice-ministers) are skipped.
    """
    terms: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for actor in actors:
        for role in actor["roles"]:
            if re.search(r"Deputy|Aide|Senior Vice", role["title"]):
                continue
            end = date.fromisoformat(role["to"]) if role["to"] else date.max
            terms[role["title"]].append((date.fromisoformat(role["from"]), end, actor["name"]))
    assert len(terms) > 20
    for title, periods in terms.items():
        periods.sort()
        for (_, end, name), (start, _, other) in zip(periods, periods[1:], strict=False):
            assert name == other or end <= start, f"{title}: {name} until {end}, {other} from {start}"


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
                if lang in ("en", "ru"):
                    assert word == word.lower(), (slug, lang, word)
        # Japanese keywords are for matching Japanese text: they must contain Japanese script.
        assert all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", w) for w in issue["keywords"]["ja"]), slug
        assert all(re.search(r"[а-яё]", w) or re.search(r"[a-z0-9]", w) for w in issue["keywords"]["ru"]), slug


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
