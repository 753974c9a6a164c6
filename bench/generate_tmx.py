#!/usr/bin/env python3
"""Writes a large, valid TMX 1.4b memory shaped like artalign's own output (props, indented
tuvs), for measuring validate and --append on memories of hundreds of megabytes. Every unit is
distinct (numbered), so deduplication has to remember all of them. Same output for the same
arguments.

usage: generate_tmx.py OUT.tmx MEGABYTES
"""
import sys

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="artalign" creationtoolversion="0.1.0" segtype="sentence" o-tmf="artalign" adminlang="en" srclang="ko" datatype="plaintext" creationdate="20200212T082600Z"/>
  <body>
"""
FOOTER = """  </body>
</tmx>
"""
UNIT = """    <tu tuid="{n}" creationdate="20200212T082600Z">
      <prop type="x-source-url">http://www.hani.co.kr/arti/international/america/{article}.html</prop>
      <prop type="x-target-url">https://english.hani.co.kr/arti/english_edition/e_international/{article}.html</prop>
      <prop type="x-article-date">2020-02-12T17:26:00+09:00</prop>
      <prop type="x-article-title">Trump says he won&#8217;t hold summit with Kim Jong-un, report {article}</prop>
      <prop type="x-bead">1-1</prop>
      <prop type="x-score">0.996</prop>
      <tuv xml:lang="ko">
        <seg>도널드 트럼프 미국 대통령이 {n}번째 회담을 &lt;시엔엔&gt; 방송에 말했다고 전했다.</seg>
      </tuv>
      <tuv xml:lang="en">
        <seg>US President Donald Trump told CNN about summit number {n} &amp; the election.</seg>
      </tuv>
    </tu>
"""


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    target = int(float(sys.argv[2]) * 1024 * 1024)
    written = 0
    n = 0
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write(HEADER)
        while written < target:
            chunk = "".join(UNIT.format(n=k, article=900000 + k // 20) for k in range(n + 1, n + 5001))
            n += 5000
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
        out.write(FOOTER)
    print(f"{sys.argv[1]}: {n} units, {written // (1024 * 1024)} MiB")


main()
