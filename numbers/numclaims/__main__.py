"""``python -m numclaims``: the same as the ``numclaims`` command."""

from numclaims.cli import main

# Guarded: a Dask LocalCluster starts its workers by spawning Python, which imports this module
# again; unguarded, each worker would run the command line once more.
if __name__ == "__main__":
    main()
