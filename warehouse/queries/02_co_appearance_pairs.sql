-- Who appears with whom?
-- Pairs of people who took part in the same meeting (any role: chair, speaker, attendee), next to the
-- number of articles that name both as subjects. Shared meetings are the stronger tie; pairs only
-- named in the same article are listed too, after them. The 50 strongest pairs; the region tells
-- apart two people of the same name (a person is a name within a region).
WITH took_part AS (        -- one row per person and meeting, whatever their roles
    SELECT DISTINCT meeting_id, person_id, name FROM meeting_people
), meeting_pairs AS MATERIALIZED (
    SELECT a.person_id AS id_a, b.person_id AS id_b,
           any_value(a.name) AS name_a, any_value(b.name) AS name_b,
           count(*) AS shared_meetings
    FROM took_part AS a
    JOIN took_part AS b ON a.meeting_id = b.meeting_id AND a.person_id < b.person_id
    GROUP BY a.person_id, b.person_id
), cutoff AS MATERIALIZED (
    -- The 50th strongest meeting tie. When there are 50 such pairs, no pair with fewer shared meetings
    -- can enter the top 50, so articles need counting only for the people of the pairs at or above it:
    -- counting every pair of every article is what made this query slow (~20 s at 1M articles).
    -- With fewer than 50 meeting pairs, k is 0 and every article pair counts.
    SELECT coalesce(max(shared_meetings) FILTER (WHERE n = 50), 0) AS k
    FROM (SELECT shared_meetings, row_number() OVER (ORDER BY shared_meetings DESC) AS n FROM meeting_pairs)
), contenders AS (
    SELECT id_a AS person_id FROM meeting_pairs WHERE shared_meetings >= (SELECT k FROM cutoff)
    UNION
    SELECT id_b FROM meeting_pairs WHERE shared_meetings >= (SELECT k FROM cutoff)
), scoped AS (
    SELECT * FROM appearances
    WHERE (SELECT k FROM cutoff) = 0 OR person_id IN (SELECT person_id FROM contenders)
), article_pairs AS (
    SELECT a.person_id AS id_a, b.person_id AS id_b,
           any_value(a.name) AS name_a, any_value(b.name) AS name_b,
           count(*) AS shared_articles,   -- one subject row per person and article: no DISTINCT needed
           min(a.published_date) AS first_together,
           max(a.published_date) AS last_together
    FROM scoped AS a
    JOIN scoped AS b ON a.article_id = b.article_id AND a.person_id < b.person_id
    GROUP BY a.person_id, b.person_id
)
SELECT coalesce(m.name_a, r.name_a)       AS person_a,
       coalesce(pa.region, '(no region)') AS region_a,
       coalesce(m.name_b, r.name_b)       AS person_b,
       coalesce(pb.region, '(no region)') AS region_b,
       coalesce(m.shared_meetings, 0)     AS shared_meetings,
       coalesce(r.shared_articles, 0)     AS shared_articles,
       r.first_together,
       r.last_together
FROM meeting_pairs AS m
FULL JOIN article_pairs AS r USING (id_a, id_b)
LEFT JOIN people AS pa ON pa.person_id = id_a
LEFT JOIN people AS pb ON pb.person_id = id_b
ORDER BY shared_meetings DESC, shared_articles DESC, person_a, person_b, region_a, region_b, id_a, id_b
LIMIT 50;
