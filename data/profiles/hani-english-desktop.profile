# Hankyoreh English edition, desktop article layout (english.hani.co.kr/arti/english_edition/...).
# Values are XPath 1.0 expressions evaluated on the parsed page, or ICU regular expressions
# (keys ending in _pattern or _paragraph). A key may repeat where a list makes sense.
name = hani-english-desktop
language = en
host = english.hani.co.kr
match = //div[@class='article-text']//div[@class='article-contents']

title = //div[@class='article-title']/h3
subtitle = //div[@class='article-text']/h4[@class='subtitle']
section = //div[@class='article-head']/p[@class='category']/a[last()]
dates = //div[@class='article-title']/p[@class='date-time']
published_pattern = Posted on\s*:\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
modified_pattern = Modified on\s*:\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
utc_offset = +09:00

body = //div[@class='article-text']//div[@class='article-contents']
caption = //div[@class='image-area']//div[@class='desc']
# The byline closes the body as its own paragraph: "By Jung E-gil, senior staff writer".
byline_paragraph = ^By [\p{Lu}][^.]*$
drop_paragraph = ^Please direct comments or questions to

# The button to the Korean original: an image link whose alt text names it.
original_link = //a[img[contains(@alt, 'original korean article')]]/@href
