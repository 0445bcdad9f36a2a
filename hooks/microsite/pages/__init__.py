"""The kinds of page the generator makes from the publication, a module each (generated.py lists them):
what each page of a kind is, its Markdown, and the renderer of its marker; and the table of every data
marker (data_markers.py), a page kind's and those of rendering/ alike."""
