-- What titles has each person held, and when?
-- One row per person and title as written beside their name in an article, with the first and last
-- publication date it was seen and the number of articles; people with the most titles first.
-- To follow one person, add  WHERE name = '…'  to the first SELECT.
WITH titled AS (
    SELECT person_id, name, article_id, published_date, unnest(titles) AS title
    FROM appearances
)
SELECT name,
       coalesce(p.region, '(no region)')       AS region,
       title,
       min(published_date)                     AS first_seen,
       max(published_date)                     AS last_seen,
       count(DISTINCT article_id)              AS articles
FROM titled
LEFT JOIN people AS p USING (person_id, name)
GROUP BY person_id, name, p.region, title
QUALIFY count(*) OVER (PARTITION BY person_id) > 1
ORDER BY count(*) OVER (PARTITION BY person_id) DESC, name, person_id, first_seen NULLS LAST, title;
