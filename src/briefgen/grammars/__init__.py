"""Rule grammars that read figures from tokens: one module per fact type.

`tokens` splits the text, `lexicon` matches the word lists of
`data/figures.yaml` in any inflected form, `words` bundles them per language;
`numbers` reads a value, and `money`, `percent`, `quantity` and `count` each
say whether what follows the value makes it their kind of figure. `status`
reads what the sentence says about a figure (target, actual, portfolio).
"""
