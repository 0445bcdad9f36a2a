"""Who publishes the site, as mkdocs.yml sets it under `extra.publisher`: the body the legal notice
names as publisher, with its web address and, optionally, its logo (site_output/link_previews.py draws
one of the site's initials where none is set). The pages' metadata names it as the publisher of every
article and of the site (site_output/metadata.py).

```yaml
extra:
  publisher:
    name: {de: …, en: …}   # or one name for every language
    url: https://…
    logo: assets/logo.png  # optional: a PNG or JPEG the site serves at that path (from docs/<source>/ or overrides/)
```

A language without a name of its own takes the source language's, as a data text does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .language_texts import in_language
from .languages import Languages

KEY = "publisher"
SETTINGS = ("name", "url", "logo")
LOGO_FORMATS = (".png", ".jpg", ".jpeg")
EXAMPLE_URL = "https://example.org/"


@dataclass(frozen=True)
class Publisher:
    # Language → name; at least the source language's.
    names: dict[str, str]
    url: str
    # The logo's path below the site root ('assets/logo.png'), or None.
    logo: str | None = None

    def name(self, language: str, source: str) -> str:
        return in_language(self.names, language, source).text


class PublisherError(ValueError):
    """`extra.publisher` set wrongly; the message names mkdocs.yml, the setting and what to write."""

    def __init__(self, config_file: str, setting: str, problem: str) -> None:
        super().__init__(f"extra.{KEY}{setting}{problem}")
        self.config_file = config_file
        # Below `extra.publisher`: ('name', 'de'), for the line of the setting.
        self.path = tuple(part for part in setting.split(".") if part)


def read_publisher(value: object, languages: Languages, config_file: str = "mkdocs.yml") -> Publisher:
    """The publisher `value` (mkdocs.yml's `extra.publisher`) gives, for a site in `languages`."""
    if value is None:
        problem = f" is not set – write the body your legal notice names as publisher, '{KEY}: {{name: …, url: …}}'"
        raise PublisherError(config_file, "", problem + " under 'extra:'")
    if not isinstance(value, dict):
        raise PublisherError(config_file, "", " must be a mapping – write 'name: …' and 'url: https://…' below it")
    for setting in value:
        if setting not in SETTINGS:
            raise PublisherError(config_file, "", f": unknown setting '{setting}' – use {', '.join(SETTINGS)}")
    names, url = _names(value.get("name"), languages, config_file), _url(value.get("url"), config_file)
    return Publisher(names, url, _logo(value.get("logo"), config_file))


def _names(value: object, languages: Languages, config_file: str) -> dict[str, str]:
    example = "{" + ", ".join(f"{language}: …" for language in languages.codes) + "}"
    what = f"write the publisher's name as the legal notice gives it: one text, or one per language, {example}"
    if isinstance(value, str) and value.strip():
        return {languages.source: value}
    if not isinstance(value, dict):
        raise PublisherError(config_file, ".name", f": missing – {what}")
    for language, name in value.items():
        if language not in languages.codes:
            known = ", ".join(languages.codes)
            raise PublisherError(config_file, ".name", f": '{language}' is not a language of the site – use {known}")
        if not isinstance(name, str) or not name.strip():
            raise PublisherError(config_file, f".name.{language}", f": empty – {what}")
    if languages.source not in value:
        raise PublisherError(config_file, ".name", f": no {languages.source} name – {what}")
    return dict(value)


def _url(value: object, config_file: str) -> str:
    if value is None:
        raise PublisherError(config_file, ".url", f": missing – write the publisher's web address, e.g. {EXAMPLE_URL}")
    address = urlsplit(str(value))
    if address.scheme not in ("http", "https") or not address.netloc or any(char.isspace() for char in str(value)):
        message = f": '{value}' is no web address – write a full address starting with https://, e.g. {EXAMPLE_URL}"
        raise PublisherError(config_file, ".url", message)
    return str(value)


def _logo(value: object, config_file: str) -> str | None:
    if value is None:
        return None
    path = PurePosixPath(str(value))
    what = "write the path the site serves it at, below docs/<source language>/ or overrides/, e.g. assets/logo.png"
    if not isinstance(value, str) or path.is_absolute() or ".." in path.parts or "\\" in value or ":" in value:
        raise PublisherError(config_file, ".logo", f": '{value}' is no path inside the site – {what}")
    if path.suffix.lower() not in LOGO_FORMATS:
        formats = ", ".join(LOGO_FORMATS)
        raise PublisherError(config_file, ".logo", f": '{value}' is no {formats} file – link previews read only those")
    return path.as_posix()
