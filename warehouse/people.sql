-- One row per person: a name within a region (see tasks/ids.person_id), aggregated over every article
-- that names them. Materialised at publish time so dashboards do not re-aggregate on every query.
SELECT
    ap.person_id,
    any_value(ap.name)                                              AS name,
    any_value(ap.region)                                            AS region,
    coalesce(list_sort(list_distinct(flatten(list(ap.titles)))), [])::VARCHAR[] AS titles,
    list_sort(list_distinct(list(ap.role)))::VARCHAR[]              AS roles,
    count(DISTINCT ap.article_id)::INTEGER                          AS article_count,
    sum(ap.mentions)::INTEGER                                       AS mention_count,
    min(a.published_date)                                           AS first_seen,
    max(a.published_date)                                           AS last_seen,
    -- last: the table gained the column after the others (ALTER TABLE ADD COLUMN appends it)
    coalesce(list_sort(list_distinct(flatten(list(ap.posts)))), [])::VARCHAR[] AS posts
FROM article_people AS ap
JOIN articles AS a USING (article_id)
GROUP BY ap.person_id
ORDER BY ap.person_id
