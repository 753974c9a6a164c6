# Hankyoreh English edition, mobile article layout: title in h2#titleapp, the date line in
# div.headline-data, the body in div#bodyapp as <p> paragraphs.
# Values are XPath 1.0 expressions evaluated on the parsed page, or ICU regular expressions
# (keys ending in _pattern or _paragraph). A key may repeat where a list makes sense.
name = hani-english-mobile
language = en
host = english.hani.co.kr
host = m.hani.co.kr
match = //h2[@id='titleapp']
match = //div[@id='bodyapp']

title = //h2[@id='titleapp']
subtitle = //div[@id='bodyapp']/h4[@class='subtitle']
section = //div[@class='article-head']/p[@class='section']/a[last()]
dates = //div[@class='headline-data']
published_pattern = Posted on\s*:\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
modified_pattern = Modified on\s*:\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
utc_offset = +09:00

body = //div[@id='bodyapp']
caption = //div[@id='bodyapp']//*[@class='image-desc']
drop = //div[@id='bodyapp']/h4[@class='subtitle']
drop = //div[@id='bodyapp']/div[@class='article-original']
byline_paragraph = ^By [\p{Lu}][^.]*$
drop_paragraph = ^Please direct comments or questions to

# The link to the Korean original: "원문 보기" (the generic signals would find it too).
original_link = //div[@class='article-original']/a/@href
