# Hankyoreh Korean site, the legacy table layout of around 2010 (www.hani.co.kr/arti/...),
# served as EUC-KR: the body is one div.article-text of text separated by <br>.
# Values are XPath 1.0 expressions evaluated on the parsed page, or ICU regular expressions
# (keys ending in _pattern or _paragraph). A key may repeat where a list makes sense.
name = hani-korean-legacy
language = ko
host = www.hani.co.kr
host = hani.co.kr
match = //div[@class='article-contents']/h3[@class='article-title']
match = //div[@class='article-contents']/div[@class='article-text']

title = //div[@class='article-contents']/h3[@class='article-title']
subtitle = //div[@class='article-contents']/div[@class='article-sub']
section = //div[@class='article-category-title']/a[last()]
dates = //div[@class='article-contents']/p[@class='article-date']
published_pattern = 등록\s*:?\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
modified_pattern = 수정\s*:?\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
utc_offset = +09:00

body = //div[@class='article-contents']/div[@class='article-text']
caption = //div[@class='article-text']//td[@class='photo-desc']
drop = //div[@class='article-text']/table[@class='photo']
byline_paragraph = ^(?:[\p{Hangul}]+/)?[\p{Hangul}]{2,4} (?:[\p{Hangul}]+ )?(?:선임|수석|전문|객원|논설위원)?기자(?:\s+\S+@\S+)?$
