"""Link previews as a messenger fetches them: on every article of the fixture publication, in every language, the
head that a browser has parsed names a picture whose address the served site answers with a picture of 1200 × 630,
the large-picture card for it, and the same picture in the page's JSON-LD. The pictures themselves (an article's
own, cropped; a drawn card) are tested on the built files (tests/build/test_link_previews.py)."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image
from site_model import LANGUAGES, BuiltSite, built_path, collection_of

pytestmark = pytest.mark.browser

PREVIEW_SIZE = (1200, 630)

# What a crawler reads of the head: the Open Graph and card tags, and the JSON-LD's picture.
HEAD = """() => {
  const meta = {};
  for (const tag of document.head.querySelectorAll("meta[property], meta[name]")) {
    meta[tag.getAttribute("property") || tag.getAttribute("name")] ??= tag.content;
  }
  const data = [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent);
  return {meta, data};
}"""


def article_pages(site: BuiltSite) -> list[str]:
    collection = collection_of(site.project)
    return [built_path(article.path, language) for language in LANGUAGES.codes for article in collection.of(language)]


def test_every_article_names_a_preview_picture_the_site_serves_at_1200_by_630(
    browser, served_site: str, built_site: BuiltSite
) -> None:
    pages = article_pages(built_site)
    assert pages, "the fixture has no articles"
    context = browser.new_context()
    page = context.new_page()
    try:
        for path in pages:
            page.goto(served_site + path, wait_until="domcontentloaded")
            head = page.evaluate(HEAD)
            meta, (data,) = head["meta"], [json.loads(text) for text in head["data"]]
            picture = meta.get("og:image")
            assert picture and picture.startswith(built_site.site_url), f"{path}: og:image is {picture!r}"
            assert meta.get("twitter:card") == "summary_large_image", f"{path}: twitter:card {meta.get('twitter:card')}"
            assert meta.get("twitter:image") == picture and meta.get("og:image:alt"), f"{path}: {meta}"
            assert data.get("image", {}).get("url") == picture, f"{path}: the JSON-LD's picture is {data.get('image')}"
            # Fetched as a crawler fetches it, over HTTP, from the address the page names: on the host that serves
            # the site here, as the build is shared by the test processes and each serves it on a port of its own.
            response = page.request.get(served_site + picture.removeprefix(built_site.site_url))
            assert response.ok and response.headers["content-type"].startswith("image/"), f"{path}: {picture}"
            with Image.open(io.BytesIO(response.body())) as shown:
                assert shown.size == PREVIEW_SIZE, f"{path}: {picture} is {shown.size}"
                assert (int(meta["og:image:width"]), int(meta["og:image:height"])) == shown.size, f"{path}: {meta}"
    finally:
        context.close()
