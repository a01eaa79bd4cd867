"""What a learner installs, read from the examples' imports and the installed versions."""

import os
from importlib import metadata

import pytest
from packaging.version import Version

from docs_engine.execution import learner_requirements
from docs_engine.execution.learner_requirements import (COMMENT_WIDTH, RequirementsError,
                                              example_requirements, imported_packages)


def script(tmp_path, source: str, name: str = "plot_x.py"):
    path = tmp_path / name
    path.write_text(source)
    return path


def test_imports_outside_the_standard_library_count(tmp_path):
    source = ("import math\nimport matplotlib.pyplot as plt\nfrom numpy import linalg\n"
              "from . import sibling\n\ndef f():\n    import json, torch.nn\n")
    assert imported_packages(script(tmp_path, source)) == {"matplotlib", "numpy", "torch"}


def test_pins_are_the_installed_public_versions(tmp_path):
    requirements = example_requirements([script(tmp_path, "import torch\nimport numpy\n")])
    installed = {name: Version(metadata.version(name)).public for name in ("numpy", "torch")}
    assert requirements.pins == tuple(f"{n}=={v}" for n, v in sorted(installed.items()))
    assert requirements.install_command == "pip install " + " ".join(requirements.pins)
    assert requirements.cpu_command == (f"pip install torch=={installed['torch']}"
                                        " --index-url https://download.pytorch.org/whl/cpu")


def test_a_local_version_label_is_left_out(tmp_path, monkeypatch):
    monkeypatch.setattr(learner_requirements.metadata, "version", lambda name: "2.13.0+cpu")
    learner_requirements._installed.cache_clear()  # looked up once per process
    try:
        requirements = example_requirements([script(tmp_path, "import torch\n")])
    finally:
        learner_requirements._installed.cache_clear()
    assert requirements.pins == ("torch==2.13.0",)


def test_without_torch_there_is_no_cpu_build_to_mention(tmp_path):
    requirements = example_requirements([script(tmp_path, "import numpy\n")])
    assert requirements.cpu_command is None
    assert "NVIDIA" not in requirements.requirements_txt([], "en")


def test_requirements_txt_is_pins_under_comments_in_the_language_given(tmp_path):
    requirements = example_requirements([script(tmp_path, "import torch\nimport numpy\n")])
    text = requirements.requirements_txt(["AMD EPYC (x86_64, AVX512)", "Intel Xeon (x86_64)"],
                                         "es", lambda message: message.replace("packages",
                                                                               "paquetes"))
    lines = text.splitlines()
    assert [line for line in lines if not line.startswith("#")] == list(requirements.pins)
    assert lines[-len(requirements.pins):] == list(requirements.pins)
    assert all(len(line) <= COMMENT_WIDTH for line in lines if line.startswith("# "))
    assert "paquetes" in text and f"#   {requirements.cpu_command}" in lines
    assert f"Python {requirements.python}" in " ".join(lines)
    # The machines that made the logs, listed as the language lists alternatives.
    assert "AMD EPYC (x86_64, AVX512) o Intel Xeon (x86_64)" in " ".join(
        line.removeprefix("# ") for line in lines)


def test_an_import_no_installed_package_provides_names_the_script(tmp_path):
    path = script(tmp_path, "import no_such_package_anywhere\n")
    with pytest.raises(RequirementsError) as error:
        example_requirements([path])
    assert str(path) in str(error.value) and "no_such_package_anywhere" in str(error.value)


def test_an_edited_script_is_read_again_even_within_the_same_clock_tick(tmp_path):
    script = tmp_path / "plot_1_a.py"
    for source, packages in (("import numpy\n", {"numpy"}), ("import scipy\n", {"scipy"})):
        script.write_text(source)
        os.utime(script, ns=(0, 0))  # one time for both, as a coarse clock may give
        assert imported_packages(script) == packages
