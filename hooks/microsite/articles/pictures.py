"""Article pictures at the sizes pages need: each one resized at build time into several widths of WebP,
and its own address serving it cut to the widest of them, with its metadata stripped.

An editor uploads one large picture; readers download what their screen shows. The widths stop at twice
the widest place a picture takes in Material's layout (945 px, the article column just below 1220 px,
where the navigation sidebar appears): high-density screens get sharp pictures, and nothing larger is
published. No picture is made wider than its original. EXIF orientation is applied first; EXIF (GPS
positions, camera serial numbers), XMP and comments are never copied into what is published, the picture
at its own address included. The colour profile is kept, so that colours stay as the editor saw them.

WebP only: every browser the site supports shows it, and AVIF, measured on the same pictures, was no
smaller at a comparable quality while it would need a `<picture>` element and twice the files.

The results are cached in `.cache/pictures/` of the project (content_cache.py), one folder per picture and
recipe (the picture's bytes, the widths, the formats and their settings, Pillow's version): a rebuild, every
save in the preview included, reads them instead of encoding again. What the cache holds is exactly what a
cold build makes, so it never shows in the site. The build copies the files from there into the site; nothing
is written to docs/.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageOps, UnidentifiedImageError

from ..content_cache import ContentCache, content_key

# The published widths, in CSS pixels × device pixels; the last is twice the widest slot (945 px), rounded
# down to a common step.
WIDTHS = (320, 480, 640, 960, 1280, 1600)
WEBP = {"format": "WEBP", "quality": 80, "method": 6}
# The picture at its own address (the `src` of browsers without `srcset`), in its own format.
FALLBACK = {"JPEG": {"quality": 88, "optimize": True, "progressive": True}, "PNG": {"optimize": True}, "WEBP": WEBP}
CACHE_NAME = "pictures"
# Raise when the recipe changes in a way the settings above do not show, so that old results are not used.
RECIPE_VERSION = 1
MANIFEST = "sizes.json"


@dataclass(frozen=True)
class Size:
    """One published file of a picture: its name in the cache folder, and its pixels."""

    name: str
    width: int
    height: int


@dataclass(frozen=True)
class PictureSizes:
    """A picture as published: at its own address (`fallback`), and its WebP files, narrowest first."""

    folder: Path
    fallback: Size
    variants: tuple[Size, ...]

    def file(self, size: Size) -> Path:
        return self.folder / size.name


class UnreadablePicture(Exception):
    """The picture's file is no picture Pillow can read: what is wrong, in words."""


def _cache(project: Path) -> ContentCache:
    return ContentCache(project, CACHE_NAME)


def _key(data: bytes) -> str:
    recipe = json.dumps(
        {"widths": WIDTHS, "webp": WEBP, "fallback": FALLBACK, "pillow": PIL.__version__, "recipe": RECIPE_VERSION},
        sort_keys=True,
    )
    return content_key(data, recipe)


def is_resized(path: Path) -> bool:
    """A drawing (SVG) is published as it is: it has no pixels, and is sharp at any size."""
    return path.suffix.lower() != ".svg"


def unreadable_reason(path: Path, project: Path) -> str | None:
    """Why the picture at `path` cannot be published, or None. A picture resized before (in the cache) was
    read then: it is not decoded again."""
    if not is_resized(path):
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"the file cannot be read ({error.strerror})"
    if _cache(project).has(_key(data)):
        return None
    try:
        _decoded(data)
    except UnreadablePicture as error:
        return str(error)
    return None


def _decoded(data: bytes) -> Image.Image:
    """The picture, upright (its EXIF orientation applied), all of its pixels read."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in FALLBACK:
                raise UnreadablePicture(f"it is a {image.format} picture – pages show JPEG, PNG and WebP")
            image.load()
            upright = ImageOps.exif_transpose(image)
            upright.format = image.format
            upright.info = dict(image.info)
            return upright
    except UnidentifiedImageError:
        raise UnreadablePicture("it is no picture (neither JPEG, PNG nor WebP, or damaged at its start)") from None
    except Image.DecompressionBombError:
        raise UnreadablePicture("it has too many pixels to be a picture for a page") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise UnreadablePicture(f"it is damaged or cut off ({error})") from None


def sizes(path: Path, project: Path) -> PictureSizes:
    """The picture's published files, from the cache, made there first if they are not in it."""
    data = path.read_bytes()
    folder = _cache(project).entry(_key(data), lambda staging: _make(data, staging))
    made = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return PictureSizes(
        folder=folder,
        fallback=Size(**made["fallback"]),
        variants=tuple(Size(**variant) for variant in made["variants"]),
    )


def _make(data: bytes, folder: Path) -> None:
    """Every published file of the picture, and the manifest naming them, written into `folder`."""
    picture = _decoded(data)
    width, height = picture.size
    profile = {"icc_profile": picture.info["icc_profile"]} if picture.info.get("icc_profile") else {}
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    pixels = picture.convert("RGBA" if has_alpha else "RGB")
    widest = min(width, WIDTHS[-1])
    widths = [wanted for wanted in WIDTHS if wanted < widest] + [widest]
    variants = []
    for wanted in widths:
        resized = _resized(pixels, wanted, round(height * wanted / width))
        name = f"{wanted}.webp"
        resized.save(folder / name, **WEBP, **profile)
        variants.append({"name": name, "width": resized.width, "height": resized.height})
    fallback = _fallback(picture, pixels, widths[-1], round(height * widths[-1] / width))
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[fallback.format]
    fallback.save(folder / f"fallback.{extension}", fallback.format, **FALLBACK[fallback.format], **profile)
    manifest = {
        "fallback": {"name": f"fallback.{extension}", "width": fallback.width, "height": fallback.height},
        "variants": variants,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def _resized(pixels: Image.Image, width: int, height: int) -> Image.Image:
    if (width, height) == pixels.size:
        return pixels
    return pixels.resize((width, height), Image.Resampling.LANCZOS)


def _fallback(picture: Image.Image, pixels: Image.Image, width: int, height: int) -> Image.Image:
    """The picture for its own address, in its own format: a browser without `srcset` may not know WebP."""
    source = pixels.convert("RGB") if picture.format == "JPEG" else pixels
    resized = _resized(source, width, height)
    resized.format = picture.format
    return resized
