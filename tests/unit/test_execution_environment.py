"""What made an example's log: when it is still current, and how it is said."""

import dataclasses
import platform

from docs_engine.execution.environment import (MESSAGES, ExecutionEnvironment, describe, either,
                                               is_current, tolerance)

VERSIONS = {"numpy": "2.4.6", "torch": "2.13.0+cpu"}
RECORDED = ExecutionEnvironment(
    python=platform.python_version(), packages=tuple(sorted(VERSIONS.items())), threads=1,
    architecture="x86_64", processor="Some CPU 9000", vector_instructions="AVX512", variables=())


def test_a_log_is_current_while_python_and_the_imported_versions_are_the_recorded_ones():
    assert is_current(RECORDED, dict(VERSIONS))
    assert not is_current(RECORDED, {**VERSIONS, "torch": "2.14.0+cpu"})  # pip installed another
    assert not is_current(RECORDED, {"numpy": "2.4.6"})  # the example no longer imports torch
    assert not is_current(dataclasses.replace(RECORDED, python="3.10.1"), dict(VERSIONS))
    assert not is_current(None, dict(VERSIONS))  # never recorded


def test_the_processor_alone_does_not_make_a_log_outdated():
    elsewhere = dataclasses.replace(RECORDED, processor="Another CPU", vector_instructions="AVX2")
    assert is_current(elsewhere, dict(VERSIONS))


def test_a_record_reads_back_as_it_was_written():
    assert ExecutionEnvironment.from_json(RECORDED.to_json()) == RECORDED


def test_the_description_names_the_versions_threads_and_processor_in_the_language_given():
    english = describe(RECORDED, str, "en")
    # Names and versions as code, the same in every language.
    assert english[0] == MESSAGES["made one thread"].format(
        software=f"``Python {RECORDED.python}``, ``numpy 2.4.6``, and ``torch 2.13.0+cpu``",
        processor="``Some CPU 9000 (x86_64, AVX512)``")
    # Last, for a PyTorch example: Colab runs it as it is, and on a GPU once asked.
    assert english[1:] == [MESSAGES["same digits"], MESSAGES["one thread"],
                           MESSAGES["other order"].format(tolerance="1%"), MESSAGES["gpu"]]
    spanish = describe(RECORDED, lambda message: message.replace("with", "con"), "es")
    assert f"``Python {RECORDED.python}``, ``numpy 2.4.6`` y ``torch 2.13.0+cpu``" in spanish[0]
    assert "1\N{NO-BREAK SPACE}%" in spanish[-2] and "con" in spanish[0]


def test_without_pytorch_or_on_several_threads_the_description_says_so():
    numpy_only = dataclasses.replace(RECORDED, packages=(("numpy", "2.4.6"),), threads=None,
                                     vector_instructions=None)
    made, *rest = describe(numpy_only, str, "en")
    assert made.startswith(MESSAGES["made"].split("{")[0]) and "thread" not in made
    assert "``Some CPU 9000 (x86_64)``." in made and MESSAGES["one thread"] not in rest
    assert MESSAGES["gpu"] not in rest  # no device line to switch
    several = describe(dataclasses.replace(RECORDED, threads=4), str, "en")
    assert "on 4 threads" in several[0] and MESSAGES["one thread"] not in several


def test_numbers_and_lists_follow_the_language():
    assert tolerance("en") == "1%" and tolerance("tr") == "%1"  # Turkish: the sign first
    assert either(["a", "b", "a"], "en") == "a or b" and either(["a", "b"], "es") == "a o b"
    assert tolerance("not a language") == "1%"  # English when Babel knows no such locale
