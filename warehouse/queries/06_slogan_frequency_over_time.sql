-- When did each slogan appear, and when did it fade?
-- Slogans (numbered formulas such as 两个… / 四个…, policy phrases, enumerations) per month of
-- publication: articles naming them and times named, with each slogan's first and last month.
-- Slogans named in a single article only are left out.
WITH monthly AS (
    SELECT s.name                                    AS slogan,
           date_trunc('month', a.published_date)::DATE AS month,
           count(DISTINCT a.article_id)              AS articles,
           sum(s.count)::BIGINT                      AS mentions
    FROM slogans AS s
    JOIN articles AS a USING (article_id)
    WHERE a.published_date IS NOT NULL
    GROUP BY ALL
)
SELECT slogan, month, articles, mentions,
       min(month) OVER (PARTITION BY slogan)     AS first_month,
       max(month) OVER (PARTITION BY slogan)     AS last_month
FROM monthly
QUALIFY sum(articles) OVER (PARTITION BY slogan) > 1
ORDER BY sum(articles) OVER (PARTITION BY slogan) DESC, slogan, month;
