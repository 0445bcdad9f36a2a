"""The generator's interface words (hooks/microsite/words/) complete in every language the site builds: the
keys of the source language's file, no more and no fewer, each filling in the same names in braces, and a
counted word with a text for each plural form the language has. What is missing is found here, before a
page needs it, not as a failure in the middle of rendering."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..languages import Languages
from ..words import CHECK, COUNTED, WordFile, Words, placeholders, plural_forms


def check_words(words: Words, languages: Languages) -> list[Finding]:
    """Every finding about the word files of `languages`: those of reading them, then what is missing."""
    findings = list(words.findings)
    source = words.files.get(languages.source)
    for language in languages.codes:
        word_file = words.files.get(language)
        if word_file is None:
            if not (words.folder / f"{language}.yml").is_file():
                findings.append(_no_file(words, language))
            continue
        findings += _brace_problems(word_file)
        findings += _form_problems(word_file)
        if source is not None and word_file is not source:
            findings += _key_problems(source, word_file)
    return findings


def _no_file(words: Words, language: str) -> Finding:
    shown = words.file_path(language)
    others = [Path(word_file.shown).name for word_file in words.files.values()]
    model = f" with every key of {others[0]}" if others else ""
    message = f"no interface words in {Languages.name(language)}, which the site builds: create {shown}{model}"
    return Finding(shown, 1, f"{message}, in {Languages.name(language)}", CHECK)


def _texts(word_file: WordFile, key: str) -> list[str]:
    word = word_file.words[key]
    return list(word.values()) if isinstance(word, dict) else [word]


def _brace_problems(word_file: WordFile) -> list[Finding]:
    findings = []
    for key in word_file.words:
        for text in _texts(word_file, key):
            try:
                placeholders(text)
            except ValueError:
                message = f"`{key}:` has a brace that encloses no name – write a brace itself as {{{{ or }}}}"
                findings.append(Finding(word_file.shown, word_file.line(key), message, CHECK))
    return findings


def _form_problems(word_file: WordFile) -> list[Finding]:
    """A counted word needs a text for each plural form of the language's numbers, and has no other."""
    findings = []
    name = Languages.name(word_file.language)
    for key, rule in COUNTED.items():
        forms = word_file.words.get(key)
        if not isinstance(forms, dict):
            continue
        needed = plural_forms(word_file.language, rule)
        listed = ", ".join(f"`{form}:`" for form in needed)
        for form in needed:
            if form not in forms:
                message = f"`{key}:` has no `{form}:` – {name} {rule} numbers take the forms {listed}: add `{form}:`"
                findings.append(Finding(word_file.shown, word_file.line(key), message, CHECK))
        for form in forms:
            if form not in needed:
                message = f"`{key}:` has a `{form}:`, which {name} {rule} numbers never take ({listed}) – remove it"
                findings.append(Finding(word_file.shown, word_file.line(f"{key}.{form}"), message, CHECK))
    return findings


def _key_problems(source: WordFile, translation: WordFile) -> list[Finding]:
    """The translation's keys against the source's: missing, left over, or filling in other names."""
    findings = []
    source_name = Path(source.shown).name
    language = Languages.name(translation.language)
    previous_line = 1
    for key in source.words:
        if key not in translation.words:
            if key not in translation.lines:
                todo = f"add it to {translation.shown}, in {language}, as in {source_name} line {source.line(key)}"
                findings.append(Finding(translation.shown, previous_line, f"no `{key}:` – {todo}", CHECK))
            continue
        previous_line = translation.line(key)
        findings += _fill_in_problems(source, translation, key)
    for key in translation.words:
        if key not in source.words and key not in source.lines:
            todo = f"remove it, or add it to {source_name} (and every other language's file) if a page needs it"
            message = f"`{key}:` is not in {source_name}, the source language's words – {todo}"
            findings.append(Finding(translation.shown, translation.line(key), message, CHECK))
    return findings


def _fill_in_problems(source: WordFile, translation: WordFile, key: str) -> list[Finding]:
    try:
        expected = set().union(*(placeholders(text) for text in _texts(source, key)))
        written = set().union(*(placeholders(text) for text in _texts(translation, key)))
    except ValueError:
        return []
    if written == expected or (key in COUNTED and written <= expected):
        return []
    shown = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "no name in braces"
    todo = f"{Path(source.shown).name} line {source.line(key)} fills in {shown}: use the same names, untranslated"
    message = f"`{key}:` fills in {', '.join(f'{{{name}}}' for name in sorted(written)) or 'nothing'} – {todo}"
    return [Finding(translation.shown, translation.line(key), message, CHECK)]
