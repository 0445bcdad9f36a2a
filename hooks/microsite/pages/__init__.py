"""The kinds of page the generator makes from the publication, a module each (generated.py lists them):
what each page of a kind is, its Markdown, and where a kind has one, its renderer."""
