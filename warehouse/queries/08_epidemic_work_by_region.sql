-- How often did each region hold epidemic-control meetings?
-- Articles on the epidemic (title or text names 疫情, 防疫, 新冠 or 核酸: the words local papers used for
-- COVID-19 work in 2020-2022) per region and month, and the meetings those articles report.
-- Plain substring tests, field by field: several times faster at 1M articles than one regular expression,
-- and a quarter faster than testing the fields glued together (which copies every text first).
WITH topic AS (
    SELECT article_id, region, published_date
    FROM articles
    WHERE contains(title, '疫情') OR contains(title, '防疫') OR contains(title, '新冠') OR contains(title, '核酸')
       OR contains(subtitle, '疫情') OR contains(subtitle, '防疫') OR contains(subtitle, '新冠') OR contains(subtitle, '核酸')
       OR contains(body, '疫情') OR contains(body, '防疫') OR contains(body, '新冠') OR contains(body, '核酸')
)
SELECT coalesce(t.region, '(no region)')            AS region,
       date_trunc('month', t.published_date)::DATE  AS month,
       count(DISTINCT t.article_id)                 AS articles,
       count(DISTINCT m.meeting_id)                 AS meetings,
       count(DISTINCT m.meeting_id) FILTER (WHERE m.kind = 'meeting') AS formal_meetings,
       list(DISTINCT m.name ORDER BY m.name) FILTER (WHERE m.name IS NOT NULL)[1:3]   AS some_meetings
FROM topic AS t
LEFT JOIN meetings AS m USING (article_id)
GROUP BY ALL
ORDER BY region, month NULLS LAST;
