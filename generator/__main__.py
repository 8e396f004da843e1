"""``python -m generator`` runs the ``appreciate`` command."""

from generator.cli import main

main()
