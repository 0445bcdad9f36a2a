"""The bilingual publication generator: everything the entry hook (hooks/build.py) calls, and the
command line (`python -m microsite`).

- `languages`, `upstream`, `state`, `findings`, `markers`, `frontmatter`, `pasted_text`: shared by
  everything below;
- `data`: load, validate and explain `data/*.yml`;
- `rendering`: data markers in pages, and the pages generated from data;
- `site_output`: alternates, 404 pages, sitemaps, search, navigation;
- `parity`: translations in step with their source;
- `link_check`: the links of the built site;
- `scaffold`: new articles and records for editors;
- `cli`: the command line.
"""
