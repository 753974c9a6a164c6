#!/usr/bin/env python3
"""Writes N artificial outcome lines (schema artalign-pair/1, as `artalign stream` writes them)
for benchmarking and testing `artalign merge`: pairs with 4-12 units each, a boilerplate unit
that repeats across pairs, about 2% skipped or failed pairs, about 3% of lines repeated (a
retried task), all in shuffled order. The same N and seed give the same bytes.

    python3 bench/make_outcomes.py 100000 outcomes.jsonl [--seed 1]
"""
import argparse
import json
import random

KO_WORDS = ("정부는 대통령 국회 경제 회의 발표 지역 주민 기업 시장 노동자 학생 교육 정책 "
            "서울 부산 북한 미국 중국 일본 협상 예산 선거 환경 기후 에너지 의료 병원 법원").split()
EN_WORDS = ("the government president assembly economy meeting announced region residents company "
            "market workers students education policy Seoul Busan North Korea United States China "
            "Japan talks budget election environment climate energy health hospital court").split()
BOILERPLATE = ("[한겨레 영문판] 문의: english@hani.co.kr", "Please direct questions or comments to [english@hani.co.kr]")


def sentence(rng, words, count):
    return " ".join(rng.choice(words) for _ in range(count)) + "."


def outcome(rng, pair_id):
    key = json.dumps(pair_id)
    page = f"english.hani.co.kr/arti/english_edition/e_national/{900000 + pair_id}.html"
    roll = rng.random()
    if roll < 0.01:
        return {"schema": "artalign-pair/1", "key": key, "id": pair_id, "status": "skipped",
                "reason": f"{page}: no site profile matches and no link to an original was found"}
    if roll < 0.02:
        return {"schema": "artalign-pair/1", "key": key, "id": pair_id, "status": "failed",
                "reason": f"{page}: the original www.hani.co.kr/arti/{700000 + pair_id}.html is not in the mirror"}
    units = []
    date = f"2021-{1 + pair_id % 12:02d}-{1 + pair_id % 28:02d}"
    title = sentence(rng, EN_WORDS, 6)
    for _ in range(rng.randint(4, 12)):
        words = rng.randint(8, 20)
        units.append({"source": sentence(rng, KO_WORDS, words), "target": sentence(rng, EN_WORDS, words + 4),
                      "bead": "1-1", "score": round(rng.uniform(0.3, 1.0), 6),
                      "source_url": f"https://www.hani.co.kr/arti/{700000 + pair_id}.html",
                      "target_url": "https://" + page, "date": date, "title": title})
    if rng.random() < 0.5:
        units.append(dict(units[-1], source=BOILERPLATE[0], target=BOILERPLATE[1], score=0.9))
    sentences = len(units) + rng.randint(0, 4)
    chars = sum(len(u["source"]) for u in units)
    summary = {"source_sentences": sentences, "covered_sentences": len(units), "source_chars": chars + 40,
               "covered_chars": chars, "untranslated": sentences - len(units), "additions": 0, "units": len(units)}
    return {"schema": "artalign-pair/1", "key": key, "id": pair_id, "status": "aligned",
            "source_language": "ko", "target_language": "en",
            "index": {"title": title, "original_title": sentence(rng, KO_WORDS, 5), "href": "",
                      "omitted_paragraphs": 0, "alignment_score": round(rng.uniform(0.5, 1.0), 6),
                      "likely_not_translation": False, "summary": summary},
            "units": units,
            "coverage": {"schema": "artalign-coverage/1", "translation": "https://" + page,
                         "original": f"https://www.hani.co.kr/arti/{700000 + pair_id}.html",
                         "summary": summary, "untranslated": [], "additions": []}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="pairs (lines: about 3%% more, the repeats)")
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    lines = [json.dumps(outcome(rng, pair_id), ensure_ascii=False, separators=(",", ":"))
             for pair_id in range(1, args.count + 1)]
    lines += [rng.choice(lines) for _ in range(args.count * 3 // 100)]  # retried tasks
    rng.shuffle(lines)
    with open(args.output, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n")


if __name__ == "__main__":
    main()
