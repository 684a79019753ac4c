"""`python -m lkjip_xl ...` runs the `lkjip-xl` command."""

from lkjip_xl.cli import main

if __name__ == "__main__":
    main()
