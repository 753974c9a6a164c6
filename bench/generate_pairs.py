#!/usr/bin/env python3
"""Generates a site mirror of N article pairs in the layouts of the bundled Hankyoreh samples
(so the site profiles match): english.hani.co.kr pages, each linking to its Korean original on
www.hani.co.kr. Article text is drawn from the sample pair's parallel paragraphs plus paragraphs
with per-article numbers, so units repeat across articles (as real ones do) but most are new.

Pages are padded to realistic sizes (default 60-150 KB of HTML each) with navigation menus,
inline scripts and styles, as real news pages carry; --small leaves the padding out (for tests).
--bad adds one section index page (not an article: skipped) and one article whose original is
missing from the mirror (failed). Output is the same for the same arguments (fixed seed).

usage: generate_pairs.py OUT_DIR N [--small] [--bad] [--seed S]
"""
import argparse
import html
import os
import random

PARALLEL = [
    ("US President Donald Trump told foreign policy advisers that he does not wish to pursue another summit with "
     "North Korean leader Kim Jong-un until after the presidential election this November, CNN reported on Feb. 10.",
     "도널드 트럼프 미국 대통령이 오는 11월 대선 전까지는 김정은 북한 국무위원장과 또 한 차례 정상회담을 추진하고 싶지 않다고 "
     "외교정책 참모들에게 말했다고 미국 &lt;시엔엔&gt;(CNN) 방송이 10일 보도했다."),
    ("Trump expressed his disappointment late last year after the collapse of working-level talks in Stockholm on "
     "Oct. 5, which came eight months after the two leaders&#8217; summit in Hanoi, the network reported, citing "
     "accounts from two sources. As diplomatic efforts between North Korea and US have bogged down, Trump has "
     "reportedly turned his focus to his re-election campaign and is less motivated to take action on North Korea-US issues.",
     "이 방송은 두 명의 소식통을 인용해, 트럼프 대통령이 하노이 정상회담 8개월 만인 지난해 10월5일 스웨덴 스톡홀름에서 열린 "
     "북-미 실무협상이 결렬된 뒤 지난해 말 실망감을 드러냈다고 전했다. 북-미 간 외교적 노력이 교착 상태에 빠지면서 트럼프 "
     "대통령은 재선 운동으로 관심을 돌렸고, 북-미 문제에서 행동에 나설 의욕도 줄어든 것으로 알려졌다."),
    ("According to an US administration official, Trump&#8217;s key advisers have also shown almost no desire to "
     "negotiate with Pyongyang, with the potential benefits of resuming dialogue vastly outweighed by the attendant "
     "risks. The same official further said that Pyongyang is clearly uninterested in resuming negotiations, as it "
     "recognizes little possibility that Trump will take the initiative in relieving the sanctions against North Korea.",
     "미 행정부의 한 관리는 트럼프 대통령의 핵심 참모들도 평양과의 협상에 거의 의욕을 보이지 않고 있으며, 대화 재개로 얻을 수 "
     "있는 잠재적 이익보다 그에 따르는 위험이 훨씬 크다고 보고 있다고 말했다. 이 관리는 또 북한이 트럼프 대통령이 대북 제재 "
     "완화에 주도적으로 나설 가능성이 작다고 보고 있어 협상 재개에 분명히 관심이 없다고 덧붙였다."),
    ("Participants in Trump&#8217;s campaign do not view North Korea issues as being &#8220;crucial&#8221; to his "
     "re-election chances either, the report said, adding that it was &#8220;noticeable that Trump did not mention "
     "the country in his State of the Union speech this week.&#8221;",
     "트럼프 대선 캠프 관계자들도 북한 문제가 재선 가능성에 “결정적”이라고 보지 않는다고 이 방송은 전했다. 방송은 “트럼프 "
     "대통령이 이번주 국정연설에서 북한을 언급하지 않은 것이 눈에 띄었다”고 덧붙였다."),
    ("An official closely acquainted with the North Korean negotiation process described it to CNN as "
     "&#8220;dead,&#8221; noting that the administration has completely stopped issuing &#8220;special "
     "circumstance permits&#8221; for travel to North Korea.",
     "북한과의 협상 과정을 잘 아는 한 관리는 &lt;시엔엔&gt;에 협상이 “죽었다”고 표현하면서, 행정부가 북한 여행에 필요한 "
     "‘특별 허가’ 발급을 완전히 중단했다고 말했다."),
    ("Despite Trump&#8217;s lack of interest, administration officials have openly signaled their readiness to "
     "negotiate. On Feb. 5, White House National Security Adviser Robert O&#8217;Brien expressed that Trump would "
     "attempt to pursue negotiations with Pyongyang regardless of the election.",
     "트럼프 대통령의 무관심에도 불구하고 행정부 관리들은 협상할 준비가 돼 있다는 신호를 공개적으로 보내왔다. 로버트 "
     "오브라이언 백악관 국가안보보좌관은 지난 5일 트럼프 대통령이 대선과 상관없이 북한과의 협상을 추진할 것이라고 밝혔다."),
    ("&#8220;My hope is that North Korea will come back to the table,&#8221; O&#8217;Brien said. But with no "
     "indication of preliminary measures from the US to resume negotiations, the message appeared intended to lay "
     "the blame for the current impasse at North Korea&#8217;s feet.",
     "오브라이언 보좌관은 “북한이 협상 테이블로 돌아오기를 바란다”고 말했다. 하지만 미국이 협상 재개를 위한 사전 조처에 "
     "나설 것이라는 어떤 징후도 없는 상황에서, 이런 메시지는 현재의 교착 상태에 대한 책임을 북한에 돌리려는 의도로 보인다."),
]

CITIES = [("Seoul", "서울"), ("Busan", "부산"), ("Incheon", "인천"), ("Daegu", "대구"), ("Gwangju", "광주"),
          ("Daejeon", "대전"), ("Ulsan", "울산"), ("Suwon", "수원")]


def unique_paragraphs(number, rng):
    city, city_ko = rng.choice(CITIES)
    people, days, budget = 1000 + number * 7, rng.randint(2, 30), 50 + number % 900
    return [
        (f"The ministry said {people:,} people in {city} had registered for the program within {days} days of its launch.",
         f"부처는 프로그램 시행 {days}일 만에 {city_ko}에서 {people:,}명이 등록했다고 밝혔다."),
        (f"The city government of {city} set aside {budget} billion won for the project, article {number} of the series reported.",
         f"{city_ko}시는 이 사업에 {budget}억원을 배정했다고 연재 {number}번째 기사는 전했다."),
    ]


def padding(rng, target_bytes, language):
    """Menus, scripts and styles: what real pages carry around the article."""
    parts = []
    size = 0
    k = 0
    while size < target_bytes:
        k += 1
        kind = k % 3
        if kind == 0:
            items = "".join(
                f'<li><a href="/arti/section{k}/{j}.html" title="{"섹션" if language == "ko" else "Section"} {k}-{j}">'
                f'{"메뉴 항목" if language == "ko" else "Menu item"} {k}-{j}</a></li>\n' for j in range(25))
            block = f'<ul class="menu menu-{k}">\n{items}</ul>\n'
        elif kind == 1:
            values = ",".join(str(rng.randint(0, 99999)) for _ in range(120))
            block = (f'<script type="text/javascript">\n(function(w,d){{var cfg{k}={{slots:[{values}],'
                     f'site:"hani",lang:"{language}"}};w.adq=w.adq||[];w.adq.push(cfg{k});'
                     f'd.addEventListener("DOMContentLoaded",function(){{/* ad slot {k} */}});}})(window,document);\n</script>\n')
        else:
            rules = "\n".join(f'.box-{k}-{j} {{ margin: {j}px; padding: {j % 7}px; color: #{rng.randint(0, 0xffffff):06x}; }}'
                              for j in range(30))
            block = f'<style type="text/css">\n{rules}\n</style>\n'
        parts.append(block)
        size += len(block.encode("utf-8"))
    return "".join(parts)


def english_page(number, paragraphs, original_url, pad):
    url = f"https://english.hani.co.kr/arti/english_edition/e_international/{100000 + number}.html"
    title = f"Trump says he won&#8217;t hold summit with Kim Jong-un before the election, report No. {number}"
    body = "<br /><br />\n".join(en for en, _ in paragraphs)
    return f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title} : International : News : The Hankyoreh</title>
<link rel="canonical" href="{url}" />
{pad[0]}</head>
<body>
<div id="wrap">
  <div id="header">
    <h1><a href="/"><img src="/images/english/logo.gif" alt="The Hankyoreh" /></a></h1>
{pad[1]}  </div>
  <div id="contents">
    <div class="article-head">
      <p class="category"><a href="/">Home</a> &gt; <a href="/arti/english_edition/">News</a> &gt; <a href="/arti/english_edition/e_international/">International</a></p>
      <div class="article-title">
        <h3>{title}</h3>
        <p class="date-time"><span>Posted on : 2020-02-12 17:26 KST</span> <span>Modified on : 2020-02-12 17:26 KST</span></p>
      </div>
    </div>
    <div class="article-text">
      <h4 class="subtitle">US president turns attention toward re-election campaign</h4>
      <div class="article-contents">
{body}<br /><br />
<b>By Jung E-gil, senior staff writer</b><br /><br />
Please direct comments or questions to [<a href="mailto:english@hani.co.kr">english@hani.co.kr</a>]
      </div>
      <div class="article-btn">
        <a href="{original_url}" target="_blank"><img src="/images/english/btn_original.gif" alt="button that move to original korean article (클릭시 원문으로 이동하는 버튼)" /></a>
      </div>
    </div>
{pad[2]}  </div>
  <div id="footer"><p>Copyright &#169; The Hankyoreh. All rights reserved.</p></div>
</div>
</body>
</html>
'''


def korean_page(number, paragraphs, url, pad):
    title = f"트럼프 “대선 전엔 김정은과 정상회담 안 한다” {number}호"
    body = "<br><br>\n".join(ko for _, ko in paragraphs)
    return f'''<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>{title} : 국제 : 뉴스 : 한겨레</title>
<link rel="canonical" href="{url}">
{pad[0]}</head>
<body>
<div id="wrap">
  <div id="hani-top">
    <h1 class="logo"><a href="/">한겨레</a></h1>
{pad[1]}  </div>
  <div id="contents-article">
    <div class="article-head">
      <p class="category"><a href="/arti/international/">국제</a> &gt; <a href="/arti/international/america/">미국·중남미</a></p>
      <h4><span class="title">{title}</span></h4>
      <p class="date-time"><span><em>등록</em> :2020-02-11 10:37</span><span><em>수정</em> :2020-02-11 19:49</span></p>
    </div>
    <div class="article-text">
      <div class="subtitle">CNN “트럼프, 외교정책 참모들에게 밝혀”<br>북-미 협상 교착 속 재선 운동에 집중</div>
      <div class="text">
{body}<br><br>
정의길 선임기자 <a href="mailto:egil@hani.co.kr">egil@hani.co.kr</a>
      </div>
    </div>
{pad[2]}  </div>
  <div id="footer"><p>한겨레신문사 · 서울시 마포구 효창목길 6 · 대표전화 02-710-0114</p></div>
</div>
</body>
</html>
'''


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("pairs", type=int)
    parser.add_argument("--small", action="store_true", help="no padding (small pages, for tests)")
    parser.add_argument("--bad", action="store_true", help="add a non-article page and a pair whose original is missing")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    english_dir = os.path.join(args.out_dir, "english.hani.co.kr/arti/english_edition/e_international")
    korean_dir = os.path.join(args.out_dir, "www.hani.co.kr/arti/international/america")
    for number in range(1, args.pairs + 1):
        chosen = sorted(rng.sample(range(len(PARALLEL)), rng.randint(3, len(PARALLEL))))
        paragraphs = [PARALLEL[k] for k in chosen]
        for extra in unique_paragraphs(number, rng):
            paragraphs.insert(rng.randint(0, len(paragraphs)), extra)
        korean_url = f"http://www.hani.co.kr/arti/international/america/{200000 + number}.html"
        pads = {}
        for language in ("en", "ko"):
            if args.small:
                pads[language] = ("", "", "")
            else:
                target = rng.randint(60_000, 150_000) - 6_000  # the article and layout are about 6 KB
                pads[language] = (padding(rng, target * 0.3, language), padding(rng, target * 0.4, language),
                                  padding(rng, target * 0.3, language))
        write(os.path.join(english_dir, f"{100000 + number}.html"), english_page(number, paragraphs, korean_url, pads["en"]))
        write(os.path.join(korean_dir, f"{200000 + number}.html"), korean_page(number, paragraphs, korean_url, pads["ko"]))
    if args.bad:
        write(os.path.join(english_dir, "index.html"),
              '<html lang="en"><head><title>International</title></head><body><ul><li><a href="100001.html">A story</a>'
              '</li></ul></body></html>\n')
        missing = "http://www.hani.co.kr/arti/international/america/999999.html"
        write(os.path.join(english_dir, "199999.html"), english_page(99999, PARALLEL[:3], missing, ("", "", "")))


if __name__ == "__main__":
    main()
