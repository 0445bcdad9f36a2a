"""The picture a shared link shows (Open Graph, Twitter's card, the JSON-LD `image`) and the publisher's logo.

- An article with a picture Pillow reads (`image:`) shows a 1200 × 630 crop of it (JPEG, next to the
  article: `<slug>.preview.jpg`), described by the picture's alt text.
- Any other article shows a card drawn at build time (`<slug>.preview.png`): its title, the site's
  name and the language, in the theme's primary colour (an SVG picture is such a case: messengers show
  none).
- Every other page shows its language's site card (`link-preview.png` in the language's folder): the
  site's name, the publisher and the language.
- The publisher's logo is `extra.publisher.logo`; without it, a square of the site's initials
  (`publisher-logo.png` in the site root).

What the pages state is known before the files exist: each preview is 1200 × 630, the generated logo
512 × 512. The files are written once every language is built, into the site only, never over a file
the build copied from docs/. A card takes about 6 ms of CPU to draw (a crop more), a thousand of them
seconds of a cold build, so each is kept in `.cache/link-previews/` below the project (content_cache.py),
under a hash of everything it is drawn from (this module's and the drawing's code included): a build draws
only what changed. An article's preview is what its page shows (its title, its picture, the site's
settings), so the live preview takes back the build before's file where it keeps the page (kept_pages.py).
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import PIL
from PIL import Image, UnidentifiedImageError

from .. import upstream
from ..articles.collection import image_path
from ..content_cache import ContentCache, continued_key, key_start
from ..findings import Finding
from ..problems import Problem
from ..publisher import KEY as PUBLISHER_KEY
from . import preview_images
from .site_files import write_into_site

if TYPE_CHECKING:
    from ..articles import Article
    from ..publisher import Publisher
    from ..state import BuildState

CACHE_NAME = "link-previews"
SITE_CARD = "link-preview.png"
GENERATED_LOGO = "publisher-logo.png"
# What a picture must be for its crop: a format Pillow reads and messengers show once cropped.
_CROPPED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "TIFF", "AVIF", "BMP"}


@dataclass(frozen=True)
class PreviewImage:
    # Below the site root ('en/beitraege/x.preview.png').
    site_path: str
    width: int
    height: int
    alt: str


def article_preview(state: BuildState, article: Article) -> PreviewImage:
    stem = state.languages.root(article.language) + article.path.removesuffix(".md")
    width, height = preview_images.CARD_SIZE
    if _picture_file(state, article) is not None:
        return PreviewImage(f"{stem}.preview.jpg", width, height, article.image["alt"])
    site_name = upstream.language_site_name(state.config, article.language)
    alt = state.words.label(article.language, "link_preview.card", title=article.title, site=site_name)
    return PreviewImage(f"{stem}.preview.png", width, height, alt)


def site_preview(state: BuildState, language: str) -> PreviewImage:
    width, height = preview_images.CARD_SIZE
    alt = upstream.language_site_name(state.config, language)
    return PreviewImage(state.languages.root(language) + SITE_CARD, width, height, alt)


def publisher_logo(state: BuildState, publisher: Publisher) -> PreviewImage:
    """The logo the publisher sets, or the generated one; a set logo that is missing or unreadable is
    reported, and the generated one stands in."""
    if publisher.logo is not None:
        found = _logo_file(state, publisher.logo)
        if found is not None:
            return found
    size = preview_images.LOGO_SIZE
    return PreviewImage(GENERATED_LOGO, size, size, _site_name(state))


def image_object(state: BuildState, image: PreviewImage) -> dict[str, object]:
    """schema.org's ImageObject of `image`."""
    return {
        "@type": "ImageObject",
        "url": state.site_url + image.site_path,
        "width": image.width,
        "height": image.height,
    }


def write_link_previews(state: BuildState, publisher: Publisher) -> None:
    """Once every language is built: every article's preview, each language's site card, and the
    generated logo where the publisher sets none."""
    colour = upstream.theme_primary_colour(state.config)
    drawing = _drawing()
    for language in state.languages.codes:
        for site_path, shown_by, prepare in _language_previews(state, publisher, language, colour):
            _write(state, drawing, site_path, shown_by, prepare)
    if publisher_logo(state, publisher).site_path == GENERATED_LOGO:
        name = _site_name(state)
        _write(
            state,
            drawing,
            GENERATED_LOGO,
            None,
            lambda: (("logo", name, colour), lambda: preview_images.logo(name, colour)),
        )


def draw_previews_from_the_end(state: BuildState, publisher: Publisher) -> None:
    """Every language's previews drawn into the cache, where `write_link_previews` finds them, in the reverse of
    the order it writes them: for a further language's process (language_processes.py) while the first
    finishes the site. The two draw from both ends and meet in the middle, each taking what the other has drawn
    from the cache, so that the drawing is shared, however far each has got when it starts."""
    colour = upstream.theme_primary_colour(state.config)
    drawing = _drawing()
    recipes = [
        prepare
        for language in state.languages.codes
        for _, _, prepare in _language_previews(state, publisher, language, colour)
    ]
    for prepare in reversed(recipes):
        _cached(state, drawing, *prepare())


# What a preview is drawn from and its drawing, made only when the preview is drawn.
Recipe = Callable[[], tuple[tuple, Callable[[], bytes]]]


def _language_previews(
    state: BuildState, publisher: Publisher, language: str, colour: str
) -> Iterator[tuple[str, str | None, Recipe]]:
    """Each preview of the language's pages: its path in the site, the page whose preview it is (an article's
    src_uri; None for the language's site card), and its recipe."""
    below = upstream.language_display_name(state.config, language)
    site_name = upstream.language_site_name(state.config, language)
    for article in state.articles.of(language) if state.articles else ():
        preview = article_preview(state, article)
        yield (
            preview.site_path,
            f"{language}/{article.path}",
            functools.partial(_article_recipe, state, article, language, colour),
        )
    text = preview_images.CardText(site_name, publisher.name(language, _source(state)), below)
    yield site_preview(state, language).site_path, None, functools.partial(_card, text, colour)


def _article_recipe(
    state: BuildState, article: Article, language: str, colour: str
) -> tuple[tuple, Callable[[], bytes]]:
    """The crop of the article's picture, or its card."""
    picture = _picture_file(state, article)
    if picture is not None:
        content = picture.read_bytes()
        return ("crop", hashlib.sha256(content).hexdigest()), lambda: preview_images.crop(content)
    below = upstream.language_display_name(state.config, language)
    site_name = upstream.language_site_name(state.config, language)
    return _card(preview_images.CardText(article.title, site_name, below), colour)


def _card(text: preview_images.CardText, colour: str) -> tuple[tuple, Callable[[], bytes]]:
    return ("card", text.title, text.above, text.below, colour), lambda: preview_images.card(text, colour)


def _write(state: BuildState, drawing: hashlib._Hash, site_path: str, shown_by: str | None, prepare: Recipe) -> None:
    """Writes the preview `prepare` says how to draw (or the cache kept of the same recipe) at `site_path`;
    in the live preview, the build before's where it keeps the page `shown_by`."""
    # A string, not a path: a preview an article and language, each looked for at every save.
    target = os.path.join(state.config.site_dir, site_path)
    if os.path.exists(target):
        written = f"docs/{site_path}" if "/" in site_path else f"docs/{_source(state)}/{site_path}"
        message = "the build writes a link-preview picture there – rename or remove this file"
        state.problems.stop_or_report(Problem(Finding(written, 1, message)))
        return
    if shown_by is not None and state.take_back(shown_by, site_path):
        return
    write_into_site(Path(target), _cached(state, drawing, *prepare()), "the link-preview picture")


def _drawing() -> hashlib._Hash:
    """The hash of what draws every preview (Pillow's version, this module's and the drawing's code, the fonts):
    the first part of each preview's key in the cache, read and hashed once for all of a build's previews."""
    fonts = [path.read_bytes() for paths in preview_images.FONT_FILES.values() for path in paths]
    code = (Path(preview_images.__file__).read_bytes(), Path(__file__).read_bytes())
    return key_start(PIL.__version__, *code, *fonts)


def _cached(state: BuildState, drawing: hashlib._Hash, recipe: tuple, draw: Callable[[], bytes]) -> bytes:
    """The picture `recipe` draws (with `drawing`), from the cache where it was drawn before; a cache that
    cannot be written only makes the next build slower."""
    key = continued_key(drawing, *(str(part) for part in recipe))
    name = "picture.jpg" if recipe[0] == "crop" else "picture.png"
    try:
        entry = ContentCache(state.project, CACHE_NAME).entry(key, lambda folder: (folder / name).write_bytes(draw()))
        return (entry / name).read_bytes()
    except OSError:
        return draw()


def _picture_file(state: BuildState, article: Article) -> Path | None:
    """The article's picture, where Pillow reads it as a raster picture: the language's own file, else the
    source language's (rendering/shared_files.py), inside docs/."""
    if not article.image:
        return None
    path = image_path(state.articles.settings.page_folder, article.image["src"])
    docs = Path(state.config.docs_dir).resolve()
    for language in dict.fromkeys((article.language, _source(state))):
        candidate = (docs / language / path).resolve()
        if candidate.is_relative_to(docs) and candidate.is_file():
            return candidate if _raster_format(candidate) in _CROPPED_FORMATS else None
    return None


def _raster_format(path: Path) -> str | None:
    try:
        with Image.open(path) as picture:
            return picture.format
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def _logo_file(state: BuildState, logo: str) -> PreviewImage | None:
    """The publisher's logo with its size, from docs/<source>/ or overrides/; reported where it is neither
    there nor a picture."""
    project = state.project.resolve()
    for folder in (Path(state.config.docs_dir) / _source(state), project / "overrides"):
        candidate = (folder / logo).resolve()
        if candidate.is_relative_to(project) and candidate.is_file():
            try:
                with Image.open(candidate) as picture:
                    return PreviewImage(logo, picture.width, picture.height, _site_name(state))
            except (OSError, UnidentifiedImageError, ValueError):
                problem = f"'{logo}' is no picture Pillow reads – save the logo as PNG or JPEG"
                break
    else:
        problem = (
            f"'{logo}' is in neither docs/{_source(state)}/ nor overrides/ – put the logo there, or correct the path"
        )
    settings = state.settings
    line = settings.line(PUBLISHER_KEY, ("logo",))
    state.problems.stop_or_report(Problem(Finding(settings.file, line, f"extra.{PUBLISHER_KEY}.logo: {problem}")))
    return None


def _site_name(state: BuildState) -> str:
    return upstream.language_site_name(state.config, _source(state))


def _source(state: BuildState) -> str:
    return state.configured_languages.source
