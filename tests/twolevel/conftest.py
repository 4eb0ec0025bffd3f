"""Makes the shared test helpers importable from every test below.

``inputs.py`` holds the hypothesis strategies (generated inputs) of the property
tests; ``package/fuzz_support.py`` the fuzzing targets of the package-wide checks.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE / "package")]
