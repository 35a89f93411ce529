"""The book's MkDocs machinery, one module per job; tools/hooks.py wires them to MkDocs' events.

- cjk: a line break between two Chinese characters renders as nothing
- formulas: TeX to MathML at build time (no MathJax or KaTeX, no CDN)
- languages: both languages or neither; the per-page hreflang links that made
  Material fetch files that do not exist; the English pages' search base
- notebooks: each chapter page's notebook, generated and published twice
  (a download and a rendered view), with one shared, pruned stylesheet
- stamps: the "verified" stamp, the notebook buttons and the links to the whole
  programs under each chapter title
- search: one search index per language
- serve: `./book serve` rebuilds only what an edit changed
"""
