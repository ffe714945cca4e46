"""Turn inputs into packs on disk: one concern per module, and nothing here imports `distribute`.

`build` (an input into DIR/<name>/, or a brief file), `manifest` (what a pack
holds, with hashes), `stamp` (what a pack was built from, so a re-run can skip
it), `outdir` (names, staging, atomic swaps, the output lock), `batch` (many
inputs in parallel, each failure one line) and `forked` (PDFs laid out in a
forked process). `distribute` depends on this package, never the other way.
"""
