"""The words the data pages are framed with, per language: like Material's language files.

Content (names, texts) comes from data/; only these interface words live here.
"""

from __future__ import annotations

from ..findings import Finding
from ..problems import Problem
from .texts import joined

LABELS = {
    "de": {
        "since": "seit {year}",
        "link_preview.card": "„{title}“ – {site}",
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
        "third_party_hosts.none": "Die Seiten laden nichts von anderen Servern.",
        "third_party_hosts.intro": "Die Seiten laden nur von diesen anderen Servern, jeweils aus dem genannten Grund:",
        "problems.title": "Die Daten enthalten Fehler",
        "problems.text": "Hier erscheinen Daten, sobald diese Fehler behoben sind (Datei:Zeile:Spalte):",
        "page_problem.title": "Diese Seite kann nicht gezeigt werden",
        "page_problem.text": "Sie erscheint hier, sobald dieses Problem behoben ist:",
        "page_problems.title": "Fehler (nur in der Vorschau zu sehen)",
        "page_problems.text": "Die Seite ist vollständig, sobald diese Fehler behoben sind (Datei:Zeile: was tun):",
        "articles.page": "Seite {number}",
        "articles.page_description": "{title}, Seite {number}: ältere Artikel, die neuesten zuerst.",
        "articles.topic_description": "Alle Artikel zum Thema {topic}, die neuesten zuerst.",
        "articles.by": "Von",
        "articles.reading_time": "{minutes} Min. Lesezeit",
        "articles.updated": "aktualisiert am {date}",
        "articles.first_published": "Veröffentlicht in „{name}“ ({date}):",
        # A date as a source writes it: the day as an ordinal of its plural form (babel), the month's name.
        "date.source": "{day} {month} {year}",
        "date.ordinal.other": "{day}.",
        "articles.topics": "Themen",
        "articles.pages": "Seiten des Artikelverzeichnisses",
        "articles.page_link": "Seite {number}",
        "articles.newer": "Neuere Artikel",
        "articles.older": "Ältere Artikel",
        "articles.all": "Alle Artikel",
        "articles.none": "Hier gibt es noch keine Artikel.",
        "citation.title": "Diesen Artikel zitieren",
        "citation.reference": "{authors}: „{title}“. In: {site}, {date}. {url}.",
        "citation.reference_journal": "{authors}: „{title}“. In: {journal}, {date}. Online: {url}.",
        "citation.first_published": "Zuerst erschienen in {name}, {date}.",
        "citation.files": "Literaturangabe herunterladen:",
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
        "accessibility.title": "Erklärung zur Barrierefreiheit",
        "accessibility.description": (
            "Wie barrierefrei diese Website ist, was noch nicht barrierefrei ist und wie Sie Barrieren melden."
        ),
        "accessibility.intro": (
            "{body} ist bemüht, diese Website im Einklang mit {legal_basis} barrierefrei zugänglich zu machen."
        ),
        "accessibility.scope": (
            "Diese Erklärung zur Barrierefreiheit gilt für die Website „{site}“ unter {address}, mit allen ihren "
            "Seiten auf {languages}."
        ),
        "accessibility.compliance": "Stand der Vereinbarkeit mit den Anforderungen",
        "accessibility.standard": "Die Anforderungen an die Barrierefreiheit ergeben sich aus {standard}.",
        "accessibility.status.full": (
            "Diese Website ist barrierefrei: Sie ist mit den Anforderungen vollständig vereinbar."
        ),
        "accessibility.status.partial": (
            "Diese Website ist teilweise barrierefrei: Sie ist mit den Anforderungen teilweise vereinbar."
        ),
        "accessibility.status.none": (
            "Diese Website ist nicht barrierefrei: Sie ist mit den Anforderungen nicht vereinbar."
        ),
        "accessibility.status_reasons": "Was nicht barrierefrei ist und warum, steht unter {section}.",
        "accessibility.review": (
            "Die Überprüfung der Einhaltung der Anforderungen beruht auf einer Prüfung vom {date}: {method}"
        ),
        "accessibility.no_review": (
            "Bisher hat niemand diese Website von Hand auf die Anforderungen geprüft, weder selbst noch durch "
            "Dritte. Diese Erklärung stützt sich allein auf die automatischen Prüfungen, die hier folgen; sie "
            "erfassen nur einen Teil der Anforderungen. Deshalb erklärt sie die Website nicht für vollständig "
            "barrierefrei."
        ),
        "accessibility.automated": "Automatische Prüfungen",
        "accessibility.axe_clean": (
            "Am {date} hat axe-core {version} {pages} dieser Website in allen Sprachen automatisch geprüft und "
            "keinen Verstoß gegen seine Regeln gefunden."
        ),
        "accessibility.axe_found": (
            "Am {date} hat axe-core {version} {pages} dieser Website in allen Sprachen automatisch geprüft und "
            "Verstöße gegen {rules} seiner Regeln gefunden:"
        ),
        "accessibility.automated_in_ci": (
            "Bei jeder Änderung an dieser Website prüft ihre Testsuite in der CI (make test) jede Seite in jeder "
            "Sprache automatisch mit axe-core und schlägt fehl, sobald axe-core einen Verstoß findet. Messwerte "
            "mit Datum liegen dieser Fassung der Erklärung nicht bei."
        ),
        "accessibility.lighthouse_same": (
            "Am {date} hat Lighthouse {version} die Barrierefreiheit von {pages} in der Ansicht eines Smartphones "
            "bewertet: jede mit {lowest} von 100 Punkten."
        ),
        "accessibility.lighthouse_range": (
            "Am {date} hat Lighthouse {version} die Barrierefreiheit von {pages} in der Ansicht eines Smartphones "
            "bewertet: mit {lowest} bis {highest} von 100 Punkten."
        ),
        "accessibility.pages.one": "{count} Seite",
        "accessibility.pages.other": "{count} Seiten",
        "accessibility.automated_limits": (
            "Automatische Prüfungen finden nur einen Teil der möglichen Barrieren. Ob sich alles mit der Tastatur "
            "bedienen lässt, ob Texte verständlich sind und ob Bildschirmleser die Seiten sinnvoll vorlesen, zeigt "
            "erst eine Prüfung durch Menschen."
        ),
        "accessibility.barriers": "Nicht barrierefreie Inhalte",
        "accessibility.barriers_intro": (
            "Die nachstehend aufgeführten Inhalte sind aus folgenden Gründen nicht oder nicht vollständig barrierefrei:"
        ),
        "accessibility.no_barriers": "Es sind keine Inhalte bekannt, die nicht barrierefrei sind.",
        "accessibility.alternative": "Alternative:",
        "accessibility.preparation": "Erstellung dieser Erklärung zur Barrierefreiheit",
        "accessibility.prepared": "Diese Erklärung wurde am {date} erstellt.",
        "accessibility.updated": "Sie wurde zuletzt am {date} aktualisiert.",
        "accessibility.feedback": "Barrieren melden: Kontakt zu den Feedback-Ansprechpartnern",
        "accessibility.feedback_text": (
            "Sie möchten uns bestehende Barrieren mitteilen oder Informationen zur Umsetzung der Barrierefreiheit "
            "erfragen? Für Ihr Feedback sowie alle weiteren Informationen schreiben Sie bitte an:"
        ),
        "accessibility.conciliation": "Schlichtungsverfahren",
        "accessibility.conciliation_text": (
            "Wenn auch nach Ihrem Feedback an den oben genannten Kontakt keine zufriedenstellende Lösung gefunden "
            "wurde, können Sie sich an diese Schlichtungsstelle wenden:"
        ),
        "accessibility.email": "E-Mail:",
        "accessibility.website": "Website:",
        "error_page.title": "Seite nicht gefunden",
        "error_page.text": (
            "Unter dieser Adresse gibt es keine Seite. Vielleicht hat sie sich geändert, "
            "oder der Link enthält einen Tippfehler."
        ),
        "error_page.home": "Zur Startseite",
    },
    "en": {
        "since": "since {year}",
        "link_preview.card": "“{title}” – {site}",
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
        "third_party_hosts.none": "The pages load nothing from other servers.",
        "third_party_hosts.intro": "The pages load from these other servers only, each for the reason given:",
        "problems.title": "The data has problems",
        "problems.text": "Data appears here once these problems are fixed (file:line:column):",
        "page_problem.title": "This page cannot be shown",
        "page_problem.text": "It appears here once this problem is fixed:",
        "page_problems.title": "Problems (shown only in the preview)",
        "page_problems.text": "This page is complete once these problems are fixed (file:line: what to do):",
        "articles.page": "Page {number}",
        "articles.page_description": "{title}, page {number}: older articles, newest first.",
        "articles.topic_description": "Every article on {topic}, newest first.",
        "articles.by": "By",
        "articles.reading_time": "{minutes} min read",
        "articles.updated": "updated on {date}",
        "articles.first_published": "Published in “{name}” ({date}):",
        "date.source": "{month} {day}, {year}",
        "date.ordinal.one": "{day}st",
        "date.ordinal.two": "{day}nd",
        "date.ordinal.few": "{day}rd",
        "date.ordinal.other": "{day}th",
        "articles.topics": "Topics",
        "articles.pages": "Pages of the article index",
        "articles.page_link": "Page {number}",
        "articles.newer": "Newer articles",
        "articles.older": "Older articles",
        "articles.all": "All articles",
        "articles.none": "There are no articles here yet.",
        "citation.title": "Cite this article",
        "citation.reference": "{authors}: “{title}”. {site}, {date}. {url}.",
        "citation.reference_journal": "{authors}: “{title}”. In: {journal}, {date}. Online: {url}.",
        "citation.first_published": "First published in {name}, {date}.",
        "citation.files": "Download the reference:",
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
        "accessibility.title": "Accessibility statement",
        "accessibility.description": (
            "How accessible this website is, what is not accessible yet, and how to report barriers."
        ),
        "accessibility.intro": "{body} strives to make this website accessible in accordance with {legal_basis}.",
        "accessibility.scope": (
            "This accessibility statement applies to the website “{site}” at {address}, with all its pages in "
            "{languages}."
        ),
        "accessibility.compliance": "Status of compliance with the requirements",
        "accessibility.standard": "The accessibility requirements are those of {standard}.",
        "accessibility.status.full": "This website is accessible: it is fully compliant with the requirements.",
        "accessibility.status.partial": (
            "This website is partially accessible: it is partially compliant with the requirements."
        ),
        "accessibility.status.none": "This website is not accessible: it is not compliant with the requirements.",
        "accessibility.status_reasons": "What is not accessible, and why, is listed under {section}.",
        "accessibility.review": (
            "The assessment of compliance with the requirements is based on a review on {date}: {method}"
        ),
        "accessibility.no_review": (
            "Nobody has reviewed this website against the requirements by hand yet, neither the body itself nor a "
            "third party. This statement rests on the automated checks below alone, which cover only part of "
            "the requirements. That is why it does not declare the website fully accessible."
        ),
        "accessibility.automated": "Automated checks",
        "accessibility.axe_clean": (
            "On {date}, axe-core {version} checked {pages} of this website, in every language, and found no "
            "violation of its rules."
        ),
        "accessibility.axe_found": (
            "On {date}, axe-core {version} checked {pages} of this website, in every language, and found "
            "violations of {rules} of its rules:"
        ),
        "accessibility.automated_in_ci": (
            "On every change to this website, its test suite in CI (make test) checks every page in every language "
            "with axe-core, and fails as soon as axe-core finds a violation. No dated figures come with this "
            "version of the statement."
        ),
        "accessibility.lighthouse_same": (
            "On {date}, Lighthouse {version} rated the accessibility of {pages} as seen on a smartphone: each "
            "scored {lowest} out of 100."
        ),
        "accessibility.lighthouse_range": (
            "On {date}, Lighthouse {version} rated the accessibility of {pages} as seen on a smartphone: they "
            "scored {lowest} to {highest} out of 100."
        ),
        "accessibility.pages.one": "{count} page",
        "accessibility.pages.other": "{count} pages",
        "accessibility.automated_limits": (
            "Automated checks find only some of the possible barriers. Whether everything can be used with a "
            "keyboard, whether the texts are understandable and whether screen readers read the pages out "
            "sensibly takes a review by people."
        ),
        "accessibility.barriers": "Non-accessible content",
        "accessibility.barriers_intro": "The content listed below is not, or not fully, accessible for these reasons:",
        "accessibility.no_barriers": "No content is known to be non-accessible.",
        "accessibility.alternative": "Alternative:",
        "accessibility.preparation": "Preparation of this accessibility statement",
        "accessibility.prepared": "This statement was prepared on {date}.",
        "accessibility.updated": "It was last updated on {date}.",
        "accessibility.feedback": "Report barriers: feedback contact",
        "accessibility.feedback_text": (
            "Would you like to report an existing barrier, or ask how accessibility is put into practice here? For "
            "your feedback and any further information, please write to:"
        ),
        "accessibility.conciliation": "Conciliation procedure",
        "accessibility.conciliation_text": (
            "If no satisfactory solution has been found even after your feedback to the contact above, you can "
            "turn to this conciliation body:"
        ),
        "accessibility.email": "E-mail:",
        "accessibility.website": "Website:",
        "error_page.title": "Page not found",
        "error_page.text": "There is no page at this address. It may have moved, or the link may contain a typo.",
        "error_page.home": "Go to the home page",
    },
}


def label(language: str, key: str, /, **values: object) -> str:
    try:
        return LABELS[language][key].format(**values)
    except KeyError:
        message = f"no '{key}' label for language '{language}' – add it to LABELS"
        raise Problem(Finding("hooks/microsite/rendering/labels.py", 1, message)) from None


def relation_and_year(partnership: dict, language: str, relation: str) -> str:
    """The kind of link (`relation`: the partnership's, as the page shows it) and, where known, since
    when: "Städtepartnerschaft seit 1978"; an untranslated relation keeps its marking (texts.joined)."""
    return (
        joined(" ", [relation, label(language, "since", year=partnership["since"])])
        if "since" in partnership
        else relation
    )
