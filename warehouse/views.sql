-- Derived views over the base tables (the base views are generated from the snapshot's file lists).
-- Every view here reads only other views, so it follows the published snapshot automatically.

-- Who took part in which meeting, with the meeting's date, kind and region beside each row.
CREATE OR REPLACE VIEW meeting_people AS
SELECT m.meeting_id, m.article_id, m.kind, m.name AS meeting_name, m.meeting_date, m.region, m.format,
       mp.person_id, mp.name, mp.role
FROM meetings AS m
JOIN meeting_participants AS mp USING (meeting_id);

-- Officials as subjects of articles (bylines excluded), one row per person and article.
CREATE OR REPLACE VIEW appearances AS
SELECT ap.person_id, ap.name, ap.titles, ap.posts, ap.mentions, a.article_id, a.doc_id, a.title, a.region,
       a.source, a.published_date
FROM article_people AS ap
JOIN articles AS a USING (article_id)
WHERE ap.role = 'subject';
