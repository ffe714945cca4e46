"""Turn built packs into e-mail to the readers on a distribution list, each pack to each reader once.

One concern per module: `config` (the distribution file), `renditions` (a
pack in another label language), `labels` (templates/email/), `message` (the
MIME message), `smtp` (delivery with retries), `sendlog` (the append-only record of what went to whom) and
`run` (the plan, the confirmation and the loop the CLI calls).
Packs and their manifests are `briefgen.pack`'s.
"""
