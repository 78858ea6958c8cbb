"""Headless import throughput: N synthetic articles of about 8 KB (en/ru/ja) through `positions import`.

Reports articles per second (median over runs, each into a fresh database, each in its own process) and the peak
memory (max RSS) of the importing process. Small by default (CI); the full measurement is 1,000 articles:

POSITIONS_BENCH_SIZE=1000 python3 -m pytest tests/bench/bench_import.py -s
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_DIR

DEFAULT_ARTICLES = 12
ARTICLE_BYTES = 8 * 1024
RUNS = 3

SPEAKERS = {
    "en": [("Foreign Minister Sergey Lavrov", "He"), ("Foreign Minister Taro Kono", "He"),
           ("Prime Minister Shinzo Abe", "He"), ("President Vladimir Putin", "He"),
           ("Kremlin spokesman Dmitry Peskov", "He")],
    "ru": [("Министр иностранных дел Сергей Лавров", "Он"), ("Министр иностранных дел Японии Таро Коно", "Он"),
           ("Премьер-министр Японии Синдзо Абэ", "Он"), ("Президент России Владимир Путин", "Он")],
    "ja": [("ラブロフ外相", "外相"), ("河野太郎外相", "外相"), ("安倍晋三首相", "首相"), ("プーチン大統領", "大統領")],
}  # fmt: skip
SAID = {
    "en": ["{s} said on {d} that talks on a peace treaty would continue.",
           "{s} told reporters on {d}: \"We will not accept missile defense systems near our borders.\"",
           "{s} stressed that joint economic activity on the islands must follow a special legal framework.",
           "{s} expressed concern on {d} about North Korea's nuclear and missile programme."],
    "ru": ["{s} заявил {d}, что переговоры о мирном договоре будут продолжены.",
           "{s} подчеркнул, что совместная хозяйственная деятельность на Курильских островах должна вестись по "
           "российским законам.",
           "{s} выразил обеспокоенность {d} размещением систем противоракетной обороны."],
    "ja": ["{s}は{d}、平和条約締結交渉を続ける考えを示した。",
           "{s}は{d}の記者会見で「北方領土問題を解決して平和条約を締結するという基本方針に変わりはない」と述べた。",
           "{s}は北朝鮮の核・ミサイル開発に強い懸念を示した。"],
}  # fmt: skip
FILLER = {
    "en": ["The weather in the capital was mild and the markets were calm on the day of the talks.",
           "Analysts noted that the economic agenda had grown over the past year, with new projects in the Far East.",
           "Trade between the two countries rose by several percent, according to customs statistics."],
    "ru": ["Погода в столице была мягкой, а рынки оставались спокойными в день переговоров.",
           "Товарооборот между двумя странами вырос на несколько процентов по данным таможенной статистики."],
    "ja": ["会談当日、首都の天気は穏やかで、市場も落ち着いていた。",
           "両国間の貿易額は税関統計によると数パーセント増加した。"],
}  # fmt: skip
DATES = {"en": ["March 18", "Tuesday", "last week", "11 January 2017"],
         "ru": ["18 марта", "во вторник", "в понедельник"], "ja": ["18日", "3月18日", "先週"]}  # fmt: skip
DATELINE = {"en": "{y}-{m:02d}-{d:02d}", "ru": "{d:02d}.{m:02d}.{y}", "ja": "{y}年{m}月{d}日"}


def synthetic_article(number: int, rng: random.Random) -> tuple[str, str]:
    """(file name, text) of one article of about ARTICLE_BYTES in UTF-8."""
    language = rng.choice(("en", "en", "ru", "ja"))
    year, month, day = rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28)
    title = {"en": f"Talks continue, round {number}", "ru": f"Переговоры продолжаются, раунд {number}",
             "ja": f"交渉継続 第{number}回"}[language]  # fmt: skip
    parts = [title, DATELINE[language].format(y=year, m=month, d=day)]
    size = len("\n\n".join(parts).encode("utf-8"))
    while size < ARTICLE_BYTES:
        speaker, pronoun = rng.choice(SPEAKERS[language])
        paragraph = [rng.choice(SAID[language]).format(s=speaker, d=rng.choice(DATES[language]))]
        paragraph += rng.sample(FILLER[language], k=min(2, len(FILLER[language])))
        if rng.random() < 0.5:
            paragraph.append(rng.choice(SAID[language]).format(s=pronoun, d=rng.choice(DATES[language])))
        text = (" " if language != "ja" else "").join(paragraph)
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
    return f"article-{number:05d}-{language}.txt", "\n\n".join(parts) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 11) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        name, text = synthetic_article(number, rng)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


RUNNER = """
import contextlib, io, json, resource, sys, time
from desktop.cli import main
db, files = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["import", "--db", db, *files])
seconds = time.perf_counter() - start
try:  # VmHWM: this program's own peak (ru_maxrss also counts the parent's memory at fork, kept across exec)
    with open("/proc/self/status") as status:
        peak_mb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
except OSError:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"code": code, "seconds": seconds, "peak_mb": peak_mb,
                  "last_line": out.getvalue().strip().splitlines()[-1]}))
"""


def import_once(db: Path, files: list[Path]) -> dict[str, float | int | str]:
    done = subprocess.run([sys.executable, "-c", RUNNER, str(db), *map(str, files)], cwd=PROJECT_DIR,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_import_throughput(tmp_path: Path) -> None:
    count = int(os.environ.get("POSITIONS_BENCH_SIZE") or DEFAULT_ARTICLES)
    files = write_corpus(tmp_path / "articles", count)
    total_mb = sum(f.stat().st_size for f in files) / 2**20
    runs = [import_once(tmp_path / f"run{n}.sqlite", files) for n in range(RUNS)]
    assert all(r["code"] == 0 for r in runs), runs
    assert all(f"from {count} of {count} files" in str(r["last_line"]) for r in runs), runs[0]["last_line"]
    rates = [count / float(r["seconds"]) for r in runs]
    peak = max(float(r["peak_mb"]) for r in runs)
    each = ", ".join(f"{r:.2f}" for r in rates)
    print(f"\n{count} articles ({total_mb:.1f} MB): {statistics.median(rates):.2f} articles/s median of {RUNS} "
          f"(runs: {each}); peak memory {peak:.0f} MB; {runs[0]['last_line']}")  # fmt: skip
    assert peak < 1024, "memory grows with the number of files: it must not"
