# Hankyoreh Korean site, article layout (www.hani.co.kr/arti/...).
# Values are XPath 1.0 expressions evaluated on the parsed page, or ICU regular expressions
# (keys ending in _pattern or _paragraph). A key may repeat where a list makes sense.
name = hani-korean
language = ko
host = www.hani.co.kr
host = hani.co.kr
match = //div[@class='article-text']/div[@class='text']

title = //div[@class='article-head']//span[@class='title']
subtitle = //div[@class='article-text']/div[@class='subtitle']
section = //div[@class='article-head']/p[@class='category']/a[last()]
dates = //div[@class='article-head']/p[@class='date-time']
published_pattern = 등록\s*:\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
modified_pattern = 수정\s*:\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
utc_offset = +09:00

body = //div[@class='article-text']/div[@class='text']
caption = //div[@class='image-area']//div[@class='desc']
# The byline closes the body: "정의길 선임기자 egil@hani.co.kr", sometimes with a place first.
byline_paragraph = ^(?:[\p{Hangul}]+/)?[\p{Hangul}]{2,4} (?:[\p{Hangul}]+ )?(?:선임|수석|전문|객원|논설위원)?기자(?:\s+\S+@\S+)?$
