"""The unit layer runs with only its own packages installed.

``tests/unit`` runs in a process of its own under ``tests/unit_blocker.py``,
which refuses every installed package but ``requirements-unit.txt``'s and
what they require, as an environment with only those would.
"""

import os
import subprocess
import sys

from tests.helpers import ROOT

# What no unit test may need: the build, its figures, the examples' training, the browser.
NEVER = ["sphinx", "docutils", "matplotlib", "torch", "playwright"]
# requirements-unit.txt's.
UNIT_PACKAGES = ["pytest", "babel", "polib"]
# The other pytest plugins installed here are not the unit layer's either.
ONLY_THE_UNIT_LAYERS = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
# Imports each module named on the command line with the blocker in place;
# prints those it imported, then those refused.
TRY_IMPORTS = """
import importlib, sys
import tests.unit_blocker
imported, refused = [], []
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except ImportError:
        refused.append(name)
    else:
        imported.append(name)
print(" ".join(imported))
print(" ".join(refused))
"""


def test_the_unit_layer_passes_with_only_its_own_packages():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.unit_blocker", "-p", "no:cacheprovider",
         "-q", "tests/unit"],
        cwd=ROOT, capture_output=True, text=True, env=ONLY_THE_UNIT_LAYERS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_blocker_refuses_the_builds_and_the_browsers_packages_only():
    result = subprocess.run([sys.executable, "-c", TRY_IMPORTS, *UNIT_PACKAGES, *NEVER],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    imported, refused = (line.split() for line in result.stdout.splitlines())
    assert imported == UNIT_PACKAGES
    assert refused == NEVER
