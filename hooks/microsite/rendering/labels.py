"""The words the data pages are framed with, per language: like Material's language files.

Content (names, texts) comes from data/; only these interface words live here.
"""

from __future__ import annotations

from .. import upstream

LABELS = {
    "de": {
        "since": "seit {year}",
        "focus": "Schwerpunkte",
        "projects": "Projekte",
        "links": "Links",
        "timeline": "Zeitleiste",
        "networks": "Netzwerke und Foren",
        "sources": "Quellen im Artikel",
        "source_link": "Im Artikel lesen",
        "public_sources": "Weitere Quellen",
        "season.spring": "Frühjahr",
        "season.summer": "Sommer",
        "season.autumn": "Herbst",
        "season.winter": "Winter",
        "kind.city-network": "Städtenetzwerk",
        "kind.city-forum": "Städteforum",
        "kind.conference": "Konferenz",
        "kind.summit": "Gipfeltreffen",
        "contact.author": "Verantwortlich für den Inhalt",
        "contact.editor": "Redaktion",
        "map.title": "Karte: {home} und seine Partnerstädte",
        "map.description": "{home} ({home_country}) ist verbunden mit: {links}.",
        "map.link": "{city} ({region}) – {relation}",
        "partnership": "Partnerschaft",
        "problems.title": "Die Daten enthalten Fehler",
        "problems.text": "Hier erscheinen Daten, sobald diese Fehler behoben sind (Datei:Zeile:Spalte):",
        "page_problem.title": "Diese Seite kann nicht gezeigt werden",
        "page_problem.text": "Sie erscheint hier, sobald dieses Problem behoben ist:",
        "articles.page": "Seite {number}",
        "articles.page_description": "{title}, Seite {number}: ältere Artikel, die neuesten zuerst.",
        "articles.topic_description": "Alle Artikel zum Thema {topic}, die neuesten zuerst.",
        "articles.by": "Von",
        "articles.reading_time": "{minutes} Min. Lesezeit",
        "articles.updated": "aktualisiert am {date}",
        "articles.first_published": "Zuerst erschienen in „{name}“ am {date}",
        "articles.topics": "Themen",
        "articles.pages": "Seiten des Artikelverzeichnisses",
        "articles.page_link": "Seite {number}",
        "articles.newer": "Neuere Artikel",
        "articles.older": "Ältere Artikel",
        "articles.all": "Alle Artikel",
        "articles.none": "Hier gibt es noch keine Artikel.",
        "redirect.text": "Dieser Artikel hat eine neue Adresse:",
    },
    "en": {
        "since": "since {year}",
        "focus": "Focus areas",
        "projects": "Projects",
        "links": "Links",
        "timeline": "Timeline",
        "networks": "Networks and forums",
        "sources": "Sources in the article",
        "source_link": "Read in the article",
        "public_sources": "Further sources",
        "season.spring": "Spring",
        "season.summer": "Summer",
        "season.autumn": "Autumn",
        "season.winter": "Winter",
        "kind.city-network": "City network",
        "kind.city-forum": "City forum",
        "kind.conference": "Conference",
        "kind.summit": "Summit",
        "contact.author": "Responsible for the content",
        "contact.editor": "Editorial office",
        "map.title": "Map: {home} and its partner cities",
        "map.description": "{home} ({home_country}) is linked with: {links}.",
        "map.link": "{city} ({region}) – {relation}",
        "partnership": "Partnership",
        "problems.title": "The data has problems",
        "problems.text": "Data appears here once these problems are fixed (file:line:column):",
        "page_problem.title": "This page cannot be shown",
        "page_problem.text": "It appears here once this problem is fixed:",
        "articles.page": "Page {number}",
        "articles.page_description": "{title}, page {number}: older articles, newest first.",
        "articles.topic_description": "Every article on {topic}, newest first.",
        "articles.by": "By",
        "articles.reading_time": "{minutes} min read",
        "articles.updated": "updated on {date}",
        "articles.first_published": "First published in “{name}” on {date}",
        "articles.topics": "Topics",
        "articles.pages": "Pages of the article index",
        "articles.page_link": "Page {number}",
        "articles.newer": "Newer articles",
        "articles.older": "Older articles",
        "articles.all": "All articles",
        "articles.none": "There are no articles here yet.",
        "redirect.text": "This article has a new address:",
    },
}


def label(language: str, key: str, **values: object) -> str:
    try:
        return LABELS[language][key].format(**values)
    except KeyError:
        raise upstream.BuildError(
            f"hooks/microsite/rendering/labels.py: no '{key}' label for language '{language}' – add it to LABELS"
        ) from None


def relation_and_year(partnership: dict, language: str) -> str:
    """The kind of link and, where known, since when: "Städtepartnerschaft seit 1978" (plain text)."""
    relation = partnership["relation"][language]
    return f"{relation} {label(language, 'since', year=partnership['since'])}" if "since" in partnership else relation
