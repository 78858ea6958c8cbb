"""Japanese cues, read from the grammar of the sentence (see `morphology.py`), not from a list of phrases.

A statement is reported by:
- the quotative particle と after a clause or a quotation, then a verb: 「…」と述べた, …と強調しました,
  …と話しています, …などと呼びかけた (any verb but a few that do not report, such as となる; 考える, 見る and
  other verbs of thinking make a stance);
- との + a noun of position + を/で + a verb of showing: …との見方を示した, …との考えを述べました;
- 旨 + a verb: …旨述べた, …旨、働きかけを行ってきた;
- a noun of position + を + a verb of showing: 懸念を示した, 遺憾の意を表明した;
- a speech act on an object: …を求めた, …を強く非難した, …も求めた, and a speech act ending the sentence
  without its verb (…を強調。);
- an agreement: …で合意した, …で一致をしております;
- hearsay closing a sentence: …行ったという。; a stance: …としている;
- an intention closing a sentence: …取り組んでいく考えです。, …見極めていく方針。;
- a source: …によると, …の話では; a quotation straight after a name: プーチン大統領「…」.
A verb that modifies a noun (…と述べた発言, …という方針, …求めてきたこと) reports nothing by itself, and a passive
(…と見られる, …とされる) has no speaker.
"""

from __future__ import annotations

import re

from db.ingest.cues import AGREEMENT, INTENTION, RELAYED, SOURCE, SPEECH, STANCE, Cue, CueClass
from db.ingest.languages import lexicon
from db.ingest.languages.ja.morphology import Word, words

_NOT_REPORTING = frozenset(lexicon.words("ja", "cues.json", "not_reporting_after_quote"))
_COGNITION = frozenset(lexicon.words("ja", "cues.json", "cognition_verbs"))
_SPEECH_ACTS = frozenset(lexicon.words("ja", "cues.json", "speech_act_verbs"))
_POSITION_NOUNS = frozenset(lexicon.words("ja", "cues.json", "position_nouns"))
_DISPLAY_VERBS = frozenset(lexicon.words("ja", "cues.json", "display_verbs"))
_AGREEMENT = frozenset(lexicon.words("ja", "cues.json", "agreement_verbs"))
_INTENTION_NOUNS = frozenset(lexicon.words("ja", "cues.json", "intention_nouns"))
_AUXILIARY_VERBS = frozenset(lexicon.words("ja", "cues.json", "auxiliary_verbs"))
_SOURCE = re.compile(r"(?:によると|によれば|によりますと|の話では|の見解では)")
_SENTENCE_END = frozenset("。．！？」』")
_SURU = "為る"
_CLAUSE_NOUNS = frozenset({"上", "後", "際"})  # …とした上で, …と述べた後: the clause goes on
_REPORT_NOUNS = frozenset(lexicon.words("ja", "cues.json", "report_nouns"))  # Xが…という発言があった
NEVER_CUE = CueClass("none", 0.0)
_IU = "言う"


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Cues in text[start:end] (one sentence), as (start, end, class)."""
    ws = words(text, start, end)
    found: list[Cue] = []
    for i in range(len(ws)):
        cue = (
            _quotative(ws, i)
            or _intent_clause(ws, i)
            or _position_shown(ws, i)
            or _speech_act(ws, i)
            or _agreement(ws, i)
            or _final_intention(ws, i)
            or _caption(ws, i)
        )
        if cue is not None:
            found.append(cue)
    for match in _SOURCE.finditer(text, start, end):
        found.append((match.start(), match.end(), SOURCE))
    return found


def _quotative(ws: list[Word], i: int) -> Cue | None:
    """…と述べた, 「…」と応じた, …とも語った, …との見方を示した, …としている, …という。"""
    word = ws[i]
    conditional = word.is_("助詞", "接続助詞") and word.surface == "と"  # the tagger's reading; checked below
    if not (word.is_("助詞", "格助詞") and word.surface == "と" or word.surface == "とも" or conditional):
        return None
    if not _closes_clause(ws, i):
        return None  # ロシアと会談した: と after a noun is "with"
    j = i + 1
    if j < len(ws) and ws[j].surface in ("も", "は") and word.surface == "と":
        j += 1
    if j < len(ws) and ws[j].surface == "の" and word.surface == "と":  # との見方を示した
        return _shown_after_noun(ws, word.start, j + 1)
    j = _past_adverbs(ws, j)  # と厳しく批判した, と改めて強調した, と一方的に非難した
    predicate = _predicate(ws, j)
    if predicate is None and j < len(ws) and ws[j].lemma in _SPEECH_ACTS:
        predicate = _predicate(ws, j, allow_bare_noun=True)  # 「…」と批判。: a newspaper's sentence ends on the noun
    if predicate is None:
        return None
    lemma, last = predicate
    if lemma in _NOT_REPORTING or _passive(ws, last):
        return None
    if conditional and lemma not in _SPEECH_ACTS | _COGNITION:
        return None  # …しないといけない: "if", not a quotation (a verb of saying after it overrules the tagger)
    embedded = _embedded(ws, last)
    if embedded is not None:
        return (word.start, _chunk_end(ws, last), embedded) if embedded is RELAYED else None
    if lemma == _SURU:
        if ws[last].form.startswith("連用形") and last + 1 < len(ws) and ws[last + 1].surface == "て":
            if not _continues(ws, last + 2):
                return None  # …として懸念を示した: the verb after it is the cue
            return (word.start, _chunk_end(ws, last), STANCE)  # …としている
        return (word.start, _chunk_end(ws, last), SPEECH)  # …とした
    if lemma == _IU and not _ends_sentence(ws, _chunk_last(ws, last)):
        return None  # …という基本方針: "that", not hearsay
    cue_class = STANCE if lemma in _COGNITION else SPEECH
    return (word.start, _chunk_end(ws, last), cue_class)


def _intent_clause(ws: list[Word], i: int) -> Cue | None:
    """…旨述べた, …旨、働きかけを行ってきた, …旨を伝えた."""
    if ws[i].surface != "旨":
        return None
    for j in range(i + 1, min(len(ws), i + 8)):
        if ws[j].surface in ("。", "」"):
            return None
        predicate = _predicate(ws, j)
        if predicate is not None and not _passive(ws, predicate[1]):
            return (ws[i].start, _chunk_end(ws, predicate[1]), SPEECH)
    return None


def _position_shown(ws: list[Word], i: int) -> Cue | None:
    """懸念を示した, 考えを改めて示した, 遺憾の意を表明した (a noun of position shown by a verb)."""
    word = ws[i]
    if word.pos != "名詞" or word.lemma not in _POSITION_NOUNS:
        return None
    if i >= 2 and ws[i - 1].surface == "の" and ws[i - 2].surface == "と":
        return None  # …との考えを示した: the quotative cue covers it
    return _shown_after_noun(ws, word.start, i)


def _shown_after_noun(ws: list[Word], cue_start: int, j: int) -> Cue | None:
    """From a noun of position at ws[j] (or a short noun phrase): を/で + adverbs + a verb of showing."""
    k = j
    while k < len(ws) and k - j < 4 and (ws[k].pos in ("名詞", "接尾辞", "形状詞", "接頭辞") or _verb_noun(ws, k)):
        k += 1  # 見方 (見 + 方), 強硬姿勢, 遺憾の意 (の inside: allowed once below)
    if k < len(ws) and ws[k].surface == "の" and k + 1 < len(ws) and ws[k + 1].pos == "名詞":
        k += 2
    if k >= len(ws) or ws[k].surface not in ("を", "で", "も"):
        return None
    k += 1
    k = _past_adverbs(ws, k)
    predicate = _predicate(ws, k, allow_bare_noun=True)  # …と厳しい姿勢を強調。
    if predicate is None:
        return None
    lemma, last = predicate
    if lemma in _AGREEMENT:
        return (cue_start, _chunk_end(ws, last), AGREEMENT)  # …との認識で一致した
    if lemma not in _DISPLAY_VERBS or _passive(ws, last) or _modifies_noun(ws, last):
        return None
    return (cue_start, _chunk_end(ws, last), SPEECH)


def _caption(ws: list[Word], i: int) -> Cue | None:
    """プーチン大統領「…」: a quotation straight after a name or title, as captions and transcripts write it. The
    cue is the opening mark; the speaker is the name that ends right before it."""
    word = ws[i]
    if word.surface != "「" or i == 0:
        return None
    before = ws[i - 1]
    if before.pos in ("名詞", "接尾辞") and before.pos2 != "数詞":
        return (word.start, word.end, SOURCE)
    return None


def _speech_act(ws: list[Word], i: int) -> Cue | None:
    """…を求めた, …も求めた, …を強く非難した, …を強調。 (a speech act on what precedes it)."""
    predicate = _predicate(ws, i, allow_bare_noun=True)
    if predicate is None:
        return None
    lemma, last = predicate
    if lemma not in _SPEECH_ACTS or lemma in _DISPLAY_VERBS and i > 1 and ws[i - 2].lemma in _POSITION_NOUNS:
        return None  # 懸念を表明した: the position shown is the cue
    previous = ws[i - 1] if i > 0 else None
    while previous is not None and (previous.pos == "副詞" or previous.pos == "形容詞"):
        index = ws.index(previous)
        previous = ws[index - 1] if index > 0 else None
    if previous is None or previous.surface not in ("を", "も", "に", "、"):
        return None  # the object marks a speech act on something said ("…ことを強調した")
    if previous.surface == "に" and lemma not in ("抗議", "反発", "反論", "要請", "要求", "警告", "指示"):
        return None
    if _passive(ws, last):
        return None
    if i > 1 and ws[i - 2].lemma in _REPORT_NOUNS and _continues_clause(ws, last):
        return None  # 声明を発表し、「…」と非難した: issuing the statement introduces what it says
    embedded = _embedded(ws, last)
    if embedded is not None:
        return (ws[i].start, _chunk_end(ws, last), embedded) if embedded is RELAYED else None
    return (ws[i].start, _chunk_end(ws, last), SPEECH)


def _agreement(ws: list[Word], i: int) -> Cue | None:
    """…で合意した, …ことで一致をしております, 妥結した."""
    word = ws[i]
    if word.pos != "名詞" or word.lemma not in _AGREEMENT:
        return None
    j = i + 1
    if j < len(ws) and ws[j].surface == "を":  # 一致をしております
        j += 1
    if j < len(ws) and ws[j].lemma == _SURU and not _passive(ws, j):
        start = ws[i - 1].start if i > 0 and ws[i - 1].surface in ("で", "と") else word.start
        if not _modifies_noun(ws, j):
            return (start, _chunk_end(ws, j), AGREEMENT)
        announced = _announced(ws, _chunk_last(ws, j) + 1)  # …で合意したことを明らかにした: the agreement is told
        return (start, _chunk_end(ws, announced), AGREEMENT) if announced is not None else None
    if _ends_sentence(ws, i):  # …で合意。
        return (word.start, word.end, AGREEMENT)
    return None


def _announced(ws: list[Word], k: int) -> int | None:
    """The last word of a verb of saying after こと at ws[k] (…ことを明らかにした, …ことを発表した), if any."""
    if k + 1 >= len(ws) or ws[k].lemma != "事" or ws[k + 1].surface not in ("を", "も"):
        return None
    predicate = _predicate(ws, k + 2)
    if predicate is None or predicate[0] not in _SPEECH_ACTS | _DISPLAY_VERBS or _passive(ws, predicate[1]):
        return None
    return predicate[1]


def _final_intention(ws: list[Word], i: int) -> Cue | None:
    """…取り組んでいく考えです。, …見極めていく方針。: an intention that closes the sentence."""
    word = ws[i]
    if word.pos != "名詞" or word.lemma not in _INTENTION_NOUNS or i == 0:
        return None
    before = ws[i - 1]
    if before.pos not in ("動詞", "助動詞") or not before.form.startswith("連体形"):
        return None
    j = i + 1
    while j < len(ws) and ws[j].pos == "助動詞":  # だ, です, である
        j += 1
    if j < len(ws) and ws[j].surface not in _SENTENCE_END:
        return None
    return (word.start, ws[j - 1].end, INTENTION)


# --- grammar helpers ---------------------------------------------------------------------------------------------


def _past_adverbs(ws: list[Word], j: int) -> int:
    """The index after the adverbs at ws[j]: 改めて, 厳しく (an adjective's adverbial form), 一方的に (形状詞 + に)."""
    while j < len(ws):
        if ws[j].pos == "副詞" or ws[j].pos == "形容詞" and ws[j].form.startswith("連用形"):
            j += 1
        elif j + 1 < len(ws) and ws[j].pos == "形状詞" and ws[j + 1].form.startswith("連用形-ニ"):
            j += 2
        elif j + 2 < len(ws) and ws[j + 1].pos2 == "形状詞的" and ws[j + 2].form.startswith("連用形-ニ"):
            j += 3  # 一方 + 的 + に
        else:
            return j
    return j


def _closes_clause(ws: list[Word], i: int) -> bool:
    """True when ws[i] (と) follows a clause or a quotation, which makes it the quotative particle."""
    k = i - 1
    if k >= 0 and ws[k].surface in ("など", "なんて"):  # 「…」などと呼びかけた
        k -= 1
    if k >= 1 and ws[k].surface == "、" and ws[k - 1].pos in ("助動詞", "動詞"):  # …やめるべきだ、と指摘した
        k -= 1
    if k < 0:
        return False
    before = ws[k]
    if before.is_("補助記号", "括弧閉"):
        return True
    if before.pos in ("動詞", "助動詞", "形容詞") or before.is_("助詞", "終助詞"):
        return True
    return before.surface == "か" and before.pos == "助詞"  # …のかと


def _predicate(ws: list[Word], j: int, allow_bare_noun: bool = False) -> tuple[str, int] | None:
    """(dictionary form, index of its last word) of the verb starting at ws[j]: a verb, a noun + する (強調し),
    明らか + に + する; with `allow_bare_noun`, a noun closing the sentence (…を強調。)."""
    if j >= len(ws):
        return None
    word = ws[j]
    if word.pos == "動詞" and word.lemma != _SURU:
        return word.lemma, j
    if word.pos == "名詞" and j + 1 < len(ws) and ws[j + 1].lemma == _SURU:
        return word.lemma, j + 1
    if word.surface == "明らか" and j + 2 < len(ws) and ws[j + 1].surface == "に" and ws[j + 2].lemma == _SURU:
        return word.lemma, j + 2
    if word.lemma == _SURU:
        return _SURU, j
    if allow_bare_noun and word.pos == "名詞" and _ends_sentence(ws, j):
        return word.lemma, j
    return None


def _chunk_last(ws: list[Word], last: int) -> int:
    """The last word of the verb group ending at ws[last]: auxiliaries and helper verbs after it (述べ/まし/た,
    話し/て/い/ます, 求め/て/き/た)."""
    k = last
    while k + 1 < len(ws):
        nxt = ws[k + 1]
        if nxt.pos == "助動詞":
            k += 1
        elif (
            nxt.surface in ("て", "で")
            and nxt.pos == "助詞"
            and k + 2 < len(ws)
            and (ws[k + 2].lemma in _AUXILIARY_VERBS)
        ):
            k += 2
        elif nxt.pos == "動詞" and nxt.lemma in _AUXILIARY_VERBS and nxt.pos2 == "非自立可能":
            k += 1
        else:
            break
    return k


def _chunk_end(ws: list[Word], last: int) -> int:
    return ws[_chunk_last(ws, last)].end


def _passive(ws: list[Word], last: int) -> bool:
    """…と見られる, …とされる: a passive has no speaker."""
    return last + 1 < len(ws) and ws[last + 1].lemma in ("れる", "られる")


def _embedded(ws: list[Word], last: int) -> CueClass | None:
    """What a verb group that modifies a noun reports: …と述べたことに関し is a statement of the clause's own
    subject (RELAYED); …という方針, …と述べた発言 report nothing (NEVER). None when it modifies no noun, or only
    a noun that closes a clause (…とした上で, …と述べた後)."""
    if not _modifies_noun(ws, last):
        return None
    noun = ws[_chunk_last(ws, last) + 1]
    if noun.lemma in _CLAUSE_NOUNS:
        return None
    return RELAYED if noun.lemma == "事" or noun.lemma in _REPORT_NOUNS else NEVER_CUE


def _modifies_noun(ws: list[Word], last: int) -> bool:
    """…と述べた発言, …という方針, …求めてきたこと, …発表したのは: the verb group describes the noun after it (or the
    nominaliser の makes the clause a noun)."""
    k = _chunk_last(ws, last)
    if k + 1 >= len(ws):
        return False
    marked = k + 2 < len(ws) and ws[k + 2].surface in ("は", "が", "を", "も")  # …したのは, not …したのに対し
    nominalised = ws[k + 1].is_("助詞", "準体助詞") and marked
    return ws[k].form.startswith("連体形") and (ws[k + 1].pos in ("名詞", "接尾辞") or nominalised)


def _verb_noun(ws: list[Word], k: int) -> bool:
    """見 + 方, 考え + 方: a verb stem that a suffix turns into a noun."""
    return ws[k].pos == "動詞" and k + 1 < len(ws) and ws[k + 1].pos == "接尾辞"


def _continues(ws: list[Word], k: int) -> bool:
    """After …として: いる/おる continues it (…としている), anything else starts the clause it explains."""
    return k < len(ws) and ws[k].lemma in ("居る", "御座る")


def _continues_clause(ws: list[Word], last: int) -> bool:
    """The verb group ending at ws[last] is in its continuative form before a comma or a quotation (発表し、…,
    発表し「…」)."""
    k = _chunk_last(ws, last)
    return ws[k].form.startswith("連用形") and k + 1 < len(ws) and ws[k + 1].surface in ("、", "，", ",", "「")


def _ends_sentence(ws: list[Word], k: int) -> bool:
    return k + 1 >= len(ws) or ws[k + 1].surface in _SENTENCE_END
