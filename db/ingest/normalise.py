"""Normalising imported text, and stripping site boilerplate, so that every later stage sees one clean form.

`normalise_text` makes the text every character offset refers to: NFC, `\\n` line ends, full-width ASCII folded to
half-width and half-width katakana to full-width (`fold_width`, shared with search so that queries fold the same
way), runs of spaces collapsed, at most one blank line between paragraphs.

`strip_boilerplate` removes lines that are not the article: machine-translation disclaimers, navigation and share
buttons, cookie notices, "read also" headers, and teaser lines of other articles at the end of a crawled page.
These are general patterns (short navigation lines, date-prefixed teasers at the end), not the sample strings.
"""

from __future__ import annotations

import re
import unicodedata

from db.ingest.languages import detect_language

_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
# Only what needs changing: runs of 2+ blanks, or a single blank that is not a plain space (matching every single
# space of a 50 MB text costs seconds).
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f]")
_FULL_WIDTH = re.compile(r"[\uff01-\uff5e\u3000]")
_NEEDS_FOLDING = re.compile(r"[\uff01-\uff9f\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_BLANK_LINES = re.compile(r"\n{3,}")


def _fold_char(code: int) -> str:
    if code == 0xFF5E:
        return "\u301c"  # cp932 reads the wave dash as a full-width tilde; keep it a wave dash, not "~"
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    return " "  # U+3000 ideographic space


_WIDTH_TABLE = {code: _fold_char(code) for code in [*range(0xFF01, 0xFF5F), 0x3000]}


def fold_width(text: str) -> str:
    """Full-width ASCII -> half-width (ＡＢＣ１２３ -> ABC123), half-width katakana -> full-width (ｶﾞ -> ガ).

    Length may shrink (a half-width kana with its voicing mark becomes one character), so fold before taking
    offsets. The wave dash is unified to U+301C whichever codec produced it.
    """
    if not _NEEDS_FOLDING.search(text):
        return text
    if _FULL_WIDTH.search(text):
        text = text.translate(_WIDTH_TABLE)
    if _HALFWIDTH_KANA.search(text):
        text = _HALFWIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return text


def normalise_text(text: str) -> str:
    """The canonical form of an imported text (see module docstring)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if _ZERO_WIDTH.search(text):
        text = _ZERO_WIDTH.sub("", text)
    text = fold_width(text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def language_by_script(text: str, sample_size: int = 20000) -> str:
    """The language of a text from the scripts of its first 20,000 characters (see `languages.detect_language`)."""
    return detect_language(text[:sample_size])


# --- boilerplate -----------------------------------------------------------------------------------------------

_DISCLAIMER = re.compile(
    r"\btranslated\b.{0,80}\b(google|machine|automatic|neural)\b"
    r"|\b(google|machine|automatic(ally)?)\b.{0,40}\btranslat"
    r"|\bnot responsible for\b.{0,40}\b(mistakes|errors|inaccuracies|translation)"
    r"|\brefer to the (original )?(text|article|original)\b.{0,40}\bas (a|the) source"
    r"|\bsorry for the incon"
    r"|машинн\w* перевод|автоматическ\w* перевод|переведен\w* (автоматически|машинно)"
    r"|не несет ответственности за .{0,40}(ошибк|неточност|перевод)"
    r"|機械翻訳|自動翻訳",
    re.I,
)
_COOKIES = re.compile(r"\bcookies?\b|файл\w* cookie|куки|クッキー|Cookie", re.I)
_COOKIE_ACTION = re.compile(
    r"\b(use|uses|using|accept|consent|agree|policy|continu)|использу|соглаш|принять|политик|利用|同意|使用", re.I
)

# Words that make up navigation, share and subscription chrome. A short line made only of these is chrome.
_CHROME_WORDS = frozenset(
    """
    back home menu share shares tweet print email e-mail subscribe subscribed follow us like comments comment
    reply related articles article read also more next previous prev top up login log in sign register search
    advertisement ads sponsored tags tag rss telegram vk facebook twitter whatsapp linkedin copy link news
    latest popular the to on in of and all see our newsletter close accept save bookmark
    назад главная меню поделиться поделитесь подписаться подпишитесь печать версия для печати комментарии
    комментарий читайте также смотрите по теме еще ещё другие новости реклама теги метки вернуться наверх
    все новости следующая предыдущая статья статьи материалы вход регистрация поиск закрыть на в и к
    関連記事 シェア ツイート 印刷 コメント 次へ 前へ トップ ホーム 広告 タグ 一覧
    戻る もっと見る 続きを読む ログイン 会員登録 検索 メニュー
    """.split()  # noqa: SIM905
)
_CHROME_PHRASES = re.compile(
    r"^(read also|see also|related( articles| news| stories)?|more (news|stories) from|читайте также|"
    r"смотрите также|по теме|читайте нас в|подписывайтесь на|関連記事|あわせて読みたい|こちらもおすすめ)\b",
    re.I,
)
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_DATE_PREFIX = re.compile(
    r"^(\d{1,2}[./]\d{1,2}([./]\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[^\W\d_]+|[^\W\d_]+\s+\d{1,2}(,\s*\d{4})?"
    r"|\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日)\s*[:：|–—-]\s*\S"
)
_SENTENCE_END = re.compile(r"[.!?。！？»\"”…)]$")


def _is_chrome_line(line: str) -> bool:
    if len(line) > 80:
        return False
    if _CHROME_PHRASES.match(line):
        return True
    lowered = line.lower()
    tokens = _TOKEN.findall(lowered)
    if not tokens:
        # Arrows, bullets and separators alone ("« »", "|", "→"), but not numbers or quotes of a text.
        return bool(line) and not any(ch.isdigit() for ch in line) and len(line) <= 5
    if len(tokens) > 6:
        return False
    if all(token in _CHROME_WORDS for token in tokens):
        # "the", "in" and friends are only chrome next to real chrome words.
        return any(len(token) > 3 or not token.isascii() for token in tokens)
    # Japanese has no spaces: a line that is one chrome word possibly with a count ("シェア 12", "コメント(3)").
    compact = re.sub(r"[\s\d()（）\[\]|・:：>»«←→]+", "", lowered)
    return compact in _CHROME_WORDS


def _is_cookie_notice(lowered: str) -> bool:
    return bool(_COOKIES.search(lowered)) and bool(_COOKIE_ACTION.search(lowered))


# Words that disclaimers and cookie notices cannot do without, tested with `in` before the detailed patterns:
# a regex search per line costs seconds over the lines of a large file.
_HINTS = ("translat", "responsib", "refer to", "sorry", "перевод", "ответственност", "翻訳",
          "cookie", "куки", "クッキー")  # fmt: skip


def _is_disclaimer(lowered: str) -> bool:
    return bool(_DISCLAIMER.search(lowered))


def _trailing_teasers(lines: list[str]) -> int:
    """How many lines at the end are teasers of other articles: a block of short lines without a sentence end,
    at least one of them starting with a date ("October 26: current information ...")."""
    count = 0
    dated = False
    index = len(lines) - 1
    while index >= 0:
        line = lines[index]
        if not line:
            index -= 1
            count += 1
            continue
        if len(line) > 160:
            break
        if _SENTENCE_END.search(line) or count > 12:
            break
        if _DATE_PREFIX.match(line):
            dated = True
        count += 1
        index -= 1
    if not dated:
        return 0
    # Trim back to the first dated line of the block: a plain short line just above it belongs to the article.
    block = lines[len(lines) - count :]
    first_dated = next(i for i, line in enumerate(block) if line and _DATE_PREFIX.match(line))
    return count - first_dated


def strip_boilerplate(text: str) -> tuple[str, list[str]]:
    """Remove chrome and disclaimer lines from normalised `text`; return the text and the removed lines in order.

    Paragraph breaks are kept: a removed line leaves at most one blank line behind.
    """
    lines = text.split("\n")
    keep = [True] * len(lines)
    for index, line in enumerate(lines):
        if not line or len(line) >= 400:
            continue
        if _is_chrome_line(line):
            keep[index] = False
        else:
            lowered = line.lower()
            for hint in _HINTS:
                if hint in lowered:
                    keep[index] = not (_is_disclaimer(lowered) or _is_cookie_notice(lowered))
                    break
    teasers = _trailing_teasers([line for line, kept in zip(lines, keep, strict=True) if kept])
    if teasers:
        kept_indices = [i for i, kept in enumerate(keep) if kept]
        for i in kept_indices[len(kept_indices) - teasers :]:
            keep[i] = False
    removed = [line for line, kept in zip(lines, keep, strict=True) if not kept and line]
    result = "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept)
    return _BLANK_LINES.sub("\n\n", result).strip(), removed
