"""The words the data pages are framed with, per language: like Material's language files.

Content (names, texts) comes from data/; only these interface words live here.
"""

from __future__ import annotations

from .. import upstream
from .texts import joined

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
        "stand_in.title": "Nur auf {language_name}: {title}",
        "stand_in.text": "Diese Seite gibt es nur auf {language_name}.",
        "stand_in.link": "Zum Original auf {language_name}",
        "translation_notice.name": "Hinweis: Diese Übersetzung ist nicht auf dem Stand des Originals",
        "translation_notice.changed": (
            "Das Original dieser Seite wurde am {date} geändert, nachdem diese Übersetzung entstanden ist."
        ),
        "translation_notice.changed_since": (
            "Das Original dieser Seite hat sich geändert, seit sie am {date} übersetzt wurde."
        ),
        "translation_notice.changed_undated": (
            "Das Original dieser Seite hat sich geändert, seit diese Übersetzung entstanden ist."
        ),
        "translation_notice.sections": "Geänderte Abschnitte:",
        "translation_notice.beginning": "Anfang der Seite",
        "translation_notice.original": "Zum Original auf {language}",
        "translation_status.title": "Stand der Übersetzungen",
        "translation_status.description": (
            "Wie aktuell die Übersetzungen dieser Website sind: jede Seite und jeder Datensatz, "
            "aktuell, veraltet oder fehlend."
        ),
        "translation_status.intro": (
            "Aktuell: Die Übersetzung entspricht ihrem Original. Veraltet: Das Original wurde seitdem "
            "geändert. Fehlt: Es gibt noch keine Übersetzung. Nicht geprüft: Niemand hat bisher "
            "festgehalten, nach welcher Fassung übersetzt wurde."
        ),
        "translation_status.share": "{percent} aktuell – {current} von {total}",
        "translation_status.pages": "Seiten",
        "translation_status.records": "Datensätze",
        "translation_status.original": "Original ({language})",
        "translation_status.translation": "Übersetzung ({language})",
        "translation_status.state": "Stand",
        "translation_status.record": "Datensatz",
        "translation_status.missing_texts": "Fehlende Texte",
        "translation_status.not_translated": "nicht übersetzt",
        "translation_status.changed": "Geändert:",
        "translation_status.current": "aktuell",
        "translation_status.outdated": "veraltet",
        "translation_status.outdated_since": "veraltet seit {date}",
        "translation_status.missing": "fehlt",
        "translation_status.untracked": "nicht geprüft",
        "untranslated.notice": "(noch nicht übersetzt)",
        "error_page.title": "Seite nicht gefunden",
        "error_page.text": (
            "Unter dieser Adresse gibt es keine Seite. Vielleicht hat sie sich geändert, "
            "oder der Link enthält einen Tippfehler."
        ),
        "error_page.home": "Zur Startseite",
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
        "stand_in.title": "Only in {language_name}: {title}",
        "stand_in.text": "This page is available in {language_name} only.",
        "stand_in.link": "Read the original in {language_name}",
        "translation_notice.name": "Note: this translation is behind its original",
        "translation_notice.changed": (
            "The original of this page was changed on {date}, after this translation was made."
        ),
        "translation_notice.changed_since": "The original of this page has changed since it was translated on {date}.",
        "translation_notice.changed_undated": "The original of this page has changed since this translation was made.",
        "translation_notice.sections": "Changed sections:",
        "translation_notice.beginning": "Beginning of the page",
        "translation_notice.original": "Read the original in {language}",
        "translation_status.title": "Translation status",
        "translation_status.description": (
            "How up to date the translations of this site are: every page and data record, current, "
            "outdated or missing."
        ),
        "translation_status.intro": (
            "Current: the translation matches its original. Outdated: the original has changed since. "
            "Missing: there is no translation yet. Not verified: nobody has recorded yet which version "
            "was translated."
        ),
        "translation_status.share": "{percent} current – {current} of {total}",
        "translation_status.pages": "Pages",
        "translation_status.records": "Data records",
        "translation_status.original": "Original ({language})",
        "translation_status.translation": "Translation ({language})",
        "translation_status.state": "State",
        "translation_status.record": "Record",
        "translation_status.missing_texts": "Missing texts",
        "translation_status.not_translated": "not translated",
        "translation_status.changed": "Changed:",
        "translation_status.current": "current",
        "translation_status.outdated": "outdated",
        "translation_status.outdated_since": "outdated since {date}",
        "translation_status.missing": "missing",
        "translation_status.untracked": "not verified",
        "untranslated.notice": "(not yet translated)",
        "error_page.title": "Page not found",
        "error_page.text": "There is no page at this address. It may have moved, or the link may contain a typo.",
        "error_page.home": "Go to the home page",
    },
}


def label(language: str, key: str, /, **values: object) -> str:
    try:
        return LABELS[language][key].format(**values)
    except KeyError:
        raise upstream.BuildError(
            f"hooks/microsite/rendering/labels.py: no '{key}' label for language '{language}' – add it to LABELS"
        ) from None


def relation_and_year(partnership: dict, language: str, relation: str) -> str:
    """The kind of link (`relation`: the partnership's, as the page shows it) and, where known, since
    when: "Städtepartnerschaft seit 1978"; an untranslated relation keeps its marking (texts.joined)."""
    return (
        joined(" ", [relation, label(language, "since", year=partnership["since"])])
        if "since" in partnership
        else relation
    )
