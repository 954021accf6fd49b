"""``python -m tiedote``: the same command line as the ``tiedote`` script."""

from tiedote.cli import main

# The guard matters: worker processes (forkserver/spawn) import the main module again
# as "__mp_main__", and must not start a second run.
if __name__ == "__main__":
    raise SystemExit(main())
