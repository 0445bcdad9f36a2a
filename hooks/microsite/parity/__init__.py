"""Translation parity: every translation in step with its source, pages and data.

The first language of mkdocs.yml is the source; every other language folder holds translations with
the same relative paths. Pages are compared as parsed Markdown: page sets, front matter keys,
headings and explicit ids, block counts, code, images, data markers, links and numbers. A paragraph of
images alone is compared as images, not as a block. An image of a translation must have its file next to
it or next to its source (which serves every language). Data texts must have every language, and a text
identical in every language must be declared so.

What must differ is translated: a translation's block that is its source's, copied unchanged, and a
block or data text written in another of the publication's languages than its page's (or key's) are
reported, where there are words enough to tell (py3langid, its model loaded on first need).

Outdated translations: a translation records `translated_from: <fingerprint>` of its source (front
matter for pages, a field for data records), written only by the `translated` command. The
fingerprint works in any clone; where git history is there, it also tells what changed since.

Intended differences are declared where they are: `parity_ignore: [check-id, …]` in a page's front
matter, `<!-- parity-ignore: check-id -->` on the line before a block, `# parity-ignore: check-id`
at the end of a YAML line. A declaration that suppresses nothing is itself reported.

- `pages`: a page as blocks, `page_reader`: Markdown → blocks; `compare`: a page's structure against its
  source's, `block_contents`: what corresponding blocks hold, `page_pair`: the two pages both compare;
  `image_files`: a translation's images without a file;
- `block_language`: blocks left untranslated or in another language; `text_language`: a text's language;
- `stamps`: fingerprints, stamps, outdated pages; `changes`: when and where a source changed since;
- `data_texts`: the data files' texts in every language; `data_records`: whether each record's translations
  follow its source;
- `status`: where each translation stands, under the translation policy (translation_policy.py);
- `interface_words`: the generator's words (hooks/microsite/words/) complete in every language;
- `project`: the whole project (`make parity`, and the build's warnings), read-only;
- `marking`: the `translated` command, the only writer.
"""

from .interface_words import check_words
from .marking import mark_page, mark_records
from .project import PairStatus, ParityResult, check_project, summary
from .report import CHECKS
from .status import State, TranslationStatus
from .text_language import load_model_meanwhile

__all__ = [
    "CHECKS",
    "PairStatus",
    "ParityResult",
    "State",
    "TranslationStatus",
    "check_project",
    "check_words",
    "load_model_meanwhile",
    "mark_page",
    "mark_records",
    "summary",
]
