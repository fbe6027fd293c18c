"""`python -m versprochen.cli`: the same command as `versprochen`."""

from versprochen.cli import main

main()
