"""The "Run it yourself" box: where it goes and what it says."""

import json
from types import SimpleNamespace

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.utils import new_document
from sphinx import addnodes

from docs_engine.execution import environment as execution_environment
from docs_engine.execution.environment import ExecutionEnvironment, describe
from docs_engine.execution.learner_requirements import example_requirements
from docs_engine.execution.training_record import training_record_path
from docs_engine.pages import colab_link
from docs_engine.pages.run_it_yourself import (COMMAND_WIDTH, MESSAGES, RunItYourself, paragraph,
                                             run_it_yourself, wrapped_command)


# What executed the example, as its record holds it.
EXECUTED_WITH = ExecutionEnvironment(
    python="3.11.7", packages=(("torch", "2.13.0+cpu"),), threads=1, architecture="x86_64",
    processor="Some CPU 9000", vector_instructions="AVX2", variables=(("OMP_NUM_THREADS", "1"),))


class Environment(SimpleNamespace):
    """What the box reads of Sphinx's build environment (which the build's caches
    are kept by, weakly: a plain namespace cannot be)."""

    __hash__ = object.__hash__


def page(tmp_path, *body: nodes.Node, docname: str = "page"):
    """A page being read in an English build whose gallery has one executed example."""
    gallery = tmp_path / "examples" / "nn"
    gallery.mkdir(parents=True)
    (gallery / "plot_x.py").write_text("import math\nimport torch\n")
    training_record_path(gallery / "plot_x.py").write_text(json.dumps(
        {"seconds": 1.0, "losses": [1.0], "environment": EXECUTED_WITH.to_json()}))
    dependencies = []
    # The scripts and the gallery share a folder here: the executed copy is all there is.
    config = SimpleNamespace(language="en", docs_engine_languages={"en": "English", "es": "Español"},
                             docs_engine_gallery_dir="examples", docs_engine_examples_dir="examples")
    env = Environment(config=config, srcdir=tmp_path, note_dependency=dependencies.append,
                      docname=docname, doc2path=lambda name: tmp_path / f"{name}.rst")
    settings = get_default_settings()
    settings.env = env
    document = new_document("page", settings)
    document += nodes.section("", nodes.title("", "Title"), *body)
    return document, dependencies


def example_footer() -> addnodes.only:
    return addnodes.only("", nodes.container(classes=["sphx-glr-footer",
                                                      "sphx-glr-footer-example"]),
                         expr="html")


def test_an_example_page_gets_the_box_right_before_its_downloads(tmp_path):
    footer = example_footer()
    target = nodes.target(refid="download")
    document, dependencies = page(tmp_path, nodes.paragraph("", "Text"), target, footer,
                                  docname="examples/nn/plot_x")
    RunItYourself(document).apply()
    section = document[0]
    box = section[section.index(footer) - 1]
    assert isinstance(box, nodes.admonition) and section.index(target) < section.index(box)
    assert box[0].astext() == MESSAGES["title"]
    assert box[1].astext().startswith("To run this example yourself")
    requirements = example_requirements([tmp_path / "examples/nn/plot_x.py"])
    commands = [block.astext() for block in box.findall(nodes.literal_block)]
    assert commands == [wrapped_command(requirements.install_command),
                        wrapped_command(requirements.cpu_command)]
    assert all(len(line) <= COMMAND_WIDTH for command in commands for line in command.splitlines())
    assert all(node["translatable"] is False for node in box.findall(nodes.TextElement))
    # Read again when the example or the installed torch changes.
    assert str(tmp_path / "examples/nn/plot_x.py") in dependencies
    assert any(path.endswith("torch/__init__.py") for path in dependencies)
    # What made the log, and what reproduces it, from the example's record.
    paragraphs = [p.astext() for p in box.findall(nodes.paragraph)]
    made_with = [p.replace("``", "") for p in describe(EXECUTED_WITH, str, "en")]
    assert made_with == paragraphs[-len(made_with) - 1:-1]
    assert "Some CPU 9000 (x86_64, AVX2)" in made_with[0] and "one thread" in made_with[0]
    # Last, the link to its notebook in Colab, made when the page is written.
    assert paragraphs[-1] == colab_link.MESSAGES["colab"].format(link=colab_link.MESSAGES["open"])
    [link] = box.findall(colab_link.colab_link)
    assert link["docname"] == "examples/nn/plot_x"
    assert str(training_record_path(tmp_path / "examples/nn/plot_x.py")) in dependencies


def test_the_directive_placeholder_becomes_the_box_for_the_whole_site(tmp_path):
    document, _ = page(tmp_path, run_it_yourself(scope="site"))
    RunItYourself(document).apply()
    boxes = list(document.findall(nodes.admonition))
    assert len(boxes) == 1 and not list(document.findall(run_it_yourself))
    assert boxes[0][1].astext().startswith("To run the examples yourself")
    assert boxes[0][-2].astext() == execution_environment.MESSAGES["each page"]


def test_a_page_without_downloads_or_directive_is_left_alone(tmp_path):
    document, _ = page(tmp_path, nodes.paragraph("", "Text"))
    RunItYourself(document).apply()
    assert not list(document.findall(nodes.admonition))


def test_double_backquotes_in_a_message_become_inline_code():
    result = paragraph("a file named ``requirements.txt``, which ``pip`` installs.")
    assert [type(child) for child in result.children] == [nodes.Text, nodes.literal, nodes.Text,
                                                           nodes.literal, nodes.Text]
    assert result.astext() == "a file named requirements.txt, which pip installs."
