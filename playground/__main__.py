"""`python -m playground` is the same as the `playground` command."""

import multiprocessing
import sys

from playground.cli import main

# In a bundle, a batch's worker processes start this same program: this makes them workers, not another window.
multiprocessing.freeze_support()
sys.exit(main())
