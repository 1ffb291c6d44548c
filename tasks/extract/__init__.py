"""Extraction: people with their titles, places, organisations and slogans, from one annotated article.

annotate (the article read once) -> lexicon (every word list, compiled once) -> rules (the people rules by
name: titles, lists, clauses) -> arbiter (one place that settles candidates) -> people; places, orgs and
slogans read the same annotated article. Meetings are tasks/meetings.py.
"""
