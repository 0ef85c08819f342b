"""``python -m initscope``: the same as the ``initscope`` command."""

import sys

from initscope import main

if __name__ == "__main__":
    sys.exit(main())
