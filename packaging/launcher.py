"""Entry script of the packaged app (packaging/studio.spec): the same as ``studio``.

No arguments open the GUI; ``TextModelStudio --version`` prints the versions;
``TextModelStudio train | evaluate | predict | vectors`` run headless.
"""

import multiprocessing
import sys

from studio.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen app's worker processes start here too
    sys.exit(main())
