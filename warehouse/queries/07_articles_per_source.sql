-- How many articles does each source contribute, and over what period?
-- Per source (the paper or site named on the page, else the manifest's): articles, pages, regions
-- covered, the span of publication dates, and the length of the text.
SELECT coalesce(source, '(no source)')      AS source,
       count(*)                             AS articles,
       count(DISTINCT doc_id)               AS pages,
       count(DISTINCT region)               AS regions,
       min(published_date)                  AS first_published,
       max(published_date)                  AS last_published,
       count(*) FILTER (WHERE published_date IS NULL) AS undated,
       sum(char_count)                      AS chars,
       round(avg(char_count))::INTEGER      AS avg_chars
FROM articles
GROUP BY ALL
ORDER BY articles DESC, source;
