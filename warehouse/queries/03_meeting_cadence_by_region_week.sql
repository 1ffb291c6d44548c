-- How often does each region hold meetings, week by week?
-- Meetings of every kind (meeting 会议, symposium 座谈会, inspection 调研, talks 会见) per region and
-- week (weeks start on Monday), with the kinds broken out and the days since that region's previous
-- meeting week. Weeks without meetings are not listed; meetings without a date are left out.
SELECT coalesce(region, '(no region)')                        AS region,
       date_trunc('week', meeting_date)::DATE                 AS week_starting,
       count(*)                                               AS meetings,
       count(*) FILTER (WHERE kind = 'meeting')               AS meeting,
       count(*) FILTER (WHERE kind = 'symposium')             AS symposium,
       count(*) FILTER (WHERE kind = 'inspection')            AS inspection,
       count(*) FILTER (WHERE kind = 'talks')                 AS talks,
       date_diff('day',
                 lag(date_trunc('week', meeting_date)::DATE)
                     OVER (PARTITION BY region ORDER BY date_trunc('week', meeting_date)::DATE),
                 date_trunc('week', meeting_date)::DATE)      AS days_since_previous,
       list(DISTINCT name ORDER BY name)[1:3]                 AS some_names
FROM meetings
WHERE meeting_date IS NOT NULL
GROUP BY region, date_trunc('week', meeting_date)
ORDER BY region, week_starting;
