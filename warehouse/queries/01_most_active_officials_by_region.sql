-- Who are the most active officials in each region?
-- People named as the subject of articles (bylines excluded), ranked within the region they are keyed
-- to (holders of national office are keyed to 全国, others to the page's region) by the articles that
-- name them, then by the meetings they took part in. Top 5 per region; change the QUALIFY line for more.
WITH subject AS (
    SELECT person_id,
           count(*)                          AS articles,   -- one subject row per person and article
           sum(mentions)                     AS mentions,
           arg_max(titles, published_date)   AS latest_titles
    FROM appearances
    GROUP BY person_id
), met AS (
    SELECT person_id,
           count(DISTINCT meeting_id)                                  AS meetings,
           count(DISTINCT meeting_id) FILTER (WHERE role = 'chair')    AS chaired
    FROM meeting_people
    GROUP BY person_id
)
SELECT coalesce(p.region, '(no region)')  AS region,
       p.name,
       s.articles,
       s.mentions,
       coalesce(m.meetings, 0)            AS meetings,
       coalesce(m.chaired, 0)             AS chaired,
       s.latest_titles,
       p.first_seen,
       p.last_seen
FROM subject AS s
JOIN people AS p USING (person_id)
LEFT JOIN met AS m USING (person_id)
QUALIFY row_number() OVER (PARTITION BY p.region
                           ORDER BY s.articles DESC, coalesce(m.meetings, 0) DESC, s.mentions DESC, p.name) <= 5
ORDER BY region, s.articles DESC, meetings DESC, s.mentions DESC, p.name;
