# Hankyoreh Korean site, the 2022 redesign (www.hani.co.kr/arti/..., a Next.js page whose
# class names carry a build hash: selectors name classes by prefix, 'Name__*', see README.md).
# Body paragraphs are <p class="text">.
# Values are XPath 1.0 expressions evaluated on the parsed page, or ICU regular expressions
# (keys ending in _pattern or _paragraph). A key may repeat where a list makes sense.
name = hani-korean-2022
language = ko
host = www.hani.co.kr
host = hani.co.kr
match = //div[@class='ArticleDetailView_articleDetail__*']//div[@class='article-text']

title = //h3[@class='ArticleDetailView_title__*']
subtitle = //div[@class='ArticleDetailView_subtitle__*']
section = //div[@class='ArticleDetailView_breadcrumb__*']/a[last()]
dates = //ul[@class='ArticleDetailView_dateList__*']
published_pattern = 등록\s*:?\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
modified_pattern = 수정\s*:?\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})
utc_offset = +09:00

body = //div[@class='ArticleDetailView_articleDetail__*']//div[@class='article-text']
caption = //div[@class='ArticleDetailView_imageListWrap__*']//figcaption
drop = //div[@class='ArticleDetailView_imageListWrap__*']
byline_paragraph = ^(?:[\p{Hangul}]+/)?[\p{Hangul}]{2,4} (?:[\p{Hangul}]+ )?(?:선임|수석|전문|객원|논설위원)?기자(?:\s+\S+@\S+)?$
