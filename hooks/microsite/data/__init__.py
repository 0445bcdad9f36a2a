"""The publication's data (`data/*.yml`): loaded, checked against `data/*.schema.json`, explained.

Every mistake an editor can make becomes one finding, `file:line:column: field.path: what is wrong –
what to do`, and all of them are reported at once. No file is ever changed.

- `reading`: a file's text, whatever line endings and byte-order mark it was saved with;
- `yaml_refusals`: what a data file may not contain, refused before any value is built;
- `yaml_positions`: safe YAML with the place of every value;
- `yaml_syntax`: a YAML syntax error in plain words (data files and pages' front matter);
- `explain`: schema violations in words;
- `checks`: what the schemas cannot say (dates, ids, references, quoted passages);
- `publication`: the checked data as the build uses it, and `load`, which runs all of the above.
"""

from .publication import DataError, PublicationData, load, load_usable

__all__ = ["DataError", "PublicationData", "load", "load_usable"]
