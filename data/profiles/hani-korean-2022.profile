# Hankyoreh Korean site, the 2022 redesign (www.hani.co.kr/arti/..., a Next.js page whose
# class names carry a build hash, hence contains(@class, ...)). Body paragraphs are <p class="text">.
# Values are XPath 1.0 expressions evaluated on the parsed page, or ICU regular expressions
# (keys ending in _pattern or _paragraph). A key may repeat where a list makes sense.
name = hani-korean-2022
language = ko
host = www.hani.co.kr
host = hani.co.kr
match = //div[contains(@class, 'ArticleDetailView_articleDetail')]//div[@class='article-text']

title = //h3[contains(@class, 'ArticleDetailView_title')]
subtitle = //div[contains(@class, 'ArticleDetailView_subtitle')]
section = //div[contains(@class, 'ArticleDetailView_breadcrumb')]/a[last()]
dates = //ul[contains(@class, 'ArticleDetailView_dateList')]
published_pattern = 등록\s*:?\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
modified_pattern = 수정\s*:?\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
utc_offset = +09:00

body = //div[contains(@class, 'ArticleDetailView_articleDetail')]//div[@class='article-text']
caption = //div[contains(@class, 'ArticleDetailView_imageListWrap')]//figcaption
drop = //div[contains(@class, 'ArticleDetailView_imageListWrap')]
byline_paragraph = ^(?:[\p{Hangul}]+/)?[\p{Hangul}]{2,4} (?:[\p{Hangul}]+ )?(?:선임|수석|전문|객원|논설위원)?기자(?:\s+\S+@\S+)?$
