-- Who chairs meetings, who speaks, and who only attends?
-- Per person: meetings taken part in, and how many of them in each role (a person who chairs and
-- speaks at one meeting counts in both), with the share of their meetings they chaired.
SELECT mp.name,
       coalesce(p.region, '(no region)')                               AS region,
       count(DISTINCT mp.meeting_id)                                    AS meetings,
       count(DISTINCT mp.meeting_id) FILTER (WHERE mp.role = 'chair')    AS chair,
       count(DISTINCT mp.meeting_id) FILTER (WHERE mp.role = 'speaker')  AS speaker,
       count(DISTINCT mp.meeting_id) FILTER (WHERE mp.role = 'attendee') AS attendee,
       round(count(DISTINCT mp.meeting_id) FILTER (WHERE mp.role = 'chair')
             / count(DISTINCT mp.meeting_id), 2)                         AS chair_share
FROM meeting_people AS mp
LEFT JOIN people AS p USING (person_id)
GROUP BY mp.person_id, mp.name, p.region
ORDER BY meetings DESC, chair DESC, mp.name;
