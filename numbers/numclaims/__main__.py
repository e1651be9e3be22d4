"""``python -m numclaims``: the same as the ``numclaims`` command."""

from numclaims.cli import main

main()
