-- How often did each region hold epidemic-control meetings?
-- Articles on the epidemic (title or text names 疫情, 防疫, 新冠 or 核酸: the words local papers used for
-- COVID-19 work in 2020-2022) per region and month, and the meetings those articles report.
WITH topic AS (
    SELECT article_id, region, published_date
    FROM articles
    WHERE regexp_matches(title || coalesce(subtitle, '') || body, '疫情|防疫|新冠|核酸')
)
SELECT coalesce(t.region, '(no region)')            AS region,
       date_trunc('month', t.published_date)::DATE  AS month,
       count(DISTINCT t.article_id)                 AS articles,
       count(DISTINCT m.meeting_id)                 AS meetings,
       count(DISTINCT m.meeting_id) FILTER (WHERE m.kind = 'meeting') AS formal_meetings,
       list(DISTINCT m.name) FILTER (WHERE m.name IS NOT NULL)[1:3]   AS some_meetings
FROM topic AS t
LEFT JOIN meetings AS m USING (article_id)
GROUP BY ALL
ORDER BY region, month NULLS LAST;
