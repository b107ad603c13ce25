"""``python -m vanban``: the ``vanban`` program (:func:`vanban.program.run`)."""

from vanban.program import run

run()
